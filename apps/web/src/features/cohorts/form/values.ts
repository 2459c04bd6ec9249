import type { UseFormReturnType } from '@mantine/form';
import { DEFAULT_OFFSETS, type CalendarOffsets } from '@hundred/domain';

import type { CohortDetailFragment, CreateCohortInput } from '../../../gql/graphql';
import { criterionKey, DEFAULT_RUBRIC, DEFAULT_TIME_ZONE, DEFAULT_WEEKEND } from '../cohorts';

export type Cohort = CohortDetailFragment;
/** What a number input holds: a number, or the text typed so far. */
export type NumberValue = number | string;

/** Offsets counted as days of the cohort (negative before day 1, never 0), in calendar order. */
export const PHASE_DAYS = [
  'intakeOpens',
  'intakeCloses',
  'selectionEnds',
  'goalsDue',
  'launch',
  'midpointOpens',
  'assessmentsDue',
  'midpointCloses',
  'results',
  'finalReportDue',
  'sustainmentStarts',
] as const;
/** Offsets counted in calendar days before a deadline. */
export const REMINDER_DAYS = [
  'intakeCloseReminderDays',
  'goalsReminderDays',
  'launchReminderDays',
  'assessmentReminderDays',
  'finalReportReminderDays',
  'checkpointReminderDays',
] as const;
/** Offsets counted in working days. */
export const WORKING_DAYS = [
  'screeningWorkingDays',
  'screeningReminderWorkingDays',
  'screeningEscalationWorkingDays',
  'decisionWorkingDays',
  'decisionReminderWorkingDays',
] as const;
export type CountKey = (typeof PHASE_DAYS)[number] | (typeof REMINDER_DAYS)[number] | (typeof WORKING_DAYS)[number];

export type OffsetValues = Record<CountKey | 'closeAfterLastCheckpointDays', NumberValue> & {
  checkInWeekday: string;
  checkInTime: string;
  checkpoints: NumberValue[];
};

/** The cohort form's values as the inputs hold them. */
export interface CohortFormValues {
  nameAr: string;
  nameEn: string;
  day1: string;
  timeZone: string;
  weekendDays: string[];
  holidays: string[];
  offsets: OffsetValues;
  rubric: { key: string; nameAr: string; nameEn: string }[];
  /** Percentages on screen; fractions on the server. */
  ragThresholds: { green: NumberValue; amber: NumberValue; staleDays: NumberValue };
  minReviewers: NumberValue;
  approvalsRequired: NumberValue;
  minTeamMembers: NumberValue;
  minTeamAgencies: NumberValue;
  /** Weeks a run of missed check-ins goes on before it is escalated again. */
  checkInEscalationRepeatWeeks: NumberValue;
}

export type CohortForm = UseFormReturnType<CohortFormValues>;
/** The folded parts of the form. */
export type Panel = 'calendar' | 'rubric' | 'rules';

function offsetValues(offsets: CalendarOffsets | Cohort['offsets']): OffsetValues {
  const counts = Object.fromEntries(
    [...PHASE_DAYS, ...REMINDER_DAYS, ...WORKING_DAYS, 'closeAfterLastCheckpointDays' as const].map((key) => [
      key,
      offsets[key],
    ]),
  ) as Record<CountKey | 'closeAfterLastCheckpointDays', number>;
  return {
    ...counts,
    checkInWeekday: String(offsets.checkInWeekday),
    checkInTime: offsets.checkInTime,
    checkpoints: [...offsets.checkpoints],
  };
}

const percent = (fraction: number) => Math.round(fraction * 1000) / 10;

