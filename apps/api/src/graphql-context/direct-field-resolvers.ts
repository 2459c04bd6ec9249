import { Injectable, Logger } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';

/** @nestjs/graphql's metadata keys (graphql.constants) and parameter kinds (GqlParamtype). */
const RESOLVER_TYPE = 'graphql:resolver_type';
const RESOLVER_NAME = 'graphql:resolver_name';
const RESOLVER_PROPERTY = 'graphql:resolve_property';
const FIELD_MIDDLEWARE = 'graphql:field_resolver_middleware';
const PARAM_ARGS = '__routeArguments__';
/** Nest's own enhancer keys: a field resolver with pipes of its own keeps Nest's path. */
const PIPES = '__pipes__';
/** ROOT (the parent), CONTEXT and INFO: by their place in graphql-js's (source, args, context, info). */
const POSITION: Record<string, number> = { '0': 0, '1': 2, '2': 3 };

interface ParamMetadata {
  index: number;
  data?: unknown;
  pipes?: unknown[];
}

/**
 * Field resolvers (@ResolveField) that take only their parent, the context and the resolve info,
 * called directly instead of through Nest's per-call machinery (a context of parameters, the
 * pipes of each parameter, the interceptor chain, a promise or three per field). Nest applies no
 * guard, interceptor or filter to field resolvers here (no `fieldResolverEnhancers`), and the
 * global pipe passes those parameters through untouched (common/validation.ts), so the call is
 * the same one Nest makes. A field with arguments, a custom parameter (@CurrentActor), pipes,
 * field middleware or a request-scoped resolver keeps Nest's path. For a list of 500 teams with
 * their goals and KPIs, that is some 13,000 calls a request.
 */
@Injectable()
export class DirectFieldResolvers {
  private readonly logger = new Logger('GraphQL');
  /** `Type.field` of every field resolver made direct (for the schema's test). */
  readonly installed: string[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  install(schema: GraphQLSchema): GraphQLSchema {
    this.installed.length = 0;
    for (const wrapper of this.discovery.getProviders()) {
      const { instance, metatype } = wrapper;
      if (!instance || !metatype || !wrapper.isDependencyTreeStatic()) continue;
      const typeName = Reflect.getMetadata(RESOLVER_TYPE, metatype) as unknown;
      if (typeof typeName !== 'string' || Reflect.getMetadata(PIPES, metatype)) continue;
      const type = schema.getType(typeName);
      if (!isObjectType(type)) continue;
      const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
      for (const methodName of this.scanner.getAllMethodNames(prototype)) {
        const method = prototype[methodName];
        if (typeof method !== 'function' || !Reflect.getMetadata(RESOLVER_PROPERTY, method)) continue;
        if (Reflect.getMetadata(FIELD_MIDDLEWARE, method) || Reflect.getMetadata(PIPES, method)) continue;
        const fieldName = (Reflect.getMetadata(RESOLVER_NAME, method) as string | undefined) ?? methodName;
        const field = type.getFields()[fieldName];
        if (!field) continue;
        const params = (Reflect.getMetadata(PARAM_ARGS, metatype, methodName) ?? {}) as Record<string, ParamMetadata>;
        const positions: number[] = [];
        let direct = true;
        for (const [key, param] of Object.entries(params)) {
          const position = POSITION[key.split(':')[0]!];
          if (position === undefined || param.data !== undefined || param.pipes?.length) direct = false;
          else positions[param.index] = position;
        }
        if (!direct || positions.length !== method.length || positions.includes(undefined as never)) continue;
        const fn = method as (...args: unknown[]) => unknown;
        const resolve: GraphQLFieldResolver<unknown, unknown> = (...graphqlArgs: unknown[]) =>
          fn.apply(
            instance,
            positions.map((p) => graphqlArgs[p]),
          );
        field.resolve = resolve;
        this.installed.push(`${typeName}.${fieldName}`);
      }
    }
    this.logger.debug({ fields: this.installed.length }, 'Field resolvers called directly');
    return schema;
  }
}
