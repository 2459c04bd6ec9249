import { checkpointDeadlines, dayOf, localDateOf, type Actor, type CohortCalendar } from '@hundred/domain';
import type { Caller, Effect } from '@hundred/workflow';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { AuditService } from '../audit/audit.service.js';
import { AppError, type FieldProblem } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { calendarOf } from '../cohorts/cohort.entity.js';
import { queryRows } from '../database/sql.js';
import { OnDeadline, type DeadlineOutcome } from '../deadlines/deadline-actions.js';
import { DeadlineService, type DeadlineRow, type DeadlineSpec } from '../deadlines/deadline.service.js';
import { groupBy, LoadsBatch } from '../graphql-context/loaders.js';
import { NotificationService } from '../notifications/notification.service.js';
import { OutboxService } from '../outbox/outbox.service.js';
import type { TeamEventInput } from '../teams/dto/team-event.inputs.js';
import { checkKpiValues, cohortCalendar } from '../teams/check-ins.service.js';
import { TeamGate, type HeldTeam } from '../teams/team-gate.js';
import type { Team } from '../teams/team.entity.js';
import { TeamService } from '../teams/team.service.js';
import { GathersCohortFacts } from '../workflow/cohort-facts.js';
import { GathersTeamFacts } from '../workflow/team-facts.js';
import { SchedulesDeadlines, type EffectContext, type WorkflowRow } from '../workflow/workflow-runner.js';
import type {
  CloseSustainmentInput,
  ReportCheckpointInput,
  SaveSustainmentPlanInput,
  SignPledgeInput,
} from './dto/sustainment.inputs.js';
import { CHECKPOINT_REPORTS, PLAN_OF_TEAM } from './sustainment.loaders.js';
import type { Checkpoint, CheckpointReport, SustainmentAction, SustainmentPlan } from './sustainment.types.js';

export interface PlanRow {
  id: string;
  team_id: string;
  version: number;
  owner_agency_id: string | null;
  actions: SustainmentAction[];
  kpi_ids: string[];
  checkpoint_days: number[];
  pledge_signed_by: string | null;
  pledge_signed_at: Date | null;
  pledge_version: number | null;
  updated_at: Date;
}

interface ReportRow {
  plan_id: string;
  index: number;
  kpi_values: { kpiId: string; value: number; asOf: string; evidence: string }[];
  note: string;
  reported_by: string;
  reported_at: Date;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Owner, at least one action, at least one KPI kept, checkpoints: what the pledge is about. */
export const contentComplete = (p: PlanRow) =>
  !!p.owner_agency_id && p.actions.length > 0 && p.kpi_ids.length > 0 && p.checkpoint_days.length > 0;
/** The plan with a signature of its current version. */
export const planComplete = (p: PlanRow) => contentComplete(p) && p.pledge_version === p.version;

export const toPlan = (r: PlanRow): SustainmentPlan => ({
  id: r.id,
  teamId: r.team_id,
  version: r.version,
  ownerAgencyId: r.owner_agency_id,
  actions: r.actions,
  kpiIds: r.kpi_ids,
  checkpointDays: r.checkpoint_days,
  pledge:
    r.pledge_signed_by && r.pledge_signed_at && r.pledge_version !== null
      ? {
          signedById: r.pledge_signed_by,
          signedAt: r.pledge_signed_at,
          planVersion: r.pledge_version,
          valid: r.pledge_version === r.version,
        }
      : null,
  contentComplete: contentComplete(r),
  updatedAt: r.updated_at,
});

const toReport = (r: ReportRow): CheckpointReport & { index: number } => ({
  index: r.index,
  values: r.kpi_values,
  note: r.note,
  reportedById: r.reported_by,
  reportedAt: r.reported_at,
});

/**
 * After day 100: the sustainment plan (owner agency, actions, kept KPIs, the cohort's checkpoints)
 * drafted by the team leader, the sponsor's pledge of one version of it (a later change voids it
 * and asks again), the owner agency's reports at each checkpoint, and the plan's close.
 */
@Injectable()
export class SustainmentService {
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

  private async planOf(manager: EntityManager, teamId: string, lock = false): Promise<PlanRow | null> {
    const [row] = await queryRows<PlanRow>(
      manager,
      `SELECT * FROM sustainment_plan WHERE team_id = $1 ${lock ? 'FOR NO KEY UPDATE' : ''}`,
      [teamId],
    );
    return row ?? null;
  }

