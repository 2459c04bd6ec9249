import { Module } from '@nestjs/common';

import { DeadlineFireHandler } from './deadline-fire.handler.js';
import { DeadlineReconcileHandler, DeadlineSweepHandler, ReconcileAtStartup } from './deadline-reconcile.handler.js';

/** The worker's side of deadlines: firing them, sweeping the overdue, and reconciling PostgreSQL with the queue. */
@Module({ providers: [DeadlineFireHandler, DeadlineReconcileHandler, DeadlineSweepHandler, ReconcileAtStartup] })
export class DeadlinesWorkerModule {}
