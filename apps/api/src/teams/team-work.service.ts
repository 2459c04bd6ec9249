import { can, checkInDueTimes, checkInWeekAt, localDateOf, type Actor, type Action } from '@hundred/domain';
import { changeRequestMachine, type TeamEvent, type TeamState } from '@hundred/workflow';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { AuditService } from '../audit/audit.service.js';
import { ClockService } from '../clock/clock.service.js';
import { AppError, type FieldProblem } from '../common/app-error.js';
import { calendarOf } from '../cohorts/cohort.entity.js';
import { pgCode, UNIQUE_VIOLATION } from '../database/postgres-errors.js';
import { queryRows } from '../database/sql.js';
import { deleteVersioned, updateVersioned } from '../database/versioned-update.js';
import { DeadlineActions, type DeadlineOutcome } from '../deadlines/deadline-actions.js';
import { DeadlineService, type DeadlineRow, type DeadlineSpec } from '../deadlines/deadline.service.js';
import { NotificationService } from '../notifications/notification.service.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { WorkflowRunner, type WorkflowRow } from '../workflow/workflow-runner.js';
import type {
  CheckInFields,
  CorrectCheckInInput,
  CreateGoalInput,
  CreateKpiInput,
  KpiFields,
  ProposeKpiChangeInput,
  ReviewCheckInInput,
  SubmitCheckInInput,
  TeamMemberInput,
  UpdateGoalInput,
  UpdateKpiInput,
} from './dto/team-work.inputs.js';
import { Team } from './team.entity.js';
import { TeamService } from './team.service.js';
import type { CheckIn, CheckInReview, Goal, Kpi, KpiChangeRequest, KpiValue } from './team-work.types.js';

const EDITABLE_GOALS: readonly TeamState[] = ['FORMING'];
const CHECKING_IN: readonly TeamState[] = ['ACTIVE', 'UNDER_REVIEW'];
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

interface GoalRow {
  id: string;
  team_id: string;
  sort: number;
  title_ar: string;
  title_en: string;
  alignment_node_ids: string[];
  version: number;
}
interface KpiRow {
  id: string;
  goal_id: string;
  team_id: string;
  sort: number;
  name_ar: string;
  name_en: string;
  unit: Kpi['unit'];
  direction: Kpi['direction'];
  baseline: string;
  target: string;
  original_baseline: string | null;
  original_target: string | null;
  data_source: string;
  is_proxy: boolean;
  frozen_at: Date | null;
  version: number;
}

export const toGoal = (r: GoalRow): Goal => ({
  id: r.id,
  teamId: r.team_id,
  sort: r.sort,
  titleAr: r.title_ar,
  titleEn: r.title_en,
  alignmentNodeIds: r.alignment_node_ids,
  version: r.version,
});

/** The columns a KPI's editable fields are kept in. */
function kpiColumns(k: KpiFields): Record<string, unknown> {
  return {
    sort: k.sort,
    name_ar: k.nameAr,
    name_en: k.nameEn,
    unit: k.unit,
    direction: k.direction,
    baseline: k.baseline,
    target: k.target,
    data_source: k.dataSource,
    is_proxy: k.isProxy,
  };
}

export const toKpi = (r: KpiRow): Kpi => ({
  id: r.id,
  goalId: r.goal_id,
  teamId: r.team_id,
  sort: r.sort,
  nameAr: r.name_ar,
  nameEn: r.name_en,
  unit: r.unit,
  direction: r.direction,
  baseline: Number(r.baseline),
  target: Number(r.target),
  originalBaseline: num(r.original_baseline),
  originalTarget: num(r.original_target),
  dataSource: r.data_source,
  isProxy: r.is_proxy,
  frozenAt: r.frozen_at,
  version: r.version,
});

/**
 * The work of a team during the 100 days: its people, goals and KPIs, weekly check-ins with the
 * coach's review, changes to frozen targets, and the check-in calendar.
 */
