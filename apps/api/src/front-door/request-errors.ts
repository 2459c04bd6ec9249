import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { DEFAULT_LANGUAGE, type Language } from '@hundred/domain';
import { Logger } from '@nestjs/common';
import { TypeMetadataStorage } from '@nestjs/graphql';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import {
  coerceInputValue,
  getOperationAST,
  getNamedType,
  GraphQLError,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  typeFromAST,
  type ASTNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLArgument,
  type GraphQLFormattedError,
  type GraphQLInputObjectType,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

import { AppError, type FieldProblem } from '../common/app-error.js';
import { renderAppError } from '../common/errors.filter.js';
import { translate, type MessageKey } from '../common/messages.js';
import { problems as problemsOf, VALIDATION_OPTIONS } from '../common/validation.js';
import type { RequestContext } from '../graphql-context/request-context.js';
import { checkArguments, fieldPath } from './input-boundary.js';

type Path = (string | number)[];

/** Where a value of the document goes: the argument it belongs to, its path from the argument, and its type. */
interface Position {
  arg: GraphQLArgument;
  path: Path;
  type: GraphQLInputType;
}

/** The input type at `path` inside `type` (list indices and input object fields), if there is one. */
function typeAt(type: GraphQLInputType, path: readonly (string | number)[]): GraphQLInputType | undefined {
  let current: GraphQLInputType | undefined = type;
  for (const step of path) {
    while (current && isNonNullType(current)) current = current.ofType as GraphQLInputType;
    if (!current) return undefined;
    if (isListType(current) && typeof step === 'number') current = current.ofType as GraphQLInputType;
    else if (isInputObjectType(current) && typeof step === 'string') current = current.getFields()[step]?.type;
    else return undefined;
  }
  return current;
}

/**
 * Every argument value of an operation with its position: variables by name (their first use)
 * and literal value nodes by identity, so that an error on either can name the field.
 */
function positionsOf(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode) {
  const variables = new Map<string, Position>();
  const literals = new Map<ASTNode, Position>();
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const seenFragments = new Set<string>();

  const value = (node: ValueNode, at: Position): void => {
    literals.set(node, at);
    if (node.kind === Kind.VARIABLE) {
      if (!variables.has(node.name.value)) variables.set(node.name.value, at);
    } else if (node.kind === Kind.LIST) {
      node.values.forEach((v, i) => value(v, { ...at, path: [...at.path, i], type: typeAt(at.type, [i]) ?? at.type }));
    } else if (node.kind === Kind.OBJECT) {
      for (const f of node.fields) {
        const next = { ...at, path: [...at.path, f.name.value], type: typeAt(at.type, [f.name.value]) ?? at.type };
        literals.set(f, next);
        value(f.value, next);
      }
    }
  };
  const selections = (set: SelectionSetNode | undefined, parent: GraphQLNamedType | undefined): void => {
    if (!set) return;
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        const def =
          parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[s.name.value] : undefined;
        for (const a of s.arguments ?? []) {
          const arg = def?.args.find((x) => x.name === a.name.value);
          if (arg) value(a.value, { arg, path: [arg.name], type: arg.type });
        }
        selections(s.selectionSet, def ? getNamedType(def.type) : undefined);
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        selections(s.selectionSet, s.typeCondition ? schema.getType(s.typeCondition.name.value) : parent);
      } else if (!seenFragments.has(s.name.value)) {
        seenFragments.add(s.name.value);
        const fragment = fragments.get(s.name.value);
        if (fragment) selections(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value));
      }
    }
  };
  const root =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  selections(operation.selectionSet, root ?? undefined);
  return { variables, literals };
}

/** What is wrong with a value of this type, from the coercion error graphql-js gave. */
function problemKey(type: GraphQLInputType | undefined, message: string): MessageKey {
  if (/ of required type .* was not provided|must not be null|not to be null|must be non-null/.test(message))
    return 'validation.required';
  if (/ is not defined by type /.test(message)) return 'validation.unknownField';
  const named = type ? getNamedType(type) : undefined;
  if (!named) return 'validation.invalid';
  if (isEnumType(named)) return 'validation.oneOf';
  switch (named.name) {
    case 'Int':
      return 'validation.integer';
    case 'Float':
      return 'validation.numeric';
    case 'Boolean':
      return 'validation.boolean';
    case 'String':
      return 'validation.text';
    case 'ID':
    case 'UUID':
      return 'validation.uuid';
    default:
      return 'validation.invalid';
  }
}

/** The field a problem inside an input object names when graphql-js reports it on the object (a missing or unknown field). */
const namedField = (message: string): string | undefined =>
  /^Field "(?:[A-Za-z_]\w*\.)?([A-Za-z_]\w*)" (?:of required type|is not defined by type)/.exec(message)?.[1];

