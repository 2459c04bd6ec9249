import { resolveDue, type CohortCalendar, type DueRule } from '@hundred/domain';
import type { DeadlineGroup } from '@hundred/workflow';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { queryRows } from '../database/sql.js';
import { jobId } from '../jobs/job-catalog.js';
import { QueueService } from '../jobs/queue.service.js';
import { OutboxService } from '../outbox/outbox.service.js';

/** A deadline to schedule: who it is about, what it does, and the rule of its due time. */
export interface DeadlineSpec {
  cohortId: string;
  subjectType: string;
  subjectId: string;
  /** What firing does (e.g. COHORT_LAUNCH, SCREENING_REMINDER). */
  kind: string;
  /** Unique among the subject's pending deadlines; defaults to the kind. */
  key?: string;
  group: DeadlineGroup | 'COHORT_CALENDAR';
  rule: DueRule;
  params?: Record<string, unknown>;
}

export interface DeadlineRow {
  id: string;
  cohort_id: string;
  subject_type: string;
  subject_id: string;
  kind: string;
  key: string;
  grp: string;
  original_due_at: Date;
  due_at: Date;
  state: 'PENDING' | 'FIRED' | 'SKIPPED' | 'CANCELLED';
  seq: number;
  checks: number;
  blocked_by: string[] | null;
  params: { rule: DueRule } & Record<string, unknown>;
}

export const deadlineJobId = (id: string, seq: number) => jobId('deadline', id, String(seq));

const CHUNK = 1000;
/** A pending deadline due this long ago is looked at by the sweep (they fire within milliseconds). */
export const OVERDUE_SWEEP_MS = 2_000;

interface PendingDeadline {
  id: string;
  seq: number;
  due_at: Date;
}

/**
 * Deadlines live in PostgreSQL and are written in the caller's transaction; each (re)scheduling
 * puts a delayed job in the outbox with the id `deadline-<id>-<seq>`. Cancelling only changes the
 * row: a job whose deadline is no longer pending at that seq does nothing.
 */
