import { randomUUID } from 'node:crypto';

import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  type GraphQLType,
} from 'graphql';
import { Redis } from 'ioredis';
import pg from 'pg';

import { seed } from '../../src/seed/seed.js';
import { seedWorkflow } from '../../src/seed/demo-workflow.js';
import { startTestApp, type TestApp } from './app.js';
import { GqlClient } from './gql.js';

/** The password of every demo account. */
export const DEMO_PASSWORD = 'Hundred-2026';

/**
 * The demo data on a database of its own (the suites share the run's database, and the demo's
 * fixed e-mail addresses and codes must not meet theirs), with apps started on it in the
 * configurations a test asks for; everything is dropped at the end.
 */
export class DemoWorld {
  private apps: TestApp[] = [];
  private prefixes: string[] = [];
  private constructor(readonly databaseUrl: string) {}

  static async create(): Promise<DemoWorld> {
    const shared = new URL(process.env.DATABASE_URL!);
    const name = `${shared.pathname.slice(1)}_demo`;
    if (!name.startsWith('hundred_test_')) throw new Error(`refusing to use ${name}`);
    const admin = new URL(shared);
    admin.pathname = '/postgres';
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      await client.query(`CREATE DATABASE "${name}"`);
    } finally {
      await client.end();
    }
    const url = new URL(shared);
    url.pathname = `/${name}`;
    const world = new DemoWorld(url.toString());
    const app = await world.start();
    await seed(app.dataSource, 4096);
    await seedWorkflow(app.app, 4096);
    return world;
  }

  /** An API (no worker) on the demo database, with settings of its own and a Redis prefix of its own. */
  async start(env: Record<string, string> = {}): Promise<TestApp> {
    const prefix = `${process.env.REDIS_PREFIX}-demo${this.prefixes.length}`;
    this.prefixes.push(prefix);
    const app = await startTestApp({
      role: 'api',
      env: { DATABASE_URL: this.databaseUrl, REDIS_PREFIX: prefix, ...env },
    });
    this.apps.push(app);
    return app;
  }

  async close(): Promise<void> {
    await Promise.all(this.apps.splice(0).map((a) => a.close()));
    const db = new URL(this.databaseUrl);
    const name = db.pathname.slice(1);
    db.pathname = '/postgres';
    const client = new pg.Client({ connectionString: db.toString() });
    await client.connect();
    try {
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    } finally {
      await client.end();
    }
    const redis = new Redis(process.env.REDIS_URL!);
    try {
      for (const prefix of this.prefixes) {
        let cursor = '0';
        do {
          const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
          if (keys.length > 0) await redis.unlink(...keys);
          cursor = next;
        } while (cursor !== '0');
      }
    } finally {
      redis.disconnect();
    }
  }
}

/** A client signed in as a demo account. */
export async function demoClient(app: TestApp, email: string, lang: 'ar' | 'en' = 'en'): Promise<GqlClient> {
  const client = new GqlClient(app.url, lang);
  const res = await client.signIn(email, DEMO_PASSWORD);
  if (res.errors) throw new Error(`${email} cannot sign in: ${JSON.stringify(res.errors)}`);
  return client;
}

/** The number of rows of every table: what a refused request must leave as it was. */
export async function rowCounts(app: TestApp): Promise<Record<string, number>> {
  const tables = (await app.dataSource.query(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  )) as { tablename: string }[];
  const [row] = (await app.dataSource.query(
    `SELECT json_build_object(${tables.map((t) => `'${t.tablename}', (SELECT count(*) FROM "${t.tablename}")`).join(', ')}) AS counts`,
  )) as { counts: Record<string, number> }[];
  return row!.counts;
}

// ------------------------------------------------------------------------------------------------
// Walking the schema

export type Path = (string | number)[];

export interface Operation {
  kind: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
}

/** Every query and mutation of the schema the running API serves. */
export function operationsOf(app: TestApp): { schema: GraphQLSchema; operations: Operation[] } {
  const schema = app.app.get(GraphQLSchemaHost).schema;
  const of = (kind: Operation['kind']) =>
    Object.values((kind === 'query' ? schema.getQueryType() : schema.getMutationType())!.getFields()).map((field) => ({
      kind,
      field,
    }));
  return { schema, operations: [...of('query'), ...of('mutation')] };
}

/** A scalar position an argument value can hold, with its type and its field or argument's name. */
export interface Leaf {
  arg: GraphQLArgument;
  /** From the argument's name: `['input', 'values', 0, 'value']`. */
  path: Path;
  type: string;
  list: boolean;
}

export function leavesOf(field: GraphQLField<unknown, unknown>): Leaf[] {
  const walk = (arg: GraphQLArgument, type: GraphQLInputType, path: Path, seen: string[], list: boolean): Leaf[] => {
    if (isNonNullType(type)) return walk(arg, type.ofType as GraphQLInputType, path, seen, list);
    if (isListType(type)) return walk(arg, type.ofType as GraphQLInputType, [...path, 0], seen, true);
    if (isInputObjectType(type)) {
      if (seen.includes(type.name)) return [];
      return Object.values(type.getFields()).flatMap((f) =>
        walk(arg, f.type, [...path, f.name], [...seen, type.name], false),
      );
    }
    return [{ arg, path, type: getNamedType(type).name, list }];
  };
  return field.args.flatMap((a) => walk(a, a.type, [a.name], [], false));
}

