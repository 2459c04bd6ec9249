import {
  CONFLICTS,
  MIDPOINT_CRITERIA,
  type Conflict,
  type MidpointCriterion,
  type Recommendation,
} from '@hundred/domain';
import { ASSESSMENT_STATES, REVIEW_STATES, type AssessmentState, type ReviewState } from '@hundred/workflow';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

import { RecommendationEnum } from '../teams/team.entity.js';
import { listOf } from '../common/paging.js';

export { RecommendationEnum };

const asEnum = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;

export const ReviewStateEnum = asEnum(REVIEW_STATES);
registerEnumType(ReviewStateEnum, { name: 'ReviewState' });
export const AssessmentStateEnum = asEnum(ASSESSMENT_STATES);
registerEnumType(AssessmentStateEnum, { name: 'AssessmentState' });
export const MidpointCriterionEnum = asEnum(MIDPOINT_CRITERIA);
registerEnumType(MidpointCriterionEnum, { name: 'MidpointCriterion', description: 'A criterion scored 1–5.' });
/** Why a reviewer may not review a team; DECLARED: they said so themselves. */
export const REVIEW_CONFLICTS = [...CONFLICTS, 'DECLARED'] as const;
export type ReviewConflict = Conflict | 'DECLARED';
export const ReviewConflictEnum = asEnum(REVIEW_CONFLICTS);
registerEnumType(ReviewConflictEnum, { name: 'ReviewConflict' });

@ObjectType({ description: 'A score of one criterion, 1–5, with an optional comment.' })
export class CriterionScore {
  @Field(() => MidpointCriterionEnum) criterion: MidpointCriterion;
  @Field(() => Int, { nullable: true }) score: number | null;
  @Field() comment: string;
}

@ObjectType({ description: "One reviewer's assessment (التقييم) of one team." })
export class Assessment {
  @Field(() => ID) id: string;
  @Field(() => ID) reviewId: string;
  @Field(() => ID) teamId: string;
  /** Who wrote it; the `reviewer` field shows them only to the office, leadership and themselves. */
  reviewerId: string;
  @Field(() => AssessmentStateEnum) state: AssessmentState;
  @Field(() => Int) version: number;
  @Field(() => [CriterionScore], { complexity: listOf(5) }) scores: CriterionScore[];
  @Field(() => RecommendationEnum, { nullable: true }) recommendation: Recommendation | null;
  @Field() comment: string;
  @Field() assignedAt: Date;
  @Field(() => Date, { nullable: true }) submittedAt: Date | null;
  @Field({ description: 'The reviewer said they may not review this team.' }) conflictDeclared: boolean;
}

@ObjectType({ description: 'The scores of one criterion across the submitted assessments.' })
export class CriterionAggregate {
  @Field(() => MidpointCriterionEnum) criterion: MidpointCriterion;
  @Field(() => Float, { nullable: true }) mean: number | null;
  @Field(() => Int, { nullable: true }) min: number | null;
  @Field(() => Int, { nullable: true }) max: number | null;
  @Field(() => Int) spread: number;
  @Field({ description: 'Scores differ by 3 or more.' }) disagreement: boolean;
  @Field(() => Int) count: number;
}

@ObjectType()
export class RecommendationCount {
  @Field(() => RecommendationEnum) recommendation: Recommendation;
  @Field(() => Int) count: number;
}

@ObjectType({ description: 'The submitted assessments of a team taken together.' })
export class ReviewAggregate {
  @Field(() => [CriterionAggregate], { complexity: listOf(5) }) criteria: CriterionAggregate[];
  @Field(() => [RecommendationCount], { complexity: listOf(3) }) recommendations: RecommendationCount[];
  @Field() disagreement: boolean;
  @Field(() => Int) submitted: number;
}

@ObjectType({ description: 'The mid-point review (المراجعة النصفية) of one team.' })
export class MidpointReview {
  @Field(() => ID) id: string;
  @Field(() => ID) cohortId: string;
  @Field(() => ID) teamId: string;
  @Field(() => ReviewStateEnum) state: ReviewState;
  @Field(() => Int) version: number;
  @Field(() => Date, { nullable: true }) openedAt: Date | null;
  @Field(() => Date, { nullable: true }) decidedAt: Date | null;
}

@ObjectType({ description: 'A reviewer the office may assign to a team, and why not when they may not.' })
export class ReviewCandidate {
  @Field(() => ID) reviewerId: string;
  @Field(() => ReviewConflictEnum, { nullable: true }) conflict: ReviewConflict | null;
  @Field({ description: 'Assigned to this team now.' }) assigned: boolean;
  @Field(() => Int, { description: 'Teams of the cohort they are assigned to now.' }) load: number;
}

@ObjectType({ description: 'The reviewers the office may assign to one team.' })
export class TeamCandidates {
  @Field(() => ID) teamId: string;
  @Field(() => [ReviewCandidate], { complexity: listOf(20) }) candidates: ReviewCandidate[];
}

@ObjectType({ description: 'Reviewers proposed for one team: the ones assigned, and the ones to add.' })
export class ProposedAssignment {
  @Field(() => ID) teamId: string;
  @Field(() => [ID]) reviewerIds: string[];
  @Field({ description: 'Too few reviewers free of a conflict to reach the minimum.' }) short: boolean;
}
