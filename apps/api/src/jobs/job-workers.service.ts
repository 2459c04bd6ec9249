import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { Worker, UnrecoverableError, type Job } from 'bullmq';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Redis } from 'ioredis';

import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { REDIS } from '../redis/redis.js';
import { JOBS, JOB_NAMES, QUEUES, QUEUE_CONCURRENCY, type JobName, type QueueName } from './job-catalog.js';
import { checkHandlerCoverage, JOB_HANDLER, type JobHandler } from './job-handler.js';

/**
 * The worker role: one BullMQ worker per queue, dispatching each job to the one handler of its
 * name after validating its payload again. Refuses to start when the catalogue and the handlers
 * disagree.
 */
@Injectable()
export class JobWorkersService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Worker');
  private readonly workers: Worker[] = [];
  private readonly connections: Redis[] = [];
  private handlers = new Map<string, JobHandler>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  onApplicationBootstrap(): void {
    this.handlers = this.discoverHandlers();
    for (const queue of QUEUES) this.workers.push(this.startWorker(queue));
    this.logger.log({ queues: QUEUES, jobs: JOB_NAMES }, 'Worker started');
  }

  private discoverHandlers(): Map<string, JobHandler> {
    const found: [string, JobHandler][] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const { instance, metatype } = wrapper;
      if (!instance || !metatype) continue;
      const name = this.reflector.get<string | undefined>(JOB_HANDLER, metatype);
      if (name) found.push([name, instance as JobHandler]);
    }
    const coverage = checkHandlerCoverage(
      JOB_NAMES,
      found.map(([n]) => n),
    );
    const problems = [
      ...coverage.missing.map((n) => `job "${n}" has no handler`),
      ...coverage.duplicated.map((n) => `job "${n}" has more than one handler`),
      ...coverage.unknown.map((n) => `a handler is declared for unknown job "${n}"`),
    ];
    if (problems.length > 0) throw new Error(`Cannot start the worker: ${problems.join('; ')}`);
    return new Map(found);
  }

  private startWorker(queue: QueueName): Worker {
    const connection = this.redis.duplicate({ connectionName: `hundred-worker-${queue}` });
    this.connections.push(connection);
    const worker = new Worker(queue, (job, token) => this.process(job, token), {
      connection,
      prefix: this.config.redisPrefix,
      concurrency: queue === 'deadlines' ? this.config.deadlineConcurrency : QUEUE_CONCURRENCY[queue],
      lockDuration: this.config.workerLockMs,
      stalledInterval: this.config.workerLockMs,
      autorun: true,
    });
    worker.on('failed', (job, err) =>
      this.logger.warn({ job: job?.name, jobId: job?.id, attempts: job?.attemptsMade, err }, 'Job failed'),
    );
    worker.on('error', (err) => this.logger.error({ err }, `Worker error on queue ${queue}`));
    return worker;
  }

  private async process(job: Job, token: string | undefined): Promise<void> {
    const handler = this.handlers.get(job.name);
    if (!handler || JOBS[job.name as JobName] === undefined) {
      throw new UnrecoverableError(`No handler for job ${job.name}`);
    }
    const payload = plainToInstance(handler.payloadType, job.data as object);
    const errors = await validate(payload, { whitelist: true, forbidUnknownValues: false });
    if (errors.length > 0) {
      throw new UnrecoverableError(
        `Invalid payload for ${job.name}: ${errors.map((e) => `${e.property} ${Object.keys(e.constraints ?? {}).join(',')}`).join('; ')}`,
      );
    }
    await handler.handle(payload, job, token);
  }

  async onApplicationShutdown(): Promise<void> {
    // Let running jobs finish; the process-level time limit stops us if they take too long.
    await Promise.all(this.workers.map((w) => w.close()));
    await Promise.all(this.connections.map((c) => c.quit().catch(() => c.disconnect())));
    this.logger.log('Worker stopped');
  }
}
