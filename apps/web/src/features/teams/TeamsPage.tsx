import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Group, Paper, Select, SimpleGrid, Stack, Table, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { can } from '@hundred/domain';
import { IconAlertTriangle, IconUsersGroup } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';

import { PageHeader, useDocumentTitle } from '../../components/PageHeader';
import { LoadError, PageLoader } from '../../components/PageState';
import type { TeamsQuery as TeamsQueryResult } from '../../gql/graphql';
import { useFormat } from '../../lib/format';
import { useSession } from '../../session/session';
import { DashboardTeamsQuery, TeamListCohortsQuery, TeamsQuery } from './documents';
import { TeamsDrillSummary, useTeamsDrill } from './TeamsDrill';
import { useTeamLabels } from './labels';
import { RagBadge } from './RagBadge';
import { TeamStateBadge } from './TeamStateBadge';
import { OtherLanguage } from '../../components/OtherLanguage';

type Team = TeamsQueryResult['teams'][number];

/** Teams (الفرق): the office and leadership see all of a cohort's; everyone else the teams they belong to. */
export default function TeamsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useTeamLabels();
  const { actor } = useSession();
  const [params, setParams] = useSearchParams();
  useDocumentTitle(t('teams.title'));
  const seesAll = can(actor, 'team.read', { type: 'team' });
  const lists = useQuery(TeamListCohortsQuery, { fetchPolicy: 'cache-and-network' });
  const cohorts = useMemo(() => lists.data?.cohorts ?? [], [lists.data]);
  // The office and leadership start with the cohort running now (or the latest).
  const chosen = params.get('cohort');
  const running = cohorts.find((c) => c.currentDay >= 1 && c.currentDay <= 100) ?? cohorts[0] ?? null;
  const cohortId = seesAll ? (chosen ?? running?.id ?? null) : null;
  // Opened from a figure of the dashboard: the teams behind it (its filter is in the URL).
  const drill = useTeamsDrill(params);
  const listed = useQuery(TeamsQuery, {
    variables: { cohortId },
    skip: (seesAll && !lists.data) || drill !== null,
  });
  const drilled = useQuery(DashboardTeamsQuery, {
    variables: { filter: { ...drill, cohortId: chosen } },
    skip: drill === null,
  });
  const { loading, error, refetch } = drill ? drilled : listed;
  const data = drill ? (drilled.data ? { teams: drilled.data.dashboardTeams } : undefined) : listed.data;
  const teams = data?.teams ?? [];
  const cohortById = new Map(cohorts.map((c) => [c.id, c]));
  const agencyById = new Map((lists.data?.agencies ?? []).map((a) => [a.id, a]));
  const showCohort = !seesAll || (drill !== null && !chosen);

  const choose = (value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set('cohort', value);
        else next.delete('cohort');
        return next;
      },
      { replace: true },
    );

  const row = (team: Team) => {
    const other = format.language === 'ar' ? team.nameEn : team.nameAr;
    const cohort = cohortById.get(team.cohortId);
    const agency = agencyById.get(team.leadAgencyId);
    const people = new Set(team.members.map((m) => m.userId)).size;
    return (
      <Table.Tr key={team.id} data-testid="team-row">
        <Table.Td>
          <Group gap={6} wrap="nowrap" align="flex-start">
            {team.checkInsFlaggedAt ? (
              <Tooltip label={t('teams.flag.title')}>
                <ThemeIcon
                  size={20}
                  color="red"
                  variant="light"
                  radius="xl"
                  role="img"
                  aria-label={t('teams.flag.title')}
                >
                  <IconAlertTriangle size={13} aria-hidden />
                </ThemeIcon>
              </Tooltip>
            ) : null}
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Anchor component={Link} to={`/teams/${team.id}`} fw={600}>
                {format.name(team)}
              </Anchor>
              {other ? <OtherLanguage lineClamp={1}>{other}</OtherLanguage> : null}
            </Stack>
          </Group>
        </Table.Td>
        {showCohort ? (
          <Table.Td>
            <Text size="sm">{cohort ? format.name(cohort) : '—'}</Text>
          </Table.Td>
        ) : null}
        <Table.Td>
          <Text size="sm">{agency ? format.name(agency) : '—'}</Text>
        </Table.Td>
        <Table.Td>
          <TeamStateBadge state={team.state} />
        </Table.Td>
        <Table.Td>
          {/* Until its goals are approved a team has no status to show. */}
          {team.goalsFrozenAt === null ? (
            <Text size="sm" c="dimmed">
              —
            </Text>
          ) : (
            <RagBadge rag={team.rag} />
          )}
        </Table.Td>
        <Table.Td>
          <Text size="sm">{format.number(people)}</Text>
        </Table.Td>
        {!seesAll ? (
          <Table.Td>
            <Group gap={4}>
              {team.myRoles.map((role) => (
                <Badge
                  key={role}
                  size="sm"
                  variant="light"
                  tt="none"
                  styles={{ root: { overflow: 'visible' }, label: { overflow: 'visible' } }}
                >
                  {labels.role(role)}
                </Badge>
              ))}
            </Group>
          </Table.Td>
        ) : null}
      </Table.Tr>
    );
  };

  return (
    <>
      <PageHeader title={t('teams.title')} description={seesAll ? t('teams.introAll') : t('teams.introMine')} />
      <Stack gap="md">
        {drill ? (
          <TeamsDrillSummary
            drill={drill}
            cohort={chosen ? (cohortById.get(chosen) ?? null) : null}
            agency={drill.agencyId ? (agencyById.get(drill.agencyId) ?? null) : null}
          />
        ) : null}
        {seesAll && !drill ? (
          <Paper withBorder radius="md" p="md" component="section" aria-label={t('teams.filters')}>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
              <Select
                label={t('challenges.fields.cohortId')}
                data={cohorts.map((c) => ({ value: c.id, label: format.name(c) }))}
                value={cohortId}
                onChange={choose}
                allowDeselect={false}
                searchable
                nothingFoundMessage={t('form.nothingFound')}
              />
            </SimpleGrid>
          </Paper>
        ) : null}
        {error && !data ? (
          <LoadError error={error} onRetry={() => void refetch()} />
        ) : (loading || lists.loading) && !data ? (
          <PageLoader />
        ) : teams.length === 0 ? (
          <Paper withBorder p="xl" radius="md">
            <Stack align="center" gap="xs">
              <ThemeIcon size={48} radius="xl" variant="light" color="gray">
                <IconUsersGroup size={26} aria-hidden />
              </ThemeIcon>
              <Text c="dimmed" ta="center">
                {seesAll ? t('teams.emptyCohort') : t('teams.emptyMine')}
              </Text>
            </Stack>
          </Paper>
        ) : (
          <>
            <Text size="sm" c="dimmed" aria-live="polite">
              {t('teams.count', { number: format.number(teams.length) })}
            </Text>
            <Paper withBorder radius="md">
              <Table.ScrollContainer minWidth={820}>
                <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover data-testid="teams-table">
                  <Table.Caption className="visually-hidden">{t('teams.caption')}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('teams.columns.team')}</Table.Th>
                      {showCohort ? <Table.Th scope="col">{t('challenges.fields.cohortId')}</Table.Th> : null}
                      <Table.Th scope="col">{t('challenges.fields.leadAgencyId')}</Table.Th>
                      <Table.Th scope="col">{t('fields.status')}</Table.Th>
                      <Table.Th scope="col">{t('teams.columns.rag')}</Table.Th>
                      <Table.Th scope="col">{t('teams.columns.people')}</Table.Th>
                      {!seesAll ? <Table.Th scope="col">{t('teams.columns.myRoles')}</Table.Th> : null}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>{teams.map(row)}</Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
          </>
        )}
      </Stack>
    </>
  );
}
