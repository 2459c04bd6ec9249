import { GLOBAL_ROLES, LANGUAGES, type GlobalRole, type Language } from '@hundred/domain';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';

import { GlobalRoleEnum, LanguageEnum } from '../../common/graphql-enums.js';
import {
  ArabicText,
  Bool,
  Email,
  Int as IsInteger,
  LatinText,
  MaxLen,
  OneOf,
  Password,
  Required,
  Unique,
  Uuid,
} from '../../common/validation.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const email = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

@InputType()
export class UserProfileFields {
  @Field()
  @Transform(email)
  @Required()
  @MaxLen(254)
  @Email()
  email: string;

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

  @Field(() => ID)
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
  @Required()
  @Password()
  password: string;
}

@InputType()
export class UpdateUserInput extends UserProfileFields {
  @Field(() => ID)
  @Uuid()
  id: string;

  @Field(() => Int)
  @IsInteger()
  version: number;

  @Field()
  @Bool()
  active: boolean;
}

@InputType()
export class SetUserRolesInput {
  @Field(() => ID)
  @Uuid()
  id: string;

  @Field(() => Int)
  @IsInteger()
  version: number;

  @Field(() => [GlobalRoleEnum])
  @OneOf(GLOBAL_ROLES, true)
  @Unique()
  roles: GlobalRole[];
}

@InputType()
export class ResetUserPasswordInput {
  @Field(() => ID)
  @Uuid()
  id: string;

  @Field(() => Int)
  @IsInteger()
  version: number;

  @Field()
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
  @Required()
  currentPassword: string;

  @Field()
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
  @Required()
  @MaxLen(200)
  password: string;
}
