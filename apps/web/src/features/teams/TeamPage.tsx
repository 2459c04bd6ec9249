import { useQuery } from '@apollo/client/react';
import {
  Alert,
  Badge,
  Button,
  Collapse,
  Grid,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { can } from '@hundred/domain';
import {
  IconAlertTriangle,
  IconArrowBackUp,
  IconBulb,
  IconCalendarEvent,
  IconCircleCheck,
  IconClipboardText,
  IconHourglass,
  IconLock,
  IconTimeline,
} from '@tabler/icons-react';
import { lazy, Suspense, useCallback, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

import { BackLink } from '../../components/BackLink';
import { HistoryTable } from '../../components/HistoryTable';
import { PageHeader, useDocumentTitle } from '../../components/PageHeader';
import { LoadError, PageLoader } from '../../components/PageState';
import { Section } from '../../components/Section';
import type { CheckInFieldsFragment, TeamCohortFragment, TeamDetailFragment } from '../../gql/graphql';
import { useFormat } from '../../lib/format';
import { useCohortLabels } from '../cohorts/labels';
import { ChangeRequestsList } from './ChangeRequests';
import { CheckInForm } from './CheckInForm';
import { CheckInHistory } from './CheckInHistory';
import { TeamWorkspaceQuery } from './documents';
import { GoalsSection } from './GoalsSection';
import type { CheckInFacts } from './KpiChart';
import { useTeamLabels } from './labels';
import { MembersPanel } from './MembersPanel';
import { RagBadge } from './RagBadge';
import { TeamActions } from './TeamActions';
import { currentWeekOf, hasStarted, isWorkspaceEvent, mayOn } from './teams';
import { TeamStateBadge } from './TeamStateBadge';
import { useTeamActor } from './useTeamActor';

// The mid-point section (assessments, their chart, the deadlines) loads after the workspace.
const TeamMidpoint = lazy(() => import('../reviews/TeamMidpoint').then((m) => ({ default: m.TeamMidpoint })));

type Team = TeamDetailFragment;
type Cohort = TeamCohortFragment;
type CheckIn = CheckInFieldsFragment;

/** This week's check-in: which week, when it is due, whether it is in, and the form. */
function CheckInPanel({
  team,
  cohort,
  now,
  onReload,
}: {
  team: Team;
  cohort: Cohort;
  now: string;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useTeamLabels();
  const [open, setOpen] = useState(false);
  const week = currentWeekOf(team.weeks, now);
  const due = team.weeks.find((w) => w.week === week) ?? null;
  const late = due !== null && Date.parse(due.dueAt) < Date.parse(now);
  const sent = team.checkIns.find((c) => c.week === week && !c.supersededById) ?? null;
  const tz = cohort.timeZone;
  const kpiCount = team.goals.reduce((n, g) => n + g.kpis.length, 0);

  return (
    <Stack gap="md" data-testid="check-in-panel">
      <Group justify="space-between" align="center" gap="md" wrap="wrap">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ThemeIcon size={42} radius="md" variant="light" color={sent ? 'teal' : late ? 'orange' : 'hundred'}>
            {sent ? <IconCircleCheck size={24} aria-hidden /> : <IconCalendarEvent size={24} aria-hidden />}
          </ThemeIcon>
          <Stack gap={2}>
            <Text fw={700} data-testid="check-in-week">
              {week !== null
                ? t('teams.checkIn.weekOf', { week: labels.week(week), total: format.number(team.weeks.length) })
                : t('teams.checkIn.noWeeks')}
            </Text>
            {due ? (
              <Text size="sm" c={late ? 'orange.8' : 'dimmed'}>
                {late
                  ? t('teams.checkIn.wasDue', { date: format.dateTime(due.dueAt, tz) })
                  : t('teams.checkIn.dueOn', { date: format.dateTime(due.dueAt, tz) })}
              </Text>
            ) : null}
            {sent ? (
              <Text size="sm" c="teal.8">
                {t('teams.checkIn.sentThisWeek', {
                  name: format.name(sent.submittedBy),
                  date: format.dateTime(sent.submittedAt, tz),
                })}
              </Text>
            ) : null}
          </Stack>
        </Group>
        {!open && kpiCount > 0 ? (
          <Button
            onClick={() => setOpen(true)}
            variant={sent ? 'light' : 'filled'}
            leftSection={<IconClipboardText size={18} aria-hidden />}
            aria-expanded={open}
            aria-controls="check-in-form-region"
          >
            {sent ? t('teams.checkIn.openAnother') : t('teams.checkIn.open')}
          </Button>
        ) : null}
      </Group>
      {late && !sent ? (
        <Alert variant="light" color="orange" icon={<IconAlertTriangle size={20} aria-hidden />}>
          {t('teams.checkIn.lateNote')}
        </Alert>
      ) : null}
      <Collapse expanded={open} keepMounted={false}>
        <div id="check-in-form-region">
          {open ? (
            <Paper withBorder radius="md" p="md" bg="gray.0">
              <CheckInForm
                team={team}
                cohort={cohort}
                now={now}
                onDone={() => setOpen(false)}
                onCancel={() => setOpen(false)}
                onReload={onReload}
              />
            </Paper>
          ) : null}
        </div>
      </Collapse>
    </Stack>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="sm" fw={600} component="dd" m={0}>
        {children}
      </Text>
    </Stack>
  );
}

/** What a team is and where it stands: cohort, lead agency, dates, check-ins so far. */
function TeamFacts({ team, cohort, leadAgency }: { team: Team; cohort: Cohort | null; leadAgency: string | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const tz = cohort?.timeZone;
  const weeksWithCheckIn = new Set(team.checkIns.map((c) => c.week)).size;
  return (
    <SimpleGrid cols={1} spacing="sm" component="dl" m={0}>
      {leadAgency ? <Fact label={t('challenges.fields.leadAgencyId')}>{leadAgency}</Fact> : null}
      <Fact label={t('teams.facts.formed')}>{format.date(team.createdAt, tz)}</Fact>
      <Fact label={t('teams.facts.goalsFrozen')}>
        {team.goalsFrozenAt ? format.date(team.goalsFrozenAt, tz) : t('teams.facts.notYet')}
      </Fact>
      {team.weeks.length > 0 && team.goalsFrozenAt ? (
        <Fact label={t('teams.facts.checkIns')}>
          {t('teams.facts.weeksReported', {
            count: format.number(weeksWithCheckIn),
            total: format.number(team.weeks.length),
          })}
        </Fact>
      ) : null}
    </SimpleGrid>
  );
}

/** مساحة عمل الفريق: the team's people, goals and KPIs, weekly check-ins, changes and history. */
export default function TeamPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useTeamLabels();
  const cohortLabels = useCohortLabels();
  const { id = '' } = useParams();
  const wide = useMediaQuery('(min-width: 62em)', true);
  const { data, loading, error, refetch } = useQuery(TeamWorkspaceQuery, { variables: { id } });
  const team = data?.team;
  // The team, its cohort's calendar, the clock, the agencies and the alignment tree arrive in one answer.
  const cohort = team?.cohort ?? null;
  const now = data?.clock.now ?? null;
  const teamActor = useTeamActor(team ?? { id, myRoles: [] });
  const [correcting, setCorrecting] = useState<CheckIn | null>(null);
  useDocumentTitle(team ? format.name(team) : t('teams.title'));

  const reload = useCallback(async () => {
    await refetch();
  }, [refetch]);

  const checkInFacts = useMemo(
    () =>
      new Map<string, CheckInFacts>(
        (team?.checkIns ?? []).map((c) => [c.id, { week: c.week, confidence: c.confidence }]),
      ),
    [team?.checkIns],
  );

  if (error && !team) return <LoadError error={error} onRetry={() => void refetch()} />;
  if (loading && !team) return <PageLoader />;
  if (!team) return null;

  const mayCheckIn = mayOn(team, 'CHECK_IN');
  const mayReadChallenge = can(teamActor, 'challenge.read', { type: 'challenge', leadAgencyId: team.leadAgencyId });
  const leadAgency = data?.agencies.find((a) => a.id === team.leadAgencyId) ?? null;
  const other = format.language === 'ar' ? team.nameEn : team.nameAr;
  const tz = cohort?.timeZone;
  const lastEvent = team.history[team.history.length - 1];
  const returned = team.state === 'FORMING' && lastEvent?.event === 'RETURN_GOALS' ? lastEvent : null;
  // Status and check-ins mean something once the 100 days run.
  const started = hasStarted(team, cohort);
  const hasEvents = team.availableEvents.some((a) => isWorkspaceEvent(a.event));

  const actions = (
    <Section id="team-actions" title={t('cohorts.actions.title')}>
      <TeamActions team={team} onReload={reload} />
    </Section>
  );

  return (
    <>
      <PageHeader
        above={<BackLink to="/teams" label={t('teams.back')} />}
        title={format.name(team)}
        description={
          other ? (
            <span lang={format.language === 'ar' ? 'en' : 'ar'} dir={format.language === 'ar' ? 'ltr' : 'rtl'}>
              {other}
            </span>
          ) : undefined
        }
        actions={
          <Group gap="sm">
            <Button
              variant="light"
              component={Link}
              to={`/teams/${team.id}/results`}
              leftSection={<IconTimeline size={18} aria-hidden />}
              data-testid="team-results-link"
            >
              {t('results.openFromTeam')}
            </Button>
            {mayReadChallenge ? (
              <Button
                variant="default"
                component={Link}
                to={`/challenges/${team.challengeId}`}
                leftSection={<IconBulb size={18} aria-hidden />}
              >
                {t('teams.openChallenge')}
              </Button>
            ) : null}
          </Group>
        }
      />

      <Stack gap="lg">
        <Group gap="sm" wrap="wrap" data-testid="team-status">
          <TeamStateBadge state={team.state} size="lg" />
          {started ? <RagBadge rag={team.rag} withLabel size="lg" data-testid="team-rag" /> : null}
          {cohort ? (
            <>
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
              <Badge size="lg" variant="outline" color="gray" tt="none" data-testid="team-day">
                {cohortLabels.progress(cohort.currentDay)}
              </Badge>
            </>
          ) : null}
          {team.goalsFrozenAt ? (
            <Badge size="lg" variant="light" color="gray" tt="none" leftSection={<IconLock size={14} aria-hidden />}>
              {t('teams.goals.frozen')}
            </Badge>
          ) : null}
        </Group>

        {team.checkInsFlaggedAt ? (
          <Alert
            color="red"
            variant="filled"
            icon={<IconAlertTriangle size={22} aria-hidden />}
            title={t('teams.flag.title')}
            data-testid="check-ins-flag"
          >
            {t('teams.flag.body', { date: format.dateTime(team.checkInsFlaggedAt, tz) })}
          </Alert>
        ) : null}
        {returned ? (
          <Alert
            color="orange"
            variant="light"
            icon={<IconArrowBackUp size={20} aria-hidden />}
            title={t('teams.goals.returnedTitle')}
          >
            <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-line' }}>
              {returned.reason ?? ''}
            </Text>
          </Alert>
        ) : null}
        {team.state === 'GOALS_SUBMITTED' ? (
          <Alert color="violet" variant="light" icon={<IconHourglass size={20} aria-hidden />}>
            {t('teams.goals.awaitingApproval')}
          </Alert>
        ) : null}

        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Stack gap="lg">
              {!wide && hasEvents ? actions : null}
              {mayCheckIn && cohort && now ? (
                <Section id="team-check-in" title={t('teams.checkIn.title')} testId="check-in-section">
                  <CheckInPanel team={team} cohort={cohort} now={now} onReload={reload} />
                </Section>
              ) : null}
              <Section
                id="team-goals"
                title={t('teams.goals.title')}
                testId="goals-section"
                aside={
                  team.goalsFrozenAt ? (
                    <Text size="xs" c="dimmed">
                      {t('teams.goals.frozenSince', { date: format.date(team.goalsFrozenAt, tz) })}
                    </Text>
                  ) : null
                }
              >
                <GoalsSection team={team} cohort={cohort} checkIns={checkInFacts} onReload={reload} />
              </Section>
              {started ? (
                <Section id="team-check-ins" title={t('teams.checkIns.title')} testId="check-ins-section">
                  <CheckInHistory team={team} timeZone={tz} onCorrect={setCorrecting} onReload={reload} />
                </Section>
              ) : null}
              <Suspense fallback={<PageLoader />}>
                <TeamMidpoint teamId={team.id} mayDecide={can(teamActor, 'review.decide', { type: 'review' })} />
              </Suspense>
              {started ? (
                <Section id="team-changes" title={t('teams.changes.title')} testId="changes-section">
                  <ChangeRequestsList team={team} timeZone={tz} onReload={reload} />
                </Section>
              ) : null}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Stack gap="lg">
              {wide && hasEvents ? actions : null}
              <Section id="team-members" title={t('teams.members.title')}>
                <MembersPanel team={team} cohort={cohort} onReload={reload} />
              </Section>
              <Section id="team-facts" title={t('teams.facts.title')}>
                <TeamFacts team={team} cohort={cohort} leadAgency={leadAgency ? format.name(leadAgency) : null} />
              </Section>
            </Stack>
          </Grid.Col>
        </Grid>

        <Section id="team-history" title={t('teams.history.title')}>
          <HistoryTable
            records={team.history}
            timeZone={tz}
            eventLabel={labels.event}
            StateBadge={TeamStateBadge}
            caption={t('teams.history.caption')}
            none={t('teams.history.none')}
            testId="team-history"
          />
        </Section>
      </Stack>

      <Modal
        opened={correcting !== null}
        onClose={() => setCorrecting(null)}
        title={correcting ? t('teams.checkIn.correctTitle', { week: labels.week(correcting.week) }) : ''}
        size="xl"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {correcting && cohort && now ? (
          <CheckInForm
            team={team}
            cohort={cohort}
            now={now}
            correcting={correcting}

            onDone={() => setCorrecting(null)}
            onCancel={() => setCorrecting(null)}
            onReload={reload}
          />
        ) : null}
      </Modal>
    </>
  );
}
