import { useApolloClient } from '@apollo/client/react';
import { Alert } from '@mantine/core';
import { IconArrowBackUp, IconBan, IconCheck, IconInfoCircle, IconSend } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { WorkflowActions, WorkflowEventDialog, type EventValues } from '../../components/WorkflowActions';
import type { TeamDetailFragment } from '../../gql/graphql';
import { useFormat } from '../../lib/format';
import type { AvailableEvent } from '../../lib/workflow';
import {
  ApproveTeamGoalsMutation,
  ReturnTeamGoalsMutation,
  SubmitTeamGoalsMutation,
  WithdrawTeamMutation,
} from './documents';
import { useTeamLabels } from './labels';
import { isWorkspaceEvent, type WorkspaceEvent } from './teams';
import { TeamStateBadge } from './TeamStateBadge';

type Team = Pick<TeamDetailFragment, 'id' | 'version' | 'state' | 'nameAr' | 'nameEn' | 'availableEvents'>;

const ICONS: Record<WorkspaceEvent, ReactNode> = {
  SUBMIT_GOALS: <IconSend size={18} aria-hidden />,
  APPROVE_GOALS: <IconCheck size={18} aria-hidden />,
  RETURN_GOALS: <IconArrowBackUp size={18} aria-hidden />,
  WITHDRAW: <IconBan size={18} aria-hidden />,
};

/** Sends one event with the version on screen and what its dialog gathered. */
function useFireTeamEvent() {
  const client = useApolloClient();
  return async (team: Team, event: WorkspaceEvent, values: EventValues) => {
    const input = { id: team.id, version: team.version };
    switch (event) {
      case 'SUBMIT_GOALS':
        await client.mutate({ mutation: SubmitTeamGoalsMutation, variables: { input } });
        return;
      case 'APPROVE_GOALS':
        await client.mutate({ mutation: ApproveTeamGoalsMutation, variables: { input } });
        return;
      case 'RETURN_GOALS':
        await client.mutate({
          mutation: ReturnTeamGoalsMutation,
          variables: { input: { ...input, comment: values.comment.trim() } },
        });
        return;
      case 'WITHDRAW':
        await client.mutate({
          mutation: WithdrawTeamMutation,
          variables: { input: { ...input, reason: values.reason.trim() } },
        });
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
  available,
  onClose,
  onReload,
}: {
  team: Team;
  event: WorkspaceEvent;
  available: AvailableEvent;
  onClose: () => void;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useTeamLabels();
  const fire = useFireTeamEvent();
  return (
    <WorkflowEventDialog
      available={available}
      subject={format.name(team)}
      StateBadge={TeamStateBadge}
      from={team.state}
      hint={t(`teams.eventHints.${event}`)}
      inputText={(input) =>
        input === 'COMMENT'
          ? { label: t('teams.actions.comment'), description: t('teams.actions.commentHint') }
          : { label: t('cohorts.actions.reason'), description: t('teams.actions.reasonHint') }
      }
      perform={(values) => fire(team, event, values)}
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
      events={team.availableEvents.filter((a) => isWorkspaceEvent(a.event))}
      isEvent={isWorkspaceEvent}
      labels={labels}
      tone={(event) => (event === 'WITHDRAW' ? 'negative' : event === 'RETURN_GOALS' ? 'aside' : 'forward')}
      icon={(event) => ICONS[event]}
      eventTestIdPrefix="team-event-"
      testId="team-actions"
      none={t('teams.actions.none')}
      renderDialog={(event, available, close) => (
        <TeamEventDialog team={team} event={event} available={available} onClose={close} onReload={onReload} />
      )}
    />
  );
}