  /** The team's owner agency for the permission check of a checkpoint report. */
  private owner = async (manager: EntityManager, team: HeldTeam) => ({
    ownerAgencyId: (await this.planOf(manager, team.id))?.owner_agency_id ?? undefined,
  });

  // ---------------------------------------------------------------- the plan and the pledge

  async savePlan(actor: Actor, input: SaveSustainmentPlanInput): Promise<SustainmentPlan> {
    const { row, voided } = await this.gate.write(actor, input.teamId, 'DRAFT_PLAN', async (manager, team) => {
      await this.checkPlan(manager, team.id, input);
      const cal = await cohortCalendar(manager, team.cohortId);
      const columns = [
        input.ownerAgencyId ?? null,
        JSON.stringify(input.actions),
        input.kpiIds,
        [...cal.offsets.checkpoints],
      ];
      const existing = await this.planOf(manager, team.id, true);
      if (!existing) {
        if (input.version != null) throw AppError.conflict('team');
        const [created] = await queryRows<PlanRow>(
          manager,
          `INSERT INTO sustainment_plan (team_id, owner_agency_id, actions, kpi_ids, checkpoint_days)
           VALUES ($1, $2, $3::jsonb, $4, $5) RETURNING *`,
          [team.id, ...columns],
        );
        return { row: created!, voided: false };
      }
      if (input.version !== existing.version) throw AppError.conflict('team');
      const [updated] = await queryRows<PlanRow>(
        manager,
        `UPDATE sustainment_plan SET owner_agency_id = $3, actions = $4::jsonb, kpi_ids = $5, checkpoint_days = $6,
                version = version + 1, updated_at = now()
          WHERE team_id = $1 AND version = $2 RETURNING *`,
        [team.id, existing.version, ...columns],
      );
      if (!updated) throw AppError.conflict('team');
      // A change after the sponsor signed voids the signature: the sponsor is asked to sign again.
      const voided = existing.pledge_version === existing.version;
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'team.sustainment_plan_saved',
        subjectType: 'team',
        subjectId: team.id,
        data: { version: updated.version, pledgeVoided: voided },
      });
      if (voided)
        await this.tellTeam(manager, team, 'PLEDGE_VOIDED', ['SPONSOR'], `pledge-voided-${updated.version}`, {
          version: updated.version,
        });
      return { row: updated, voided };
    });
    if (voided) await this.outbox.relayNow();
    return toPlan(row);
  }

  private async checkPlan(manager: EntityManager, teamId: string, input: SaveSustainmentPlanInput): Promise<void> {
    const problems: FieldProblem[] = [];
    const agencies = new Set(
      (
        await queryRows<{ id: string }>(manager, `SELECT id FROM agency WHERE id = ANY($1::uuid[])`, [
          [input.ownerAgencyId, ...input.actions.map((a) => a.responsibleAgencyId)].filter(Boolean),
        ])
      ).map((r) => r.id),
    );
    if (input.ownerAgencyId && !agencies.has(input.ownerAgencyId))
      problems.push({ field: 'ownerAgencyId', key: 'error.unknownAgency' });
    input.actions.forEach((a, i) => {
      if (!agencies.has(a.responsibleAgencyId))
        problems.push({ field: `actions.${i}.responsibleAgencyId`, key: 'error.unknownAgency' });
      if (!ISO_DATE.test(a.dueDate) || Number.isNaN(Date.parse(`${a.dueDate}T00:00:00Z`)))
        problems.push({ field: `actions.${i}.dueDate`, key: 'calendar.BAD_DATE', params: { value: a.dueDate } });
    });
    const kpis = new Set(
      (await queryRows<{ id: string }>(manager, `SELECT id FROM kpi WHERE team_id = $1`, [teamId])).map((k) => k.id),
    );
    input.kpiIds.forEach((id, i) => {
      if (!kpis.has(id)) problems.push({ field: `kpiIds.${i}`, key: 'error.notThisTeamsKpi' });
    });
    if (problems.length) throw AppError.validation(problems);
  }

  /** The sponsor signs the version of the plan they read; a plan changed meanwhile is a CONFLICT. */
  async signPledge(actor: Actor, input: SignPledgeInput): Promise<SustainmentPlan> {
    const row = await this.gate.write(actor, input.teamId, 'SIGN_PLEDGE', async (manager, team) => {
      const plan = await this.planOf(manager, team.id, true);
      if (!plan || plan.version !== input.planVersion) throw AppError.conflict('team');
      if (!contentComplete(plan))
        throw new AppError('NOT_ALLOWED', 'error.notAllowed', { guard: 'guard.PLAN_CONTENT_COMPLETE' }, [], {
          guard: 'PLAN_CONTENT_COMPLETE',
        });
      const [signed] = await queryRows<PlanRow>(
        manager,
        `UPDATE sustainment_plan SET pledge_signed_by = $2, pledge_signed_at = $3, pledge_version = version
          WHERE team_id = $1 RETURNING *`,
        [team.id, actor.id, this.clock.now()],
      );
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'team.pledge_signed',
        subjectType: 'team',
        subjectId: team.id,
        data: { planVersion: plan.version },
      });
      await this.tellTeam(manager, team, 'PLEDGE_SIGNED', ['TEAM_LEAD', 'OFFICE'], `pledge-${plan.version}`, {
        version: plan.version,
      });
      return signed!;
    });
    await this.outbox.relayNow();
    return toPlan(row);
  }

  private async tellTeam(
    manager: EntityManager,
    team: HeldTeam,
    kind: string,
    audience: ('SPONSOR' | 'TEAM_LEAD' | 'OFFICE')[],
    dedupe: string,
    extra: Record<string, unknown> = {},
  ): Promise<void> {
    await this.notifications.broadcast(manager, {
      kind,
      audience,
      params: { teamNameAr: team.nameAr, teamNameEn: team.nameEn, ...extra },
      dedupePrefix: `${dedupe}-${team.id}`,
      subjectType: 'team',
      subjectId: team.id,
      context: { teamId: team.id, cohortId: team.cohortId },
    });
  }

  // ---------------------------------------------------------------- the team's events

  /** START_SUSTAINMENT (the office): a complete plan with a valid pledge; the checkpoints are scheduled. */
  async start(actor: Actor, input: TeamEventInput, ip: string | null): Promise<Team> {
    return this.fireTeam(actor, input, 'START_SUSTAINMENT', {}, ip);
  }

  /** CLOSE_SUSTAINMENT (the office): sustained, scaled (where to) or lapsed; before the last checkpoint, with a reason. */
  async close(actor: Actor, input: CloseSustainmentInput, ip: string | null): Promise<Team> {
    return this.fireTeam(
      actor,
      input,
      'CLOSE_SUSTAINMENT',
      {
        reason: input.reason,
        given: { sustainmentStatus: input.status, scaledTo: input.scaledTo },
        columns: {
          sustainment_status: input.status,
          scaled_to: input.status === 'SCALED' ? input.scaledTo : null,
          sustainment_closed_at: this.clock.now(),
        },
        data: { status: input.status, scaledTo: input.status === 'SCALED' ? input.scaledTo : null },
      },
      ip,
    );
  }

  private async fireTeam(
    actor: Actor,
    input: TeamEventInput,
    event: 'START_SUSTAINMENT' | 'CLOSE_SUSTAINMENT',
    params: Parameters<TeamService['fireIn']>[5],
    ip: string | null,
  ): Promise<Team> {
    const team = await this.teams.visible(actor, input.id);
    const caller: Caller = { kind: 'user', actor };
    await this.dataSource.transaction((manager) =>
      this.teams.fireIn(manager, team.id, input.version, event, caller, { ...params, ip }),
    );
    await this.outbox.relayNow();
    return (await this.teams.byId(team.id))!;
  }

  // ---------------------------------------------------------------- checkpoints

  /** The checkpoints of a team's plan by its cohort's calendar, with their reports. */
  checkpointsOf(cal: CohortCalendar, reports: readonly (CheckpointReport & { index: number })[]): Checkpoint[] {
    const now = this.clock.now().getTime();
    return checkpointDeadlines(cal).map((c, index) => {
      const report = reports.find((r) => r.index === index) ?? null;
      const state = report
        ? 'REPORTED'
        : now > c.dueAt.getTime()
          ? 'OVERDUE'
          : now >= c.remindAt.getTime()
            ? 'OPEN'
            : 'UPCOMING';
      return { index, day: c.day, dueAt: c.dueAt, remindAt: c.remindAt, state, report };
    });
  }

  /** The owner agency's focal point reports every kept KPI at a checkpoint, from its reminder on. */
  async reportCheckpoint(actor: Actor, input: ReportCheckpointInput): Promise<SustainmentPlan> {
    const row = await this.gate.write(
      actor,
      input.teamId,
      'REPORT_CHECKPOINT',
      async (manager, team) => {
        const plan = (await this.planOf(manager, team.id, true))!;
        const cal = await cohortCalendar(manager, team.cohortId);
        const checkpoint = checkpointDeadlines(cal)[input.index];
        if (!checkpoint) throw AppError.field('index', 'validation.invalid');
        if (this.clock.now().getTime() < checkpoint.remindAt.getTime())
          throw new AppError('NOT_ALLOWED', 'error.notAllowed', { guard: 'guard.CHECKPOINT_OPEN' }, [], {
            guard: 'CHECKPOINT_OPEN',
          });
        await checkKpiValues(manager, team.id, input.values, localDateOf(cal, this.clock.now()));
        const given = new Set(input.values.map((v) => v.kpiId));
        const missing = plan.kpi_ids.filter((id) => !given.has(id));
        if (missing.length) throw AppError.field('values', 'error.checkpointValuesMissing');
        const inserted = await queryRows<{ id: string }>(
          manager,
          `INSERT INTO checkpoint_report (plan_id, team_id, index, kpi_values, note, reported_by, reported_at)
           VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7) ON CONFLICT (plan_id, index) DO NOTHING RETURNING id`,
          [plan.id, team.id, input.index, JSON.stringify(input.values), input.note, actor.id, this.clock.now()],
        );
        if (!inserted.length) throw AppError.field('index', 'error.checkpointReported');
        await this.audit.record(manager, {
          actorId: actor.id,
          action: 'team.checkpoint_reported',
          subjectType: 'team',
          subjectId: team.id,
          data: { index: input.index, values: input.values.length },
        });
        await this.tellTeam(manager, team, 'CHECKPOINT_REPORTED', ['OFFICE', 'SPONSOR'], `checkpoint-${input.index}`, {
          checkpoint: input.index + 1,
        });
        return plan;
      },
      this.owner,
    );
    await this.outbox.relayNow();
    return toPlan(row);
  }

  @SchedulesDeadlines('team', 'CHECKPOINTS')
  async scheduleCheckpoints(manager: EntityManager, _effect: Effect, ctx: EffectContext): Promise<void> {
    const cohortId = ctx.row.cohort_id as string;
    const cal = await cohortCalendar(manager, cohortId);
    const base = { cohortId, subjectType: 'team', subjectId: ctx.id, group: 'CHECKPOINTS' as const };
    const specs: DeadlineSpec[] = checkpointDeadlines(cal).flatMap((_, index) => [
      {
        ...base,
        kind: 'CHECKPOINT_REMINDER',
        key: `CHECKPOINT_REMINDER#${index + 1}`,
        rule: { rule: 'CHECKPOINT_REMINDER', index },
        params: { index },
      },
      {
        ...base,
        kind: 'CHECKPOINT_OVERDUE',
        key: `CHECKPOINT_OVERDUE#${index + 1}`,
        rule: { rule: 'CHECKPOINT_DUE', index },
        params: { index },
      },
    ]);
    await this.deadlines.schedule(manager, cal, specs);
  }

  /** A checkpoint not yet reported of a team still in sustainment, with its plan. */
  private async unreported(manager: EntityManager, d: DeadlineRow) {
    const [team] = await queryRows<{ id: string; state: string; name_ar: string; name_en: string }>(
      manager,
      `SELECT id, state, name_ar, name_en FROM team WHERE id = $1`,
      [d.subject_id],
    );
    if (team?.state !== 'SUSTAINING') return null;
    const plan = await this.planOf(manager, team.id);
    const index = Number(d.params.index);
    if (!plan) return null;
    const reported = await queryRows(manager, `SELECT 1 FROM checkpoint_report WHERE plan_id = $1 AND index = $2`, [
      plan.id,
      index,
    ]);
    return reported.length ? null : { team, plan, index };
  }

  /** Seven days before: the owner agency's focal points are reminded. */
  @OnDeadline('CHECKPOINT_REMINDER')
  async remindOwner(manager: EntityManager, d: DeadlineRow): Promise<DeadlineOutcome> {
    const open = await this.unreported(manager, d);
    if (!open) return { status: 'SKIPPED' };
    await this.notifications.broadcast(manager, {
      kind: 'CHECKPOINT_REMINDER',
      audience: ['AGENCY_FOCAL_POINTS'],
      params: {
        teamNameAr: open.team.name_ar,
        teamNameEn: open.team.name_en,
        checkpoint: open.index + 1,
        dueAt: d.original_due_at.toISOString(),
      },
      dedupePrefix: `deadline-${d.id}`,
      subjectType: 'team',
      subjectId: open.team.id,
      context: { teamId: open.team.id, cohortId: d.cohort_id, agencyId: open.plan.owner_agency_id },
    });
    return { status: 'FIRED' };
  }

  /** When due and not reported: the office is told. */
  @OnDeadline('CHECKPOINT_OVERDUE')
  async tellOffice(manager: EntityManager, d: DeadlineRow): Promise<DeadlineOutcome> {
    const open = await this.unreported(manager, d);
    if (!open) return { status: 'SKIPPED' };
    await this.notifications.broadcast(manager, {
      kind: 'CHECKPOINT_OVERDUE',
      audience: ['OFFICE'],
      params: { teamNameAr: open.team.name_ar, teamNameEn: open.team.name_en, checkpoint: open.index + 1 },
      dedupePrefix: `deadline-${d.id}`,
      subjectType: 'team',
      subjectId: open.team.id,
      context: { teamId: open.team.id, cohortId: d.cohort_id },
    });
    return { status: 'FIRED' };
  }

  // ---------------------------------------------------------------- the guards' facts

  @GathersTeamFacts('sustainmentPlanComplete', 'lastCheckpointPassed')
  async planFacts(manager: EntityManager, team: WorkflowRow) {
    const plan = await this.planOf(manager, team.id);
    if (!plan) return { sustainmentPlanComplete: false, lastCheckpointPassed: false };
    const [cohort] = await queryRows<Record<string, unknown>>(manager, `SELECT * FROM cohort WHERE id = $1`, [
      team.cohort_id,
    ]);
    const checkpoints = checkpointDeadlines(calendarOf(cohort!));
    const last = checkpoints.length - 1;
    const [reported] = await queryRows<{ n: number }>(
      manager,
      `SELECT count(*)::int AS n FROM checkpoint_report WHERE plan_id = $1 AND index = $2`,
      [plan.id, last],
    );
    return {
      sustainmentPlanComplete: planComplete(plan),
      lastCheckpointPassed:
        last < 0 || (reported?.n ?? 0) > 0 || this.clock.now().getTime() >= checkpoints[last]!.dueAt.getTime(),
    };
  }

  /** Teams whose sustainment is not closed (a completed team with no plan counts): they hold the cohort's close. */
  @GathersCohortFacts('openSustainmentPlans')
  async openPlans(manager: EntityManager, cohortId: string, withTeams = false) {
    const rows = await queryRows<{ name_ar: string; name_en: string }>(
      manager,
      `SELECT name_ar, name_en FROM team WHERE cohort_id = $1 AND state IN ('COMPLETED', 'SUSTAINING') ORDER BY name_en`,
      [cohortId],
    );
    return {
      openSustainmentPlans: rows.length,
      teams: withTeams
        ? { openSustainmentPlans: rows.map((r) => ({ nameAr: r.name_ar, nameEn: r.name_en })) }
        : undefined,
    };
  }

  // ---------------------------------------------------------------- reading in batches

  @LoadsBatch(PLAN_OF_TEAM)
  async plansOf(teamIds: readonly string[]): Promise<Map<string, SustainmentPlan>> {
    const rows = (await this.dataSource.query(`SELECT * FROM sustainment_plan WHERE team_id = ANY($1::uuid[])`, [
      teamIds,
    ])) as PlanRow[];
    return new Map(rows.map((r) => [r.team_id, toPlan(r)]));
  }

  @LoadsBatch(CHECKPOINT_REPORTS)
  async reportsOf(planIds: readonly string[]): Promise<Map<string, (CheckpointReport & { index: number })[]>> {
    const rows = (await this.dataSource.query(
      `SELECT * FROM checkpoint_report WHERE plan_id = ANY($1::uuid[]) ORDER BY index`,
      [planIds],
    )) as ReportRow[];
    const grouped = groupBy(planIds, rows, (r) => r.plan_id);
    return new Map([...grouped].map(([id, list]) => [id, list.map(toReport)]));
  }

  /** The cohort day a local date falls on, for the kept KPIs' series. */
  dayOfDate(cal: CohortCalendar, isoDate: string): number {
    return dayOf(cal, new Date(`${isoDate}T12:00:00Z`));
  }
}
