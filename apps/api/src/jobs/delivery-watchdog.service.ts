import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';

import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { jobId, SCHEDULES } from './job-catalog.js';
import { QueueService } from './queue.service.js';
import { SchedulesService } from './schedules.service.js';

/**
 * The worker's watchdog: the one timer outside BullMQ (ARCHITECTURE.md, "Scaling out"). It
 * notices a Redis that was emptied (FLUSHALL), restarted without persistence or replaced — every
 * time the producer connection becomes ready again after a loss, and every WATCHDOG_INTERVAL_MS
 * by checking that the job schedulers still exist — and then re-registers the schedulers and runs
 * each recurring job at once: the outbox relay and the deadline reconciler, which re-enqueues
 * from PostgreSQL whatever Redis lost. It only asks; PostgreSQL stays the truth, and running it
 * twice (two workers) does nothing twice.
 */
@Injectable()
export class DeliveryWatchdog implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Watchdog');
  private timer: NodeJS.Timeout | undefined;
  private healing: Promise<void> | null = null;
  private checking = false;
  private stopped = false;
  private readonly onReady = () => {
    if (this.skipReady) {
      this.skipReady = false;
      return;
    }
    void this.heal('Redis connection ready again');
  };
  /** The producer's first `ready` is the start, not a return. */
  private skipReady = false;

  constructor(
    private readonly queues: QueueService,
    private readonly schedules: SchedulesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.skipReady = this.queues.producer.status !== 'ready';
    this.queues.producer.on('ready', this.onReady);
    this.timer = setInterval(() => void this.check(), this.config.watchdogIntervalMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    clearInterval(this.timer);
    this.queues.producer.off('ready', this.onReady);
  }

  /** Are the job schedulers still there? A Redis that cannot answer now is the connection's to report. */
  async check(): Promise<void> {
    if (this.checking || this.healing || this.stopped || this.queues.producer.status !== 'ready') return;
    this.checking = true;
    try {
      const missing = await this.schedules.missing();
      if (missing.length > 0) await this.heal(`job schedulers missing from Redis (${missing.join(', ')})`);
    } catch {
      // Unreachable right now: the next 'ready' heals.
    } finally {
      this.checking = false;
    }
  }

  /** Re-registers the schedulers and runs the recurring jobs once, now. One at a time. */
  heal(reason: string): Promise<void> {
    this.healing ??= this.run(reason).finally(() => {
      this.healing = null;
    });
    return this.healing;
  }

  private async run(reason: string): Promise<void> {
    if (this.stopped) return;
    this.logger.warn({ reason }, 'Redis was emptied, restarted or replaced; re-registering and reconciling');
    try {
      await this.queues.ready(this.config.redisCommandTimeoutMs * 6);
      await this.schedules.register(reason);
      const at = String(Date.now());
      await this.queues.enqueue(
        SCHEDULES.map((s) => ({ name: s.job, jobId: jobId(s.id, 'now', at), payload: { reason } })),
      );
    } catch (err) {
      this.logger.error({ reason, error: (err as Error).message }, 'Watchdog could not heal; it tries again');
    }
  }
}
