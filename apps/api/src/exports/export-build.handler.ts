import { Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { IsUUID } from 'class-validator';
import { DataSource } from 'typeorm';

import { Clock } from '../common/clock.js';
import { translate } from '../common/messages.js';
import { queryRows } from '../database/sql.js';
import { actorOf } from '../graphql-context/request-context.js';
import { UserService } from '../identity/user.service.js';
import { HandlesJob, type JobHandler } from '../jobs/job-handler.js';
import { ExportKinds } from './export-kinds.js';
import { CONTENT_TYPES, type ExportRow } from './export.types.js';
import { PdfRenderer } from './pdf-renderer.js';
import { reportHtml } from './report-html.js';
import { reportXlsx } from './xlsx-renderer.js';

export class ExportBuildPayload {
  @IsUUID()
  exportId: string;
}

/** A file name of the title: no path separators or control characters, at most 150 characters. */
export function fileNameOf(title: string, extension: string): string {
  const base = title
    .replace(/[\\/:*?"<>|\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 150);
  return `${base || 'export'}.${extension}`;
}

/** Share of the progress given to gathering the data; the rest is printing and storing. */
const GATHERING = 80;

/**
 * Builds an export's file. Takes the row (QUEUED, or RUNNING again after a lost worker) and counts
 * the attempt; reads the requester as they are now and refuses to go on when they may no longer
 * read the data; has the kind lay the document out while the progress moves; prints it (PDF) or
 * writes the workbook (XLSX); stores the bytes and DONE in one transaction. Every write names the
 * attempt, so a run that lost its job to another never overwrites the newer one. A failure is
 * retried; the last one marks the export FAILED.
 */
@Injectable()
@HandlesJob('export.build')
export class ExportBuildHandler implements JobHandler<ExportBuildPayload> {
  private readonly logger = new Logger(ExportBuildHandler.name);
  readonly payloadType = ExportBuildPayload;

  constructor(
    private readonly dataSource: DataSource,
    private readonly kinds: ExportKinds,
    private readonly users: UserService,
    private readonly pdf: PdfRenderer,
    private readonly clock: Clock,
  ) {}

  async handle({ exportId }: ExportBuildPayload, job: Job): Promise<void> {
    const [row] = await queryRows<ExportRow>(
      this.dataSource.manager,
      `UPDATE export SET state = 'RUNNING', attempt = attempt + 1, progress = 1, started_at = $2, failure = NULL
        WHERE id = $1 AND state IN ('QUEUED', 'RUNNING') RETURNING *`,
      [exportId, this.clock.now()],
    );
    if (!row) {
      this.logger.log({ exportId }, 'Export skipped: done, failed or gone');
      return;
    }
    const attempt = row.attempt;
    try {
      await this.build(row);
    } catch (err) {
      const final = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      await this.dataSource.query(
        `UPDATE export SET state = $3, progress = 0, failure = $4, finished_at = $5 WHERE id = $1 AND attempt = $2`,
        [
          row.id,
          attempt,
          final ? 'FAILED' : 'QUEUED',
          final ? 'error.exportFailed' : null,
          final ? this.clock.now() : null,
        ],
      );
      throw err;
    }
  }

  private async build(row: ExportRow): Promise<void> {
    const attempt = row.attempt;
    const refuse = async () => {
      await this.dataSource.query(
        `UPDATE export SET state = 'FAILED', progress = 0, failure = 'error.exportNoLongerAllowed', finished_at = $3
          WHERE id = $1 AND attempt = $2`,
        [row.id, attempt, this.clock.now()],
      );
      this.logger.warn(
        { exportId: row.id, requesterId: row.requester_id },
        'Export refused: the requester may no longer read it',
      );
    };
    const user = await this.users.byId(row.requester_id);
    const kind = this.kinds.get(row.kind);
    const params = kind.paramsOf(row.params);
    if (!user || !user.active) return refuse();
    const actor = actorOf(user);
    if (!(await kind.mayRead(actor, params))) return refuse();

    let shown = 1;
    const setProgress = async (value: number) => {
      const p = Math.max(1, Math.min(99, Math.round(value)));
      if (p < shown + 5) return;
      shown = p;
      await this.dataSource.query(`UPDATE export SET progress = $3 WHERE id = $1 AND attempt = $2 AND progress < $3`, [
        row.id,
        attempt,
        p,
      ]);
    };
    const started = Date.now();
    const doc = await kind.build({
      actor,
      params,
      language: row.language,
      now: this.clock.now(),
      progress: (fraction) => setProgress(1 + Math.max(0, Math.min(1, fraction)) * (GATHERING - 1)),
    });
    await setProgress(GATHERING);
    const t = (
      key:
        | 'export.page'
        | 'export.generated'
        | 'export.chart.expected'
        | 'export.chart.actual'
        | 'export.chart.target'
        | 'export.chart.original',
    ) => translate(row.language, key);
    const content =
      row.format === 'PDF'
        ? await this.pdf.print(
            reportHtml(doc, {
              generated: t('export.generated'),
              legend: {
                expected: t('export.chart.expected'),
                actual: t('export.chart.actual'),
                target: t('export.chart.target'),
                original: t('export.chart.original'),
              },
            }),
            { pageLabel: t('export.page'), rtl: row.language === 'ar' },
          )
        : await reportXlsx(doc, 'Hundred');
    await setProgress(95);
    const fileName = fileNameOf(row.title, row.format === 'PDF' ? 'pdf' : 'xlsx');
    await this.dataSource.transaction(async (manager) => {
      const done = await queryRows<{ id: string }>(
        manager,
        `UPDATE export SET state = 'DONE', progress = 100, file_name = $3, content_type = $4, byte_size = $5, finished_at = $6
          WHERE id = $1 AND attempt = $2 AND state = 'RUNNING' RETURNING id`,
        [row.id, attempt, fileName, CONTENT_TYPES[row.format], content.length, this.clock.now()],
      );
      if (done.length === 0) return; // a newer attempt owns the export now
      await manager.query(
        `INSERT INTO export_file (export_id, content) VALUES ($1, $2)
         ON CONFLICT (export_id) DO UPDATE SET content = EXCLUDED.content`,
        [row.id, content],
      );
    });
    this.logger.log(
      { exportId: row.id, kind: row.kind, format: row.format, bytes: content.length, ms: Date.now() - started },
      'Export built',
    );
  }
}
