import type { MantineColor } from '@mantine/core';
import {
  KPI_DIRECTIONS,
  RAG_STATUSES,
  TEAM_ROLES,
  WORKING_TEAM_ROLES,
  type KpiDirection,
  type Rag,
  type TeamRole,
} from '@hundred/domain';
import {
  CHANGE_REQUEST_STATES,
  TEAM_EVENTS,
  TEAM_STATES,
  type ChangeRequestState,
  type TeamAction,
  type TeamEvent,
  type TeamState,
} from '@hundred/workflow';

import type { Confidence, KpiUnit } from '../../gql/graphql';

// The states, events and roles are libs/workflow's and libs/domain's; what is here is how the web shows them.

export const isTeamState = (value: string): value is TeamState => (TEAM_STATES as readonly string[]).includes(value);
export const isTeamEvent = (value: string): value is TeamEvent => (TEAM_EVENTS as readonly string[]).includes(value);
export { isTeamRole } from '@hundred/domain';
export const isChangeRequestState = (value: string): value is ChangeRequestState =>
  (CHANGE_REQUEST_STATES as readonly string[]).includes(value);

export const TEAM_STATE_COLORS: Record<TeamState, MantineColor> = {
  FORMING: 'blue',
  GOALS_SUBMITTED: 'violet',
  READY: 'cyan',
  ACTIVE: 'teal',
  UNDER_REVIEW: 'orange',
  REPORTING: 'indigo',
  FINAL_SUBMITTED: 'grape',
  COMPLETED: 'green',
  SUSTAINING: 'lime',
  CLOSED: 'dark',
  STOPPED: 'red',
  WITHDRAWN: 'gray',
};

/** Roles in the order the team is presented. */
export const ROLE_ORDER: readonly TeamRole[] = TEAM_ROLES;
/** The roles named under NAME_LEADERS (the office's); the others under ADD_MEMBER and REMOVE_MEMBER. */
export const LEADER_ROLES: readonly TeamRole[] = ['SPONSOR', 'TEAM_LEAD'];

/** The team events this page fires; those of later features (mid-point, final report, outcome, sustainment) have pages of their own. */
export const WORKSPACE_EVENTS = [
  'SUBMIT_GOALS',
  'APPROVE_GOALS',
  'RETURN_GOALS',
  'WITHDRAW',
] as const satisfies readonly TeamEvent[];
export type WorkspaceEvent = (typeof WORKSPACE_EVENTS)[number];
export const isWorkspaceEvent = (value: string): value is WorkspaceEvent =>
  (WORKSPACE_EVENTS as readonly string[]).includes(value);

/** Whether the server lets this user do this on the team now (members, goals, check-ins, change requests). */
export const mayOn = (team: { permittedActions: readonly TeamAction[] }, action: TeamAction): boolean =>
  team.permittedActions.includes(action);

/**
 * Whether the team's 100 days run, so that a status and check-ins mean something: its goals are
 * frozen and its cohort is past day 1, or check-ins have come in.
 */
export const hasStarted = (
  team: { goalsFrozenAt: string | null; checkIns: readonly unknown[] },
  cohort: { currentDay: number } | null,
): boolean => (team.goalsFrozenAt !== null && (cohort?.currentDay ?? 0) >= 1) || team.checkIns.length > 0;

/** Guards of the team's transitions with words of their own on screen. */
export const TEAM_GUARDS = ['STATE', 'GOALS_COMPLETE', 'MEMBER_MINIMUMS', 'COMMENT_GIVEN', 'REASON_GIVEN'] as const;
export type TeamGuard = (typeof TEAM_GUARDS)[number];
export const isTeamGuard = (value: string): value is TeamGuard => (TEAM_GUARDS as readonly string[]).includes(value);

/** The units of a KPI in the order the form offers them (the schema's enum: a new unit fails type-checking here). */
const UNITS: Record<KpiUnit, true> = {
  PERCENT: true,
  NUMBER: true,
  DAYS: true,
  HOURS: true,
  MINUTES: true,
  CURRENCY: true,
};
export const KPI_UNITS = Object.keys(UNITS) as KpiUnit[];
export const isKpiUnit = (value: string): value is KpiUnit => value in UNITS;

