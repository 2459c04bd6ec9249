import { SUSTAINMENT_STATUSES, type SustainmentStatus } from '@hundred/workflow';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

import { SustainmentStatusEnum } from '../teams/team.entity.js';
import { listOf } from '../common/paging.js';

export { SUSTAINMENT_STATUSES, SustainmentStatusEnum, type SustainmentStatus };

export const CHECKPOINT_STATES = ['UPCOMING', 'OPEN', 'REPORTED', 'OVERDUE'] as const;
export type CheckpointState = (typeof CHECKPOINT_STATES)[number];
export const CheckpointStateEnum = Object.fromEntries(CHECKPOINT_STATES.map((s) => [s, s])) as Record<
  CheckpointState,
  CheckpointState
>;
registerEnumType(CheckpointStateEnum, {
  name: 'CheckpointState',
  description: 'UPCOMING; OPEN from its reminder on; REPORTED; OVERDUE once due and not reported.',
});

export const SERIES_SOURCES = ['BASELINE', 'CHECK_IN', 'FINAL', 'CHECKPOINT'] as const;
export type SeriesSource = (typeof SERIES_SOURCES)[number];
export const SeriesSourceEnum = Object.fromEntries(SERIES_SOURCES.map((s) => [s, s])) as Record<
  SeriesSource,
  SeriesSource
>;
registerEnumType(SeriesSourceEnum, { name: 'SeriesSource' });

@ObjectType({ description: 'An action that keeps the result, with the agency responsible and its date.' })
export class SustainmentAction {
  @Field() descriptionAr: string;
  @Field() descriptionEn: string;
  @Field(() => ID) responsibleAgencyId: string;
  @Field({ description: 'YYYY-MM-DD' }) dueDate: string;
}

@ObjectType({ description: "The sponsor's pledge (تعهّد الاستدامة): who signed which version of the plan, and when." })
export class Pledge {
  @Field(() => ID) signedById: string;
  @Field() signedAt: Date;
  @Field(() => Int, { description: 'The plan version signed.' }) planVersion: number;
  @Field({ description: 'The plan has not changed since: the signature holds.' }) valid: boolean;
}

@ObjectType({ description: 'A value reported for a kept KPI.' })
export class ReportedKpiValue {
  @Field(() => ID) kpiId: string;
  @Field(() => Float) value: number;
  @Field() asOf: string;
  @Field() evidence: string;
}

@ObjectType({ description: "The owner agency's report at one checkpoint." })
export class CheckpointReport {
  @Field(() => [ReportedKpiValue], { complexity: listOf(5) }) values: ReportedKpiValue[];
  @Field() note: string;
  @Field(() => ID) reportedById: string;
  @Field() reportedAt: Date;
}

@ObjectType({ description: 'A follow-up checkpoint (نقطة متابعة) after day 100.' })
export class Checkpoint {
  @Field(() => Int, { description: '0 for the first checkpoint.' }) index: number;
  @Field(() => Int, { description: 'The cohort day it falls on (130, 190, 280 by default).' }) day: number;
  @Field() dueAt: Date;
  @Field() remindAt: Date;
  @Field(() => CheckpointStateEnum) state: CheckpointState;
  @Field(() => CheckpointReport, { nullable: true }) report: CheckpointReport | null;
}

@ObjectType({ description: 'A point of a kept KPI through the 100 days and after.' })
export class SeriesPoint {
  @Field(() => Int) day: number;
  @Field(() => Float) value: number;
  @Field(() => SeriesSourceEnum) source: SeriesSource;
}

@ObjectType({ description: 'A kept KPI from its baseline through day 100 to every checkpoint.' })
export class SustainedKpi {
  @Field(() => ID) kpiId: string;
  @Field() nameAr: string;
  @Field() nameEn: string;
  @Field() unit: string;
  @Field() direction: string;
  @Field(() => Float) baseline: number;
  @Field(() => Float) target: number;
  @Field(() => Float, { nullable: true }) originalTarget: number | null;
  @Field(() => [SeriesPoint], { complexity: listOf(20) }) points: SeriesPoint[];
}

@ObjectType({ description: 'The sustainment plan (خطة الاستدامة) of a completed team.' })
export class SustainmentPlan {
  @Field(() => ID) id: string;
  @Field(() => ID) teamId: string;
  @Field(() => Int) version: number;
  @Field(() => ID, { nullable: true, description: 'The agency that keeps the result.' }) ownerAgencyId: string | null;
  @Field(() => [SustainmentAction], { complexity: listOf(10) }) actions: SustainmentAction[];
  @Field(() => [ID], { description: 'The KPIs the owner keeps reporting.' }) kpiIds: string[];
  @Field(() => [Int], { description: 'The checkpoint days of the plan, from the cohort.' }) checkpointDays: number[];
  @Field(() => Pledge, { nullable: true }) pledge: Pledge | null;
  @Field({ description: 'Owner, actions, KPIs and checkpoints are all there.' }) contentComplete: boolean;
  @Field() updatedAt: Date;
}
