import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { Clock } from '../common/clock.js';
import type { JobName } from '../jobs/job-catalog.js';
import { QueueService } from '../jobs/queue.service.js';

export interface OutboxEntry {
  name: JobName;
  jobId: string;
  payload: object;
  runAt?: Date | null;
}

interface PendingRow {
  id: string;
  job_name: JobName;
  job_id: string;
  payload: object;
  run_at: Date | null;
}

/**
 * The transactional outbox. `add` writes jobs in the caller's transaction; `relay` moves pending
 * rows to BullMQ. A row is marked relayed only after BullMQ accepted it (`relayed_at` is that
 * moment), so a crash in between relays it again, and the fixed job id makes that second add a
 * no-op.
 *
 * After a commit, `relayNow` starts a relay in the background and returns at once: an answer to
 * a request never waits for Redis; when this process added nothing since the last relay began,
 * it does nothing (the periodic relay still takes what other processes left). While Redis is unreachable the producer's commands fail at
 * once, the rows stay, and the periodic relay (every 5 s, and at once when a worker sees Redis
 * come back) picks them up. One background relay runs per process at a time; a call while it runs
 * makes it go round once more.
 */
@Injectable()
export class OutboxService implements BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxService.name);
  /** How many times this process wrote to the outbox: a caller relays only when it changed. */
  private written = 0;
  /** `written` when the last background relay began: what it will have seen. */
  private relayedWrites = 0;
  private background: Promise<void> | null = null;
  private again = false;
  /** Whether the last relay failed: failures are logged once until a relay succeeds again. */
  private failing = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: QueueService,
    private readonly clock: Clock,
  ) {}

  get writes(): number {
    return this.written;
  }

  async add(manager: EntityManager, entries: OutboxEntry[]): Promise<void> {
    if (entries.length === 0) return;
    this.written++;
    const values: unknown[] = [];
    const rows = entries.map((e, i) => {
      values.push(e.name, e.jobId, JSON.stringify(e.payload), e.runAt ?? null);
      return `($${i * 4 + 1}, $${i * 4 + 2}, $${i * 4 + 3}::jsonb, $${i * 4 + 4}::timestamptz)`;
    });
    await manager.query(
      `INSERT INTO outbox_message (job_name, job_id, payload, run_at) VALUES ${rows.join(', ')}`,
      values,
    );
  }

  /**
   * Relays up to `batch` pending rows; returns how many. Safe to run concurrently: rows are
   * claimed with SKIP LOCKED, so two relays never add the same row at the same time.
   */
  async relay(batch = 1000): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: PendingRow[] = await manager.query(
        `SELECT id, job_name, job_id, payload, run_at FROM outbox_message
          WHERE relayed_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [batch],
      );
      if (rows.length === 0) return 0;
      await this.queues.enqueue(
        rows.map((r) => ({ name: r.job_name, jobId: r.job_id, payload: r.payload, runAt: r.run_at })),
        this.clock.now().getTime(),
      );
      // clock_timestamp(), not now(): the moment Redis accepted the jobs, not the transaction's start.
      await manager.query(`UPDATE outbox_message SET relayed_at = clock_timestamp() WHERE id = ANY($1::bigint[])`, [
        rows.map((r) => r.id),
      ]);
      return rows.length;
    });
  }

  /**
   * Relays everything pending now and waits for it (the periodic relay, the reconciler, scripts).
   * Returns how many rows were relayed; a failure is logged (once until a relay succeeds) and
   * leaves the rest for the next relay.
   */
  async relayAll(): Promise<number> {
    let relayed = 0;
    try {
      for (let n = await this.relay(); n > 0; n = await this.relay()) relayed += n;
      if (this.failing) {
        this.failing = false;
        this.logger.log({ relayed }, 'Outbox relay works again');
      }
    } catch (err) {
      if (!this.failing) {
        this.failing = true;
        this.logger.warn(
          { error: (err as Error).message, relayed },
          'Outbox relay failed; the rows wait for the periodic relay',
        );
      }
    }
    return relayed;
  }

  /**
   * Called right after a commit: starts relaying in the background and resolves at once, so the
   * caller's answer does not depend on Redis. What cannot be relayed now waits for the periodic relay.
   */
  relayNow(): Promise<void> {
    // Nothing written since the last relay began (most writes add no job): no statement to send.
    if (this.written === this.relayedWrites) return Promise.resolve();
    // While Redis is unreachable there is nothing to try: the periodic relay takes the rows once it is back.
    if (this.queues.producer.status !== 'ready') return Promise.resolve();
    if (this.background) {
      this.again = true;
    } else {
      this.background = (async () => {
        do {
          this.again = false;
          this.relayedWrites = this.written;
          await this.relayAll();
        } while (this.again && !this.failing);
      })().finally(() => {
        this.background = null;
      });
    }
    return Promise.resolve();
  }

  /** Lets a background relay finish before the connections close (bounded by the shutdown timeout). */
  async beforeApplicationShutdown(): Promise<void> {
    await this.background;
  }
}
