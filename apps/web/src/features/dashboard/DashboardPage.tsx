import { useQuery } from '@apollo/client/react';
import { Anchor, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';

import { useAfterContent } from '../../api/afterContent';
import { PageHeader, useDocumentTitle } from '../../components/PageHeader';
import { useExportMenu } from '../exports/ExportMenu';
import { LoadError, PageLoader } from '../../components/PageState';
import { Section } from '../../components/Section';
import type { DashboardQuery as DashboardResult } from '../../gql/graphql';
import { useFormat } from '../../lib/format';
import { useCohortLabels } from '../cohorts/labels';
import { AttainmentChart } from './AttainmentChart';
import { filterOf, teamsLink, type Drill } from './dashboard';
import { DashboardChoicesQuery, DashboardQuery } from './documents';
import { useDashboardLabels } from './labels';
import { StandingBar, StandingLinks } from './StandingBar';
import { TrendChart } from './TrendChart';

type Dashboard = DashboardResult['dashboard'];
type Results = NonNullable<Dashboard['cohorts'][number]['results']>;

/** A figure with its label, a link to the teams behind it. */
function Figure({ label, value, to, testId }: { label: string; value: string; to: string; testId?: string }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Anchor component={Link} to={to} fz="xl" fw={700} data-testid={testId}>
        {value}
      </Anchor>
    </Paper>
  );
}

function ResultLinks({ results, drill }: { results: Results; drill: Drill }) {
  const format = useFormat();
  const labels = useDashboardLabels();
  const items: [string, number][] = [
    ['ACHIEVED', results.achieved],
    ['PARTIALLY_ACHIEVED', results.partiallyAchieved],
    ['NOT_ACHIEVED', results.notAchieved],
    ['AWAITING_OUTCOME', results.awaitingOutcome],
    ['SUSTAINING', results.sustaining],
    ['SUSTAINED', results.sustained],
    ['SCALED', results.scaled],
    ['LAPSED', results.lapsed],
  ];
  return (
    <Group gap="sm" wrap="wrap" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {items.map(([key, n]) => (
        <li key={key}>
          <Anchor component={Link} to={teamsLink({ ...drill, result: key })} size="sm">
            {labels.result(key)}: {format.number(n)}
          </Anchor>
        </li>
      ))}
    </Group>
  );
}

/**
 * The leadership dashboard (لوحة القيادة): every cohort at a glance, KPI attainment, results by
 * pillar and by agency, one cohort's weekly trend and the results after day 100. The filters live
 * in the URL; every figure opens the teams behind it.
 */