export const isKpiDirection = (value: string): value is KpiDirection =>
  (KPI_DIRECTIONS as readonly string[]).includes(value);

/** The confidence levels of a check-in, lowest first (the schema's enum). */
const CONFIDENCE_LEVELS: Record<Confidence, true> = { LOW: true, MEDIUM: true, HIGH: true };
export const CONFIDENCES = Object.keys(CONFIDENCE_LEVELS) as Confidence[];
export const isConfidence = (value: string): value is Confidence => value in CONFIDENCE_LEVELS;

export const CHANGE_REQUEST_COLORS: Record<ChangeRequestState, MantineColor> = {
  PROPOSED: 'blue',
  APPROVED: 'teal',
  REJECTED: 'red',
};

export const isRag = (value: string): value is Rag => (RAG_STATUSES as readonly string[]).includes(value);

/** Mantine colours of each status; the badges also carry an icon and words, never colour alone. */
export const RAG_COLORS: Record<Rag, MantineColor> = {
  GREEN: 'green',
  AMBER: 'yellow',
  RED: 'red',
  GREY: 'gray',
};

/** The same colours as CSS values, for the charts. */
export const RAG_CSS: Record<Rag, string> = {
  GREEN: 'var(--mantine-color-green-7)',
  AMBER: 'var(--mantine-color-yellow-7)',
  RED: 'var(--mantine-color-red-7)',
  GREY: 'var(--mantine-color-gray-6)',
};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days from one local date to another (`YYYY-MM-DD`). */
export function daysBetween(from: string, to: string): number {
  const a = ISO_DATE.exec(from);
  const b = ISO_DATE.exec(to);
  if (!a || !b) return Number.NaN;
  const utc = (m: RegExpExecArray) => Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Math.round((utc(b) - utc(a)) / 86_400_000);
}

/** The cohort day a local date falls on: day 1 is `day1`; there is no day 0. */
export function cohortDayOf(isoDate: string, day1: string): number {
  const diff = daysBetween(day1, isoDate);
  return diff >= 0 ? diff + 1 : diff;
}

const isoDateFormats = new Map<string, Intl.DateTimeFormat>();

/** The local date (`YYYY-MM-DD`) of an instant in a time zone. */
export function localDateIn(instant: string | Date, timeZone: string): string {
  let isoDate = isoDateFormats.get(timeZone);
  if (!isoDate) {
    isoDate = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    isoDateFormats.set(timeZone, isoDate);
  }
  const parts = isoDate.formatToParts(typeof instant === 'string' ? new Date(instant) : instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * The week a check-in sent now is for, as the server counts: the first week whose due time has
 * not passed; after the last one, the last week. Null when there are no weeks.
 */
export function currentWeekOf(weeks: readonly { week: number; dueAt: string }[], now: string): number | null {
  if (weeks.length === 0) return null;
  const at = Date.parse(now);
  const next = weeks.find((w) => Date.parse(w.dueAt) >= at);
  return next ? next.week : weeks[weeks.length - 1]!.week;
}

/** People and agencies on the team, each counted once, as the member minimums count them. */
export function memberCounts(members: readonly { userId: string; role: TeamRole; user: { agencyId: string } }[]): {
  people: number;
  agencies: number;
} {
  const working = members.filter((m) => WORKING_TEAM_ROLES.includes(m.role));
  return {
    people: new Set(working.map((m) => m.userId)).size,
    agencies: new Set(working.map((m) => m.user.agencyId)).size,
  };
}

/** A tidy step for an axis spanning `range` in about `count` steps (1, 2, 2.5 or 5 × 10ⁿ). */
export function niceStep(range: number, count: number): number {
  if (!(range > 0) || !(count > 0)) return 1;
  const raw = range / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/** Parses what a number input holds; empty or not a number gives null. */
export function toNumberOrNull(value: string | number | null | undefined): number | null {
  if (value === '' || value === null || value === undefined) return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

/** A value rounded to a number of decimals, for figures worked out rather than reported. */
export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}
