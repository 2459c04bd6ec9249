import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { Worker, UnrecoverableError, type Job } from 'bullmq';
import type { Redis } from 'ioredis';

import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { REDIS, watchRedis } from '../redis/redis.js';
import { JOBS, JOB_NAMES, QUEUES, QUEUE_CONCURRENCY, type JobName, type QueueName } from './job-catalog.js';
import { checkHandlerCoverage, JOB_HANDLER, validatePayload, type JobHandler } from './job-handler.js';

/** What a log line says about a job: its name and id, and the deadline it delivers if any. */
function jobFields(job: Job | undefined): Record<string, unknown> {
  if (!job) return {};
  const data = (job.data ?? {}) as { deadlineId?: unknown };
  return {
    job: job.name,
    jobId: job.id,
    ...(typeof data.deadlineId === 'string' ? { deadlineId: data.deadlineId } : {}),
  };
}

const CONNECTION_ERRORS =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|Connection is closed|Stream isn't writeable|connect ETIMEDOUT|MaxRetriesPerRequest|Command timed out/i;
const isConnectionError = (err: Error) =>
  CONNECTION_ERRORS.test(`${(err as { code?: string }).code ?? ''} ${err.message}`);

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
  private readonly lastErrors = new Map<string, number>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  onApplicationBootstrap(): void {
    this.handlers = this.discoverHandlers();
    for (const queue of QUEUES) this.workers.push(this.startWorker(queue));
    this.logger.log(
      {
        queues: QUEUES,
        jobs: JOB_NAMES,
        // BullMQ's worker ids prefix the lock tokens of the jobs each one holds.
        workerIds: Object.fromEntries(QUEUES.map((q, i) => [q, this.workers[i]!.id])),
        lockMs: this.config.workerLockMs,
        stalledCheckMs: this.config.workerStalledCheckMs,
      },
      'Worker started',
    );
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
    watchRedis(connection, `worker-${queue}`);
    this.connections.push(connection);
    const worker = new Worker(queue, (job, token) => this.process(job, token), {
      connection,
      prefix: this.config.redisPrefix,
      concurrency: queue === 'deadlines' ? this.config.deadlineConcurrency : QUEUE_CONCURRENCY[queue],
      // A short lock, renewed every half of it, and a frequent stalled check: a killed worker's
      // jobs run again elsewhere within about lock + check (CONTRIBUTING.md, "Deadlines and delivery").
      lockDuration: this.config.workerLockMs,
      stalledInterval: this.config.workerStalledCheckMs,
      // A job whose lock lapsed under load runs again (handlers are idempotent) a few times before failing.
      maxStalledCount: 5,
      autorun: true,
    });
    worker.on('failed', (job, err) => {
      const attempts = job?.opts.attempts ?? 1;
      const final =
        !job || job.attemptsMade >= attempts || err instanceof UnrecoverableError || err.name === 'UnrecoverableError';
      const fields = { queue, ...jobFields(job), attempt: job?.attemptsMade, attempts, error: err.message };
      if (final) this.logger.error({ ...fields, err }, 'Job failed for good');
      else this.logger.warn(fields, 'Job failed; it will be retried');
    });
    worker.on('stalled', (id) =>
      this.logger.warn({ queue, jobId: id }, 'Job stalled (its worker stopped); running it again'),
    );
    // Connection errors are logged once per change of state by watchRedis; others once per minute and message.
    worker.on('error', (err) => {
      if (isConnectionError(err)) return;
      // Once per kind of error, whatever job or deadline it names.
      const key = `${queue}:${err.message.replace(/[0-9a-f]{8}-[0-9a-f-]{27,}/gi, '<id>')}`;
      const last = this.lastErrors.get(key) ?? 0;
      if (Date.now() - last < 60_000) return;
      this.lastErrors.set(key, Date.now());
      this.logger.error({ queue, error: err.message, err }, 'Worker error');
    });
    return worker;
  }

  private async process(job: Job, token: string | undefined): Promise<void> {
    const handler = this.handlers.get(job.name);
    if (!handler || JOBS[job.name as JobName] === undefined) {
      this.logger.error(jobFields(job), 'No handler for this job; it cannot start');
      throw new UnrecoverableError(`No handler for job ${job.name}`);
    }
    const parsed = handler.parsePayload ? handler.parsePayload(job.data) : await validatePayload(handler, job.data);
    if ('problems' in parsed) {
      this.logger.error({ ...jobFields(job), problems: parsed.problems }, 'Invalid job payload; the job cannot start');
      throw new UnrecoverableError(`Invalid payload for ${job.name}: ${parsed.problems}`);
    }
    await handler.handle(parsed.payload, job, token);
  }

  async onApplicationShutdown(): Promise<void> {
    // Let running jobs finish; the process-level time limit stops us if they take too long.
    await Promise.all(this.workers.map((w) => w.close()));
    await Promise.all(this.connections.map((c) => c.quit().catch(() => c.disconnect())));
    this.logger.log('Worker stopped');
  }
}