@Injectable()
export class DeadlineService {
  private readonly logger = new Logger(DeadlineService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly queues: QueueService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Schedules deadlines (a pending one with the same key is moved if its due time changed).
   * Specs whose rule has no due time in this calendar are left out.
   */
  async schedule(manager: EntityManager, cal: CohortCalendar, specs: DeadlineSpec[]): Promise<number> {
    let scheduled = 0;
    for (let i = 0; i < specs.length; i += CHUNK) {
      const values: unknown[] = [];
      const tuples: string[] = [];
      for (const s of specs.slice(i, i + CHUNK)) {
        const due = resolveDue(cal, s.rule);
        if (!due) continue;
        const b = values.length;
        values.push(
          s.cohortId,
          s.subjectType,
          s.subjectId,
          s.kind,
          s.key ?? s.kind,
          s.group,
          due,
          JSON.stringify({ ...s.params, rule: s.rule }),
        );
        tuples.push(
          `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7}, $${b + 7}, $${b + 8}::jsonb)`,
        );
      }
      if (tuples.length === 0) continue;
      const rows = await queryRows<{ id: string; seq: number; due_at: Date }>(
        manager,
        `INSERT INTO deadline (cohort_id, subject_type, subject_id, kind, key, grp, original_due_at, due_at, params)
         VALUES ${tuples.join(', ')}
         ON CONFLICT (subject_type, subject_id, key) WHERE state = 'PENDING' DO UPDATE
           SET original_due_at = EXCLUDED.original_due_at, due_at = EXCLUDED.due_at, params = EXCLUDED.params,
               seq = deadline.seq + 1
           WHERE deadline.original_due_at IS DISTINCT FROM EXCLUDED.original_due_at
         RETURNING id, seq, due_at`,
        values,
      );
      await this.enqueue(manager, rows);
      scheduled += rows.length;
    }
    return scheduled;
  }

  /** Puts the delayed jobs of (re)scheduled deadlines in the outbox. */
  async enqueue(manager: EntityManager, rows: { id: string; seq: number; due_at: Date }[]): Promise<void> {
    await this.outbox.add(
      manager,
      rows.map((r) => ({
        name: 'deadline.fire' as const,
        jobId: deadlineJobId(r.id, r.seq),
        payload: { deadlineId: r.id, seq: r.seq },
        runAt: r.due_at,
      })),
    );
  }

  /** Cancels a subject's pending deadlines of a group (or all of them). */
  async cancel(
    manager: EntityManager,
    subjectType: string,
    subjectId: string,
    group: DeadlineGroup | 'COHORT_CALENDAR' | 'ALL',
  ): Promise<number> {
    const rows = await queryRows<{ id: string }>(
      manager,
      `UPDATE deadline SET state = 'CANCELLED', settled_at = $4
        WHERE subject_type = $1 AND subject_id = $2 AND state = 'PENDING' AND ($3 = 'ALL' OR grp = $3) RETURNING id`,
      [subjectType, subjectId, group, this.clock.now()],
    );
    return rows.length;
  }

  /** Cancels every pending deadline of a cohort and of everything in it. */
  async cancelCohort(manager: EntityManager, cohortId: string, exceptCohortKind?: string): Promise<number> {
    const rows = await queryRows<{ id: string }>(
      manager,
      `UPDATE deadline SET state = 'CANCELLED', settled_at = $2 WHERE cohort_id = $1 AND state = 'PENDING'
          AND NOT (subject_type = 'cohort' AND kind = $3) RETURNING id`,
      [cohortId, this.clock.now(), exceptCohortKind ?? ''],
    );
    return rows.length;
  }

  /** Marks pending deadlines settled without acting (e.g. the office fired the transition first). */
  async skip(manager: EntityManager, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await manager.query(
      `UPDATE deadline SET state = 'SKIPPED', settled_at = $2 WHERE id = ANY($1::uuid[]) AND state = 'PENDING'`,
      [ids, this.clock.now()],
    );
  }

  /**
   * Recomputes every pending deadline of a cohort from its rule after the calendar changed
   * (day 1, weekend, holidays, offsets), in the caller's transaction. Returns how many moved.
   */
  async moveCohort(manager: EntityManager, cohortId: string, cal: CohortCalendar): Promise<number> {
    const pending = await queryRows<DeadlineRow>(
      manager,
      `SELECT * FROM deadline WHERE cohort_id = $1 AND state = 'PENDING' FOR UPDATE`,
      [cohortId],
    );
    const moved: { id: string; seq: number; due_at: Date }[] = [];
    const dropped: string[] = [];
    for (const d of pending) {
      if (d.params.rule.rule === 'AT') continue; // a re-check: its original rule is in params.of
      const due = resolveDue(cal, d.params.rule);
      if (!due) {
        dropped.push(d.id);
        continue;
      }
      if (due.getTime() === d.original_due_at.getTime()) continue;
      const [row] = await queryRows<{ id: string; seq: number; due_at: Date }>(
        manager,
        `UPDATE deadline SET original_due_at = $2, due_at = $2, seq = seq + 1, blocked_by = NULL WHERE id = $1 RETURNING id, seq, due_at`,
        [d.id, due],
      );
      moved.push(row!);
    }
    if (dropped.length) {
      await manager.query(`UPDATE deadline SET state = 'CANCELLED', settled_at = $2 WHERE id = ANY($1::uuid[])`, [
        dropped,
        this.clock.now(),
      ]);
    }
    await this.enqueue(manager, moved);
    return moved.length;
  }

  /** Checks again tomorrow (a blocked scheduled transition): same deadline, a new seq and job. */
  async recheckLater(
    manager: EntityManager,
    d: DeadlineRow,
    blockedBy: string[],
    afterMs = 24 * 3600_000,
  ): Promise<void> {
    const at = new Date(this.clock.now().getTime() + afterMs);
    const [row] = await queryRows<{ id: string; seq: number; due_at: Date }>(
      manager,
      `UPDATE deadline SET due_at = $2, seq = seq + 1, checks = checks + 1, blocked_by = $3 WHERE id = $1 RETURNING id, seq, due_at`,
      [d.id, at, blockedBy],
    );
    await this.enqueue(manager, [row!]);
  }

  async settle(manager: EntityManager, id: string, state: 'FIRED' | 'SKIPPED'): Promise<void> {
    await manager.query(`UPDATE deadline SET state = $2, settled_at = $3, blocked_by = NULL WHERE id = $1`, [
      id,
      state,
      this.clock.now(),
    ]);
  }

  /**
   * Delivers now every pending deadline whose due time has come (after the clock moved forward):
   * promotes its delayed job, or adds it when Redis lost it. Returns how many.
   */
  async deliverDue(subjectId?: string): Promise<number> {
    await this.outbox.relayAll();
    const due = (await this.dataSource.query(
      `SELECT id, seq FROM deadline WHERE state = 'PENDING' AND due_at <= $1 AND ($2::uuid IS NULL OR subject_id = $2 OR cohort_id = $2)
        ORDER BY due_at`,
      [this.clock.now(), subjectId ?? null],
    )) as { id: string; seq: number }[];
    const queue = this.queues.queues.deadlines;
    const missing: { id: string; seq: number }[] = [];
    for (const d of due) {
      const job = await queue.getJob(deadlineJobId(d.id, d.seq));
      if (!job) missing.push(d);
      else if (await job.isDelayed()) await job.promote().catch(() => undefined);
    }
    if (missing.length) {
      await this.queues.enqueue(
        missing.map((d) => ({
          name: 'deadline.fire',
          jobId: deadlineJobId(d.id, d.seq),
          payload: { deadlineId: d.id, seq: d.seq },
        })),
        this.clock.now().getTime(),
      );
    }
    return due.length;
  }

  /**
   * Re-enqueues every pending deadline whose job Redis no longer has (emptied, evicted, or a job
   * that finished without settling its deadline). Runs at worker start-up, every minute, and at
   * once when a worker's watchdog sees an emptied, restarted or replaced Redis. Logs one line per run.
   */
  async reconcile(reason = 'scheduled'): Promise<{ checked: number; restored: number }> {
    const started = performance.now();
    await this.queues.ready(this.config.redisCommandTimeoutMs * 6);
    await this.outbox.relayAll();
    let checked = 0;
    let restored = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const batch = (await this.dataSource.query(
        `SELECT id, seq, due_at FROM deadline WHERE state = 'PENDING' AND id > $1 ORDER BY id LIMIT 2000`,
        [after],
      )) as PendingDeadline[];
      if (batch.length === 0) break;
      after = batch[batch.length - 1]!.id;
      checked += batch.length;
      restored += await this.restore(batch);
    }
    if (restored > 0) await this.outbox.relayAll();
    const fields = { reason, checked, restored, ms: Math.round(performance.now() - started) };
    if (restored > 0) this.logger.warn(fields, `Reconciler restored ${restored} deadlines missing from Redis`);
    else this.logger.log(fields, 'Reconciler found every pending deadline in Redis');
    return { checked, restored };
  }