/** The form's values for a cohort being edited, or the defaults of a new one. */
export function valuesOf(cohort: Cohort | null): CohortFormValues {
  if (!cohort) {
    return {
      nameAr: '',
      nameEn: '',
      day1: '',
      timeZone: DEFAULT_TIME_ZONE,
      weekendDays: DEFAULT_WEEKEND.map(String),
      holidays: [],
      offsets: offsetValues(DEFAULT_OFFSETS),
      rubric: DEFAULT_RUBRIC.map((c) => ({ ...c })),
      ragThresholds: { green: 90, amber: 60, staleDays: 14 },
      minReviewers: 2,
      approvalsRequired: 1,
      minTeamMembers: 3,
      minTeamAgencies: 2,
      checkInEscalationRepeatWeeks: 4,
    };
  }
  return {
    nameAr: cohort.nameAr,
    nameEn: cohort.nameEn,
    day1: cohort.day1,
    timeZone: cohort.timeZone,
    weekendDays: cohort.weekendDays.map(String),
    holidays: [...cohort.holidays],
    offsets: offsetValues(cohort.offsets),
    rubric: cohort.rubric.map(({ key, nameAr, nameEn }) => ({ key, nameAr, nameEn })),
    ragThresholds: {
      green: percent(cohort.ragThresholds.green),
      amber: percent(cohort.ragThresholds.amber),
      staleDays: cohort.ragThresholds.staleDays,
    },
    minReviewers: cohort.minReviewers,
    approvalsRequired: cohort.approvalsRequired,
    minTeamMembers: cohort.minTeamMembers,
    minTeamAgencies: cohort.minTeamAgencies,
    checkInEscalationRepeatWeeks: cohort.checkInEscalationRepeatWeeks,
  };
}

/** The date of day `n` of a cohort whose day 1 is `day1` (there is no day 0). */
export function dateOfDay(day1: string, n: number): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day1)) return null;
  const ms = Date.parse(`${day1}T12:00:00Z`);
  if (Number.isNaN(ms)) return null;
  return new Date(ms + (n > 0 ? n - 1 : n) * 86_400_000).toISOString().slice(0, 10);
}

/** Which part of the form an error path belongs to, so its panel can be opened. */
export function panelOf(path: string): Panel | null {
  if (path.startsWith('offsets')) return 'calendar';
  if (path.startsWith('rubric')) return 'rubric';
  if (
    /^(ragThresholds|minReviewers|approvalsRequired|minTeamMembers|minTeamAgencies|checkInEscalationRepeatWeeks)/.test(
      path,
    )
  )
    return 'rules';
  return null;
}

/** A number input's value as a number. */
export function toNumber(value: NumberValue): number {
  return typeof value === 'number' ? value : Number(value);
}

/** Every count of days in the offsets. */
export const COUNT_KEYS = [...PHASE_DAYS, ...REMINDER_DAYS, ...WORKING_DAYS, 'closeAfterLastCheckpointDays'] as const;

/** Rows of holidays left empty are not sent. */
export const keptHolidays = (values: CohortFormValues) => values.holidays.filter((h) => h.trim() !== '');

/** The criteria as sent: names trimmed, and a new criterion given a stable key from its English name. */
export function keyedRubric(values: CohortFormValues): CohortFormValues['rubric'] {
  const taken = new Set(values.rubric.map((c) => c.key).filter(Boolean));
  return values.rubric.map((criterion) => {
    if (criterion.key) return { ...criterion, nameAr: criterion.nameAr.trim(), nameEn: criterion.nameEn.trim() };
    const key = criterionKey(criterion.nameEn, taken);
    taken.add(key);
    return { key, nameAr: criterion.nameAr.trim(), nameEn: criterion.nameEn.trim() };
  });
}

/** What is sent for the values on screen: numbers as numbers, percentages as fractions, the weekend in order. */
export function toCohortInput(values: CohortFormValues): CreateCohortInput {
  const o = values.offsets;
  const offsets = {
    ...(Object.fromEntries(COUNT_KEYS.map((key) => [key, toNumber(o[key])])) as Record<
      (typeof COUNT_KEYS)[number],
      number
    >),
    checkInWeekday: Number(o.checkInWeekday),
    checkInTime: o.checkInTime,
    checkpoints: o.checkpoints.map(toNumber),
  };
  return {
    nameAr: values.nameAr.trim(),
    nameEn: values.nameEn.trim(),
    day1: values.day1,
    timeZone: values.timeZone,
    weekendDays: values.weekendDays.map(Number).sort((a, b) => a - b),
    holidays: keptHolidays(values),
    offsets,
    rubric: keyedRubric(values),
    ragThresholds: {
      green: toNumber(values.ragThresholds.green) / 100,
      amber: toNumber(values.ragThresholds.amber) / 100,
      staleDays: toNumber(values.ragThresholds.staleDays),
    },
    minReviewers: toNumber(values.minReviewers),
    approvalsRequired: toNumber(values.approvalsRequired),
    minTeamMembers: toNumber(values.minTeamMembers),
    minTeamAgencies: toNumber(values.minTeamAgencies),
    checkInEscalationRepeatWeeks: toNumber(values.checkInEscalationRepeatWeeks),
  };
}
