import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, ValidateNested } from 'class-validator';

import {
  ArabicText,
  Between,
  Int as IsInteger,
  MaxLen,
  MultiLine,
  OneOf,
  Required,
  Unique,
  Uuid,
  Uuids,
  Version,
} from '../../common/validation.js';
import { UuidScalar } from '../../common/uuid.scalar.js';
import { TeamEventInput } from '../../teams/dto/team-event.inputs.js';
import { FinalKpiValueInput } from '../../results/dto/results.inputs.js';
import { SUSTAINMENT_STATUSES, SustainmentStatusEnum, type SustainmentStatus } from '../sustainment.types.js';

@InputType()
export class SustainmentActionInput {
  @Field() @MultiLine() @Required() @MaxLen(1000) @ArabicText() descriptionAr: string;
  @Field({ defaultValue: '' }) @MultiLine() @MaxLen(1000) descriptionEn: string;
  @Field(() => UuidScalar) @Uuid() responsibleAgencyId: string;
  @Field({ description: 'YYYY-MM-DD' }) @Required() dueDate: string;
}

@InputType({ description: 'The sustainment plan as the team leader saves it.' })
export class SaveSustainmentPlanInput {
  @Field(() => UuidScalar) @Uuid() teamId: string;
  @Field(() => Int, { nullable: true, description: 'The plan version read; omitted for the first save.' })
  @IsOptional()
  @Version()
  version?: number | null;
  @Field(() => UuidScalar, { nullable: true }) @IsOptional() @Uuid() ownerAgencyId?: string | null;
  @Field(() => [SustainmentActionInput])
  @IsArray()
  @ArrayMaxSize(30, { message: 'validation.maxItems|[30]' })
  @ValidateNested({ each: true })
  @Type(() => SustainmentActionInput)
  actions: SustainmentActionInput[];
  @Field(() => [UuidScalar])
  @IsArray()
  @ArrayMaxSize(25, { message: 'validation.maxItems|[25]' })
  @Unique()
  @Uuids()
  kpiIds: string[];
}

@InputType({ description: 'The sponsor signs the version of the plan they read.' })
export class SignPledgeInput {
  @Field(() => UuidScalar) @Uuid() teamId: string;
  @Field(() => Int) @Version() planVersion: number;
}

@InputType({ description: "The owner agency's report at a checkpoint: a value for every kept KPI." })
export class ReportCheckpointInput {
  @Field(() => UuidScalar) @Uuid() teamId: string;
  @Field(() => Int, { description: '0 for the first checkpoint.' }) @IsInteger() @Between(0, 9) index: number;
  @Field(() => [FinalKpiValueInput])
  @IsArray()
  @ArrayMaxSize(25, { message: 'validation.maxItems|[25]' })
  @ValidateNested({ each: true })
  @Type(() => FinalKpiValueInput)
  values: FinalKpiValueInput[];
  @Field({ defaultValue: '' }) @MultiLine() @MaxLen(5000) note: string;
}

@InputType()
export class CloseSustainmentInput extends TeamEventInput {
  @Field(() => SustainmentStatusEnum) @OneOf(SUSTAINMENT_STATUSES) status: SustainmentStatus;
  @Field({ defaultValue: '', description: 'SCALED: where the result was scaled to.' })
  @MaxLen(2000)
  scaledTo: string;
  @Field({ defaultValue: '', description: 'Needed before the last checkpoint.' })
  @MultiLine()
  @MaxLen(5000)
  reason: string;
}
