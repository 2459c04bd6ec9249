import { Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { AuditService } from './audit/audit.service.js';
import { ClockService } from './clock/clock.service.js';
import { APP_CONFIG, type AppConfig } from './config/config.js';
import { createDataSource } from './database/data-source.js';
import { QueueService } from './jobs/queue.service.js';
import { OutboxService } from './outbox/outbox.service.js';
import { createRedis, REDIS } from './redis/redis.js';

/**
 * The shared infrastructure every feature uses: configuration, the database, Redis and the
 * queues, the clock, the audit and the outbox. The connections are closed by the bootstrap
 * after every module has shut down.
 */
@Global()
@Module({})
export class CoreModule {
  static forConfig(config: AppConfig, role: string) {
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        {
          provide: DataSource,
          useFactory: async () => createDataSource(config.databaseUrl, `hundred-${role}`).initialize(),
        },
        { provide: REDIS, useFactory: () => createRedis(config.redisUrl, `hundred-${role}`) },
        ClockService,
        AuditService,
        QueueService,
        OutboxService,
      ],
      exports: [APP_CONFIG, DataSource, REDIS, ClockService, AuditService, QueueService, OutboxService],
    };
  }
}
