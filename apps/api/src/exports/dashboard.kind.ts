import { can, dashboardScope, type Actor, type Language } from '@hundred/domain';
import { Injectable } from '@nestjs/common';

import { AlignmentService } from '../alignment/alignment.service.js';
import { translate, type MessageKey, type MessageParams } from '../common/messages.js';
import { CohortService } from '../cohorts/cohort.service.js';
import { DashboardService } from '../dashboard/dashboard.service.js';
import type { ResultCounts, StandingCounts } from '../dashboard/dashboard.types.js';
import { AgencyService } from '../identity/agency.service.js';
import type { ExportParamsInput } from './dto/export.inputs.js';
import { BuildsExport, type ExportBuild, type ExportKindHandler } from './export-kinds.js';
import type {
  BarChart,
  CellValue,
  ReportColumn,
  ReportDocument,
  ReportFact,
  ReportSection,
} from './report-document.js';
import { ReportFormat } from './report-format.js';

export interface DashboardExportParams {
  dashboard: { cohortId: string | null; pillarId: string | null; agencyId: string | null };
  /** The requester's part of the accelerator when they asked (`dashboardScope`): what the file holds. */
  scope?: string;
}

/** A requester's part of the accelerator, as one string: everything, or an agency's and their own teams. */
const scopeKey = (actor: Actor): string => {
  const s = dashboardScope(actor);
  return s.everything ? 'everything' : `agency:${s.leadAgencyId ?? '-'}`;
};

/** Where a team stands, in the dashboard's order, with the colour its bars are drawn in. */
const STANDINGS = [
  ['green', 'dashboardReport.standing.GREEN', '#2f9e44'],
  ['amber', 'dashboardReport.standing.AMBER', '#f08c00'],
  ['red', 'dashboardReport.standing.RED', '#e03131'],
  ['grey', 'dashboardReport.standing.GREY', '#868e96'],
  ['withdrawn', 'dashboardReport.standing.WITHDRAWN', '#ced4da'],
  ['stopped', 'dashboardReport.standing.STOPPED', '#495057'],
] as const satisfies readonly (readonly [keyof StandingCounts, MessageKey, string])[];

const RESULTS = [
  ['achieved', 'dashboardReport.result.ACHIEVED'],
  ['partiallyAchieved', 'dashboardReport.result.PARTIALLY_ACHIEVED'],
  ['notAchieved', 'dashboardReport.result.NOT_ACHIEVED'],
  ['awaitingOutcome', 'dashboardReport.result.AWAITING_OUTCOME'],
  ['sustaining', 'dashboardReport.result.SUSTAINING'],
  ['sustained', 'dashboardReport.result.SUSTAINED'],
  ['scaled', 'dashboardReport.result.SCALED'],
  ['lapsed', 'dashboardReport.result.LAPSED'],
] as const satisfies readonly (readonly [keyof ResultCounts, MessageKey])[];

const counts = (s: StandingCounts): number[] => [...STANDINGS.map(([k]) => s[k]), s.total];

/**
 * The leadership dashboard as a file, as it is filtered: every cohort at a glance, KPI attainment,
 * results by pillar and by agency, the weekly trend of one cohort, and the outcomes and
 * sustainment after day 100. Its figures are the dashboard's own (`DashboardService`), so it holds
 * what the requester sees there: everything for the office and leadership, a focal point's agency
 * and everyone's own teams otherwise (`dashboardScope`).
 */
@Injectable()
@BuildsExport('DASHBOARD')
export class DashboardKind implements ExportKindHandler<DashboardExportParams> {
  constructor(
    private readonly dashboards: DashboardService,
    private readonly cohorts: CohortService,
    private readonly alignment: AlignmentService,
    private readonly agencies: AgencyService,
  ) {}

  paramsOf(input: ExportParamsInput): DashboardExportParams {
    const f = input.dashboard ?? {};
    // The stored parameters carry the requester's part; a request's input cannot (no such field).
    const scope = (input as { scope?: unknown }).scope;
    return {
      dashboard: { cohortId: f.cohortId ?? null, pillarId: f.pillarId ?? null, agencyId: f.agencyId ?? null },
      ...(typeof scope === 'string' ? { scope } : {}),
    };
  }

