import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';

import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { REDIS_PRODUCER } from '../redis/redis.js';
import { JOBS, JOB_PRESETS, QUEUES, type JobName, type QueueName } from './job-catalog.js';

export interface EnqueueRequest {
  name: JobName;
  payload: object;
  jobId: string;
  /** Run no earlier than this instant. */
  runAt?: Date | null;
}

/**
 * Puts jobs on the queues of the catalogue. Used by both roles. The queues share one producer
 * connection that fails fast while Redis is unreachable (no offline queue, a command timeout):
 * whoever adds a job gets an error at once and the outbox keeps the row for the periodic relay.
 */
@Injectable()
export class QueueService implements OnApplicationShutdown {
  private readonly logger = new Logger(QueueService.name);
  readonly queues: Record<QueueName, Queue>;
  /** The producer connection (also for the reconciler's look-ups and the health checks). */
  readonly producer: Redis;

  constructor(@Inject(APP_CONFIG) config: AppConfig, @Inject(REDIS_PRODUCER) producer: Redis) {
    this.producer = producer;
    this.queues = Object.fromEntries(
      QUEUES.map((q) => {
        const queue = new Queue(q, { connection: this.producer, prefix: config.redisPrefix });
        // Connection errors are logged once per change of state by watchRedis.
        queue.on('error', () => undefined);
        return [q, queue];
      }),
    ) as Record<QueueName, Queue>;
  }

  queueOf(name: JobName): Queue {
    return this.queues[JOBS[name].queue];
  }

  /** Resolves once the producer connection is ready; rejects after `timeoutMs`. */
  async ready(timeoutMs: number): Promise<void> {
    if (this.producer.status === 'ready') return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.producer.off('ready', onReady);
        reject(new Error(`Redis not ready within ${timeoutMs} ms`));
      }, timeoutMs);
      const onReady = () => {
        clearTimeout(timer);
        resolve();
      };
      this.producer.once('ready', onReady);
    });
  }

  optionsFor(req: EnqueueRequest, now: number): JobsOptions {
    const delay = req.runAt ? Math.max(0, req.runAt.getTime() - now) : 0;
    return { ...JOB_PRESETS[JOBS[req.name].preset], jobId: req.jobId, delay };
  }

  /** Adds jobs, grouped per queue; a job whose id is already queued is left as it is. */
  async enqueue(requests: EnqueueRequest[], now = Date.now()): Promise<void> {
    const byQueue = new Map<Queue, EnqueueRequest[]>();
    for (const r of requests) {
      const q = this.queueOf(r.name);
      const list = byQueue.get(q);
      if (list) list.push(r);
      else byQueue.set(q, [r]);
    }
    for (const [queue, reqs] of byQueue) {
      await queue.addBulk(reqs.map((r) => ({ name: r.name, data: r.payload, opts: this.optionsFor(r, now) })));
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(Object.values(this.queues).map((q) => q.close())).catch((err: unknown) =>
      this.logger.warn({ err }, 'closing queues failed'),
    );
    await this.producer.quit().catch(() => this.producer.disconnect());
  }
}
