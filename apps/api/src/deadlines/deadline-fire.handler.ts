import { Injectable, Logger } from '@nestjs/common';
import { DelayedError, type Job } from 'bullmq';
import { IsInt, IsUUID } from 'class-validator';
import { DataSource } from 'typeorm';

import { ClockService } from '../clock/clock.service.js';
import { queryRows } from '../database/sql.js';
import { HandlesJob, type JobHandler } from '../jobs/job-handler.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { DeadlineActions } from './deadline-actions.js';
import { DeadlineService, type DeadlineRow } from './deadline.service.js';

export class FireDeadlinePayload {
  @IsUUID()
  deadlineId: string;

  @IsInt()
  seq: number;
}

/** A job that arrives this early (clocks of two processes) waits rather than acting. */
const EARLY_TOLERANCE_MS = 5;

/**
 * Fires one deadline, exactly once: in one transaction it locks the row, re-checks that it is
 * still pending at the job's seq and due, acts, and settles it. A retry after a crash finds it
 * settled and does nothing; a job of a moved deadline finds another seq and does nothing.
 */
@Injectable()
@HandlesJob('deadline.fire')
export class DeadlineFireHandler implements JobHandler<FireDeadlinePayload> {
  private readonly logger = new Logger('Deadlines');
  readonly payloadType = FireDeadlinePayload;

  constructor(
    private readonly dataSource: DataSource,
    private readonly deadlines: DeadlineService,
    private readonly actions: DeadlineActions,
    private readonly outbox: OutboxService,
    private readonly clock: ClockService,
  ) {}

  async handle({ deadlineId, seq }: FireDeadlinePayload, job: Job, token?: string): Promise<void> {
    let early = await this.fire(deadlineId, seq);
    if (early > 0) {
      await this.clock.refresh(); // another process may have moved the clock
      early = await this.fire(deadlineId, seq);
    }
    if (early > 0 && token) {
      await job.moveToDelayed(Date.now() + early, token);
      throw new DelayedError();
    }
    await this.outbox.relayNow();
  }

  /** Acts if due; returns how many ms too early the job is (0 when done or nothing to do). */
  private async fire(deadlineId: string, seq: number): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [d] = await queryRows<DeadlineRow>(manager, `SELECT * FROM deadline WHERE id = $1 FOR UPDATE`, [
        deadlineId,
      ]);
      if (!d || d.state !== 'PENDING' || d.seq !== seq) return 0;
      const now = this.clock.now();
      const early = d.due_at.getTime() - now.getTime();
      if (early > EARLY_TOLERANCE_MS) return early;
      const action = this.actions.get(d.kind);
      if (!action) {
        this.logger.error({ deadlineId, kind: d.kind }, 'No action for this kind of deadline; skipped');
        await this.deadlines.settle(manager, d.id, 'SKIPPED');
        return 0;
      }
      const outcome = await action(manager, d, now);
      switch (outcome.status) {
        case 'FIRED':
        case 'SKIPPED':
          await this.deadlines.settle(manager, d.id, outcome.status);
          break;
        case 'HANDLED':
          break;
        case 'BLOCKED':
          await this.deadlines.recheckLater(manager, d, outcome.blockedBy);
          break;
      }
      return 0;
    });
  }
}
