import { Field, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';

import { AgencyCode, ArabicText, LatinText, MaxLen, Required, Uuid, Version } from '../../common/validation.js';
import { UuidScalar } from '../../common/uuid.scalar.js';

const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.toUpperCase() : value);

@InputType()
export class CreateAgencyInput {
  @Field({ description: 'Short code, 2-16 capital letters or digits, unique.' })
  @Transform(upper)
  @Required()
  @AgencyCode()
  code: string;

  @Field()
  @Required()
  @MaxLen(200)
  @ArabicText()
  nameAr: string;

  @Field()
  @Required()
  @MaxLen(200)
  @LatinText()
  nameEn: string;
}

@InputType()
export class UpdateAgencyInput extends CreateAgencyInput {
  @Field(() => UuidScalar)
  @Uuid()
  id: string;

  @Field(() => Int, { description: 'The version you read; a newer one on the server means a conflict.' })
  @Version()
  version: number;
}
