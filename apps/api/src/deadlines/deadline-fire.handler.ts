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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The check of FireDeadlinePayload's decorators, by hand: class-validator's own costs about as much
 * as the rest of the worker's work on a job when deadlines come by the hundred a second.
 */
export function parseFireDeadlinePayload(data: unknown): { payload: FireDeadlinePayload } | { problems: string } {
  const { deadlineId, seq } = (data ?? {}) as { deadlineId?: unknown; seq?: unknown };
  const problems: string[] = [];
  if (typeof deadlineId !== 'string' || !UUID.test(deadlineId)) problems.push('deadlineId isUuid');
  if (typeof seq !== 'number' || !Number.isInteger(seq)) problems.push('seq isInt');
  if (problems.length > 0) return { problems: problems.join('; ') };
  const payload = new FireDeadlinePayload();
  payload.deadlineId = deadlineId as string;
  payload.seq = seq as number;
  return { payload };
}

/** A job that arrives this early (clocks of two processes) waits rather than acting. */
const EARLY_TOLERANCE_MS = 5;
/** Deadlines fired together in one transaction, at most. */
const BATCH = 50;
/** Batch transactions one process runs at once (each holds a pooled connection while it runs). */
const MAX_BATCHES = 2;

/** A job's request to fire its deadline, waiting to join the next batch. */
interface FireRequest {
  deadlineId: string;
  seq: number;
  /** How many ms too early the job is (0 when done or nothing to do). */
  resolve: (early: number) => void;
  reject: (err: unknown) => void;
}

/**
 * Fires deadlines, each exactly once: in one transaction, lock the row, re-check that it is still
 * pending at the job's seq and due, act, and settle it. A retry after a crash finds it settled and
 * does nothing; a job of a moved deadline finds another seq and does nothing.
 *
 * Jobs do not each open a transaction: a job's request waits for the next batch, which takes the
 * requests of every job that arrived meanwhile (up to BATCH). A batch is one transaction: one
 * statement locks their deadlines that are still pending at the job's seq and due (the re-check,
 * skipping rows another worker holds), adds the other deadlines that are due while there is room,
 * and reads the requested ones it did not lock to tell each job why; then each action runs, and
 * one update settles them all. At most MAX_BATCHES run at once per process, so under load batches
 * grow instead of transactions multiplying. A job whose deadline another batch already fired costs
 * a place in that statement. Kinds that lock objects of their own run alone. If a batch fails, each
 * of its jobs falls back to its own deadline alone, so one failing deadline cannot hold the others back.
 */
@Injectable()
@HandlesJob('deadline.fire')
export class DeadlineFireHandler implements JobHandler<FireDeadlinePayload> {
  private readonly logger = new Logger('Deadlines');
  readonly payloadType = FireDeadlinePayload;
  readonly parsePayload = parseFireDeadlinePayload;
  private waiting: FireRequest[] = [];
  private running = 0;
  private pumping = false;

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