  /**
   * For the sweep (every two seconds): the deadlines due for more than OVERDUE_SWEEP_MS and still
   * pending whose job completed more than OVERDUE_SWEEP_MS ago without settling them — a worker
   * was killed while its batch held them, or that batch failed, and the jobs that found them held
   * finished. Re-adds the jobs Redis lacks, and returns the orphans for the caller to fire (at the
   * same seq). Usually one indexed query that finds nothing.
   */
  async overdueOrphans(): Promise<{ id: string; seq: number }[]> {
    const due = (await this.dataSource.query(
      `SELECT id, seq, due_at FROM deadline WHERE state = 'PENDING' AND due_at < $1 ORDER BY due_at LIMIT 1000`,
      [new Date(this.clock.now().getTime() - OVERDUE_SWEEP_MS)],
    )) as PendingDeadline[];
    if (due.length === 0) return [];
    const prefix = `${this.config.redisPrefix}:${this.queues.queues.deadlines.name}:`;
    const pipeline = this.queues.producer.pipeline();
    for (const d of due)
      pipeline.hmget(`${prefix}${deadlineJobId(d.id, d.seq)}`, 'timestamp', 'finishedOn', 'failedReason');
    const answers = (await pipeline.exec()) ?? [];
    const missing: PendingDeadline[] = [];
    const orphans: PendingDeadline[] = [];
    due.forEach((d, i) => {
      const [err, fields] = answers[i] ?? [null, null];
      if (err) return;
      const [timestamp, finishedOn, failedReason] = (fields as (string | null)[] | null) ?? [null, null, null];
      if (timestamp === null) missing.push(d);
      // Completed (a job that failed for good is the minute's reconciler's), long enough ago that a
      // batch holding it would have settled it.
      else if (finishedOn !== null && failedReason === null && Number(finishedOn) < Date.now() - OVERDUE_SWEEP_MS)
        orphans.push(d);
    });
    if (missing.length) {
      await this.queues.enqueue(
        missing.map((d) => ({
          name: 'deadline.fire',
          jobId: deadlineJobId(d.id, d.seq),
          payload: { deadlineId: d.id, seq: d.seq },
          runAt: d.due_at,
        })),
        this.clock.now().getTime(),
      );
    }
    if (missing.length || orphans.length)
      this.logger.warn(
        { checked: due.length, missing: missing.length, orphans: orphans.length },
        'Sweep found overdue deadlines left behind',
      );
    return orphans;
  }

