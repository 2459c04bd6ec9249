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
  | { readonly type: 'clock' }
  | {
      readonly type: 'challenge';
      readonly id?: string;
      /** The lead agency (for create: the agency it is drafted for). */
      readonly leadAgencyId?: string;
      readonly partnerAgencyIds?: readonly string[];
      readonly state?: string;
    }
  | { readonly type: 'alignment' }
  | {
      readonly type: 'team';
      readonly id?: string;
      readonly leadAgencyId?: string;
      /** The reviewers assigned to its mid-point review (they read the team, read-only). */
      readonly reviewerIds?: readonly string[];
      /** The agency that keeps the result after day 100 (its sustainment plan's owner). */
      readonly ownerAgencyId?: string;
    }
  | { readonly type: 'review'; readonly cohortId?: string }
  | { readonly type: 'dashboard' };

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
  'audit.search',
  'cohort.read',
  'cohort.create',
  'cohort.update',
  'cohort.report',
  'clock.advance',
  'challenge.read',
  'challenge.create',
  'challenge.edit',
  'challenge.score',
  'challenge.comment',
  'challenge.nameLeaders',
  'alignment.read',
  'alignment.manage',
  'team.read',
  'team.manageMembers',
  'team.manageLeaders',
  'team.editGoals',
  'team.checkIn',
  'team.reviewCheckIn',
  'team.proposeChange',
  'team.decideChange',
  'team.assignReviewers',
  'team.writeReport',
  'team.draftPlan',
  'team.signPledge',
  'team.reportCheckpoint',
  'review.read',
  'review.decide',
  'dashboard.read',
] as const;
export type Action = (typeof ACTIONS)[number];

/** Challenge states in which its agency may still edit it, and those that are decided. */
export const CHALLENGE_EDITABLE: readonly string[] = ['DRAFT', 'RETURNED'];
export const CHALLENGE_DECIDED: readonly string[] = ['APPROVED', 'REJECTED', 'WITHDRAWN', 'DEFERRED'];

function isAgencyFocalPoint(
  actor: Actor,
  resource: { leadAgencyId?: string; partnerAgencyIds?: readonly string[] },
  orPartner: boolean,
): boolean {
  if (!actor.roles.includes('FOCAL_POINT')) return false;
  if (resource.leadAgencyId !== undefined && resource.leadAgencyId === actor.agencyId) return true;
  return orPartner && (resource.partnerAgencyIds ?? []).includes(actor.agencyId);
}

