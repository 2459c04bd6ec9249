import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { useFormat } from '../../lib/format';
import { isCohortEvent, isCohortState, isDeadlineKind, isDeadlineState, weekdayName } from './cohorts';

/** Guards of the cohort's transitions that have words of their own on screen. */
const GUARDS = [
  'STATE',
  'CALENDAR_CONSISTENT',
  'ALL_CHALLENGES_DECIDED',
  'ALL_TEAMS_READY',
  'ENOUGH_REVIEWERS',
  'ALL_MIDPOINT_DECISIONS_MADE',
  'ALL_OUTCOMES_RECORDED',
  'ALL_SUSTAINMENT_PLANS_CLOSED',
  'REASON_GIVEN',
] as const;
type Guard = (typeof GUARDS)[number];
const isGuard = (value: string): value is Guard => (GUARDS as readonly string[]).includes(value);

export interface CohortLabels {
  state: (state: string) => string;
  event: (event: string) => string;
  deadlineKind: (kind: string) => string;
  deadlineState: (state: string) => string;
  guard: (guard: string) => string;
  /** "Day 12" (days before day 1 are negative; there is no day 0). */
  day: (day: number) => string;
  /** Where the cohort stands: "day 12 of 100", "days until day 1: 30", … */
  progress: (currentDay: number) => string;
  weekday: (isoDay: number) => string;
}

/** The words of the cohort's states, events, deadlines and days in the current language. */
export function useCohortLabels(): CohortLabels {
  const { t } = useTranslation();
  const format = useFormat();
  return useMemo<CohortLabels>(
    () => ({
      state: (state) => (isCohortState(state) ? t(`cohorts.states.${state}`) : state),
      event: (event) => (isCohortEvent(event) ? t(`cohorts.events.${event}`) : event),
      deadlineKind: (kind) => (isDeadlineKind(kind) ? t(`cohorts.deadlineKinds.${kind}`) : kind),
      deadlineState: (state) => (isDeadlineState(state) ? t(`cohorts.deadlineStates.${state}`) : state),
      guard: (guard) => (isGuard(guard) ? t(`cohorts.guards.${guard}`) : guard),
      day: (day) => t('cohorts.day', { day: format.number(day) }),
      progress: (day) => {
        if (day < 1) return t('cohorts.progress.before', { number: format.number(-day) });
        if (day <= 100) return t('cohorts.progress.during', { day: format.number(day), total: format.number(100) });
        return t('cohorts.progress.after', { day: format.number(day) });
      },
      weekday: (isoDay) => weekdayName(isoDay, format.language),
    }),
    [t, format],
  );
}
