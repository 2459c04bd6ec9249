import { SetMetadata, type Type } from '@nestjs/common';
import type { Job } from 'bullmq';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';

import type { JobName } from './job-catalog.js';

export const JOB_HANDLER = 'hundred:job-handler';

/**
 * Handles one job name. The payload is validated against `payloadType` before `handle` runs, or
 * checked by `parsePayload` when the handler has one.
 */
export interface JobHandler<P extends object = object> {
  readonly payloadType: Type<P>;
  /**
   * The same check as validating `payloadType` (whitelist, same problems), written out by hand for
   * jobs that come by the thousand, where class-validator's per-call cost shows.
   */
  parsePayload?(data: unknown): { payload: P } | { problems: string };
  /** `token` is the worker's lock token, for `job.moveToDelayed` when a job came too early. */
  handle(payload: P, job: Job, token?: string): Promise<void>;
}

/** Marks a provider as the handler of a job name (discovered by the worker at start-up). */
export const HandlesJob = (name: JobName) => SetMetadata(JOB_HANDLER, name);

/** The names with no handler and those with more than one; both must be empty to start. */
export function checkHandlerCoverage(
  names: readonly string[],
  handled: readonly string[],
): { missing: string[]; duplicated: string[]; unknown: string[] } {
  const counts = new Map<string, number>();
  for (const h of handled) counts.set(h, (counts.get(h) ?? 0) + 1);
  return {
    missing: names.filter((n) => !counts.has(n)),
    duplicated: [...counts].filter(([, c]) => c > 1).map(([n]) => n),
    unknown: [...counts.keys()].filter((n) => !names.includes(n)),
  };
}

/** A payload checked against its handler's class: whitelisted, or what is wrong with it. */
export async function validatePayload<P extends object>(
  handler: Pick<JobHandler<P>, 'payloadType'>,
  data: unknown,
): Promise<{ payload: P } | { problems: string }> {
  const payload = plainToInstance(handler.payloadType, data as object);
  const errors = await validate(payload, { whitelist: true, forbidUnknownValues: false });
  if (errors.length === 0) return { payload };
  return { problems: errors.map((e) => `${e.property} ${Object.keys(e.constraints ?? {}).join(',')}`).join('; ') };
}
