import { useQuery } from '@apollo/client/react';
import { Alert } from '@mantine/core';
import type { ChallengeEvent } from '@hundred/workflow';
import {
  IconArrowBackUp,
  IconBan,
  IconCalendarShare,
  IconCheck,
  IconClockPause,
  IconInfoCircle,
  IconPlayerPlay,
  IconSend,
  IconThumbUp,
} from '@tabler/icons-react';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { WorkflowActions, WorkflowEventDialog } from '../../components/WorkflowActions';
import type { ChallengeDetailFragment, ChallengeQueueItemFragment } from '../../gql/graphql';
import { useFormat } from '../../lib/format';
import { cohortTakesDrafts } from '@hundred/domain';
import { asksFor, type AvailableEvent } from '../../lib/workflow';
import { CHALLENGE_EVENT_TONES, isChallengeEvent } from './challenges';
import { ChallengeStateBadge } from './ChallengeStateBadge';
import { ChallengeCohortsQuery } from './documents';
import { useChallengeLabels } from './labels';
import { useFireChallengeEvent } from './useFireChallengeEvent';

/** The detail page, the screening drawer and the approval queue all show it. */
type Challenge = ChallengeQueueItemFragment;

const ICONS: Record<ChallengeEvent, ReactNode> = {
  SUBMIT: <IconSend size={18} aria-hidden />,
  START_SCREENING: <IconPlayerPlay size={18} aria-hidden />,
  RETURN: <IconArrowBackUp size={18} aria-hidden />,
  RECOMMEND: <IconThumbUp size={18} aria-hidden />,
  DECLINE: <IconBan size={18} aria-hidden />,
  APPROVE: <IconCheck size={18} aria-hidden />,
  REJECT: <IconBan size={18} aria-hidden />,
  DEFER: <IconClockPause size={18} aria-hidden />,
  WITHDRAW: <IconBan size={18} aria-hidden />,
  CARRY_OVER: <IconCalendarShare size={18} aria-hidden />,
};

const toneOf = (event: string) => (isChallengeEvent(event) ? CHALLENGE_EVENT_TONES[event] : 'forward');

/** Later cohorts that still take drafts: where a deferred challenge may be carried over. */
function useLaterCohorts(challenge: Challenge, skip: boolean) {
  const format = useFormat();
  const { data, loading } = useQuery(ChallengeCohortsQuery, { fetchPolicy: 'cache-and-network', skip });
  const options = useMemo(
    () =>
      (data?.cohorts ?? [])
        .filter((c) => c.id !== challenge.cohortId && cohortTakesDrafts(c.state))
        .filter((c) => c.day1 > challenge.cohort.day1)
        .map((c) => ({ value: c.id, label: `${format.name(c)} · ${format.localDate(c.day1)}` })),
    [data, challenge.cohortId, challenge.cohort.day1, format],
  );
  return { options, loading };
}

