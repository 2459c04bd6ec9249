import { Field, InputType, Int } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';

import { ArabicText, Bool, LatinText, MaxLen, Required, Sort, Uuid, Version } from '../../common/validation.js';
import { UuidScalar } from '../../common/uuid.scalar.js';

@InputType()
export class AlignmentNodeFields {
  @Field() @Required() @MaxLen(300) @ArabicText() nameAr: string;
  @Field() @Required() @MaxLen(300) @LatinText() nameEn: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLen(24) code?: string | null;
  @Field(() => Int, { defaultValue: 0 }) @Sort() sort: number;
}

@InputType()
export class CreateAlignmentNodeInput extends AlignmentNodeFields {
  @Field(() => UuidScalar, { nullable: true, description: 'Omit for a national vision (the root).' })
  @IsOptional()
  @Uuid()
  parentId?: string | null;
}

@InputType()
export class UpdateAlignmentNodeInput extends AlignmentNodeFields {
  @Field(() => UuidScalar) @Uuid() id: string;
  @Field(() => Int) @Version() version: number;
  @Field() @Bool() active: boolean;
}
