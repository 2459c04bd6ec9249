import { GLOBAL_ROLES, LANGUAGES, type GlobalRole, type Language } from '@hundred/domain';
import { Field, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';

import { GlobalRoleEnum, LanguageEnum } from '../../common/graphql-enums.js';
import {
  ArabicText,
  Bool,
  Email,
  LatinText,
  MaxLen,
  OneOf,
  Password,
  Required,
  Secret,
  Unique,
  Uuid,
  Version,
} from '../../common/validation.js';
import { UuidScalar } from '../../common/uuid.scalar.js';

const email = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.toLowerCase() : value);

@InputType()
export class UserProfileFields {
  @Field()
  @Transform(email)
  @Required()
  @MaxLen(254)
  @Email()
  email: string;

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

  @Field(() => UuidScalar)
  @Required()
  @Uuid()
  agencyId: string;

  @Field(() => LanguageEnum)
  @OneOf(LANGUAGES)
  preferredLanguage: Language;
}

@InputType()
export class CreateUserInput extends UserProfileFields {
  @Field(() => [GlobalRoleEnum])
  @OneOf(GLOBAL_ROLES, true)
  @Unique()
  roles: GlobalRole[];

  @Field({ description: 'Initial password: at least 10 characters with letters and digits.' })
  @Secret()
  @Required()
  @Password()
  password: string;
}

@InputType()
export class UpdateUserInput extends UserProfileFields {
  @Field(() => UuidScalar)
  @Uuid()
  id: string;

  @Field(() => Int)
  @Version()
  version: number;

  @Field()
  @Bool()
  active: boolean;
}

@InputType()
export class SetUserRolesInput {
  @Field(() => UuidScalar)
  @Uuid()
  id: string;

  @Field(() => Int)
  @Version()
  version: number;

  @Field(() => [GlobalRoleEnum])
  @OneOf(GLOBAL_ROLES, true)
  @Unique()
  roles: GlobalRole[];
}

@InputType()
export class ResetUserPasswordInput {
  @Field(() => UuidScalar)
  @Uuid()
  id: string;

  @Field(() => Int)
  @Version()
  version: number;

  @Field()
  @Secret()
  @Required()
  @Password()
  password: string;
}

@InputType()
export class UpdateMyPreferencesInput {
  @Field(() => LanguageEnum)
  @OneOf(LANGUAGES)
  preferredLanguage: Language;
}

@InputType()
export class ChangeMyPasswordInput {
  @Field()
  @Secret()
  @Required()
  currentPassword: string;

  @Field()
  @Secret()
  @Required()
  @Password()
  newPassword: string;
}

@InputType()
export class SignInInput {
  @Field()
  @Transform(email)
  @Required()
  @MaxLen(254)
  @Email()
  email: string;

  @Field()
  @Secret()
  @Required()
  @MaxLen(200)
  password: string;
}
