import { useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Grid, Group, List, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { can } from '@hundred/domain';
import { cohortMachine } from '@hundred/workflow';
import { IconAlertTriangle, IconListDetails, IconPencil, IconUserCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

import { BackLink } from '../../components/BackLink';
import { HistoryTable } from '../../components/HistoryTable';
import { PageHeader, useDocumentTitle } from '../../components/PageHeader';
import { LoadError, PageLoader } from '../../components/PageState';
import { scrollableBy } from '../../components/scrollable';
import { Section } from '../../components/Section';
import type { CohortDetailFragment } from '../../gql/graphql';
import { useFormat } from '../../lib/format';
import { useSession } from '../../session/session';
import { CohortTeamDeadlines } from '../reviews/Deadlines';
import { CohortResults } from '../results/CohortResults';
import { CohortActions, CohortCancel } from './CohortActions';
import { showsDemoClock } from './cohorts';
import { CohortStateBadge } from './CohortStateBadge';
import { CohortTimeline } from './CohortTimeline';
import { DemoClock } from './DemoClock';
import { CohortQuery } from './documents';
import { useCohortLabels } from './labels';
import { useExportMenu } from '../exports/ExportMenu';

type Cohort = CohortDetailFragment;

/** Scheduled transitions show up without a reload. */
const POLL_MS = 15_000;

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text fw={600} size="sm" component="dd" m={0} mt={2}>
        {children}
      </Text>
    </Paper>
  );
}

