import { MIDPOINT_CRITERIA, type MidpointCriterion, type Recommendation } from '@hundred/domain';
import type { AssessmentState, ReviewState } from '@hundred/workflow';

import type { Assessment, CriterionScore, MidpointReview } from './reviews.types.js';

export interface ReviewRow {
  id: string;
  cohort_id: string;
  team_id: string;
  state: ReviewState;
  version: number;
  opened_at: Date | null;
  decided_at: Date | null;
  [column: string]: unknown;
}

export interface AssessmentRow {
  id: string;
  review_id: string;
  team_id: string;
  reviewer_id: string;
  state: AssessmentState;
  version: number;
  scores: { criterion: MidpointCriterion; score: number | null; comment: string }[];
  recommendation: Recommendation | null;
  comment: string;
  assigned_at: Date;
  submitted_at: Date | null;
  conflict_declared: boolean;
  [column: string]: unknown;
}

export const toReview = (r: ReviewRow): MidpointReview => ({
  id: r.id,
  cohortId: r.cohort_id,
  teamId: r.team_id,
  state: r.state,
  version: r.version,
  openedAt: r.opened_at,
  decidedAt: r.decided_at,
});

/** Every criterion in its order, with what was scored of it (empty ones too). */
export function allCriteria(scores: readonly Partial<CriterionScore>[]): CriterionScore[] {
  return MIDPOINT_CRITERIA.map((criterion) => {
    const s = scores.find((x) => x.criterion === criterion);
    return { criterion, score: s?.score ?? null, comment: s?.comment ?? '' };
  });
}

export const toAssessment = (r: AssessmentRow): Assessment => ({
  id: r.id,
  reviewId: r.review_id,
  teamId: r.team_id,
  reviewerId: r.reviewer_id,
  state: r.state,
  version: r.version,
  scores: allCriteria(r.scores),
  recommendation: r.recommendation,
  comment: r.comment,
  assignedAt: r.assigned_at,
  submittedAt: r.submitted_at,
  conflictDeclared: r.conflict_declared,
});
