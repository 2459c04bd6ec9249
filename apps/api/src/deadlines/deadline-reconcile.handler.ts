import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';

import { HandlesJob, type JobHandler } from '../jobs/job-handler.js';
import { DeadlineService } from './deadline.service.js';

export class ReconcilePayload {}

/** Every minute (and at worker start-up): re-enqueue pending deadlines that Redis does not have. */
@Injectable()
@HandlesJob('deadline.reconcile')
export class DeadlineReconcileHandler implements JobHandler<ReconcilePayload> {
  readonly payloadType = ReconcilePayload;

  constructor(private readonly deadlines: DeadlineService) {}

  async handle(): Promise<void> {
    await this.deadlines.reconcile();
  }
}

/** Runs the reconciler once when a worker starts. */
@Injectable()
export class ReconcileAtStartup implements OnApplicationBootstrap {
  constructor(private readonly deadlines: DeadlineService) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.deadlines.reconcile();
  }
}
