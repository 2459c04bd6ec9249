import { useApolloClient } from '@apollo/client/react';
import { Alert, Button, Divider, Group, List, Modal, Stack, Text, Textarea, ThemeIcon, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconArrowBackUp,
  IconArrowLeft,
  IconArrowRight,
  IconBan,
  IconCheck,
  IconInfoCircle,
  IconLock,
  IconSend,
} from '@tabler/icons-react';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { toProblem, type Problem } from '../../api/errors';
import { ProblemAlert } from '../../components/ProblemAlert';
import { TeamStateBadge } from '../../components/TeamStateBadge';
import type { TeamDetailFragment } from '../../gql/graphql';
import { useFormat } from '../../lib/format';
import {
  TEAM_EVENT_INPUT,
  TEAM_EVENT_TARGET,
  TEAM_RESOLVED_IN_DIALOG,
  isTeamEvent,
  type TeamEventName,
} from '../../lib/teams';
import { useTeamLabels } from '../../lib/teamLabels';
import {
  ApproveTeamGoalsMutation,
  ReturnTeamGoalsMutation,
  SubmitTeamGoalsMutation,
  WithdrawTeamMutation,
} from './documents';

type Team = Pick<TeamDetailFragment, 'id' | 'version' | 'state' | 'nameAr' | 'nameEn' | 'availableEvents'>;
type Available = Team['availableEvents'][number];

const ICONS: Record<TeamEventName, ReactNode> = {
  SUBMIT_GOALS: <IconSend size={18} aria-hidden />,
  APPROVE_GOALS: <IconCheck size={18} aria-hidden />,
  RETURN_GOALS: <IconArrowBackUp size={18} aria-hidden />,
  WITHDRAW: <IconBan size={18} aria-hidden />,
};

/** Sends one event with the version on screen. */
function useFireTeamEvent() {
  const client = useApolloClient();
  return async (team: Team, event: TeamEventName, text: string) => {
    const input = { id: team.id, version: team.version };
    switch (event) {
      case 'SUBMIT_GOALS':
        await client.mutate({ mutation: SubmitTeamGoalsMutation, variables: { input } });
        return;
      case 'APPROVE_GOALS':
        await client.mutate({ mutation: ApproveTeamGoalsMutation, variables: { input } });
        return;
      case 'RETURN_GOALS':
        await client.mutate({ mutation: ReturnTeamGoalsMutation, variables: { input: { ...input, comment: text } } });
        return;
      case 'WITHDRAW':
        await client.mutate({ mutation: WithdrawTeamMutation, variables: { input: { ...input, reason: text } } });
        return;
      default: {
        const unknown: never = event;
        throw new Error(`no mutation fires ${String(unknown)}`);
      }
    }
  };
}

function reasonsOf(available: Available, guardLabel: (guard: string) => string): string[] {
  const pairs = available.blockedBy.map((guard, i) => ({
    guard,
    reason: available.blockedReasons[i] ?? guardLabel(guard),
  }));
  return pairs.filter(({ guard }) => !TEAM_RESOLVED_IN_DIALOG.includes(guard)).map(({ reason }) => reason);
}

