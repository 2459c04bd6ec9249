import { can, TEAM_ROLES, type Actor, type CohortCalendar, type Language, type TeamRole } from '@hundred/domain';
import {
  availableEvents,
  teamMachine,
  type Audience,
  type Caller,
  type Effect,
  type TeamContext,
  type TeamEvent,
  type TeamState,
} from '@hundred/workflow';
import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';

import { AppError } from '../common/app-error.js';
import { calendarOf } from '../cohorts/cohort.entity.js';
import { queryRows } from '../database/sql.js';
import { OnDeadline, type DeadlineOutcome } from '../deadlines/deadline-actions.js';
import { DeadlineService, type DeadlineRow } from '../deadlines/deadline.service.js';
import { toDeadlineView, type DeadlineView, type DeadlineViewRow } from '../deadlines/deadline.types.js';
import { byId, LoadsBatch } from '../graphql-context/loaders.js';
import { ResolvesAudience, type AudienceContext } from '../notifications/audience.service.js';
import { NotificationService } from '../notifications/notification.service.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { explainAvailable, type AvailableEvent } from '../workflow/available-events.js';
import { GathersCohortFacts } from '../workflow/cohort-facts.js';
import { TeamFactsService } from '../workflow/team-facts.js';
import {
  CancelsDeadlines,
  Cascades,
  SchedulesDeadlines,
  WorkflowRunner,
  type EffectContext,
  type WorkflowRow,
} from '../workflow/workflow-runner.js';
import { Team, type TeamMember } from './team.entity.js';
import { TEAM, TEAM_DEADLINES, TEAM_MEMBERS, TEAM_ROLES_OF_USER } from './teams.loaders.js';

/** What a person gives with a team event. */
export interface TeamEventParams {
  reason?: string | null;
  comment?: string | null;
  /** The event's own choices (a mid-point decision, an outcome, a sustainment status). */
  given?: Pick<TeamContext, 'decision' | 'outcome' | 'sustainmentStatus' | 'scaledTo'>;
}

/** Which teams a cohort's cascade reaches. */
const SCOPE_STATES: Record<string, readonly TeamState[]> = {
  READY_TEAMS: ['READY'],
  NOT_READY_TEAMS: ['FORMING', 'GOALS_SUBMITTED'],
  ACTIVE_TEAMS: ['ACTIVE'],
  OPEN_TEAMS: ['FORMING', 'GOALS_SUBMITTED', 'READY', 'ACTIVE', 'UNDER_REVIEW', 'REPORTING', 'FINAL_SUBMITTED'],
};

/**
 * Teams: created when a challenge is approved, with its sponsor and team leader. Their goals,
 * members and check-ins are the teams feature proper; here: creation, membership, reading, the
 * cohort's cascades, and the goals deadline.
 */
