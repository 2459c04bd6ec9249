import {
  can,
  dayOf,
  expectedValue,
  kpiRag,
  localDateOf,
  proposeOutcome,
  trajectory,
  worstRag,
  type Actor,
  type Language,
  type Rag,
} from '@hundred/domain';
import { Injectable } from '@nestjs/common';

import { AppError } from '../common/app-error.js';
import { translate, type MessageKey, type MessageParams } from '../common/messages.js';
import { calendarOf, type Cohort } from '../cohorts/cohort.entity.js';
import { CohortService } from '../cohorts/cohort.service.js';
import { AgencyService } from '../identity/agency.service.js';
import { ResultsService } from '../results/results.service.js';
import { SustainmentService } from '../sustainment/sustainment.service.js';
import { CheckInsService } from '../teams/check-ins.service.js';
import { GoalsService } from '../teams/goals.service.js';
import type { Team } from '../teams/team.entity.js';
import { TeamService } from '../teams/team.service.js';
import type { Kpi } from '../teams/team.types.js';
import type { ExportParamsInput } from './dto/export.inputs.js';
import { BuildsExport, type ExportBuild, type ExportKindHandler } from './export-kinds.js';
import type { CellValue, LineChart, ReportColumn, ReportDocument, ReportSection } from './report-document.js';
import { ReportFormat } from './report-format.js';

export interface CohortReportParams {
  cohortId: string;
}

/** A point of a KPI's values: where it came from, the day of the cohort, the value and its date. */
interface ValuePoint {
  source: 'CHECK_IN' | 'FINAL' | 'CHECKPOINT';
  day: number;
  asOf: string;
  value: number;
  evidence: string;
}

const PAGE = 500;

/**
 * The cohort report: every team of a cohort with its goals, its KPIs (baseline, the original
 * target beside the current one, the latest and final values, attainment), the trajectory of
 * their values (check-ins, day 100, checkpoints) against the expected line, the mid-point
 * decision, the outcome and the sustainment status. Read through the features' own services, for
 * the office and leadership (`cohort.report`).
 */
@Injectable()
@BuildsExport('COHORT_REPORT')
export class CohortReportKind implements ExportKindHandler<CohortReportParams> {
  constructor(
    private readonly cohorts: CohortService,
    private readonly teams: TeamService,
    private readonly goals: GoalsService,
    private readonly checkIns: CheckInsService,
    private readonly results: ResultsService,
    private readonly sustainment: SustainmentService,
    private readonly agencies: AgencyService,
  ) {}

  paramsOf(input: ExportParamsInput): CohortReportParams {
    if (!input.cohortId) throw AppError.field('params.cohortId', 'validation.required');
    return { cohortId: input.cohortId };
  }

  async mayRead(actor: Actor, params: CohortReportParams): Promise<boolean> {
    if (!can(actor, 'cohort.report', { type: 'cohort', id: params.cohortId })) return false;
    return (await this.cohorts.byId(params.cohortId)) !== null;
  }

  async titleOf(params: CohortReportParams, language: Language): Promise<string> {
    const cohort = (await this.cohorts.byId(params.cohortId))!;
    return translate(language, 'cohortReport.fileTitle', { name: language === 'ar' ? cohort.nameAr : cohort.nameEn });
  }

  private async allTeams(actor: Actor, cohortId: string): Promise<Team[]> {
    const out: Team[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await this.teams.listVisible(actor, cohortId, { limit: PAGE, offset });
      out.push(...page);
      if (page.length < PAGE) return out;
    }
  }

