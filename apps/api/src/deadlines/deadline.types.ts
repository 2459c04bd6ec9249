import { deadlineDay, type CohortCalendar } from '@hundred/domain';
import { DEADLINE_CONCERNS } from '@hundred/workflow';
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export const DEADLINE_STATES = ['PENDING', 'FIRED', 'SKIPPED', 'CANCELLED'] as const;
export type DeadlineState = (typeof DEADLINE_STATES)[number];
export const DeadlineStateEnum = Object.fromEntries(DEADLINE_STATES.map((s) => [s, s])) as Record<
  DeadlineState,
  DeadlineState
>;
registerEnumType(DeadlineStateEnum, { name: 'DeadlineState' });

@ObjectType({ description: 'A dated obligation of the calendar (موعد).' })
export class DeadlineView {
  @Field(() => ID) id: string;
  @Field() kind: string;
  @Field() group: string;
  @Field() subjectType: string;
  @Field(() => ID) subjectId: string;
  @Field({ description: 'When it falls due by the calendar.' }) dueAt: Date;
  @Field({ description: 'When it will next be checked (later than dueAt while blocked).' }) nextCheckAt: Date;
  @Field(() => Int, { description: 'The cohort day it falls on.' }) day: number;
  @Field(() => DeadlineStateEnum) state: DeadlineState;
  @Field(() => [String], { description: 'The guards that blocked it at the last check.' }) blockedBy: string[];
  @Field(() => Date, { nullable: true }) settledAt: Date | null;
  @Field(() => [String], { description: 'Whom it reminds, or whom it tells when it passes (audiences).' })
  concerns: string[];
}

/** A deadline row as it is read for display. */
export interface DeadlineViewRow {
  id: string;
  kind: string;
  grp: string;
  subject_type: string;
  subject_id: string;
  original_due_at: Date;
  due_at: Date;
  state: DeadlineState;
  blocked_by: string[] | null;
  settled_at: Date | null;
}

export function toDeadlineView(r: DeadlineViewRow, cal: CohortCalendar): DeadlineView {
  return {
    id: r.id,
    kind: r.kind,
    group: r.grp,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    dueAt: r.original_due_at,
    nextCheckAt: r.due_at,
    day: deadlineDay(cal, r.kind, r.original_due_at),
    state: r.state,
    blockedBy: r.blocked_by ?? [],
    settledAt: r.settled_at,
    concerns: [...(DEADLINE_CONCERNS[r.kind] ?? [])],
  };
}
