import 'reflect-metadata';

import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';

import { printSorted } from './print-schema.js';
import { ALL_RESOLVERS } from './resolvers.js';

/**
 * Writes apps/api/schema.gql from the resolvers, or with `--check` fails when the committed file
 * differs from what the code defines. Needs no database.
 */
async function main(): Promise<void> {
  const target = fileURLToPath(new URL('../../schema.gql', import.meta.url));
  const app = await NestFactory.createApplicationContext(GraphQLSchemaBuilderModule, { logger: false });
  await app.init();
  const schema = await app.get(GraphQLSchemaFactory).create(ALL_RESOLVERS);
  await app.close();
  const printed = printSorted(schema);
  if (process.argv.includes('--check')) {
    let committed = '';
    try {
      committed = readFileSync(target, 'utf8');
    } catch {
      /* missing counts as stale */
    }
    if (committed !== printed) {
      console.error('apps/api/schema.gql is stale: run `npm run schema -w @hundred/api` and commit the result.');
      process.exit(1);
    }
    console.log('apps/api/schema.gql is up to date.');
    return;
  }
  writeFileSync(target, printed);
  console.log(`Wrote ${target}`);
}

void main();
