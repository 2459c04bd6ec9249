import type { Audience, ChallengeState, Effect } from '@hundred/workflow';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { Clock } from '../common/clock.js';
import { calendarOf } from '../cohorts/cohort.entity.js';
import { queryRows } from '../database/sql.js';
import { OnDeadline, type DeadlineOutcome } from '../deadlines/deadline-actions.js';
import { DeadlineService, type DeadlineRow, type DeadlineSpec } from '../deadlines/deadline.service.js';
import { ResolvesAudience, type AudienceContext } from '../notifications/audience.service.js';
import { NotificationService } from '../notifications/notification.service.js';
import { TeamService } from '../teams/team.service.js';
import { GathersCohortFacts } from '../workflow/cohort-facts.js';
import {
  CancelsDeadlines,
  OnEffect,
  SchedulesDeadlines,
  type EffectContext,
  type WorkflowRow,
} from '../workflow/workflow-runner.js';
import { describeChallenge } from './challenge.service.js';

/** Submitted, not yet decided: what keeps a cohort's selection open. */
const UNDECIDED: ChallengeState[] = ['SUBMITTED', 'IN_SCREENING', 'RETURNED', 'RECOMMENDED'];

/** What each challenge deadline reminds of, to whom, and in which states it still makes sense. */
const CHALLENGE_DEADLINES: Record<string, { audience: ('OFFICE' | 'LEADERSHIP')[]; states: ChallengeState[] }> = {
  SCREENING_REMINDER: { audience: ['OFFICE'], states: ['SUBMITTED', 'IN_SCREENING'] },
  SCREENING_ESCALATION: { audience: ['LEADERSHIP', 'OFFICE'], states: ['SUBMITTED', 'IN_SCREENING'] },
  DECISION_REMINDER: { audience: ['LEADERSHIP'], states: ['RECOMMENDED'] },
  DECISION_OVERDUE: { audience: ['OFFICE'], states: ['RECOMMENDED'] },
};

/**
 * What the challenge machine's effects do, who its audiences are, what its deadlines do when they
 * come due, and the cohort fact it owns (undecided challenges).
 */
@Injectable()
export class ChallengeWorkflow {
  constructor(
    private readonly deadlines: DeadlineService,
    private readonly notifications: NotificationService,
    private readonly teams: TeamService,
    private readonly clock: Clock,
  ) {}

  @GathersCohortFacts('undecidedChallenges')
  async undecided(m: EntityManager, cohortId: string) {
    const [row] = await queryRows<{ n: number }>(
      m,
      `SELECT count(*)::int AS n FROM challenge WHERE cohort_id = $1 AND state = ANY($2)`,
      [cohortId, UNDECIDED],
    );
    return { undecidedChallenges: row?.n ?? 0 };
  }

  private async focalPointsOf(m: EntityManager, agencyIds: string[]): Promise<string[]> {
    const rows = await queryRows<{ id: string }>(
      m,
      `SELECT id FROM app_user WHERE active AND 'FOCAL_POINT' = ANY(roles) AND agency_id = ANY($1::uuid[])`,
      [agencyIds],
    );
    return rows.map((r) => r.id);
  }

  @ResolvesAudience('AGENCY_FOCAL_POINTS')
  async agencyFocalPoints(m: EntityManager, ctx: AudienceContext, _audience: Audience): Promise<string[]> {
    return ctx.agencyId ? this.focalPointsOf(m, [ctx.agencyId]) : [];
  }

  @ResolvesAudience('FOCAL_POINTS_WITH_DRAFTS')
  async focalPointsWithDrafts(m: EntityManager, ctx: AudienceContext): Promise<string[]> {
    if (!ctx.cohortId) return [];
    const agencies = await queryRows<{ lead_agency_id: string }>(
      m,
      `SELECT DISTINCT lead_agency_id FROM challenge WHERE cohort_id = $1 AND state IN ('DRAFT', 'RETURNED')`,
      [ctx.cohortId],
    );
    return agencies.length
      ? this.focalPointsOf(
          m,
          agencies.map((r) => r.lead_agency_id),
        )
      : [];
  }

