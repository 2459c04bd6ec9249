import { DateTime } from 'luxon';

/**
 * The 100-day calendar of a cohort (PRODUCT.md section 5). Day 1 is the launch workshop; the
 * day before it is day −1 (there is no day 0). Every instant is computed in the cohort's time
 * zone; working days skip its weekend and public holidays.
 */

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface CalendarOffsets {
  intakeOpens: number;
  intakeCloses: number;
  /** Focal points with drafts are reminded this many days before intake closes. */
  intakeCloseReminderDays: number;
  selectionEnds: number;
  goalsDue: number;
  goalsReminderDays: number;
  launch: number;
  launchReminderDays: number;
  /** Weekly check-ins are due on this weekday at this local time, from launch to results. */
  checkInWeekday: IsoWeekday;
  checkInTime: string;
  midpointOpens: number;
  assessmentsDue: number;
  assessmentReminderDays: number;
  midpointCloses: number;
  results: number;
  finalReportDue: number;
  finalReportReminderDays: number;
  sustainmentStarts: number;
  checkpoints: number[];
  checkpointReminderDays: number;
  /** The cohort closes this many days after its last checkpoint. */
  closeAfterLastCheckpointDays: number;
  screeningWorkingDays: number;
  screeningReminderWorkingDays: number;
  screeningEscalationWorkingDays: number;
  decisionWorkingDays: number;
  decisionReminderWorkingDays: number;
}

export const DEFAULT_OFFSETS: CalendarOffsets = {
  intakeOpens: -42,
  intakeCloses: -28,
  intakeCloseReminderDays: 3,
  selectionEnds: -21,
  goalsDue: -7,
  goalsReminderDays: 3,
  launch: 1,
  launchReminderDays: 1,
  checkInWeekday: 4,
  checkInTime: '12:00',
  midpointOpens: 45,
  assessmentsDue: 55,
  assessmentReminderDays: 2,
  midpointCloses: 56,
  results: 100,
  finalReportDue: 107,
  finalReportReminderDays: 3,
  sustainmentStarts: 107,
  checkpoints: [130, 190, 280],
  checkpointReminderDays: 7,
  closeAfterLastCheckpointDays: 14,
  screeningWorkingDays: 5,
  screeningReminderWorkingDays: 1,
  screeningEscalationWorkingDays: 2,
  decisionWorkingDays: 5,
  decisionReminderWorkingDays: 1,
};

export interface CohortCalendar {
  /** Local date of day 1, `YYYY-MM-DD`. */
  day1: string;
  /** IANA time zone, e.g. `Asia/Amman`. */
  timeZone: string;
  weekendDays: IsoWeekday[];
  /** Public holidays, local dates `YYYY-MM-DD`. */
  holidays: string[];
  offsets: CalendarOffsets;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function localDate(cal: CohortCalendar, isoDate: string): DateTime {
  const d = DateTime.fromISO(isoDate, { zone: cal.timeZone });
  if (!d.isValid)
    throw new Error(`invalid date ${isoDate} in ${cal.timeZone}: ${d.invalidExplanation ?? d.invalidReason}`);
  return d.startOf('day');
}

/** Day N → its local date. */
export function dateOfDay(cal: CohortCalendar, n: number): string {
  if (!Number.isInteger(n) || n === 0) throw new Error(`day ${n} does not exist (days are …, −1, 1, 2, …)`);
  return localDate(cal, cal.day1)
    .plus({ days: n > 0 ? n - 1 : n })
    .toISODate()!;
}

/** The instant a day begins (00:00 local; DST-aware). */
export function startOfDay(cal: CohortCalendar, n: number): Date {
  return localDate(cal, dateOfDay(cal, n)).toJSDate();
}

/** The instant a day ends: the start of the next local day. */
export function endOfDay(cal: CohortCalendar, n: number): Date {
  return localDate(cal, dateOfDay(cal, n)).plus({ days: 1 }).toJSDate();
}

/** A local wall-clock time (`HH:MM`) on day N. */
export function atLocalTime(cal: CohortCalendar, n: number, time: string): Date {
  const [h, m] = parseTime(time);
  return localDate(cal, dateOfDay(cal, n)).set({ hour: h, minute: m }).toJSDate();
}

function parseTime(time: string): [number, number] {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!match) throw new Error(`invalid time ${time} (HH:MM)`);
  return [Number(match[1]), Number(match[2])];
}

