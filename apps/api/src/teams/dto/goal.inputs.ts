import type { KpiDirection } from '@hundred/domain';
import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn } from 'class-validator';

import {
  ArabicText,
  Int as IsInteger,
  LatinText,
  MaxLen,
  OneOf,
  Required,
  Unique,
  Uuid,
  Uuids,
} from '../../common/validation.js';
import { KPI_UNITS, KpiDirectionEnum, KpiUnitEnum, type KpiUnit } from '../team.types.js';
import { Huge, NonNegative, Num, trim } from './fields.js';

@InputType()
export class GoalFields {
  @Field() @Transform(trim) @Required() @MaxLen(300) @ArabicText() titleAr: string;
  @Field() @Transform(trim) @Required() @MaxLen(300) @LatinText() titleEn: string;
  @Field(() => [ID], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(10, { message: 'validation.maxItems|[10]' })
  @Unique()
  @Uuids()
  alignmentNodeIds: string[];
  @Field(() => Int, { defaultValue: 0 }) @IsInteger() sort: number;
}

@InputType()
export class CreateGoalInput extends GoalFields {
  @Field(() => ID) @Uuid() teamId: string;
}

@InputType()
export class UpdateGoalInput extends GoalFields {
  @Field(() => ID) @Uuid() id: string;
  @Field(() => Int) @IsInteger() version: number;
}

@InputType()
export class KpiFields {
  @Field() @Transform(trim) @Required() @MaxLen(300) @ArabicText() nameAr: string;
  @Field() @Transform(trim) @Required() @MaxLen(300) @LatinText() nameEn: string;
  @Field(() => KpiUnitEnum) @OneOf(KPI_UNITS) unit: KpiUnit;
  @Field(() => KpiDirectionEnum)
  @IsIn(['INCREASE', 'DECREASE'], { message: 'validation.oneOf|[]' })
  direction: KpiDirection;
  @Field(() => Float) @Num() @NonNegative() @Huge() baseline: number;
  @Field(() => Float) @Num() @NonNegative() @Huge() target: number;
  @Field({ description: 'Where the figures come from.' }) @Transform(trim) @Required() @MaxLen(1000) dataSource: string;
  @Field({ defaultValue: false, description: 'It stands in for what cannot be measured directly.' })
  @IsBoolean({ message: 'validation.invalid|[]' })
  isProxy: boolean;
  @Field(() => Int, { defaultValue: 0 }) @IsInteger() sort: number;
}

@InputType()
export class CreateKpiInput extends KpiFields {
  @Field(() => ID) @Uuid() goalId: string;
}

@InputType()
export class UpdateKpiInput extends KpiFields {
  @Field(() => ID) @Uuid() id: string;
  @Field(() => Int) @IsInteger() version: number;
}

@InputType()
export class DeleteInput {
  @Field(() => ID) @Uuid() id: string;
  @Field(() => Int) @IsInteger() version: number;
}