@Injectable()
export class TeamService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly runner: WorkflowRunner,
    private readonly deadlines: DeadlineService,
    private readonly notifications: NotificationService,
    private readonly outbox: OutboxService,
    private readonly facts: TeamFactsService,
  ) {}

  private async membersWith(manager: EntityManager, teamId: string, roles: TeamRole[]): Promise<string[]> {
    const rows = await queryRows<{ user_id: string }>(
      manager,
      `SELECT DISTINCT user_id FROM team_member WHERE team_id = $1 AND role = ANY($2)`,
      [teamId, roles],
    );
    return rows.map((r) => r.user_id);
  }

  @ResolvesAudience('TEAM_LEAD', 'SPONSOR', 'TEAM')
  async teamPeople(manager: EntityManager, ctx: AudienceContext, audience: Audience): Promise<string[]> {
    if (!ctx.teamId) return [];
    const roles: Record<string, TeamRole[]> = {
      TEAM_LEAD: ['TEAM_LEAD'],
      SPONSOR: ['SPONSOR'],
      TEAM: ['TEAM_LEAD', 'COACH', 'TEAM_MEMBER'],
    };
    return this.membersWith(manager, ctx.teamId, roles[audience]!);
  }

  @ResolvesAudience('ALL_TEAMS')
  async allTeams(manager: EntityManager, ctx: AudienceContext): Promise<string[]> {
    if (!ctx.cohortId) return [];
    const rows = await queryRows<{ user_id: string }>(
      manager,
      `SELECT DISTINCT tm.user_id FROM team_member tm JOIN team t ON t.id = tm.team_id
        WHERE t.cohort_id = $1 AND t.state NOT IN ('WITHDRAWN', 'STOPPED', 'CLOSED')`,
      [ctx.cohortId],
    );
    return rows.map((r) => r.user_id);
  }

  @GathersCohortFacts('teamsNotReady')
  async readiness(manager: EntityManager, cohortId: string, withTeams = false) {
    const rows = await queryRows<{ name_ar: string; name_en: string }>(
      manager,
      `SELECT name_ar, name_en FROM team WHERE cohort_id = $1 AND state IN ('FORMING', 'GOALS_SUBMITTED') ORDER BY name_en`,
      [cohortId],
    );
    return {
      teamsNotReady: rows.length,
      teams: withTeams ? { teamsNotReady: rows.map((r) => ({ nameAr: r.name_ar, nameEn: r.name_en })) } : undefined,
    };
  }

  @CancelsDeadlines('team')
  async cancelDeadlines(manager: EntityManager, effect: Effect, ctx: EffectContext): Promise<void> {
    if (effect.type === 'cancelDeadlines') await this.deadlines.cancel(manager, 'team', ctx.id, effect.group);
  }

  @SchedulesDeadlines('team', 'GOALS')
  async scheduleGoalsAgain(manager: EntityManager, _effect: Effect, ctx: EffectContext): Promise<void> {
    await this.scheduleGoals(manager, ctx.id, ctx.row.cohort_id as string);
  }

  @OnDeadline('GOALS_REMINDER')
  goalsReminder(manager: EntityManager, d: DeadlineRow): Promise<DeadlineOutcome> {
    return this.remindGoals(manager, d, 'GOALS_REMINDER', ['TEAM_LEAD']);
  }

  @OnDeadline('GOALS_OVERDUE')
  goalsOverdue(manager: EntityManager, d: DeadlineRow): Promise<DeadlineOutcome> {
    return this.remindGoals(manager, d, 'GOALS_OVERDUE', ['SPONSOR', 'OFFICE']);
  }

  /** The team of an approved challenge, with its sponsor and leader, and its goals deadline. */
  async createFromChallenge(manager: EntityManager, challenge: WorkflowRow): Promise<string> {
    const [team] = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO team (cohort_id, challenge_id, name_ar, name_en, lead_agency_id) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [challenge.cohort_id, challenge.id, challenge.title_ar, challenge.title_en, challenge.lead_agency_id],
    );
    const members: [string | null, TeamRole][] = [
      [challenge.proposed_sponsor_id as string | null, 'SPONSOR'],
      [challenge.proposed_team_lead_id as string | null, 'TEAM_LEAD'],
    ];
    for (const [userId, role] of members) {
      if (userId)
        await manager.query(`INSERT INTO team_member (team_id, user_id, role) VALUES ($1, $2, $3)`, [
          team!.id,
          userId,
          role,
        ]);
    }
    await this.scheduleGoals(manager, team!.id, challenge.cohort_id as string);
    return team!.id;
  }

  async scheduleGoals(manager: EntityManager, teamId: string, cohortId: string): Promise<void> {
    const [cohort] = await queryRows<Record<string, unknown>>(manager, `SELECT * FROM cohort WHERE id = $1`, [
      cohortId,
    ]);
    const base = { cohortId, subjectType: 'team', subjectId: teamId, group: 'GOALS' as const };
    await this.deadlines.schedule(manager, calendarOf(cohort!), [
      { ...base, kind: 'GOALS_REMINDER', rule: { rule: 'GOALS_REMINDER' } },
      { ...base, kind: 'GOALS_OVERDUE', rule: { rule: 'GOALS_DUE' } },
    ]);
  }

  private async remindGoals(
    manager: EntityManager,
    d: DeadlineRow,
    kind: string,
    audience: ('TEAM_LEAD' | 'SPONSOR' | 'OFFICE')[],
  ): Promise<DeadlineOutcome> {
    const [team] = await queryRows<WorkflowRow>(manager, `SELECT * FROM team WHERE id = $1`, [d.subject_id]);
    if (!team || team.state !== 'FORMING') return { status: 'SKIPPED' as const };
    await this.notifications.broadcast(manager, {
      kind,
      audience,
      params: this.noticeOf(team).params,
      dedupePrefix: `deadline-${d.id}`,
      subjectType: 'team',
      subjectId: team.id,
      context: { teamId: team.id, cohortId: d.cohort_id },
    });
    return { status: 'FIRED' as const };
  }

  noticeOf(row: WorkflowRow) {
    return {
      params: { teamNameAr: row.name_ar, teamNameEn: row.name_en },
      audience: { teamId: row.id, cohortId: row.cohort_id as string, agencyId: row.lead_agency_id as string },
    };
  }

  /** The team's guards read these: the facts each feature gathers, and what the event gives. */
  async context(manager: EntityManager, row: WorkflowRow, params: TeamEventParams = {}): Promise<TeamContext> {
    return {
      ...(await this.facts.gather(manager, row)),
      ...params.given,
      reason: params.reason,
      comment: params.comment,
    };
  }

  /** Runs a team event in the caller's transaction. */
  fireIn(
    manager: EntityManager,
    id: string,
    expectedVersion: number | null,
    event: TeamEvent,
    caller: Caller,
    params: TeamEventParams & {
      ip?: string | null;
      /** Columns set with the state (e.g. the mid-point decision), and details kept in the history. */
      columns?: Record<string, unknown>;
      data?: Record<string, unknown>;
    } = {},
  ) {
    return this.runner.fire(manager, {
      ip: params.ip ?? null,
      data: params.data,
      set: params.columns ? () => params.columns! : undefined,
      machine: teamMachine,
      subject: 'team',
      table: 'team',
      id,
      expectedVersion,
      event,
      caller,
      reason: params.reason ?? params.comment,
      context: (manager, row) => this.context(manager, row, params),
      notice: (row) => this.noticeOf(row),
    });
  }

  /** A cohort transition reaching its teams (START, WITHDRAW, BEGIN_REVIEW, BEGIN_REPORTING). */
  @Cascades('cohort', 'team')
  async cascade(manager: EntityManager, effect: Effect, ctx: EffectContext): Promise<void> {
    if (effect.type !== 'cascade') return;
    const states = SCOPE_STATES[effect.scope];
    if (!states) throw new Error(`unknown team scope ${effect.scope}`);
    const teams = await queryRows<{ id: string }>(
      manager,
      `SELECT id FROM team WHERE cohort_id = $1 AND state = ANY($2) ORDER BY id`,
      [ctx.id, states],
    );
    const reason =
      effect.event === 'WITHDRAW'
        ? (ctx.reason ?? (ctx.done.event === 'CANCEL' ? 'cohort cancelled' : 'not ready at launch'))
        : null;
    for (const t of teams)
      await this.fireIn(manager, t.id, null, effect.event as TeamEvent, { kind: 'system' }, { reason });
  }

  /** A team event fired by a person (goals submitted, returned or approved; a withdrawal). */
  async fire(
    actor: Actor,
    id: string,
    version: number,
    event: TeamEvent,
    params: TeamEventParams,
    ip: string | null,
  ): Promise<Team> {
    const team = await this.visible(actor, id);
    const roles = await this.rolesOf(actor.id, team.id);
    const caller: Caller = { kind: 'user', actor: { ...actor, teamRoles: { [team.id]: roles } }, teamRoles: roles };
    await this.dataSource.transaction((manager) =>
      this.fireIn(manager, team.id, version, event, caller, { ...params, ip }),
    );
    await this.outbox.relayNow();
    return (await this.byId(id))!;
  }

  /** The events this user may fire on the team now, with what blocks each. */
  async availableEvents(team: Team, actor: Actor, lang: Language): Promise<AvailableEvent[]> {
    const [row] = await queryRows<WorkflowRow>(this.dataSource.manager, `SELECT * FROM team WHERE id = $1`, [team.id]);
    if (!row) return [];
    const roles = await this.rolesOf(actor.id, team.id);
    const ctx = await this.context(this.dataSource.manager, row);
    return explainAvailable(
      availableEvents(teamMachine, row.state as TeamState, { kind: 'user', actor, teamRoles: roles }, ctx),
      lang,
    );
  }

  async byId(id: string): Promise<Team | null> {
    return this.dataSource.getRepository(Team).findOneBy({ id });
  }

  byIds(ids: readonly string[]): Promise<Team[]> {
    return this.dataSource.getRepository(Team).findBy({ id: In([...ids]) });
  }

  @LoadsBatch(TEAM)
  async teamsById(ids: readonly string[]): Promise<Map<string, Team>> {
    return byId(await this.byIds(ids), (t) => t.id);
  }

  async rolesOf(userId: string, teamId: string): Promise<TeamRole[]> {
    const rows = (await this.dataSource.query(`SELECT role FROM team_member WHERE team_id = $1 AND user_id = $2`, [
      teamId,
      userId,
    ])) as {
      role: TeamRole;
    }[];
    return rows.map((r) => r.role);
  }

  /** A team the actor may read; FORBIDDEN alike for one they may not read and one that does not exist. */
  async visible(actor: Actor, id: string): Promise<Team> {
    const team = /^[0-9a-f-]{36}$/i.test(id) ? await this.byId(id) : null;
    const office = actor.roles.includes('ADMIN') || actor.roles.includes('LEADERSHIP');
    if (!team) throw office ? AppError.notFound() : AppError.forbidden();
    const withRoles = { ...actor, teamRoles: { [team.id]: await this.rolesOf(actor.id, team.id) } };
    const resource = {
      type: 'team' as const,
      id: team.id,
      leadAgencyId: team.leadAgencyId,
      reviewerIds: await this.reviewersOf(team.id),
    };
    if (!can(withRoles, 'team.read', resource)) throw AppError.forbidden();
    return team;
  }

  /**
   * The reviewers assigned to the team's mid-point review (they read the team). The review feature
   * owns the assignments; the team only needs to know who they are, to let them in.
   */
  private async reviewersOf(teamId: string): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT reviewer_id FROM assessment WHERE team_id = $1 AND state <> 'UNASSIGNED'`,
      [teamId],
    )) as { reviewer_id: string }[];
    return rows.map((r) => r.reviewer_id);
  }

  async listVisible(actor: Actor, cohortId?: string | null, page = { limit: 50, offset: 0 }): Promise<Team[]> {
    const office = actor.roles.includes('ADMIN') || actor.roles.includes('LEADERSHIP');
    const focalAgency = actor.roles.includes('FOCAL_POINT') ? actor.agencyId : null;
    return this.dataSource
      .getRepository(Team)
      .createQueryBuilder('t')
      .where('(:cohortId::uuid IS NULL OR t.cohort_id = :cohortId)', { cohortId: cohortId ?? null })
      .andWhere(
        `(:office OR t.lead_agency_id = :focalAgency
          OR EXISTS (SELECT 1 FROM team_member m WHERE m.team_id = t.id AND m.user_id = :userId)
          OR (:reviewer AND EXISTS (SELECT 1 FROM assessment a WHERE a.team_id = t.id AND a.reviewer_id = :userId AND a.state <> 'UNASSIGNED')))`,
        { office, focalAgency, userId: actor.id, reviewer: actor.roles.includes('REVIEWER') },
      )
      .orderBy('t.name_en', 'ASC')
      .addOrderBy('t.id', 'ASC')
      .take(page.limit)
      .skip(page.offset)
      .getMany();
  }

  /** The deadlines of teams: their own and their parts' (which name the team in their params). */
  @LoadsBatch(TEAM_DEADLINES)
  async deadlinesOf(teamIds: readonly string[]): Promise<Map<string, DeadlineView[]>> {
    const rows = (await this.dataSource.query(
      `SELECT d.*, coalesce(d.params ->> 'teamId', d.subject_id::text) AS team_id
         FROM deadline d
        WHERE d.state <> 'CANCELLED'
          AND ((d.subject_type = 'team' AND d.subject_id = ANY($1::uuid[])) OR (d.params ? 'teamId' AND d.params ->> 'teamId' = ANY($1::text[])))
        ORDER BY d.original_due_at, d.kind`,
      [teamIds],
    )) as (DeadlineViewRow & { team_id: string; cohort_id: string })[];
    const cohorts = new Map<string, CohortCalendar>(
      (
        (await this.dataSource.query(`SELECT * FROM cohort WHERE id = ANY($1::uuid[])`, [
          [...new Set(rows.map((r) => r.cohort_id))],
        ])) as (Record<string, unknown> & { id: string })[]
      ).map((c) => [c.id, calendarOf(c)]),
    );
    const out = new Map<string, DeadlineView[]>(teamIds.map((id) => [id, []]));
    for (const r of rows) out.get(r.team_id)?.push(toDeadlineView(r, cohorts.get(r.cohort_id)!));
    return out;
  }

  @LoadsBatch(TEAM_MEMBERS)
  async members(teamIds: readonly string[]): Promise<Map<string, TeamMember[]>> {
    const rows = (await this.dataSource.query(
      `SELECT team_id, user_id, role, added_at FROM team_member WHERE team_id = ANY($1::uuid[]) ORDER BY added_at`,
      [teamIds],
    )) as { team_id: string; user_id: string; role: TeamRole; added_at: Date }[];
    const out = new Map<string, TeamMember[]>(teamIds.map((id) => [id, []]));
    for (const r of rows) out.get(r.team_id)!.push({ userId: r.user_id, role: r.role, addedAt: r.added_at });
    return out;
  }

  /** For each person, the roles they hold on teams still running, in the order of TEAM_ROLES. */
  @LoadsBatch(TEAM_ROLES_OF_USER)
  async teamRolesOf(userIds: readonly string[]): Promise<Map<string, TeamRole[]>> {
    const rows = await queryRows<{ user_id: string; role: TeamRole }>(
      this.dataSource.manager,
      `SELECT DISTINCT m.user_id, m.role FROM team_member m JOIN team t ON t.id = m.team_id
        WHERE m.user_id = ANY($1::uuid[]) AND t.state <> ALL($2::text[])`,
      [userIds, teamMachine.terminal],
    );
    const out = new Map<string, TeamRole[]>(userIds.map((id) => [id, []]));
    for (const r of rows) out.get(r.user_id)!.push(r.role);
    for (const roles of out.values()) roles.sort((a, b) => TEAM_ROLES.indexOf(a) - TEAM_ROLES.indexOf(b));
    return out;
  }
}
