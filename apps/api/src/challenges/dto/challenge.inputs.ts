import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, Max, Min, ValidateNested } from 'class-validator';

import {
  Int as IsInteger,
  MaxLen,
  MultiLine,
  Required,
  Unique,
  Uuid,
  Uuids,
  Version,
} from '../../common/validation.js';
import { UuidScalar } from '../../common/uuid.scalar.js';
import { Attachment } from '../challenge.entity.js';

/** The fields of a draft; every one may be saved empty until the challenge is submitted. */
@InputType()
export class ChallengeFields {
  @Field({ defaultValue: '' }) @MaxLen(300) titleAr: string;
  @Field({ defaultValue: '' }) @MaxLen(300) titleEn: string;
  @Field({ defaultValue: '' }) @MultiLine() @MaxLen(5000) problemAr: string;
  @Field({ defaultValue: '' }) @MultiLine() @MaxLen(5000) problemEn: string;
  @Field({ defaultValue: '' }) @MultiLine() @MaxLen(5000) whyAr: string;
  @Field({ defaultValue: '' }) @MultiLine() @MaxLen(5000) whyEn: string;
  @Field({ defaultValue: '' }) @MultiLine() @MaxLen(2000) baselineAr: string;
  @Field({ defaultValue: '' }) @MultiLine() @MaxLen(2000) baselineEn: string;
  @Field({ defaultValue: '' }) @MultiLine() @MaxLen(2000) ambitionAr: string;
  @Field({ defaultValue: '' }) @MultiLine() @MaxLen(2000) ambitionEn: string;

  @Field(() => UuidScalar) @Required() @Uuid() leadAgencyId: string;

  @Field(() => [UuidScalar], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(20, { message: 'validation.maxItems|[20]' })
  @Unique()
  @Uuids()
  partnerAgencyIds: string[];

  @Field(() => [UuidScalar], { defaultValue: [], description: 'Alignment tree nodes (any level).' })
  @IsArray()
  @ArrayMaxSize(20, { message: 'validation.maxItems|[20]' })
  @Unique()
  @Uuids()
  alignmentNodeIds: string[];

  @Field(() => UuidScalar, { nullable: true, description: 'A leader of the lead agency.' })
  @IsOptional()
  @Uuid()
  proposedSponsorId?: string | null;

  @Field(() => UuidScalar, { nullable: true })
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
  @Field(() => UuidScalar) @Uuid() cohortId: string;
}

@InputType()
export class UpdateChallengeInput extends ChallengeFields {
  @Field(() => UuidScalar) @Uuid() id: string;
  @Field(() => Int) @Version() version: number;
}

@InputType()
export class ScoreInput {
  @Field() @Required() @MaxLen(40) criterion: string;
  @Field(() => Int)
  @IsInteger()
  @Min(1, { message: 'validation.between|[1,5]' })
  @Max(5, { message: 'validation.between|[1,5]' })
  score: number;
  @Field() @MultiLine() @Required() @MaxLen(2000) comment: string;
}

@InputType()
export class ScoreChallengeInput {
  @Field(() => UuidScalar) @Uuid() id: string;
  @Field(() => Int) @Version() version: number;
  @Field(() => [ScoreInput])
  @IsArray()
  @ArrayMaxSize(10, { message: 'validation.maxItems|[10]' })
  @ValidateNested({ each: true })
  @Type(() => ScoreInput)
  scores: ScoreInput[];
}

@InputType()
export class NameChallengeLeadersInput {
  @Field(() => UuidScalar) @Uuid() id: string;
  @Field(() => Int) @Version() version: number;
  @Field(() => UuidScalar, { nullable: true }) @IsOptional() @Uuid() proposedSponsorId?: string | null;
  @Field(() => UuidScalar, { nullable: true }) @IsOptional() @Uuid() proposedTeamLeadId?: string | null;
}

@InputType()
export class ChallengeCommentInput {
  @Field(() => UuidScalar) @Uuid() challengeId: string;
  @Field() @MultiLine() @Required() @MaxLen(5000) body: string;
}

/** An event on the version the caller read. */
@InputType()
export class ChallengeEventInput {
  @Field(() => UuidScalar) @Uuid() id: string;
  @Field(() => Int) @Version() version: number;
}

@InputType()
export class ChallengeCommentEventInput extends ChallengeEventInput {
  @Field() @MultiLine() @Required() @MaxLen(5000) comment: string;
}

@InputType()
export class ChallengeReasonEventInput extends ChallengeEventInput {
  @Field() @MultiLine() @Required() @MaxLen(5000) reason: string;
}

@InputType()
export class CarryOverChallengeInput extends ChallengeEventInput {
  @Field(() => UuidScalar) @Uuid() targetCohortId: string;
}
