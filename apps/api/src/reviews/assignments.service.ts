import { can, conflictOf, proposeAssignment, type Actor, type ReviewedTeam, type Reviewer } from '@hundred/domain';
import { assessmentMachine } from '@hundred/workflow';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { queryRows } from '../database/sql.js';
import { NotificationService } from '../notifications/notification.service.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { TeamGate, type HeldTeam } from '../teams/team-gate.js';
import { TeamService } from '../teams/team.service.js';
import { WorkflowRunner } from '../workflow/workflow-runner.js';
import type { AssessmentEventInput, AssignReviewerInput, ConfirmReviewAssignmentInput } from './dto/review.inputs.js';
import { toAssessment, type AssessmentRow } from './review-rows.js';
import type {
  Assessment,
  ProposedAssignment,
  ReviewCandidate,
  ReviewConflict,
  TeamCandidates,
} from './reviews.types.js';

/** What conflicts of interest are judged on: the team's agencies and people. */
interface TeamFacts extends ReviewedTeam {
  cohortId: string;
  nameAr: string;
  nameEn: string;
}

/**
 * Who reviews which team: assignments made by the office, refused when the reviewer has a conflict
 * of interest (on the team, of its lead or a partner agency, or declared by them), a proposal for a
 * whole cohort that respects conflicts and spreads the load, and its confirmation in one go.
 */
