import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';

import { DeliveryWatchdog } from './delivery-watchdog.service.js';
import { JobWorkersService } from './job-workers.service.js';
import { SchedulesService } from './schedules.service.js';

/**
 * Present only in the worker role: runs the queues' workers and registers the schedulers. The job
 * handlers are providers of their own modules, found at start-up (`@HandlesJob`).
 */
@Module({
  imports: [DiscoveryModule],
  providers: [JobWorkersService, SchedulesService, DeliveryWatchdog],
})
export class WorkerModule {}
