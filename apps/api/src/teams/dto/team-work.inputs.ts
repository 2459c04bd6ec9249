import { TEAM_ROLES, type TeamRole } from '@hundred/domain';
import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNumber,
  IsOptional,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

import {
  ArabicText,
  Int as IsInteger,
  LatinText,
  MaxLen,
  OneOf,
  Required,
  Unique,
  Uuid,
  Uuids,
} from '../../common/validation.js';
import { TeamRoleEnum } from '../team.entity.js';
import {
  CONFIDENCE,
  ConfidenceEnum,
  KPI_UNITS,
  KpiDirectionEnum,
  KpiUnitEnum,
  REVIEW_DECISIONS,
  ReviewDecisionEnum,
  type Confidence,
  type KpiUnit,
  type ReviewDecision,
} from '../team-work.types.js';
import type { KpiDirection } from '@hundred/domain';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const Num = () =>
  IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 4 }, { message: 'validation.number|[]' });
const NonNegative = () => Min(0, { message: 'validation.nonNegative|[]' });
const Huge = () => Max(1e12, { message: 'validation.tooLarge|[]' });

@InputType()
export class TeamMemberInput {
  @Field(() => ID) @Uuid() teamId: string;
  @Field(() => ID) @Uuid() userId: string;
  @Field(() => TeamRoleEnum) @OneOf(TEAM_ROLES) role: TeamRole;
}

@InputType()
export class GoalFields {
  @Field() @Transform(trim) @Required() @MaxLen(300) @ArabicText() titleAr: string;
  @Field() @Transform(trim) @Required() @MaxLen(300) @LatinText() titleEn: string;
  @Field(() => [ID], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(10, { message: 'validation.maxItems|[10]' })
  @Unique()
  @Uuids()
  alignmentNodeIds: string[];
  @Field(() => Int, { defaultValue: 0 }) @IsInteger() sort: number;
}

@InputType()
export class CreateGoalInput extends GoalFields {
  @Field(() => ID) @Uuid() teamId: string;
}

@InputType()
export class UpdateGoalInput extends GoalFields {
  @Field(() => ID) @Uuid() id: string;
  @Field(() => Int) @IsInteger() version: number;
}

@InputType()
export class KpiFields {
  @Field() @Transform(trim) @Required() @MaxLen(300) @ArabicText() nameAr: string;
  @Field() @Transform(trim) @Required() @MaxLen(300) @LatinText() nameEn: string;
  @Field(() => KpiUnitEnum) @OneOf(KPI_UNITS) unit: KpiUnit;
  @Field(() => KpiDirectionEnum)
  @IsIn(['INCREASE', 'DECREASE'], { message: 'validation.oneOf|[]' })
  direction: KpiDirection;
  @Field(() => Float) @Num() @NonNegative() @Huge() baseline: number;
  @Field(() => Float) @Num() @NonNegative() @Huge() target: number;
  @Field({ description: 'Where the figures come from.' }) @Transform(trim) @Required() @MaxLen(1000) dataSource: string;
  @Field({ defaultValue: false, description: 'It stands in for what cannot be measured directly.' })
  @IsBoolean({ message: 'validation.invalid|[]' })
  isProxy: boolean;
  @Field(() => Int, { defaultValue: 0 }) @IsInteger() sort: number;
}

@InputType()
export class CreateKpiInput extends KpiFields {
  @Field(() => ID) @Uuid() goalId: string;
}

@InputType()
export class UpdateKpiInput extends KpiFields {
  @Field(() => ID) @Uuid() id: string;
  @Field(() => Int) @IsInteger() version: number;
}

@InputType()
export class DeleteInput {
  @Field(() => ID) @Uuid() id: string;
  @Field(() => Int) @IsInteger() version: number;
}

@InputType()
export class KpiValueInput {
  @Field(() => ID) @Uuid() kpiId: string;
  @Field(() => Float) @Num() @NonNegative() @Huge() value: number;
  @Field({ description: 'The local date the value is true of, YYYY-MM-DD.' }) @Required() asOf: string;
  @Field({ description: 'A link or a note on where the figure came from.' })
  @Transform(trim)
  @Required()
  @MaxLen(2000)
  evidence: string;
}

@InputType()
export class CheckInFields {
  @Field(() => [KpiValueInput])
  @IsArray()
  @ArrayMinSize(1, { message: 'validation.minItems|[1]' })
  @ArrayMaxSize(25, { message: 'validation.maxItems|[25]' })
  @ValidateNested({ each: true })
  @Type(() => KpiValueInput)
  values: KpiValueInput[];
  @Field() @Transform(trim) @Required() @MaxLen(5000) narrative: string;
  @Field({ defaultValue: '' }) @Transform(trim) @MaxLen(5000) blockers: string;
  @Field({ defaultValue: '', description: 'Help needed from leadership; when given, the sponsor is told.' })
  @Transform(trim)
  @MaxLen(5000)
  helpNeeded: string;
  @Field(() => ConfidenceEnum) @OneOf(CONFIDENCE) confidence: Confidence;
}

@InputType()
export class SubmitCheckInInput extends CheckInFields {
  @Field(() => ID) @Uuid() teamId: string;
  @Field(() => Int, { nullable: true, description: 'The week it is for; omit for the current week.' })
  @IsOptional()
  @IsInteger()
  @Min(1, { message: 'validation.between|[1,15]' })
  @Max(15, { message: 'validation.between|[1,15]' })
  week?: number | null;
}

@InputType()
export class CorrectCheckInInput extends CheckInFields {
  @Field(() => ID, { description: 'The check-in this one supersedes.' }) @Uuid() supersedesId: string;
  @Field() @Transform(trim) @Required() @MaxLen(2000) reason: string;
}

@InputType()
export class ReviewCheckInInput {
  @Field(() => ID) @Uuid() checkInId: string;
  @Field(() => ReviewDecisionEnum) @OneOf(REVIEW_DECISIONS) decision: ReviewDecision;
  @Field({ defaultValue: '' }) @Transform(trim) @MaxLen(2000) comment: string;
}

@InputType()
export class ProposeKpiChangeInput {
  @Field(() => ID) @Uuid() kpiId: string;
  @Field(() => Float) @Num() @NonNegative() @Huge() baseline: number;
  @Field(() => Float) @Num() @NonNegative() @Huge() target: number;
  @Field() @Transform(trim) @Required() @MaxLen(2000) reason: string;
}

@InputType()
export class TeamEventInput {
  @Field(() => ID) @Uuid() id: string;
  @Field(() => Int) @IsInteger() version: number;
}

@InputType()
export class TeamCommentEventInput extends TeamEventInput {
  @Field() @Transform(trim) @Required() @MaxLen(5000) comment: string;
}

@InputType()
export class TeamReasonEventInput extends TeamEventInput {
  @Field() @Transform(trim) @Required() @MaxLen(5000) reason: string;
}

@InputType()
export class ChangeRequestEventInput extends TeamEventInput {}

@InputType()
export class ChangeRequestReasonInput extends TeamEventInput {
  @Field() @Transform(trim) @Required() @MaxLen(2000) reason: string;
}

export type { ReviewDecision };
