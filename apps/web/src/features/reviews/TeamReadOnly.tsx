import { useQuery } from '@apollo/client/react';
import { Group, Stack } from '@mantine/core';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { LoadError, PageLoader } from '../../components/PageState';
import { Section } from '../../components/Section';
import { CheckInHistory } from '../teams/CheckInHistory';
import { TeamWorkspaceQuery } from '../teams/documents';
import { GoalsSection } from '../teams/GoalsSection';
import type { CheckInFacts } from '../teams/KpiChart';
import { RagBadge } from '../teams/RagBadge';
import { TeamStateBadge } from '../teams/TeamStateBadge';

/**
 * The team as a reviewer or the office reads it for the mid-point: its status, goals and KPIs
 * (original and current targets, the chart of each) and its check-ins. The workspace's own
 * components, with what this user may do on the team as the server says (a reviewer: nothing).
 */
export function TeamReadOnly({ teamId }: { teamId: string }) {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(TeamWorkspaceQuery, { variables: { id: teamId } });
  const team = data?.team;
  const reload = useCallback(async () => {
    await refetch();
  }, [refetch]);
  const checkIns = useMemo(
    () =>
      new Map<string, CheckInFacts>(
        (team?.checkIns ?? []).map((c) => [c.id, { week: c.week, confidence: c.confidence }]),
      ),
    [team?.checkIns],
  );
  if (error && !team) return <LoadError error={error} onRetry={() => void refetch()} />;
  if (loading && !team) return <PageLoader />;
  if (!team) return null;
  const cohort = team.cohort;
  return (
    <Stack gap="lg" data-testid="team-read-only">
      <Group gap="sm">
        <TeamStateBadge state={team.state} size="lg" />
        <RagBadge rag={team.rag} withLabel size="lg" data-testid="team-rag" />
      </Group>
      <Section id="review-team-goals" title={t('teams.goals.title')} testId="goals-section">
        <GoalsSection team={team} cohort={cohort} checkIns={checkIns} onReload={reload} />
      </Section>
      <Section id="review-team-check-ins" title={t('teams.checkIns.title')} testId="check-ins-section">
        <CheckInHistory team={team} timeZone={cohort.timeZone} onCorrect={() => undefined} onReload={reload} />
      </Section>
    </Stack>
  );
}
