import { useQuery } from '@apollo/client/react';
import { Alert, Select } from '@mantine/core';
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
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { WorkflowActions, WorkflowEventDialog } from '../../components/WorkflowActions';
import type { ChallengeDetailFragment } from '../../gql/graphql';
import { useFormat } from '../../lib/format';
import {
  EVENT_INPUT,
  isChallengeEvent,
  NEGATIVE_EVENTS,
  OPEN_FOR_DRAFTS,
  RESOLVED_IN_DIALOG,
  type ChallengeEventName,
} from './challenges';
import { ChallengeStateBadge } from './ChallengeStateBadge';
import { ChallengeCohortsQuery } from './documents';
import { useChallengeLabels } from './labels';
import { useFireChallengeEvent } from './useFireChallengeEvent';

type Challenge = ChallengeDetailFragment;
/** Events that step aside rather than forward: shown after the main one, in orange. */
const SECONDARY_EVENTS: readonly string[] = ['RETURN', 'DEFER', 'CARRY_OVER'];

const ICONS: Record<ChallengeEventName, ReactNode> = {
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

/** Later cohorts that still take drafts: where a deferred challenge may be carried over. */
function useLaterCohorts(challenge: Challenge, skip: boolean) {
  const format = useFormat();
  const { data, loading } = useQuery(ChallengeCohortsQuery, { fetchPolicy: 'cache-and-network', skip });
  const options = useMemo(
    () =>
      (data?.cohorts ?? [])
        .filter((c) => c.id !== challenge.cohortId && OPEN_FOR_DRAFTS.includes(c.state))
        .filter((c) => c.day1 > challenge.cohort.day1)
        .map((c) => ({ value: c.id, label: `${format.name(c)} · ${format.localDate(c.day1)}` })),
    [data, challenge.cohortId, challenge.cohort.day1, format],
  );
  return { options, loading };
}

/** The state an event leads to (APPROVE: approved once enough ministers have). */
function targetState(challenge: Challenge, event: ChallengeEventName) {
  if (event === 'APPROVE') {
    return challenge.approvals.length + 1 >= challenge.cohort.approvalsRequired ? 'APPROVED' : 'RECOMMENDED';
  }
  return (
    {
      SUBMIT: 'SUBMITTED',
      START_SCREENING: 'IN_SCREENING',
      RETURN: 'RETURNED',
      RECOMMEND: 'RECOMMENDED',
      DECLINE: 'REJECTED',
      REJECT: 'REJECTED',
      DEFER: 'DEFERRED',
      WITHDRAW: 'WITHDRAWN',
      CARRY_OVER: 'DRAFT',
    } as const
  )[event];
}

/** The dialog that confirms an event, asking for what it needs (a comment, a reason, a cohort). */
function ChallengeEventDialog({
  challenge,
  event,
  onClose,
  onReload,
  onDone,
}: {
  challenge: Challenge;
  event: ChallengeEventName;
  onClose: () => void;
  onReload: () => Promise<unknown>;
  onDone?: (event: ChallengeEventName, result: Challenge | undefined) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useChallengeLabels();
  const fire = useFireChallengeEvent();
  const input = EVENT_INPUT[event];
  const later = useLaterCohorts(challenge, input !== 'cohort');
  const [target, setTarget] = useState<string | null>(null);
  const approvalsAfter = challenge.approvals.length + 1;
  const required = challenge.cohort.approvalsRequired;

  return (
    <WorkflowEventDialog
      subject={
        format.language === 'ar' ? challenge.titleAr || challenge.titleEn : challenge.titleEn || challenge.titleAr
      }
      subjectLang={format.language}
      StateBadge={ChallengeStateBadge}
      from={challenge.state}
      to={targetState(challenge, event)}
      hint={t(`challenges.eventHints.${event}`)}
      reason={
        input === 'comment' || input === 'reason'
          ? {
              label: input === 'comment' ? t('challenges.actions.comment') : t('cohorts.actions.reason'),
              description:
                input === 'comment' ? t('challenges.actions.commentHint') : t('challenges.actions.reasonHint'),
              required: true,
              maxLength: 5000,
            }
          : null
      }
      input={(fieldError) =>
        input === 'cohort' ? (
          <Select
            label={t('challenges.actions.targetCohort')}
            description={t('challenges.actions.targetCohortHint')}
            required
            data={later.options}
            value={target}
            onChange={setTarget}
            error={fieldError}
            nothingFoundMessage={later.loading ? t('app.loading') : t('challenges.actions.noLaterCohort')}
            allowDeselect={false}
            data-autofocus
          />
        ) : null
      }
      complete={() => input !== 'cohort' || !!target}
      perform={(text) => fire(challenge, event, { text, targetCohortId: target })}
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
      errorFields={['comment', 'reason', 'targetCohortId']}
      failedItems={(failed) => [
        ...failed.filter((guard) => guard !== 'REQUIRED_FIELDS').map(labels.guard),
        ...(failed.includes('REQUIRED_FIELDS') ? challenge.missingFields.map(labels.field) : []),
      ]}
      label={labels.event(event)}
      negative={NEGATIVE_EVENTS.includes(event)}
      focusSubmit={input === 'none'}
      onClose={onClose}
      onReload={onReload}
    >
      {event === 'APPROVE' ? (
        <Alert color="blue" variant="light" icon={<IconInfoCircle size={20} aria-hidden />}>
          {approvalsAfter >= required
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

const isNegative = (event: string) => isChallengeEvent(event) && NEGATIVE_EVENTS.includes(event);

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
  onDone?: (event: ChallengeEventName, result: Challenge | undefined) => void;
  /** A column of full-width buttons (side panels), or a row (cards). */
  layout?: 'stack' | 'row';
  /** Events offered elsewhere on the page (e.g. SUBMIT on the intake form). */
  exclude?: readonly string[];
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useChallengeLabels();
  // The step forward first, then the side steps (return, defer, carry over); the refusals go last.
  const rank = (event: string) => (SECONDARY_EVENTS.includes(event) ? 1 : 0);
  const events = challenge.availableEvents
    .filter((a) => !exclude.includes(a.event))
    .sort((a, b) => rank(a.event) - rank(b.event));
  return (
    <WorkflowActions
      events={events}
      isEvent={isChallengeEvent}
      labels={labels}
      resolvedInDialog={() => RESOLVED_IN_DIALOG}
      // The missing fields named.
      explain={(guard, reason) =>
        guard === 'REQUIRED_FIELDS' && challenge.missingFields.length > 0
          ? t('challenges.actions.missingList', {
              reason,
              fields: format.list(challenge.missingFields.map(labels.field)),
            })
          : reason
      }
      tone={(event) => (isNegative(event) ? 'negative' : SECONDARY_EVENTS.includes(event) ? 'aside' : 'forward')}
      icon={(event) => ICONS[event]}
      eventTestIdPrefix="challenge-event-"
      testId="challenge-actions"
      none={t('challenges.actions.none')}
      layout={layout}
      renderDialog={(event, close) => (
        <ChallengeEventDialog challenge={challenge} event={event} onClose={close} onReload={onReload} onDone={onDone} />
      )}
    />
  );
}
