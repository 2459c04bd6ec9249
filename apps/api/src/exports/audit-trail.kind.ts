import { can, type Actor, type Language } from '@hundred/domain';
import { Injectable } from '@nestjs/common';

import { AuditSearchService, type AuditFilter } from '../audit-view/audit-search.service.js';
import { translate, type MessageKey } from '../common/messages.js';
import { UserService } from '../identity/user.service.js';
import type { ExportParamsInput } from './dto/export.inputs.js';
import { BuildsExport, type ExportBuild, type ExportKindHandler } from './export-kinds.js';
import type { CellValue, ReportColumn, ReportDocument } from './report-document.js';

export interface AuditTrailParams {
  audit: AuditFilter;
}

/** The most events one file holds; a narrower filter gives the rest. */
export const MAX_AUDIT_EVENTS = 20_000;

/**
 * The audit trail as a file: every event the office's search finds (by object, person, action and
 * time), newest first, read through the audit view's own search page by page. The office only
 * (`audit.search`), as the search itself.
 */
@Injectable()
@BuildsExport('AUDIT_TRAIL')
export class AuditTrailKind implements ExportKindHandler<AuditTrailParams> {
  constructor(
    private readonly search: AuditSearchService,
    private readonly users: UserService,
  ) {}

  paramsOf(input: ExportParamsInput): AuditTrailParams {
    const f = input.audit ?? {};
    const when = (d: Date | string | null | undefined) => (d ? new Date(d) : null);
    return {
      audit: {
        subjectType: f.subjectType ?? null,
        subjectId: f.subjectId ?? null,
        actorId: f.actorId ?? null,
        action: f.action ?? null,
        from: when(f.from),
        to: when(f.to),
      },
    };
  }

  mayRead(actor: Actor): Promise<boolean> {
    return Promise.resolve(can(actor, 'audit.search', { type: 'audit' }));
  }

  titleOf(_params: AuditTrailParams, language: Language): Promise<string> {
    return Promise.resolve(translate(language, 'auditReport.title'));
  }

  async build({ params, language, now, progress }: ExportBuild<AuditTrailParams>): Promise<ReportDocument> {
    const t = (key: MessageKey) => translate(language, key);
    const events = [];
    for await (const e of this.search.each(params.audit)) {
      events.push(e);
      if (events.length % 1000 === 0) await progress(Math.min(0.8, events.length / MAX_AUDIT_EVENTS));
      if (events.length >= MAX_AUDIT_EVENTS) break;
    }
    const actorIds = [...new Set(events.flatMap((e) => (e.actorId ? [e.actorId] : [])))];
    const people = new Map((await this.users.byIds(actorIds)).map((u) => [u.id, u]));
    await progress(0.9);
    const columns: ReportColumn[] = [
      { title: t('auditReport.col.at'), type: 'instant', width: 14 },
      { title: t('auditReport.col.actor'), type: 'text', width: 28 },
      { title: t('auditReport.col.action'), type: 'text', width: 34 },
      { title: t('auditReport.col.subject'), type: 'text', width: 14 },
      { title: t('auditReport.col.subjectId'), type: 'text', width: 38 },
      { title: t('auditReport.col.from'), type: 'text', width: 16 },
      { title: t('auditReport.col.to'), type: 'text', width: 16 },
      { title: t('auditReport.col.reason'), type: 'text', width: 40 },
    ];
    const rows: CellValue[][] = events.map((e) => {
      const who = e.actorId ? people.get(e.actorId) : undefined;
      return [
        e.occurredAt,
        who ? (language === 'ar' ? who.nameAr : who.nameEn) : t('auditReport.system'),
        e.action,
        e.subjectType,
        e.subjectId,
        e.fromState,
        e.toState,
        e.reason,
      ];
    });
    const f = params.audit;
    const facts = [
      ...(f.subjectType ? [{ label: t('auditReport.col.subject'), value: f.subjectType }] : []),
      ...(f.subjectId ? [{ label: t('auditReport.col.subjectId'), value: f.subjectId }] : []),
      ...(f.actorId
        ? [
            {
              label: t('auditReport.col.actor'),
              value: ((u) => (u ? (language === 'ar' ? u.nameAr : u.nameEn) : f.actorId!))(people.get(f.actorId)),
            },
          ]
        : []),
      ...(f.action ? [{ label: t('auditReport.col.action'), value: f.action }] : []),
      { label: t('auditReport.events'), value: String(events.length) },
    ];
    return {
      language,
      title: t('auditReport.title'),
      generatedAt: now,
      timeZone: 'UTC',
      facts,
      sections: [
        {
          title: t('auditReport.section'),
          blocks: [{ type: 'table', table: { columns, rows, empty: t('auditReport.none') } }],
          sheet: { columns, rows },
        },
      ],
    };
  }
}