  paramsFor(actor: Actor, params: DashboardExportParams): DashboardExportParams {
    return { ...params, scope: scopeKey(actor) };
  }

  /**
   * Who reads the dashboard may export it, and read the file while their part of the accelerator
   * is the one it was made for (a focal point who moves to another agency, or is no longer one, may
   * not); a filter naming what does not exist is refused.
   */
  async mayRead(actor: Actor, params: DashboardExportParams): Promise<boolean> {
    if (!can(actor, 'dashboard.read', { type: 'dashboard' })) return false;
    if (params.scope !== scopeKey(actor)) return false;
    const names = await this.filterNames(params);
    return names !== null;
  }

  async titleOf(params: DashboardExportParams, language: Language): Promise<string> {
    const names = (await this.filterNames(params)) ?? [];
    const title = translate(language, 'dashboardReport.title');
    const of = names.map((n) => (language === 'ar' ? n.nameAr : n.nameEn));
    return of.length ? `${title}: ${of.join(' · ')}` : title;
  }

  /** The names of the cohort, pillar and agency filtered by, or null when one does not exist. */
  private async filterNames(
    params: DashboardExportParams,
  ): Promise<{ field: 'cohort' | 'pillar' | 'agency'; nameAr: string; nameEn: string }[] | null> {
    const { cohortId, pillarId, agencyId } = params.dashboard;
    const out: { field: 'cohort' | 'pillar' | 'agency'; nameAr: string; nameEn: string }[] = [];
    if (cohortId) {
      const c = await this.cohorts.byId(cohortId);
      if (!c) return null;
      out.push({ field: 'cohort', nameAr: c.nameAr, nameEn: c.nameEn });
    }
    if (pillarId) {
      const p = (await this.alignment.nodesById([pillarId])).get(pillarId);
      if (!p || p.level !== 'PILLAR') return null;
      out.push({ field: 'pillar', nameAr: p.nameAr, nameEn: p.nameEn });
    }
    if (agencyId) {
      const a = (await this.agencies.agenciesById([agencyId])).get(agencyId);
      if (!a) return null;
      out.push({ field: 'agency', nameAr: a.nameAr, nameEn: a.nameEn });
    }
    return out;
  }

