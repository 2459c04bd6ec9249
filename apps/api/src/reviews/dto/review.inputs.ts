import { MIDPOINT_CRITERIA, RECOMMENDATIONS, type MidpointCriterion, type Recommendation } from '@hundred/domain';
import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, ValidateNested } from 'class-validator';

import {
  Between,
  Int as IsInteger,
  MaxLen,
  MultiLine,
  OneOf,
  Required,
  Unique,
  Uuid,
  Uuids,
  Version,
} from '../../common/validation.js';
import { UuidScalar } from '../../common/uuid.scalar.js';
import { MidpointCriterionEnum, RecommendationEnum } from '../reviews.types.js';

@InputType()
export class AssignReviewerInput {
  @Field(() => UuidScalar) @Uuid() teamId: string;
  @Field(() => UuidScalar) @Uuid() reviewerId: string;
}

@InputType({ description: 'The reviewers one team is to have.' })
export class TeamReviewersInput {
  @Field(() => UuidScalar) @Uuid() teamId: string;
  @Field(() => [UuidScalar])
  @IsArray()
  @ArrayMaxSize(10, { message: 'validation.maxItems|[10]' })
  @Unique()
  @Uuids()
  reviewerIds: string[];
}

@InputType({ description: 'The assignment of a whole cohort, as the office confirms it.' })
export class ConfirmReviewAssignmentInput {
  @Field(() => UuidScalar) @Uuid() cohortId: string;
  @Field(() => [TeamReviewersInput])
  @IsArray()
  @ArrayMaxSize(500, { message: 'validation.maxItems|[500]' })
  @ValidateNested({ each: true })
  @Type(() => TeamReviewersInput)
  teams: TeamReviewersInput[];
}

@InputType()
export class AssessmentEventInput {
  @Field(() => UuidScalar) @Uuid() id: string;
  @Field(() => Int) @Version() version: number;
}

@InputType()
export class DeclareReviewConflictInput extends AssessmentEventInput {
  @Field() @MultiLine() @Required() @MaxLen(2000) reason: string;
}

@InputType()
export class CriterionScoreInput {
  @Field(() => MidpointCriterionEnum) @OneOf(MIDPOINT_CRITERIA) criterion: MidpointCriterion;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInteger() @Between(1, 5) score?: number | null;
  @Field({ defaultValue: '' }) @MultiLine() @MaxLen(2000) comment: string;
}

@InputType({ description: 'What a reviewer writes: drafts may leave scores and the recommendation empty.' })
export class AssessmentFieldsInput extends AssessmentEventInput {
  @Field(() => [CriterionScoreInput])
  @IsArray()
  @ArrayMaxSize(MIDPOINT_CRITERIA.length, { message: `validation.maxItems|[${MIDPOINT_CRITERIA.length}]` })
  @ValidateNested({ each: true })
  @Type(() => CriterionScoreInput)
  scores: CriterionScoreInput[];
  @Field(() => RecommendationEnum, { nullable: true })
  @IsOptional()
  @OneOf(RECOMMENDATIONS)
  recommendation?: Recommendation | null;
  @Field({ defaultValue: '' }) @MultiLine() @MaxLen(5000) comment: string;
}

@InputType({ description: "The office's mid-point decision on a team." })
export class DecideMidpointInput {
  @Field(() => UuidScalar) @Uuid() teamId: string;
  @Field(() => Int, { description: 'The team version read.' }) @Version() version: number;
  @Field(() => RecommendationEnum) @OneOf(RECOMMENDATIONS) decision: Recommendation;
  @Field({ defaultValue: '' }) @MultiLine() @MaxLen(5000) reason: string;
  @Field({ defaultValue: '', description: 'What the team must correct (COURSE_CORRECT).' })
  @MultiLine()
  @MaxLen(5000)
  corrections: string;
}