export default function DashboardPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useDashboardLabels();
  const cohortLabels = useCohortLabels();
  const [params, setParams] = useSearchParams();
  useDocumentTitle(t('dashboard.title'));
  const filter = filterOf(params);
  // The filters' choices come after the figures (api/afterContent.ts).
  const choices = useQuery(DashboardChoicesQuery, { fetchPolicy: 'cache-and-network', skip: !useAfterContent() });
  const { data, loading, error, refetch } = useQuery(DashboardQuery, {
    variables: { filter: { cohortId: filter.cohort, pillarId: filter.pillar, agencyId: filter.agency } },
    fetchPolicy: 'cache-and-network',
  });
  const d = data?.dashboard;
  const drill: Drill = { ...filter };
  // The file holds what is filtered now: the same filter as the figures on the page.
  const exported = useExportMenu({
    kind: 'DASHBOARD',
    params: { dashboard: { cohortId: filter.cohort, pillarId: filter.pillar, agencyId: filter.agency } },
  });

  const choose = (key: 'cohort' | 'pillar' | 'agency') => (value: string | null) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    });

  const pillars = (choices.data?.alignmentTree ?? []).filter((n) => n.level === 'PILLAR' && n.active);
  const agencyName = (a: { nameAr: string; nameEn: string; code: string }) => `${format.name(a)} (${a.code})`;

  return (
    <>
      <PageHeader title={t('dashboard.title')} description={t('dashboard.intro')} actions={exported.menu} />
      <Stack gap="md">
        {exported.status}
        <Paper withBorder radius="md" p="md" component="section" aria-label={t('dashboard.filters')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('dashboard.filter.cohort')}
              placeholder={t('dashboard.filter.allCohorts')}
              data={(choices.data?.cohorts ?? []).map((c) => ({ value: c.id, label: format.name(c) }))}
              value={filter.cohort}
              onChange={choose('cohort')}
              clearable
              searchable
              nothingFoundMessage={t('form.nothingFound')}
              data-testid="filter-cohort"
            />
            <Select
              label={t('dashboard.filter.pillar')}
              placeholder={t('dashboard.filter.allPillars')}
              data={pillars.map((p) => ({ value: p.id, label: format.name(p) }))}
              value={filter.pillar}
              onChange={choose('pillar')}
              clearable
              searchable
              nothingFoundMessage={t('form.nothingFound')}
              data-testid="filter-pillar"
            />
            <Select
              label={t('dashboard.filter.agency')}
              placeholder={t('dashboard.filter.allAgencies')}
              data={(choices.data?.agencies ?? []).map((a) => ({ value: a.id, label: agencyName(a) }))}
              value={filter.agency}
              onChange={choose('agency')}
              clearable
              searchable
              nothingFoundMessage={t('form.nothingFound')}
              data-testid="filter-agency"
            />
          </SimpleGrid>
        </Paper>

        {error && !d ? (
          <LoadError error={error} onRetry={() => void refetch()} />
        ) : loading && !d ? (
          <PageLoader />
        ) : d ? (
          <>
            {!d.everything ? (
              <Text size="sm" c="dimmed">
                {t('dashboard.yourPart')}
              </Text>
            ) : null}
            <Section id="dashboard-overview" title={t('dashboard.overview.title')} testId="dashboard-overview">
              <Stack gap="sm">
                <SimpleGrid cols={{ base: 2, sm: 4 }}>
                  <Figure
                    label={t('dashboard.overview.teams')}
                    value={format.number(d.teams.total)}
                    to={teamsLink(drill)}
                  />
                  <Figure
                    label={t('dashboard.overview.red')}
                    value={format.number(d.teams.red)}
                    to={teamsLink({ ...drill, standing: 'RED' })}
                    testId="overview-red"
                  />
                  <Figure
                    label={t('dashboard.overview.overdue')}
                    value={format.number(d.overdue)}
                    to={teamsLink({ ...drill, overdue: true })}
                  />
                  <Figure
                    label={t('dashboard.overview.attainment')}
                    value={labels.percent(d.attainment.mean)}
                    to={teamsLink(drill)}
                  />
                </SimpleGrid>
                <StandingBar counts={d.teams} drill={drill} height={20} />
                <StandingLinks counts={d.teams} drill={drill} />
              </Stack>
            </Section>

            <Section id="dashboard-cohorts" title={t('dashboard.cohorts.title')} hint={t('dashboard.cohorts.hint')}>
              {d.cohorts.length === 0 ? (
                <Text c="dimmed">{t('dashboard.empty')}</Text>
              ) : (
                <Table.ScrollContainer minWidth={860}>
                  <Table verticalSpacing="sm" horizontalSpacing="sm" data-testid="dashboard-cohorts">
                    <Table.Caption className="visually-hidden">{t('dashboard.cohorts.title')}</Table.Caption>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('dashboard.columns.cohort')}</Table.Th>
                        <Table.Th scope="col">{t('dashboard.columns.phase')}</Table.Th>
                        <Table.Th scope="col">{t('dashboard.columns.day')}</Table.Th>
                        <Table.Th scope="col" style={{ width: '32%' }}>
                          {t('dashboard.columns.teams')}
                        </Table.Th>
                        <Table.Th scope="col">{t('dashboard.columns.overdue')}</Table.Th>
                        <Table.Th scope="col">{t('dashboard.columns.attainment')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {d.cohorts.map((c) => {
                        const cd: Drill = { ...drill, cohort: c.cohortId };
                        return (
                          <Table.Tr key={c.cohortId} data-testid="dashboard-cohort-row">
                            <Table.Th scope="row" fw={600}>
                              <Anchor component={Link} to={`/cohorts/${c.cohortId}`}>
                                <bdi>{format.name(c)}</bdi>
                              </Anchor>
                            </Table.Th>
                            <Table.Td>
                              <Text size="sm">{cohortLabels.state(c.state)}</Text>
                            </Table.Td>
                            <Table.Td>
                              <Text size="sm">
                                {c.day >= 1 && c.day <= 100
                                  ? t('dashboard.dayOf', { day: format.number(c.day) })
                                  : c.day < 1
                                    ? t('dashboard.beforeDay1', { days: format.number(1 - c.day) })
                                    : t('dashboard.afterDay100', { day: format.number(c.day) })}
                              </Text>
                            </Table.Td>
                            <Table.Td>
                              <Stack gap={4}>
                                <StandingBar counts={c.teams} drill={cd} />
                                <StandingLinks counts={c.teams} drill={cd} size="xs" />
                              </Stack>
                            </Table.Td>
                            <Table.Td>
                              <Anchor component={Link} to={teamsLink({ ...cd, overdue: true })} size="sm">
                                {format.number(c.overdue)}
                              </Anchor>
                            </Table.Td>
                            <Table.Td>
                              <Text size="sm">{labels.percent(c.attainment)}</Text>
                            </Table.Td>
                          </Table.Tr>
                        );
                      })}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </Section>

            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <Section
                id="dashboard-attainment"
                title={t('dashboard.attainment.title')}
                hint={t('dashboard.attainment.hint', {
                  teams: format.number(d.attainment.teams),
                  mean: labels.percent(d.attainment.mean),
                })}
              >
                <AttainmentChart attainment={d.attainment} drill={drill} />
              </Section>
              <Section id="dashboard-trend" title={t('dashboard.trend.title')} hint={t('dashboard.trend.hint')}>
                {filter.cohort && d.trend.length > 0 ? (
                  <TrendChart trend={d.trend} />
                ) : (
                  <Text c="dimmed" size="sm">
                    {filter.cohort ? t('dashboard.trend.none') : t('dashboard.trend.chooseCohort')}
                  </Text>
                )}
              </Section>
            </SimpleGrid>

            <Section id="dashboard-pillars" title={t('dashboard.pillars.title')} hint={t('dashboard.pillars.hint')}>
              <FiguresTable
                rows={d.byPillar.map((p) => ({
                  key: p.pillarId,
                  name: format.name(p),
                  groups: [{ counts: p.teams, drill: { ...drill, pillar: p.pillarId } }],
                  attainment: p.attainment,
                }))}
                head={[t('dashboard.columns.pillar'), t('dashboard.columns.teams')]}
                caption={t('dashboard.pillars.title')}
                testId="dashboard-pillars"
              />
            </Section>

            <Section id="dashboard-agencies" title={t('dashboard.agencies.title')} hint={t('dashboard.agencies.hint')}>
              <FiguresTable
                rows={d.byAgency.map((a) => ({
                  key: a.agencyId,
                  name: agencyName(a),
                  groups: [
                    { counts: a.lead, drill: { ...drill, agency: a.agencyId, agencyRole: 'LEAD' } },
                    { counts: a.partner, drill: { ...drill, agency: a.agencyId, agencyRole: 'PARTNER' } },
                  ],
                  attainment: a.attainment,
                }))}
                head={[t('dashboard.columns.agency'), t('dashboard.columns.asLead'), t('dashboard.columns.asPartner')]}
                caption={t('dashboard.agencies.title')}
                testId="dashboard-agencies"
              />
            </Section>

            <Section id="dashboard-results" title={t('dashboard.results.title')} hint={t('dashboard.results.hint')}>
              {d.results.teams === 0 ? (
                <Text c="dimmed" size="sm">
                  {t('dashboard.results.none')}
                </Text>
              ) : (
                <Stack gap="md">
                  <ResultLinks results={d.results} drill={drill} />
                  {d.cohorts
                    .filter((c) => c.results && c.results.teams > 0)
                    .map((c) => (
                      <Stack gap={4} key={c.cohortId}>
                        <Title order={3} fz="sm">
                          <bdi>{format.name(c)}</bdi>
                        </Title>
                        <ResultLinks results={c.results!} drill={{ ...drill, cohort: c.cohortId }} />
                      </Stack>
                    ))}
                </Stack>
              )}
            </Section>
          </>
        ) : null}
      </Stack>
    </>
  );
}

/** Rows of figures (a pillar, an agency): a name, one or more bars of teams by standing, the attainment. */
function FiguresTable({
  rows,
  head,
  caption,
  testId,
}: {
  rows: {
    key: string;
    name: string;
    groups: { counts: Dashboard['teams']; drill: Drill }[];
    attainment: number | null;
  }[];
  head: string[];
  caption: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const labels = useDashboardLabels();
  if (rows.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {t('dashboard.empty')}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="sm" horizontalSpacing="sm" data-testid={testId}>
        <Table.Caption className="visually-hidden">{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {head.map((h) => (
              <Table.Th scope="col" key={h}>
                {h}
              </Table.Th>
            ))}
            <Table.Th scope="col">{t('dashboard.columns.attainment')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key}>
              <Table.Th scope="row" fw={600}>
                <bdi>{r.name}</bdi>
              </Table.Th>
              {r.groups.map((g, i) => (
                <Table.Td key={i} style={{ minWidth: 180 }}>
                  <Stack gap={4}>
                    <StandingBar counts={g.counts} drill={g.drill} />
                    <StandingLinks counts={g.counts} drill={g.drill} size="xs" />
                  </Stack>
                </Table.Td>
              ))}
              <Table.Td>
                <Text size="sm">{labels.percent(r.attainment)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