/** The cohort day an instant falls on, in the cohort's time zone. */
export function dayOf(cal: CohortCalendar, instant: Date): number {
  const local = DateTime.fromJSDate(instant, { zone: cal.timeZone }).startOf('day');
  const diff = Math.round(local.diff(localDate(cal, cal.day1), 'days').days);
  return diff >= 0 ? diff + 1 : diff;
}

/** The local date of an instant in the cohort's time zone. */
export function localDateOf(cal: CohortCalendar, instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: cal.timeZone }).toISODate()!;
}

export function isWorkingDay(cal: CohortCalendar, isoDate: string): boolean {
  const d = localDate(cal, isoDate);
  return !cal.weekendDays.includes(d.weekday as IsoWeekday) && !cal.holidays.includes(d.toISODate()!);
}

/**
 * Moves an instant by `n` working days (negative: back), keeping its local time of day. Counting
 * starts from the next (or previous) working day, so "5 working days after a Friday submission"
 * in a Friday–Saturday weekend lands on the following Thursday.
 */
export function addWorkingDays(cal: CohortCalendar, instant: Date, n: number): Date {
  if (!Number.isInteger(n)) throw new Error(`working days must be whole, got ${n}`);
  let d = DateTime.fromJSDate(instant, { zone: cal.timeZone });
  const step = n >= 0 ? 1 : -1;
  let left = Math.abs(n);
  while (left > 0) {
    d = d.plus({ days: step });
    if (isWorkingDay(cal, d.toISODate()!)) left--;
  }
  return d.toJSDate();
}

/** Whole calendar days before an instant, same local time. */
export function daysBefore(cal: CohortCalendar, instant: Date, days: number): Date {
  return DateTime.fromJSDate(instant, { zone: cal.timeZone }).minus({ days }).toJSDate();
}

/** The weekly check-in instants from launch until results (exclusive). */
export function checkInDueTimes(cal: CohortCalendar): Date[] {
  const o = cal.offsets;
  const [h, m] = parseTime(o.checkInTime);
  const out: Date[] = [];
  const first = localDate(cal, dateOfDay(cal, o.launch));
  const end = startOfDay(cal, o.results).getTime();
  let d = first.plus({ days: (o.checkInWeekday - first.weekday + 7) % 7 });
  if (d.equals(first)) d = d.plus({ days: 7 }); // not on launch day itself
  for (; ; d = d.plus({ weeks: 1 })) {
    const at = d.set({ hour: h, minute: m });
    if (at.toMillis() >= end) break;
    out.push(at.toJSDate());
  }
  return out;
}

