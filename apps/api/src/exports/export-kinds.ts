import 'reflect-metadata';

import type { Actor, Language } from '@hundred/domain';
import { Injectable, SetMetadata, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';

import type { ExportParamsInput } from './dto/export.inputs.js';
import type { ReportDocument } from './report-document.js';

/**
 * Every kind of export, declared once. A kind is served by exactly one provider marked
 * `@BuildsExport('KIND')` that implements `ExportKindHandler`; start-up fails naming a declared
 * kind without a provider, a kind with two, or a provider of an undeclared kind.
 *
 * Adding a kind: add its name here, the
 * parameters it reads to `ExportParamsInput` (and `ExportParamsView`), and a provider in its own
 * feature that lays its data out as a `ReportDocument`; the request, the queue, the progress, the
 * PDF and spreadsheet, the download and its access check come with the framework.
 */
export const EXPORT_KINDS = ['COHORT_REPORT', 'AUDIT_TRAIL', 'DASHBOARD'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** What a kind's build is given. */
export interface ExportBuild<P> {
  /** The requester, as they are now (their roles read again when the build starts). */
  readonly actor: Actor;
  readonly params: P;
  readonly language: Language;
  /** The moment the document is made (the application's clock). */
  readonly now: Date;
  /** Reports how far it is, 0–1; the framework turns it into the export's progress. */
  progress(fraction: number): Promise<void>;
}

export interface ExportKindHandler<P extends object = object> {
  /**
   * The parameters this kind reads, checked: a missing or unknown one is refused with a
   * validation error naming `params.<field>`, or as the missing object it names (FORBIDDEN).
   */
  paramsOf(input: ExportParamsInput): P;
  /**
   * What of the parameters depends on who asks, added when the export is requested and kept with
   * it (the part of the accelerator a requester sees, say), so that `mayRead` can hold the file to
   * it later. Optional; `paramsOf` must keep what it adds when it reads the stored parameters.
   */
  paramsFor?(actor: Actor, params: P): P;
  /**
   * Whether the actor may read what the file would hold, now. Asked when the export is requested,
   * when the worker builds it and at every download: an actor who may not is refused exactly as
   * for an export that does not exist.
   */
  mayRead(actor: Actor, params: P): Promise<boolean>;
  /** What the file is, in the language: the export's title and the base of its file name. */
  titleOf(params: P, language: Language): Promise<string>;
  /** Gathers the data from the features' services and lays it out. */
  build(job: ExportBuild<P>): Promise<ReportDocument>;
}

const EXPORT_KIND = 'hundred:export-kind';

/** Marks a provider as the builder of one kind of export. */
export const BuildsExport = (kind: ExportKind) => SetMetadata(EXPORT_KIND, kind);

/** The providers of the declared kinds, found at start-up (both roles: the API checks requests, the worker builds). */
@Injectable()
export class ExportKinds implements OnModuleInit {
  private readonly kinds = new Map<string, ExportKindHandler>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    const problems: string[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const { instance, metatype } = wrapper;
      if (!instance || !metatype) continue;
      const kind = this.reflector.get<string | undefined>(EXPORT_KIND, metatype);
      if (!kind) continue;
      if (!(EXPORT_KINDS as readonly string[]).includes(kind)) problems.push(`export kind ${kind} is not declared`);
      else if (this.kinds.has(kind)) problems.push(`export kind ${kind} has two providers`);
      else this.kinds.set(kind, instance as ExportKindHandler);
    }
    for (const kind of EXPORT_KINDS) if (!this.kinds.has(kind)) problems.push(`export kind ${kind} has no provider`);
    if (problems.length > 0) throw new Error(`Cannot start: ${problems.join('; ')}`);
  }

  get(kind: ExportKind): ExportKindHandler {
    const found = this.kinds.get(kind);
    if (!found) throw new Error(`no provider for export kind ${kind}`);
    return found;
  }
}
