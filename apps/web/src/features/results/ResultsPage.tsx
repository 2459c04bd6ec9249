import { useApolloClient, useQuery } from '@apollo/client/react';
import { Badge, Grid, Group, List, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconCheck, IconSend } from '@tabler/icons-react';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

import { BackLink } from '../../components/BackLink';
import { HistoryTable } from '../../components/HistoryTable';
import { PageHeader, useDocumentTitle } from '../../components/PageHeader';
import { LoadError, PageLoader } from '../../components/PageState';
import { Section } from '../../components/Section';
import { WorkflowActions, WorkflowEventDialog } from '../../components/WorkflowActions';
import type { TeamResultsFragment } from '../../gql/graphql';
import { useFormat } from '../../lib/format';
import { useTeamLabels } from '../teams/labels';
import { localDateIn } from '../teams/teams';
import { TeamStateBadge } from '../teams/TeamStateBadge';
import { CheckpointsSection } from './CheckpointsSection';
import { CloseSustainmentForm } from './CloseSustainmentForm';
import { StartTeamSustainmentMutation, SubmitFinalReportMutation, TeamResultsQuery } from './documents';
import { FinalReportSection } from './FinalReportSection';
import { useResultsLabels } from './labels';
import { OutcomeSection } from './OutcomeSection';
import { OutcomeBadge, SustainmentStatusBadge } from './ResultBadges';
import { isResultsEvent, storyOf, type ResultsEvent } from './results';
import { StoryChart } from './StoryChart';
import { SustainmentPlanSection } from './SustainmentPlanSection';

type Team = TeamResultsFragment;

/** The results events without a form of their own (submit the report, start sustainment), from the server's list. */
function ResultsActions({ team, onReload }: { team: Team; onReload: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useTeamLabels();
  const client = useApolloClient();
  const fire = async (event: ResultsEvent) => {
    const input = { id: team.id, version: team.version };
    if (event === 'SUBMIT_FINAL_REPORT')
      await client.mutate({ mutation: SubmitFinalReportMutation, variables: { input } });
    else await client.mutate({ mutation: StartTeamSustainmentMutation, variables: { input } });
  };
  const events = team.availableEvents.filter((a) => isResultsEvent(a.event));
  if (events.length === 0) return null;
  return (
    <WorkflowActions
      events={events}
      isEvent={isResultsEvent}
      labels={labels}
      icon={(event) =>
        event === 'SUBMIT_FINAL_REPORT' ? <IconSend size={18} aria-hidden /> : <IconCheck size={18} aria-hidden />
      }
      eventTestIdPrefix="results-event-"
      testId="results-actions"
      none={t('teams.actions.none')}
      layout="row"
      renderDialog={(event, available, close) => (
        <WorkflowEventDialog
          available={available}
          subject={format.name(team)}
          StateBadge={TeamStateBadge}
          from={team.state}
          hint={t(`results.eventHints.${event}`)}
          inputText={() => ({ label: t('cohorts.actions.reason') })}
          perform={() => fire(event)}
          onDone={onReload}
          failedItems={(failed) => failed.filter((g) => g !== 'STATE').map(labels.guard)}
          label={labels.event(event)}
          onClose={close}
          onReload={onReload}
        />
      )}
    />
  );
}

/** Goals, the mid-point decision, the outcome and where sustainment stands, at a glance. */
function StoryFacts({ team }: { team: Team }) {
  const { t } = useTranslation();
  const format = useFormat();
  const results = useResultsLabels();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="md" component="dl" m={0} data-testid="story-facts">
      <Stack gap={2}>
        <Text size="xs" c="dimmed" component="dt">
          {t('results.story.goals')}
        </Text>
        <Text size="sm" component="dd" m={0}>
          <List size="sm" spacing={2}>
            {team.goals.map((g) => (
              <List.Item key={g.id}>
                <bdi>{format.language === 'en' && g.titleEn ? g.titleEn : g.titleAr}</bdi>
              </List.Item>
            ))}
          </List>
        </Text>
      </Stack>
      <Stack gap={2}>
        <Text size="xs" c="dimmed" component="dt">
          {t('results.story.midpoint')}
        </Text>
        <Text size="sm" fw={600} component="dd" m={0} data-testid="story-midpoint">
          {team.midpointDecision ? results.decision(team.midpointDecision) : t('results.story.notYet')}
        </Text>
      </Stack>
      <Stack gap={2}>
        <Text size="xs" c="dimmed" component="dt">
          {t('results.story.outcome')}
        </Text>
        <Text size="sm" component="dd" m={0} data-testid="story-outcome">
          {team.outcome ? <OutcomeBadge outcome={team.outcome} /> : t('results.story.notYet')}
        </Text>
      </Stack>
      <Stack gap={2}>
        <Text size="xs" c="dimmed" component="dt">
          {t('results.story.sustainment')}
        </Text>
        <Text size="sm" component="dd" m={0} data-testid="story-sustainment">
          {team.sustainmentStatus ? (
            <>
              <SustainmentStatusBadge status={team.sustainmentStatus} />
              {team.scaledTo ? (
                <Text span size="sm">
                  {' '}
                  <bdi>{team.scaledTo}</bdi>
                </Text>
              ) : null}
            </>
          ) : team.sustainmentPlan ? (
            team.sustainmentPlan.pledge?.valid ? (
              t('results.story.planSigned')
            ) : (
              t('results.story.planUnsigned')
            )
          ) : (
            t('results.story.notYet')
          )}
        </Text>
      </Stack>
    </SimpleGrid>
  );
}

