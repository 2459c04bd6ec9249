import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsOptional } from 'class-validator';

import { ArabicText, Bool, Int as IsInteger, LatinText, MaxLen, Required, Uuid } from '../../common/validation.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

@InputType()
export class AlignmentNodeFields {
  @Field() @Transform(trim) @Required() @MaxLen(300) @ArabicText() nameAr: string;
  @Field() @Transform(trim) @Required() @MaxLen(300) @LatinText() nameEn: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Transform(trim) @MaxLen(24) code?: string | null;
  @Field(() => Int, { defaultValue: 0 }) @IsInteger() sort: number;
}

@InputType()
export class CreateAlignmentNodeInput extends AlignmentNodeFields {
  @Field(() => ID, { nullable: true, description: 'Omit for a national vision (the root).' })
  @IsOptional()
  @Uuid()
  parentId?: string | null;
}

@InputType()
export class UpdateAlignmentNodeInput extends AlignmentNodeFields {
  @Field(() => ID) @Uuid() id: string;
  @Field(() => Int) @IsInteger() version: number;
  @Field() @Bool() active: boolean;
}
