import { Module } from '@nestjs/common';

import { DeadlineFireHandler } from './deadline-fire.handler.js';
import { DeadlineReconcileHandler, ReconcileAtStartup } from './deadline-reconcile.handler.js';

/** The worker's side of deadlines: firing them, and reconciling PostgreSQL with the queue. */
@Module({ providers: [DeadlineFireHandler, DeadlineReconcileHandler, ReconcileAtStartup] })
export class DeadlinesWorkerModule {}