function EventButton({ available, onOpen }: { available: Available; onOpen: (event: TeamEventName) => void }) {
  const { t } = useTranslation();
  const labels = useTeamLabels();
  const reasonsId = useId();
  const event = available.event;
  const reasons = reasonsOf(available, labels.guard);
  const blocked = reasons.length > 0 || !isTeamEvent(event);
  const negative = event === 'WITHDRAW';
  const secondary = event === 'RETURN_GOALS';
  const button = (
    <Button
      variant={negative || secondary ? 'light' : 'filled'}
      color={negative ? 'red' : secondary ? 'orange' : undefined}
      leftSection={blocked ? <IconLock size={18} aria-hidden /> : isTeamEvent(event) ? ICONS[event] : null}
      data-disabled={blocked || undefined}
      aria-disabled={blocked || undefined}
      aria-describedby={blocked ? reasonsId : undefined}
      onClick={(e) => {
        if (blocked) {
          e.preventDefault();
          return;
        }
        if (isTeamEvent(event)) onOpen(event);
      }}
      fullWidth
      justify="flex-start"
    >
      {labels.event(event)}
    </Button>
  );
  return (
    <Stack gap={6} data-testid={`team-event-${event}`}>
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

function EventDialog({
  team,
  event,
  onClose,
  onReload,
}: {
  team: Team;
  event: TeamEventName;
  onClose: () => void;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useTeamLabels();
  const fire = useFireTeamEvent();
  const input = TEAM_EVENT_INPUT[event];
  const [text, setText] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [sending, setSending] = useState(false);
  const Arrow = format.language === 'ar' ? IconArrowLeft : IconArrowRight;
  const negative = event === 'WITHDRAW';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    setFieldError(null);
    if (input !== 'none' && !text.trim()) {
      setFieldError(t('form.required'));
      return;
    }
    setSending(true);
    try {
      await fire(team, event, text.trim());
      notifications.show({ color: 'teal', message: t('cohorts.actions.done', { event: labels.event(event) }) });
      onClose();
      await onReload();
    } catch (error) {
      const found = toProblem(error, t);
      const message = found.fields.comment ?? found.fields.reason;
      if (message) setFieldError(message);
      else setProblem(found);
    } finally {
      setSending(false);
    }
  };

  const reload = async () => {
    await onReload();
    setProblem(null);
  };

  const failed = problem?.code === 'NOT_ALLOWED' ? problem.failed.filter((g) => g !== 'STATE') : [];

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="md">
        <Text fw={600}>{format.name(team)}</Text>
        <Group gap="xs" wrap="wrap" aria-label={t('cohorts.actions.transition')}>
          <TeamStateBadge state={team.state} size="lg" />
          <Arrow size={18} aria-hidden />
          <TeamStateBadge state={TEAM_EVENT_TARGET[event]} size="lg" />
        </Group>
        <Text size="sm">{t(`teams.eventHints.${event}`)}</Text>
        {event === 'APPROVE_GOALS' ? (
          <Alert color="blue" variant="light" icon={<IconInfoCircle size={20} aria-hidden />}>
            {t('teams.actions.freezeNote')}
          </Alert>
        ) : null}
        {input !== 'none' ? (
          <Textarea
            label={input === 'comment' ? t('teams.actions.comment') : t('cohorts.actions.reason')}
            description={input === 'comment' ? t('teams.actions.commentHint') : t('teams.actions.reasonHint')}
            required
            autosize
            minRows={3}
            maxLength={5000}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={fieldError}
            data-autofocus
          />
        ) : null}
        <ProblemAlert problem={problem} onReload={() => void reload()} title={t('cohorts.actions.failed')} />
        {failed.length > 0 ? (
          <List size="sm" spacing={2}>
            {failed.map((guard) => (
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
            color={negative ? 'red' : undefined}
            loading={sending}
            data-autofocus={input === 'none' ? true : undefined}
          >
            {labels.event(event)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The team transitions this user may fire now, straight from the server's list. */
export function TeamActions({ team, onReload }: { team: Team; onReload: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const labels = useTeamLabels();
  const [open, setOpen] = useState<TeamEventName | null>(null);
  // Events of later features (mid-point decision, final report, outcome, sustainment) have their own pages.
  const events = team.availableEvents.filter((a) => isTeamEvent(a.event));
  const forward = events.filter((a) => a.event !== 'WITHDRAW');
  const negative = events.filter((a) => a.event === 'WITHDRAW');
  return (
    <>
      {events.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('teams.actions.none')}
        </Text>
      ) : (
        <Stack gap="md" data-testid="team-actions">
          {forward.map((available) => (
            <EventButton key={available.event} available={available} onOpen={setOpen} />
          ))}
          {negative.length > 0 && forward.length > 0 ? <Divider /> : null}
          {negative.map((available) => (
            <EventButton key={available.event} available={available} onOpen={setOpen} />
          ))}
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
        {open ? <EventDialog team={team} event={open} onClose={() => setOpen(null)} onReload={onReload} /> : null}
      </Modal>
    </>
  );
}