  /**
   * Re-adds the jobs Redis does not have, and runs again under a new seq the deadlines whose job
   * finished (completed or failed) while they are still pending at that seq. Returns how many.
   */
  private async restore(batch: PendingDeadline[]): Promise<number> {
    const prefix = `${this.config.redisPrefix}:${this.queues.queues.deadlines.name}:`;
    const pipeline = this.queues.producer.pipeline();
    for (const d of batch) pipeline.hmget(`${prefix}${deadlineJobId(d.id, d.seq)}`, 'timestamp', 'finishedOn');
    const answers = (await pipeline.exec()) ?? [];
    const missing: PendingDeadline[] = [];
    const finished: PendingDeadline[] = [];
    batch.forEach((d, i) => {
      const [err, fields] = answers[i] ?? [null, null];
      if (err) return;
      const [timestamp, finishedOn] = (fields as (string | null)[] | null) ?? [null, null];
      if (timestamp === null) missing.push(d);
      else if (finishedOn !== null) finished.push(d);
    });
    let restored = 0;
    if (missing.length) {
      await this.queues.enqueue(
        missing.map((d) => ({
          name: 'deadline.fire',
          jobId: deadlineJobId(d.id, d.seq),
          payload: { deadlineId: d.id, seq: d.seq },
          runAt: d.due_at,
        })),
        this.clock.now().getTime(),
      );
      restored += missing.length;
    }
    // A job that finished while its deadline is still pending at the same seq did not settle it
    // (its row was held by another worker's batch that never committed): run it again under a new seq.
    for (const d of finished) {
      await this.dataSource.transaction(async (manager) => {
        const rows = await queryRows<{ id: string; seq: number; due_at: Date }>(
          manager,
          `UPDATE deadline SET seq = seq + 1 WHERE id = $1 AND seq = $2 AND state = 'PENDING' RETURNING id, seq, due_at`,
          [d.id, d.seq],
        );
        await this.enqueue(manager, rows);
        restored += rows.length;
      });
    }
    return restored;
  }
}
