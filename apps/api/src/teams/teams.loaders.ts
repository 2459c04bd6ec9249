import { loaderKey } from '../graphql-context/loaders.js';
import type { DeadlineView } from '../deadlines/deadline.types.js';
import type { TeamRole } from '@hundred/domain';

import type { Team, TeamMember } from './team.entity.js';
import type { CheckIn, Goal, Kpi, KpiChangeRequest, KpiValue } from './team.types.js';

export const TEAM = loaderKey<Team | null>('team', null);
export const TEAM_MEMBERS = loaderKey<TeamMember[]>('teamMembers', []);
export const GOALS_BY_TEAM = loaderKey<Goal[]>('goalsByTeam', []);
export const KPIS_BY_GOAL = loaderKey<Kpi[]>('kpisByGoal', []);
export const LATEST_VALUE = loaderKey<KpiValue | null>('latestValue', null);
export const KPI_VALUES = loaderKey<KpiValue[]>('kpiValues', []);
export const CHECK_INS_BY_TEAM = loaderKey<CheckIn[]>('checkInsByTeam', []);
/** Every deadline that concerns a team: its own, and those of its parts (its review). */
export const TEAM_DEADLINES = loaderKey<DeadlineView[]>('teamDeadlines', []);
export const CHANGE_REQUESTS_BY_TEAM = loaderKey<KpiChangeRequest[]>('changeRequestsByTeam', []);
/** The roles a person holds on teams still running (not closed, stopped or withdrawn). */
export const TEAM_ROLES_OF_USER = loaderKey<TeamRole[]>('teamRolesOfUser', []);
