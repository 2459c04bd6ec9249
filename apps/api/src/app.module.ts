import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { AuditResolver } from './audit/audit.resolver.js';
import { AuthGuard } from './common/auth.js';
import { ContextFactory } from './common/context.factory.js';
import { ErrorsFilter } from './common/errors.filter.js';
import { LoadersFactory } from './common/loaders.js';
import { createValidationPipe } from './common/validation.js';
import { APP_CONFIG, type AppConfig } from './config/config.js';
import { AlignmentModule } from './alignment/alignment.module.js';
import { ChallengesModule } from './challenges/challenges.module.js';
import { CohortsModule } from './cohorts/cohorts.module.js';
import { TeamsModule } from './teams/teams.module.js';
import { CoreModule } from './core.module.js';
import { HealthController } from './health/health.controller.js';
import { IdentityModule } from './identity/identity.module.js';
import { WorkerModule } from './jobs/worker.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';

export type Role = 'api' | 'worker' | 'all';

@Module({
  imports: [IdentityModule, CohortsModule, AlignmentModule, ChallengesModule, TeamsModule],
  providers: [ContextFactory, LoadersFactory],
  exports: [ContextFactory],
})
class ApiContextModule {}

/** The HTTP side: GraphQL, health, and the request-scoped context. */
@Module({
  imports: [
    IdentityModule,
    NotificationsModule,
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
  providers: [AuditResolver],
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
        IdentityModule,
        NotificationsModule,
        CohortsModule,
        AlignmentModule,
        TeamsModule,
        ChallengesModule,
        ...(http ? [HttpModule] : []),
        ...(worker ? [WorkerModule] : []),
      ],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: ErrorsFilter },
      ],
    };
  }
}
