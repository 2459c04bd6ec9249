import { OUTCOMES, type Outcome } from '@hundred/domain';
import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, ValidateNested } from 'class-validator';

import { Int as IsInteger, MaxLen, OneOf, Required, Uuid } from '../../common/validation.js';
import { Huge, NonNegative, Num, trim } from '../../teams/dto/fields.js';
import { OutcomeEnum } from '../results.types.js';

@InputType()
export class FinalKpiValueInput {
  @Field(() => ID) @Uuid() kpiId: string;
  @Field(() => Float) @Num() @NonNegative() @Huge() value: number;
  @Field({ description: 'YYYY-MM-DD' }) @Required() asOf: string;
  @Field() @Transform(trim) @Required() @MaxLen(2000) evidence: string;
}

@InputType({ description: 'The day-100 report as the team leader saves it (values may be partial in a draft).' })
export class SaveFinalReportInput {
  @Field(() => ID) @Uuid() teamId: string;
  @Field(() => Int, { nullable: true, description: 'The report version read; omitted for the first save.' })
  @IsOptional()
  @IsInteger()
  version?: number | null;
  @Field(() => [FinalKpiValueInput])
  @IsArray()
  @ArrayMaxSize(25, { message: 'validation.maxItems|[25]' })
  @ValidateNested({ each: true })
  @Type(() => FinalKpiValueInput)
  values: FinalKpiValueInput[];
  @Field({ defaultValue: '' }) @Transform(trim) @MaxLen(10000) narrative: string;
  @Field({ defaultValue: '' }) @Transform(trim) @MaxLen(10000) lessons: string;
  @Field({ defaultValue: '' }) @Transform(trim) @MaxLen(5000) scaling: string;
}

@InputType()
export class TeamVersionInput {
  @Field(() => ID) @Uuid() id: string;
  @Field(() => Int) @IsInteger() version: number;
}

@InputType()
export class RecordOutcomeInput extends TeamVersionInput {
  @Field(() => OutcomeEnum) @OneOf(OUTCOMES) outcome: Outcome;
  @Field({ defaultValue: '', description: 'Needed when the outcome differs from the proposed one.' })
  @Transform(trim)
  @MaxLen(5000)
  reason: string;
}
