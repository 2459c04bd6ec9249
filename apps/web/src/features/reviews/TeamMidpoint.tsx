import { useQuery } from '@apollo/client/react';
import { Alert, Anchor, Group, Stack, Text } from '@mantine/core';
import { IconGavel, IconListCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { useAfterContent } from '../../api/afterContent';
import { LoadError, PageLoader } from '../../components/PageState';
import { Section } from '../../components/Section';
import { useFormat } from '../../lib/format';
import { AggregateChart } from './AggregateChart';
import { AssessmentCard } from './AssessmentCard';
import { RecommendationBadge } from './Badges';
import { TeamDeadlinesTable } from './Deadlines';
import { TeamReviewQuery } from './documents';
import { useReviewLabels } from './labels';

/**
 * What the team's workspace shows of its mid-point review and its calendar: the office's decision,
 * the corrections it asked for, the reviewers' assessments without their names once decided (as
 * the server returns them), and every deadline that concerns the team.
 */
export function TeamMidpoint({ teamId, mayDecide }: { teamId: string; mayDecide: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useReviewLabels();
  // A section of the team's page: asked for once the page's content shows (api/afterContent.ts).
  const deferred = !useAfterContent();
  const { data, loading, error, refetch } = useQuery(TeamReviewQuery, {
    variables: { id: teamId },
    fetchPolicy: 'cache-and-network',
    skip: deferred,
  });
  const team = data?.team;
  if (error && !team) return <LoadError error={error} onRetry={() => void refetch()} />;
  if ((loading || deferred) && !team) return <PageLoader />;
  if (!team) return null;
  const tz = team.cohort.timeZone;
  const review = team.review;
  const shown = review?.assessments.filter((a) => a.submittedAt) ?? [];

  return (
    <Stack gap="lg">
      {review ? (
        <Section
          id="team-midpoint"
          title={t('reviews.team.title')}
          testId="team-midpoint"
          aside={
            mayDecide ? (
              <Anchor component={Link} to={`/teams/${team.id}/midpoint`} size="sm">
                {t('reviews.team.openDecision')}
              </Anchor>
            ) : null
          }
        >
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              {t('reviews.reviewIs', { state: labels.reviewState(review.state) })}
              {' · '}
              {t('reviews.facts.inOf', {
                in: format.number(review.submittedCount),
                minimum: format.number(review.minimumAssessments),
              })}
            </Text>
            {team.midpointDecision ? (
              <Alert
                color="blue"
                variant="light"
                icon={<IconGavel size={20} aria-hidden />}
                title={t('reviews.team.decision')}
                data-testid="team-midpoint-decision"
              >
                <Group gap="sm">
                  <RecommendationBadge recommendation={team.midpointDecision} size="lg" />
                  {team.midpointDecidedAt ? <Text size="sm">{format.dateTime(team.midpointDecidedAt, tz)}</Text> : null}
                </Group>
              </Alert>
            ) : (
              <Text size="sm">{t('reviews.team.notDecided')}</Text>
            )}
            {team.midpointCorrections ? (
              <Alert
                color="orange"
                variant="light"
                icon={<IconListCheck size={20} aria-hidden />}
                title={t('reviews.team.corrections')}
                data-testid="team-midpoint-corrections"
              >
                <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-line' }}>
                  {team.midpointCorrections}
                </Text>
              </Alert>
            ) : null}
            {review.aggregate && review.aggregate.submitted > 0 && team.midpointDecision ? (
              <AggregateChart aggregate={review.aggregate} />
            ) : null}
            {team.midpointDecision && shown.length > 0 ? (
              <Stack gap="sm" data-testid="team-midpoint-feedback">
                <Text fw={600}>{t('reviews.team.feedback')}</Text>
                {shown.map((a) => (
                  <AssessmentCard key={a.id} assessment={a} timeZone={tz} showState={false} withNames={false} />
                ))}
              </Stack>
            ) : null}
          </Stack>
        </Section>
      ) : null}
      <Section id="team-deadlines" title={t('reviews.deadlines.teamTitle')} testId="team-deadlines-section">
        <TeamDeadlinesTable deadlines={team.deadlines} timeZone={tz} />
      </Section>
    </Stack>
  );
}
