/** Roles a user holds across the whole system (PRODUCT.md section 2). */
export const GLOBAL_ROLES = ['ADMIN', 'LEADERSHIP', 'FOCAL_POINT', 'REVIEWER'] as const;
export type GlobalRole = (typeof GLOBAL_ROLES)[number];

/** Roles a user holds on one team only. */
export const TEAM_ROLES = ['SPONSOR', 'TEAM_LEAD', 'COACH', 'TEAM_MEMBER'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

/**
 * The roles that make up the working team, counted for the cohort's minimum of members and
 * agencies. The sponsor and the coach support the team; a coach from the office must not make a
 * single-agency team look cross-agency.
 */
export const WORKING_TEAM_ROLES: readonly TeamRole[] = ['TEAM_LEAD', 'TEAM_MEMBER'];

export function isGlobalRole(value: unknown): value is GlobalRole {
  return typeof value === 'string' && (GLOBAL_ROLES as readonly string[]).includes(value);
}

export function isTeamRole(value: unknown): value is TeamRole {
  return typeof value === 'string' && (TEAM_ROLES as readonly string[]).includes(value);
}

export const LANGUAGES = ['ar', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'ar';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}
