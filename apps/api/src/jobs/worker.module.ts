import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';

import { DeadlineFireHandler } from '../deadlines/deadline-fire.handler.js';
import { DeadlineReconcileHandler, ReconcileAtStartup } from '../deadlines/deadline-reconcile.handler.js';
import { OutboxRelayHandler } from '../outbox/outbox-relay.handler.js';
import { JobWorkersService } from './job-workers.service.js';
import { SchedulesService } from './schedules.service.js';

/** Present only in the worker role: runs the queues' workers and registers the schedulers. */
@Module({
  imports: [DiscoveryModule],
  providers: [
    JobWorkersService,
    SchedulesService,
    OutboxRelayHandler,
    DeadlineFireHandler,
    DeadlineReconcileHandler,
    ReconcileAtStartup,
  ],
})
export class WorkerModule {}
