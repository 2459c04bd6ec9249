import { DEFAULT_OFFSETS, type CalendarOffsets, type IsoWeekday } from '@hundred/domain';
import { COHORT_EVENTS, COHORT_STATES, type CohortEvent, type CohortState } from '@hundred/workflow';
import { Field, Float, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsInt, IsNumber, Max, Min } from 'class-validator';

import {
  ArabicText,
  Between,
  Int as IsInteger,
  LatinText,
  MaxLen,
  RangeCheckedBy,
  Required,
} from '../common/validation.js';

const asEnum = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;
export const CohortStateEnum = asEnum(COHORT_STATES);
registerEnumType(CohortStateEnum, { name: 'CohortState' });
export const CohortEventEnum = asEnum(COHORT_EVENTS);
registerEnumType(CohortEventEnum, { name: 'CohortEvent' });

/** Where the ranges of a calendar's numbers are checked, with a message per field: libs/domain's calendar. */
export const CALENDAR_CHECK = 'calendarFormatProblems (libs/domain/src/calendar.ts)';

/** The phase offsets of a cohort's calendar (days relative to day 1; there is no day 0). */
@RangeCheckedBy(CALENDAR_CHECK)
@InputType('CalendarOffsetsInput')
@ObjectType()
export class CalendarOffsetsType implements CalendarOffsets {
  @Field(() => Int) @IsInteger() intakeOpens: number = DEFAULT_OFFSETS.intakeOpens;
  @Field(() => Int) @IsInteger() intakeCloses: number = DEFAULT_OFFSETS.intakeCloses;
  @Field(() => Int) @IsInteger() intakeCloseReminderDays: number = DEFAULT_OFFSETS.intakeCloseReminderDays;
  @Field(() => Int) @IsInteger() selectionEnds: number = DEFAULT_OFFSETS.selectionEnds;
  @Field(() => Int) @IsInteger() goalsDue: number = DEFAULT_OFFSETS.goalsDue;
  @Field(() => Int) @IsInteger() goalsReminderDays: number = DEFAULT_OFFSETS.goalsReminderDays;
  @Field(() => Int) @IsInteger() launch: number = DEFAULT_OFFSETS.launch;
  @Field(() => Int) @IsInteger() launchReminderDays: number = DEFAULT_OFFSETS.launchReminderDays;
  @Field(() => Int, { description: 'ISO weekday of the weekly check-in: 1 Monday … 7 Sunday.' })
  @IsInteger()
  checkInWeekday: IsoWeekday = DEFAULT_OFFSETS.checkInWeekday;
  @Field({ description: 'Local time of the weekly check-in, HH:MM.' }) @Required() checkInTime: string =
    DEFAULT_OFFSETS.checkInTime;
  @Field(() => Int) @IsInteger() midpointOpens: number = DEFAULT_OFFSETS.midpointOpens;
  @Field(() => Int) @IsInteger() assessmentsDue: number = DEFAULT_OFFSETS.assessmentsDue;
  @Field(() => Int) @IsInteger() assessmentReminderDays: number = DEFAULT_OFFSETS.assessmentReminderDays;
  @Field(() => Int) @IsInteger() midpointCloses: number = DEFAULT_OFFSETS.midpointCloses;
  @Field(() => Int) @IsInteger() results: number = DEFAULT_OFFSETS.results;
  @Field(() => Int) @IsInteger() finalReportDue: number = DEFAULT_OFFSETS.finalReportDue;
  @Field(() => Int) @IsInteger() finalReportReminderDays: number = DEFAULT_OFFSETS.finalReportReminderDays;
  @Field(() => Int) @IsInteger() sustainmentStarts: number = DEFAULT_OFFSETS.sustainmentStarts;
  @Field(() => [Int])
  @IsArray()
  @ArrayMaxSize(10, { message: 'validation.maxItems|[10]' })
  @IsInt({ each: true, message: 'validation.invalid|[]' })
  checkpoints: number[] = [...DEFAULT_OFFSETS.checkpoints];
  @Field(() => Int) @IsInteger() checkpointReminderDays: number = DEFAULT_OFFSETS.checkpointReminderDays;
  @Field(() => Int) @IsInteger() closeAfterLastCheckpointDays: number = DEFAULT_OFFSETS.closeAfterLastCheckpointDays;
  @Field(() => Int) @IsInteger() screeningWorkingDays: number = DEFAULT_OFFSETS.screeningWorkingDays;
  @Field(() => Int) @IsInteger() screeningReminderWorkingDays: number = DEFAULT_OFFSETS.screeningReminderWorkingDays;
  @Field(() => Int) @IsInteger() screeningEscalationWorkingDays: number =
    DEFAULT_OFFSETS.screeningEscalationWorkingDays;
  @Field(() => Int) @IsInteger() decisionWorkingDays: number = DEFAULT_OFFSETS.decisionWorkingDays;
  @Field(() => Int) @IsInteger() decisionReminderWorkingDays: number = DEFAULT_OFFSETS.decisionReminderWorkingDays;
}

