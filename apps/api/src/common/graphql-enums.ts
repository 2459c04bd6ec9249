import { GLOBAL_ROLES, LANGUAGES, type GlobalRole, type Language } from '@hundred/domain';
import { registerEnumType } from '@nestjs/graphql';

const asEnum = <T extends string>(values: readonly T[]): Record<T, T> =>
  Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;

export const GlobalRoleEnum: Record<GlobalRole, GlobalRole> = asEnum(GLOBAL_ROLES);
registerEnumType(GlobalRoleEnum, { name: 'GlobalRole', description: 'Roles held across the whole system.' });

export const LanguageEnum: Record<Language, Language> = asEnum(LANGUAGES);
registerEnumType(LanguageEnum, { name: 'Language', description: 'Interface and e-mail language.' });
