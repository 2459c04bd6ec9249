import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, Max, Min, ValidateNested } from 'class-validator';

import { Int as IsInteger, MaxLen, Required, Unique, Uuid, Uuids } from '../../common/validation.js';
import { Attachment } from '../challenge.entity.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** The fields of a draft; every one may be saved empty until the challenge is submitted. */
@InputType()
export class ChallengeFields {
  @Field({ defaultValue: '' }) @Transform(trim) @MaxLen(300) titleAr: string;
  @Field({ defaultValue: '' }) @Transform(trim) @MaxLen(300) titleEn: string;
  @Field({ defaultValue: '' }) @Transform(trim) @MaxLen(5000) problemAr: string;
  @Field({ defaultValue: '' }) @Transform(trim) @MaxLen(5000) problemEn: string;
  @Field({ defaultValue: '' }) @Transform(trim) @MaxLen(5000) whyAr: string;
  @Field({ defaultValue: '' }) @Transform(trim) @MaxLen(5000) whyEn: string;
  @Field({ defaultValue: '' }) @Transform(trim) @MaxLen(2000) baselineAr: string;
  @Field({ defaultValue: '' }) @Transform(trim) @MaxLen(2000) baselineEn: string;
  @Field({ defaultValue: '' }) @Transform(trim) @MaxLen(2000) ambitionAr: string;
  @Field({ defaultValue: '' }) @Transform(trim) @MaxLen(2000) ambitionEn: string;

  @Field(() => ID) @Required() @Uuid() leadAgencyId: string;

  @Field(() => [ID], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(20, { message: 'validation.maxItems|[20]' })
  @Unique()
  @Uuids()
  partnerAgencyIds: string[];

  @Field(() => [ID], { defaultValue: [], description: 'Alignment tree nodes (any level).' })
  @IsArray()
  @ArrayMaxSize(20, { message: 'validation.maxItems|[20]' })
  @Unique()
  @Uuids()
  alignmentNodeIds: string[];

  @Field(() => ID, { nullable: true, description: 'A leader of the lead agency.' })
  @IsOptional()
  @Uuid()
  proposedSponsorId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @Uuid()
  proposedTeamLeadId?: string | null;

  @Field(() => [Attachment], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(20, { message: 'validation.maxItems|[20]' })
  @ValidateNested({ each: true })
  @Type(() => Attachment)
  attachments: Attachment[];
}

@InputType()
export class CreateChallengeInput extends ChallengeFields {
  @Field(() => ID) @Uuid() cohortId: string;
}

@InputType()
export class UpdateChallengeInput extends ChallengeFields {
  @Field(() => ID) @Uuid() id: string;
  @Field(() => Int) @IsInteger() version: number;
}

@InputType()
export class ScoreInput {
  @Field() @Required() @MaxLen(40) criterion: string;
  @Field(() => Int)
  @IsInteger()
  @Min(1, { message: 'validation.between|[1,5]' })
  @Max(5, { message: 'validation.between|[1,5]' })
  score: number;
  @Field() @Transform(trim) @Required() @MaxLen(2000) comment: string;
}

@InputType()
export class ScoreChallengeInput {
  @Field(() => ID) @Uuid() id: string;
  @Field(() => Int) @IsInteger() version: number;
  @Field(() => [ScoreInput])
  @IsArray()
  @ArrayMaxSize(10, { message: 'validation.maxItems|[10]' })
  @ValidateNested({ each: true })
  @Type(() => ScoreInput)
  scores: ScoreInput[];
}

@InputType()
export class NameChallengeLeadersInput {
  @Field(() => ID) @Uuid() id: string;
  @Field(() => Int) @IsInteger() version: number;
  @Field(() => ID, { nullable: true }) @IsOptional() @Uuid() proposedSponsorId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @Uuid() proposedTeamLeadId?: string | null;
}

@InputType()
export class ChallengeCommentInput {
  @Field(() => ID) @Uuid() challengeId: string;
  @Field() @Transform(trim) @Required() @MaxLen(5000) body: string;
}

/** An event on the version the caller read. */
@InputType()
export class ChallengeEventInput {
  @Field(() => ID) @Uuid() id: string;
  @Field(() => Int) @IsInteger() version: number;
}

@InputType()
export class ChallengeCommentEventInput extends ChallengeEventInput {
  @Field() @Transform(trim) @Required() @MaxLen(5000) comment: string;
}

@InputType()
export class ChallengeReasonEventInput extends ChallengeEventInput {
  @Field() @Transform(trim) @Required() @MaxLen(5000) reason: string;
}

@InputType()
export class CarryOverChallengeInput extends ChallengeEventInput {
  @Field(() => ID) @Uuid() targetCohortId: string;
}
