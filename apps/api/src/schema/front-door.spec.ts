import 'reflect-metadata';

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory, TypeMetadataStorage } from '@nestjs/graphql';
import { getMetadataStorage } from 'class-validator';
import {
  getNamedType,
  GraphQLError,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  Kind,
  parse,
  typeFromAST,
  validate,
  type DefinitionNode,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';

import { AppError } from '../common/app-error.js';
import { rangeCheckedBy } from '../common/validation.js';
import { loadConfig } from '../config/config.js';
import { installInputBoundary } from '../front-door/input-boundary.js';
import { costOf, requestLimits } from '../front-door/request-limits.js';
import { ALL_RESOLVERS } from './resolvers.js';

type Path = (string | number)[];
interface Leaf {
  path: Path;
  type: string;
}

/** Every scalar leaf an argument value can hold: nested input fields and the first item of lists. */
function leaves(type: GraphQLInputType, path: Path, seen: string[] = []): Leaf[] {
  if (isNonNullType(type)) return leaves(type.ofType as GraphQLInputType, path, seen);
  if (isListType(type)) return leaves(type.ofType as GraphQLInputType, [...path, 0], seen);
  if (isInputObjectType(type)) {
    if (seen.includes(type.name)) return [];
    return Object.values(type.getFields()).flatMap((f) => leaves(f.type, [...path, f.name], [...seen, type.name]));
  }
  return [{ path, type: getNamedType(type).name }];
}

/** A value of the argument with `bad` at `path` and nothing else (optional fields left out). */
function valueWith(type: GraphQLInputType, path: Path, bad: unknown): unknown {
  if (path.length === 0) return bad;
  if (isNonNullType(type)) return valueWith(type.ofType as GraphQLInputType, path, bad);
  if (isListType(type)) return [valueWith(type.ofType as GraphQLInputType, path.slice(1), bad)];
  const [head, ...rest] = path;
  const field = isInputObjectType(type) ? type.getFields()[head as string]! : undefined;
  return { [head as string]: valueWith(field!.type, rest, bad) };
}

/** Every field of the schema that takes arguments, with its type's name. */
function fieldsWithArguments(schema: GraphQLSchema): [string, GraphQLField<unknown, unknown>][] {
  return Object.values(schema.getTypeMap())
    .filter((t) => isObjectType(t) && !t.name.startsWith('__'))
    .flatMap((t) => Object.values((t as { getFields(): Record<string, GraphQLField<unknown, unknown>> }).getFields()))
    .filter((f) => f.args.length > 0)
    .map((f) => [f.name, f]);
}

let schema: GraphQLSchema;

beforeAll(async () => {
  const app = await NestFactory.createApplicationContext(GraphQLSchemaBuilderModule, { logger: false });
  await app.init();
  schema = await app.get(GraphQLSchemaFactory).create(ALL_RESOLVERS);
  await app.close();
});

describe('the input boundary', () => {
  it('takes every identifier as a UUID: no argument or input field is an ID', () => {
    const ids = fieldsWithArguments(schema).flatMap(([name, field]) =>
      field.args.flatMap((a) => leaves(a.type, [name, a.name]).filter((l) => l.type === 'ID')),
    );
    expect(ids.map((l) => l.path.join('.'))).toEqual([]);
  });

  it('checks every string of every argument of every field, present and future', async () => {
    const fields = fieldsWithArguments(schema);
    for (const [, field] of fields) field.resolve = () => 'resolved';
    installInputBoundary(schema);
    const strings = fields.flatMap(([name, field]) =>
      field.args.flatMap((arg) =>
        leaves(arg.type, [arg.name])
          .filter((l) => l.type === 'String')
          .map((l) => ({ name, field, arg, leaf: l })),
      ),
    );
    expect(strings.length).toBeGreaterThan(60);
    const unchecked: string[] = [];
    for (const { name, field, arg, leaf } of strings) {
      for (const bad of ['a\u0000b', 'a\ud800b', 'a\u202eb']) {
        const args = { [arg.name]: valueWith(arg.type, leaf.path.slice(1), bad) };
        try {
          await field.resolve!({}, args, { deadline: Date.now() + 60_000 }, {} as never);
          unchecked.push(`${name}(${leaf.path.join('.')}) took ${JSON.stringify(bad)}`);
        } catch (err) {
          if (!(err instanceof AppError) || err.code !== 'VALIDATION' || err.fields.length !== 1)
            unchecked.push(`${name}(${leaf.path.join('.')}): ${String(err)}`);
        }
      }
    }
    expect(unchecked).toEqual([]);
  });
});

describe('numbers of inputs', () => {
  it('declare a range, every one of them', () => {
    // The metadata of the input and argument classes, compiled by building the schema above.
    const classes = [...TypeMetadataStorage.getInputTypesMetadata(), ...TypeMetadataStorage.getArgumentsMetadata()];
    const validation = getMetadataStorage();
    const numeric = (p: { typeFn: () => unknown }) => {
      const t = p.typeFn();
      const named = Array.isArray(t) ? t[0] : t;
      return (
        named === Number ||
        (named instanceof Object && 'name' in named && ['Int', 'Float'].includes(String(named.name)))
      );
    };
    const missing: string[] = [];
    let checked = 0;
    for (const meta of classes) {
      const target = meta.target as abstract new () => unknown;
      const rules = validation.getTargetValidationMetadatas(target as never, '', true, false);
      for (const property of (meta.properties ?? []).filter(numeric)) {
        checked++;
        const names = rules.filter((r) => r.propertyName === property.name).map((r) => r.name);
        const ranged = names.includes('min') && names.includes('max');
        if (!ranged && !rangeCheckedBy(target, property.name)) missing.push(`${meta.name}.${property.name}`);
      }
    }
    expect(checked).toBeGreaterThan(40);
    expect(missing).toEqual([]);
  });
});

describe('the cost of a request', () => {
  it('is declared for every list of objects, so that the cost limit sees its size', () => {
    const lists = Object.values(schema.getTypeMap())
      .filter((t) => isObjectType(t) && !t.name.startsWith('__'))
      .flatMap((t) =>
        Object.values((t as { getFields(): Record<string, GraphQLField<unknown, unknown>> }).getFields()).map(
          (f) => [t.name, f] as const,
        ),
      )
      .filter(([, f]) => {
        const inner = isNonNullType(f.type) ? f.type.ofType : f.type;
        const named = getNamedType(f.type);
        return isListType(inner) && !isScalarType(named) && !isEnumType(named);
      });
    const undeclared = lists
      .filter(([, f]) => (f.extensions as { complexity?: unknown }).complexity === undefined)
      .map(([t, f]) => `${t}.${f.name}`);
    expect(lists.length).toBeGreaterThan(30);
    expect(undeclared).toEqual([]);
  });

  it('of every operation the web app sends stays well within the limit', () => {
    const web = fileURLToPath(new URL('../../../web/src', import.meta.url));
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((f) => {
        const p = path.join(dir, f);
        if (statSync(p).isDirectory()) return f === 'gql' ? [] : files(p);
        return /\.tsx?$/.test(f) ? [p] : [];
      });
    const definitions: DefinitionNode[] = files(web).flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/graphql\(`([\s\S]*?)`\)/g)].flatMap((m) => parse(m[1]!).definitions),
    );
    const fragments = definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);
    const operations = definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    expect(operations.length).toBeGreaterThan(40);
    const sample = (t: GraphQLInputType): unknown => {
      if (isNonNullType(t)) return sample(t.ofType as GraphQLInputType);
      if (isListType(t)) return [];
      return (
        { Int: 1, Float: 1, Boolean: false, UUID: '00000000-0000-0000-0000-000000000000' }[getNamedType(t).name] ?? 'x'
      );
    };
    const max = loadConfig({}).graphqlMaxCost;
    const costs = operations.map((op) => {
      const variables = Object.fromEntries(
        (op.variableDefinitions ?? []).map((v) => [
          v.variable.name.value,
          sample(typeFromAST(schema, v.type as never) as GraphQLInputType),
        ]),
      );
      let cost: number;
      try {
        cost = costOf(schema, { kind: Kind.DOCUMENT, definitions: [op, ...fragments] }, variables, op.name?.value);
      } catch (err) {
        if (err instanceof GraphQLError && /Variable/.test(err.message))
          cost = 0; // inputs the sample cannot fill
        else throw err;
      }
      return { name: op.name?.value, cost };
    });
    expect(costs.filter((c) => c.cost > max / 2)).toEqual([]);

    // Nor does any come near the depth, alias and directive limits.
    const strict = requestLimits({
      ...loadConfig({}),
      graphqlMaxDepth: 7,
      graphqlMaxAliases: 3,
      graphqlMaxDirectives: 5,
    });
    const refused = operations.flatMap((op) =>
      validate(schema, { kind: Kind.DOCUMENT, definitions: [op, ...fragments] }, strict.validationRules).map(
        (e) => `${op.name?.value}: ${e.message}`,
      ),
    );
    expect(refused).toEqual([]);
  });
});
