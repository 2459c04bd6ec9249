import { Field, InputType, Int } from '@nestjs/graphql';

import { Between, Int as IsInteger } from '../../common/validation.js';

@InputType({ description: 'How far to move the clock forward (demos and tests only).' })
export class AdvanceClockInput {
  @Field(() => Int, { defaultValue: 0 }) @IsInteger() @Between(0, 1000) days: number;
  @Field(() => Int, { defaultValue: 0 }) @IsInteger() @Between(0, 10_000) hours: number;
  @Field(() => Int, { defaultValue: 0 }) @IsInteger() @Between(0, 100_000) minutes: number;
}
