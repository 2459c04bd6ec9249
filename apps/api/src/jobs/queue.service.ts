import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';

import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { REDIS } from '../redis/redis.js';
import { JOBS, JOB_PRESETS, QUEUES, type JobName, type QueueName } from './job-catalog.js';

export interface EnqueueRequest {
  name: JobName;
  payload: object;
  jobId: string;
  /** Run no earlier than this instant. */
  runAt?: Date | null;
}

/** Puts jobs on the queues of the catalogue. Used by both roles. */
@Injectable()
export class QueueService implements OnApplicationShutdown {
  private readonly logger = new Logger(QueueService.name);
  readonly queues: Record<QueueName, Queue>;

  constructor(@Inject(APP_CONFIG) config: AppConfig, @Inject(REDIS) connection: Redis) {
    this.queues = Object.fromEntries(
      QUEUES.map((q) => [q, new Queue(q, { connection, prefix: config.redisPrefix })]),
    ) as Record<QueueName, Queue>;
  }

  queueOf(name: JobName): Queue {
    return this.queues[JOBS[name].queue];
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
      byQueue.set(q, [...(byQueue.get(q) ?? []), r]);
    }
    for (const [queue, reqs] of byQueue) {
      await queue.addBulk(reqs.map((r) => ({ name: r.name, data: r.payload, opts: this.optionsFor(r, now) })));
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(Object.values(this.queues).map((q) => q.close())).catch((err: unknown) =>
      this.logger.warn({ err }, 'closing queues failed'),
    );
  }
}
