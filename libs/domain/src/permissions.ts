import type { GlobalRole, TeamRole } from './roles.js';

/**
 * Who is acting. The same shape is built on the server from the session and in the web app
 * from the `me` query, so both ask the same question and get the same answer.
 */
export interface Actor {
  readonly id: string;
  readonly agencyId: string;
  readonly roles: readonly GlobalRole[];
  /** Team-scoped roles, by team id. */
  readonly teamRoles?: Readonly<Record<string, readonly TeamRole[]>>;
}

/** What an action is about. Actions on a collection (create, list) carry no id. */
export type Resource =
  | { readonly type: 'agency'; readonly id?: string }
  | { readonly type: 'user'; readonly id?: string; readonly agencyId?: string }
  | { readonly type: 'audit' }
  | { readonly type: 'cohort'; readonly id?: string }
  | { readonly type: 'clock' };

export const ACTIONS = [
  'agency.read',
  'agency.create',
  'agency.update',
  'user.list',
  'user.read',
  'user.create',
  'user.update',
  'user.changeRoles',
  'user.unlock',
  'profile.update',
  'audit.read',
  'cohort.read',
  'cohort.create',
  'cohort.update',
  'clock.advance',
] as const;
export type Action = (typeof ACTIONS)[number];

export function hasRole(actor: Actor, role: GlobalRole): boolean {
  return actor.roles.includes(role);
}

const isOffice = (actor: Actor): boolean => hasRole(actor, 'ADMIN');

/**
 * The one permission function (PRODUCT.md section 2). Pure: it reads only its arguments.
 * Every rule names the role or relation that grants it; anything not granted is refused.
 */
export function can(actor: Actor | null | undefined, action: Action, resource: Resource): boolean {
  if (!actor) return false;
  switch (action) {
    case 'agency.read':
      // Every signed-in user sees the directory of agencies (forms and names need it).
      return resource.type === 'agency';
    case 'agency.create':
    case 'agency.update':
      return resource.type === 'agency' && isOffice(actor);
    case 'user.list':
      return resource.type === 'user' && (isOffice(actor) || hasRole(actor, 'LEADERSHIP'));
    case 'user.read':
      if (resource.type !== 'user') return false;
      if (isOffice(actor) || hasRole(actor, 'LEADERSHIP')) return true;
      if (resource.id !== undefined && resource.id === actor.id) return true;
      // A focal point sees the people of their own agency.
      return hasRole(actor, 'FOCAL_POINT') && resource.agencyId !== undefined && resource.agencyId === actor.agencyId;
    case 'user.create':
    case 'user.update':
    case 'user.changeRoles':
    case 'user.unlock':
      return resource.type === 'user' && isOffice(actor);
    case 'profile.update':
      return resource.type === 'user' && resource.id === actor.id;
    case 'audit.read':
      return resource.type === 'audit' && (isOffice(actor) || hasRole(actor, 'LEADERSHIP'));
    case 'cohort.read':
      // Cohorts, their calendars and states are known to everyone taking part.
      return resource.type === 'cohort';
    case 'cohort.create':
    case 'cohort.update':
      return resource.type === 'cohort' && isOffice(actor);
    case 'clock.advance':
      return resource.type === 'clock' && isOffice(actor);
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
}
