import { useApolloClient } from '@apollo/client/react';
import { Alert, Checkbox } from '@mantine/core';
import { IconBan, IconInfoCircle, IconPlayerPlay } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { WorkflowActions, WorkflowEventDialog } from '../../components/WorkflowActions';
import type { CohortDetailFragment } from '../../gql/graphql';
import { guardReason } from '../../lib/workflow';
import { EVENT_TARGET, isCohortEvent, RESOLVED_IN_DIALOG, type CohortEventName } from './cohorts';
import { CohortStateBadge } from './CohortStateBadge';
import {
  CancelCohortMutation,
  CloseCohortIntakeMutation,
  CloseCohortMidpointMutation,
  CloseCohortMutation,
  LaunchCohortMutation,
  OpenCohortIntakeMutation,
  StartCohortPreparationMutation,
  StartCohortSustainmentMutation,
} from './documents';
import { useCohortLabels } from './labels';

type Cohort = Pick<CohortDetailFragment, 'id' | 'version' | 'state' | 'availableEvents'>;

interface Extras {
  reason: string;
  excludeNotReadyTeams: boolean;
}

/** Sends one event with the version the page shows; the answer replaces the cohort in the cache. */
function useFire(cohort: Cohort) {
  const client = useApolloClient();
  return async (event: CohortEventName, extras: Extras): Promise<void> => {
    const input = { id: cohort.id, version: cohort.version };
    switch (event) {
      case 'OPEN_INTAKE':
        await client.mutate({ mutation: OpenCohortIntakeMutation, variables: { input } });
        return;
      case 'CLOSE_INTAKE':
        await client.mutate({ mutation: CloseCohortIntakeMutation, variables: { input } });
        return;
      case 'START_PREPARATION':
        await client.mutate({ mutation: StartCohortPreparationMutation, variables: { input } });
        return;
      case 'LAUNCH':
        await client.mutate({
          mutation: LaunchCohortMutation,
          variables: {
            input: {
              ...input,
              excludeNotReadyTeams: extras.excludeNotReadyTeams,
              reason: extras.reason.trim() || null,
            },
          },
        });
        return;
      case 'CLOSE_MIDPOINT':
        await client.mutate({ mutation: CloseCohortMidpointMutation, variables: { input } });
        return;
      case 'START_SUSTAINMENT':
        await client.mutate({ mutation: StartCohortSustainmentMutation, variables: { input } });
        return;
      case 'CLOSE':
        await client.mutate({ mutation: CloseCohortMutation, variables: { input } });
        return;
      case 'CANCEL':
        await client.mutate({
          mutation: CancelCohortMutation,
          variables: { input: { ...input, reason: extras.reason } },
        });
        return;
      default:
        // OPEN_MIDPOINT and OPEN_RESULTS belong to the scheduler alone.
        throw new Error(`no mutation fires ${event}`);
    }
  };
}

/** The dialog that confirms an event, asking for what it needs (a reason, launching without some teams). */
function CohortEventDialog({
  cohort,
  event,
  onClose,
  onReload,
}: {
  cohort: Cohort;
  event: CohortEventName;
  onClose: () => void;
  onReload: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const labels = useCohortLabels();
  const fire = useFire(cohort);
  const available = cohort.availableEvents.find((a) => a.event === event);
  const teamsNotReady = available?.blockedBy.includes('ALL_TEAMS_READY') ?? false;
  const [exclude, setExclude] = useState(teamsNotReady);
  const needsReason = event === 'CANCEL' || (event === 'LAUNCH' && exclude);
  return (
    <WorkflowEventDialog
      StateBadge={CohortStateBadge}
      from={cohort.state}
      to={EVENT_TARGET[event]}
      hint={t(`cohorts.eventHints.${event}`)}
      reason={
        event === 'CANCEL' || event === 'LAUNCH'
          ? {
              label: t('cohorts.actions.reason'),
              description:
                event === 'CANCEL' ? t('cohorts.actions.cancelReasonHint') : t('cohorts.actions.launchReasonHint'),
              required: needsReason,
              maxLength: 2000,
            }
          : null
      }
      perform={(reason) => fire(event, { reason, excludeNotReadyTeams: event === 'LAUNCH' && exclude })}
      errorFields={['reason']}
      failedItems={(failed) => (failed.length > 1 ? failed.map(labels.guard) : [])}
      label={labels.event(event)}
      negative={event === 'CANCEL'}
      onClose={onClose}
      onReload={onReload}
    >
      {event === 'LAUNCH' ? (
        <>
          {teamsNotReady && available ? (
            <Alert color="orange" variant="light" icon={<IconInfoCircle size={20} aria-hidden />}>
              {guardReason(available, 'ALL_TEAMS_READY', labels.guard)}
            </Alert>
          ) : null}
          <Checkbox
            label={t('cohorts.actions.excludeNotReady')}
            description={t('cohorts.actions.excludeNotReadyHint')}
            checked={exclude}
            onChange={(e) => setExclude(e.currentTarget.checked)}
          />
        </>
      ) : null}
    </WorkflowEventDialog>
  );
}

/** The transitions this user may fire now, straight from the server's list. */
export function CohortActions({ cohort, onReload }: { cohort: Cohort; onReload: () => Promise<void> }) {
  const { t } = useTranslation();
  const labels = useCohortLabels();
  return (
    <WorkflowActions
      events={cohort.availableEvents}
      isEvent={isCohortEvent}
      labels={labels}
      resolvedInDialog={(event) => (isCohortEvent(event) ? (RESOLVED_IN_DIALOG[event] ?? []) : [])}
      tone={(event) => (event === 'CANCEL' ? 'negative' : 'forward')}
      icon={(event) =>
        event === 'CANCEL' ? <IconBan size={18} aria-hidden /> : <IconPlayerPlay size={18} aria-hidden />
      }
      eventTestIdPrefix="event-"
      none={t('cohorts.actions.none')}
      renderDialog={(event, close) => (
        <CohortEventDialog cohort={cohort} event={event} onClose={close} onReload={onReload} />
      )}
    />
  );
}
