import type { Language } from '@hundred/domain';
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

import { EXPORT_KINDS, type ExportKind } from './export-kinds.js';

const asEnum = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;

export const EXPORT_FORMATS = ['PDF', 'XLSX'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const ExportFormatEnum = asEnum(EXPORT_FORMATS);
registerEnumType(ExportFormatEnum, { name: 'ExportFormat', description: 'PDF, or a spreadsheet (XLSX).' });

export const EXPORT_STATES = ['QUEUED', 'RUNNING', 'DONE', 'FAILED'] as const;
export type ExportState = (typeof EXPORT_STATES)[number];
export const ExportStateEnum = asEnum(EXPORT_STATES);
registerEnumType(ExportStateEnum, {
  name: 'ExportState',
  description: 'QUEUED until the worker takes it, RUNNING while it builds, then DONE (a file to download) or FAILED.',
});

export const ExportKindEnum = asEnum(EXPORT_KINDS);
registerEnumType(ExportKindEnum, { name: 'ExportKind', description: 'What an export holds.' });

/** The dashboard's filter an export was asked with. */
@ObjectType('ExportDashboardFilter')
export class ExportDashboardFilterView {
  @Field(() => ID, { nullable: true }) cohortId: string | null;
  @Field(() => ID, { nullable: true }) pillarId: string | null;
  @Field(() => ID, { nullable: true }) agencyId: string | null;
}

/** What the file holds, as it was asked for: the parameters its kind reads. */
@ObjectType('ExportParams')
export class ExportParamsView {
  @Field(() => ID, { nullable: true, description: 'The cohort (COHORT_REPORT).' }) cohortId: string | null;
  @Field(() => ExportDashboardFilterView, { nullable: true, description: 'The dashboard’s filter (DASHBOARD).' })
  dashboard: ExportDashboardFilterView | null;
}

const idOr = (v: unknown) => (typeof v === 'string' ? v : null);

function paramsView(params: Record<string, unknown>): ExportParamsView {
  const d = params.dashboard;
  const dashboard =
    d && typeof d === 'object'
      ? {
          cohortId: idOr((d as Record<string, unknown>).cohortId),
          pillarId: idOr((d as Record<string, unknown>).pillarId),
          agencyId: idOr((d as Record<string, unknown>).agencyId),
        }
      : null;
  return { cohortId: idOr(params.cohortId), dashboard };
}

@ObjectType({ description: 'A report exported to a file (PDF or spreadsheet), built in the background.' })
export class Export {
  @Field(() => ID) id: string;
  @Field(() => ExportKindEnum) kind: ExportKind;
  @Field(() => ExportFormatEnum) format: ExportFormat;
  @Field(() => ExportParamsView) params: ExportParamsView;
  @Field(() => String, { description: 'The language of the file: the requester’s when they asked (ar, en).' })
  language: Language;
  @Field({ description: 'What the file is, in its language (e.g. the cohort report and its name).' }) title: string;
  @Field(() => ExportStateEnum) state: ExportState;
  @Field(() => Int, { description: 'How far the build is, 0–100.' }) progress: number;
  @Field(() => String, { nullable: true, description: 'The file’s name, once DONE.' }) fileName: string | null;
  @Field(() => Int, { nullable: true, description: 'Its size in bytes, once DONE.' }) byteSize: number | null;
  @Field(() => String, {
    nullable: true,
    description: 'Where the file is downloaded (HTTP GET with the session), once DONE.',
  })
  downloadPath: string | null;
  @Field(() => String, { nullable: true, description: 'Why it failed, in the reader’s language (FAILED).' })
  failure: string | null;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) startedAt: Date | null;
  @Field(() => Date, { nullable: true }) finishedAt: Date | null;
  /** Who asked (not exposed: only they see the export). */
  requesterId: string;
  /** The message key of the failure (translated per reader). */
  failureKey: string | null;
}

export interface ExportRow {
  id: string;
  requester_id: string;
  kind: ExportKind;
  format: ExportFormat;
  params: Record<string, unknown>;
  language: Language;
  title: string;
  state: ExportState;
  progress: number;
  attempt: number;
  file_name: string | null;
  content_type: string | null;
  byte_size: number | null;
  failure: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  PDF: 'application/pdf',
  XLSX: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export const downloadPathOf = (id: string) => `/exports/${id}/file`;

export const toExport = (r: ExportRow): Export => ({
  id: r.id,
  kind: r.kind,
  format: r.format,
  params: paramsView(r.params),
  language: r.language,
  title: r.title,
  state: r.state,
  progress: r.progress,
  fileName: r.file_name,
  byteSize: r.byte_size,
  downloadPath: r.state === 'DONE' ? downloadPathOf(r.id) : null,
  failure: null,
  failureKey: r.failure,
  createdAt: r.created_at,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  requesterId: r.requester_id,
});