@Injectable()
export class TeamWorkService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly teams: TeamService,
    private readonly runner: WorkflowRunner,
    private readonly deadlines: DeadlineService,
    private readonly actions: DeadlineActions,
    private readonly notifications: NotificationService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: ClockService,
  ) {}

  onModuleInit(): void {
    this.runner.register('team:freezeTargets', async (m, _e, ctx) => {
      const now = this.clock.now();
      await m.query(
        `UPDATE kpi SET original_baseline = baseline, original_target = target, frozen_at = $2, version = version + 1, updated_at = now()
          WHERE team_id = $1`,
        [ctx.id, now],
      );
      await m.query(`UPDATE team SET goals_frozen_at = $2 WHERE id = $1`, [ctx.id, now]);
    });
    this.runner.register('team:scheduleDeadlines', async (m, e, ctx) => {
      if (e.type !== 'scheduleDeadlines') return;
      if (e.group === 'CHECK_INS') await this.scheduleCheckIns(m, ctx.row);
      if (e.group === 'GOALS') await this.teams.scheduleGoals(m, ctx.id, ctx.row.cohort_id as string);
    });
    this.actions.register('CHECK_IN_REMINDER', (m, d) => this.checkInReminder(m, d));
    this.actions.register('CHECK_IN_DUE', (m, d) => this.checkInDue(m, d));
  }

  // ---------------------------------------------------------------- access

  /** The actor with their roles on this team, and the team; FORBIDDEN alike when unseen or missing. */
  async access(actor: Actor, teamId: string): Promise<{ team: Team; actor: Actor }> {
    const team = await this.teams.visible(actor, teamId);
    const roles = await this.teams.rolesOf(actor.id, team.id);
    return { team, actor: { ...actor, teamRoles: { [team.id]: roles } } };
  }

  private require(actor: Actor, action: Action, team: Team): void {
    if (!can(actor, action, { type: 'team', id: team.id, leadAgencyId: team.leadAgencyId })) throw AppError.forbidden();
  }

  private notInState(team: Team, action: string): AppError {
    return new AppError(
      'NOT_ALLOWED',
      'error.notAllowedState',
      { event: action, state: team.state, subject: 'subject.team' },
      [],
      {
        guard: 'STATE',
        state: team.state,
      },
    );
  }

  /** The team a goal or a KPI belongs to; refused alike when it does not exist. */
  private async teamOf(table: 'goal' | 'kpi', id: string): Promise<string> {
    const [row] = (await this.dataSource.query(`SELECT team_id FROM ${table} WHERE id = $1`, [id])) as {
      team_id: string;
    }[];
    if (!row) throw AppError.forbidden();
    return row.team_id;
  }

  // ---------------------------------------------------------------- members

  async addMember(actor: Actor, input: TeamMemberInput): Promise<Team> {
    const { team, actor: a } = await this.access(actor, input.teamId);
    this.require(
      a,
      input.role === 'SPONSOR' || input.role === 'TEAM_LEAD' ? 'team.manageLeaders' : 'team.manageMembers',
      team,
    );
    if (['CLOSED', 'STOPPED', 'WITHDRAWN'].includes(team.state)) throw this.notInState(team, 'ADD_MEMBER');
    const [user] = (await this.dataSource.query(`SELECT id FROM app_user WHERE id = $1 AND active`, [
      input.userId,
    ])) as { id: string }[];
    if (!user) throw AppError.field('userId', 'error.unknownUser');
    await this.dataSource.transaction(async (m) => {
      const added = await queryRows<{ user_id: string }>(
        m,
        `INSERT INTO team_member (team_id, user_id, role) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING user_id`,
        [team.id, input.userId, input.role],
      );
      // Already in this role: nothing changes, nobody is told twice.
      if (!added.length) return;
      await this.audit.record(m, {
        actorId: actor.id,
        action: 'team.member_added',
        subjectType: 'team',
        subjectId: team.id,
        data: { userId: input.userId, role: input.role },
      });
      await this.notifications.createMany(m, [
        {
          userId: input.userId,
          kind: 'TEAM_MEMBER_ADDED',
          dedupeKey: `member-${team.id}-${input.userId}-${input.role}-${this.clock.now().getTime()}`,
          params: { teamNameAr: team.nameAr, teamNameEn: team.nameEn, role: input.role },
          subjectType: 'team',
          subjectId: team.id,
        },
      ]);
    });
    await this.outbox.relayNow();
    return team;
  }

  async removeMember(actor: Actor, input: TeamMemberInput): Promise<Team> {
    const { team, actor: a } = await this.access(actor, input.teamId);
    this.require(
      a,
      input.role === 'SPONSOR' || input.role === 'TEAM_LEAD' ? 'team.manageLeaders' : 'team.manageMembers',
      team,
    );
    await this.dataSource.transaction(async (m) => {
      const gone = await queryRows<{ user_id: string }>(
        m,
        `DELETE FROM team_member WHERE team_id = $1 AND user_id = $2 AND role = $3 RETURNING user_id`,
        [team.id, input.userId, input.role],
      );
      if (!gone.length) throw AppError.field('userId', 'error.notAMember');
      await this.audit.record(m, {
        actorId: actor.id,
        action: 'team.member_removed',
        subjectType: 'team',
        subjectId: team.id,
        data: { userId: input.userId, role: input.role },
      });
    });
    return team;
  }

  // ---------------------------------------------------------------- goals and KPIs

  /**
   * A change to a team's goals and KPIs, in one transaction holding the team row: submitting or
   * approving the goals waits for it (and it for them), and the state is checked under the lock,
   * so nothing is added or changed once the goals are submitted, and the 1–5 limits hold.
   */
  private async editGoals<T>(
    actor: Actor,
    teamId: string,
    work: (m: EntityManager, team: Team) => Promise<T>,
  ): Promise<T> {
    const { team, actor: a } = await this.access(actor, teamId);
    this.require(a, 'team.editGoals', team);
    return this.dataSource.transaction(async (m) => {
      const [row] = await queryRows<{ state: TeamState }>(m, `SELECT state FROM team WHERE id = $1 FOR NO KEY UPDATE`, [
        team.id,
      ]);
      if (!EDITABLE_GOALS.includes(row!.state))
        throw new AppError('NOT_ALLOWED', 'error.goalsFrozen', {}, [], { guard: 'GOALS_FROZEN' });
      return work(m, team);
    });
  }

  async createGoal(actor: Actor, input: CreateGoalInput): Promise<Goal> {
    return this.editGoals(actor, input.teamId, async (m, team) => {
      await this.checkNodes(input.alignmentNodeIds);
      const [{ n }] = await queryRows<{ n: number }>(m, `SELECT count(*)::int AS n FROM goal WHERE team_id = $1`, [
        team.id,
      ]);
      if (n >= 5) throw AppError.field('teamId', 'error.tooManyGoals');
      const [row] = await queryRows<GoalRow>(
        m,
        `INSERT INTO goal (team_id, sort, title_ar, title_en, alignment_node_ids) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
        [team.id, input.sort, input.titleAr, input.titleEn, input.alignmentNodeIds],
      );
      return toGoal(row!);
    });
  }

  async updateGoal(actor: Actor, input: UpdateGoalInput): Promise<Goal> {
    return this.editGoals(actor, await this.teamOf('goal', input.id), async (m) => {
      await this.checkNodes(input.alignmentNodeIds);
      const { after } = await updateVersioned<GoalRow & Record<string, unknown>>(
        m,
        'goal',
        'team',
        input.id,
        input.version,
        {
          sort: input.sort,
          title_ar: input.titleAr,
          title_en: input.titleEn,
          alignment_node_ids: input.alignmentNodeIds,
        },
      );
      return toGoal(after);
    });
  }

  async deleteGoal(actor: Actor, id: string, version: number): Promise<boolean> {
    await this.editGoals(actor, await this.teamOf('goal', id), (m) => deleteVersioned(m, 'goal', 'team', id, version));
    return true;
  }

  private async checkNodes(ids: string[]): Promise<void> {
    if (!ids.length) return;
    const found = (await this.dataSource.query(`SELECT id FROM alignment_node WHERE active AND id = ANY($1::uuid[])`, [
      ids,
    ])) as unknown[];
    if (found.length !== ids.length) throw AppError.field('alignmentNodeIds', 'error.unknownAlignmentNode');
  }

  /** Baseline and target: different, in the KPI's direction, percentages within 0–100. */
  private checkKpi(k: Pick<KpiFields, 'unit' | 'direction' | 'baseline' | 'target'>): void {
    const problems = this.kpiProblems(k);
    if (problems.length) throw AppError.validation(problems);
  }

  private kpiProblems(k: Pick<KpiFields, 'unit' | 'direction' | 'baseline' | 'target'>): FieldProblem[] {
    const problems: FieldProblem[] = [];
    if (k.baseline === k.target) problems.push({ field: 'target', key: 'error.targetEqualsBaseline' });
    else if (k.direction === 'INCREASE' ? k.target < k.baseline : k.target > k.baseline) {
      problems.push({
        field: 'target',
        key: k.direction === 'INCREASE' ? 'error.targetNotAbove' : 'error.targetNotBelow',
      });
    }
    if (k.unit === 'PERCENT') {
      if (k.baseline > 100) problems.push({ field: 'baseline', key: 'validation.percent' });
      if (k.target > 100) problems.push({ field: 'target', key: 'validation.percent' });
    }
    return problems;
  }

  async createKpi(actor: Actor, input: CreateKpiInput): Promise<Kpi> {
    return this.editGoals(actor, await this.teamOf('goal', input.goalId), async (m, team) => {
      this.checkKpi(input);
      const [{ n }] = await queryRows<{ n: number }>(m, `SELECT count(*)::int AS n FROM kpi WHERE goal_id = $1`, [
        input.goalId,
      ]);
      if (n >= 5) throw AppError.field('goalId', 'error.tooManyKpis');
      const columns = { goal_id: input.goalId, team_id: team.id, ...kpiColumns(input) };
      const names = Object.keys(columns);
      const [row] = await queryRows<KpiRow>(
        m,
        `INSERT INTO kpi (${names.join(', ')}) VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING *`,
        Object.values(columns),
      );
      return toKpi(row!);
    });
  }

  async updateKpi(actor: Actor, input: UpdateKpiInput): Promise<Kpi> {
    return this.editGoals(actor, await this.teamOf('kpi', input.id), async (m) => {
      this.checkKpi(input);
      const { after } = await updateVersioned<KpiRow & Record<string, unknown>>(
        m,
        'kpi',
        'team',
        input.id,
        input.version,
        kpiColumns(input),
      );
      return toKpi(after);
    });
  }

  async deleteKpi(actor: Actor, id: string, version: number): Promise<boolean> {
    await this.editGoals(actor, await this.teamOf('kpi', id), (m) => deleteVersioned(m, 'kpi', 'team', id, version));
    return true;
  }

  // ---------------------------------------------------------------- team events

  async fire(
    actor: Actor,
    id: string,
    version: number,
    event: TeamEvent,
    params: { reason?: string | null; comment?: string | null },
    ip: string | null,
  ): Promise<Team> {
    const { actor: a } = await this.access(actor, id);
    await this.dataSource.transaction((m) =>
      this.teams.runEvent(
        m,
        id,
        version,
        event,
        { kind: 'user', actor: a, teamRoles: a.teamRoles?.[id] ?? [] },
        {
          reason: params.reason ?? params.comment,
          ip,
        },
      ),
    );
    await this.outbox.relayNow();
    return (await this.teams.byId(id))!;
  }

  // ---------------------------------------------------------------- check-ins

  private async cohortOf(m: EntityManager, cohortId: string) {
    const [row] = await queryRows<Record<string, unknown>>(m, `SELECT * FROM cohort WHERE id = $1`, [cohortId]);
    return calendarOf(row!);
  }

  /** Values must be of this team's KPIs, once each, dated in the past, percentages within 0–100. */
  private async checkValues(m: EntityManager, teamId: string, fields: CheckInFields, today: string): Promise<void> {
    const kpis = new Map(
      ((await m.query(`SELECT id, unit FROM kpi WHERE team_id = $1`, [teamId])) as { id: string; unit: string }[]).map(
        (k) => [k.id, k.unit],
      ),
    );
    const problems: FieldProblem[] = [];
    const seen = new Set<string>();
    fields.values.forEach((v, i) => {
      const unit = kpis.get(v.kpiId);
      if (!unit) problems.push({ field: `values.${i}.kpiId`, key: 'error.notThisTeamsKpi' });
      else if (unit === 'PERCENT' && v.value > 100)
        problems.push({ field: `values.${i}.value`, key: 'validation.percent' });
      if (seen.has(v.kpiId)) problems.push({ field: `values.${i}.kpiId`, key: 'validation.unique' });
      seen.add(v.kpiId);
      if (!ISO_DATE.test(v.asOf) || Number.isNaN(Date.parse(`${v.asOf}T00:00:00Z`))) {
        problems.push({ field: `values.${i}.asOf`, key: 'calendar.BAD_DATE', params: { value: v.asOf } });
      } else if (v.asOf > today) problems.push({ field: `values.${i}.asOf`, key: 'error.asOfInFuture' });
    });
    if (problems.length) throw AppError.validation(problems);
  }

  private async insertCheckIn(
    m: EntityManager,
    team: Team,
    actorId: string,
    week: number,
    late: boolean,
    fields: CheckInFields,
    correction?: { supersedesId: string; reason: string },
  ): Promise<string> {
    let row: { id: string } | undefined;
    try {
      [row] = await queryRows<{ id: string }>(
        m,
        `INSERT INTO check_in (team_id, week, submitted_by, submitted_at, late, narrative, blockers, help_needed, confidence, supersedes_id, correction_reason)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [
          team.id,
          week,
          actorId,
          this.clock.now(),
          late,
          fields.narrative,
          fields.blockers,
          fields.helpNeeded,
          fields.confidence,
          correction?.supersedesId ?? null,
          correction?.reason ?? null,
        ],
      );
    } catch (err) {
      // Two corrections of one check-in: the second is stale.
      if (pgCode(err) === UNIQUE_VIOLATION) throw AppError.conflict('team');
      throw err;
    }
    const values: unknown[] = [];
    const tuples = fields.values.map((v, i) => {
      values.push(row!.id, v.kpiId, v.value, v.asOf, v.evidence);
      return `($${i * 5 + 1}, $${i * 5 + 2}, $${i * 5 + 3}, $${i * 5 + 4}, $${i * 5 + 5})`;
    });
    await m.query(
      `INSERT INTO check_in_value (check_in_id, kpi_id, value, as_of, evidence) VALUES ${tuples.join(', ')}`,
      values,
    );
    await m.query(`UPDATE team SET check_ins_flagged_at = NULL WHERE id = $1 AND check_ins_flagged_at IS NOT NULL`, [
      team.id,
    ]);
    await this.audit.record(m, {
      actorId,
      action: correction ? 'team.check_in_corrected' : 'team.check_in_submitted',
      subjectType: 'team',
      subjectId: team.id,
      reason: correction?.reason ?? null,
      data: { checkInId: row!.id, week, late, values: fields.values.length },
    });
    if (fields.helpNeeded) {
      await this.notifications.broadcast(m, {
        kind: 'HELP_NEEDED',
        audience: ['SPONSOR'],
        params: { teamNameAr: team.nameAr, teamNameEn: team.nameEn, helpNeeded: fields.helpNeeded, week },
        dedupePrefix: `help-${row!.id}`,
        subjectType: 'team',
        subjectId: team.id,
        context: { teamId: team.id, cohortId: team.cohortId },
      });
    }
    return row!.id;
  }

  async submitCheckIn(actor: Actor, input: SubmitCheckInInput): Promise<CheckIn> {
    const { team, actor: a } = await this.access(actor, input.teamId);
    this.require(a, 'team.checkIn', team);
    if (!CHECKING_IN.includes(team.state)) throw this.notInState(team, 'CHECK_IN');
    const id = await this.dataSource.transaction(async (m) => {
      const cal = await this.cohortOf(m, team.cohortId);
      const now = this.clock.now();
      const due = checkInDueTimes(cal);
      const current = checkInWeekAt(cal, now) ?? 1;
      const week = input.week ?? current;
      if (week > current || week > due.length) throw AppError.field('week', 'error.futureWeek');
      await this.checkValues(m, team.id, input, localDateOf(cal, now));
      return this.insertCheckIn(m, team, actor.id, week, now.getTime() > due[week - 1]!.getTime(), input);
    });
    await this.outbox.relayNow();
    return (await this.checkIns([id], true)).get(id)![0]!;
  }

  async correctCheckIn(actor: Actor, input: CorrectCheckInInput): Promise<CheckIn> {
    const [original] = (await this.dataSource.query(`SELECT team_id, week, late FROM check_in WHERE id = $1`, [
      input.supersedesId,
    ])) as {
      team_id: string;
      week: number;
      late: boolean;
    }[];
    if (!original) throw AppError.forbidden();
    const { team, actor: a } = await this.access(actor, original.team_id);
    this.require(a, 'team.checkIn', team);
    if (!CHECKING_IN.includes(team.state)) throw this.notInState(team, 'CORRECT_CHECK_IN');
    const id = await this.dataSource.transaction(async (m) => {
      const cal = await this.cohortOf(m, team.cohortId);
      await this.checkValues(m, team.id, input, localDateOf(cal, this.clock.now()));
      return this.insertCheckIn(m, team, actor.id, original.week, original.late, input, {
        supersedesId: input.supersedesId,
        reason: input.reason,
      });
    });
    await this.outbox.relayNow();
    return (await this.checkIns([id], true)).get(id)![0]!;
  }

  /** The coach acknowledges a check-in or returns it for revision; never their own. */
  async review(actor: Actor, input: ReviewCheckInInput): Promise<CheckIn> {
    const [row] = (await this.dataSource.query(
      `SELECT c.team_id, c.submitted_by, EXISTS (SELECT 1 FROM check_in s WHERE s.supersedes_id = c.id) AS superseded
         FROM check_in c WHERE c.id = $1`,
      [input.checkInId],
    )) as { team_id: string; submitted_by: string; superseded: boolean }[];
    if (!row) throw AppError.forbidden();
    const { team, actor: a } = await this.access(actor, row.team_id);
    this.require(a, 'team.reviewCheckIn', team);
    if (row.submitted_by === actor.id)
      throw new AppError('NOT_ALLOWED', 'error.ownCheckIn', {}, [], { guard: 'NOT_OWN_CHECK_IN' });
    if (row.superseded)
      throw new AppError('NOT_ALLOWED', 'error.checkInSuperseded', {}, [], { guard: 'NOT_SUPERSEDED' });
    if (input.decision === 'RETURNED' && !input.comment) throw AppError.field('comment', 'validation.required');
    await this.dataSource.transaction(async (m) => {
      try {
        await m.query(
          `INSERT INTO check_in_review (check_in_id, reviewer_id, decision, comment, reviewed_at) VALUES ($1, $2, $3, $4, $5)`,
          [input.checkInId, actor.id, input.decision, input.comment, this.clock.now()],
        );
      } catch (err) {
        if (pgCode(err) === UNIQUE_VIOLATION) throw AppError.conflict('team');
        throw err;
      }
      await this.audit.record(m, {
        actorId: actor.id,
        action: `team.check_in_${input.decision.toLowerCase()}`,
        subjectType: 'team',
        subjectId: team.id,
        reason: input.comment || null,
        data: { checkInId: input.checkInId },
      });
      if (input.decision === 'RETURNED') {
        await this.notifications.createMany(m, [
          {
            userId: row.submitted_by,
            kind: 'CHECK_IN_RETURNED',
            dedupeKey: `review-${input.checkInId}`,
            params: { teamNameAr: team.nameAr, teamNameEn: team.nameEn, reason: input.comment },
            subjectType: 'team',
            subjectId: team.id,
          },
        ]);
      }
    });
    await this.outbox.relayNow();
    return (await this.checkIns([input.checkInId], true)).get(input.checkInId)![0]!;
  }

  /** Check-ins by team (or by id with `byId`), newest first, with their values and reviews. */
  async checkIns(ids: readonly string[], byId = false, limit = 200): Promise<Map<string, CheckIn[]>> {
    const rows = (await this.dataSource.query(
      `SELECT c.*, s.id AS superseded_by,
              r.reviewer_id, r.decision, r.comment AS review_comment, r.reviewed_at
         FROM check_in c
         LEFT JOIN check_in s ON s.supersedes_id = c.id
         LEFT JOIN check_in_review r ON r.check_in_id = c.id
        WHERE ${byId ? 'c.id' : 'c.team_id'} = ANY($1::uuid[])
        ORDER BY c.submitted_at DESC, c.id DESC`,
      [ids],
    )) as (Record<string, unknown> & { id: string; team_id: string })[];
    const values = (await this.dataSource.query(
      `SELECT v.*, c.submitted_at FROM check_in_value v JOIN check_in c ON c.id = v.check_in_id WHERE v.check_in_id = ANY($1::uuid[])`,
      [rows.map((r) => r.id)],
    )) as { check_in_id: string; kpi_id: string; value: string; as_of: string; evidence: string; submitted_at: Date }[];
    const valuesOf = new Map<string, typeof values>();
    for (const v of values) {
      const list = valuesOf.get(v.check_in_id);
      if (list) list.push(v);
      else valuesOf.set(v.check_in_id, [v]);
    }
    const out = new Map<string, CheckIn[]>(ids.map((id) => [id, []]));
    for (const r of rows) {
      const key = byId ? r.id : r.team_id;
      const list = out.get(key)!;
      if (list.length >= limit) continue;
      list.push({
        id: r.id,
        teamId: r.team_id,
        week: r.week as number,
        submittedById: r.submitted_by as string,
        submittedAt: r.submitted_at as Date,
        late: r.late as boolean,
        narrative: r.narrative as string,
        blockers: r.blockers as string,
        helpNeeded: r.help_needed as string,
        confidence: r.confidence as CheckIn['confidence'],
        supersedesId: (r.supersedes_id as string | null) ?? null,
        correctionReason: (r.correction_reason as string | null) ?? null,
        supersededById: (r.superseded_by as string | null) ?? null,
        values: (valuesOf.get(r.id) ?? []).map((v) => ({
          kpiId: v.kpi_id,
          value: Number(v.value),
          asOf: v.as_of,
          evidence: v.evidence,
          checkInId: r.id,
          submittedAt: v.submitted_at,
        })),
        review: r.decision
          ? ({
              reviewerId: r.reviewer_id as string,
              decision: r.decision as CheckInReview['decision'],
              comment: r.review_comment as string,
              reviewedAt: r.reviewed_at as Date,
            } satisfies CheckInReview)
          : null,
      });
    }
    return out;
  }

  // ---------------------------------------------------------------- reading in batches

  async goalsByTeam(teamIds: readonly string[]): Promise<Map<string, Goal[]>> {
    const rows = (await this.dataSource.query(
      `SELECT * FROM goal WHERE team_id = ANY($1::uuid[]) ORDER BY sort, created_at`,
      [teamIds],
    )) as GoalRow[];
    const out = new Map<string, Goal[]>(teamIds.map((id) => [id, []]));
    for (const r of rows) out.get(r.team_id)!.push(toGoal(r));
    return out;
  }

  async kpisByGoal(goalIds: readonly string[]): Promise<Map<string, Kpi[]>> {
    const rows = (await this.dataSource.query(
      `SELECT * FROM kpi WHERE goal_id = ANY($1::uuid[]) ORDER BY sort, created_at`,
      [goalIds],
    )) as KpiRow[];
    const out = new Map<string, Kpi[]>(goalIds.map((id) => [id, []]));
    for (const r of rows) out.get(r.goal_id)!.push(toKpi(r));
    return out;
  }

  /** The latest value of each KPI among check-ins not superseded (latest as-of date, then submission). */
  async latestValues(kpiIds: readonly string[]): Promise<Map<string, KpiValue | null>> {
    const rows = (await this.dataSource.query(
      `SELECT DISTINCT ON (v.kpi_id) v.kpi_id, v.value, v.as_of, v.evidence, c.id AS check_in_id, c.submitted_at
         FROM check_in_value v JOIN check_in c ON c.id = v.check_in_id
        WHERE v.kpi_id = ANY($1::uuid[]) AND NOT EXISTS (SELECT 1 FROM check_in s WHERE s.supersedes_id = c.id)
        ORDER BY v.kpi_id, v.as_of DESC, c.submitted_at DESC`,
      [kpiIds],
    )) as { kpi_id: string; value: string; as_of: string; evidence: string; check_in_id: string; submitted_at: Date }[];
    const out = new Map<string, KpiValue | null>(kpiIds.map((id) => [id, null]));
    for (const r of rows) {
      out.set(r.kpi_id, {
        kpiId: r.kpi_id,
        value: Number(r.value),
        asOf: r.as_of,
        evidence: r.evidence,
        checkInId: r.check_in_id,
        submittedAt: r.submitted_at,
      });
    }
    return out;
  }

  /** Every value of each KPI among check-ins not superseded, oldest first (for charts). */
  async valuesOf(kpiIds: readonly string[]): Promise<Map<string, KpiValue[]>> {
    const rows = (await this.dataSource.query(
      `SELECT v.kpi_id, v.value, v.as_of, v.evidence, c.id AS check_in_id, c.submitted_at
         FROM check_in_value v JOIN check_in c ON c.id = v.check_in_id
        WHERE v.kpi_id = ANY($1::uuid[]) AND NOT EXISTS (SELECT 1 FROM check_in s WHERE s.supersedes_id = c.id)
        ORDER BY v.kpi_id, v.as_of, c.submitted_at`,
      [kpiIds],
    )) as { kpi_id: string; value: string; as_of: string; evidence: string; check_in_id: string; submitted_at: Date }[];
    const out = new Map<string, KpiValue[]>(kpiIds.map((id) => [id, []]));
    for (const r of rows) {
      out.get(r.kpi_id)!.push({
        kpiId: r.kpi_id,
        value: Number(r.value),
        asOf: r.as_of,
        evidence: r.evidence,
        checkInId: r.check_in_id,
        submittedAt: r.submitted_at,
      });
    }
    return out;
  }

  async changeRequests(teamIds: readonly string[]): Promise<Map<string, KpiChangeRequest[]>> {
    const rows = (await this.dataSource.query(
      `SELECT * FROM kpi_change_request WHERE team_id = ANY($1::uuid[]) ORDER BY created_at DESC`,
      [teamIds],
    )) as Record<string, unknown>[];
    const out = new Map<string, KpiChangeRequest[]>(teamIds.map((id) => [id, []]));
    for (const r of rows) out.get(r.team_id as string)!.push(toChangeRequest(r));
    return out;
  }

  // ---------------------------------------------------------------- change requests

  async proposeChange(actor: Actor, input: ProposeKpiChangeInput): Promise<KpiChangeRequest> {
    const { team, actor: a } = await this.access(actor, await this.teamOf('kpi', input.kpiId));
    this.require(a, 'team.proposeChange', team);
    const [kpi] = (await this.dataSource.query(`SELECT * FROM kpi WHERE id = $1`, [input.kpiId])) as KpiRow[];
    if (!kpi?.frozen_at) throw new AppError('NOT_ALLOWED', 'error.kpiNotFrozen', {}, [], { guard: 'FROZEN' });
    const [cohort] = (await this.dataSource.query(`SELECT state FROM cohort WHERE id = $1`, [team.cohortId])) as {
      state: string;
    }[];
    const ctx = { cohortState: cohort!.state, teamState: team.state, reason: input.reason };
    if (!changeRequestMachine.transitions[0]!.guards[0]!.holds(ctx)) {
      throw new AppError('NOT_ALLOWED', 'error.notAllowed', { guard: 'guard.CHANGE_WINDOW_OPEN' }, [], {
        guard: 'CHANGE_WINDOW_OPEN',
      });
    }
    const problems = this.kpiProblems({
      unit: kpi.unit,
      direction: kpi.direction,
      baseline: input.baseline,
      target: input.target,
    });
    if (problems.length) throw AppError.validation(problems);
    const created = await this.dataSource.transaction(async (m) => {
      let row: Record<string, unknown> | undefined;
      try {
        [row] = await queryRows<Record<string, unknown>>(
          m,
          `INSERT INTO kpi_change_request (kpi_id, team_id, from_baseline, from_target, to_baseline, to_target, reason, proposed_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
          [kpi.id, team.id, kpi.baseline, kpi.target, input.baseline, input.target, input.reason, actor.id],
        );
      } catch (err) {
        if (pgCode(err) === UNIQUE_VIOLATION) throw AppError.field('kpiId', 'error.changePending');
        throw err;
      }
      await this.audit.record(m, {
        actorId: actor.id,
        action: 'changeRequest.proposed',
        subjectType: 'changeRequest',
        subjectId: row!.id as string,
        toState: 'PROPOSED',
        reason: input.reason,
        data: {
          kpiId: kpi.id,
          from: { baseline: Number(kpi.baseline), target: Number(kpi.target) },
          to: { baseline: input.baseline, target: input.target },
        },
      });
      await this.notifications.broadcast(m, {
        kind: 'CHANGE_REQUEST_PROPOSED',
        audience: ['OFFICE'],
        params: { teamNameAr: team.nameAr, teamNameEn: team.nameEn, kpiNameAr: kpi.name_ar, kpiNameEn: kpi.name_en },
        dedupePrefix: `change-${row!.id as string}`,
        subjectType: 'team',
        subjectId: team.id,
        context: { teamId: team.id, cohortId: team.cohortId },
      });
      return toChangeRequest(row!);
    });
    await this.outbox.relayNow();
    return created;
  }

  /** The office approves (the KPI takes the new values; the original stays on record) or rejects. */
  async decideChange(
    actor: Actor,
    id: string,
    version: number,
    event: 'APPROVE' | 'REJECT',
    reason: string | null,
  ): Promise<KpiChangeRequest> {
    const [cr] = (await this.dataSource.query(`SELECT * FROM kpi_change_request WHERE id = $1`, [id])) as Record<
      string,
      unknown
    >[];
    if (!cr) throw AppError.forbidden();
    const { team, actor: a } = await this.access(actor, cr.team_id as string);
    this.require(a, 'team.decideChange', team);
    const done = await this.dataSource.transaction(async (m) => {
      await this.runner.run(m, {
        machine: changeRequestMachine,
        subject: 'changeRequest',
        table: 'kpi_change_request',
        id,
        expectedVersion: version,
        event,
        caller: { kind: 'user', actor: a },
        reason,
        context: async (mm) => {
          const [c] = (await mm.query(`SELECT state FROM cohort WHERE id = $1`, [team.cohortId])) as {
            state: string;
          }[];
          const [t] = (await mm.query(`SELECT state FROM team WHERE id = $1`, [team.id])) as { state: string }[];
          return { cohortState: c!.state, teamState: t!.state, reason };
        },
        describe: () => ({
          params: { teamNameAr: team.nameAr, teamNameEn: team.nameEn, reason },
          audience: { teamId: team.id, cohortId: team.cohortId },
          link: { subjectType: 'team', subjectId: team.id },
        }),
      });
      if (event === 'APPROVE') {
        await m.query(
          `UPDATE kpi SET baseline = $2, target = $3, version = version + 1, updated_at = now() WHERE id = $1`,
          [cr.kpi_id, cr.to_baseline, cr.to_target],
        );
      }
      const [row] = await queryRows<Record<string, unknown>>(m, `SELECT * FROM kpi_change_request WHERE id = $1`, [id]);
      return toChangeRequest(row!);
    });
    await this.outbox.relayNow();
    return done;
  }

  // ---------------------------------------------------------------- the weekly calendar

  private async scheduleCheckIns(m: EntityManager, team: WorkflowRow): Promise<void> {
    const cal = await this.cohortOf(m, team.cohort_id as string);
    const base = {
      cohortId: team.cohort_id as string,
      subjectType: 'team',
      subjectId: team.id,
      group: 'CHECK_INS' as const,
    };
    const specs: DeadlineSpec[] = checkInDueTimes(cal).flatMap((_, index) => [
      {
        ...base,
        kind: 'CHECK_IN_REMINDER',
        key: `CHECK_IN_REMINDER#${index + 1}`,
        rule: { rule: 'CHECK_IN_REMINDER', index },
        params: { week: index + 1 },
      },
      {
        ...base,
        kind: 'CHECK_IN_DUE',
        key: `CHECK_IN_DUE#${index + 1}`,
        rule: { rule: 'CHECK_IN', index },
        params: { week: index + 1 },
      },
    ]);
    await this.deadlines.schedule(m, cal, specs);
  }

  private async hasCheckIn(m: EntityManager, teamId: string, week: number): Promise<boolean> {
    const rows = (await m.query(`SELECT 1 FROM check_in WHERE team_id = $1 AND week = $2 LIMIT 1`, [
      teamId,
      week,
    ])) as unknown[];
    return rows.length > 0;
  }

  /** On the day: the team lead and members are reminded, unless this week's check-in is in. */
  private async checkInReminder(m: EntityManager, d: DeadlineRow): Promise<DeadlineOutcome> {
    const [team] = await queryRows<WorkflowRow>(m, `SELECT * FROM team WHERE id = $1`, [d.subject_id]);
    const week = Number(d.params.week);
    if (!team || !CHECKING_IN.includes(team.state as TeamState) || (await this.hasCheckIn(m, team.id, week)))
      return { status: 'SKIPPED' };
    await this.notifications.broadcast(m, {
      kind: 'CHECK_IN_REMINDER',
      audience: ['TEAM_LEAD', 'TEAM'],
      params: { teamNameAr: team.name_ar, teamNameEn: team.name_en, week },
      dedupePrefix: `deadline-${d.id}`,
      subjectType: 'team',
      subjectId: team.id,
      context: { teamId: team.id, cohortId: d.cohort_id },
    });
    return { status: 'FIRED' };
  }

  /** At the due time: two weeks in a row without a check-in tell the sponsor and flag the team. */
  private async checkInDue(m: EntityManager, d: DeadlineRow): Promise<DeadlineOutcome> {
    const [team] = await queryRows<WorkflowRow>(m, `SELECT * FROM team WHERE id = $1`, [d.subject_id]);
    const week = Number(d.params.week);
    if (!team || !CHECKING_IN.includes(team.state as TeamState)) return { status: 'SKIPPED' };
    const missing =
      week >= 2 && !(await this.hasCheckIn(m, team.id, week)) && !(await this.hasCheckIn(m, team.id, week - 1));
    if (missing) {
      await m.query(`UPDATE team SET check_ins_flagged_at = $2 WHERE id = $1`, [team.id, this.clock.now()]);
      await this.notifications.broadcast(m, {
        kind: 'CHECK_INS_MISSING',
        audience: ['SPONSOR', 'OFFICE'],
        params: { teamNameAr: team.name_ar, teamNameEn: team.name_en, week },
        dedupePrefix: `deadline-${d.id}`,
        subjectType: 'team',
        subjectId: team.id,
        context: { teamId: team.id, cohortId: d.cohort_id },
      });
    }
    return { status: 'FIRED' };
  }

  /** The weeks of the team's cohort: each due time. */
  async weeks(cohortId: string): Promise<Date[]> {
    return checkInDueTimes(await this.cohortOf(this.dataSource.manager, cohortId));
  }
}

export function toChangeRequest(r: Record<string, unknown>): KpiChangeRequest {
  return {
    id: r.id as string,
    kpiId: r.kpi_id as string,
    teamId: r.team_id as string,
    state: r.state as KpiChangeRequest['state'],
    version: r.version as number,
    fromBaseline: Number(r.from_baseline),
    fromTarget: Number(r.from_target),
    toBaseline: Number(r.to_baseline),
    toTarget: Number(r.to_target),
    reason: r.reason as string,
    proposedById: r.proposed_by as string,
    createdAt: r.created_at as Date,
  };
}