/** The problems of the request's variables, found by coercing them again the way graphql-js does. */
function variableProblems(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  values: Record<string, unknown>,
  positions: Map<string, Position>,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const def of operation.variableDefinitions ?? []) {
    const name = def.variable.name.value;
    const type = typeFromAST(schema, def.type) as GraphQLInputType | undefined;
    const at = positions.get(name);
    if (!type || !at) continue;
    const fieldOf = (inner: Path) => fieldPath(at.arg, [...at.path, ...inner].map(String));
    const present = Object.prototype.hasOwnProperty.call(values, name);
    if (!present || values[name] === null) {
      if (isNonNullType(type) && !(def.defaultValue && !present))
        problems.push({ field: fieldOf([]), key: 'validation.required' });
      continue;
    }
    const found: FieldProblem[] = [];
    coerceInputValue(values[name], type, (path, _invalid, error) => {
      const inner: Path = [...path];
      const missing = namedField(error.message);
      if (missing && !inner.includes(missing)) inner.push(missing);
      const key = problemKey(typeAt(type, inner), error.message);
      // A scalar in a list is named by its list, as validation names it (`alignmentNodeIds`).
      if (typeof inner[inner.length - 1] === 'number') inner.pop();
      found.push({ field: fieldOf(inner), key });
    });
    problems.push(...found);
    // The variable is a whole input argument: say what else is wrong with it too, in one answer.
    if (found.length && at.path.length === 1 && isInputObjectType(getNamedType(at.arg.type)))
      problems.push(...otherProblems(at, values[name]));
  }
  return problems;
}

/** Input classes by their GraphQL name (the validation rules of each input type live on its class). */
let inputClasses: Map<string, new () => object> | undefined;
const inputClass = (name: string) =>
  (inputClasses ??= new Map(
    TypeMetadataStorage.getInputTypesMetadata().map((m) => [m.name, m.target as new () => object]),
  )).get(name);

/** The value with the defaults its input type declares, as coercion would have filled them in. */
function withDefaults(type: GraphQLInputType, value: unknown): unknown {
  const named = isNonNullType(type) ? type.ofType : type;
  if (isListType(named)) return Array.isArray(value) ? value.map((v) => withDefaults(named.ofType, v)) : value;
  if (!isInputObjectType(named) || !value || typeof value !== 'object' || Array.isArray(value)) return value;
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const field of Object.values((named as GraphQLInputObjectType).getFields())) {
    if (!(field.name in out) && field.defaultValue !== undefined) out[field.name] = field.defaultValue;
    else if (field.name in out) out[field.name] = withDefaults(field.type, out[field.name]);
  }
  return out;
}

/**
 * What the input boundary and the validation rules would say of an argument whose variable could
 * not be read, so that one answer names every wrong field (the fields graphql-js refused come first).
 */
function otherProblems(at: Position, raw: unknown): FieldProblem[] {
  const named = getNamedType(at.arg.type);
  if (!raw || typeof raw !== 'object' || Array.isArray(raw) || !isInputObjectType(named)) return [];
  const value = withDefaults(named, raw);
  const out: FieldProblem[] = [];
  try {
    checkArguments({ args: [at.arg] } as never, { [at.arg.name]: value });
  } catch (err) {
    if (err instanceof AppError) out.push(...err.fields);
  }
  const cls = inputClass(named.name);
  if (cls) {
    try {
      out.push(...problemsOf(validateSync(plainToInstance(cls, value), VALIDATION_OPTIONS)));
    } catch {
      /* a value too far from its type to validate: what graphql-js said stands */
    }
  }
  return out;
}

/** The problem of a literal value the validation refused (a wrong type written into the document itself). */
function literalProblem(error: GraphQLError, positions: Map<ASTNode, Position>): FieldProblem | null {
  if (
    !/^(Expected value of type|Field ".*" of required type|Field ".*" is not defined by type|\w+ cannot represent)/.test(
      error.message,
    )
  )
    return null;
  const node = error.nodes?.[0];
  const at = node ? positions.get(node) : undefined;
  if (!at) return null;
  const inner: Path = [];
  const missing = namedField(error.message);
  if (missing && node?.kind === Kind.OBJECT) inner.push(missing);
  const type = typeAt(at.arg.type, [...at.path.slice(1), ...inner]);
  return { field: fieldPath(at.arg, [...at.path, ...inner].map(String)), key: problemKey(type, error.message) };
}

const LIMIT_LABELS: Record<string, MessageKey> = {
  depth: 'limit.depth',
  aliases: 'limit.aliases',
  directives: 'limit.directives',
  tokens: 'limit.tokens',
  cost: 'limit.cost',
};

/** A refusal for a request that asks for too much, in the caller's language. */
export function tooComplex(lang: Language, limit: keyof typeof LIMIT_LABELS, max: number): GraphQLError {
  return new GraphQLError(translate(lang, 'error.tooComplex', { limit: LIMIT_LABELS[limit]!, max }), {
    extensions: { code: 'TOO_COMPLEX', limit, max, http: { status: 400 } },
  });
}

