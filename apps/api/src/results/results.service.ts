import { localDateOf, proposeOutcome, type Actor, type KpiDirection } from '@hundred/domain';
import type { Caller, Effect } from '@hundred/workflow';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { calendarOf } from '../cohorts/cohort.entity.js';
import { queryRows } from '../database/sql.js';
import { OnDeadline, type DeadlineOutcome } from '../deadlines/deadline-actions.js';
import { DeadlineService, type DeadlineRow } from '../deadlines/deadline.service.js';
import { LoadsBatch } from '../graphql-context/loaders.js';
import { NotificationService } from '../notifications/notification.service.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { checkKpiValues, cohortCalendar } from '../teams/check-ins.service.js';
import { TeamGate } from '../teams/team-gate.js';
import type { Team } from '../teams/team.entity.js';
import { TeamService } from '../teams/team.service.js';
import { GathersCohortFacts } from '../workflow/cohort-facts.js';
import { GathersTeamFacts } from '../workflow/team-facts.js';
import { SchedulesDeadlines, type EffectContext, type WorkflowRow } from '../workflow/workflow-runner.js';
import type { TeamEventInput } from '../teams/dto/team-event.inputs.js';
import type { RecordOutcomeInput, SaveFinalReportInput } from './dto/results.inputs.js';
import { FINAL_REPORT_OF_TEAM } from './results.loaders.js';
import type { FinalReport, OutcomeProposal } from './results.types.js';

interface ReportRow {
  id: string;
  team_id: string;
  version: number;
  kpi_values: { kpiId: string; value: number; asOf: string; evidence: string }[];
  narrative: string;
  lessons: string;
  scaling: string;
  submitted_at: Date | null;
  updated_at: Date;
}

const toReport = (r: ReportRow): FinalReport => ({
  id: r.id,
  teamId: r.team_id,
  version: r.version,
  values: r.kpi_values,
  narrative: r.narrative,
  lessons: r.lessons,
  scaling: r.scaling,
  submittedAt: r.submitted_at,
  updatedAt: r.updated_at,
});

interface KpiRow {
  id: string;
  direction: KpiDirection;
  baseline: string;
  target: string;
  original_target: string | null;
}

/**
 * Day 100: the final report (a final value for every KPI, the narrative, lessons, what to scale),
 * drafted by the team leader and submitted once; the outcome proposed from KPI attainment and
 * recorded by the office (another outcome needs a reason); the report's deadlines; and the counts
 * the cohort's and the team's guards read.
 */
