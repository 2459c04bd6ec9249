import { readFileSync } from 'node:fs';

import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  getNamedType,
  Kind,
  parse,
  type FieldNode,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type OperationDefinitionNode,
} from 'graphql';
import { DataSource } from 'typeorm';

import { Cohort } from '../src/cohorts/cohort.entity.js';
import { DirectFieldResolvers } from '../src/graphql-context/direct-field-resolvers.js';
import { selectedColumns } from '../src/graphql-context/selected-columns.js';
import { User } from '../src/identity/user.entity.js';

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

  describe('the columns a list loads for a selection (selectedColumns)', () => {
    /** What graphql-js hands the resolver of the first root field of `query`. */
    const infoOf = (query: string): GraphQLResolveInfo => {
      const schema = app.app.get(GraphQLSchemaHost).schema;
      const doc = parse(query);
      const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
      const field = op.selectionSet.selections[0] as FieldNode;
      const fragments = Object.fromEntries(
        doc.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : [])),
      );
      const root = schema.getQueryType()!.getFields()[field.name.value]!;
      return { fieldNodes: [field], returnType: root.type, fragments, schema } as unknown as GraphQLResolveInfo;
    };
    const cohortColumns = (query: string) =>
      selectedColumns(infoOf(query), app.app.get(DataSource).getMetadata(Cohort))?.sort();

    it('are the stored fields asked for, with the id, through fragments too', () => {
      expect(cohortColumns('{ cohorts { state nameEn __typename } }')).toEqual(['id', 'nameEn', 'state']);
      expect(
        cohortColumns('query { cohorts { ...C ... on Cohort { day1 } } } fragment C on Cohort { id version }'),
      ).toEqual(['day1', 'id', 'version']);
    });

    it('are every column when a field is worked out by a resolver', () => {
      expect(cohortColumns('{ cohorts { id state currentDay } }')).toBeUndefined();
      expect(cohortColumns('{ cohorts { id phases { state } } }')).toBeUndefined();
      // email is a column of app_user, but UserResolver decides who may read it.
      const type = getNamedType(app.app.get(GraphQLSchemaHost).schema.getType('User')) as GraphQLObjectType;
      const info = {
        ...infoOf('{ me { id email } }'),
        returnType: type,
      } as GraphQLResolveInfo;
      expect(selectedColumns(info, app.app.get(DataSource).getMetadata(User))).toBeUndefined();
      expect(
        selectedColumns(
          { ...infoOf('{ me { id nameEn } }'), returnType: type },
          app.app.get(DataSource).getMetadata(User),
        )?.sort(),
      ).toEqual(['id', 'nameEn']);
    });
  });

  it('calls field resolvers of parent and context directly, and leaves the others to Nest', () => {
    const direct = app.app.get(DirectFieldResolvers).installed;
    // (@Parent, @Context) only: a KPI's status and latest value, a team's RAG.
    expect(direct).toEqual(expect.arrayContaining(['Kpi.rag', 'Kpi.expected', 'Kpi.latestValue', 'Team.rag']));
    // A custom parameter (@CurrentActor) or arguments keep Nest's path, with their pipes.
    expect(direct).not.toContain('Team.availableEvents');
    expect(direct).not.toContain('Team.checkIns');
  });
});