  /** Fires if due; resolves to how many ms too early the job is (0 when done or nothing to do). */
  private fire(deadlineId: string, seq: number): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      this.waiting.push({ deadlineId, seq, resolve, reject });
      // After the jobs that arrived with this one have asked too, so that they share a batch.
      if (!this.pumping) {
        this.pumping = true;
        setImmediate(() => {
          this.pumping = false;
          this.pump();
        });
      }
    });
  }

  /** Starts batches of the waiting requests while fewer than MAX_BATCHES run. */
  private pump(): void {
    while (this.running < MAX_BATCHES && this.waiting.length > 0) {
      const requests = this.waiting.splice(0, BATCH);
      this.running++;
      void this.runBatch(requests).finally(() => {
        this.running--;
        this.pump();
      });
    }
  }

  /** Answers every request of the batch (resolves or rejects each); never throws. */
  private async runBatch(requests: FireRequest[]): Promise<void> {
    let verdicts: Map<FireRequest, number | 'alone'>;
    try {
      verdicts = await this.dataSource.transaction((manager) => this.fireBatch(manager, requests));
    } catch (err) {
      this.logger.warn(
        { err, deadlineIds: requests.map((r) => r.deadlineId) },
        'A batch of deadlines failed; firing each alone',
      );
      this.fireAlone(requests);
      return;
    }
    const alone: FireRequest[] = [];
    for (const r of requests) {
      const verdict = verdicts.get(r) ?? 0;
      if (verdict === 'alone') alone.push(r);
      else r.resolve(verdict);
    }
    if (alone.length > 0) this.fireAlone(alone);
  }

  /** Fires each in a transaction of its own, one after the other, outside the batches' places. */
  private fireAlone(requests: FireRequest[]): void {
    void (async () => {
      for (const r of requests) {
        try {
          r.resolve(await this.dataSource.transaction((manager) => this.fireOne(manager, r.deadlineId, r.seq)));
        } catch (err) {
          r.reject(err);
        }
      }
    })();
  }

  /** Returns how many ms too early the job is (0 when done or nothing to do). */
  private async fireOne(manager: EntityManager, deadlineId: string, seq: number): Promise<number> {
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
    if (!d || d.state !== 'PENDING' || d.seq !== seq) return 0;
    const early = d.due_at.getTime() - now.getTime();
    if (early > EARLY_TOLERANCE_MS) return early;
    const outcome = await this.act(manager, d, now);
    if (outcome.status === 'FIRED' || outcome.status === 'SKIPPED')
      await this.deadlines.settle(manager, d.id, outcome.status);
    return 0;
  }

  /**
   * One statement locks the requested deadlines that are still pending at their job's seq, due and
   * of a kind that may be batched — the re-check under the row lock — skipping rows another
   * worker's batch holds; adds other due deadlines (while there is room in the batch, skipping
   * held rows too); and reads the requested deadlines it did not lock, to tell each job why. Then
   * acts on each locked deadline and settles them in one update. A row another worker holds is left
   * to it: that batch settles it, and should that worker die first, the sweep (every 2 s) finds it
   * overdue with its job completed and runs it again. Returns each request's verdict: how many ms
   * too early (0 when fired or nothing to do), or 'alone' for a kind that runs alone.
   */
  private async fireBatch(
    manager: EntityManager,
    requests: FireRequest[],
  ): Promise<Map<FireRequest, number | 'alone'>> {
    const unique = [...new Map(requests.map((r) => [`${r.deadlineId}/${r.seq}`, r])).values()];
    const ids = unique.map((r) => r.deadlineId);
    const now = this.clock.now();
    const rows = await queryRows<DeadlineRow & { role: 'own' | 'other' | 'look' }>(
      manager,
      `WITH own AS MATERIALIZED (
         SELECT * FROM deadline
          WHERE (id, seq) IN (SELECT * FROM unnest($1::uuid[], $2::int[])) AND state = 'PENDING' AND due_at <= $3
            AND kind = ANY($5::text[])
            FOR UPDATE SKIP LOCKED
       ), others AS MATERIALIZED (
         SELECT * FROM deadline
          WHERE state = 'PENDING' AND due_at <= $4 AND NOT (id = ANY($1::uuid[])) AND kind = ANY($5::text[])
            AND EXISTS (SELECT 1 FROM own)
          ORDER BY due_at LIMIT greatest(0, $6::int - (SELECT count(*) FROM own))
            FOR UPDATE SKIP LOCKED
       )
       SELECT 'own' AS role, * FROM own
       UNION ALL SELECT 'other' AS role, * FROM others
       UNION ALL SELECT 'look' AS role, * FROM deadline WHERE id = ANY($1::uuid[]) AND id NOT IN (SELECT id FROM own)`,
      [
        ids,
        unique.map((r) => r.seq),
        new Date(now.getTime() + EARLY_TOLERANCE_MS),
        now,
        this.actions.batchableKinds(),
        BATCH,
      ],
    );
    const own: DeadlineRow[] = [];
    const others: DeadlineRow[] = [];
    const looks = new Map<string, DeadlineRow>();
    // The actions get the deadline's row as it is, without the statement's role column.
    for (const { role, ...d } of rows) {
      if (role === 'own') own.push(d);
      else if (role === 'other') others.push(d);
      else looks.set(d.id, d);
    }
    const settled: { id: string; state: 'FIRED' | 'SKIPPED' }[] = [];
    for (const d of [...own, ...others]) {
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
    if (own.length + others.length > 1)
      this.logger.debug({ jobs: own.length, batch: own.length + others.length }, 'Fired due deadlines together');
    const verdicts = new Map<FireRequest, number | 'alone'>();
    for (const r of requests) {
      // Locked and fired here, or (not locked) settled, moved, or held by another worker's batch: 0.
      const d = looks.get(r.deadlineId);
      if (!d || d.state !== 'PENDING' || d.seq !== r.seq) verdicts.set(r, 0);
      else if (d.due_at.getTime() - now.getTime() > EARLY_TOLERANCE_MS)
        verdicts.set(r, d.due_at.getTime() - now.getTime());
      else if (!this.actions.isBatchable(d.kind)) verdicts.set(r, 'alone');
      else verdicts.set(r, 0);
    }
    return verdicts;
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