  /** Screening and decision deadlines, counted in working days of the cohort's calendar. */
  @SchedulesDeadlines('challenge', 'SCREENING', 'DECISION')
  async schedule(m: EntityManager, e: Effect, ctx: EffectContext): Promise<void> {
    if (e.type !== 'scheduleDeadlines') return;
    const [cohort] = await queryRows<Record<string, unknown>>(m, `SELECT * FROM cohort WHERE id = $1`, [
      ctx.row.cohort_id,
    ]);
    const from = this.clock.now().toISOString();
    const base = { cohortId: ctx.row.cohort_id as string, subjectType: 'challenge', subjectId: ctx.id, group: e.group };
    const specs: DeadlineSpec[] =
      e.group === 'SCREENING'
        ? [
            { ...base, kind: 'SCREENING_REMINDER', rule: { rule: 'SCREENING_REMINDER', from } },
            { ...base, kind: 'SCREENING_ESCALATION', rule: { rule: 'SCREENING_ESCALATION', from } },
          ]
        : [
            { ...base, kind: 'DECISION_REMINDER', rule: { rule: 'DECISION_REMINDER', from } },
            { ...base, kind: 'DECISION_OVERDUE', rule: { rule: 'DECISION_DUE', from } },
          ];
    await this.deadlines.schedule(m, calendarOf(cohort!), specs);
  }

  @CancelsDeadlines('challenge')
  async cancel(m: EntityManager, e: Effect, ctx: EffectContext): Promise<void> {
    if (e.type === 'cancelDeadlines') await this.deadlines.cancel(m, 'challenge', ctx.id, e.group);
  }

  @OnEffect('challenge', 'recordApproval')
  async recordApproval(m: EntityManager, _e: Effect, ctx: EffectContext): Promise<void> {
    await m.query(`INSERT INTO challenge_approval (challenge_id, leader_id, approved_at) VALUES ($1, $2, $3)`, [
      ctx.id,
      ctx.actorId,
      this.clock.now(),
    ]);
  }

  @OnEffect('challenge', 'createTeam')
  async createTeam(m: EntityManager, _e: Effect, ctx: EffectContext): Promise<void> {
    const teamId = await this.teams.createFromChallenge(m, ctx.row);
    ctx.audience.teamId = teamId; // the SPONSOR and TEAM_LEAD of the notification that follows
    await m.query(`UPDATE challenge SET decided_at = $2 WHERE id = $1`, [ctx.id, this.clock.now()]);
  }

  /** A new start in the later cohort: screening and approvals begin again. */
  @OnEffect('challenge', 'carryOver')
  async carryOver(m: EntityManager, _e: Effect, ctx: EffectContext): Promise<void> {
    await m.query(`DELETE FROM challenge_score WHERE challenge_id = $1`, [ctx.id]);
    await m.query(`DELETE FROM challenge_approval WHERE challenge_id = $1`, [ctx.id]);
  }

  /** When intake closes, the drafts of the cohort are locked. */
  @OnEffect('cohort', 'lockDrafts')
  async lockDrafts(m: EntityManager, _e: Effect, ctx: EffectContext): Promise<void> {
    await m.query(
      `UPDATE challenge SET locked_at = $2 WHERE cohort_id = $1 AND state = 'DRAFT' AND locked_at IS NULL`,
      [ctx.id, this.clock.now()],
    );
  }

  @OnDeadline(Object.keys(CHALLENGE_DEADLINES))
  async remind(m: EntityManager, d: DeadlineRow): Promise<DeadlineOutcome> {
    const spec = CHALLENGE_DEADLINES[d.kind]!;
    const [row] = await queryRows<WorkflowRow>(m, `SELECT * FROM challenge WHERE id = $1`, [d.subject_id]);
    if (!row || !spec.states.includes(row.state as ChallengeState)) return { status: 'SKIPPED' };
    const { params, audience } = describeChallenge(row);
    await this.notifications.broadcast(m, {
      kind: d.kind,
      audience: spec.audience,
      params,
      dedupePrefix: `deadline-${d.id}`,
      subjectType: 'challenge',
      subjectId: row.id,
      context: audience,
    });
    return { status: 'FIRED' };
  }
}