/** One screening criterion, scored 1–5 with a comment. */
@InputType('RubricCriterionInput')
@ObjectType()
export class RubricCriterion {
  @Field({ description: 'Stable key, e.g. CLEAR_AMBITIOUS_GOAL.' })
  @Required()
  @MaxLen(40)
  key: string;

  @Field() @Required() @MaxLen(200) @ArabicText() nameAr: string;
  @Field() @Required() @MaxLen(200) @LatinText() nameEn: string;
}

export const DEFAULT_RUBRIC: RubricCriterion[] = [
  { key: 'CLEAR_AMBITIOUS_GOAL', nameAr: 'هدف واضح وطموح', nameEn: 'Clear and ambitious goal' },
  { key: 'TOUCHES_LIVES', nameAr: 'يمسّ حياة الناس', nameEn: "Touches people's lives" },
  { key: 'NEEDS_SEVERAL_AGENCIES', nameAr: 'يحتاج إلى تعاون عدة جهات', nameEn: 'Needs several agencies' },
  { key: 'ACHIEVABLE_IN_100_DAYS', nameAr: 'قابل للتحقيق خلال 100 يوم', nameEn: 'Achievable in 100 days' },
];

/** RAG thresholds (PRODUCT.md section 7). */
@InputType('RagThresholdsInput')
@ObjectType()
export class RagThresholds {
  @Field(() => Float, { description: 'Progress at or above this is green.' })
  @IsNumber({}, { message: 'validation.invalid|[]' })
  @Min(0.01, { message: 'validation.invalid|[]' })
  @Max(2, { message: 'validation.invalid|[]' })
  green: number = 0.9;

  @Field(() => Float, { description: 'Progress at or above this is amber; below, red.' })
  @IsNumber({}, { message: 'validation.invalid|[]' })
  @Min(0, { message: 'validation.invalid|[]' })
  @Max(2, { message: 'validation.invalid|[]' })
  amber: number = 0.6;

  @Field(() => Int, { description: 'No value newer than this many days is grey.' })
  @IsInteger()
  @Between(1, 100)
  staleDays: number = 14;
}

@ObjectType({
  description: "A deadline of the cohort's teams by the calendar, with how many teams' deadlines of it stand where.",
})
export class TeamObligationView {
  @Field() kind: string;
  @Field({ description: 'The kind and the week or checkpoint it is for.' }) key: string;
  @Field() dueAt: Date;
  @Field(() => Int) day: number;
  @Field(() => [String], { description: 'Whom it reminds, or whom it tells when it passes.' }) concerns: string[];
  @Field(() => Int) pending: number;
  @Field(() => Int) fired: number;
  @Field(() => Int) skipped: number;
}

@ObjectType({ description: 'A phase of the cohort on its timeline.' })
export class CohortPhase {
  @Field(() => CohortStateEnum) state: CohortState;
  @Field() startsAt: Date;
  @Field() endsAt: Date;
  @Field(() => Int) startDay: number;
  @Field(() => Int) endDay: number;
}

@ObjectType({ description: 'Something wrong with a calendar, explained.' })
export class CalendarProblemView {
  @Field() field: string;
  @Field() code: string;
  @Field() message: string;
}

export type { CohortEvent, CohortState };