/** What is wrong with a calendar, in words the office can act on; empty when consistent. */
export function checkCalendar(cal: CohortCalendar): string[] {
  const problems: string[] = [];
  if (!DateTime.local().setZone(cal.timeZone).isValid) problems.push(`time zone "${cal.timeZone}" is not known`);
  if (!ISO_DATE.test(cal.day1) || !DateTime.fromISO(cal.day1).isValid)
    problems.push(`day 1 "${cal.day1}" is not a date`);
  if (cal.weekendDays.some((d) => !Number.isInteger(d) || d < 1 || d > 7))
    problems.push('weekend days must be 1 (Monday) to 7 (Sunday)');
  if (new Set(cal.weekendDays).size >= 7) problems.push('the weekend cannot be the whole week');
  for (const h of cal.holidays)
    if (!ISO_DATE.test(h) || !DateTime.fromISO(h).isValid) problems.push(`holiday "${h}" is not a date`);
  const o = cal.offsets;
  const order: [string, number][] = [
    ['intakeOpens', o.intakeOpens],
    ['intakeCloses', o.intakeCloses],
    ['selectionEnds', o.selectionEnds],
    ['goalsDue', o.goalsDue],
    ['launch', o.launch],
    ['midpointOpens', o.midpointOpens],
    ['assessmentsDue', o.assessmentsDue],
    ['midpointCloses', o.midpointCloses],
    ['results', o.results],
    ['finalReportDue', o.finalReportDue],
  ];
  for (const [name, day] of order)
    if (!Number.isInteger(day) || day === 0) problems.push(`${name} must be a whole day other than 0`);
  for (let i = 1; i < order.length; i++) {
    const [prevName, prev] = order[i - 1]!;
    const [name, day] = order[i]!;
    const strict = !(prevName === 'assessmentsDue' && name === 'midpointCloses');
    if (strict ? day <= prev : day < prev)
      problems.push(`${name} (day ${day}) must come after ${prevName} (day ${prev})`);
  }
  if (o.launch !== 1) problems.push('launch must be day 1');
  if (o.sustainmentStarts < o.finalReportDue) problems.push('sustainmentStarts must not come before finalReportDue');
  if (o.checkpoints.length === 0) problems.push('at least one sustainment checkpoint is needed');
  o.checkpoints.forEach((c, i) => {
    const prev = i === 0 ? o.sustainmentStarts : o.checkpoints[i - 1]!;
    if (!Number.isInteger(c) || c <= prev) problems.push(`checkpoint day ${c} must come after day ${prev}`);
  });
  if (!/^([01]\d|2[0-3]):([0-5]\d)$/.test(o.checkInTime))
    problems.push(`check-in time "${o.checkInTime}" must be HH:MM`);
  if (!Number.isInteger(o.checkInWeekday) || o.checkInWeekday < 1 || o.checkInWeekday > 7)
    problems.push('check-in weekday must be 1 to 7');
  const positive: (keyof CalendarOffsets)[] = [
    'screeningWorkingDays',
    'decisionWorkingDays',
    'intakeCloseReminderDays',
    'goalsReminderDays',
    'launchReminderDays',
    'assessmentReminderDays',
    'finalReportReminderDays',
    'checkpointReminderDays',
    'screeningReminderWorkingDays',
    'screeningEscalationWorkingDays',
    'decisionReminderWorkingDays',
    'closeAfterLastCheckpointDays',
  ];
  for (const k of positive) {
    const v = o[k] as number;
    if (!Number.isInteger(v) || v < 0 || v > 365) problems.push(`${k} must be a whole number of days from 0 to 365`);
  }
  return problems;
}

/** What a scheduled deadline does when it comes due. */
export type CohortDeadlineKind =
  | 'COHORT_OPEN_INTAKE'
  | 'COHORT_CLOSE_INTAKE'
  | 'COHORT_START_PREPARATION'
  | 'COHORT_LAUNCH'
  | 'COHORT_OPEN_MIDPOINT'
  | 'COHORT_CLOSE_MIDPOINT'
  | 'COHORT_OPEN_RESULTS'
  | 'COHORT_START_SUSTAINMENT'
  | 'COHORT_CLOSE'
  | 'INTAKE_CLOSE_REMINDER'
  | 'LAUNCH_REMINDER';

export interface ScheduledDeadline<K extends string = string> {
  kind: K;
  dueAt: Date;
  /** The cohort day it falls on (for timelines). */
  day: number;
}

