import type { Outcome } from '@hundred/domain';
import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

import { OutcomeEnum } from '../teams/team.entity.js';
import { listOf } from '../common/paging.js';

export { OutcomeEnum };

@ObjectType({ description: 'The final value of one KPI in the day-100 report.' })
export class FinalKpiValue {
  @Field(() => ID) kpiId: string;
  @Field(() => Float) value: number;
  @Field({ description: 'The local date the value is true of.' }) asOf: string;
  @Field({ description: 'Where the figure came from.' }) evidence: string;
}

@ObjectType({ description: 'The day-100 report (تقرير اليوم المئة) of a team: drafted, then submitted once.' })
export class FinalReport {
  @Field(() => ID) id: string;
  @Field(() => ID) teamId: string;
  @Field(() => Int) version: number;
  @Field(() => [FinalKpiValue], { complexity: listOf(5) }) values: FinalKpiValue[];
  @Field() narrative: string;
  @Field({ description: 'Lessons learned.' }) lessons: string;
  @Field({ description: 'What the team recommends scaling.' }) scaling: string;
  @Field(() => Date, { nullable: true }) submittedAt: Date | null;
  @Field() updatedAt: Date;
}

@ObjectType({ description: 'How far one KPI went from its baseline toward its target by day 100.' })
export class KpiAttainmentView {
  @Field(() => ID) kpiId: string;
  @Field(() => Float) baseline: number;
  @Field(() => Float, { description: 'The current target.' }) target: number;
  @Field(() => Float, { nullable: true, description: 'The target when the goals were approved.' })
  originalTarget: number | null;
  @Field(() => Float, { nullable: true }) final: number | null;
  @Field(() => Float, { nullable: true, description: '1 = the current target reached.' }) attainment: number | null;
  @Field(() => Float, { nullable: true, description: 'The same against the original target, where it moved.' })
  againstOriginal: number | null;
}

@ObjectType({ description: 'The outcome proposed from the final values, and its arithmetic.' })
export class OutcomeProposal {
  @Field(() => OutcomeEnum) outcome: Outcome;
  @Field(() => Float, { description: 'Mean attainment, each KPI counted between 0 and 1.' }) mean: number;
  @Field(() => [KpiAttainmentView], { complexity: listOf(10) }) kpis: KpiAttainmentView[];
}
