import type { ApolloServerPlugin } from '@apollo/server';
import { DEFAULT_LANGUAGE } from '@hundred/domain';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ParseOptions, type ValidationContext, type ValidationRule } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

import type { AppConfig } from '../config/config.js';
import type { RequestContext } from '../graphql-context/request-context.js';
import { tooComplex } from './request-errors.js';

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

  const cost: ApolloServerPlugin<RequestContext> = {
    async requestDidStart() {
      return {
        async didResolveOperation(rc) {
          let estimated: number;
          try {
            estimated = costOf(rc.schema, rc.document, rc.request.variables ?? {}, rc.operationName ?? undefined);
          } catch {
            return; // variables that cannot be read: execution refuses them, naming each
          }
          if (estimated > config.graphqlMaxCost)
            throw tooComplex(rc.contextValue?.lang ?? DEFAULT_LANGUAGE, 'cost', config.graphqlMaxCost);
        },
      };
    },
  };
  return { plugins: [cost], validationRules, parseOptions: { maxTokens: config.graphqlMaxTokens } };
}