/** The cohort's own calendar: its scheduled transitions and their reminders. */
export function cohortDeadlines(cal: CohortCalendar): ScheduledDeadline<CohortDeadlineKind>[] {
  const o = cal.offsets;
  const lastCheckpoint = o.checkpoints[o.checkpoints.length - 1] ?? o.sustainmentStarts;
  const at = (kind: CohortDeadlineKind, dueAt: Date) => ({ kind, dueAt, day: dayOf(cal, dueAt) });
  const intakeCloses = endOfDay(cal, o.intakeCloses);
  const launch = startOfDay(cal, o.launch);
  return [
    at('COHORT_OPEN_INTAKE', startOfDay(cal, o.intakeOpens)),
    at('INTAKE_CLOSE_REMINDER', daysBefore(cal, intakeCloses, o.intakeCloseReminderDays)),
    at('COHORT_CLOSE_INTAKE', intakeCloses),
    at('COHORT_START_PREPARATION', endOfDay(cal, o.selectionEnds)),
    at('LAUNCH_REMINDER', daysBefore(cal, launch, o.launchReminderDays)),
    at('COHORT_LAUNCH', launch),
    at('COHORT_OPEN_MIDPOINT', startOfDay(cal, o.midpointOpens)),
    at('COHORT_CLOSE_MIDPOINT', endOfDay(cal, o.midpointCloses)),
    at('COHORT_OPEN_RESULTS', startOfDay(cal, o.results)),
    at('COHORT_START_SUSTAINMENT', endOfDay(cal, o.sustainmentStarts)),
    at('COHORT_CLOSE', endOfDay(cal, lastCheckpoint + o.closeAfterLastCheckpointDays)),
  ];
}

/** A due time with its reminder (and, where the calendar has one, the escalation after it). */
export interface DueWithReminder {
  dueAt: Date;
  remindAt: Date;
  escalateAt?: Date;
}

/** Screening of a challenge submitted at `submittedAt`, in working days. */
export function screeningDeadline(cal: CohortCalendar, submittedAt: Date): DueWithReminder {
  const o = cal.offsets;
  const dueAt = addWorkingDays(cal, submittedAt, o.screeningWorkingDays);
  return {
    dueAt,
    remindAt: addWorkingDays(cal, dueAt, -o.screeningReminderWorkingDays),
    escalateAt: addWorkingDays(cal, dueAt, o.screeningEscalationWorkingDays),
  };
}

/** Leadership's decision on a challenge recommended at `recommendedAt`, in working days. */
export function decisionDeadline(cal: CohortCalendar, recommendedAt: Date): DueWithReminder {
  const o = cal.offsets;
  const dueAt = addWorkingDays(cal, recommendedAt, o.decisionWorkingDays);
  return { dueAt, remindAt: addWorkingDays(cal, dueAt, -o.decisionReminderWorkingDays) };
}

/** A dated obligation at the end of day N with its reminder `reminderDays` before. */
export function dueOnDay(cal: CohortCalendar, n: number, reminderDays: number): DueWithReminder {
  const dueAt = endOfDay(cal, n);
  return { dueAt, remindAt: daysBefore(cal, dueAt, reminderDays) };
}

export const goalsDeadline = (cal: CohortCalendar) =>
  dueOnDay(cal, cal.offsets.goalsDue, cal.offsets.goalsReminderDays);
export const assessmentsDeadline = (cal: CohortCalendar) =>
  dueOnDay(cal, cal.offsets.assessmentsDue, cal.offsets.assessmentReminderDays);
export const finalReportDeadline = (cal: CohortCalendar) =>
  dueOnDay(cal, cal.offsets.finalReportDue, cal.offsets.finalReportReminderDays);
export const checkpointDeadlines = (cal: CohortCalendar) =>
  cal.offsets.checkpoints.map((day) => ({ day, ...dueOnDay(cal, day, cal.offsets.checkpointReminderDays) }));

/** Gregorian date in the reader's language (Western digits unless asked otherwise). */
export function formatGregorian(instant: Date, lang: 'ar' | 'en', timeZone: string, arabicDigits = false): string {
  const locale = lang === 'ar' ? `ar-u-nu-${arabicDigits ? 'arab' : 'latn'}` : 'en-GB';
  return new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'long', year: 'numeric' }).format(instant);
}

/** Hijri date in the Umm al-Qura calendar. */
export function formatHijri(instant: Date, lang: 'ar' | 'en', timeZone: string, arabicDigits = false): string {
  const locale =
    lang === 'ar' ? `ar-SA-u-ca-islamic-umalqura-nu-${arabicDigits ? 'arab' : 'latn'}` : 'en-u-ca-islamic-umalqura';
  return new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'long', year: 'numeric' }).format(instant);
}
