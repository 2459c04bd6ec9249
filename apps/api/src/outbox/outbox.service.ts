import { Injectable, Logger } from '@nestjs/common';
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
 * rows to BullMQ. A row is marked relayed only after BullMQ accepted it, so a crash in between
 * relays it again, and the fixed job id makes that second add a no-op.
 */
@Injectable()
export class OutboxService {
  private readonly logger = new Logger(OutboxService.name);
  /** How many times this process wrote to the outbox: a caller relays only when it changed. */
  private written = 0;

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

  /** Relays up to `batch` pending rows; returns how many. Safe to run concurrently (SKIP LOCKED). */
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
      await manager.query(`UPDATE outbox_message SET relayed_at = now() WHERE id = ANY($1::bigint[])`, [
        rows.map((r) => r.id),
      ]);
      return rows.length;
    });
  }

  /** Relays everything pending now; called right after a commit. Failures wait for the periodic relay. */
  async relayNow(): Promise<void> {
    try {
      while ((await this.relay()) > 0) {
        /* keep going until empty */
      }
    } catch (err) {
      this.logger.warn({ err }, 'Outbox relay failed; the periodic relay will retry');
    }
  }
}
