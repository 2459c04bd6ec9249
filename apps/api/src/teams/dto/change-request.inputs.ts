import { Field, Float, InputType } from '@nestjs/graphql';

import { MaxLen, MultiLine, Required, Uuid } from '../../common/validation.js';
import { UuidScalar } from '../../common/uuid.scalar.js';
import { TeamEventInput } from './team-event.inputs.js';
import { Huge, NonNegative, Num } from './fields.js';

@InputType()
export class ProposeKpiChangeInput {
  @Field(() => UuidScalar) @Uuid() kpiId: string;
  @Field(() => Float) @Num() @NonNegative() @Huge() baseline: number;
  @Field(() => Float) @Num() @NonNegative() @Huge() target: number;
  @Field() @MultiLine() @Required() @MaxLen(2000) reason: string;
}

@InputType()
export class ChangeRequestEventInput extends TeamEventInput {}

@InputType()
export class ChangeRequestReasonInput extends TeamEventInput {
  @Field() @MultiLine() @Required() @MaxLen(2000) reason: string;
}
