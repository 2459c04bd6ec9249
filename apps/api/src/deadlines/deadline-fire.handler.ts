import { Injectable, Logger } from '@nestjs/common';
import { DelayedError, type Job } from 'bullmq';
import { IsInt, IsUUID } from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';

import { Clock } from '../common/clock.js';
import { queryRows } from '../database/sql.js';
import { HandlesJob, type JobHandler } from '../jobs/job-handler.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { DeadlineActions, type DeadlineOutcome } from './deadline-actions.js';
import { DeadlineService, type DeadlineRow } from './deadline.service.js';

export class FireDeadlinePayload {
  @IsUUID()
  deadlineId: string;

  @IsInt()
  seq: number;
}

/** A job that arrives this early (clocks of two processes) waits rather than acting. */
const EARLY_TOLERANCE_MS = 5;
/** Deadlines fired together in one transaction, at most. */
const BATCH = 50;

/**
 * Fires deadlines, each exactly once: in one transaction, lock the row, re-check that it is still
 * pending at the job's seq and due, act, and settle it. A retry after a crash finds it settled and
 * does nothing; a job of a moved deadline finds another seq and does nothing.
 *
 * Under load, a job also fires the other deadlines that are due (up to BATCH, skipping rows
 * another worker holds) in the same transaction; their own jobs then find them settled. Kinds
 * that lock objects of their own run alone. If a batch fails, the job falls back to its own
 * deadline alone, so one failing deadline cannot hold the others back.
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
    private readonly clock: Clock,
  ) {}

  async handle({ deadlineId, seq }: FireDeadlinePayload, job: Job, token?: string): Promise<void> {
    const writes = this.outbox.writes;
    let early = await this.fire(deadlineId, seq);
    if (early > 0) {
      await this.clock.refresh(); // another process may have moved the clock
      early = await this.fire(deadlineId, seq);
    }
    if (early > 0 && token) {
      await job.moveToDelayed(Date.now() + early, token);
      throw new DelayedError();
    }
    // Relay what firing put in the outbox (a re-check, notifications, e-mails); most firings add nothing.
    if (this.outbox.writes !== writes) await this.outbox.relayNow();
  }

  /** Fires a deadline now if it is still pending at `seq` and due (the sweep's way; a job's too). */
  async fireNow(deadlineId: string, seq: number): Promise<void> {
    const writes = this.outbox.writes;
    await this.fire(deadlineId, seq);
    if (this.outbox.writes !== writes) await this.outbox.relayNow();
  }

  /** Fires if due; returns how many ms too early the job is (0 when done or nothing to do). */
  private async fire(deadlineId: string, seq: number): Promise<number> {
    // A cheap look first: most jobs of a busy minute find their deadline already fired by a batch.
    const [d] = await queryRows<Pick<DeadlineRow, 'state' | 'seq' | 'due_at' | 'kind'>>(
      this.dataSource.manager,
      `SELECT state, seq, due_at, kind FROM deadline WHERE id = $1`,
      [deadlineId],
    );
    if (!d || d.state !== 'PENDING' || d.seq !== seq) return 0;
    const early = d.due_at.getTime() - this.clock.now().getTime();
    if (early > EARLY_TOLERANCE_MS) return early;
    if (!this.actions.isBatchable(d.kind)) {
      await this.dataSource.transaction((manager) => this.fireOne(manager, deadlineId, seq));
      return 0;
    }
    try {
      await this.dataSource.transaction((manager) => this.fireBatch(manager, deadlineId, seq));
    } catch (err) {
      this.logger.warn({ err, deadlineId }, 'A batch of deadlines failed; firing this one alone');
      await this.dataSource.transaction((manager) => this.fireOne(manager, deadlineId, seq));
    }
    return 0;
  }

  private async fireOne(manager: EntityManager, deadlineId: string, seq: number): Promise<void> {
    // An action that runs alone locks its cohort before the cohort's deadlines (a cohort catching up
    // on its transitions): take the cohort first here too, so two of them never wait on each other.
    const [kind] = await queryRows<{ kind: string; cohort_id: string }>(
      manager,
      `SELECT kind, cohort_id FROM deadline WHERE id = $1`,
      [deadlineId],
    );
    if (kind && !this.actions.isBatchable(kind.kind))
      await manager.query(`SELECT id FROM cohort WHERE id = $1 FOR NO KEY UPDATE`, [kind.cohort_id]);
    const [d] = await queryRows<DeadlineRow>(manager, `SELECT * FROM deadline WHERE id = $1 FOR UPDATE`, [deadlineId]);
    const now = this.clock.now();
    if (!d || d.state !== 'PENDING' || d.seq !== seq || d.due_at.getTime() - now.getTime() > EARLY_TOLERANCE_MS) return;
    const outcome = await this.act(manager, d, now);
    if (outcome.status === 'FIRED' || outcome.status === 'SKIPPED')
      await this.deadlines.settle(manager, d.id, outcome.status);
  }

  private async fireBatch(manager: EntityManager, deadlineId: string, seq: number): Promise<void> {
    const [own] = await queryRows<DeadlineRow>(
      manager,
      `SELECT * FROM deadline WHERE id = $1 AND seq = $2 AND state = 'PENDING' FOR UPDATE SKIP LOCKED`,
      [deadlineId, seq],
    );
    // Settled meanwhile, or another worker's batch holds it and will settle it. Should that worker
    // die first, the sweep (every 2 s) finds it overdue with its job completed and runs it again.
    if (!own) return;
    const now = this.clock.now();
    const others = await queryRows<DeadlineRow>(
      manager,
      `SELECT * FROM deadline WHERE state = 'PENDING' AND due_at <= $1 AND id <> $2 AND NOT (kind = ANY($3))
        ORDER BY due_at LIMIT $4 FOR UPDATE SKIP LOCKED`,
      [now, deadlineId, this.actions.solitaryKinds(), BATCH - 1],
    );
    const settled: { id: string; state: 'FIRED' | 'SKIPPED' }[] = [];
    for (const d of [own, ...others.filter((o) => this.actions.isBatchable(o.kind))]) {
      const outcome = await this.act(manager, d, now);
      if (outcome.status === 'FIRED' || outcome.status === 'SKIPPED') settled.push({ id: d.id, state: outcome.status });
    }
    if (settled.length) {
      await manager.query(
        `UPDATE deadline SET state = s.state, settled_at = $3, blocked_by = NULL
           FROM unnest($1::uuid[], $2::text[]) AS s(id, state) WHERE deadline.id = s.id`,
        [settled.map((s) => s.id), settled.map((s) => s.state), now],
      );
    }
    if (others.length > 0) this.logger.debug({ batch: others.length + 1 }, 'Fired due deadlines together');
  }

  private async act(manager: EntityManager, d: DeadlineRow, now: Date): Promise<DeadlineOutcome> {
    const action = this.actions.get(d.kind);
    if (!action) {
      this.logger.error({ deadlineId: d.id, kind: d.kind }, 'No action for this kind of deadline; skipped');
      return { status: 'SKIPPED' };
    }
    const outcome = await action(manager, d, now);
    if (outcome.status === 'BLOCKED') await this.deadlines.recheckLater(manager, d, outcome.blockedBy);
    return outcome;
  }
}
