import { TASK_KINDS, type TaskKind } from '@hundred/workflow';
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

import { listOf } from '../common/paging.js';

export const TaskKindEnum = Object.fromEntries(TASK_KINDS.map((k) => [k, k])) as Record<TaskKind, TaskKind>;
registerEnumType(TaskKindEnum, { name: 'TaskKind', description: 'What a task asks of its user.' });

@ObjectType({ description: 'One thing the signed-in user must do now.' })
export class Task {
  @Field(() => ID, {
    description: 'Stable for the same task: its kind, its object and, where there are several, which one.',
  })
  id: string;
  @Field(() => TaskKindEnum) kind: TaskKind;
  @Field({ description: 'challenge, team, checkIn, assessment, changeRequest or cohort.' }) subjectType: string;
  @Field(() => ID) subjectId: string;
  @Field(() => ID, { nullable: true, description: 'The team it concerns, if any.' }) teamId: string | null;
  @Field(() => ID) cohortId: string;
  @Field({ description: 'The name of the object (challenge title, team or cohort name), in Arabic.' }) nameAr: string;
  @Field({ description: 'The same in English.' }) nameEn: string;
  @Field(() => Date, { nullable: true, description: 'When it is due, by the cohort calendar.' }) dueAt: Date | null;
  @Field({ description: 'Its due time has passed.' }) overdue: boolean;
  @Field({ description: "The cohort's time zone, in which its calendar reads the due time." }) timeZone: string;
  @Field(() => Int, {
    nullable: true,
    description:
      'Working days left until it is due (negative: working days overdue), where the calendar counts in working days.',
  })
  workingDaysLeft: number | null;
  @Field(() => Int, { nullable: true, description: 'The check-in week it is for.' }) week: number | null;
  @Field(() => Int, { nullable: true, description: 'The sustainment checkpoint it is for (1-based).' })
  checkpoint: number | null;
  @Field(() => String, { nullable: true, description: 'The cohort transition that is blocked.' }) event: string | null;
  @Field(() => [String], { description: 'What blocks it (guard names).' }) blockedBy: string[];
  @Field(() => [String], { description: 'The same, explained in the request language.' }) blockedReasons: string[];
}

@ObjectType({
  description: 'What the signed-in user must do now, most urgent first: a page of it, and how many in all.',
})
export class MyTasks {
  @Field(() => Int, { description: 'How many tasks the user has in all (every page).' }) count: number;
  @Field(() => Int, { description: 'How many of them are past their due time.' }) overdueCount: number;
  // The page's `limit` multiplies this (see `myTasks`): counted once here.
  @Field(() => [Task], { complexity: listOf(1), description: 'This page of them, most urgent first.' })
  tasks: Task[];
  @Field(() => String, { nullable: true, description: 'Where the next page starts; null on the last page.' })
  nextCursor: string | null;
}
