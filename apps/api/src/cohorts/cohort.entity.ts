import type { CohortCalendar, IsoWeekday } from '@hundred/domain';
import type { CohortState } from '@hundred/workflow';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

import { listOf } from '../common/paging.js';
import { CalendarOffsetsType, CohortStateEnum, RagThresholds, RubricCriterion } from './cohort.types.js';

@ObjectType({ description: 'A cohort (دفعة) of national challenges, each solved in 100 days.' })
@Entity({ name: 'cohort' })
export class Cohort {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field() @Column() nameAr: string;
  @Field() @Column() nameEn: string;

  @Field(() => CohortStateEnum)
  @Column({ type: 'varchar' })
  state: CohortState;

  @Field(() => Int)
  @Column({ type: 'int' })
  version: number;

  @Field({ description: 'Local date of day 1 (the launch workshop), YYYY-MM-DD.' })
  @Column({ type: 'date' })
  day1: string;

  @Field({ description: 'IANA time zone, e.g. Asia/Amman.' })
  @Column()
  timeZone: string;

  @Field(() => [Int], { description: 'ISO weekdays of the weekend: 1 Monday … 7 Sunday.' })
  @Column({ type: 'smallint', array: true })
  weekendDays: IsoWeekday[];

  @Field(() => [String], { description: 'Public holidays, YYYY-MM-DD.' })
  @Column({ type: 'text', array: true })
  holidays: string[];

  @Field(() => CalendarOffsetsType)
  @Column({ type: 'jsonb' })
  offsets: CalendarOffsetsType;

  @Field(() => [RubricCriterion], { description: 'Screening criteria, each scored 1–5.', complexity: listOf(5) })
  @Column({ type: 'jsonb' })
  rubric: RubricCriterion[];

  @Field(() => RagThresholds)
  @Column({ type: 'jsonb' })
  ragThresholds: RagThresholds;

  @Field(() => Int, { description: 'Reviewers each team needs at the mid-point.' })
  @Column({ type: 'int' })
  minReviewers: number;

  @Field(() => Int, {
    description:
      'Weeks a run of missed check-ins may go on after its first escalation (at two weeks) before the sponsor and the office are told again.',
  })
  @Column({ type: 'int' })
  checkInEscalationRepeatWeeks: number;

  @Field(() => Int, { description: 'Leadership approvals a challenge needs (N of M).' })
  @Column({ type: 'int' })
  approvalsRequired: number;

  @Field(() => Int) @Column({ type: 'int' }) minTeamMembers: number;
  @Field(() => Int) @Column({ type: 'int' }) minTeamAgencies: number;

  @Field() @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Field() @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

/** The calendar of a cohort row (entity or raw snake_case row). */
export function calendarOf(c: Cohort | Record<string, unknown>): CohortCalendar {
  const r = c as Record<string, unknown>;
  const day1 = (r.day1 ?? r['day1']) as string | Date;
  return {
    day1: typeof day1 === 'string' ? day1.slice(0, 10) : day1.toISOString().slice(0, 10),
    timeZone: (r.timeZone ?? r.time_zone) as string,
    weekendDays: ((r.weekendDays ?? r.weekend_days) as number[]).map(Number) as IsoWeekday[],
    holidays: (r.holidays as string[]) ?? [],
    offsets: r.offsets as CohortCalendar['offsets'],
  };
}
