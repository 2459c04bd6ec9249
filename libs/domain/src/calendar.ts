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

/**
 * `dayOf` for a local date already known (YYYY-MM-DD in the cohort's time zone): the same day
 * number without resolving the time zone again, for many cohorts at once.
 */
export function dayOfLocalDate(day1: string, localToday: string): number {
  const diff = Math.round((Date.parse(`${localToday}T00:00:00Z`) - Date.parse(`${day1}T00:00:00Z`)) / 86_400_000);
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
  const start = DateTime.fromJSDate(instant, { zone: cal.timeZone });
  const from = dayNumber(start.toISODate()!);
  const step = n >= 0 ? 1 : -1;
  let day = from;
  for (let left = Math.abs(n); left > 0;) {
    day += step;
    if (isWorkingDayNumber(cal, day)) left--;
  }
  return start.plus({ days: day - from }).toJSDate();
}

// Local dates as whole days since 1970-01-01: a date's weekday and the dates around it follow from
// the Gregorian calendar alone, so counting working days needs no time-zone arithmetic per day.
const DAY_MS = 86_400_000;
const dayNumber = (isoDate: string): number => {
  const [y, m, d] = isoDate.split('-').map(Number);
  return Date.UTC(y!, m! - 1, d!) / DAY_MS;
};
function isWorkingDayNumber(cal: CohortCalendar, day: number): boolean {
  const date = new Date(day * DAY_MS);
  const weekday = (date.getUTCDay() || 7) as IsoWeekday;
  return !cal.weekendDays.includes(weekday) && !cal.holidays.includes(date.toISOString().slice(0, 10));
}

/**
 * Working days left from `from` until `to`, counted as `addWorkingDays` counts them: the number n
 * of working days such that `addWorkingDays(cal, from, n)` reaches `to`'s local date (0 on the
 * same day; negative once `to` has passed, counting the working days since).
 */
export function workingDaysUntil(cal: CohortCalendar, from: Date, to: Date): number {
  const a = dayNumber(localDateOf(cal, from));
  const b = dayNumber(localDateOf(cal, to));
  const step = b >= a ? 1 : -1;
  let n = 0;
  for (let day = a; day !== b;) {
    day += step;
    if (isWorkingDayNumber(cal, day)) n += step;
  }
  return n;
}

/** Whole calendar days before an instant, same local time. */
export function daysBefore(cal: CohortCalendar, instant: Date, days: number): Date {
  return DateTime.fromJSDate(instant, { zone: cal.timeZone }).minus({ days }).toJSDate();
}

/**
 * The week a check-in made at `instant` is for: the first week whose due time has not passed
 * (1-based); after the last, the last week. Null before the first week starts (before launch).
 */
export function checkInWeekAt(cal: CohortCalendar, instant: Date): number | null {
  return checkInWeekOf(checkInDueTimes(cal), startOfDay(cal, cal.offsets.launch), instant);
}

/** `checkInWeekAt` from the calendar's check-in due times and launch, when they are already known. */
export function checkInWeekOf(due: readonly Date[], launch: Date, instant: Date): number | null {
  if (due.length === 0 || instant.getTime() < launch.getTime()) return null;
  const i = due.findIndex((d) => d.getTime() >= instant.getTime());
  return i === -1 ? due.length : i + 1;
}

/** The weekly check-in instants from launch until results (exclusive). */
export function checkInDueTimes(cal: CohortCalendar): Date[] {
  // Every check-in asks for its cohort's weeks; each step through a named time zone costs Luxon an
  // Intl round (about 45 a cohort). The answer depends only on these fields: kept, a few hundred
  // cohorts at most.
  const o = cal.offsets;
  const key = [cal.timeZone, cal.day1, o.launch, o.results, o.checkInWeekday, o.checkInTime].join('|');
  let due = checkInDueTimesCache.get(key);
  if (!due) {
    due = computeCheckInDueTimes(cal);
    if (checkInDueTimesCache.size >= CHECK_IN_CACHE_SIZE) {
      checkInDueTimesCache.delete(checkInDueTimesCache.keys().next().value!);
    }
    checkInDueTimesCache.set(key, due);
  }
  return due.map((d) => new Date(d.getTime()));
}

const CHECK_IN_CACHE_SIZE = 500;
const checkInDueTimesCache = new Map<string, readonly Date[]>();

