import type { Actor, Language } from '@hundred/domain';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { translate, isMessageKey } from '../common/messages.js';
import { queryRows } from '../database/sql.js';
import { jobId } from '../jobs/job-catalog.js';
import { OutboxService } from '../outbox/outbox.service.js';
import type { RequestExportInput } from './dto/export.inputs.js';
import { ExportKinds } from './export-kinds.js';
import { toExport, type Export, type ExportRow } from './export.types.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The file of a finished export, as the download sends it. */
export interface ExportFile {
  fileName: string;
  contentType: string;
  content: Buffer;
}

/**
 * Exports: asked for (one row and the worker's job in one transaction, so the request answers at
 * once and the file is built in the background), read back by their requester only, and only
 * while the requester may still read what the file holds.
 */
@Injectable()
export class ExportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly kinds: ExportKinds,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async request(actor: Actor, language: Language, input: RequestExportInput, ip: string | null): Promise<Export> {
    const kind = this.kinds.get(input.kind);
    const asked = kind.paramsOf(input.params);
    const params = kind.paramsFor ? kind.paramsFor(actor, asked) : asked;
    if (!(await kind.mayRead(actor, params))) throw AppError.forbidden();
    const title = await kind.titleOf(params, language);
    const row = await this.dataSource.transaction(async (manager) => {
      const [created] = await queryRows<ExportRow>(
        manager,
        `INSERT INTO export (requester_id, kind, format, params, language, title, created_at)
         VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7) RETURNING *`,
        [actor.id, input.kind, input.format, JSON.stringify(params), language, title, this.clock.now()],
      );
      await this.outbox.add(manager, [
        { name: 'export.build', jobId: jobId('export', created!.id), payload: { exportId: created!.id } },
      ]);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'export.requested',
        subjectType: 'export',
        subjectId: created!.id,
        data: { kind: input.kind, format: input.format, params, language },
        ip,
      });
      return created!;
    });
    await this.outbox.relayNow();
    return this.view(row, language);
  }

  /** An export as its requester reads it, its failure in the reader's language. */
  view(row: ExportRow, language: Language): Export {
    const out = toExport(row);
    if (out.failureKey)
      out.failure = translate(language, isMessageKey(out.failureKey) ? out.failureKey : 'error.exportFailed');
    return out;
  }

  /**
   * The actor's own export, while they may still read what it holds: FORBIDDEN alike for another
   * person's export, one whose data they may no longer read, and one that does not exist.
   */
  async visibleRow(actor: Actor, id: string): Promise<ExportRow> {
    const [row] = UUID.test(id)
      ? await queryRows<ExportRow>(
          this.dataSource.manager,
          `SELECT * FROM export WHERE id = $1 AND requester_id = $2`,
          [id, actor.id],
        )
      : [];
    if (!row) throw AppError.forbidden();
    const kind = this.kinds.get(row.kind);
    if (!(await kind.mayRead(actor, kind.paramsOf(row.params)))) throw AppError.forbidden();
    return row;
  }

  async visible(actor: Actor, id: string, language: Language): Promise<Export> {
    return this.view(await this.visibleRow(actor, id), language);
  }

  /** The actor's exports, newest first (whatever they may read now: each download checks again). */
  async mine(actor: Actor, language: Language, page: { limit: number; offset: number }): Promise<Export[]> {
    const rows = await queryRows<ExportRow>(
      this.dataSource.manager,
      `SELECT * FROM export WHERE requester_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3`,
      [actor.id, page.limit, page.offset],
    );
    return rows.map((r) => this.view(r, language));
  }

  /** The finished file, checked like the export itself; a file not built yet is NOT_ALLOWED. */
  async file(actor: Actor, id: string): Promise<ExportFile> {
    const row = await this.visibleRow(actor, id);
    if (row.state !== 'DONE') throw new AppError('NOT_ALLOWED', 'error.exportNotReady');
    const [file] = await queryRows<{ content: Buffer }>(
      this.dataSource.manager,
      `SELECT content FROM export_file WHERE export_id = $1`,
      [row.id],
    );
    if (!file) throw new AppError('NOT_ALLOWED', 'error.exportNotReady');
    return { fileName: row.file_name!, contentType: row.content_type!, content: file.content };
  }
}
