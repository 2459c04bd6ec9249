import { Inject, Injectable, Logger } from '@nestjs/common';
import { IsOptional, IsString } from 'class-validator';
import { DataSource } from 'typeorm';

import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { queryRows } from '../database/sql.js';
import { jobId } from '../jobs/job-catalog.js';
import { HandlesJob, type JobHandler } from '../jobs/job-handler.js';
import { QueueService } from '../jobs/queue.service.js';

export class ExportSweepPayload {
  /** Why it runs now (the watchdog names what it saw); absent for the scheduled runs. */
  @IsOptional()
  @IsString()
  reason?: string;
}

/** How long an export may wait before the sweep looks for its job (the outbox relays within seconds). */
const GRACE_MS = 10_000;
const BATCH = 200;

/**
 * Every ten seconds, and when the watchdog sees an emptied or replaced Redis: the exports still
 * QUEUED or RUNNING whose job Redis no longer has get it again (the same fixed id, so a job that is
 * there is left alone); one whose job failed for good without the export saying so is marked
 * FAILED. PostgreSQL is the truth: an export asked for is built whatever happened to Redis.
 * Exports finished more than EXPORT_RETENTION_DAYS ago are deleted with their files.
 */
@Injectable()
@HandlesJob('export.sweep')
export class ExportSweepHandler implements JobHandler<ExportSweepPayload> {
  private readonly logger = new Logger(ExportSweepHandler.name);
  readonly payloadType = ExportSweepPayload;

  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: QueueService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async handle(payload: ExportSweepPayload): Promise<void> {
    const [, expired] = (await this.dataSource.query(
      `DELETE FROM export WHERE state IN ('DONE', 'FAILED') AND finished_at < $1`,
      [new Date(this.clock.now().getTime() - this.config.exportRetentionDays * 86_400_000)],
    )) as [unknown, number];
    if (expired > 0) this.logger.log({ expired, days: this.config.exportRetentionDays }, 'Expired exports deleted');
    const rows = await queryRows<{ id: string }>(
      this.dataSource.manager,
      `SELECT id FROM export WHERE state IN ('QUEUED', 'RUNNING') AND created_at < $1 ORDER BY created_at LIMIT $2`,
      [new Date(this.clock.now().getTime() - GRACE_MS), BATCH],
    );
    if (rows.length === 0) return;
    const queue = this.queues.queueOf('export.build');
    const restore: string[] = [];
    const failed: string[] = [];
    for (const { id } of rows) {
      const job = await queue.getJob(jobId('export', id));
      if (!job) {
        restore.push(id);
        continue;
      }
      const state = await job.getState();
      if (state === 'failed') failed.push(id);
      else if (state === 'completed') {
        // Its job ran and the export was left behind (a build that lost its attempt): run it again.
        await job.remove();
        restore.push(id);
      }
    }
    if (restore.length > 0) {
      await this.queues.enqueue(
        restore.map((id) => ({ name: 'export.build', jobId: jobId('export', id), payload: { exportId: id } })),
        this.clock.now().getTime(),
      );
    }
    if (failed.length > 0) {
      await this.dataSource.query(
        `UPDATE export SET state = 'FAILED', progress = 0, failure = 'error.exportFailed', finished_at = $2
          WHERE id = ANY($1::uuid[]) AND state IN ('QUEUED', 'RUNNING')`,
        [failed, this.clock.now()],
      );
    }
    if (restore.length > 0 || failed.length > 0)
      this.logger.warn(
        { reason: payload.reason ?? 'scheduled', restored: restore.length, failed: failed.length },
        'Export sweep restored jobs Redis did not have',
      );
  }
}
