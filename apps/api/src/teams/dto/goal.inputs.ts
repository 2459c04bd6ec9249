import type { KpiDirection } from '@hundred/domain';
import { Field, Float, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn } from 'class-validator';

import {
  ArabicText,
  LatinText,
  MaxLen,
  MultiLine,
  OneOf,
  Required,
  Sort,
  Unique,
  Uuid,
  Uuids,
  Version,
} from '../../common/validation.js';
import { UuidScalar } from '../../common/uuid.scalar.js';
import { KPI_UNITS, KpiDirectionEnum, KpiUnitEnum, type KpiUnit } from '../team.types.js';
import { Huge, NonNegative, Num } from './fields.js';

@InputType()
export class GoalFields {
  @Field() @Required() @MaxLen(300) @ArabicText() titleAr: string;
  @Field() @Required() @MaxLen(300) @LatinText() titleEn: string;
  @Field(() => [UuidScalar], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(10, { message: 'validation.maxItems|[10]' })
  @Unique()
  @Uuids()
  alignmentNodeIds: string[];
  @Field(() => Int, { defaultValue: 0 }) @Sort() sort: number;
}

@InputType()
export class CreateGoalInput extends GoalFields {
  @Field(() => UuidScalar) @Uuid() teamId: string;
}

@InputType()
export class UpdateGoalInput extends GoalFields {
  @Field(() => UuidScalar) @Uuid() id: string;
  @Field(() => Int) @Version() version: number;
}

@InputType()
export class KpiFields {
  @Field() @Required() @MaxLen(300) @ArabicText() nameAr: string;
  @Field() @Required() @MaxLen(300) @LatinText() nameEn: string;
  @Field(() => KpiUnitEnum) @OneOf(KPI_UNITS) unit: KpiUnit;
  @Field(() => KpiDirectionEnum)
  @IsIn(['INCREASE', 'DECREASE'], { message: 'validation.oneOf|[]' })
  direction: KpiDirection;
  @Field(() => Float) @Num() @NonNegative() @Huge() baseline: number;
  @Field(() => Float) @Num() @NonNegative() @Huge() target: number;
  @Field({ description: 'Where the figures come from.' }) @MultiLine() @Required() @MaxLen(1000) dataSource: string;
  @Field({ defaultValue: false, description: 'It stands in for what cannot be measured directly.' })
  @IsBoolean({ message: 'validation.invalid|[]' })
  isProxy: boolean;
  @Field(() => Int, { defaultValue: 0 }) @Sort() sort: number;
}

@InputType()
export class CreateKpiInput extends KpiFields {
  @Field(() => UuidScalar) @Uuid() goalId: string;
}

@InputType()
export class UpdateKpiInput extends KpiFields {
  @Field(() => UuidScalar) @Uuid() id: string;
  @Field(() => Int) @Version() version: number;
}

@InputType()
export class DeleteInput {
  @Field(() => UuidScalar) @Uuid() id: string;
  @Field(() => Int) @Version() version: number;
}
