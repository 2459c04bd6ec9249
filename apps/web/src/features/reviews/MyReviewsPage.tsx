import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { PageHeader, useDocumentTitle } from '../../components/PageHeader';
import { LoadError, PageLoader } from '../../components/PageState';
import { Section } from '../../components/Section';
import { useFormat } from '../../lib/format';
import { AssessmentStateBadge } from './Badges';
import { MyAssessmentsQuery } from './documents';
import { useReviewLabels } from './labels';

/** مراجعاتي: a reviewer's assignments (team, cohort, due date, the state of their assessment). */
export default function MyReviewsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useReviewLabels();
  useDocumentTitle(t('reviews.mine.title'));
  const { data, loading, error, refetch } = useQuery(MyAssessmentsQuery, { fetchPolicy: 'cache-and-network' });
  const list = data?.myAssessments ?? [];

  return (
    <>
      <PageHeader title={t('reviews.mine.title')} description={t('reviews.mine.intro')} />
      {error && !data ? (
        <LoadError error={error} onRetry={() => void refetch()} />
      ) : loading && !data ? (
        <PageLoader />
      ) : (
        <Section id="my-reviews" title={t('reviews.mine.listTitle')}>
          {list.length === 0 ? (
            <Text c="dimmed">{t('reviews.mine.empty')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={640}>
              <Table verticalSpacing="sm" striped data-testid="my-assessments">
                <Table.Caption className="visually-hidden">{t('reviews.mine.caption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('reviews.columns.team')}</Table.Th>
                    <Table.Th scope="col">{t('reviews.columns.cohort')}</Table.Th>
                    <Table.Th scope="col">{t('reviews.columns.due')}</Table.Th>
                    <Table.Th scope="col">{t('reviews.columns.state')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((a) => {
                    const tz = a.team.cohort.timeZone;
                    return (
                      <Table.Tr key={a.id} data-testid="my-assessment" data-state={a.state}>
                        <Table.Td>
                          <Anchor component={Link} to={`/reviews/${a.id}`} fw={600}>
                            <bdi>{format.name(a.team)}</bdi>
                          </Anchor>
                        </Table.Td>
                        <Table.Td>
                          <bdi>{format.name(a.team.cohort)}</bdi>
                        </Table.Td>
                        <Table.Td>
                          <time dateTime={a.dueAt}>{format.dateTime(a.dueAt, tz)}</time>
                        </Table.Td>
                        <Table.Td>
                          <Stack gap={4} align="flex-start">
                            <AssessmentStateBadge state={a.state} />
                            {a.conflictDeclared ? (
                              <Badge variant="outline" color="gray" tt="none">
                                {labels.conflict('DECLARED')}
                              </Badge>
                            ) : null}
                            <Text size="xs" c="dimmed">
                              {t('reviews.reviewIs', { state: labels.reviewState(a.review.state) })}
                            </Text>
                            {a.submittedAt ? (
                              <Text size="xs" c="dimmed">
                                {t('reviews.mine.submittedOn', { date: format.dateTime(a.submittedAt, tz) })}
                              </Text>
                            ) : null}
                          </Stack>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Section>
      )}
    </>
  );
}