/** The dialog that confirms an event, asking for what the server says it needs (a comment, a reason, a cohort). */
function ChallengeEventDialog({
  challenge,
  event,
  available,
  onClose,
  onReload,
  onDone,
}: {
  challenge: Challenge;
  event: ChallengeEvent;
  available: AvailableEvent;
  onClose: () => void;
  onReload: () => Promise<unknown>;
  onDone?: (event: ChallengeEvent, result: ChallengeDetailFragment | undefined) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useChallengeLabels();
  const fire = useFireChallengeEvent();
  const later = useLaterCohorts(challenge, !asksFor(available, 'TARGET_COHORT'));
  const approvalsAfter = challenge.approvals.length + 1;
  const required = challenge.cohort.approvalsRequired;
  const decides = approvalsAfter >= required;

  return (
    <WorkflowEventDialog
      available={available}
      subject={
        format.language === 'ar' ? challenge.titleAr || challenge.titleEn : challenge.titleEn || challenge.titleAr
      }
      subjectLang={format.language}
      StateBadge={ChallengeStateBadge}
      from={challenge.state}
      // An approval records itself or, the N-th one, approves: the note below says which this one is.
      pickTarget={
        event === 'APPROVE'
          ? (targets) => targets.find((target) => target === (decides ? 'APPROVED' : 'RECOMMENDED'))
          : undefined
      }
      hint={t(`challenges.eventHints.${event}`)}
      inputText={(input) =>
        input === 'COMMENT'
          ? { label: t('challenges.actions.comment'), description: t('challenges.actions.commentHint') }
          : { label: t('cohorts.actions.reason'), description: t('challenges.actions.reasonHint') }
      }
      targetCohorts={later}
      perform={(values) =>
        fire(challenge, event, {
          text: event === 'RETURN' ? values.comment : values.reason,
          targetCohortId: values.targetCohortId,
        })
      }
      doneMessage={(result) =>
        event === 'APPROVE' && result?.state === 'RECOMMENDED'
          ? t('challenges.actions.approvalRecorded', {
              count: format.number(result.approvals.length),
              required: format.number(required),
            })
          : event === 'APPROVE' && result?.state === 'APPROVED'
            ? t('challenges.actions.approvedTeamFormed')
            : undefined
      }
      onDone={(result) => onDone?.(event, result ?? undefined)}
      failedItems={(failed) => [
        ...failed.filter((guard) => guard !== 'REQUIRED_FIELDS').map(labels.guard),
        ...(failed.includes('REQUIRED_FIELDS') ? challenge.missingFields.map(labels.field) : []),
      ]}
      label={labels.event(event)}
      negative={toneOf(event) === 'negative'}
      onClose={onClose}
      onReload={onReload}
    >
      {event === 'APPROVE' ? (
        <Alert color="blue" variant="light" icon={<IconInfoCircle size={20} aria-hidden />}>
          {decides
            ? t('challenges.actions.approveDecides', {
                count: format.number(approvalsAfter),
                required: format.number(required),
              })
            : t('challenges.actions.approveRecords', {
                count: format.number(approvalsAfter),
                required: format.number(required),
              })}
        </Alert>
      ) : null}
    </WorkflowEventDialog>
  );
}

/** The transitions this user may fire now on a challenge, straight from the server's list. */
export function ChallengeActions({
  challenge,
  onReload,
  onDone,
  layout = 'stack',
  exclude = [],
}: {
  challenge: Challenge;
  onReload: () => Promise<unknown>;
  onDone?: (event: ChallengeEvent, result: ChallengeDetailFragment | undefined) => void;
  /** A column of full-width buttons (side panels), or a row (cards). */
  layout?: 'stack' | 'row';
  /** Events offered elsewhere on the page (e.g. SUBMIT on the intake form). */
  exclude?: readonly string[];
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useChallengeLabels();
  // The step forward first, then the side steps (return, defer, carry over); the refusals go last.
  const rank = (event: string) => (toneOf(event) === 'aside' ? 1 : 0);
  const events = challenge.availableEvents
    .filter((a) => !exclude.includes(a.event))
    .sort((a, b) => rank(a.event) - rank(b.event));
  return (
    <WorkflowActions
      events={events}
      isEvent={isChallengeEvent}
      labels={labels}
      // The missing fields named.
      explain={(guard, reason) =>
        guard === 'REQUIRED_FIELDS' && challenge.missingFields.length > 0
          ? t('challenges.actions.missingList', {
              reason,
              fields: format.list(challenge.missingFields.map(labels.field)),
            })
          : reason
      }
      tone={toneOf}
      icon={(event) => ICONS[event]}
      eventTestIdPrefix="challenge-event-"
      testId="challenge-actions"
      none={t('challenges.actions.none')}
      layout={layout}
      renderDialog={(event, available, close) => (
        <ChallengeEventDialog
          challenge={challenge}
          event={event}
          available={available}
          onClose={close}
          onReload={onReload}
          onDone={onDone}
        />
      )}
    />
  );
}
