import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { QueueService } from '../jobs/queue.service.js';
import { QUEUES, type QueueName } from '../jobs/job-catalog.js';

/** A deadline counts as overdue once it is due and not fired for longer than this. */
export const OVERDUE_AFTER_MS = 60_000;

export interface DeliveryMetrics {
  /** When these figures were gathered (the business clock). */
  at: string;
  pendingDeadlines: number;
  /** Pending deadlines due for more than 60 s: delivery is behind or stuck. */
  overdueDeadlines: number;
  oldestOverdueSeconds: number | null;
  /** Outbox rows not yet accepted by Redis. */
  outboxBacklog: number;
  oldestOutboxSeconds: number | null;
  /** Failed jobs kept in Redis (final failures), per queue and in all; null while Redis cannot answer. */
  failedJobs: number | null;
  failedJobsByQueue: Record<QueueName, number> | null;
}

export type MetricName = 'pendingDeadlines' | 'overdueDeadlines' | 'outboxBacklog' | 'failedJobs';

/**
 * The delivery figures an operator alerts on, gathered in one place for `/health`,
 * `/health/details` (and any later exporter): pending and overdue deadlines and the outbox
 * backlog from PostgreSQL, failed jobs from Redis.
 */
@Injectable()
export class DeliveryMetricsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: QueueService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async gather(): Promise<DeliveryMetrics> {
    const now = this.clock.now();
    const [[row], failed] = await Promise.all([
      this.dataSource.query(
        `SELECT (SELECT count(*) FROM deadline WHERE state = 'PENDING')::int AS pending,
                (SELECT count(*) FROM deadline WHERE state = 'PENDING' AND due_at < $1)::int AS overdue,
                (SELECT extract(epoch FROM $2::timestamptz - min(due_at)) FROM deadline
                  WHERE state = 'PENDING' AND due_at < $1)::float8 AS oldest_overdue,
                (SELECT count(*) FROM outbox_message WHERE relayed_at IS NULL)::int AS backlog,
                (SELECT extract(epoch FROM now() - min(created_at)) FROM outbox_message
                  WHERE relayed_at IS NULL)::float8 AS oldest_outbox`,
        [new Date(now.getTime() - OVERDUE_AFTER_MS), now],
      ) as Promise<
        {
          pending: number;
          overdue: number;
          oldest_overdue: number | null;
          backlog: number;
          oldest_outbox: number | null;
        }[]
      >,
      this.failedJobs(),
    ]);
    const r = row!;
    return {
      at: now.toISOString(),
      pendingDeadlines: r.pending,
      overdueDeadlines: r.overdue,
      oldestOverdueSeconds: r.oldest_overdue === null ? null : Math.round(r.oldest_overdue),
      outboxBacklog: r.backlog,
      oldestOutboxSeconds: r.oldest_outbox === null ? null : Math.round(r.oldest_outbox),
      failedJobs: failed ? Object.values(failed).reduce((a, b) => a + b, 0) : null,
      failedJobsByQueue: failed,
    };
  }

  /** The figures over their thresholds (HEALTH_MAX_* in config.ts). */
  over(m: DeliveryMetrics): MetricName[] {
    const limits: Record<MetricName, number> = {
      pendingDeadlines: this.config.healthMaxPendingDeadlines,
      overdueDeadlines: this.config.healthMaxOverdueDeadlines,
      outboxBacklog: this.config.healthMaxOutboxBacklog,
      failedJobs: this.config.healthMaxFailedJobs,
    };
    return (Object.keys(limits) as MetricName[]).filter((k) => (m[k] ?? 0) > limits[k]);
  }

  private async failedJobs(): Promise<Record<QueueName, number> | null> {
    if (this.queues.producer.status !== 'ready') return null;
    try {
      const counts = await Promise.all(QUEUES.map((q) => this.queues.queues[q].getFailedCount()));
      return Object.fromEntries(QUEUES.map((q, i) => [q, counts[i]!])) as Record<QueueName, number>;
    } catch {
      return null;
    }
  }
}
