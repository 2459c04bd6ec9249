import { assessmentsDeadline, type Actor } from '@hundred/domain';
import { reviewMachine, type Audience, type Caller, type Effect, type ReviewEvent } from '@hundred/workflow';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { Clock } from '../common/clock.js';
import { calendarOf } from '../cohorts/cohort.entity.js';
import { queryRows } from '../database/sql.js';
import { OnDeadline, type DeadlineOutcome } from '../deadlines/deadline-actions.js';
import { DeadlineService, type DeadlineRow } from '../deadlines/deadline.service.js';
import { groupBy, LoadsBatch } from '../graphql-context/loaders.js';
import { ResolvesAudience, type AudienceContext } from '../notifications/audience.service.js';
import { NotificationService } from '../notifications/notification.service.js';
import { OutboxService } from '../outbox/outbox.service.js';
import type { Team } from '../teams/team.entity.js';
import { TeamService } from '../teams/team.service.js';
import { GathersCohortFacts } from '../workflow/cohort-facts.js';
import { GathersTeamFacts } from '../workflow/team-facts.js';
import {
  CancelsDeadlines,
  Cascades,
  SchedulesDeadlines,
  WorkflowRunner,
  type EffectContext,
  type WorkflowRow,
} from '../workflow/workflow-runner.js';
import type { DecideMidpointInput } from './dto/review.inputs.js';
import { toAssessment, toReview, type AssessmentRow, type ReviewRow } from './review-rows.js';
import { ASSESSMENTS_OF_REVIEW, REVIEW_OF_TEAM } from './reviews.loaders.js';
import type { Assessment, MidpointReview } from './reviews.types.js';

/** Assessments that still count: assigned, drafted or submitted (not unassigned). */
const LIVE = `state <> 'UNASSIGNED'`;

/**
 * The mid-point review as the workflow sees it: the reviews of a cohort opened with its mid-point
 * and decided with each team, their deadlines (reviewers reminded, the office told of missing
 * assessments), who the reviewers are, the counts the cohort's and the team's guards read, and the
 * office's decision.
 */
