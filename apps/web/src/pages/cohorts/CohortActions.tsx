import { useApolloClient } from '@apollo/client/react';
import {
  Alert,
  Button,
  Checkbox,
  Divider,
  Group,
  List,
  Modal,
  Stack,
  Text,
  Textarea,
  ThemeIcon,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconArrowLeft,
  IconArrowRight,
  IconBan,
  IconInfoCircle,
  IconLock,
  IconPlayerPlay,
} from '@tabler/icons-react';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { toProblem, type Problem } from '../../api/errors';
import { CohortStateBadge } from '../../components/CohortStateBadge';
import { ProblemAlert } from '../../components/ProblemAlert';
import type { CohortDetailFragment } from '../../gql/graphql';
import { EVENT_TARGET, isCohortEvent, RESOLVED_IN_DIALOG, type CohortEventName } from '../../lib/cohorts';
import { useCohortLabels } from '../../lib/cohortLabels';
import { useFormat } from '../../lib/format';
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

type Cohort = Pick<CohortDetailFragment, 'id' | 'version' | 'state' | 'availableEvents'>;
type Available = Cohort['availableEvents'][number];

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

/** Guards that stop the event even with what its dialog asks for. */
function blockingGuards(available: Available): string[] {
  const resolved = isCohortEvent(available.event) ? (RESOLVED_IN_DIALOG[available.event] ?? []) : [];
  return available.blockedBy.filter((guard) => !resolved.includes(guard));
}

/** The reasons to show for guards, in the server's words where it gave them. */
function reasonsOf(available: Available, guards: string[], guardLabel: (guard: string) => string): string[] {
  return guards.map((guard) => {
    const i = available.blockedBy.indexOf(guard);
    return available.blockedReasons[i] ?? guardLabel(guard);
  });
}

function EventButton({ available, onOpen }: { available: Available; onOpen: (event: CohortEventName) => void }) {
  const labels = useCohortLabels();
  const { t } = useTranslation();
  const reasonsId = useId();
  const event = available.event;
  const blocking = blockingGuards(available);
  const blocked = blocking.length > 0 || !isCohortEvent(event);
  const reasons = reasonsOf(available, blocking, labels.guard);
  const cancel = event === 'CANCEL';
  const button = (
    <Button
      variant={cancel ? 'light' : 'filled'}
      color={cancel ? 'red' : undefined}
      leftSection={
        blocked ? (
          <IconLock size={18} aria-hidden />
        ) : cancel ? (
          <IconBan size={18} aria-hidden />
        ) : (
          <IconPlayerPlay size={18} aria-hidden />
        )
      }
      data-disabled={blocked || undefined}
      aria-disabled={blocked || undefined}
      aria-describedby={blocked ? reasonsId : undefined}
      onClick={(e) => {
        if (blocked) {
          e.preventDefault();
          return;
        }
        if (isCohortEvent(event)) onOpen(event);
      }}
      fullWidth
      justify="flex-start"
    >
      {labels.event(event)}
    </Button>
  );
  return (
    <Stack gap={6} data-testid={`event-${event}`}>
      {blocked && reasons.length > 0 ? (
        <Tooltip label={reasons.join(t('cohorts.listSeparator'))} multiline maw={320} withArrow>
          {button}
        </Tooltip>
      ) : (
        button
      )}
      {blocked && reasons.length > 0 ? (
        <Stack gap={2} id={reasonsId}>
          <Text size="xs" c="dimmed">
            {t('cohorts.actions.blockedBy')}
          </Text>
          <List
            size="xs"
            spacing={2}
            c="orange.9"
            icon={
              <ThemeIcon size={16} radius="xl" color="orange" variant="light">
                <IconAlertTriangle size={11} aria-hidden />
              </ThemeIcon>
            }
          >
            {reasons.map((reason) => (
              <List.Item key={reason}>{reason}</List.Item>
            ))}
          </List>
        </Stack>
      ) : null}
    </Stack>
  );
}

