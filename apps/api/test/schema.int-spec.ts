import { readFileSync } from 'node:fs';

import { GraphQLSchemaHost } from '@nestjs/graphql';

import { printSorted } from '../src/schema/print-schema.js';
import { startTestApp, type TestApp } from './support/app.js';

describe('the committed schema', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ role: 'api' });
  });
  afterAll(() => app.close());

  it('is what the running API serves (run `npm run schema -w @hundred/api` when this fails)', () => {
    const committed = readFileSync(new URL('../schema.gql', import.meta.url), 'utf8');
    expect(printSorted(app.app.get(GraphQLSchemaHost).schema)).toBe(committed);
  });

  it('reports health of PostgreSQL and Redis', async () => {
    const res = await fetch(`${app.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: 'ok',
      checks: { postgres: { status: 'up' }, redis: { status: 'up' } },
    });
  });
});
