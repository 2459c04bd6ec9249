import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { IsOptional, IsString } from 'class-validator';

import { HandlesJob, type JobHandler } from '../jobs/job-handler.js';
import { DeadlineFireHandler } from './deadline-fire.handler.js';
import { DeadlineService } from './deadline.service.js';

export class ReconcilePayload {
  /** Why it runs now, for the log: absent for the minute's run; the watchdog names what it saw. */
  @IsOptional()
  @IsString()
  reason?: string;
}

/**
 * Every minute, at worker start-up, and at once when the watchdog sees an emptied or replaced
 * Redis: re-enqueue pending deadlines that Redis does not have.
 */
@Injectable()
@HandlesJob('deadline.reconcile')
export class DeadlineReconcileHandler implements JobHandler<ReconcilePayload> {
  readonly payloadType = ReconcilePayload;

  constructor(private readonly deadlines: DeadlineService) {}

  async handle(payload: ReconcilePayload): Promise<void> {
    await this.deadlines.reconcile(payload.reason ?? 'scheduled');
  }
}

export class SweepPayload {}

/**
 * Every two seconds: fires the overdue deadlines left behind by a batch that never committed (its
 * worker was killed, or it failed), at their seq, through the same path as their jobs
 * (DeadlineService.overdueOrphans).
 */
@Injectable()
@HandlesJob('deadline.sweep')
export class DeadlineSweepHandler implements JobHandler<SweepPayload> {
  readonly payloadType = SweepPayload;

  constructor(
    private readonly deadlines: DeadlineService,
    private readonly fire: DeadlineFireHandler,
  ) {}

  async handle(): Promise<void> {
    for (const d of await this.deadlines.overdueOrphans()) await this.fire.fireNow(d.id, d.seq);
  }
}

/** Runs the reconciler once when a worker starts. */
@Injectable()
export class ReconcileAtStartup implements OnApplicationBootstrap {
  constructor(private readonly deadlines: DeadlineService) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.deadlines.reconcile('worker start-up');
  }
}
