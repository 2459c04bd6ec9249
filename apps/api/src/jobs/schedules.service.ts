import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';

import { JOBS, JOB_PRESETS, SCHEDULES } from './job-catalog.js';
import { QueueService } from './queue.service.js';

/** Registers the recurring jobs (idempotent: an existing scheduler is updated, not doubled). */
@Injectable()
export class SchedulesService implements OnApplicationBootstrap {
  private readonly logger = new Logger(SchedulesService.name);

  constructor(private readonly queues: QueueService) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.register('worker start-up');
  }

  /** Creates or updates every job scheduler of the catalogue; `reason` goes to the log line. */
  async register(reason: string): Promise<void> {
    for (const s of SCHEDULES) {
      const { removeOnComplete, removeOnFail } = JOB_PRESETS[JOBS[s.job].preset];
      await this.queues
        .queueOf(s.job)
        .upsertJobScheduler(
          s.id,
          { every: s.everyMs },
          { name: s.job, data: {}, opts: { removeOnComplete, removeOnFail } },
        );
    }
    this.logger.log({ reason, schedules: SCHEDULES.map((s) => s.id) }, 'Job schedulers registered');
  }

  /** The schedulers Redis does not have (all of them after FLUSHALL or a restart without persistence). */
  async missing(): Promise<string[]> {
    const found = await Promise.all(SCHEDULES.map((s) => this.queues.queueOf(s.job).getJobScheduler(s.id)));
    return SCHEDULES.filter((_, i) => !found[i]).map((s) => s.id);
  }
}
