import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { AuthGuard } from './common/auth.js';
import { ErrorsFilter } from './common/errors.filter.js';
import { createValidationPipe } from './common/validation.js';
import { APP_CONFIG, type AppConfig } from './config/config.js';
import { CoreModule } from './core.module.js';
import { ContextFactory } from './graphql-context/context.factory.js';
import { HealthController } from './health/health.controller.js';
import { IdentityModule } from './identity/identity.module.js';
import { FEATURE_MODULES, WORKER_MODULES } from './manifest.js';

export type Role = 'api' | 'worker' | 'all';

/** The request context: the session (from the identity feature) and the loaders (from the core). */
@Module({
  imports: [IdentityModule],
  providers: [ContextFactory],
  exports: [ContextFactory],
})
class ApiContextModule {}

/** The HTTP side: GraphQL, health, and the request-scoped context. */
@Module({
  imports: [
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      imports: [ApiContextModule],
      inject: [ContextFactory, APP_CONFIG],
      useFactory: (contexts: ContextFactory, config: AppConfig) => ({
        path: '/graphql',
        autoSchemaFile: true,
        sortSchema: true,
        graphiql: config.nodeEnv !== 'production',
        introspection: config.nodeEnv !== 'production',
        includeStacktraceInErrorResponses: false,
        // No HTTP caching of GraphQL answers here: without it Apollo does not wrap every field's resolver.
        plugins: [ApolloServerPluginCacheControlDisabled()],
        context: (req: FastifyRequest, reply: FastifyReply) => contexts.build(req, reply),
      }),
    }),
  ],
  controllers: [HealthController],
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
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: ErrorsFilter },
      ],
    };
  }
}
