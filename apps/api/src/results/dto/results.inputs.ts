import { OUTCOMES, type Outcome } from '@hundred/domain';
import { Field, Float, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, ValidateNested } from 'class-validator';

import { MaxLen, MultiLine, OneOf, Required, Uuid, Version } from '../../common/validation.js';
import { UuidScalar } from '../../common/uuid.scalar.js';
import { Huge, NonNegative, Num } from '../../teams/dto/fields.js';
import { TeamEventInput } from '../../teams/dto/team-event.inputs.js';
import { OutcomeEnum } from '../results.types.js';

@InputType()
export class FinalKpiValueInput {
  @Field(() => UuidScalar) @Uuid() kpiId: string;
  @Field(() => Float) @Num() @NonNegative() @Huge() value: number;
  @Field({ description: 'YYYY-MM-DD' }) @Required() asOf: string;
  @Field() @MultiLine() @Required() @MaxLen(2000) evidence: string;
}

@InputType({ description: 'The day-100 report as the team leader saves it (values may be partial in a draft).' })
export class SaveFinalReportInput {
  @Field(() => UuidScalar) @Uuid() teamId: string;
  @Field(() => Int, { nullable: true, description: 'The report version read; omitted for the first save.' })
  @IsOptional()
  @Version()
  version?: number | null;
  @Field(() => [FinalKpiValueInput])
  @IsArray()
  @ArrayMaxSize(25, { message: 'validation.maxItems|[25]' })
  @ValidateNested({ each: true })
  @Type(() => FinalKpiValueInput)
  values: FinalKpiValueInput[];
  @Field({ defaultValue: '' }) @MultiLine() @MaxLen(10000) narrative: string;
  @Field({ defaultValue: '' }) @MultiLine() @MaxLen(10000) lessons: string;
  @Field({ defaultValue: '' }) @MultiLine() @MaxLen(5000) scaling: string;
}

@InputType()
export class RecordOutcomeInput extends TeamEventInput {
  @Field(() => OutcomeEnum) @OneOf(OUTCOMES) outcome: Outcome;
  @Field({ defaultValue: '', description: 'Needed when the outcome differs from the proposed one.' })
  @MultiLine()
  @MaxLen(5000)
  reason: string;
}
