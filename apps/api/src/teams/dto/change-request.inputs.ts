import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';

import { MaxLen, Required, Uuid } from '../../common/validation.js';
import { TeamEventInput } from './team-event.inputs.js';
import { Huge, NonNegative, Num, trim } from './fields.js';

@InputType()
export class ProposeKpiChangeInput {
  @Field(() => ID) @Uuid() kpiId: string;
  @Field(() => Float) @Num() @NonNegative() @Huge() baseline: number;
  @Field(() => Float) @Num() @NonNegative() @Huge() target: number;
  @Field() @Transform(trim) @Required() @MaxLen(2000) reason: string;
}

@InputType()
export class ChangeRequestEventInput extends TeamEventInput {}

@InputType()
export class ChangeRequestReasonInput extends TeamEventInput {
  @Field() @Transform(trim) @Required() @MaxLen(2000) reason: string;
}
