import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE, DiscoveryModule } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { AuthGuard } from './common/auth.js';
import { ErrorsFilter } from './common/errors.filter.js';
import { createValidationPipe } from './common/validation.js';
import { APP_CONFIG, type AppConfig } from './config/config.js';
import { CoreModule } from './core.module.js';
import { installInputBoundary } from './front-door/input-boundary.js';
import { PublicRateLimit } from './front-door/public-rate-limit.js';
import { requestErrorsPlugin } from './front-door/request-errors.js';
import { requestLimits } from './front-door/request-limits.js';
import { ContextFactory } from './graphql-context/context.factory.js';
import { DirectFieldResolvers } from './graphql-context/direct-field-resolvers.js';
import { DeliveryMetricsService } from './health/delivery-metrics.service.js';
import { HealthController } from './health/health.controller.js';
import { IdentityModule } from './identity/identity.module.js';
import { FEATURE_MODULES, WORKER_MODULES } from './manifest.js';

export type Role = 'api' | 'worker' | 'all';

/** The request context: the session (from the identity feature) and the loaders (from the core). */
@Module({
  imports: [IdentityModule, DiscoveryModule],
  providers: [ContextFactory, DirectFieldResolvers],
  exports: [ContextFactory, DirectFieldResolvers],
})
class ApiContextModule {}

/** The HTTP side: GraphQL, health, and the request-scoped context. */
@Module({
  imports: [
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      imports: [ApiContextModule],
      inject: [ContextFactory, DirectFieldResolvers, APP_CONFIG],
      useFactory: (contexts: ContextFactory, direct: DirectFieldResolvers, config: AppConfig) => {
        const production = config.nodeEnv === 'production';
        const limits = requestLimits(config);
        return {
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          graphiql: !production,
          introspection: !production,
          includeStacktraceInErrorResponses: false,
          // No "Did you mean …?" that would spell out the schema with introspection off.
          hideSchemaDetailsFromClientErrors: production,
          // Field resolvers of parent and context only called directly; then every string argument
          // checked and normalised, and the time budget, before each resolver.
          transformSchema: (schema) => installInputBoundary(direct.install(schema)),
          parseOptions: limits.parseOptions,
          validationRules: limits.validationRules,
          plugins: [
            // No HTTP caching of GraphQL answers here: without it Apollo does not wrap every field's resolver.
            ApolloServerPluginCacheControlDisabled(),
            ...limits.plugins,
            requestErrorsPlugin({ production }),
          ],
          context: (req: FastifyRequest, reply: FastifyReply) => contexts.build(req, reply),
        };
      },
    }),
  ],
  controllers: [HealthController],
  providers: [DeliveryMetricsService],
})
class HttpModule {}

@Module({})
export class AppModule {
  static forRole(config: AppConfig, role: Role): DynamicModule {
    const http = role === 'api' || role === 'all';
    const worker = role === 'worker' || role === 'all';
    return {
      module: AppModule,
      imports: [
        CoreModule.forConfig(config, role),
        ...FEATURE_MODULES,
        ...(http ? [HttpModule] : []),
        ...(worker ? WORKER_MODULES : []),
      ],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: PublicRateLimit },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: ErrorsFilter },
      ],
    };
  }
}
