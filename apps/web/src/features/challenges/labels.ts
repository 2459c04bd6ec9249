import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { useFormat } from '../../lib/format';
import { isTeamRole, isTeamState } from '../teams/teams';
import { isChallengeEvent, isChallengeField, isChallengeGuard, isChallengeState, isCommentKind } from './challenges';

export interface ChallengeLabels {
  state: (state: string) => string;
  event: (event: string) => string;
  guard: (guard: string) => string;
  /** The label of an input field (also the names in `missingFields`). */
  field: (field: string) => string;
  commentKind: (kind: string) => string;
  teamState: (state: string) => string;
  teamRole: (role: string) => string;
  /** "3.5 / 5" */
  mean: (mean: number | null | undefined) => string;
}

/** The words of the challenge's states, events, guards and fields in the current language. */
export function useChallengeLabels(): ChallengeLabels {
  const { t } = useTranslation();
  const format = useFormat();
  return useMemo<ChallengeLabels>(
    () => ({
      state: (state) => (isChallengeState(state) ? t(`challenges.states.${state}`) : state),
      event: (event) => (isChallengeEvent(event) ? t(`challenges.events.${event}`) : event),
      guard: (guard) => (isChallengeGuard(guard) ? t(`challenges.guards.${guard}`) : guard),
      field: (field) => (isChallengeField(field) ? t(`challenges.fields.${field}`) : field),
      commentKind: (kind) => (isCommentKind(kind) ? t(`challenges.comments.kinds.${kind}`) : kind),
      teamState: (state) => (isTeamState(state) ? t(`teams.states.${state}`) : state),
      teamRole: (role) => (isTeamRole(role) ? t(`teams.roles.${role}`) : role),
      mean: (mean) =>
        mean === null || mean === undefined
          ? t('challenges.rubric.noMean')
          : t('challenges.rubric.meanOf', {
              mean: format.number(mean),
              max: format.number(5),
            }),
    }),
    [t, format],
  );
}