/** How validation names a leaf: its path inside an input argument, or the argument's name. */
export function fieldName(leaf: Leaf, dropListIndex = false): string {
  const inner = isInputObjectType(getNamedType(leaf.arg.type)) ? leaf.path.slice(1) : leaf.path;
  const out = dropListIndex && leaf.list ? inner.slice(0, -1) : inner;
  return out.join('.');
}

/** The name of the last named field of a path (what a sample value is chosen by). */
const lastName = (path: Path) => [...path].reverse().find((p) => typeof p === 'string') as string;

/** Values that pass validation for the fields that have rules, by field name. */
const SAMPLES: Record<string, unknown> = {
  nameAr: 'اسم تجريبي',
  nameEn: 'Sample name',
  titleAr: 'عنوان تجريبي',
  titleEn: 'Sample title',
  code: 'ZZSEC',
  email: 'nobody.sample@test.example',
  password: 'Sample-passw0rd',
  newPassword: 'Sample-passw0rd-2',
  currentPassword: 'Not-the-passw0rd',
  day1: '2031-03-01',
  timeZone: 'Asia/Amman',
  checkInTime: '12:00',
  asOf: '2031-03-01',
  url: 'https://example.org/file',
  criterion: 'CLEAR_AMBITIOUS_GOAL',
  key: 'SAMPLE_KEY',
  subjectType: 'challenge',
  search: 'sample',
  score: 3,
  week: 1,
  minReviewers: 1,
  approvalsRequired: 1,
  minTeamMembers: 1,
  minTeamAgencies: 1,
  checkInEscalationRepeatWeeks: 4,
  staleDays: 14,
  green: 0.9,
  amber: 0.6,
  weekendDays: [5, 6],
  holidays: [],
  checkpoints: [130, 190, 280],
  limit: 5,
  offset: 0,
  sort: 0,
  version: 1,
  baseline: 1,
  target: 2,
  value: 1,
  days: 0,
  hours: 0,
  minutes: 0,
};

export type IdFor = (leaf: { path: Path; op: string }) => string;

/**
 * A value of `type` that GraphQL accepts and validation, where it can, too: named fields take a
 * sample of their own; identifiers come from `idFor`; optional fields are left out; lists hold one
 * item on the way to `target` (the leaf being tried) and none otherwise.
 */
export function sample(
  op: string,
  type: GraphQLInputType,
  path: Path,
  idFor: IdFor,
  target?: { path: Path; value: unknown },
): unknown {
  const same = (a: Path, b: Path) => a.length === b.length && a.every((x, i) => x === b[i]);
  if (target && same(path, target.path)) return target.value;
  const onTheWay = !!target && target.path.length > path.length && same(target.path.slice(0, path.length), path);
  if (isNonNullType(type)) return sample(op, type.ofType as GraphQLInputType, path, idFor, target);
  const name = lastName(path);
  if (isListType(type)) {
    if (onTheWay) return [sample(op, type.ofType as GraphQLInputType, [...path, 0], idFor, target)];
    if (name in SAMPLES && Array.isArray(SAMPLES[name])) return SAMPLES[name];
    const inner = getNamedType(type);
    return isScalarType(inner) && inner.name === 'UUID' ? [idFor({ path: [...path, 0], op })] : [];
  }
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(type.getFields())) {
      const fieldPath = [...path, f.name];
      const needed = isNonNullType(f.type) && f.defaultValue === undefined;
      const wanted =
        !!target && target.path.length >= fieldPath.length && same(target.path.slice(0, fieldPath.length), fieldPath);
      if (needed || wanted) out[f.name] = sample(op, f.type, fieldPath, idFor, target);
    }
    return out;
  }
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (name in SAMPLES) return SAMPLES[name];
  switch ((type as { name: string }).name) {
    case 'UUID':
      return idFor({ path, op });
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    default:
      return 'sample';
  }
}

/**
 * The variables of an operation: every required argument, the one holding the target, and those
 * `also` names.
 */
export function variablesOf(
  field: GraphQLField<unknown, unknown>,
  idFor: IdFor,
  target?: { path: Path; value: unknown },
  also: (arg: GraphQLArgument) => boolean = () => false,
) {
  const out: Record<string, unknown> = {};
  for (const arg of field.args) {
    const holds = target?.path[0] === arg.name;
    if (holds || also(arg) || (isNonNullType(arg.type) && arg.defaultValue === undefined))
      out[arg.name] = sample(field.name, arg.type, [arg.name], idFor, target);
  }
  return out;
}

const printType = (t: GraphQLType): string => t.toString();

/** A document that calls the operation with every argument as a variable of the same name. */
export function documentOf(op: Operation, variables: Record<string, unknown>): string {
  const args = op.field.args.filter((a) => a.name in variables);
  const defs = args.map((a) => `$${a.name}: ${printType(a.type)}`).join(', ');
  const call = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const returns = getNamedType(op.field.type);
  const selection = isObjectType(returns) ? ' { __typename }' : '';
  return `${op.kind} ${defs ? `(${defs})` : ''} { ${op.field.name}${call ? `(${call})` : ''}${selection} }`;
}

/** A fresh identifier that names nothing. */
export const missingId = () => randomUUID();