@Injectable()
export class ReviewsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly runner: WorkflowRunner,
    private readonly teams: TeamService,
    private readonly deadlines: DeadlineService,
    private readonly notifications: NotificationService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  // ---------------------------------------------------------------- the guards' facts

  /** Active teams with fewer live assignments than the cohort's minimum; under review: not yet decided. */
  @GathersCohortFacts('teamsShortOfReviewers', 'teamsWithoutMidpointDecision')
  async midpointFacts(manager: EntityManager, cohortId: string, withTeams = false) {
    const rows = await queryRows<{ name_ar: string; name_en: string; short: boolean; undecided: boolean }>(
      manager,
      `SELECT t.name_ar, t.name_en,
              t.state = 'ACTIVE' AND (SELECT count(*) FROM assessment a WHERE a.team_id = t.id AND a.${LIVE}) < c.min_reviewers AS short,
              t.state = 'UNDER_REVIEW' AS undecided
         FROM team t JOIN cohort c ON c.id = t.cohort_id
        WHERE t.cohort_id = $1 AND t.state IN ('ACTIVE', 'UNDER_REVIEW')
        ORDER BY t.name_en`,
      [cohortId],
    );
    const names = (list: typeof rows) => list.map((r) => ({ nameAr: r.name_ar, nameEn: r.name_en }));
    return {
      teamsShortOfReviewers: rows.filter((r) => r.short).length,
      teamsWithoutMidpointDecision: rows.filter((r) => r.undecided).length,
      teams: withTeams
        ? {
            teamsShortOfReviewers: names(rows.filter((r) => r.short)),
            teamsWithoutMidpointDecision: names(rows.filter((r) => r.undecided)),
          }
        : undefined,
    };
  }

  /**
   * DECIDE_MIDPOINT may go ahead once the cohort's minimum of assessments is in, or their due time
   * has passed. The review row is locked first, so assessments being submitted at this moment are
   * either counted or refused (their review is no longer open), never lost in between.
   */
  @GathersTeamFacts('assessmentsInOrDue')
  async assessmentsInOrDue(manager: EntityManager, team: WorkflowRow) {
    const { submitted, minimum, dueAt } = await this.countIn(manager, team.id, team.cohort_id as string);
    return { assessmentsInOrDue: submitted >= minimum || this.clock.now().getTime() >= dueAt.getTime() };
  }

  private async countIn(manager: EntityManager, teamId: string, cohortId: string) {
    await manager.query(`SELECT id FROM review WHERE team_id = $1 FOR NO KEY UPDATE`, [teamId]);
    const [row] = await queryRows<{ submitted: number }>(
      manager,
      `SELECT count(*)::int AS submitted FROM assessment WHERE team_id = $1 AND state = 'SUBMITTED'`,
      [teamId],
    );
    const [cohort] = await queryRows<Record<string, unknown>>(manager, `SELECT * FROM cohort WHERE id = $1`, [
      cohortId,
    ]);
    return {
      submitted: row?.submitted ?? 0,
      minimum: Number(cohort!.min_reviewers),
      dueAt: assessmentsDeadline(calendarOf(cohort!)).dueAt,
    };
  }

  // ---------------------------------------------------------------- who the reviewers are

  /** The reviewer of an assessment; of a review, its reviewers; of a cohort, all of them. */
  @ResolvesAudience('REVIEWERS')
  async reviewers(manager: EntityManager, ctx: AudienceContext, _audience: Audience): Promise<string[]> {
    if (ctx.reviewerId) return [ctx.reviewerId];
    const rows = ctx.reviewId
      ? await queryRows<{ reviewer_id: string }>(
          manager,
          `SELECT DISTINCT reviewer_id FROM assessment WHERE review_id = $1 AND ${LIVE}`,
          [ctx.reviewId],
        )
      : ctx.cohortId
        ? await queryRows<{ reviewer_id: string }>(
            manager,
            `SELECT DISTINCT a.reviewer_id FROM assessment a JOIN review r ON r.id = a.review_id
              WHERE r.cohort_id = $1 AND a.${LIVE}`,
            [ctx.cohortId],
          )
        : [];
    return rows.map((r) => r.reviewer_id);
  }

  // ---------------------------------------------------------------- the review machine

  private async fireReview(manager: EntityManager, review: ReviewRow, event: ReviewEvent, at: string) {
    const team = await this.teams.byId(review.team_id);
    await this.runner.fire(manager, {
      machine: reviewMachine,
      subject: 'review',
      table: 'review',
      id: review.id,
      expectedVersion: null,
      event,
      caller: { kind: 'system' },
      context: async () => ({}),
      set: () => ({ [at]: this.clock.now() }),
      notice: () => ({
        params: { teamNameAr: team?.nameAr, teamNameEn: team?.nameEn },
        audience: { cohortId: review.cohort_id, teamId: review.team_id, reviewId: review.id },
        link: { subjectType: 'team', subjectId: review.team_id },
      }),
    });
  }

  /** OPEN_MIDPOINT opens the review of every team it put under review. */
  @Cascades('cohort', 'review')
  async openReviews(manager: EntityManager, effect: Effect, ctx: EffectContext): Promise<void> {
    if (effect.type !== 'cascade' || effect.event !== 'OPEN') return;
    const reviews = await queryRows<ReviewRow>(
      manager,
      `SELECT r.* FROM review r JOIN team t ON t.id = r.team_id
        WHERE r.cohort_id = $1 AND r.state = 'SCHEDULED' AND t.state = 'UNDER_REVIEW' ORDER BY r.id`,
      [ctx.id],
    );
    for (const r of reviews) await this.fireReview(manager, r, 'OPEN', 'opened_at');
  }

  /** The team's mid-point decision closes its review. */
  @Cascades('team', 'review')
  async decideReview(manager: EntityManager, effect: Effect, ctx: EffectContext): Promise<void> {
    if (effect.type !== 'cascade' || effect.event !== 'DECIDE') return;
    const [review] = await queryRows<ReviewRow>(manager, `SELECT * FROM review WHERE team_id = $1 AND state = 'OPEN'`, [
      ctx.id,
    ]);
    if (review) await this.fireReview(manager, review, 'DECIDE', 'decided_at');
  }

  /** When a review opens: the reviewers' reminder before the assessments are due, and the office's notice after. */
  @SchedulesDeadlines('review', 'ASSESSMENTS')
  async scheduleAssessments(manager: EntityManager, _effect: Effect, ctx: EffectContext): Promise<void> {
    const [cohort] = await queryRows<Record<string, unknown>>(manager, `SELECT * FROM cohort WHERE id = $1`, [
      ctx.row.cohort_id,
    ]);
    const base = {
      cohortId: ctx.row.cohort_id as string,
      subjectType: 'review',
      subjectId: ctx.id,
      group: 'ASSESSMENTS' as const,
      // The team the review is of: its deadlines are shown on the team.
      params: { teamId: ctx.row.team_id as string },
    };
    await this.deadlines.schedule(manager, calendarOf(cohort!), [
      { ...base, kind: 'ASSESSMENTS_REMINDER', rule: { rule: 'ASSESSMENTS_REMINDER' } },
      { ...base, kind: 'ASSESSMENTS_OVERDUE', rule: { rule: 'ASSESSMENTS_DUE' } },
    ]);
  }

  @CancelsDeadlines('review')
  async cancelDeadlines(manager: EntityManager, effect: Effect, ctx: EffectContext): Promise<void> {
    if (effect.type === 'cancelDeadlines') await this.deadlines.cancel(manager, 'review', ctx.id, effect.group);
  }

  /** The review a deadline is about, its team, and the assessments not yet submitted, if it is still open. */
  private async pending(manager: EntityManager, d: DeadlineRow) {
    const [review] = await queryRows<ReviewRow & { team_state: string; name_ar: string; name_en: string }>(
      manager,
      `SELECT r.*, t.state AS team_state, t.name_ar, t.name_en FROM review r JOIN team t ON t.id = r.team_id WHERE r.id = $1`,
      [d.subject_id],
    );
    if (!review || review.state !== 'OPEN' || review.team_state !== 'UNDER_REVIEW') return null;
    const missing = await queryRows<{ reviewer_id: string; name_ar: string; name_en: string }>(
      manager,
      `SELECT a.reviewer_id, u.name_ar, u.name_en FROM assessment a JOIN app_user u ON u.id = a.reviewer_id
        WHERE a.review_id = $1 AND a.state IN ('ASSIGNED', 'DRAFT') ORDER BY u.name_en`,
      [review.id],
    );
    return missing.length ? { review, missing } : null;
  }

  /** Two days before the assessments are due: each reviewer who has not submitted is reminded. */
  @OnDeadline('ASSESSMENTS_REMINDER')
  async remindReviewers(manager: EntityManager, d: DeadlineRow): Promise<DeadlineOutcome> {
    const open = await this.pending(manager, d);
    if (!open) return { status: 'SKIPPED' };
    const assessments = await queryRows<{ id: string; reviewer_id: string }>(
      manager,
      `SELECT id, reviewer_id FROM assessment WHERE review_id = $1 AND state IN ('ASSIGNED', 'DRAFT')`,
      [open.review.id],
    );
    await this.notifications.createMany(
      manager,
      assessments.map((a) => ({
        userId: a.reviewer_id,
        kind: 'ASSESSMENTS_REMINDER',
        dedupeKey: `deadline-${d.id}-${a.reviewer_id}`,
        params: { teamNameAr: open.review.name_ar, teamNameEn: open.review.name_en, dueAt: d.due_at.toISOString() },
        subjectType: 'assessment',
        subjectId: a.id,
      })),
    );
    return { status: 'FIRED' };
  }

  /** When they are due: the office is told which assessments are missing. */
  @OnDeadline('ASSESSMENTS_OVERDUE')
  async missingAssessments(manager: EntityManager, d: DeadlineRow): Promise<DeadlineOutcome> {
    const open = await this.pending(manager, d);
    if (!open) return { status: 'SKIPPED' };
    await this.notifications.broadcast(manager, {
      kind: 'ASSESSMENTS_OVERDUE',
      audience: ['OFFICE'],
      params: {
        teamNameAr: open.review.name_ar,
        teamNameEn: open.review.name_en,
        missing: open.missing.length,
        reviewersAr: open.missing.map((m) => m.name_ar).join('، '),
        reviewersEn: open.missing.map((m) => m.name_en).join(', '),
      },
      dedupePrefix: `deadline-${d.id}`,
      subjectType: 'team',
      subjectId: open.review.team_id,
      context: { cohortId: d.cohort_id, teamId: open.review.team_id, reviewId: open.review.id },
    });
    return { status: 'FIRED' };
  }

  // ---------------------------------------------------------------- the decision

  /**
   * The office decides: CONTINUE and COURSE_CORRECT return the team to ACTIVE (the corrections are
   * kept on the team), ESCALATE returns it and tells leadership and the sponsor, STOP stops it and
   * cancels its deadlines, all in one transaction with the review's closing.
   */
  async decide(actor: Actor, input: DecideMidpointInput, ip: string | null): Promise<Team> {
    const team = await this.teams.visible(actor, input.teamId);
    const caller: Caller = { kind: 'user', actor };
    await this.dataSource.transaction(async (manager) => {
      // The team first, then its review: the order every write of the review takes.
      await manager.query(`SELECT id FROM team WHERE id = $1 FOR NO KEY UPDATE`, [team.id]);
      const { submitted } = await this.countIn(manager, team.id, team.cohortId);
      await this.teams.fireIn(manager, team.id, input.version, 'DECIDE_MIDPOINT', caller, {
        reason: input.reason,
        given: { decision: input.decision },
        ip,
        columns: {
          midpoint_decision: input.decision,
          midpoint_corrections: input.decision === 'COURSE_CORRECT' ? input.corrections || null : null,
          midpoint_decided_at: this.clock.now(),
        },
        data: { decision: input.decision, assessmentsIn: submitted },
      });
    });
    await this.outbox.relayNow();
    return (await this.teams.byId(team.id))!;
  }

  // ---------------------------------------------------------------- reading in batches

  @LoadsBatch(REVIEW_OF_TEAM)
  async reviewsOfTeams(teamIds: readonly string[]): Promise<Map<string, MidpointReview>> {
    const rows = (await this.dataSource.query(`SELECT * FROM review WHERE team_id = ANY($1::uuid[])`, [
      teamIds,
    ])) as ReviewRow[];
    return new Map(rows.map((r) => [r.team_id, toReview(r)]));
  }

  @LoadsBatch(ASSESSMENTS_OF_REVIEW)
  async assessmentsOf(reviewIds: readonly string[]): Promise<Map<string, Assessment[]>> {
    const rows = (await this.dataSource.query(
      `SELECT * FROM assessment WHERE review_id = ANY($1::uuid[]) ORDER BY assigned_at, id`,
      [reviewIds],
    )) as AssessmentRow[];
    const grouped = groupBy(reviewIds, rows, (r) => r.review_id);
    return new Map([...grouped].map(([id, list]) => [id, list.map(toAssessment)]));
  }

  /** When the assessments of a cohort are due. */
  async dueAt(cohortId: string): Promise<Date> {
    const [cohort] = await queryRows<Record<string, unknown>>(
      this.dataSource.manager,
      `SELECT * FROM cohort WHERE id = $1`,
      [cohortId],
    );
    return assessmentsDeadline(calendarOf(cohort!)).dueAt;
  }
}
