import { MIDPOINT_CRITERIA, type Actor } from '@hundred/domain';
import { assessmentMachine, type AssessmentEvent, type Caller } from '@hundred/workflow';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { queryRows } from '../database/sql.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { WorkflowRunner } from '../workflow/workflow-runner.js';
import type { AssessmentEventInput, AssessmentFieldsInput, DeclareReviewConflictInput } from './dto/review.inputs.js';
import { allCriteria, toAssessment, type AssessmentRow } from './review-rows.js';
import type { Assessment } from './reviews.types.js';

const seesAll = (actor: Actor) => actor.roles.includes('ADMIN') || actor.roles.includes('LEADERSHIP');

/**
 * A reviewer's assessments: drafts saved any number of times (each a version, a stale one a
 * CONFLICT), submitted once with every criterion scored and a recommendation, never edited after;
 * a conflict declared by the reviewer unassigns them.
 */
@Injectable()
export class AssessmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly runner: WorkflowRunner,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  /** An assessment the actor may read: their own, or any for the office and leadership. */
  async visible(actor: Actor, id: string): Promise<Assessment> {
    const [row] = (await this.dataSource.query(`SELECT * FROM assessment WHERE id = $1`, [id])) as AssessmentRow[];
    if (!row) throw seesAll(actor) ? AppError.notFound() : AppError.forbidden();
    if (!seesAll(actor) && row.reviewer_id !== actor.id) throw AppError.forbidden();
    return toAssessment(row);
  }

  /** The reviewer's own assignments, the ones to do first. */
  async mine(actor: Actor): Promise<Assessment[]> {
    const rows = (await this.dataSource.query(
      `SELECT a.* FROM assessment a JOIN review r ON r.id = a.review_id
        WHERE a.reviewer_id = $1 AND a.state <> 'UNASSIGNED'
        ORDER BY (a.state = 'SUBMITTED'), r.state = 'DECIDED', a.assigned_at DESC LIMIT 200`,
      [actor.id],
    )) as AssessmentRow[];
    return rows.map(toAssessment);
  }

  private caller(actor: Actor, row: Pick<AssessmentRow, 'reviewer_id'>): Caller {
    return { kind: 'user', actor, relations: row.reviewer_id === actor.id ? ['ASSIGNED_REVIEWER'] : [] };
  }

  private async fire(
    actor: Actor,
    input: AssessmentEventInput,
    event: AssessmentEvent,
    fields?: AssessmentFieldsInput,
    extra: { reason?: string; set?: Record<string, unknown> } = {},
  ): Promise<Assessment> {
    const original = await this.visible(actor, input.id);
    const scores = fields ? allCriteria(fields.scores) : null;
    await this.dataSource.transaction(async (manager: EntityManager) => {
      const [names] = await queryRows<{ name_ar: string; name_en: string; cohort_id: string }>(
        manager,
        `SELECT name_ar, name_en, cohort_id FROM team WHERE id = $1`,
        [original.teamId],
      );
      await this.runner.fire(manager, {
        machine: assessmentMachine,
        subject: 'assessment',
        table: 'assessment',
        id: input.id,
        expectedVersion: input.version,
        event,
        caller: this.caller(actor, { reviewer_id: original.reviewerId }),
        reason: extra.reason ?? null,
        // The review is read under a shared lock: a decision taken at this moment waits for this
        // assessment (and counts it), or this assessment finds the review closed.
        context: async (m) => {
          const [review] = await queryRows<{ state: string }>(m, `SELECT state FROM review WHERE id = $1 FOR SHARE`, [
            original.reviewId,
          ]);
          return {
            reviewOpen: review?.state === 'OPEN',
            allCriteriaScored:
              !!scores &&
              MIDPOINT_CRITERIA.every((c) => {
                const s = scores.find((x) => x.criterion === c)?.score;
                return typeof s === 'number' && s >= 1 && s <= 5;
              }),
            recommendationGiven: !!fields?.recommendation,
            reason: extra.reason ?? null,
          };
        },
        set: () => ({
          ...(fields
            ? { scores: JSON.stringify(scores), recommendation: fields.recommendation ?? null, comment: fields.comment }
            : {}),
          ...(extra.set ?? {}),
        }),
        notice: () => ({
          params: { teamNameAr: names?.name_ar, teamNameEn: names?.name_en },
          audience: {
            teamId: original.teamId,
            cohortId: names?.cohort_id,
            reviewId: original.reviewId,
            reviewerId: original.reviewerId,
          },
          link:
            event === 'SUBMIT' || event === 'DECLARE_CONFLICT'
              ? { subjectType: 'team', subjectId: original.teamId }
              : { subjectType: 'assessment', subjectId: input.id },
        }),
      });
    });
    await this.outbox.relayNow();
    return this.visible(actor, input.id);
  }

  saveDraft(actor: Actor, input: AssessmentFieldsInput): Promise<Assessment> {
    return this.fire(actor, input, 'SAVE_DRAFT', input);
  }

  submit(actor: Actor, input: AssessmentFieldsInput): Promise<Assessment> {
    return this.fire(actor, input, 'SUBMIT', input, { set: { submitted_at: this.clock.now() } });
  }

  declareConflict(actor: Actor, input: DeclareReviewConflictInput): Promise<Assessment> {
    return this.fire(actor, input, 'DECLARE_CONFLICT', undefined, {
      reason: input.reason,
      set: { conflict_declared: true },
    });
  }
}
