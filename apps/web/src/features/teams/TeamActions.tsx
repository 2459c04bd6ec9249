import { useApolloClient } from '@apollo/client/react';
import { Alert } from '@mantine/core';
import { IconArrowBackUp, IconBan, IconCheck, IconInfoCircle, IconSend } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { WorkflowActions, WorkflowEventDialog } from '../../components/WorkflowActions';
import type { TeamDetailFragment } from '../../gql/graphql';
import { useFormat } from '../../lib/format';
import {
  ApproveTeamGoalsMutation,
  ReturnTeamGoalsMutation,
  SubmitTeamGoalsMutation,
  WithdrawTeamMutation,
} from './documents';
import { useTeamLabels } from './labels';
import { TEAM_EVENT_INPUT, TEAM_EVENT_TARGET, TEAM_RESOLVED_IN_DIALOG, isTeamEvent, type TeamEventName } from './teams';
import { TeamStateBadge } from './TeamStateBadge';

type Team = Pick<TeamDetailFragment, 'id' | 'version' | 'state' | 'nameAr' | 'nameEn' | 'availableEvents'>;

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

function TeamEventDialog({
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
  return (
    <WorkflowEventDialog
      subject={format.name(team)}
      StateBadge={TeamStateBadge}
      from={team.state}
      to={TEAM_EVENT_TARGET[event]}
      hint={t(`teams.eventHints.${event}`)}
      reason={
        input !== 'none'
          ? {
              label: input === 'comment' ? t('teams.actions.comment') : t('cohorts.actions.reason'),
              description: input === 'comment' ? t('teams.actions.commentHint') : t('teams.actions.reasonHint'),
              required: true,
              maxLength: 5000,
            }
          : null
      }
      perform={(text) => fire(team, event, text.trim())}
      onDone={onReload}
      failedItems={(failed) => failed.filter((g) => g !== 'STATE').map(labels.guard)}
      label={labels.event(event)}
      negative={event === 'WITHDRAW'}
      onClose={onClose}
      onReload={onReload}
    >
      {event === 'APPROVE_GOALS' ? (
        <Alert color="blue" variant="light" icon={<IconInfoCircle size={20} aria-hidden />}>
          {t('teams.actions.freezeNote')}
        </Alert>
      ) : null}
    </WorkflowEventDialog>
  );
}

/** The team transitions this user may fire now, straight from the server's list. */
export function TeamActions({ team, onReload }: { team: Team; onReload: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const labels = useTeamLabels();
  return (
    <WorkflowActions
      // Events of later features (mid-point decision, final report, outcome, sustainment) have their own pages.
      events={team.availableEvents.filter((a) => isTeamEvent(a.event))}
      isEvent={isTeamEvent}
      labels={labels}
      resolvedInDialog={() => TEAM_RESOLVED_IN_DIALOG}
      tone={(event) => (event === 'WITHDRAW' ? 'negative' : event === 'RETURN_GOALS' ? 'aside' : 'forward')}
      icon={(event) => ICONS[event]}
      eventTestIdPrefix="team-event-"
      testId="team-actions"
      none={t('teams.actions.none')}
      renderDialog={(event, close) => <TeamEventDialog team={team} event={event} onClose={close} onReload={onReload} />}
    />
  );
}
