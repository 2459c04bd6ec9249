import { useApolloClient } from '@apollo/client/react';
import { Alert, Card, Text, Title } from '@mantine/core';
import type { CohortEvent } from '@hundred/workflow';
import { IconBan, IconInfoCircle, IconPlayerPlay } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

import { WorkflowActions, WorkflowEventDialog, type EventValues } from '../../components/WorkflowActions';
import type { CohortDetailFragment } from '../../gql/graphql';
import type { AvailableEvent } from '../../lib/workflow';
import { isCohortEvent } from './cohorts';
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

/** Sends one event with the version the page shows; the answer replaces the cohort in the cache. */
function useFire(cohort: Cohort) {
  const client = useApolloClient();
  return async (event: CohortEvent, values: EventValues): Promise<void> => {
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
              excludeNotReadyTeams: values.excludeNotReady,
              reason: values.reason.trim() || null,
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
          variables: { input: { ...input, reason: values.reason } },
        });
        return;
      default:
        // OPEN_MIDPOINT and OPEN_RESULTS belong to the scheduler alone.
        throw new Error(`no mutation fires ${event}`);
    }
  };
}

/** The dialog that confirms an event, asking for what the server says it needs (a reason, launching without some teams). */
function CohortEventDialog({
  cohort,
  event,
  available,
  onClose,
  onReload,
}: {
  cohort: Cohort;
  event: CohortEvent;
  available: AvailableEvent;
  onClose: () => void;
  onReload: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const labels = useCohortLabels();
  const fire = useFire(cohort);
  // Guards failing now that the dialog answers (LAUNCH: some teams are not ready).
  const answered = available.needsInput.filter((guard) => guard !== 'REASON_GIVEN');
  return (
    <WorkflowEventDialog
      available={available}
      StateBadge={CohortStateBadge}
      from={cohort.state}
      hint={t(`cohorts.eventHints.${event}`)}
      inputText={() => ({
        label: t('cohorts.actions.reason'),
        description: event === 'CANCEL' ? t('cohorts.actions.cancelReasonHint') : t('cohorts.actions.launchReasonHint'),
      })}
      maxLength={2000}
      perform={(values) => fire(event, values)}
      failedItems={(failed) => (failed.length > 1 ? failed.map(labels.guard) : [])}
      label={labels.event(event)}
      negative={event === 'CANCEL'}
      onClose={onClose}
      onReload={onReload}
    >
      {answered.length > 0 ? (
        <Alert color="orange" variant="light" icon={<IconInfoCircle size={20} aria-hidden />}>
          {answered.map(labels.guard).join(t('cohorts.listSeparator'))}
        </Alert>
      ) : null}
    </WorkflowEventDialog>
  );
}

/** Cancelling ends a cohort for good: it is offered apart from the steps forward (CohortCancel). */
const isCancel = (available: { event: string }) => available.event === 'CANCEL';

/** The steps forward this user may fire now, straight from the server's list (cancelling is apart). */
export function CohortActions({ cohort, onReload }: { cohort: Cohort; onReload: () => Promise<void> }) {
  const { t } = useTranslation();
  const labels = useCohortLabels();
  return (
    <WorkflowActions
      events={cohort.availableEvents.filter((a) => !isCancel(a))}
      isEvent={isCohortEvent}
      labels={labels}
      icon={() => <IconPlayerPlay size={18} aria-hidden />}
      eventTestIdPrefix="event-"
      none={t('cohorts.actions.none')}
      renderDialog={(event, available, close) => (
        <CohortEventDialog cohort={cohort} event={event} available={available} onClose={close} onReload={onReload} />
      )}
    />
  );
}

/**
 * Cancelling the cohort, when the server offers it: at the foot of the page, away from the steps
 * forward, and only after its dialog is confirmed with a reason.
 */
export function CohortCancel({ cohort, onReload }: { cohort: Cohort; onReload: () => Promise<void> }) {
  const { t } = useTranslation();
  const labels = useCohortLabels();
  const cancel = cohort.availableEvents.filter(isCancel);
  if (cancel.length === 0) return null;
  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      component="section"
      aria-labelledby="cohort-cancel"
      data-testid="cohort-cancel"
      style={{ borderColor: 'var(--mantine-color-red-3)' }}
    >
      <Title order={2} fz="h4" id="cohort-cancel" mb={4}>
        {t('cohorts.cancel.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('cohorts.cancel.hint')}
      </Text>
      <WorkflowActions
        events={cancel}
        isEvent={isCohortEvent}
        labels={labels}
        tone={() => 'negative'}
        icon={() => <IconBan size={18} aria-hidden />}
        eventTestIdPrefix="event-"
        none=""
        layout="row"
        renderDialog={(event, available, close) => (
          <CohortEventDialog cohort={cohort} event={event} available={available} onClose={close} onReload={onReload} />
        )}
      />
    </Card>
  );
}
