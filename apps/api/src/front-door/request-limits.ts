import type { ApolloServerPlugin } from '@apollo/server';
import { DEFAULT_LANGUAGE } from '@hundred/domain';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  GraphQLError,
  type DocumentNode,
  type ParseOptions,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

import type { AppConfig } from '../config/config.js';
import type { RequestContext } from '../graphql-context/request-context.js';
import { tooComplex } from './request-errors.js';

/** The most estimates kept for one document (the oldest go first). */
const COSTS_PER_DOCUMENT = 32;

/** The estimated cost of an operation: each field 1, a list field its selection once per item (common/paging.ts). */
export function costOf(
  schema: Parameters<typeof getComplexity>[0]['schema'],
  query: Parameters<typeof getComplexity>[0]['query'],
  variables: Record<string, unknown> = {},
  operationName?: string,
): number {
  return getComplexity({
    schema,
    query,
    variables,
    operationName,
    estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
  });
}

/**
 * What one GraphQL request may ask for, checked before anything runs:
 * - its length in tokens (graphql-js's parser stops past `GRAPHQL_MAX_TOKENS`);
 * - its depth, aliases and directives (graphql-armor's validation rules);
 * - its estimated cost, lists counted by the number of items they may return
 *   (`GRAPHQL_MAX_COST`), once its variables are known.
 * Each refusal is TOO_COMPLEX, naming the limit (request-errors.ts makes it localised).
 */
export function requestLimits(config: AppConfig): {
  plugins: ApolloServerPlugin<RequestContext>[];
  validationRules: ValidationRule[];
  parseOptions: ParseOptions;
} {
  const reject = (limit: 'depth' | 'aliases' | 'directives', max: number) => ({
    n: max,
    exposeLimits: true,
    propagateOnRejection: false,
    onReject: [
      (ctx: ValidationContext | null, error: GraphQLError) =>
        ctx?.reportError(new GraphQLError(error.message, { extensions: { limit, max } })),
    ],
  });
  const armor = new ApolloArmor({
    // Suggestions are dropped in production by Apollo (hideSchemaDetailsFromClientErrors) and every
    // message is rewritten by request-errors.ts; tokens are counted by the parser; cost below.
    blockFieldSuggestion: { enabled: false },
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    // Depth of fields, fragments spread in place (a fragment is no level of its own).
    maxDepth: { ...reject('depth', config.graphqlMaxDepth), ignoreIntrospection: true, flattenFragments: true },
    maxAliases: reject('aliases', config.graphqlMaxAliases),
    maxDirectives: reject('directives', config.graphqlMaxDirectives),
  });
  const { validationRules } = armor.protect();

  /**
   * Costs already estimated, by document and then operation and variables: Apollo hands the same
   * parsed document to every request of the same text, and an app sends few distinct variables
   * for most of its queries. The estimate depends on nothing else (the schema is fixed).
   */
  const costs = new WeakMap<DocumentNode, Map<string, number>>();
  const cost: ApolloServerPlugin<RequestContext> = {
    async requestDidStart() {
      return {
        async didResolveOperation(rc) {
          const variables = rc.request.variables ?? {};
          const key = `${rc.operationName ?? ''}\u0000${JSON.stringify(variables)}`;
          let known = costs.get(rc.document);
          let estimated = known?.get(key);
          if (estimated === undefined) {
            try {
              estimated = costOf(rc.schema, rc.document, variables, rc.operationName ?? undefined);
            } catch {
              return; // variables that cannot be read: execution refuses them, naming each
            }
            if (!known) costs.set(rc.document, (known = new Map()));
            if (known.size >= COSTS_PER_DOCUMENT) known.delete(known.keys().next().value!);
            known.set(key, estimated);
          }
          if (estimated > config.graphqlMaxCost)
            throw tooComplex(rc.contextValue?.lang ?? DEFAULT_LANGUAGE, 'cost', config.graphqlMaxCost);
        },
      };
    },
  };
  return { plugins: [cost], validationRules, parseOptions: { maxTokens: config.graphqlMaxTokens } };
}
