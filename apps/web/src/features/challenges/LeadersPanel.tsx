import { useMutation } from '@apollo/client/react';
import { Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { can } from '@hundred/domain';
import { IconPencil, IconUserCheck } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { toProblem, type Problem } from '../../api/errors';
import { PersonSelect } from '../../components/PersonSelect';
import { ProblemAlert } from '../../components/ProblemAlert';
import type { ChallengeQueueItemFragment } from '../../gql/graphql';
import { useFormat } from '../../lib/format';
import { useSession } from '../../session/session';
import { NameChallengeLeadersMutation } from './documents';

/** The detail page, the screening drawer and the approval queue all show it. */
type Challenge = ChallengeQueueItemFragment;

/** Whether this user may name the sponsor and team leader here, choosing from the list of users. */
export function useMayNameLeaders(challenge: Challenge): boolean {
  const { actor } = useSession();
  const resource = {
    type: 'challenge' as const,
    id: challenge.id,
    leadAgencyId: challenge.leadAgencyId,
    partnerAgencyIds: challenge.partnerAgencyIds,
    state: challenge.state,
  };
  // Only the office and leadership may list the people to choose from.
  return can(actor, 'challenge.nameLeaders', resource) && can(actor, 'user.list', { type: 'user' });
}

/** The proposed sponsor and team leader, read-only. */
export function LeadersSummary({ challenge }: { challenge: Challenge }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" component="dl" m={0} data-testid="challenge-leaders">
      <Stack gap={2}>
        <Text size="xs" c="dimmed" component="dt">
          {t('challenges.fields.proposedSponsorId')}
        </Text>
        <Text size="sm" fw={600} component="dd" m={0} c={challenge.proposedSponsor ? undefined : 'dimmed'}>
          {challenge.proposedSponsor ? format.name(challenge.proposedSponsor) : t('challenges.leaders.notNamed')}
        </Text>
      </Stack>
      <Stack gap={2}>
        <Text size="xs" c="dimmed" component="dt">
          {t('challenges.fields.proposedTeamLeadId')}
        </Text>
        <Text size="sm" fw={600} component="dd" m={0} c={challenge.proposedTeamLead ? undefined : 'dimmed'}>
          {challenge.proposedTeamLead ? format.name(challenge.proposedTeamLead) : t('challenges.leaders.notNamed')}
        </Text>
      </Stack>
    </SimpleGrid>
  );
}

function LeadersForm({
  challenge,
  onDone,
  cancellable,
  narrow,
}: {
  challenge: Challenge;
  onDone: () => void;
  cancellable: boolean;
  narrow: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [nameLeaders, { loading }] = useMutation(NameChallengeLeadersMutation);
  const [sponsor, setSponsor] = useState<string | null>(challenge.proposedSponsorId);
  const [teamLead, setTeamLead] = useState<string | null>(challenge.proposedTeamLeadId);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    setErrors({});
    try {
      await nameLeaders({
        variables: {
          input: {
            id: challenge.id,
            version: challenge.version,
            proposedSponsorId: sponsor,
            proposedTeamLeadId: teamLead,
          },
        },
      });
      notifications.show({ color: 'teal', message: t('challenges.leaders.saved') });
      onDone();
    } catch (error) {
      const found = toProblem(error, t);
      const known = Object.fromEntries(
        Object.entries(found.fields).filter(([f]) => f === 'proposedSponsorId' || f === 'proposedTeamLeadId'),
      );
      setErrors(known);
      if (Object.keys(known).length === 0) setProblem(found);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('challenges.leaders.title')}>
      <Stack gap="sm">
        <SimpleGrid cols={narrow ? 1 : { base: 1, sm: 2 }} spacing="sm">
          <PersonSelect
            label={t('challenges.fields.proposedSponsorId')}
            description={t('challenges.leaders.sponsorHint', { agency: format.name(challenge.leadAgency) })}
            agencyId={challenge.leadAgencyId}
            value={sponsor}
            onChange={setSponsor}
            current={challenge.proposedSponsor}
            error={errors.proposedSponsorId}
            testId="sponsor-select"
          />
          <PersonSelect
            label={t('challenges.fields.proposedTeamLeadId')}
            description={t('challenges.leaders.teamLeadHint')}
            value={teamLead}
            onChange={setTeamLead}
            current={challenge.proposedTeamLead}
            error={errors.proposedTeamLeadId}
            testId="team-lead-select"
          />
        </SimpleGrid>
        <ProblemAlert problem={problem} title={t('challenges.leaders.failed')} />
        <Group justify="flex-end" gap="sm">
          {cancellable ? (
            <Button variant="default" onClick={onDone} disabled={loading}>
              {t('form.cancel')}
            </Button>
          ) : null}
          <Button type="submit" loading={loading} leftSection={<IconUserCheck size={18} aria-hidden />}>
            {t('challenges.leaders.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * The proposed sponsor and team leader; the office and leadership may name them (a leader of the
 * lead agency as sponsor) until the challenge is decided.
 */
export function LeadersPanel({ challenge, narrow = false }: { challenge: Challenge; narrow?: boolean }) {
  const { t } = useTranslation();
  const mayName = useMayNameLeaders(challenge);
  const missing = !challenge.proposedSponsorId || !challenge.proposedTeamLeadId;
  const [editing, setEditing] = useState(false);
  if (mayName && (editing || missing)) {
    return <LeadersForm challenge={challenge} onDone={() => setEditing(false)} cancellable={editing} narrow={narrow} />;
  }
  return (
    <Stack gap="sm">
      <LeadersSummary challenge={challenge} />
      {mayName ? (
        <Group>
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPencil size={16} aria-hidden />}
            onClick={() => setEditing(true)}
          >
            {t('challenges.leaders.change')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