export function hasTeamRole(actor: Actor, teamId: string | undefined, role: TeamRole): boolean {
  return teamId !== undefined && (actor.teamRoles?.[teamId] ?? []).includes(role);
}

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
      // A focal point lists the people of their own agency (to propose a sponsor, a team leader).
      if (resource.type !== 'user') return false;
      if (isOffice(actor) || hasRole(actor, 'LEADERSHIP')) return true;
      return hasRole(actor, 'FOCAL_POINT') && resource.agencyId !== undefined && resource.agencyId === actor.agencyId;
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
    case 'audit.search':
      // Searching the whole trail — any object, any person's actions — is the office's alone.
      return resource.type === 'audit' && isOffice(actor);
    case 'cohort.read':
      // Cohorts, their calendars and states are known to everyone taking part.
      return resource.type === 'cohort';
    case 'cohort.create':
    case 'cohort.update':
      return resource.type === 'cohort' && isOffice(actor);
    case 'cohort.report':
      // The cohort report (every team's goals, KPIs, values, decisions and results) and its exports:
      // those who read every team, the office and leadership.
      return resource.type === 'cohort' && (isOffice(actor) || hasRole(actor, 'LEADERSHIP'));
    case 'clock.advance':
      return resource.type === 'clock' && isOffice(actor);
    case 'challenge.read':
    case 'challenge.comment':
      // The office and leadership see every challenge; a focal point those of their agency,
      // as lead or partner. Nobody else learns that a challenge exists.
      if (resource.type !== 'challenge') return false;
      return isOffice(actor) || hasRole(actor, 'LEADERSHIP') || isAgencyFocalPoint(actor, resource, true);
    case 'challenge.create':
      return resource.type === 'challenge' && (isOffice(actor) || isAgencyFocalPoint(actor, resource, false));
    case 'challenge.edit':
      // Its agency's focal point while it is a draft or returned; the office until it is decided.
      if (resource.type !== 'challenge') return false;
      if (isOffice(actor)) return !CHALLENGE_DECIDED.includes(resource.state ?? '');
      return isAgencyFocalPoint(actor, resource, false) && CHALLENGE_EDITABLE.includes(resource.state ?? 'DRAFT');
    case 'challenge.score':
      return resource.type === 'challenge' && isOffice(actor);
    case 'challenge.nameLeaders':
      // Naming the sponsor and team leader: proposed by the agency, settled by the office or leadership.
      if (resource.type !== 'challenge' || CHALLENGE_DECIDED.includes(resource.state ?? '')) return false;
      return (
        isOffice(actor) ||
        hasRole(actor, 'LEADERSHIP') ||
        (isAgencyFocalPoint(actor, resource, false) && CHALLENGE_EDITABLE.includes(resource.state ?? 'DRAFT'))
      );
    case 'team.read':
      // The office and leadership, the team's own people, and the lead agency's focal points.
      if (resource.type !== 'team') return false;
      if (isOffice(actor) || hasRole(actor, 'LEADERSHIP')) return true;
      if (resource.id !== undefined && (actor.teamRoles?.[resource.id]?.length ?? 0) > 0) return true;
      if (hasRole(actor, 'REVIEWER') && (resource.reviewerIds ?? []).includes(actor.id)) return true;
      return isAgencyFocalPoint(actor, resource, false);
    case 'team.manageMembers':
      // Members, coaches: the team leader and the office; sponsor and leader: the office.
      return resource.type === 'team' && (isOffice(actor) || hasTeamRole(actor, resource.id, 'TEAM_LEAD'));
    case 'team.manageLeaders':
      return resource.type === 'team' && isOffice(actor);
    case 'team.editGoals':
    case 'team.proposeChange':
      return resource.type === 'team' && hasTeamRole(actor, resource.id, 'TEAM_LEAD');
    case 'team.checkIn':
      return (
        resource.type === 'team' &&
        (hasTeamRole(actor, resource.id, 'TEAM_LEAD') || hasTeamRole(actor, resource.id, 'TEAM_MEMBER'))
      );
    case 'team.reviewCheckIn':
      return resource.type === 'team' && hasTeamRole(actor, resource.id, 'COACH');
    case 'team.decideChange':
      return resource.type === 'team' && isOffice(actor);
    case 'review.read':
      // Every review of a cohort, with the reviewers' names: the office and leadership.
      return resource.type === 'review' && (isOffice(actor) || hasRole(actor, 'LEADERSHIP'));
    case 'review.decide':
      return resource.type === 'review' && isOffice(actor);
    case 'team.assignReviewers':
      return resource.type === 'team' && isOffice(actor);
    case 'team.writeReport':
    case 'team.draftPlan':
      // The day-100 report and the sustainment plan: the team leader.
      return resource.type === 'team' && hasTeamRole(actor, resource.id, 'TEAM_LEAD');
    case 'team.signPledge':
      // The pledge is the sponsor's own sign-off: nobody signs it for them.
      return resource.type === 'team' && hasTeamRole(actor, resource.id, 'SPONSOR');
    case 'team.reportCheckpoint':
      // A focal point of the agency that owns the result after day 100.
      return (
        resource.type === 'team' &&
        hasRole(actor, 'FOCAL_POINT') &&
        resource.ownerAgencyId !== undefined &&
        resource.ownerAgencyId === actor.agencyId
      );
    case 'alignment.read':
      return resource.type === 'alignment';
    case 'dashboard.read':
      // Everyone taking part reads the dashboard; what it counts is their part (dashboardScope).
      return resource.type === 'dashboard';
    case 'alignment.manage':
      return resource.type === 'alignment' && isOffice(actor);
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
}

/**
 * The part of the accelerator the dashboard counts for an actor (PRODUCT.md section 6): the office
 * and leadership everything; anyone else the teams they may read as such — a focal point their
 * agency's (the teams it leads), and everyone the teams they hold a role on. `teams` is the one
 * place that says it; the API turns it into the query's condition.
 */
export type DashboardScope =
  | { readonly everything: true }
  | { readonly everything: false; readonly leadAgencyId: string | null; readonly ownTeams: true };

export function dashboardScope(actor: Actor): DashboardScope {
  if (isOffice(actor) || hasRole(actor, 'LEADERSHIP')) return { everything: true };
  return { everything: false, leadAgencyId: hasRole(actor, 'FOCAL_POINT') ? actor.agencyId : null, ownTeams: true };
}

/** Whether the dashboard is the actor's first page: leadership reads it before anything else. */
export const landsOnDashboard = (actor: Actor): boolean => hasRole(actor, 'LEADERSHIP') && !isOffice(actor);
