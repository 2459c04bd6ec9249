import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { RECOMMENDATIONS, type Recommendation } from '@hundred/domain';

import type { CheckpointState, SeriesSource } from '../../gql/graphql';
import { isOutcome, isSustainmentStatus } from './results';

// The schema's enums: a new value fails type-checking here.
const CHECKPOINT_STATES: Record<CheckpointState, true> = { UPCOMING: true, OPEN: true, REPORTED: true, OVERDUE: true };
const isCheckpointState = (v: string): v is CheckpointState => v in CHECKPOINT_STATES;
const SOURCES: Record<SeriesSource, true> = { BASELINE: true, CHECK_IN: true, FINAL: true, CHECKPOINT: true };
const isSource = (v: string): v is SeriesSource => v in SOURCES;
const isDecision = (v: string): v is Recommendation => (RECOMMENDATIONS as readonly string[]).includes(v);

export interface ResultsLabels {
  outcome: (outcome: string) => string;
  status: (status: string) => string;
  checkpointState: (state: string) => string;
  source: (source: string) => string;
  decision: (decision: string) => string;
}

/** The words of outcomes, sustainment statuses, checkpoints and series points in the current language. */
export function useResultsLabels(): ResultsLabels {
  const { t } = useTranslation();
  return useMemo<ResultsLabels>(
    () => ({
      outcome: (o) => (isOutcome(o) ? t(`results.outcomes.${o}`) : o),
      status: (s) => (isSustainmentStatus(s) ? t(`results.statuses.${s}`) : s),
      checkpointState: (s) => (isCheckpointState(s) ? t(`results.checkpointStates.${s}`) : s),
      source: (s) => (isSource(s) ? t(`results.sources.${s}`) : s),
      decision: (d) => (isDecision(d) ? t(`results.decisions.${d}`) : d),
    }),
    [t],
  );
}