function computeCheckInDueTimes(cal: CohortCalendar): Date[] {
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

/** One thing wrong with a calendar: the field it concerns, a code, and the values to explain it. */
export interface CalendarProblem {
  field: string;
  code:
    | 'UNKNOWN_TIME_ZONE'
    | 'BAD_DATE'
    | 'BAD_WEEKDAY'
    | 'WHOLE_WEEK_WEEKEND'
    | 'NOT_A_DAY'
    | 'OUT_OF_ORDER'
    | 'LAUNCH_NOT_DAY_1'
    | 'NO_CHECKPOINT'
    | 'BAD_TIME'
    | 'BAD_DAY_COUNT';
  params?: Record<string, string | number>;
}

/** Problems that make a calendar unusable (a time zone or date that does not exist, …). */
export function calendarFormatProblems(cal: CohortCalendar): CalendarProblem[] {
  const problems: CalendarProblem[] = [];
  if (typeof cal.timeZone !== 'string' || !DateTime.local().setZone(cal.timeZone).isValid) {
    problems.push({ field: 'timeZone', code: 'UNKNOWN_TIME_ZONE', params: { value: String(cal.timeZone) } });
  }
  if (!ISO_DATE.test(cal.day1) || !DateTime.fromISO(cal.day1).isValid)
    problems.push({ field: 'day1', code: 'BAD_DATE', params: { value: cal.day1 } });
  if (cal.weekendDays.some((d) => !Number.isInteger(d) || d < 1 || d > 7))
    problems.push({ field: 'weekendDays', code: 'BAD_WEEKDAY' });
  if (new Set(cal.weekendDays).size >= 7) problems.push({ field: 'weekendDays', code: 'WHOLE_WEEK_WEEKEND' });
  cal.holidays.forEach((h, i) => {
    if (!ISO_DATE.test(h) || !DateTime.fromISO(h).isValid)
      problems.push({ field: `holidays.${i}`, code: 'BAD_DATE', params: { value: h } });
  });
  const o = cal.offsets;
  if (!/^([01]\d|2[0-3]):([0-5]\d)$/.test(o.checkInTime))
    problems.push({ field: 'offsets.checkInTime', code: 'BAD_TIME', params: { value: o.checkInTime } });
  if (!Number.isInteger(o.checkInWeekday) || o.checkInWeekday < 1 || o.checkInWeekday > 7) {
    problems.push({ field: 'offsets.checkInWeekday', code: 'BAD_WEEKDAY' });
  }
  for (const k of DAY_COUNTS) {
    const v = o[k] as number;
    if (!Number.isInteger(v) || v < 0 || v > 365) problems.push({ field: `offsets.${k}`, code: 'BAD_DAY_COUNT' });
  }
  for (const [name, day] of phaseOrder(o)) {
    if (!Number.isInteger(day) || day === 0 || Math.abs(day) > 1000)
      problems.push({ field: `offsets.${name}`, code: 'NOT_A_DAY', params: { day } });
  }
  o.checkpoints.forEach((c, i) => {
    if (!Number.isInteger(c) || c === 0 || Math.abs(c) > 1000)
      problems.push({ field: `offsets.checkpoints.${i}`, code: 'NOT_A_DAY', params: { day: c } });
  });
  return problems;
}

const DAY_COUNTS: (keyof CalendarOffsets)[] = [
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

function phaseOrder(o: CalendarOffsets): [keyof CalendarOffsets, number][] {
  return [
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
    ['sustainmentStarts', o.sustainmentStarts],
  ];
}

/** Everything wrong with a calendar, format first, then the order of its phases; empty when consistent. */
export function calendarProblems(cal: CohortCalendar): CalendarProblem[] {
  const problems = calendarFormatProblems(cal);
  const o = cal.offsets;
  if (o.launch !== 1) problems.push({ field: 'offsets.launch', code: 'LAUNCH_NOT_DAY_1' });
  const order = phaseOrder(o);
  for (let i = 1; i < order.length; i++) {
    const [prevName, prev] = order[i - 1]!;
    const [name, day] = order[i]!;
    // The mid-point may close on the day assessments are due, and sustainment start with the report.
    const mayEqual = (prevName === 'assessmentsDue' && name === 'midpointCloses') || name === 'sustainmentStarts';
    if (mayEqual ? day < prev : day <= prev)
      problems.push({
        field: `offsets.${name}`,
        code: 'OUT_OF_ORDER',
        params: { day, after: prevName, afterDay: prev },
      });
  }
  if (o.checkpoints.length === 0) problems.push({ field: 'offsets.checkpoints', code: 'NO_CHECKPOINT' });
  o.checkpoints.forEach((c, i) => {
    const prev = i === 0 ? o.sustainmentStarts : o.checkpoints[i - 1]!;
    const after = i === 0 ? 'sustainmentStarts' : `checkpoints.${i - 1}`;
    if (c <= prev)
      problems.push({
        field: `offsets.checkpoints.${i}`,
        code: 'OUT_OF_ORDER',
        params: { day: c, after, afterDay: prev },
      });
  });
  return problems;
}

/** The problems in plain English (logs, tests and the command line). */
export function checkCalendar(cal: CohortCalendar): string[] {
  return calendarProblems(cal).map((p) => {
    const v = p.params ?? {};
    switch (p.code) {
      case 'UNKNOWN_TIME_ZONE':
        return `time zone "${v.value}" is not known`;
      case 'BAD_DATE':
        return `${p.field} "${v.value}" is not a date`;
      case 'BAD_WEEKDAY':
        return `${p.field} must be 1 (Monday) to 7 (Sunday)`;
      case 'WHOLE_WEEK_WEEKEND':
        return 'the weekend cannot be the whole week';
      case 'NOT_A_DAY':
        return `${p.field} must be a whole day other than 0`;
      case 'OUT_OF_ORDER':
        return `${p.field.replace('offsets.', '')} (day ${v.day}) must come after ${v.after} (day ${v.afterDay})`;
      case 'LAUNCH_NOT_DAY_1':
        return 'launch must be day 1';
      case 'NO_CHECKPOINT':
        return 'at least one sustainment checkpoint is needed';
      case 'BAD_TIME':
        return `${p.field} "${v.value}" must be HH:MM`;
      case 'BAD_DAY_COUNT':
        return `${p.field} must be a whole number of days from 0 to 365`;
    }
  });
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

/**
 * The cohort day a deadline belongs to: the day of its offset for the ones at the end of a day
 * (due at the next midnight, yet "on" their day), else the day its instant falls on.
 */
export function deadlineDay(cal: CohortCalendar, kind: string, dueAt: Date): number {
  const o = cal.offsets;
  const lastCheckpoint = o.checkpoints[o.checkpoints.length - 1] ?? o.sustainmentStarts;
  const endOfDayKinds: Record<string, number> = {
    COHORT_CLOSE_INTAKE: o.intakeCloses,
    COHORT_START_PREPARATION: o.selectionEnds,
    COHORT_CLOSE_MIDPOINT: o.midpointCloses,
    COHORT_START_SUSTAINMENT: o.sustainmentStarts,
    COHORT_CLOSE: lastCheckpoint + o.closeAfterLastCheckpointDays,
    GOALS_DUE: o.goalsDue,
    ASSESSMENTS_DUE: o.assessmentsDue,
    FINAL_REPORT_DUE: o.finalReportDue,
  };
  const day = endOfDayKinds[kind];
  if (day !== undefined && endOfDay(cal, day).getTime() === dueAt.getTime()) return day;
  return dayOf(cal, dueAt);
}

/**
 * The last calendars worked out (time-zone arithmetic is costly, and every reminder that fires
 * describes its cohort): the same calendar gives the same deadlines.
 */
const cohortDeadlinesCache = new Map<string, ScheduledDeadline<CohortDeadlineKind>[]>();
const COHORT_DEADLINES_CACHE_SIZE = 256;

/** The cohort's own calendar: its scheduled transitions and their reminders. */
export function cohortDeadlines(cal: CohortCalendar): ScheduledDeadline<CohortDeadlineKind>[] {
  const key = JSON.stringify([cal.day1, cal.timeZone, cal.weekendDays, cal.holidays, cal.offsets]);
  let found = cohortDeadlinesCache.get(key);
  if (!found) {
    found = computeCohortDeadlines(cal);
    if (cohortDeadlinesCache.size >= COHORT_DEADLINES_CACHE_SIZE)
      cohortDeadlinesCache.delete(cohortDeadlinesCache.keys().next().value!);
    cohortDeadlinesCache.set(key, found);
  }
  // Copies: a caller may change what it gets.
  return found.map((d) => ({ ...d, dueAt: new Date(d.dueAt) }));
}

function computeCohortDeadlines(cal: CohortCalendar): ScheduledDeadline<CohortDeadlineKind>[] {
  const o = cal.offsets;
  const lastCheckpoint = o.checkpoints[o.checkpoints.length - 1] ?? o.sustainmentStarts;
  const at = (kind: CohortDeadlineKind, dueAt: Date) => ({ kind, dueAt, day: deadlineDay(cal, kind, dueAt) });
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

/** When the screening of a challenge submitted at `submittedAt` is due (working days after it). */
export const screeningDue = (cal: CohortCalendar, submittedAt: Date): Date =>
  addWorkingDays(cal, submittedAt, cal.offsets.screeningWorkingDays);

/** When leadership's decision on a challenge recommended at `recommendedAt` is due (working days after it). */
export const decisionDue = (cal: CohortCalendar, recommendedAt: Date): Date =>
  addWorkingDays(cal, recommendedAt, cal.offsets.decisionWorkingDays);

/** Screening of a challenge submitted at `submittedAt`, in working days. */
export function screeningDeadline(cal: CohortCalendar, submittedAt: Date): DueWithReminder {
  const o = cal.offsets;
  const dueAt = screeningDue(cal, submittedAt);
  return {
    dueAt,
    remindAt: addWorkingDays(cal, dueAt, -o.screeningReminderWorkingDays),
    escalateAt: addWorkingDays(cal, dueAt, o.screeningEscalationWorkingDays),
  };
}

/** Leadership's decision on a challenge recommended at `recommendedAt`, in working days. */
export function decisionDeadline(cal: CohortCalendar, recommendedAt: Date): DueWithReminder {
  const o = cal.offsets;
  const dueAt = decisionDue(cal, recommendedAt);
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

/** A dated obligation of the teams of a cohort, by the calendar (whether or not it is scheduled yet). */
export interface TeamObligation {
  /** The kind of deadline that carries it (as the deadlines table names it). */
  kind: string;
  /** Unique within the cohort: the kind, and the week or checkpoint it is for. */
  key: string;
  dueAt: Date;
  day: number;
}

/**
 * Every deadline of PRODUCT.md section 5 that concerns a team, by the cohort's calendar: goals due
 * (and their reminder), each week's check-in, assessments due (and the reviewers' reminder), the
 * final report, and each sustainment checkpoint (with its reminder).
 */
export function teamObligations(cal: CohortCalendar): TeamObligation[] {
  const at = (kind: string, key: string, dueAt: Date): TeamObligation => ({
    kind,
    key,
    dueAt,
    day: deadlineDay(cal, kind.replace(/_OVERDUE$/, '_DUE'), dueAt),
  });
  const goals = goalsDeadline(cal);
  const assessments = assessmentsDeadline(cal);
  const report = finalReportDeadline(cal);
  return [
    at('GOALS_REMINDER', 'GOALS_REMINDER', goals.remindAt),
    at('GOALS_OVERDUE', 'GOALS_OVERDUE', goals.dueAt),
    ...checkInDueTimes(cal).map((dueAt, i) => at('CHECK_IN_DUE', `CHECK_IN_DUE#${i + 1}`, dueAt)),
    at('ASSESSMENTS_REMINDER', 'ASSESSMENTS_REMINDER', assessments.remindAt),
    at('ASSESSMENTS_OVERDUE', 'ASSESSMENTS_OVERDUE', assessments.dueAt),
    at('FINAL_REPORT_REMINDER', 'FINAL_REPORT_REMINDER', report.remindAt),
    at('FINAL_REPORT_OVERDUE', 'FINAL_REPORT_OVERDUE', report.dueAt),
    ...checkpointDeadlines(cal).flatMap((c, i) => [
      at('CHECKPOINT_REMINDER', `CHECKPOINT_REMINDER#${i + 1}`, c.remindAt),
      at('CHECKPOINT_OVERDUE', `CHECKPOINT_OVERDUE#${i + 1}`, c.dueAt),
    ]),
  ].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}

/** Gregorian date in the reader's language (Western digits unless asked otherwise). */
// Building an Intl.DateTimeFormat costs far more than formatting with one (a list of a hundred
// dates built a hundred): each locale and time zone's is made once and kept.
const longDateFormats = new Map<string, Intl.DateTimeFormat>();
function longDateFormat(locale: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}`;
  let found = longDateFormats.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'long', year: 'numeric' });
    longDateFormats.set(key, found);
  }
  return found;
}

export function formatGregorian(instant: Date, lang: 'ar' | 'en', timeZone: string, arabicDigits = false): string {
  const locale = lang === 'ar' ? `ar-u-nu-${arabicDigits ? 'arab' : 'latn'}` : 'en-GB';
  return longDateFormat(locale, timeZone).format(instant);
}

/** Hijri date in the Umm al-Qura calendar. */
export function formatHijri(instant: Date, lang: 'ar' | 'en', timeZone: string, arabicDigits = false): string {
  const locale =
    lang === 'ar' ? `ar-SA-u-ca-islamic-umalqura-nu-${arabicDigits ? 'arab' : 'latn'}` : 'en-u-ca-islamic-umalqura';
  return longDateFormat(locale, timeZone).format(instant);
}

/**
 * How a deadline's due time follows from the calendar. Stored with each deadline, so that moving
 * a cohort's day 1 (or its weekend, holidays or offsets) recomputes every pending one.
 */
export type DueRule =
  | { readonly rule: 'COHORT'; readonly kind: CohortDeadlineKind }
  | { readonly rule: 'GOALS_DUE' | 'GOALS_REMINDER' }
  | { readonly rule: 'ASSESSMENTS_DUE' | 'ASSESSMENTS_REMINDER' }
  | { readonly rule: 'FINAL_REPORT_DUE' | 'FINAL_REPORT_REMINDER' }
  | { readonly rule: 'CHECKPOINT_DUE' | 'CHECKPOINT_REMINDER'; readonly index: number }
  | { readonly rule: 'CHECK_IN' | 'CHECK_IN_REMINDER'; readonly index: number }
  | { readonly rule: 'SCREENING_DUE' | 'SCREENING_REMINDER' | 'SCREENING_ESCALATION'; readonly from: string }
  | { readonly rule: 'DECISION_DUE' | 'DECISION_REMINDER'; readonly from: string }
  /** A fixed instant (e.g. a blocked transition checked again a day later). */
  | { readonly rule: 'AT'; readonly at: string };

/** The due instant of a rule in a calendar; null when the calendar no longer has it (e.g. fewer checkpoints). */
export function resolveDue(cal: CohortCalendar, r: DueRule): Date | null {
  switch (r.rule) {
    case 'COHORT':
      return cohortDeadlines(cal).find((d) => d.kind === r.kind)?.dueAt ?? null;
    case 'GOALS_DUE':
      return goalsDeadline(cal).dueAt;
    case 'GOALS_REMINDER':
      return goalsDeadline(cal).remindAt;
    case 'ASSESSMENTS_DUE':
      return assessmentsDeadline(cal).dueAt;
    case 'ASSESSMENTS_REMINDER':
      return assessmentsDeadline(cal).remindAt;
    case 'FINAL_REPORT_DUE':
      return finalReportDeadline(cal).dueAt;
    case 'FINAL_REPORT_REMINDER':
      return finalReportDeadline(cal).remindAt;
    case 'CHECKPOINT_DUE':
      return checkpointDeadlines(cal)[r.index]?.dueAt ?? null;
    case 'CHECKPOINT_REMINDER':
      return checkpointDeadlines(cal)[r.index]?.remindAt ?? null;
    case 'CHECK_IN':
      return checkInDueTimes(cal)[r.index] ?? null;
    case 'CHECK_IN_REMINDER': {
      // On the day, three hours before the check-in is due.
      const due = checkInDueTimes(cal)[r.index];
      return due ? new Date(due.getTime() - 3 * 3600_000) : null;
    }
    case 'SCREENING_DUE':
      return screeningDeadline(cal, new Date(r.from)).dueAt;
    case 'SCREENING_REMINDER':
      return screeningDeadline(cal, new Date(r.from)).remindAt;
    case 'SCREENING_ESCALATION':
      return screeningDeadline(cal, new Date(r.from)).escalateAt ?? null;
    case 'DECISION_DUE':
      return decisionDeadline(cal, new Date(r.from)).dueAt;
    case 'DECISION_REMINDER':
      return decisionDeadline(cal, new Date(r.from)).remindAt;
    case 'AT':
      return new Date(r.at);
    default: {
      const unreachable: never = r;
      return unreachable;
    }
  }
}