  async build({ actor, params, language, now, progress }: ExportBuild<CohortReportParams>): Promise<ReportDocument> {
    const t = (key: MessageKey, p?: MessageParams) => translate(language, key, p);
    const name = (o: { nameAr: string; nameEn: string }) => (language === 'ar' ? o.nameAr : o.nameEn);
    const label = (group: string, value: string | null | undefined) =>
      value ? t(`label.${group}.${value}` as MessageKey) : null;

    const cohort = (await this.cohorts.byId(params.cohortId)) as Cohort;
    const cal = calendarOf(cohort);
    const day = dayOf(cal, now);
    const today = localDateOf(cal, now);
    const collator = new Intl.Collator(language);
    const teams = (await this.allTeams(actor, cohort.id)).sort((a, b) => collator.compare(name(a), name(b)));
    await progress(0.1);

    const teamIds = teams.map((x) => x.id);
    const goalsOf = await this.goals.goalsByTeam(teamIds);
    const goals = [...goalsOf.values()].flat();
    const kpisOf = await this.goals.kpisByGoal(goals.map((g) => g.id));
    const kpis = [...kpisOf.values()].flat();
    const kpiIds = kpis.map((k) => k.id);
    await progress(0.25);
    const [latestOf, valuesOf, reportOf, planOf] = await Promise.all([
      this.checkIns.latestValues(kpiIds),
      this.checkIns.valuesOf(kpiIds),
      this.results.reportsOf(teamIds),
      this.sustainment.plansOf(teamIds),
    ]);
    const checkpointsOf = await this.sustainment.reportsOf([...planOf.values()].map((p) => p.id));
    const agencyIds = [
      ...new Set([
        ...teams.map((x) => x.leadAgencyId),
        ...[...planOf.values()].flatMap((p) => (p.ownerAgencyId ? [p.ownerAgencyId] : [])),
      ]),
    ];
    const agencyOf = await this.agencies.agenciesById(agencyIds);
    const agencyName = (id: string | null | undefined) => {
      const a = id ? agencyOf.get(id) : undefined;
      return a ? name(a) : null;
    };
    await progress(0.45);

    // The day of each date once: the calendar's arithmetic costs about half a millisecond a call,
    // and a cohort's values fall on a few hundred dates.
    const days = new Map<string, number>();
    const dayOfDate = (date: string) => {
      let d = days.get(date);
      if (d === undefined) days.set(date, (d = this.sustainment.dayOfDate(cal, date)));
      return d;
    };
    const statusOf = (k: Kpi): Rag => kpiRag(k, latestOf.get(k.id) ?? null, day, today, cohort.ragThresholds).status;
    const pointsOf = (team: Team, k: Kpi): ValuePoint[] => {
      const points: ValuePoint[] = (valuesOf.get(k.id) ?? []).map((v) => ({
        source: 'CHECK_IN',
        day: dayOfDate(v.asOf),
        asOf: v.asOf,
        value: v.value,
        evidence: v.evidence,
      }));
      const final = reportOf.get(team.id)?.values.find((v) => v.kpiId === k.id);
      if (final && reportOf.get(team.id)?.submittedAt)
        points.push({
          source: 'FINAL',
          day: dayOfDate(final.asOf),
          asOf: final.asOf,
          value: final.value,
          evidence: final.evidence,
        });
      const plan = planOf.get(team.id);
      for (const c of plan ? (checkpointsOf.get(plan.id) ?? []) : []) {
        const v = c.values.find((x) => x.kpiId === k.id);
        if (v)
          points.push({
            source: 'CHECKPOINT',
            day: dayOfDate(v.asOf),
            asOf: v.asOf,
            value: v.value,
            evidence: v.evidence,
          });
      }
      return points.sort((a, b) => a.day - b.day || a.asOf.localeCompare(b.asOf));
    };

    const finalOf = (team: Team, k: Kpi): number | null => {
      const report = reportOf.get(team.id);
      if (!report?.submittedAt) return null;
      return report.values.find((v) => v.kpiId === k.id)?.value ?? null;
    };
    const attainmentOf = (team: Team, k: Kpi): number | null => {
      const final = finalOf(team, k);
      if (final === null) return null;
      const [row] = proposeOutcome([
        {
          kpiId: k.id,
          direction: k.direction,
          baseline: k.baseline,
          target: k.target,
          originalTarget: k.originalTarget,
          final,
        },
      ]).kpis;
      return row?.attainment ?? null;
    };
    const teamStatus = (team: Team): Rag =>
      worstRag((goalsOf.get(team.id) ?? []).map((g) => worstRag((kpisOf.get(g.id) ?? []).map(statusOf))));

    // ------------------------------------------------------------ the teams at a glance
    const summaryCols: ReportColumn[] = [
      { title: t('cohortReport.col.team'), type: 'text', width: 40 },
      { title: t('cohortReport.col.agency'), type: 'text', width: 30 },
      { title: t('cohortReport.col.state'), type: 'text', width: 20 },
      { title: t('cohortReport.col.rag'), type: 'text', width: 16 },
      { title: t('cohortReport.col.midpoint'), type: 'text', width: 18 },
      { title: t('cohortReport.col.outcome'), type: 'text', width: 18 },
      { title: t('cohortReport.col.sustainment'), type: 'text', width: 20 },
    ];
    const summaryRows = teams.map((team) => [
      name(team),
      agencyName(team.leadAgencyId),
      label('teamState', team.state),
      label('rag', teamStatus(team)),
      label('recommendation', team.midpointDecision),
      label('outcome', team.outcome),
      label('sustainment', team.sustainmentStatus),
    ]);
    const sheetCols: ReportColumn[] = [
      ...summaryCols.slice(0, 5),
      { title: t('cohortReport.col.midpointOn'), type: 'instant', width: 14 },
      { title: t('cohortReport.col.corrections'), type: 'text', width: 40 },
      summaryCols[5]!,
      { title: t('cohortReport.col.proposedOutcome'), type: 'text', width: 18 },
      { title: t('cohortReport.col.outcomeOn'), type: 'instant', width: 14 },
      summaryCols[6]!,
      { title: t('cohortReport.col.scaledTo'), type: 'text', width: 30 },
      { title: t('cohortReport.col.owner'), type: 'text', width: 30 },
    ];
    const sheetRows: CellValue[][] = teams.map((team, i) => [
      ...summaryRows[i]!.slice(0, 5),
      team.midpointDecidedAt,
      team.midpointCorrections,
      summaryRows[i]![5]!,
      label('outcome', team.proposedOutcome),
      team.outcomeRecordedAt,
      summaryRows[i]![6]!,
      team.scaledTo,
      agencyName(planOf.get(team.id)?.ownerAgencyId),
    ]);

    // ------------------------------------------------------------ every KPI, every value
    const kpiCols: ReportColumn[] = [
      { title: t('cohortReport.col.team'), type: 'text', width: 36 },
      { title: t('cohortReport.col.goal'), type: 'text', width: 36 },
      { title: t('cohortReport.col.kpi'), type: 'text', width: 36 },
      { title: t('cohortReport.col.unit'), type: 'text', width: 16 },
      { title: t('cohortReport.col.direction'), type: 'text', width: 22 },
      { title: t('cohortReport.col.baseline'), type: 'number', digits: 2 },
      { title: t('cohortReport.col.originalTarget'), type: 'number', digits: 2 },
      { title: t('cohortReport.col.target'), type: 'number', digits: 2 },
      { title: t('cohortReport.col.latest'), type: 'number', digits: 2 },
      { title: t('cohortReport.col.latestAsOf'), type: 'date', width: 13 },
      { title: t('cohortReport.col.final'), type: 'number', digits: 2 },
      { title: t('cohortReport.col.attainment'), type: 'percent' },
      { title: t('cohortReport.col.rag'), type: 'text', width: 16 },
    ];
    const valueCols: ReportColumn[] = [
      { title: t('cohortReport.col.team'), type: 'text', width: 36 },
      { title: t('cohortReport.col.kpi'), type: 'text', width: 36 },
      { title: t('cohortReport.col.date'), type: 'date', width: 13 },
      { title: t('cohortReport.col.day'), type: 'number', digits: 0, width: 8 },
      { title: t('cohortReport.col.value'), type: 'number', digits: 2 },
      { title: t('cohortReport.col.expected'), type: 'number', digits: 2 },
      { title: t('cohortReport.col.source'), type: 'text', width: 22 },
      { title: t('cohortReport.col.evidence'), type: 'text', width: 40 },
    ];
    const kpiRows: CellValue[][] = [];
    const valueRows: CellValue[][] = [];

    // ------------------------------------------------------------ one section per team
    const teamSections: ReportSection[] = [];
    for (const [i, team] of teams.entries()) {
      const teamKpiRows: CellValue[][] = [];
      const charts: LineChart[] = [];
      for (const goal of goalsOf.get(team.id) ?? []) {
        for (const k of kpisOf.get(goal.id) ?? []) {
          const latest = latestOf.get(k.id) ?? null;
          const final = finalOf(team, k);
          const attainment = attainmentOf(team, k);
          const goalTitle = language === 'ar' ? goal.titleAr : goal.titleEn;
          kpiRows.push([
            name(team),
            goalTitle,
            name(k),
            label('unit', k.unit),
            label('direction', k.direction),
            k.baseline,
            k.originalTarget,
            k.target,
            latest?.value ?? null,
            latest?.asOf ?? null,
            final,
            attainment,
            label('rag', statusOf(k)),
          ]);
          teamKpiRows.push([
            goalTitle,
            name(k),
            label('unit', k.unit),
            k.baseline,
            k.originalTarget,
            k.target,
            latest?.value ?? null,
            final,
            attainment,
          ]);
          const points = pointsOf(team, k);
          for (const p of points)
            valueRows.push([
              name(team),
              name(k),
              p.asOf,
              p.day,
              p.value,
              expectedValue(k, p.day),
              label('source', p.source),
              p.evidence,
            ]);
          charts.push({
            title: name(k),
            unit: label('unit', k.unit) ?? undefined,
            xLabel: t('export.chart.day'),
            series: [
              {
                label: t('export.chart.expected'),
                style: 'expected',
                points: trajectory(k).map((p) => ({ x: Math.max(1, p.day), y: p.value })),
              },
              {
                label: t('export.chart.actual'),
                style: 'actual',
                points: points.length
                  ? [{ x: 1, y: k.baseline }, ...points.map((p) => ({ x: Math.max(1, p.day), y: p.value }))]
                  : [],
              },
            ],
            marks: [
              { label: t('export.chart.target'), value: k.target, style: 'target' },
              ...(k.originalTarget !== null && k.originalTarget !== k.target
                ? [{ label: t('export.chart.original'), value: k.originalTarget, style: 'original' as const }]
                : []),
            ],
          });
        }
      }
      const plan = planOf.get(team.id);
      const facts = [
        { label: t('cohortReport.col.agency'), value: agencyName(team.leadAgencyId) ?? '—' },
        { label: t('cohortReport.col.state'), value: label('teamState', team.state)! },
        { label: t('cohortReport.col.rag'), value: label('rag', teamStatus(team))! },
        { label: t('cohortReport.col.midpoint'), value: label('recommendation', team.midpointDecision) ?? '—' },
        { label: t('cohortReport.col.outcome'), value: label('outcome', team.outcome) ?? '—' },
        { label: t('cohortReport.col.sustainment'), value: label('sustainment', team.sustainmentStatus) ?? '—' },
        ...(team.midpointCorrections
          ? [{ label: t('cohortReport.col.corrections'), value: team.midpointCorrections }]
          : []),
        ...(team.scaledTo ? [{ label: t('cohortReport.col.scaledTo'), value: team.scaledTo }] : []),
        ...(plan?.ownerAgencyId
          ? [{ label: t('cohortReport.col.owner'), value: agencyName(plan.ownerAgencyId) ?? '—' }]
          : []),
      ];
      teamSections.push({
        title: name(team),
        newPage: true,
        blocks: [
          { type: 'facts', facts },
          {
            type: 'table',
            table: {
              caption: t('cohortReport.teamKpis'),
              empty: t('cohortReport.noGoals'),
              columns: [
                kpiCols[1]!,
                kpiCols[2]!,
                kpiCols[3]!,
                kpiCols[5]!,
                kpiCols[6]!,
                kpiCols[7]!,
                kpiCols[8]!,
                kpiCols[10]!,
                kpiCols[11]!,
              ],
              rows: teamKpiRows,
            },
          },
          ...(charts.length
            ? [
                { type: 'heading' as const, text: t('cohortReport.teamCharts') },
                { type: 'charts' as const, charts },
              ]
            : []),
        ],
      });
      if (i % 10 === 9) await progress(0.45 + (0.5 * (i + 1)) / teams.length);
    }
    await progress(0.95);

    return {
      language,
      title: t('cohortReport.title'),
      subtitle: name(cohort),
      generatedAt: now,
      timeZone: cohort.timeZone,
      facts: [
        { label: t('cohortReport.fact.state'), value: label('cohortState', cohort.state)! },
        {
          label: t('cohortReport.fact.day1'),
          value: new ReportFormat(language, cohort.timeZone).localDate(cohort.day1),
        },
        {
          label: t('cohortReport.fact.today'),
          value: day >= 1 ? t('cohortReport.dayOf', { day }) : t('cohortReport.daysBefore', { days: 1 - day }),
        },
        { label: t('cohortReport.fact.teams'), value: String(teams.length) },
        { label: t('cohortReport.fact.timeZone'), value: cohort.timeZone },
      ],
      sections: [
        {
          title: t('cohortReport.section.teams'),
          blocks: [
            { type: 'table', table: { columns: summaryCols, rows: summaryRows, empty: t('cohortReport.noTeams') } },
          ],
          sheet: { columns: sheetCols, rows: sheetRows },
        },
        ...teamSections,
        { title: t('cohortReport.section.kpis'), blocks: [], sheet: { columns: kpiCols, rows: kpiRows } },
        { title: t('cohortReport.section.values'), blocks: [], sheet: { columns: valueCols, rows: valueRows } },
      ],
    };
  }
}