@Injectable()
export class AssignmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly gate: TeamGate,
    private readonly teams: TeamService,
    private readonly runner: WorkflowRunner,
    private readonly notifications: NotificationService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  private async teamFacts(manager: EntityManager, teamIds: readonly string[]): Promise<Map<string, TeamFacts>> {
    const rows = await queryRows<{
      id: string;
      cohort_id: string;
      name_ar: string;
      name_en: string;
      lead_agency_id: string;
      partner_agency_ids: string[] | null;
      member_ids: string[];
    }>(
      manager,
      `SELECT t.id, t.cohort_id, t.name_ar, t.name_en, t.lead_agency_id, c.partner_agency_ids,
              coalesce((SELECT array_agg(DISTINCT m.user_id) FROM team_member m WHERE m.team_id = t.id), '{}') AS member_ids
         FROM team t JOIN challenge c ON c.id = t.challenge_id WHERE t.id = ANY($1::uuid[])`,
      [teamIds],
    );
    return new Map(
      rows.map((r) => [
        r.id,
        {
          id: r.id,
          cohortId: r.cohort_id,
          nameAr: r.name_ar,
          nameEn: r.name_en,
          leadAgencyId: r.lead_agency_id,
          partnerAgencyIds: r.partner_agency_ids ?? [],
          memberIds: r.member_ids,
        },
      ]),
    );
  }

  /** Reviewers (active people with the reviewer role), by id. */
  private async reviewersById(manager: EntityManager, ids?: readonly string[]): Promise<Map<string, Reviewer>> {
    const rows = await queryRows<{ id: string; agency_id: string }>(
      manager,
      `SELECT id, agency_id FROM app_user WHERE active AND 'REVIEWER' = ANY(roles) ${ids ? 'AND id = ANY($1::uuid[])' : ''}
        ORDER BY name_en, id`,
      ids ? [ids] : [],
    );
    return new Map(rows.map((r) => [r.id, { id: r.id, agencyId: r.agency_id }]));
  }

  /** Teams on which a reviewer declared a conflict: never proposed or assigned there again. */
  private async declared(manager: EntityManager, teamIds: readonly string[]): Promise<Map<string, string[]>> {
    const rows = await queryRows<{ team_id: string; reviewer_id: string }>(
      manager,
      `SELECT DISTINCT team_id, reviewer_id FROM assessment WHERE team_id = ANY($1::uuid[]) AND conflict_declared`,
      [teamIds],
    );
    const out = new Map<string, string[]>(teamIds.map((id) => [id, []]));
    for (const r of rows) out.get(r.team_id)!.push(r.reviewer_id);
    return out;
  }

  private conflictFor(reviewer: Reviewer, team: TeamFacts, declared: readonly string[]): ReviewConflict | null {
    return conflictOf(reviewer, team) ?? (declared.includes(reviewer.id) ? 'DECLARED' : null);
  }

  /** Assigns one reviewer in the caller's transaction, holding the team; refuses a conflict by name. */
  private async assignHeld(manager: EntityManager, actor: Actor, held: HeldTeam, reviewerId: string): Promise<string> {
    const reviewer = (await this.reviewersById(manager, [reviewerId])).get(reviewerId);
    if (!reviewer) throw AppError.field('reviewerId', 'error.notAReviewer');
    const team = (await this.teamFacts(manager, [held.id])).get(held.id)!;
    const conflict = this.conflictFor(reviewer, team, (await this.declared(manager, [held.id])).get(held.id)!);
    if (conflict) {
      throw new AppError(
        'NOT_ALLOWED',
        'error.reviewerConflict',
        { conflict: `conflict.${conflict}` },
        [{ field: 'reviewerId', key: 'error.reviewerConflict', params: { conflict: `conflict.${conflict}` } }],
        { guard: 'NO_CONFLICT_OF_INTEREST', conflict },
      );
    }
    await manager.query(`INSERT INTO review (cohort_id, team_id) VALUES ($1, $2) ON CONFLICT (team_id) DO NOTHING`, [
      held.cohortId,
      held.id,
    ]);
    const [review] = await queryRows<{ id: string; state: string }>(
      manager,
      `SELECT id, state FROM review WHERE team_id = $1 FOR NO KEY UPDATE`,
      [held.id],
    );
    const [row] = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO assessment (review_id, team_id, reviewer_id, assigned_by, assigned_at)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING id`,
      [review!.id, held.id, reviewerId, actor.id, this.clock.now()],
    );
    if (!row) throw AppError.field('reviewerId', 'error.alreadyAssigned');
    await this.audit.record(manager, {
      actorId: actor.id,
      action: 'review.reviewer_assigned',
      subjectType: 'team',
      subjectId: held.id,
      data: { reviewerId, assessmentId: row.id },
    });
    await this.notifications.createMany(manager, [
      {
        userId: reviewerId,
        kind: 'ASSESSMENT_ASSIGNED',
        dedupeKey: `assessment-${row.id}`,
        params: { teamNameAr: held.nameAr, teamNameEn: held.nameEn },
        subjectType: 'assessment',
        subjectId: row.id,
      },
    ]);
    return row.id;
  }

  async assign(actor: Actor, input: AssignReviewerInput): Promise<Assessment> {
    const id = await this.gate.write(actor, input.teamId, 'ASSIGN_REVIEWER', (manager, held) =>
      this.assignHeld(manager, actor, held, input.reviewerId),
    );
    await this.outbox.relayNow();
    return this.byId(id);
  }

  /**
   * Makes the cohort's assignment what the office confirms: the reviewers listed for each team are
   * assigned, those no longer listed unassigned (one who has submitted cannot be), all or nothing.
   */
  async confirm(actor: Actor, input: ConfirmReviewAssignmentInput): Promise<Assessment[]> {
    const teamIds = [...new Set(input.teams.map((t) => t.teamId))].sort();
    await this.dataSource.transaction(async (manager) => {
      for (const teamId of teamIds) {
        const wanted = new Set(input.teams.filter((t) => t.teamId === teamId).flatMap((t) => t.reviewerIds));
        await this.gate.writeIn(manager, actor, teamId, 'ASSIGN_REVIEWER', async (m, held) => {
          if (held.cohortId !== input.cohortId) throw AppError.field('teams', 'error.notThisCohortsTeam');
          const live = await queryRows<AssessmentRow>(
            m,
            `SELECT * FROM assessment WHERE team_id = $1 AND state <> 'UNASSIGNED' ORDER BY id`,
            [teamId],
          );
          for (const a of live.filter((x) => !wanted.has(x.reviewer_id))) await this.fireUnassign(m, actor, a);
          for (const reviewerId of [...wanted].filter((r) => !live.some((x) => x.reviewer_id === r)).sort())
            await this.assignHeld(m, actor, held, reviewerId);
        });
      }
    });
    await this.outbox.relayNow();
    const rows = (await this.dataSource.query(
      `SELECT * FROM assessment WHERE team_id = ANY($1::uuid[]) AND state <> 'UNASSIGNED' ORDER BY team_id, assigned_at, id`,
      [teamIds],
    )) as AssessmentRow[];
    return rows.map(toAssessment);
  }

  /** The office takes a reviewer off a team (refused once they have submitted). */
  async unassign(actor: Actor, input: AssessmentEventInput): Promise<Assessment> {
    const [row] = (await this.dataSource.query(`SELECT * FROM assessment WHERE id = $1`, [
      input.id,
    ])) as AssessmentRow[];
    if (!row) throw AppError.forbidden();
    await this.teams.visible(actor, row.team_id);
    await this.dataSource.transaction((manager) => this.fireUnassign(manager, actor, row, input.version));
    await this.outbox.relayNow();
    return this.byId(input.id);
  }

  /** UNASSIGN through the assessment machine (refused once submitted). */
  async fireUnassign(
    manager: EntityManager,
    actor: Actor,
    a: AssessmentRow,
    version: number | null = null,
  ): Promise<void> {
    const team = await this.teams.byId(a.team_id);
    await this.runner.fire(manager, {
      machine: assessmentMachine,
      subject: 'assessment',
      table: 'assessment',
      id: a.id,
      expectedVersion: version,
      event: 'UNASSIGN',
      caller: { kind: 'user', actor },
      context: async () => ({ reviewOpen: false, allCriteriaScored: false, recommendationGiven: false }),
      notice: () => ({
        params: { teamNameAr: team?.nameAr, teamNameEn: team?.nameEn },
        audience: { teamId: a.team_id, reviewId: a.review_id, reviewerId: a.reviewer_id },
        link: { subjectType: 'assessment', subjectId: a.id },
      }),
    });
  }

  /** Every reviewer, with the conflict that keeps them off this team and their load in its cohort. */
  async candidates(actor: Actor, teamId: string): Promise<ReviewCandidate[]> {
    const visible = await this.teams.visible(actor, teamId);
    if (!can(actor, 'team.assignReviewers', { type: 'team', id: visible.id, leadAgencyId: visible.leadAgencyId }))
      throw AppError.forbidden();
    return (await this.candidatesOf(visible.cohortId, [teamId])).get(teamId)!;
  }

  /** The same for every active team of a cohort, in a handful of queries (the office's assignment page). */
  async cohortCandidates(actor: Actor, cohortId: string): Promise<TeamCandidates[]> {
    if (!can(actor, 'team.assignReviewers', { type: 'team' })) throw AppError.forbidden();
    const ids = (
      await queryRows<{ id: string }>(
        this.dataSource.manager,
        `SELECT id FROM team WHERE cohort_id = $1 AND state IN ('ACTIVE', 'UNDER_REVIEW') ORDER BY name_en, id`,
        [cohortId],
      )
    ).map((r) => r.id);
    const byTeam = await this.candidatesOf(cohortId, ids);
    return ids.map((teamId) => ({ teamId, candidates: byTeam.get(teamId)! }));
  }

  private async candidatesOf(cohortId: string, teamIds: string[]): Promise<Map<string, ReviewCandidate[]>> {
    const manager = this.dataSource.manager;
    const facts = await this.teamFacts(manager, teamIds);
    const declared = await this.declared(manager, teamIds);
    const loads = await this.loads(manager, cohortId);
    const assigned = await queryRows<{ team_id: string; reviewer_id: string }>(
      manager,
      `SELECT team_id, reviewer_id FROM assessment WHERE team_id = ANY($1::uuid[]) AND state <> 'UNASSIGNED'`,
      [teamIds],
    );
    const reviewers = [...(await this.reviewersById(manager)).values()];
    return new Map(
      teamIds.map((teamId) => [
        teamId,
        reviewers.map((r) => ({
          reviewerId: r.id,
          conflict: this.conflictFor(r, facts.get(teamId)!, declared.get(teamId) ?? []),
          assigned: assigned.some((a) => a.team_id === teamId && a.reviewer_id === r.id),
          load: loads.get(r.id) ?? 0,
        })),
      ]),
    );
  }

  private async loads(manager: EntityManager, cohortId: string): Promise<Map<string, number>> {
    const rows = await queryRows<{ reviewer_id: string; n: number }>(
      manager,
      `SELECT a.reviewer_id, count(*)::int AS n FROM assessment a JOIN review r ON r.id = a.review_id
        WHERE r.cohort_id = $1 AND a.state <> 'UNASSIGNED' GROUP BY a.reviewer_id`,
      [cohortId],
    );
    return new Map(rows.map((r) => [r.reviewer_id, r.n]));
  }

  /** A proposal for every active team of the cohort: the cohort's minimum each, no conflict, even loads. */
  async propose(actor: Actor, cohortId: string): Promise<ProposedAssignment[]> {
    if (!can(actor, 'team.assignReviewers', { type: 'team' })) throw AppError.forbidden();
    const manager = this.dataSource.manager;
    const [cohort] = await queryRows<{ min_reviewers: number }>(
      manager,
      `SELECT min_reviewers FROM cohort WHERE id = $1`,
      [cohortId],
    );
    if (!cohort) throw AppError.notFound();
    const ids = (
      await queryRows<{ id: string }>(
        manager,
        `SELECT id FROM team WHERE cohort_id = $1 AND state IN ('ACTIVE', 'UNDER_REVIEW') ORDER BY id`,
        [cohortId],
      )
    ).map((r) => r.id);
    const facts = await this.teamFacts(manager, ids);
    const declared = await this.declared(manager, ids);
    const live = await queryRows<{ team_id: string; reviewer_id: string }>(
      manager,
      `SELECT team_id, reviewer_id FROM assessment WHERE team_id = ANY($1::uuid[]) AND state <> 'UNASSIGNED'`,
      [ids],
    );
    const proposal = proposeAssignment(
      ids.map((id) => ({
        ...facts.get(id)!,
        assigned: live.filter((l) => l.team_id === id).map((l) => l.reviewer_id),
        excluded: declared.get(id) ?? [],
      })),
      [...(await this.reviewersById(manager)).values()],
      cohort.min_reviewers,
    );
    return ids.map((id) => ({
      teamId: id,
      reviewerIds: [...(proposal.assignments.get(id) ?? [])],
      short: proposal.short.includes(id),
    }));
  }

  private async byId(id: string): Promise<Assessment> {
    const [row] = (await this.dataSource.query(`SELECT * FROM assessment WHERE id = $1`, [id])) as AssessmentRow[];
    return toAssessment(row!);
  }
}
