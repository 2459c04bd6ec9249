import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, ValidateNested } from 'class-validator';

import { ArabicText, Int as IsInteger, MaxLen, OneOf, Required, Unique, Uuid, Uuids } from '../../common/validation.js';
import { trim } from '../../teams/dto/fields.js';
import { FinalKpiValueInput, TeamVersionInput } from '../../results/dto/results.inputs.js';
import { SUSTAINMENT_STATUSES, SustainmentStatusEnum, type SustainmentStatus } from '../sustainment.types.js';

@InputType()
export class SustainmentActionInput {
  @Field() @Transform(trim) @Required() @MaxLen(1000) @ArabicText() descriptionAr: string;
  @Field({ defaultValue: '' }) @Transform(trim) @MaxLen(1000) descriptionEn: string;
  @Field(() => ID) @Uuid() responsibleAgencyId: string;
  @Field({ description: 'YYYY-MM-DD' }) @Required() dueDate: string;
}

@InputType({ description: 'The sustainment plan as the team leader saves it.' })
export class SaveSustainmentPlanInput {
  @Field(() => ID) @Uuid() teamId: string;
  @Field(() => Int, { nullable: true, description: 'The plan version read; omitted for the first save.' })
  @IsOptional()
  @IsInteger()
  version?: number | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @Uuid() ownerAgencyId?: string | null;
  @Field(() => [SustainmentActionInput])
  @IsArray()
  @ArrayMaxSize(30, { message: 'validation.maxItems|[30]' })
  @ValidateNested({ each: true })
  @Type(() => SustainmentActionInput)
  actions: SustainmentActionInput[];
  @Field(() => [ID])
  @IsArray()
  @ArrayMaxSize(25, { message: 'validation.maxItems|[25]' })
  @Unique()
  @Uuids()
  kpiIds: string[];
}

@InputType({ description: 'The sponsor signs the version of the plan they read.' })
export class SignPledgeInput {
  @Field(() => ID) @Uuid() teamId: string;
  @Field(() => Int) @IsInteger() planVersion: number;
}

@InputType({ description: "The owner agency's report at a checkpoint: a value for every kept KPI." })
export class ReportCheckpointInput {
  @Field(() => ID) @Uuid() teamId: string;
  @Field(() => Int, { description: '0 for the first checkpoint.' }) @IsInteger() index: number;
  @Field(() => [FinalKpiValueInput])
  @IsArray()
  @ArrayMaxSize(25, { message: 'validation.maxItems|[25]' })
  @ValidateNested({ each: true })
  @Type(() => FinalKpiValueInput)
  values: FinalKpiValueInput[];
  @Field({ defaultValue: '' }) @Transform(trim) @MaxLen(5000) note: string;
}

@InputType()
export class CloseSustainmentInput extends TeamVersionInput {
  @Field(() => SustainmentStatusEnum) @OneOf(SUSTAINMENT_STATUSES) status: SustainmentStatus;
  @Field({ defaultValue: '', description: 'SCALED: where the result was scaled to.' })
  @Transform(trim)
  @MaxLen(2000)
  scaledTo: string;
  @Field({ defaultValue: '', description: 'Needed before the last checkpoint.' })
  @Transform(trim)
  @MaxLen(5000)
  reason: string;
}
