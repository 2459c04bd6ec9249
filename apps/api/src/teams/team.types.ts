import { KPI_DIRECTIONS, RAG_STATUSES, type KpiDirection } from '@hundred/domain';
import { CHANGE_REQUEST_STATES, type ChangeRequestState } from '@hundred/workflow';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

import { listOf } from '../common/paging.js';

const asEnum = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;

export const KPI_UNITS = ['PERCENT', 'NUMBER', 'DAYS', 'HOURS', 'MINUTES', 'CURRENCY'] as const;
export type KpiUnit = (typeof KPI_UNITS)[number];
export const KpiUnitEnum = asEnum(KPI_UNITS);
registerEnumType(KpiUnitEnum, { name: 'KpiUnit', description: 'PERCENT values are 0–100; every unit is 0 or more.' });
export const KpiDirectionEnum = asEnum(KPI_DIRECTIONS);
registerEnumType(KpiDirectionEnum, { name: 'KpiDirection' });
export const RagEnum = asEnum(RAG_STATUSES);
registerEnumType(RagEnum, {
  name: 'Rag',
  description: 'GREEN on track, AMBER needs attention, RED off track, GREY no recent data.',
});
export const CONFIDENCE = ['LOW', 'MEDIUM', 'HIGH'] as const;
export type Confidence = (typeof CONFIDENCE)[number];
export const ConfidenceEnum = asEnum(CONFIDENCE);
registerEnumType(ConfidenceEnum, { name: 'Confidence' });
export const REVIEW_DECISIONS = ['ACKNOWLEDGED', 'RETURNED'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];
export const ReviewDecisionEnum = asEnum(REVIEW_DECISIONS);
registerEnumType(ReviewDecisionEnum, { name: 'CheckInReviewDecision' });
export const ChangeRequestStateEnum = asEnum(CHANGE_REQUEST_STATES);
registerEnumType(ChangeRequestStateEnum, { name: 'ChangeRequestState' });

@ObjectType({ description: 'A measured value of a KPI.' })
export class KpiValue {
  @Field(() => ID) kpiId: string;
  @Field(() => Float) value: number;
  @Field({ description: 'The local date the value is true of.' }) asOf: string;
  @Field() evidence: string;
  @Field(() => ID) checkInId: string;
  @Field() submittedAt: Date;
}

@ObjectType({ description: 'A point of the expected trajectory.' })
export class TrajectoryPoint {
  @Field(() => Int) day: number;
  @Field(() => Float) value: number;
}

@ObjectType({ description: 'A key performance indicator (مؤشر الأداء الرئيسي).' })
export class Kpi {
  @Field(() => ID) id: string;
  @Field(() => ID) goalId: string;
  @Field(() => ID) teamId: string;
  @Field(() => Int) sort: number;
  @Field() nameAr: string;
  @Field() nameEn: string;
  @Field(() => KpiUnitEnum) unit: KpiUnit;
  @Field(() => KpiDirectionEnum) direction: KpiDirection;
  @Field(() => Float) baseline: number;
  @Field(() => Float) target: number;
  @Field(() => Float, { nullable: true, description: 'The baseline when goals were approved (kept when changed).' })
  originalBaseline: number | null;
  @Field(() => Float, { nullable: true, description: 'The target when goals were approved (kept when changed).' })
  originalTarget: number | null;
  @Field() dataSource: string;
  @Field() isProxy: boolean;
  @Field(() => Date, { nullable: true, description: 'When baseline and target were frozen.' }) frozenAt: Date | null;
  @Field(() => Int) version: number;
}

@ObjectType({ description: 'A goal (هدف) of a team, with 1–5 KPIs.' })
export class Goal {
  @Field(() => ID) id: string;
  @Field(() => ID) teamId: string;
  @Field(() => Int) sort: number;
  @Field() titleAr: string;
  @Field() titleEn: string;
  @Field(() => [ID]) alignmentNodeIds: string[];
  @Field(() => Int) version: number;
}

@ObjectType({ description: "A coach's acknowledgement or return of a check-in." })
export class CheckInReview {
  @Field(() => ID) reviewerId: string;
  @Field(() => ReviewDecisionEnum) decision: ReviewDecision;
  @Field() comment: string;
  @Field() reviewedAt: Date;
}

@ObjectType({ description: 'A weekly check-in (تحديث أسبوعي). Append-only: a correction supersedes it.' })
export class CheckIn {
  @Field(() => ID) id: string;
  @Field(() => ID) teamId: string;
  @Field(() => Int, { description: 'Week of the 100 days (1-based).' }) week: number;
  @Field(() => ID) submittedById: string;
  @Field() submittedAt: Date;
  @Field({ description: 'Submitted after the week’s due time.' }) late: boolean;
  @Field() narrative: string;
  @Field() blockers: string;
  @Field({ description: 'Help needed from leadership (raises an escalation to the sponsor).' }) helpNeeded: string;
  @Field(() => ConfidenceEnum) confidence: Confidence;
  @Field(() => ID, { nullable: true }) supersedesId: string | null;
  @Field(() => String, { nullable: true }) correctionReason: string | null;
  @Field(() => ID, { nullable: true, description: 'The correction that replaced it, if any.' }) supersededById:
    string | null;
  @Field(() => [KpiValue], { complexity: listOf(10) }) values: KpiValue[];
  @Field(() => CheckInReview, { nullable: true }) review: CheckInReview | null;
}

@ObjectType({ description: 'A change to a frozen baseline or target; the original stays on record.' })
export class KpiChangeRequest {
  @Field(() => ID) id: string;
  @Field(() => ID) kpiId: string;
  @Field(() => ID) teamId: string;
  @Field(() => ChangeRequestStateEnum) state: ChangeRequestState;
  @Field(() => Int) version: number;
  @Field(() => Float) fromBaseline: number;
  @Field(() => Float) fromTarget: number;
  @Field(() => Float) toBaseline: number;
  @Field(() => Float) toTarget: number;
  @Field() reason: string;
  @Field(() => ID) proposedById: string;
  @Field() createdAt: Date;
}