/** The dialog that confirms an event, asking for what it needs (a reason, launching without some teams). */
function EventDialog({
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
  const format = useFormat();
  const labels = useCohortLabels();
  const fire = useFire(cohort);
  const available = cohort.availableEvents.find((a) => a.event === event);
  const teamsNotReady = available?.blockedBy.includes('ALL_TEAMS_READY') ?? false;
  const [reason, setReason] = useState('');
  const [exclude, setExclude] = useState(teamsNotReady);
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [sending, setSending] = useState(false);
  const needsReason = event === 'CANCEL' || (event === 'LAUNCH' && exclude);
  const Arrow = format.language === 'ar' ? IconArrowLeft : IconArrowRight;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    setReasonError(null);
    if (needsReason && !reason.trim()) {
      setReasonError(t('form.required'));
      return;
    }
    setSending(true);
    try {
      await fire(event, { reason, excludeNotReadyTeams: event === 'LAUNCH' && exclude });
      notifications.show({ color: 'teal', message: t('cohorts.actions.done', { event: labels.event(event) }) });
      onClose();
    } catch (error) {
      const found = toProblem(error, t);
      if (found.fields.reason) setReasonError(found.fields.reason);
      else setProblem(found);
    } finally {
      setSending(false);
    }
  };

  const reload = async () => {
    await onReload();
    setProblem(null);
  };

  const extraGuards = problem?.code === 'NOT_ALLOWED' && problem.failed.length > 1 ? problem.failed : [];

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="md">
        <Group gap="xs" wrap="wrap" aria-label={t('cohorts.actions.transition')}>
          <CohortStateBadge state={cohort.state} size="lg" />
          <Arrow size={18} aria-hidden />
          <CohortStateBadge state={EVENT_TARGET[event]} size="lg" />
        </Group>
        <Text size="sm">{t(`cohorts.eventHints.${event}`)}</Text>

        {event === 'LAUNCH' ? (
          <>
            {teamsNotReady ? (
              <Alert color="orange" variant="light" icon={<IconInfoCircle size={20} aria-hidden />}>
                {reasonsOf(available!, ['ALL_TEAMS_READY'], labels.guard)[0]}
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

        {event === 'CANCEL' || event === 'LAUNCH' ? (
          <Textarea
            label={t('cohorts.actions.reason')}
            description={
              event === 'CANCEL' ? t('cohorts.actions.cancelReasonHint') : t('cohorts.actions.launchReasonHint')
            }
            required={needsReason}
            autosize
            minRows={3}
            maxLength={2000}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={reasonError}
            data-autofocus
          />
        ) : null}

        <ProblemAlert problem={problem} onReload={() => void reload()} title={t('cohorts.actions.failed')} />
        {extraGuards.length > 0 ? (
          <List size="sm" spacing={2}>
            {extraGuards.map((guard) => (
              <List.Item key={guard}>{labels.guard(guard)}</List.Item>
            ))}
          </List>
        ) : null}

        <Divider />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={sending}>
            {t('cohorts.actions.dismiss')}
          </Button>
          <Button
            type="submit"
            color={event === 'CANCEL' ? 'red' : undefined}
            loading={sending}
            data-autofocus={event !== 'CANCEL' && event !== 'LAUNCH' ? true : undefined}
          >
            {labels.event(event)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The transitions this user may fire now, straight from the server's list. */
export function CohortActions({ cohort, onReload }: { cohort: Cohort; onReload: () => Promise<void> }) {
  const { t } = useTranslation();
  const labels = useCohortLabels();
  const [open, setOpen] = useState<CohortEventName | null>(null);
  const forward = cohort.availableEvents.filter((a) => a.event !== 'CANCEL');
  const cancel = cohort.availableEvents.find((a) => a.event === 'CANCEL');

  return (
    <>
      {cohort.availableEvents.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('cohorts.actions.none')}
        </Text>
      ) : (
        <Stack gap="md">
          {forward.map((available) => (
            <EventButton key={available.event} available={available} onOpen={setOpen} />
          ))}
          {cancel ? (
            <>
              {forward.length > 0 ? <Divider /> : null}
              <EventButton available={cancel} onOpen={setOpen} />
            </>
          ) : null}
        </Stack>
      )}
      <Modal
        opened={open !== null}
        onClose={() => setOpen(null)}
        title={open ? labels.event(open) : ''}
        size="lg"
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {open ? <EventDialog cohort={cohort} event={open} onClose={() => setOpen(null)} onReload={onReload} /> : null}
      </Modal>
    </>
  );
}
