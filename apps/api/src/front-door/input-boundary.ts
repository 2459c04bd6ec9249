import {
  getNamedType,
  GraphQLList,
  GraphQLNonNull,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';

import { AppError, type FieldProblem } from '../common/app-error.js';
import { checkText, type TextKind } from '../common/text.js';
import type { RequestContext } from '../graphql-context/request-context.js';
import { isPlainProperty } from '../graphql-context/selected-columns.js';

/** The kind of text a field or argument takes: one line unless it says otherwise (`@MultiLine()`, `@Secret()`). */
export function textKindOf(field: GraphQLInputField | GraphQLArgument): TextKind {
  const kind = (field.extensions as { text?: unknown } | undefined)?.text;
  return kind === 'multiline' || kind === 'secret' ? kind : 'line';
}

/** Whether values of this input type can hold a string anywhere (String, JSON, or an input object or list of them). */
function holdsText(type: GraphQLInputType, seen = new Set<string>()): boolean {
  const named = getNamedType(type);
  if (isScalarType(named)) return named.name === 'String' || named.name === 'JSON';
  if (!isInputObjectType(named) || seen.has(named.name)) return false;
  seen.add(named.name);
  return Object.values(named.getFields()).some((f) => holdsText(f.type, seen));
}

type Path = (string | number)[];

/**
 * Checks and normalises every string in one argument's value, following its GraphQL type, so
 * that nested inputs and lists are covered wherever they are. Returns the value with its strings
 * normalised (a new object where one changed); problems are collected with their paths.
 */
function clean(type: GraphQLInputType, value: unknown, kind: TextKind, path: Path, problems: FieldProblem[]): unknown {
  if (value === null || value === undefined) return value;
  if (isNonNullType(type)) return clean((type as GraphQLNonNull<GraphQLInputType>).ofType, value, kind, path, problems);
  if (isListType(type)) {
    const items = value as unknown[];
    const ofType = (type as GraphQLList<GraphQLInputType>).ofType;
    let changed = false;
    const out = items.map((item, i) => {
      const next = clean(ofType, item, kind, [...path, i], problems);
      changed ||= next !== item;
      return next;
    });
    return changed ? out : value;
  }
  if (isInputObjectType(type)) {
    const fields = type.getFields();
    const input = value as Record<string, unknown>;
    let out: Record<string, unknown> | null = null;
    for (const key of Object.keys(input)) {
      const field = fields[key];
      if (!field || !holdsText(field.type)) continue;
      const next = clean(field.type, input[key], textKindOf(field), [...path, key], problems);
      if (next !== input[key]) (out ??= { ...input })[key] = next;
    }
    return out ?? value;
  }
  if (isScalarType(type) && type.name === 'JSON') {
    refuseInJson(value, path, problems);
    return value;
  }
  if (typeof value !== 'string') return value;
  const checked = checkText(value, kind);
  if (checked.ok) return checked.value;
  problems.push({ field: path.join('.'), key: checked.key, params: checked.params });
  return value;
}

/** Free-form JSON is not normalised, but carries no string that text fields would refuse either. */
function refuseInJson(value: unknown, path: Path, problems: FieldProblem[]): void {
  if (typeof value === 'string') {
    const checked = checkText(value, 'multiline');
    if (!checked.ok) problems.push({ field: path.join('.'), key: checked.key, params: checked.params });
  } else if (Array.isArray(value)) value.forEach((v, i) => refuseInJson(v, [...path, i], problems));
  else if (value && typeof value === 'object')
    Object.entries(value).forEach(([k, v]) => refuseInJson(v, [...path, k], problems));
}

/**
 * The field of an argument as validation errors name it: inside an input object argument, the
 * path in it (`values.0.value`); otherwise the argument's name.
 */
export function fieldPath(arg: GraphQLArgument, path: Path): string {
  const named = getNamedType(arg.type);
  const inner = isInputObjectType(named) && path.length > 1 ? path.slice(1) : path;
  return inner.join('.');
}

/** The arguments of a field, their strings checked and normalised; throws one validation error naming every bad one. */
export function checkArguments(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>) {
  const problems: FieldProblem[] = [];
  let out: Record<string, unknown> | null = null;
  for (const arg of field.args) {
    if (!(arg.name in args) || !holdsText(arg.type)) continue;
    const found: FieldProblem[] = [];
    const next = clean(arg.type, args[arg.name], textKindOf(arg), [arg.name], found);
    problems.push(...found.map((p) => ({ ...p, field: fieldPath(arg, p.field.split('.')) })));
    if (next !== args[arg.name]) (out ??= { ...args })[arg.name] = next;
  }
  if (problems.length) throw AppError.validation(problems);
  return out ?? args;
}

/**
 * Puts the input boundary in front of every resolver of the schema, for every operation present
 * and future:
 * - every string in the arguments (at any depth of input objects and lists) passes `checkText`
 *   before the resolver, its guards or its validation run; a refusal names each field;
 * - no resolver starts once the request's time budget is spent (`RequestContext.deadline`).
 * Identifiers need nothing here: the UUID scalar refuses a malformed one while variables are read.
 */
export function installInputBoundary(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (isPlainProperty(field)) {
        // Nothing runs; Nest's reader is what graphql-js does by default, through two more calls
        // per field of every object.
        field.resolve = undefined;
        continue;
      }
      const resolve = field.resolve!;
      const withText = field.args.some((a) => holdsText(a.type));
      const guarded: GraphQLFieldResolver<unknown, RequestContext> = (source, args, ctx, info) => {
        if (ctx?.deadline !== undefined && Date.now() > ctx.deadline) throw new AppError('TIMED_OUT', 'error.timedOut');
        return resolve(source, withText ? checkArguments(field, args) : args, ctx, info);
      };
      field.resolve = guarded as GraphQLFieldResolver<unknown, unknown>;
    }
  }
  return schema;
}
