import { SetMetadata, type Type } from '@nestjs/common';
import type { Job } from 'bullmq';

import type { JobName } from './job-catalog.js';

export const JOB_HANDLER = 'hundred:job-handler';

/** Handles one job name. The payload is validated against `payloadType` before `handle` runs. */
export interface JobHandler<P extends object = object> {
  readonly payloadType: Type<P>;
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
