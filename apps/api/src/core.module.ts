import { Global, Module } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';

import { AuditService } from './audit/audit.service.js';
import { ClockService } from './clock/clock.service.js';
import { APP_CONFIG, type AppConfig } from './config/config.js';
import { createDataSource } from './database/data-source.js';
import { QueueService } from './jobs/queue.service.js';
import { OutboxService } from './outbox/outbox.service.js';
import { createRedis, REDIS } from './redis/redis.js';
import { AudienceService } from './notifications/audience.service.js';
import { NotificationService } from './notifications/notification.service.js';
import { DeadlineService } from './deadlines/deadline.service.js';
import { DeadlineActions } from './deadlines/deadline-actions.js';
import { WorkflowRunner } from './workflow/workflow-runner.js';

/**
 * The shared infrastructure every feature uses: configuration, the database, Redis and the
 * queues, the clock, the audit, the outbox, notifications, deadlines and the workflow runner. The connections are closed by the bootstrap
 * after every module has shut down.
 */
@Global()
@Module({})
export class CoreModule {
  /** `connections` lets a test hand in connections it owns (and closes). */
  static forConfig(config: AppConfig, role: string, connections?: { dataSource: DataSource; redis: Redis }) {
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        connections
          ? { provide: DataSource, useValue: connections.dataSource }
          : {
              provide: DataSource,
              useFactory: async () => createDataSource(config.databaseUrl, `hundred-${role}`).initialize(),
            },
        connections
          ? { provide: REDIS, useValue: connections.redis }
          : { provide: REDIS, useFactory: () => createRedis(config.redisUrl, `hundred-${role}`) },
        ClockService,
        AuditService,
        QueueService,
        OutboxService,
        AudienceService,
        NotificationService,
        DeadlineService,
        DeadlineActions,
        WorkflowRunner,
      ],
      exports: [
        APP_CONFIG,
        DataSource,
        REDIS,
        ClockService,
        AuditService,
        QueueService,
        OutboxService,
        AudienceService,
        NotificationService,
        DeadlineService,
        DeadlineActions,
        WorkflowRunner,
      ],
    };
  }
}
