import type { MantineColor } from '@mantine/core';
import { RAG_STATUSES, WORKING_TEAM_ROLES, type Rag, type TeamRole } from '@hundred/domain';

import { TEAM_ROLE_NAMES, type TeamRoleName, type TeamStateName } from '../challenges/challenges';

export { TEAM_ROLE_NAMES, TEAM_STATES, isTeamRole, isTeamState } from '../challenges/challenges';
export type { TeamRoleName, TeamStateName } from '../challenges/challenges';

export const TEAM_STATE_COLORS: Record<TeamStateName, MantineColor> = {
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

/** States before the 100 days start for a team: no status to show yet. */
export const NOT_STARTED_STATES: readonly string[] = ['FORMING', 'GOALS_SUBMITTED', 'READY'];
/** States in which the team leader and members send weekly check-ins. */
export const CHECK_IN_STATES: readonly string[] = ['ACTIVE', 'UNDER_REVIEW'];
/** States in which nobody joins or leaves the team any more. */
export const CLOSED_TEAM_STATES: readonly string[] = ['CLOSED', 'STOPPED', 'WITHDRAWN'];
/** Goals and KPIs are drafted while the team forms, and frozen once approved. */
export const GOALS_EDITABLE_STATES: readonly string[] = ['FORMING'];
/** A frozen target may change only while the cohort runs and the team is active or under review. */
export const CHANGE_WINDOW_COHORT_STATES: readonly string[] = ['EXECUTION', 'MIDPOINT_REVIEW', 'FINAL_STRETCH'];
export const CHANGE_WINDOW_TEAM_STATES: readonly string[] = ['ACTIVE', 'UNDER_REVIEW'];

/** The cap on goals per team and KPIs per goal. */
export const MAX_GOALS = 5;
export const MAX_KPIS = 5;

/** Roles in the order the team is presented. */
export const ROLE_ORDER: readonly TeamRoleName[] = TEAM_ROLE_NAMES;
/** Roles only the office names. */
export const LEADER_ROLES: readonly TeamRoleName[] = ['SPONSOR', 'TEAM_LEAD'];

/** Every event of the team's state machine (the history names them all). */
export const TEAM_MACHINE_EVENTS = [
  'SUBMIT_GOALS',
  'RETURN_GOALS',
  'APPROVE_GOALS',
  'START',
  'BEGIN_REVIEW',
  'DECIDE_MIDPOINT',
  'BEGIN_REPORTING',
  'SUBMIT_FINAL_REPORT',
  'RECORD_OUTCOME',
  'START_SUSTAINMENT',
  'CLOSE_SUSTAINMENT',
  'WITHDRAW',
] as const;
export type TeamMachineEvent = (typeof TEAM_MACHINE_EVENTS)[number];
export const isTeamMachineEvent = (value: string): value is TeamMachineEvent =>
  (TEAM_MACHINE_EVENTS as readonly string[]).includes(value);

/** Team events this page fires, and what each dialog asks for. */
export const TEAM_EVENTS = ['SUBMIT_GOALS', 'APPROVE_GOALS', 'RETURN_GOALS', 'WITHDRAW'] as const;
export type TeamEventName = (typeof TEAM_EVENTS)[number];
export const isTeamEvent = (value: string): value is TeamEventName =>
  (TEAM_EVENTS as readonly string[]).includes(value);
export const TEAM_EVENT_INPUT: Record<TeamEventName, 'none' | 'comment' | 'reason'> = {
  SUBMIT_GOALS: 'none',
  APPROVE_GOALS: 'none',
  RETURN_GOALS: 'comment',
  WITHDRAW: 'reason',
};
export const TEAM_EVENT_TARGET: Record<TeamEventName, TeamStateName> = {
  SUBMIT_GOALS: 'GOALS_SUBMITTED',
  APPROVE_GOALS: 'READY',
  RETURN_GOALS: 'FORMING',
  WITHDRAW: 'WITHDRAWN',
};
/** Guards a dialog answers itself. */
export const TEAM_RESOLVED_IN_DIALOG: readonly string[] = ['COMMENT_GIVEN', 'REASON_GIVEN'];

/** Guards of the team's transitions with words of their own on screen. */
export const TEAM_GUARDS = ['STATE', 'GOALS_COMPLETE', 'MEMBER_MINIMUMS', 'COMMENT_GIVEN', 'REASON_GIVEN'] as const;
export type TeamGuard = (typeof TEAM_GUARDS)[number];
export const isTeamGuard = (value: string): value is TeamGuard => (TEAM_GUARDS as readonly string[]).includes(value);

export const KPI_UNITS = ['PERCENT', 'NUMBER', 'DAYS', 'HOURS', 'MINUTES', 'CURRENCY'] as const;
export type KpiUnitName = (typeof KPI_UNITS)[number];
export const isKpiUnit = (value: string): value is KpiUnitName => (KPI_UNITS as readonly string[]).includes(value);

export const KPI_DIRECTIONS = ['INCREASE', 'DECREASE'] as const;
export type KpiDirectionName = (typeof KPI_DIRECTIONS)[number];
export const isKpiDirection = (value: string): value is KpiDirectionName =>
  (KPI_DIRECTIONS as readonly string[]).includes(value);

export const CONFIDENCES = ['LOW', 'MEDIUM', 'HIGH'] as const;
export type ConfidenceName = (typeof CONFIDENCES)[number];
export const isConfidence = (value: string): value is ConfidenceName =>
  (CONFIDENCES as readonly string[]).includes(value);

export const CHANGE_REQUEST_STATES = ['PROPOSED', 'APPROVED', 'REJECTED'] as const;
export type ChangeRequestStateName = (typeof CHANGE_REQUEST_STATES)[number];
export const isChangeRequestState = (value: string): value is ChangeRequestStateName =>
  (CHANGE_REQUEST_STATES as readonly string[]).includes(value);
export const CHANGE_REQUEST_COLORS: Record<ChangeRequestStateName, MantineColor> = {
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

/** The local date (`YYYY-MM-DD`) of an instant in a time zone. */
export function localDateIn(instant: string | Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(typeof instant === 'string' ? new Date(instant) : instant);
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
