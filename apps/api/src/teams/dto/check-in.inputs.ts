import { Field, Float, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, Max, Min, ValidateNested } from 'class-validator';

import { CHECK_IN_EVIDENCE_MAX, CHECK_IN_MAX_VALUES, CHECK_IN_TEXT_MAX } from '@hundred/domain';

import { Int as IsInteger, MaxLen, MultiLine, OneOf, Required, Uuid } from '../../common/validation.js';
import { UuidScalar } from '../../common/uuid.scalar.js';
import {
  CONFIDENCE,
  ConfidenceEnum,
  REVIEW_DECISIONS,
  ReviewDecisionEnum,
  type Confidence,
  type ReviewDecision,
} from '../team.types.js';
import { Huge, NonNegative, Num } from './fields.js';

@InputType()
export class KpiValueInput {
  @Field(() => UuidScalar) @Uuid() kpiId: string;
  @Field(() => Float) @Num() @NonNegative() @Huge() value: number;
  @Field({ description: 'The local date the value is true of, YYYY-MM-DD.' }) @Required() asOf: string;
  @Field({ description: 'A link or a note on where the figure came from.' })
  @MultiLine()
  @Required()
  @MaxLen(CHECK_IN_EVIDENCE_MAX)
  evidence: string;
}

@InputType()
export class CheckInFields {
  @Field(() => [KpiValueInput])
  @IsArray()
  @ArrayMinSize(1, { message: 'validation.minItems|[1]' })
  @ArrayMaxSize(CHECK_IN_MAX_VALUES, { message: `validation.maxItems|[${CHECK_IN_MAX_VALUES}]` })
  @ValidateNested({ each: true })
  @Type(() => KpiValueInput)
  values: KpiValueInput[];
  @Field() @MultiLine() @Required() @MaxLen(CHECK_IN_TEXT_MAX) narrative: string;
  @Field({ defaultValue: '' }) @MultiLine() @MaxLen(CHECK_IN_TEXT_MAX) blockers: string;
  @Field({ defaultValue: '', description: 'Help needed from leadership; when given, the sponsor is told.' })
  @MultiLine()
  @MaxLen(CHECK_IN_TEXT_MAX)
  helpNeeded: string;
  @Field(() => ConfidenceEnum) @OneOf(CONFIDENCE) confidence: Confidence;
}

@InputType()
export class SubmitCheckInInput extends CheckInFields {
  @Field(() => UuidScalar) @Uuid() teamId: string;
  @Field(() => Int, { nullable: true, description: 'The week it is for; omit for the current week.' })
  @IsOptional()
  @IsInteger()
  @Min(1, { message: 'validation.between|[1,15]' })
  @Max(15, { message: 'validation.between|[1,15]' })
  week?: number | null;
}

@InputType()
export class CorrectCheckInInput extends CheckInFields {
  @Field(() => UuidScalar, { description: 'The check-in this one supersedes.' }) @Uuid() supersedesId: string;
  @Field() @MultiLine() @Required() @MaxLen(CHECK_IN_EVIDENCE_MAX) reason: string;
}

@InputType()
export class ReviewCheckInInput {
  @Field(() => UuidScalar) @Uuid() checkInId: string;
  @Field(() => ReviewDecisionEnum) @OneOf(REVIEW_DECISIONS) decision: ReviewDecision;
  @Field({ defaultValue: '' }) @MultiLine() @MaxLen(2000) comment: string;
}

export type { ReviewDecision };
