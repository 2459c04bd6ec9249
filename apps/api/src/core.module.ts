import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';

import { AuditService } from './audit/audit.service.js';
import { ClockService } from './clock/clock.service.js';
import { Clock } from './common/clock.js';
import { PlugInRegistry } from './common/plug-ins.js';
import { APP_CONFIG, type AppConfig } from './config/config.js';
import { DeadlineActions } from './deadlines/deadline-actions.js';
import { DeadlineService } from './deadlines/deadline.service.js';
import { LoaderRegistry } from './graphql-context/loaders.js';
import { QueueService } from './jobs/queue.service.js';
import { createAppDataSource } from './manifest.js';
import { AudienceService } from './notifications/audience.service.js';
import { NotificationService } from './notifications/notification.service.js';
import { OutboxService } from './outbox/outbox.service.js';
import { createProducer, createRedis, REDIS, REDIS_PRODUCER } from './redis/redis.js';
import { CohortFactsService } from './workflow/cohort-facts.js';
import { HistoryService } from './workflow/history.js';
import { TeamFactsService } from './workflow/team-facts.js';
import { WorkflowRunner } from './workflow/workflow-runner.js';

/** The providers of the core, shared by every feature. */
export const SHARED = [
  ClockService,
  { provide: Clock, useExisting: ClockService },
  AuditService,
  QueueService,
  OutboxService,
  AudienceService,
  NotificationService,
  DeadlineService,
  DeadlineActions,
  WorkflowRunner,
  CohortFactsService,
  TeamFactsService,
  HistoryService,
  PlugInRegistry,
  LoaderRegistry,
];

/**
 * The shared infrastructure every feature uses: configuration, the database, Redis and the
 * queues, the clock, the audit, the outbox, notifications, deadlines, the workflow runner and the
 * registries of plug-ins and loaders. The connections are closed by the bootstrap after every
 * module has shut down.
 */
@Global()
@Module({})
export class CoreModule {
  /** `connections` lets a test hand in connections it owns (and closes). */
  static forConfig(
    config: AppConfig,
    role: string,
    connections?: { dataSource: DataSource; redis: Redis; producer?: Redis },
  ) {
    return {
      module: CoreModule,
      imports: [DiscoveryModule],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        connections
          ? { provide: DataSource, useValue: connections.dataSource }
          : {
              provide: DataSource,
              useFactory: async () =>
                createAppDataSource(config.databaseUrl, `hundred-${role}`, {
                  max: config.databasePoolMax,
                  connectTimeoutMs: config.databaseConnectTimeoutMs,
                }).initialize(),
            },
        connections
          ? { provide: REDIS, useValue: connections.redis }
          : { provide: REDIS, useFactory: () => createRedis(config.redisUrl, `hundred-${role}`) },
        connections?.producer
          ? { provide: REDIS_PRODUCER, useValue: connections.producer }
          : { provide: REDIS_PRODUCER, useFactory: (redis: Redis) => createProducer(redis, config), inject: [REDIS] },
        ...SHARED,
      ],
      exports: [APP_CONFIG, DataSource, REDIS, REDIS_PRODUCER, ...SHARED],
    };
  }
}
