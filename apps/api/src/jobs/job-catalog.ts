import type { JobsOptions } from 'bullmq';

/**
 * Every queue, job name and retry preset, in one place. A job name is bound to exactly one
 * queue; the worker refuses to start if a name here has no handler, or two.
 */
export const QUEUES = ['deadlines', 'notifications', 'system', 'exports'] as const;
export type QueueName = (typeof QUEUES)[number];

export const JOB_PRESETS = {
  /** Work with side effects worth retrying (e-mail, notifications). */
  retrying: {
    attempts: 8,
    backoff: { type: 'exponential', delay: 1_000 },
    removeOnComplete: { age: 24 * 3600, count: 5_000 },
    removeOnFail: { age: 14 * 24 * 3600 },
  },
  /** Deadlines: retried quickly (the handler is idempotent), kept briefly once done. */
  deadline: {
    attempts: 10,
    backoff: { type: 'exponential', delay: 500 },
    removeOnComplete: { age: 3600, count: 200_000 },
    removeOnFail: { age: 7 * 24 * 3600 },
  },
  /** Exports: a file built in the background; tried again twice, then the export says it failed. */
  export: {
    attempts: 3,
    backoff: { type: 'exponential', delay: 2_000 },
    removeOnComplete: { age: 24 * 3600, count: 1_000 },
    removeOnFail: { age: 7 * 24 * 3600 },
  },
  /** Periodic housekeeping: the next run will do it again, no need to retry. */
  housekeeping: {
    attempts: 1,
    removeOnComplete: { age: 3600, count: 100 },
    removeOnFail: { age: 24 * 3600, count: 1_000 },
  },
} as const satisfies Record<string, JobsOptions>;

export const JOBS = {
  'notification.welcome': { queue: 'notifications', preset: 'retrying' },
  'email.send': { queue: 'notifications', preset: 'retrying' },
  'deadline.fire': { queue: 'deadlines', preset: 'deadline' },
  'deadline.reconcile': { queue: 'system', preset: 'housekeeping' },
  'deadline.sweep': { queue: 'system', preset: 'housekeeping' },
  'outbox.relay': { queue: 'system', preset: 'housekeeping' },
  'export.build': { queue: 'exports', preset: 'export' },
  'export.sweep': { queue: 'system', preset: 'housekeeping' },
} as const satisfies Record<string, { queue: QueueName; preset: keyof typeof JOB_PRESETS }>;

export type JobName = keyof typeof JOBS;
export const JOB_NAMES = Object.keys(JOBS) as JobName[];

/**
 * Worker concurrency per queue. Exports one at a time per worker: a PDF is printed by the worker's
 * one Chromium, and a long one must not hold up notifications or the system's own jobs.
 */
export const QUEUE_CONCURRENCY: Record<Exclude<QueueName, 'deadlines'>, number> = {
  notifications: 8,
  system: 2,
  exports: 1,
};

/** Job ids: fixed and meaningful, for deduplication; BullMQ forbids ':' in custom ids. */
export function jobId(...parts: string[]): string {
  const id = parts.join('-');
  if (id.includes(':')) throw new Error(`job id must not contain ':' (${id})`);
  return id;
}

/** Recurring work, run through BullMQ job schedulers (never process timers). */
export const SCHEDULES: readonly { id: string; job: JobName; everyMs: number }[] = [
  { id: 'outbox-relay', job: 'outbox.relay', everyMs: 5_000 },
  { id: 'deadline-reconcile', job: 'deadline.reconcile', everyMs: 60_000 },
  { id: 'deadline-sweep', job: 'deadline.sweep', everyMs: 2_000 },
  { id: 'export-sweep', job: 'export.sweep', everyMs: 10_000 },
];
