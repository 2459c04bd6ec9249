import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsOptional, ValidateNested } from 'class-validator';

import {
  ArabicText,
  Between,
  Int as IsInteger,
  LatinText,
  MaxLen,
  MinItems,
  MultiLine,
  RangeCheckedBy,
  Required,
  Uuid,
  Version,
} from '../../common/validation.js';
import { UuidScalar } from '../../common/uuid.scalar.js';
import { CALENDAR_CHECK, CalendarOffsetsType, RagThresholds, RubricCriterion } from '../cohort.types.js';

@InputType()
export class CohortFields {
  @Field() @Required() @MaxLen(200) @ArabicText() nameAr: string;
  @Field() @Required() @MaxLen(200) @LatinText() nameEn: string;

  @Field({ description: 'Local date of day 1, YYYY-MM-DD.' })
  @Required()
  day1: string;

  @Field({ description: 'IANA time zone, e.g. Asia/Amman.' })
  @Required()
  @MaxLen(64)
  timeZone: string;

  @Field(() => [Int], { description: 'ISO weekdays of the weekend (1 Monday … 7 Sunday).' })
  @IsArray()
  @ArrayUnique({ message: 'validation.unique|[]' })
  @ArrayMaxSize(6, { message: 'validation.maxItems|[6]' })
  @RangeCheckedBy(CALENDAR_CHECK)
  weekendDays: number[];

  @Field(() => [String], { defaultValue: [] })
  @IsArray()
  @ArrayUnique({ message: 'validation.unique|[]' })
  @ArrayMaxSize(100, { message: 'validation.maxItems|[100]' })
  holidays: string[];

  @Field(() => CalendarOffsetsType, { nullable: true, description: 'Omit for the defaults of PRODUCT.md section 5.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CalendarOffsetsType)
  offsets?: CalendarOffsetsType | null;

  @Field(() => [RubricCriterion], { nullable: true, description: 'Omit for the four accelerator criteria.' })
  @IsOptional()
  @IsArray()
  @MinItems(1)
  @ArrayMaxSize(10, { message: 'validation.maxItems|[10]' })
  @ValidateNested({ each: true })
  @Type(() => RubricCriterion)
  rubric?: RubricCriterion[] | null;

  @Field(() => RagThresholds, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => RagThresholds)
  ragThresholds?: RagThresholds | null;

  @Field(() => Int, { defaultValue: 2 }) @IsInteger() @Between(1, 10) minReviewers: number;
  @Field(() => Int, { defaultValue: 1 }) @IsInteger() @Between(1, 20) approvalsRequired: number;
  @Field(() => Int, { defaultValue: 3 }) @IsInteger() @Between(1, 50) minTeamMembers: number;
  @Field(() => Int, { defaultValue: 2 }) @IsInteger() @Between(1, 20) minTeamAgencies: number;
  @Field(() => Int, {
    defaultValue: 4,
    description: 'Weeks a run of missed check-ins goes on after its first escalation before it is escalated again.',
  })
  @IsInteger()
  @Between(1, 15)
  checkInEscalationRepeatWeeks: number;
}

@InputType()
export class CreateCohortInput extends CohortFields {}

@InputType()
export class UpdateCohortInput extends CohortFields {
  @Field(() => UuidScalar) @Uuid() id: string;
  @Field(() => Int) @Version() version: number;
}

/** Fires a cohort event on the version the caller read. */
@InputType()
export class CohortEventInput {
  @Field(() => UuidScalar) @Uuid() id: string;
  @Field(() => Int) @Version() version: number;
}

@InputType()
export class LaunchCohortInput extends CohortEventInput {
  @Field({ defaultValue: false, description: 'Launch without the teams that are not ready; they are withdrawn.' })
  @IsBoolean({ message: 'validation.invalid|[]' })
  excludeNotReadyTeams: boolean;

  @Field(() => String, { nullable: true, description: 'Required when excluding teams.' })
  @IsOptional()
  @MultiLine()
  @MaxLen(2000)
  reason?: string | null;
}

@InputType()
export class CancelCohortInput extends CohortEventInput {
  @Field() @MultiLine() @Required() @MaxLen(2000) reason: string;
}