  async build({ actor, params, language, now, progress }: ExportBuild<DashboardExportParams>): Promise<ReportDocument> {
    const t = (key: MessageKey, p?: MessageParams) => translate(language, key, p);
    const name = (o: { nameAr: string; nameEn: string }) => (language === 'ar' ? o.nameAr : o.nameEn);
    const d = await this.dashboards.dashboard(actor, params.dashboard);
    const names = (await this.filterNames(params)) ?? [];
    await progress(0.5);
    const format = new ReportFormat(language, 'UTC');
    const parts = STANDINGS.map(([, key, colour]) => ({ label: t(key), colour }));
    const bars = (title: string, rows: { label: string; s: StandingCounts }[]): BarChart => ({
      title,
      parts,
      rows: rows.map((r) => ({ label: r.label, values: STANDINGS.map(([k]) => r.s[k]) })),
    });
    const standingCols = (): ReportColumn[] => [
      ...STANDINGS.map(([, key]): ReportColumn => ({ title: t(key), type: 'number', digits: 0, width: 14 })),
      { title: t('dashboardReport.col.total'), type: 'number', digits: 0, width: 10 },
    ];
    const attainmentCol: ReportColumn = { title: t('dashboardReport.col.attainment'), type: 'percent', width: 14 };
    const dayText = (day: number) =>
      day >= 1 ? t('cohortReport.dayOf', { day }) : t('cohortReport.daysBefore', { days: 1 - day });

    // ------------------------------------------------------------ every cohort at a glance
    const cohortCols: ReportColumn[] = [
      { title: t('dashboardReport.col.cohort'), type: 'text', width: 36 },
      { title: t('dashboardReport.col.phase'), type: 'text', width: 20 },
      { title: t('dashboardReport.col.day'), type: 'number', digits: 0, width: 10 },
      ...standingCols(),
      { title: t('dashboardReport.col.overdue'), type: 'number', digits: 0, width: 12 },
      attainmentCol,
    ];
    const cohortRows: CellValue[][] = d.cohorts.map((c) => [
      name(c),
      t(`label.cohortState.${c.state}` as MessageKey),
      c.day,
      ...counts(c.teams),
      c.overdue,
      c.attainment,
    ]);
    const cohortPrinted: CellValue[][] = d.cohorts.map((c, i) => [
      ...cohortRows[i]!.slice(0, 2),
      dayText(c.day),
      ...cohortRows[i]!.slice(3),
    ]);
    const cohortSection: ReportSection = {
      title: t('dashboardReport.section.cohorts'),
      blocks: [
        {
          type: 'table',
          table: {
            columns: cohortCols.map((c, i) => (i === 2 ? { ...c, type: 'text' } : c)),
            rows: cohortPrinted,
            empty: t('dashboardReport.none'),
          },
        },
        {
          type: 'bars',
          chart: bars(
            t('dashboardReport.chart.teamsByCohort'),
            d.cohorts.map((c) => ({ label: name(c), s: c.teams })),
          ),
        },
      ],
      sheet: { columns: cohortCols, rows: cohortRows },
    };

    // ------------------------------------------------------------ KPI attainment
    const bandLabel = (from: number, to: number | null) =>
      to === null
        ? t('dashboardReport.band.reached', { from: format.percentOf(from) })
        : t('dashboardReport.band.range', { from: format.percentOf(from), to: format.percentOf(to) });
    const bandCols: ReportColumn[] = [
      { title: t('dashboardReport.col.band'), type: 'text', width: 22 },
      { title: t('dashboardReport.col.from'), type: 'percent', width: 10 },
      { title: t('dashboardReport.col.to'), type: 'percent', width: 10 },
      { title: t('dashboardReport.col.teams'), type: 'number', digits: 0, width: 10 },
    ];
    const bandRows: CellValue[][] = d.attainment.bands.map((b) => [bandLabel(b.from, b.to), b.from, b.to, b.teams]);
    const attainmentSection: ReportSection = {
      title: t('dashboardReport.section.attainment'),
      blocks: [
        {
          type: 'facts',
          facts: [
            { label: t('dashboardReport.fact.attainmentTeams'), value: format.number(d.attainment.teams, 0) },
            {
              label: t('dashboardReport.fact.attainmentMean'),
              value: d.attainment.mean === null ? '—' : format.percentOf(d.attainment.mean),
            },
          ],
        },
        { type: 'table', table: { columns: bandCols, rows: bandRows } },
        {
          type: 'bars',
          chart: {
            title: t('dashboardReport.chart.attainment'),
            parts: [{ label: t('dashboardReport.col.teams'), colour: '#1c7ed6' }],
            rows: d.attainment.bands.map((b) => ({ label: bandLabel(b.from, b.to), values: [b.teams] })),
          },
        },
      ],
      sheet: { columns: bandCols, rows: bandRows },
    };

    // ------------------------------------------------------------ by pillar, by agency
    const pillarCols: ReportColumn[] = [
      { title: t('dashboardReport.col.pillar'), type: 'text', width: 36 },
      ...standingCols(),
      attainmentCol,
    ];
    // Filtered by a pillar, the others (all naught) are left out.
    const byPillar = params.dashboard.pillarId
      ? d.byPillar.filter((p) => p.pillarId === params.dashboard.pillarId)
      : d.byPillar;
    const pillarRows: CellValue[][] = byPillar.map((p) => [name(p), ...counts(p.teams), p.attainment]);
    const pillarSection: ReportSection = {
      title: t('dashboardReport.section.pillars'),
      blocks: [
        { type: 'table', table: { columns: pillarCols, rows: pillarRows, empty: t('dashboardReport.none') } },
        {
          type: 'bars',
          chart: bars(
            t('dashboardReport.chart.teamsByPillar'),
            byPillar.map((p) => ({ label: name(p), s: p.teams })),
          ),
        },
      ],
      sheet: { columns: pillarCols, rows: pillarRows },
    };
    const agencyCols: ReportColumn[] = [
      { title: t('dashboardReport.col.agency'), type: 'text', width: 36 },
      ...STANDINGS.map(([, key]): ReportColumn => ({
        title: t('dashboardReport.col.asLead', { what: t(key) }),
        type: 'number',
        digits: 0,
        width: 14,
      })),
      { title: t('dashboardReport.col.leadTotal'), type: 'number', digits: 0, width: 12 },
      { title: t('dashboardReport.col.partnerTotal'), type: 'number', digits: 0, width: 12 },
      attainmentCol,
    ];
    const agencyRows: CellValue[][] = d.byAgency.map((a) => [
      name(a),
      ...counts(a.lead),
      a.partner.total,
      a.attainment,
    ]);
    const agencySection: ReportSection = {
      title: t('dashboardReport.section.agencies'),
      blocks: [
        { type: 'table', table: { columns: agencyCols, rows: agencyRows, empty: t('dashboardReport.none') } },
        {
          type: 'bars',
          chart: bars(
            t('dashboardReport.chart.teamsByAgency'),
            d.byAgency.map((a) => ({ label: name(a), s: a.lead })),
          ),
        },
      ],
      sheet: { columns: agencyCols, rows: agencyRows },
    };

    // ------------------------------------------------------------ the trend of one cohort
    const trendCols: ReportColumn[] = [
      { title: t('dashboardReport.col.week'), type: 'number', digits: 0, width: 8 },
      { title: t('dashboardReport.col.endsOn'), type: 'date', width: 13 },
      ...standingCols(),
    ];
    const trendRows: CellValue[][] = d.trend.map((w) => [w.week, w.endsOn, ...counts(w.teams)]);
    const trendSection: ReportSection[] = params.dashboard.cohortId
      ? [
          {
            title: t('dashboardReport.section.trend'),
            blocks: [
              { type: 'table', table: { columns: trendCols, rows: trendRows, empty: t('dashboardReport.noTrend') } },
              {
                type: 'bars',
                chart: bars(
                  t('dashboardReport.chart.trend'),
                  d.trend.map((w) => ({ label: t('dashboardReport.weekN', { week: w.week }), s: w.teams })),
                ),
              },
            ],
            sheet: { columns: trendCols, rows: trendRows },
          },
        ]
      : [];

    // ------------------------------------------------------------ outcomes and sustainment
    const resultCols: ReportColumn[] = [
      { title: t('dashboardReport.col.cohort'), type: 'text', width: 36 },
      { title: t('dashboardReport.col.pastDay100'), type: 'number', digits: 0, width: 14 },
      ...RESULTS.map(([, key]): ReportColumn => ({ title: t(key), type: 'number', digits: 0, width: 14 })),
    ];
    const resultRow = (label: string, r: ResultCounts): CellValue[] => [label, r.teams, ...RESULTS.map(([k]) => r[k])];
    const resultRows: CellValue[][] = [
      ...d.cohorts.flatMap((c) => (c.results ? [resultRow(name(c), c.results)] : [])),
      resultRow(t('dashboardReport.allCohorts'), d.results),
    ];
    const resultSection: ReportSection = {
      title: t('dashboardReport.section.results'),
      blocks: [
        d.results.teams === 0
          ? { type: 'text', text: t('dashboardReport.noResults') }
          : { type: 'table', table: { columns: resultCols, rows: resultRows } },
      ],
      sheet: { columns: resultCols, rows: resultRows },
    };
    await progress(0.9);

    const filterFacts: ReportFact[] = [
      {
        label: t('dashboardReport.fact.cohort'),
        value: ((n) => (n ? name(n) : t('dashboardReport.all')))(names.find((n) => n.field === 'cohort')),
      },
      {
        label: t('dashboardReport.fact.pillar'),
        value: ((n) => (n ? name(n) : t('dashboardReport.all')))(names.find((n) => n.field === 'pillar')),
      },
      {
        label: t('dashboardReport.fact.agency'),
        value: ((n) => (n ? name(n) : t('dashboardReport.all')))(names.find((n) => n.field === 'agency')),
      },
    ];
    return {
      language,
      title: t('dashboardReport.title'),
      subtitle: d.everything ? t('dashboardReport.everything') : t('dashboardReport.yourPart'),
      generatedAt: now,
      timeZone: 'UTC',
      facts: [
        ...filterFacts,
        { label: t('dashboardReport.fact.teams'), value: format.number(d.teams.total, 0) },
        { label: t('dashboardReport.standing.RED'), value: format.number(d.teams.red, 0) },
        { label: t('dashboardReport.col.overdue'), value: format.number(d.overdue, 0) },
      ],
      sections: [cohortSection, attainmentSection, pillarSection, agencySection, ...trendSection, resultSection],
    };
  }
}