/** النتائج والاستدامة: the team's whole story and its day-100 and sustainment work, on one page. */
export default function ResultsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useTeamLabels();
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(TeamResultsQuery, { variables: { id } });
  const team = data?.team;
  useDocumentTitle(team ? t('results.titleOf', { name: format.name(team) }) : t('results.title'));
  const reload = useCallback(async () => {
    await refetch();
  }, [refetch]);

  if (error && !team) return <LoadError error={error} onRetry={() => void refetch()} />;
  if (loading && !team) return <PageLoader />;
  if (!team || !data) return null;

  const cohort = team.cohort;
  const tz = cohort.timeZone;
  const today = localDateIn(data.clock.now, tz);
  const plan = team.sustainmentPlan ?? null;
  const story = storyOf(team, cohort.day1);
  const checkpointDays = plan?.checkpointDays ?? [];
  const closeEvent = team.availableEvents.find((a) => a.event === 'CLOSE_SUSTAINMENT');
  const hasEvents = team.availableEvents.some((a) => isResultsEvent(a.event));

  return (
    <>
      <PageHeader
        above={<BackLink to={`/teams/${team.id}`} label={t('results.back')} />}
        title={t('results.titleOf', { name: format.name(team) })}
        description={t('results.intro')}
      />
      <Stack gap="lg">
        <Group gap="sm" wrap="wrap" data-testid="results-status">
          <TeamStateBadge state={team.state} size="lg" />
          <Badge
            size="lg"
            variant="outline"
            color="gray"
            tt="none"
            component={Link}
            to={`/cohorts/${cohort.id}`}
            style={{ cursor: 'pointer' }}
          >
            {format.name(cohort)}
          </Badge>
          {team.outcome ? <OutcomeBadge outcome={team.outcome} size="lg" /> : null}
          {team.sustainmentStatus ? <SustainmentStatusBadge status={team.sustainmentStatus} /> : null}
        </Group>

        {hasEvents ? (
          <Section id="results-actions" title={t('cohorts.actions.title')}>
            <ResultsActions team={team} onReload={reload} />
          </Section>
        ) : null}

        <Section
          id="results-story"
          title={t('results.story.title')}
          hint={t('results.story.hint')}
          testId="story-section"
        >
          <Stack gap="lg">
            <StoryFacts team={team} />
            <Grid gap="lg">
              {story.map((kpi) => (
                <Grid.Col key={kpi.kpiId} span={{ base: 12, lg: 6 }}>
                  <StoryChart kpi={kpi} checkpointDays={checkpointDays} />
                </Grid.Col>
              ))}
            </Grid>
          </Stack>
        </Section>

        <Section id="results-report" title={t('results.report.title')} testId="final-report-section">
          <FinalReportSection key={team.finalReport?.version ?? 0} team={team} today={today} onReload={reload} />
        </Section>

        {team.outcomeProposal || team.outcome ? (
          <Section id="results-outcome" title={t('results.outcome.title')} testId="outcome-section">
            <OutcomeSection team={team} onReload={reload} />
          </Section>
        ) : null}

        {plan || team.permittedActions.includes('DRAFT_PLAN') ? (
          <Section id="results-plan" title={t('results.plan.title')} testId="plan-section">
            <SustainmentPlanSection team={team} agencies={data.agencies} onReload={reload} />
          </Section>
        ) : null}

        {plan && plan.checkpoints.length > 0 ? (
          <Section id="results-checkpoints" title={t('results.checkpoints.heading')} testId="checkpoints-section">
            <CheckpointsSection team={team} plan={plan} timeZone={tz} today={today} onReload={reload} />
          </Section>
        ) : null}

        {closeEvent ? (
          <Section id="results-close" title={t('teams.events.CLOSE_SUSTAINMENT')} testId="close-section">
            <CloseSustainmentForm team={team} available={closeEvent} onReload={reload} />
          </Section>
        ) : null}

        <Section id="results-history" title={t('teams.history.title')}>
          <HistoryTable
            records={team.history}
            timeZone={tz}
            eventLabel={labels.event}
            StateBadge={TeamStateBadge}
            caption={t('teams.history.caption')}
            none={t('teams.history.none')}
            testId="results-history"
          />
        </Section>
      </Stack>
    </>
  );
}