function DeadlinesTable({ cohort }: { cohort: Cohort }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useCohortLabels();
  const tz = cohort.timeZone;
  return (
    <Table.ScrollContainer minWidth={720} scrollAreaProps={scrollableBy(t('cohorts.deadlines.caption'))}>
      <Table verticalSpacing="sm" horizontalSpacing="md" striped highlightOnHover>
        <Table.Caption className="visually-hidden">{t('cohorts.deadlines.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('cohorts.deadlines.what')}</Table.Th>
            <Table.Th scope="col">{t('cohorts.deadlines.day')}</Table.Th>
            <Table.Th scope="col">{t('cohorts.deadlines.date')}</Table.Th>
            <Table.Th scope="col">{t('cohorts.deadlines.state')}</Table.Th>
            <Table.Th scope="col">{t('cohorts.deadlines.notes')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cohort.deadlines.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={5}>
                <Text c="dimmed" ta="center" py="md">
                  {t('cohorts.deadlines.none')}
                </Text>
              </Table.Td>
            </Table.Tr>
          ) : (
            cohort.deadlines.map((deadline) => {
              const blocked = deadline.state === 'PENDING' && deadline.blockedBy.length > 0;
              const rechecked = deadline.state === 'PENDING' && deadline.nextCheckAt !== deadline.dueAt;
              return (
                <Table.Tr key={deadline.id} data-kind={deadline.kind}>
                  <Table.Td fw={500}>{labels.deadlineKind(deadline.kind)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{labels.day(deadline.day)}</Table.Td>
                  <Table.Td>
                    <time dateTime={deadline.dueAt}>
                      {format.gregorian(deadline.dueAt, tz)}
                      <Text span c="dimmed" size="sm">
                        {' · '}
                        {format.time(deadline.dueAt, tz)}
                      </Text>
                    </time>
                    {format.preferences.hijri ? (
                      <Text size="xs" c="dimmed">
                        {format.hijri(deadline.dueAt, tz)}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Badge
                      variant="light"
                      tt="none"
                      color={
                        blocked
                          ? 'orange'
                          : deadline.state === 'FIRED'
                            ? 'teal'
                            : deadline.state === 'PENDING'
                              ? 'blue'
                              : 'gray'
                      }
                    >
                      {blocked ? t('cohorts.deadlines.blocked') : labels.deadlineState(deadline.state)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {blocked ? (
                      <List size="xs" spacing={2}>
                        {deadline.blockedBy.map((guard) => (
                          <List.Item key={guard}>{labels.guard(guard)}</List.Item>
                        ))}
                      </List>
                    ) : null}
                    {rechecked ? (
                      <Text size="xs" c="dimmed">
                        {t('cohorts.deadlines.nextCheck', { date: format.dateTime(deadline.nextCheckAt, tz) })}
                      </Text>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              );
            })
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export default function CohortPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useCohortLabels();
  const { actor } = useSession();
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(CohortQuery, { variables: { id }, pollInterval: POLL_MS });
  const cohort = data?.cohort;
  const report = useExportMenu({ kind: 'COHORT_REPORT', params: { cohortId: id } });
  useDocumentTitle(cohort ? format.name(cohort) : t('cohorts.title'));

  if (error && !cohort) return <LoadError error={error} onRetry={() => void refetch()} />;
  if (loading && !cohort) return <PageLoader />;
  if (!cohort) return null;

  const mayUpdate =
    can(actor, 'cohort.update', { type: 'cohort', id: cohort.id }) && !cohortMachine.terminal.includes(cohort.state);
  const mayAssignReviewers = can(actor, 'team.assignReviewers', { type: 'team' });
  const mayReadReviews = can(actor, 'review.read', { type: 'review' });
  const mayExport = can(actor, 'cohort.report', { type: 'cohort', id: cohort.id });
  const now = data?.clock.now ?? null;
  const showClock = showsDemoClock(actor, data?.clock);
  const nowMs = now ? Date.parse(now) : null;
  const nextDueAt =
    cohort.deadlines
      .filter((d) => d.state === 'PENDING' && (nowMs === null || Date.parse(d.nextCheckAt) > nowMs))
      .map((d) => d.nextCheckAt)
      .sort()[0] ?? null;

  const reload = async () => {
    await refetch();
  };
  // The server fires what fell due as the clock moves; look again once its worker has had a moment.
  const afterClockMoved = async () => {
    await reload();
    window.setTimeout(() => void refetch(), 1500);
  };

  const otherName = format.language === 'ar' ? cohort.nameEn : cohort.nameAr;

  return (
    <>
      <PageHeader
        above={<BackLink to="/cohorts" label={t('cohorts.back')} />}
        title={format.name(cohort)}
        description={<span lang={format.language === 'ar' ? 'en' : 'ar'}>{otherName}</span>}
        actions={
          mayUpdate || mayExport || mayAssignReviewers || mayReadReviews ? (
            <Group gap="sm">
              {mayExport ? report.menu : null}
              {mayAssignReviewers ? (
                <Button
                  variant="default"
                  component={Link}
                  to={`/cohorts/${cohort.id}/reviewers`}
                  leftSection={<IconUserCheck size={18} aria-hidden />}
                >
                  {t('reviews.assign.title')}
                </Button>
              ) : null}
              {mayReadReviews ? (
                <Button
                  variant="default"
                  component={Link}
                  to={`/cohorts/${cohort.id}/reviews`}
                  leftSection={<IconListDetails size={18} aria-hidden />}
                >
                  {t('reviews.cohort.title')}
                </Button>
              ) : null}
              {mayUpdate ? (
                <Button
                  variant="default"
                  component={Link}
                  to={`/cohorts/${cohort.id}/edit`}
                  leftSection={<IconPencil size={18} aria-hidden />}
                >
                  {t('cohorts.edit')}
                </Button>
              ) : null}
            </Group>
          ) : null
        }
      />

      <Stack gap="lg">
        {mayExport ? report.status : null}
        <Group gap="sm" wrap="wrap" data-testid="cohort-status">
          <CohortStateBadge state={cohort.state} size="lg" />
          <Badge size="lg" variant="outline" color="gray" tt="none" data-testid="cohort-progress">
            {labels.progress(cohort.currentDay)}
          </Badge>
        </Group>

        {cohort.calendarProblems.length > 0 ? (
          <Alert
            color="orange"
            variant="light"
            icon={<IconAlertTriangle size={20} aria-hidden />}
            title={t('cohorts.calendarProblems')}
            role="alert"
          >
            <List size="sm" spacing={2}>
              {cohort.calendarProblems.map((problem) => (
                <List.Item key={`${problem.field}-${problem.code}`}>{problem.message}</List.Item>
              ))}
            </List>
          </Alert>
        ) : null}

        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" component="dl" m={0}>
          <Fact label={t('cohorts.fields.day1')}>{format.localDate(cohort.day1)}</Fact>
          <Fact label={t('cohorts.fields.timeZone')}>
            <span title={cohort.timeZone}>{format.timeZone(cohort.timeZone)}</span>
          </Fact>
          <Fact label={t('cohorts.fields.weekendDays')}>
            {format.list([...cohort.weekendDays].sort((a, b) => a - b).map((d) => labels.weekday(d)))}
          </Fact>
          <Fact label={t('cohorts.fields.currentDay')}>{labels.day(cohort.currentDay)}</Fact>
        </SimpleGrid>

        <Section id="cohort-timeline" title={t('cohorts.timeline.title')}>
          <CohortTimeline cohort={cohort} now={now} />
        </Section>

        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: showClock ? 7 : 12 }}>
            <Section id="cohort-actions" title={t('cohorts.actions.title')}>
              <CohortActions cohort={cohort} onReload={reload} />
            </Section>
          </Grid.Col>
          {showClock ? (
            <Grid.Col span={{ base: 12, md: 5 }}>
              <DemoClock nextDueAt={nextDueAt} timeZone={cohort.timeZone} onMoved={afterClockMoved} />
            </Grid.Col>
          ) : null}
        </Grid>

        <CohortResults cohortId={cohort.id} />

        <Section id="cohort-deadlines" title={t('cohorts.deadlines.title')}>
          <DeadlinesTable cohort={cohort} />
        </Section>

        <Section
          id="cohort-team-deadlines"
          title={t('reviews.deadlines.cohortTitle')}
          hint={t('reviews.deadlines.cohortHint')}
        >
          <CohortTeamDeadlines cohortId={cohort.id} />
        </Section>

        <Section id="cohort-history" title={t('cohorts.history.title')}>
          <HistoryTable
            records={cohort.history}
            timeZone={cohort.timeZone}
            eventLabel={labels.event}
            StateBadge={CohortStateBadge}
            caption={t('cohorts.history.caption')}
            none={t('cohorts.history.none')}
            testId="cohort-history"
          />
        </Section>

        <CohortCancel cohort={cohort} onReload={reload} />
      </Stack>
    </>
  );
}