@Injectable()
export class ResultsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly gate: TeamGate,
    private readonly teams: TeamService,
    private readonly deadlines: DeadlineService,
    private readonly notifications: NotificationService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  // ---------------------------------------------------------------- the report

  async saveReport(actor: Actor, input: SaveFinalReportInput): Promise<FinalReport> {
    const row = await this.gate.write(actor, input.teamId, 'WRITE_FINAL_REPORT', async (manager, team) => {
      const cal = await cohortCalendar(manager, team.cohortId);
      await checkKpiValues(manager, team.id, input.values, localDateOf(cal, this.clock.now()));
      const columns = [
        JSON.stringify(
          input.values.map((v) => ({ kpiId: v.kpiId, value: v.value, asOf: v.asOf, evidence: v.evidence })),
        ),
        input.narrative,
        input.lessons,
        input.scaling,
        actor.id,
      ];
      const [existing] = await queryRows<{ version: number }>(
        manager,
        `SELECT version FROM final_report WHERE team_id = $1 FOR NO KEY UPDATE`,
        [team.id],
      );
      // The first save creates the report; later ones must name the version they read.
      if (!existing) {
        if (input.version != null) throw AppError.conflict('team');
        const [created] = await queryRows<ReportRow>(
          manager,
          `INSERT INTO final_report (team_id, kpi_values, narrative, lessons, scaling, saved_by)
           VALUES ($1, $2::jsonb, $3, $4, $5, $6) RETURNING *`,
          [team.id, ...columns],
        );
        return created!;
      }
      if (input.version !== existing.version) throw AppError.conflict('team');
      const [updated] = await queryRows<ReportRow>(
        manager,
        `UPDATE final_report SET kpi_values = $3::jsonb, narrative = $4, lessons = $5, scaling = $6, saved_by = $7,
                version = version + 1, updated_at = now()
          WHERE team_id = $1 AND version = $2 RETURNING *`,
        [team.id, existing.version, ...columns],
      );
      if (!updated) throw AppError.conflict('team');
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'team.final_report_saved',
        subjectType: 'team',
        subjectId: team.id,
        data: { version: updated.version, values: input.values.length },
      });
      return updated;
    });
    return toReport(row);
  }

  /** SUBMIT_FINAL_REPORT: the team leader, with a final value for every KPI. */
  async submitReport(actor: Actor, input: TeamEventInput, ip: string | null): Promise<Team> {
    const team = await this.teams.visible(actor, input.id);
    const roles = await this.teams.rolesOf(actor.id, team.id);
    const caller: Caller = { kind: 'user', actor: { ...actor, teamRoles: { [team.id]: roles } }, teamRoles: roles };
    await this.dataSource.transaction(async (manager) => {
      await this.teams.fireIn(manager, team.id, input.version, 'SUBMIT_FINAL_REPORT', caller, { ip });
      await manager.query(`UPDATE final_report SET submitted_at = $2 WHERE team_id = $1`, [team.id, this.clock.now()]);
    });
    await this.outbox.relayNow();
    return (await this.teams.byId(team.id))!;
  }

  /** RECORD_OUTCOME: the office; an outcome other than the proposed one needs a reason. */
  async recordOutcome(actor: Actor, input: RecordOutcomeInput, ip: string | null): Promise<Team> {
    const team = await this.teams.visible(actor, input.id);
    await this.dataSource.transaction(async (manager) => {
      const proposed = (await this.proposal(manager, team.id)).outcome;
      await this.teams.fireIn(
        manager,
        team.id,
        input.version,
        'RECORD_OUTCOME',
        { kind: 'user', actor },
        {
          reason: input.reason,
          given: { outcome: input.outcome },
          ip,
          columns: { outcome: input.outcome, proposed_outcome: proposed, outcome_recorded_at: this.clock.now() },
          data: { outcome: input.outcome, proposed },
        },
      );
    });
    await this.outbox.relayNow();
    return (await this.teams.byId(team.id))!;
  }

  // ---------------------------------------------------------------- the outcome's arithmetic

  /** The outcome proposed from the report's final values (a KPI without one counts as no progress). */
  async proposal(manager: EntityManager, teamId: string): Promise<ReturnType<typeof proposalOf>> {
    const kpis = await queryRows<KpiRow>(
      manager,
      `SELECT k.id, k.direction, k.baseline, k.target, k.original_target
         FROM kpi k JOIN goal g ON g.id = k.goal_id WHERE k.team_id = $1 ORDER BY g.sort, g.created_at, k.sort, k.created_at`,
      [teamId],
    );
    const [report] = await queryRows<ReportRow>(manager, `SELECT * FROM final_report WHERE team_id = $1`, [teamId]);
    return proposalOf(kpis, report ?? null);
  }

  async outcomeProposal(teamId: string): Promise<OutcomeProposal> {
    const p = await this.proposal(this.dataSource.manager, teamId);
    return { outcome: p.outcome, mean: p.mean, kpis: p.kpis.map((k) => ({ ...k })) };
  }

  // ---------------------------------------------------------------- the guards' facts

  @GathersTeamFacts('finalValuesComplete', 'proposedOutcome')
  async reportFacts(manager: EntityManager, team: WorkflowRow) {
    const p = await this.proposal(manager, team.id);
    return {
      finalValuesComplete: p.kpis.length > 0 && p.kpis.every((k) => k.final !== null),
      proposedOutcome: p.outcome,
    };
  }

  /** Teams that reported (or should have) without an outcome recorded: they hold the cohort's sustainment. */
  @GathersCohortFacts('teamsWithoutOutcome')
  async withoutOutcome(manager: EntityManager, cohortId: string, withTeams = false) {
    const rows = await queryRows<{ name_ar: string; name_en: string }>(
      manager,
      `SELECT name_ar, name_en FROM team WHERE cohort_id = $1 AND state IN ('REPORTING', 'FINAL_SUBMITTED') ORDER BY name_en`,
      [cohortId],
    );
    return {
      teamsWithoutOutcome: rows.length,
      teams: withTeams
        ? { teamsWithoutOutcome: rows.map((r) => ({ nameAr: r.name_ar, nameEn: r.name_en })) }
        : undefined,
    };
  }

  // ---------------------------------------------------------------- the report's deadlines

  /** When the team starts reporting: the lead's reminder and the sponsor's notice if it is late. */
  @SchedulesDeadlines('team', 'FINAL_REPORT')
  async scheduleReport(manager: EntityManager, _effect: Effect, ctx: EffectContext): Promise<void> {
    const cohortId = ctx.row.cohort_id as string;
    const base = { cohortId, subjectType: 'team', subjectId: ctx.id, group: 'FINAL_REPORT' as const };
    await this.deadlines.schedule(manager, await cohortCalendar(manager, cohortId), [
      { ...base, kind: 'FINAL_REPORT_REMINDER', rule: { rule: 'FINAL_REPORT_REMINDER' } },
      { ...base, kind: 'FINAL_REPORT_OVERDUE', rule: { rule: 'FINAL_REPORT_DUE' } },
    ]);
  }

  private async stillReporting(manager: EntityManager, d: DeadlineRow) {
    const [team] = await queryRows<{ id: string; state: string; name_ar: string; name_en: string }>(
      manager,
      `SELECT id, state, name_ar, name_en FROM team WHERE id = $1`,
      [d.subject_id],
    );
    return team?.state === 'REPORTING' ? team : null;
  }

  @OnDeadline('FINAL_REPORT_REMINDER')
  async remindLead(manager: EntityManager, d: DeadlineRow): Promise<DeadlineOutcome> {
    return this.tell(manager, d, ['TEAM_LEAD']);
  }

  @OnDeadline('FINAL_REPORT_OVERDUE')
  async tellSponsor(manager: EntityManager, d: DeadlineRow): Promise<DeadlineOutcome> {
    return this.tell(manager, d, ['SPONSOR']);
  }

  private async tell(
    manager: EntityManager,
    d: DeadlineRow,
    audience: ('TEAM_LEAD' | 'SPONSOR')[],
  ): Promise<DeadlineOutcome> {
    const team = await this.stillReporting(manager, d);
    if (!team) return { status: 'SKIPPED' };
    const [cohort] = await queryRows<Record<string, unknown>>(manager, `SELECT * FROM cohort WHERE id = $1`, [
      d.cohort_id,
    ]);
    await this.notifications.broadcast(manager, {
      kind: d.kind,
      audience,
      params: {
        teamNameAr: team.name_ar,
        teamNameEn: team.name_en,
        dueAt: d.original_due_at.toISOString(),
        timeZone: calendarOf(cohort!).timeZone,
      },
      dedupePrefix: `deadline-${d.id}`,
      subjectType: 'team',
      subjectId: team.id,
      context: { teamId: team.id, cohortId: d.cohort_id },
    });
    return { status: 'FIRED' };
  }

  // ---------------------------------------------------------------- reading in batches

  @LoadsBatch(FINAL_REPORT_OF_TEAM)
  async reportsOf(teamIds: readonly string[]): Promise<Map<string, FinalReport>> {
    const rows = (await this.dataSource.query(`SELECT * FROM final_report WHERE team_id = ANY($1::uuid[])`, [
      teamIds,
    ])) as ReportRow[];
    return new Map(rows.map((r) => [r.team_id, toReport(r)]));
  }
}

/** The proposal from the team's KPIs and its report (pure). */
export function proposalOf(kpis: readonly KpiRow[], report: Pick<ReportRow, 'kpi_values'> | null) {
  const finals = new Map((report?.kpi_values ?? []).map((v) => [v.kpiId, v.value]));
  const rows = kpis.map((k) => ({
    kpiId: k.id,
    direction: k.direction,
    baseline: Number(k.baseline),
    target: Number(k.target),
    originalTarget: k.original_target === null ? null : Number(k.original_target),
    final: finals.get(k.id) ?? null,
  }));
  const p = proposeOutcome(rows);
  return {
    ...p,
    kpis: p.kpis.map((a, i) => ({
      ...a,
      baseline: rows[i]!.baseline,
      target: rows[i]!.target,
      originalTarget: rows[i]!.originalTarget,
      final: rows[i]!.final,
    })),
  };
}
