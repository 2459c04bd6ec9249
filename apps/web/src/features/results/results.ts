import type { MantineColor } from '@mantine/core';
import {
  OUTCOMES,
  SUSTAINMENT_STATUSES,
  type TeamEvent,
  type TeamOutcome,
  type SustainmentStatus,
} from '@hundred/workflow';

import type { TeamResultsFragment } from '../../gql/graphql';
import { cohortDayOf } from '../teams/teams';

// Outcomes, statuses and events are libs/workflow's; what is here is how the web shows them.

export { OUTCOMES, SUSTAINMENT_STATUSES };
export const isOutcome = (value: string): value is TeamOutcome => (OUTCOMES as readonly string[]).includes(value);
export const isSustainmentStatus = (value: string): value is SustainmentStatus =>
  (SUSTAINMENT_STATUSES as readonly string[]).includes(value);

/** The team events fired from the results page without a form of their own. */
export const RESULTS_EVENTS = ['SUBMIT_FINAL_REPORT', 'START_SUSTAINMENT'] as const satisfies readonly TeamEvent[];
export type ResultsEvent = (typeof RESULTS_EVENTS)[number];
export const isResultsEvent = (value: string): value is ResultsEvent =>
  (RESULTS_EVENTS as readonly string[]).includes(value);

export const OUTCOME_COLORS: Record<TeamOutcome, MantineColor> = {
  ACHIEVED: 'teal',
  PARTIALLY_ACHIEVED: 'yellow',
  NOT_ACHIEVED: 'red',
};

export const STATUS_COLORS: Record<SustainmentStatus, MantineColor> = {
  SUSTAINED: 'teal',
  SCALED: 'indigo',
  LAPSED: 'red',
};

export const CHECKPOINT_COLORS: Record<string, MantineColor> = {
  UPCOMING: 'gray',
  OPEN: 'blue',
  REPORTED: 'teal',
  OVERDUE: 'red',
};

/** One KPI's story: baseline, the values of the 100 days, the final value and every checkpoint. */
export interface StoryKpi {
  kpiId: string;
  nameAr: string;
  nameEn: string;
  unit: string;
  direction: string;
  baseline: number;
  target: number;
  originalTarget: number | null;
  points: { day: number; value: number; source: string }[];
}

type Team = TeamResultsFragment;

/**
 * Every KPI of the team from its baseline to day 100 and every checkpoint: the plan's series for
 * the KPIs it keeps (the server's, checkpoints included); for the others, the check-ins and the
 * final report's value.
 */
export function storyOf(team: Team, day1: string): StoryKpi[] {
  const kept = new Map((team.sustainmentPlan?.kpis ?? []).map((k) => [k.kpiId, k]));
  const finals = new Map((team.finalReport?.values ?? []).map((v) => [v.kpiId, v]));
  return team.goals.flatMap((g) =>
    g.kpis.map((kpi) => {
      const plan = kept.get(kpi.id);
      if (plan) return { ...plan, points: [...plan.points].sort((a, b) => a.day - b.day) };
      const final = finals.get(kpi.id);
      const points = [
        { day: 0, value: kpi.originalBaseline ?? kpi.baseline, source: 'BASELINE' },
        ...kpi.values.map((v) => ({ day: cohortDayOf(v.asOf, day1), value: v.value, source: 'CHECK_IN' })),
        ...(final && team.finalReport?.submittedAt ? [{ day: 100, value: final.value, source: 'FINAL' }] : []),
      ];
      return {
        kpiId: kpi.id,
        nameAr: kpi.nameAr,
        nameEn: kpi.nameEn,
        unit: kpi.unit,
        direction: kpi.direction,
        baseline: kpi.baseline,
        target: kpi.target,
        originalTarget: kpi.originalTarget ?? null,
        points: points.sort((a, b) => a.day - b.day),
      };
    }),
  );
}

/** Today's local date (`YYYY-MM-DD`) in the cohort's time zone. */
export { localDateIn } from '../teams/teams';
