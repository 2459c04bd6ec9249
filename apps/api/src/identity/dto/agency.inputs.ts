import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';

import {
  AgencyCode,
  ArabicText,
  Int as IsInteger,
  LatinText,
  MaxLen,
  Required,
  Uuid,
} from '../../common/validation.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const upperTrim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);

@InputType()
export class CreateAgencyInput {
  @Field({ description: 'Short code, 2-16 capital letters or digits, unique.' })
  @Transform(upperTrim)
  @Required()
  @AgencyCode()
  code: string;

  @Field()
  @Transform(trim)
  @Required()
  @MaxLen(200)
  @ArabicText()
  nameAr: string;

  @Field()
  @Transform(trim)
  @Required()
  @MaxLen(200)
  @LatinText()
  nameEn: string;
}

@InputType()
export class UpdateAgencyInput extends CreateAgencyInput {
  @Field(() => ID)
  @Uuid()
  id: string;

  @Field(() => Int, { description: 'The version you read; a newer one on the server means a conflict.' })
  @IsInteger()
  version: number;
}
