import { useMutation } from '@apollo/client/react';
import {
  ActionIcon,
  Avatar,
  Button,
  Divider,
  Group,
  List,
  Modal,
  Select,
  Stack,
  Text,
  ThemeIcon,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { can, type TeamRole } from '@hundred/domain';
import { IconCircleCheck, IconCircleDashed, IconUserMinus, IconUserPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { toProblem, type Problem } from '../../api/errors';
import { PersonSelect } from '../../components/PersonSelect';
import { ProblemAlert } from '../../components/ProblemAlert';
import type { TeamCohortFragment, TeamDetailFragment } from '../../gql/graphql';
import { useFormat } from '../../lib/format';
import { useSession } from '../../session/session';
import { AddTeamMemberMutation, RemoveTeamMemberMutation } from './documents';
import { useTeamLabels } from './labels';
import { LEADER_ROLES, ROLE_ORDER, isTeamRole, mayOn, memberCounts } from './teams';

type Team = TeamDetailFragment;
type Member = Team['members'][number];

/** Two initials for a Latin name; the first letter alone for an Arabic one (its letters would join). */
function initials(name: string): string {
  const words = name
    .replace(/^(Dr|Eng|Mr|Ms|Mrs|Brig)\.?\s+/iu, '')
    .replace(/^[\u0600-\u06FF]{1,5}\.\s+/u, '')
    .split(/\s+/)
    .filter(Boolean);
  const first = words[0] ?? '';
  const latin = /^[A-Za-z]/.test(first);
  const letters = latin
    ? words.slice(0, 2).map((w) => w.charAt(0).toUpperCase())
    : [first.replace(/^ال/u, '').charAt(0)];
  return letters.join('');
}

/** The cohort's minimum of people and agencies, and whether the team meets it. */
function Minimums({ team, cohort }: { team: Team; cohort: TeamCohortFragment | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!cohort) return null;
  const counts = memberCounts(team.members);
  const rows = [
    {
      key: 'people',
      met: counts.people >= cohort.minTeamMembers,
      text: t('teams.members.minPeople', {
        count: format.number(counts.people),
        required: format.number(cohort.minTeamMembers),
      }),
    },
    {
      key: 'agencies',
      met: counts.agencies >= cohort.minTeamAgencies,
      text: t('teams.members.minAgencies', {
        count: format.number(counts.agencies),
        required: format.number(cohort.minTeamAgencies),
      }),
    },
  ];
  return (
    <Stack gap={6} data-testid="member-minimums">
      <Text size="xs" c="dimmed" fw={600}>
        {t('teams.members.minimumsTitle')}
      </Text>
      <List spacing={4} size="sm" center>
        {rows.map((row) => (
          <List.Item
            key={row.key}
            data-met={row.met}
            icon={
              <ThemeIcon size={20} radius="xl" variant="light" color={row.met ? 'teal' : 'orange'}>
                {row.met ? <IconCircleCheck size={14} aria-hidden /> : <IconCircleDashed size={14} aria-hidden />}
              </ThemeIcon>
            }
          >
            {row.text}
            <span className="visually-hidden"> {row.met ? t('teams.members.met') : t('teams.members.notMet')}</span>
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

function AddMemberForm({
  team,
  roles,
  agencyId,
  onReload,
}: {
  team: Team;
  roles: TeamRole[];
  agencyId: string | null;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const labels = useTeamLabels();
  const [addMember, { loading }] = useMutation(AddTeamMemberMutation);
  const [role, setRole] = useState<string | null>('TEAM_MEMBER');
  const [person, setPerson] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setErrors({});
    setProblem(null);
    const missing: Record<string, string> = {};
    if (!role) missing.role = t('form.required');
    if (!person) missing.userId = t('form.required');
    if (Object.keys(missing).length > 0) {
      setErrors(missing);
      return;
    }
    if (!isTeamRole(role!)) return;
    try {
      await addMember({ variables: { input: { teamId: team.id, userId: person!, role: role! } } });
      notifications.show({ color: 'teal', message: t('teams.members.added') });
      setPerson(null);
      await onReload();
    } catch (error) {
      const found = toProblem(error, t);
      const known = Object.fromEntries(Object.entries(found.fields).filter(([f]) => f === 'userId' || f === 'role'));
      setErrors(known);
      if (Object.keys(known).length === 0) setProblem(found);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="add-member-title" data-testid="add-member">
      <Stack gap="sm">
        <Title order={3} fz="sm" id="add-member-title">
          {t('teams.members.addTitle')}
        </Title>
        <Select
          label={t('teams.members.role')}
          data={roles.map((r) => ({ value: r, label: labels.role(r) }))}
          value={role}
          onChange={setRole}
          allowDeselect={false}
          error={errors.role}
          required
        />
        <PersonSelect
          label={t('teams.members.person')}
          agencyId={agencyId}
          value={person}
          onChange={setPerson}
          error={errors.userId}
          required
          testId="member-select"
        />
        <ProblemAlert problem={problem} title={t('teams.members.failed')} />
        <Group justify="flex-end">
          <Button type="submit" variant="light" loading={loading} leftSection={<IconUserPlus size={18} aria-hidden />}>
            {t('teams.members.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function RemoveDialog({
  team,
  member,
  onClose,
  onReload,
}: {
  team: Team;
  member: Member;
  onClose: () => void;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useTeamLabels();
  const [removeMember, { loading }] = useMutation(RemoveTeamMemberMutation);
  const [problem, setProblem] = useState<Problem | null>(null);
  const confirm = async () => {
    setProblem(null);
    try {
      await removeMember({ variables: { input: { teamId: team.id, userId: member.userId, role: member.role } } });
      notifications.show({ color: 'teal', message: t('teams.members.removed') });
      onClose();
      await onReload();
    } catch (error) {
      setProblem(toProblem(error, t));
    }
  };
  return (
    <Stack gap="md">
      <Text size="sm">
        {t('teams.members.removeConfirm', { name: format.name(member.user), role: labels.role(member.role) })}
      </Text>
      <ProblemAlert problem={problem} />
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose} disabled={loading}>
          {t('cohorts.actions.dismiss')}
        </Button>
        <Button color="red" loading={loading} onClick={() => void confirm()} data-autofocus>
          {t('teams.members.remove')}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * The team's people grouped by role, with their agencies; the cohort's minimums; and, for those
 * who may, adding and removing people (members and coaches: the team leader or the office;
 * sponsor and team leader: the office only).
 */
export function MembersPanel({
  team,
  cohort,
  onReload,
}: {
  team: Team;
  cohort: TeamCohortFragment | null;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useTeamLabels();
  const { actor } = useSession();
  const [removing, setRemoving] = useState<Member | null>(null);
  // The sponsor and the team leader are named by the office; members and coaches by the team leader too.
  const mayNameLeaders = mayOn(team, 'NAME_LEADERS');
  const mayAdd = (role: TeamRole) => (LEADER_ROLES.includes(role) ? mayNameLeaders : mayOn(team, 'ADD_MEMBER'));
  // People are chosen from the directory: everyone for the office and leadership, one's own agency for a focal point.
  const listsAll = can(actor, 'user.list', { type: 'user' });
  const listsOwn = !!actor && can(actor, 'user.list', { type: 'user', agencyId: actor.agencyId });
  const mayChoose = listsAll || listsOwn;
  const addableRoles = ROLE_ORDER.filter(mayAdd);
  const mayRemove = (member: Member) =>
    isTeamRole(member.role) && (LEADER_ROLES.includes(member.role) ? mayNameLeaders : mayOn(team, 'REMOVE_MEMBER'));

  return (
    <Stack gap="md" data-testid="team-members">
      {ROLE_ORDER.map((role) => {
        const people = team.members.filter((m) => m.role === role);
        const headingId = `team-role-${role}`;
        return (
          <Stack key={role} gap={6} data-testid={`members-${role}`}>
            <Text size="xs" c="dimmed" fw={700} id={headingId}>
              {labels.roleGroup(role)}
            </Text>
            {people.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('teams.members.noneInRole')}
              </Text>
            ) : (
              <Stack component="ul" gap={8} p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby={headingId}>
                {people.map((member) => (
                  <Group component="li" key={`${member.userId}-${member.role}`} gap="sm" wrap="nowrap">
                    <Avatar size={34} radius="xl" color="hundred" aria-hidden>
                      {initials(format.name(member.user))}
                    </Avatar>
                    <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
                      <Text size="sm" fw={600} truncate dir="auto">
                        {format.name(member.user)}
                      </Text>
                      <Text size="xs" c="dimmed" truncate>
                        {format.name(member.user.agency)}
                      </Text>
                    </Stack>
                    {mayRemove(member) ? (
                      <Tooltip
                        label={t('teams.members.removeOf', {
                          name: format.name(member.user),
                          role: labels.role(member.role),
                        })}
                      >
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          onClick={() => setRemoving(member)}
                          aria-label={t('teams.members.removeOf', {
                            name: format.name(member.user),
                            role: labels.role(member.role),
                          })}
                        >
                          <IconUserMinus size={18} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                    ) : null}
                  </Group>
                ))}
              </Stack>
            )}
          </Stack>
        );
      })}
      <Divider />
      <Minimums team={team} cohort={cohort} />
      {addableRoles.length > 0 && mayChoose ? (
        <>
          <Divider />
          <AddMemberForm
            team={team}
            roles={addableRoles}
            agencyId={listsAll ? null : (actor?.agencyId ?? null)}
            onReload={onReload}
          />
        </>
      ) : null}
      <Modal
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        title={t('teams.members.removeTitle')}
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {removing ? (
          <RemoveDialog team={team} member={removing} onClose={() => setRemoving(null)} onReload={onReload} />
        ) : null}
      </Modal>
    </Stack>
  );
}