const formatted = (error: GraphQLError, base?: GraphQLFormattedError): GraphQLFormattedError => {
  const json = error.toJSON();
  const { http: _http, ...extensions } = (json.extensions ?? {}) as Record<string, unknown>;
  return {
    message: json.message,
    ...(base?.locations ? { locations: base.locations } : {}),
    ...(base?.path ? { path: base.path } : {}),
    extensions,
  };
};

/**
 * Every refusal in the caller's language, in the shape validation errors have
 * (`BAD_USER_INPUT`, one message per field in `extensions.fields`), whatever stage refused it:
 * - values the request's variables or literals cannot be read as (a string for an Int, NaN,
 *   Infinity, 2^31, a malformed UUID, a missing required field) — named by their path in the
 *   argument, as validation errors are;
 * - refusals of the input boundary and of resolvers the error filter does not see (AppError);
 * - requests that ask for too much (depth, aliases, directives, length, cost) and requests
 *   that are not valid GraphQL, with the parser's or validator's words only outside production;
 * - unexpected errors of field resolvers: logged, and shown as an internal error.
 * A request stopped by its time budget answers one TIMED_OUT error and no data.
 */
export function requestErrorsPlugin(options: { production: boolean }): ApolloServerPlugin<RequestContext> {
  const logger = new Logger('Errors');
  return {
    async requestDidStart() {
      return {
        async willSendResponse(rc: GraphQLRequestContext<RequestContext>) {
          const body = rc.response.body;
          if (body?.kind !== 'single' || !body.singleResult.errors?.length) return;
          const result = body.singleResult;
          const out = result.errors!;
          const originals = rc.errors ?? [];
          if (originals.length !== out.length) return;
          const lang = rc.contextValue?.lang ?? DEFAULT_LANGUAGE;
          const detail = (e: GraphQLError) => (options.production ? {} : { detail: e.message });
          // The operation, also when validation refused the document (Apollo resolves it only after).
          const operation =
            rc.operation ?? (rc.document ? getOperationAST(rc.document, rc.request.operationName) : null);
          const positions = rc.document && operation ? positionsOf(rc.schema, rc.document, operation) : undefined;

          const problems: FieldProblem[] = [];
          const errors: GraphQLFormattedError[] = [];
          let timedOut = false;
          originals.forEach((error, i) => {
            const code = error.extensions?.code;
            const original = error.originalError;
            if (original instanceof AppError) {
              if (original.code === 'TIMED_OUT') timedOut = true;
              else errors.push(formatted(renderAppError(original, lang), out[i]));
              return;
            }
            if (code === 'BAD_USER_INPUT' && /^Variable "\$/.test(error.message)) {
              if (problems.length === 0 && positions && operation)
                problems.push(
                  ...variableProblems(rc.schema, operation, rc.request.variables ?? {}, positions.variables),
                );
              return;
            }
            if (code === 'GRAPHQL_VALIDATION_FAILED' || code === 'GRAPHQL_PARSE_FAILED') {
              const limit = (original as GraphQLError | undefined)?.extensions?.limit ?? error.extensions?.limit;
              const max = (original as GraphQLError | undefined)?.extensions?.max ?? error.extensions?.max;
              if (typeof limit === 'string' && limit in LIMIT_LABELS && typeof max === 'number') {
                errors.push(formatted(tooComplex(lang, limit as keyof typeof LIMIT_LABELS, max)));
                return;
              }
              if (/Document contains more that \d+ tokens/.test(error.message)) {
                const n = Number(/more that (\d+) tokens/.exec(error.message)![1]);
                errors.push(formatted(tooComplex(lang, 'tokens', n)));
                return;
              }
              const literal = positions ? literalProblem(error, positions.literals) : null;
              if (literal) {
                problems.push(literal);
                return;
              }
              errors.push({
                message: translate(lang, 'error.invalidRequest'),
                ...(out[i]!.locations ? { locations: out[i]!.locations } : {}),
                extensions: { code, ...detail(error) },
              });
              return;
            }
            if (code === 'INTERNAL_SERVER_ERROR' && !(original instanceof GraphQLError)) {
              logger.error(
                { err: original ?? error, request: { id: rc.contextValue?.req?.id, path: out[i]!.path ?? null } },
                'Unhandled error in a GraphQL field',
              );
              errors.push({
                ...out[i]!,
                message: options.production
                  ? translate(lang, 'error.internal')
                  : `${translate(lang, 'error.internal')} (${(original ?? error).message})`,
                extensions: { code: 'INTERNAL_SERVER_ERROR' },
              });
              return;
            }
            errors.push(out[i]!);
          });
          if (problems.length) {
            // One message per field, the first found (graphql-js's, then the boundary's, then validation's).
            const seen = new Set<string>();
            const unique = problems.filter((p) => !seen.has(p.field) && !!seen.add(p.field));
            errors.unshift(formatted(renderAppError(AppError.validation(unique), lang)));
          }
          if (timedOut) {
            result.data = null;
            result.errors = [formatted(renderAppError(new AppError('TIMED_OUT', 'error.timedOut'), lang))];
            return;
          }
          result.errors = errors;
        },
      };
    },
  };
}
