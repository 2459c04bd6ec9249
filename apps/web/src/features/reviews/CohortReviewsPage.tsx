import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Button, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconUserCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

import { BackLink } from '../../components/BackLink';
import { PageHeader, useDocumentTitle } from '../../components/PageHeader';
import { LoadError, PageLoader } from '../../components/PageState';
import { Section } from '../../components/Section';
import { useFormat } from '../../lib/format';
import { RagBadge } from '../teams/RagBadge';
import { TeamStateBadge } from '../teams/TeamStateBadge';
import { RecommendationBadge } from './Badges';
import { CohortReviewsQuery } from './documents';
import { useReviewLabels } from './labels';

/** The office's view of a cohort's mid-point: every team's review, what is in, disagreement, the decision. */
export default function CohortReviewsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useReviewLabels();
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(CohortReviewsQuery, {
    variables: { cohortId: id },
    fetchPolicy: 'cache-and-network',
  });
  const cohort = data?.cohort;
  useDocumentTitle(
    cohort ? t('reviews.cohort.documentTitle', { cohort: format.name(cohort) }) : t('reviews.cohort.title'),
  );

  if (error && !data) return <LoadError error={error} onRetry={() => void refetch()} />;
  if (loading && !data) return <PageLoader />;
  if (!cohort || !data) return null;
  const teams = data.teams.filter((team) => team.review !== null);

  return (
    <>
      <PageHeader
        above={<BackLink to={`/cohorts/${cohort.id}`} label={t('cohorts.back')} />}
        title={t('reviews.cohort.title')}
        description={<bdi>{format.name(cohort)}</bdi>}
        actions={
          <Button
            variant="default"
            component={Link}
            to={`/cohorts/${cohort.id}/reviewers`}
            leftSection={<IconUserCheck size={18} aria-hidden />}
          >
            {t('reviews.assign.title')}
          </Button>
        }
      />
      <Section id="cohort-reviews" title={t('reviews.cohort.listTitle')} hint={t('reviews.cohort.hint')}>
        {teams.length === 0 ? (
          <Text c="dimmed">{t('reviews.cohort.empty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="sm" striped data-testid="cohort-reviews">
              <Table.Caption className="visually-hidden">{t('reviews.cohort.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('reviews.columns.team')}</Table.Th>
                  <Table.Th scope="col">{t('reviews.columns.teamState')}</Table.Th>
                  <Table.Th scope="col">{t('reviews.columns.rag')}</Table.Th>
                  <Table.Th scope="col">{t('reviews.columns.review')}</Table.Th>
                  <Table.Th scope="col">{t('reviews.columns.in')}</Table.Th>
                  <Table.Th scope="col">{t('reviews.columns.disagreement')}</Table.Th>
                  <Table.Th scope="col">{t('reviews.columns.decision')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {teams.map((team) => {
                  const review = team.review!;
                  return (
                    <Table.Tr key={team.id} data-testid="cohort-review-row">
                      <Table.Td>
                        <Anchor component={Link} to={`/teams/${team.id}/midpoint`} fw={600}>
                          <bdi>{format.name(team)}</bdi>
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <TeamStateBadge state={team.state} />
                      </Table.Td>
                      <Table.Td>
                        <RagBadge rag={team.rag} />
                      </Table.Td>
                      <Table.Td>{labels.reviewState(review.state)}</Table.Td>
                      <Table.Td>
                        {t('reviews.facts.inOf', {
                          in: format.number(review.submittedCount),
                          minimum: format.number(review.minimumAssessments),
                        })}
                      </Table.Td>
                      <Table.Td>
                        {review.aggregate?.disagreement ? (
                          <Badge
                            color="red"
                            variant="light"
                            tt="none"
                            leftSection={<IconAlertTriangle size={12} aria-hidden />}
                          >
                            {t('reviews.chart.disagreementShort')}
                          </Badge>
                        ) : (
                          '—'
                        )}
                      </Table.Td>
                      <Table.Td>
                        {team.midpointDecision ? <RecommendationBadge recommendation={team.midpointDecision} /> : '—'}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Section>
    </>
  );
}
