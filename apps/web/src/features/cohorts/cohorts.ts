import type { MantineColor } from '@mantine/core';
import { can, type Actor, type CohortDeadlineKind, type Language } from '@hundred/domain';
import { COHORT_EVENTS, COHORT_STATES, type CohortEvent, type CohortState } from '@hundred/workflow';

// The states and events are libs/workflow's; what is here is how the web shows them.

export const isCohortState = (value: string): value is CohortState =>
  (COHORT_STATES as readonly string[]).includes(value);

/** One colour per state, shared by the badges and the phases of the timeline. */
export const STATE_COLORS: Record<CohortState, MantineColor> = {
  DRAFT: 'gray',
  INTAKE: 'blue',
  SELECTION: 'indigo',
  PREPARATION: 'violet',
  EXECUTION: 'teal',
  MIDPOINT_REVIEW: 'orange',
  FINAL_STRETCH: 'cyan',
  RESULTS: 'green',
  SUSTAINMENT: 'grape',
  CLOSED: 'dark',
  CANCELLED: 'red',
};

export const isCohortEvent = (value: string): value is CohortEvent =>
  (COHORT_EVENTS as readonly string[]).includes(value);

/** What each dated obligation of the cohort's own calendar is (libs/domain's kinds: a new one fails type-checking here). */
const DEADLINE_KINDS: Record<CohortDeadlineKind, true> = {
  COHORT_OPEN_INTAKE: true,
  INTAKE_CLOSE_REMINDER: true,
  COHORT_CLOSE_INTAKE: true,
  COHORT_START_PREPARATION: true,
  LAUNCH_REMINDER: true,
  COHORT_LAUNCH: true,
  COHORT_OPEN_MIDPOINT: true,
  COHORT_CLOSE_MIDPOINT: true,
  COHORT_OPEN_RESULTS: true,
  COHORT_START_SUSTAINMENT: true,
  COHORT_CLOSE: true,
};

export const isDeadlineKind = (value: string): value is CohortDeadlineKind => value in DEADLINE_KINDS;

export const DEADLINE_STATES = ['PENDING', 'FIRED', 'SKIPPED', 'CANCELLED'] as const;
export type DeadlineState = (typeof DEADLINE_STATES)[number];

export const isDeadlineState = (value: string): value is DeadlineState =>
  (DEADLINE_STATES as readonly string[]).includes(value);

/** Reminders are marked differently from the transitions on the timeline. */
export const isReminder = (kind: string) => kind.endsWith('_REMINDER');

export type IsoWeekdayNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** The names of the ISO weekdays (1 Monday … 7 Sunday) in a language. */
export function weekdayName(day: number, language: Language): string {
  // 1 January 2024 was a Monday.
  const date = new Date(Date.UTC(2024, 0, day, 12));
  return new Intl.DateTimeFormat(language === 'ar' ? 'ar' : 'en-GB', { weekday: 'long', timeZone: 'UTC' }).format(date);
}

/** The weekdays in the order the week is usually written in a language (Saturday or Monday first). */
export function weekdaysInOrder(language: Language): IsoWeekdayNumber[] {
  return language === 'ar' ? [6, 7, 1, 2, 3, 4, 5] : [1, 2, 3, 4, 5, 6, 7];
}

let zones: string[] | null = null;

/** Every IANA time zone this browser knows. */
export function timeZones(): string[] {
  if (!zones) {
    try {
      zones = Intl.supportedValuesOf('timeZone');
    } catch {
      zones = ['Asia/Amman', 'Asia/Riyadh', 'Asia/Dubai', 'Africa/Cairo', 'UTC'];
    }
    if (!zones.includes('UTC')) zones = [...zones, 'UTC'];
  }
  return zones;
}

export const DEFAULT_TIME_ZONE = 'Asia/Amman';
export const DEFAULT_WEEKEND: readonly IsoWeekdayNumber[] = [5, 6];

/** The four accelerator criteria the server uses when a cohort names none. */
export const DEFAULT_RUBRIC = [
  { key: 'CLEAR_AMBITIOUS_GOAL', nameAr: 'هدف واضح وطموح', nameEn: 'Clear and ambitious goal' },
  { key: 'TOUCHES_LIVES', nameAr: 'يمسّ حياة الناس', nameEn: "Touches people's lives" },
  { key: 'NEEDS_SEVERAL_AGENCIES', nameAr: 'يحتاج إلى تعاون عدة جهات', nameEn: 'Needs several agencies' },
  { key: 'ACHIEVABLE_IN_100_DAYS', nameAr: 'قابل للتحقيق خلال 100 يوم', nameEn: 'Achievable in 100 days' },
] as const;

/** A stable key for a new criterion, from its English name, unique among the given keys. */
export function criterionKey(nameEn: string, taken: ReadonlySet<string>): string {
  const base =
    nameEn
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .toUpperCase()
      .slice(0, 32) || 'CRITERION';
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}_${n}`;
  return key;
}

/** Splits a span of time into the whole days, hours and minutes the clock moves by. */
export function splitMinutes(totalMinutes: number): { days: number; hours: number; minutes: number } {
  const minutes = Math.max(1, Math.ceil(totalMinutes));
  return { days: Math.floor(minutes / 1440), hours: Math.floor((minutes % 1440) / 60), minutes: minutes % 60 };
}

/**
 * Whether the demo clock is shown: only to those who may move it, and only where the server says
 * the clock can move (`Clock.controllable`, the API's CLOCK_CONTROL); unknown until the server answers.
 */
export function showsDemoClock(actor: Actor | null, clock: { controllable: boolean } | null | undefined): boolean {
  return can(actor, 'clock.advance', { type: 'clock' }) && clock?.controllable === true;
}
