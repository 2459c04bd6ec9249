import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';

import { AlignmentModule } from '../alignment/alignment.module.js';
import { AuditViewModule } from '../audit-view/audit-view.module.js';
import { CohortsModule } from '../cohorts/cohorts.module.js';
import { DashboardModule } from '../dashboard/dashboard.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { ResultsModule } from '../results/results.module.js';
import { SustainmentModule } from '../sustainment/sustainment.module.js';
import { TeamsModule } from '../teams/teams.module.js';
import { AuditTrailKind } from './audit-trail.kind.js';
import { CohortReportKind } from './cohort-report.kind.js';
import { DashboardKind } from './dashboard.kind.js';
import { ExportBuildHandler } from './export-build.handler.js';
import { ExportSweepHandler } from './export-sweep.handler.js';
import { ExportKinds } from './export-kinds.js';
import { ExportsController } from './exports.controller.js';
import { ExportsResolver } from './exports.resolver.js';
import { ExportsService } from './exports.service.js';
import { PdfRenderer } from './pdf-renderer.js';

/**
 * Exports: reports as PDF or spreadsheet files, asked for through GraphQL, built by the worker
 * (`export.build`) and downloaded over HTTP. Each kind of export is a provider (`@BuildsExport`);
 * the cohort report, the audit trail and the dashboard are here, other features add theirs.
 */
@Module({
  imports: [
    DiscoveryModule,
    IdentityModule,
    CohortsModule,
    TeamsModule,
    ResultsModule,
    SustainmentModule,
    AuditViewModule,
    AlignmentModule,
    DashboardModule,
  ],
  controllers: [ExportsController],
  providers: [
    ExportKinds,
    ExportsService,
    ExportsResolver,
    ExportBuildHandler,
    ExportSweepHandler,
    PdfRenderer,
    CohortReportKind,
    AuditTrailKind,
    DashboardKind,
  ],
})
export class ExportsModule {}
