import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { useAfterContent } from '../../api/afterContent';
import { ScrollRegion } from './ScrollRegion';
import { Link } from 'react-router';

import { LoadError, PageLoader } from '../../components/PageState';
import { Section } from '../../components/Section';
import { useFormat } from '../../lib/format';
import { TeamStateBadge } from '../teams/TeamStateBadge';
import { CohortResultsQuery } from './documents';
import { useResultsLabels } from './labels';
import { OutcomeBadge, READABLE, SustainmentStatusBadge } from './ResultBadges';
import { CHECKPOINT_COLORS } from './results';

/**
 * The cohort's results, team by team: outcome, sustainment status and checkpoints. Shown once any
 * team has a day-100 report, an outcome or a plan.
 */
export function CohortResults({ cohortId }: { cohortId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const results = useResultsLabels();
  // A section below the cohort's own: asked for once the page's content shows (api/afterContent.ts).
  const deferred = !useAfterContent();
  const { data, loading, error, refetch } = useQuery(CohortResultsQuery, { variables: { cohortId }, skip: deferred });
  if (error && !data) return <LoadError error={error} onRetry={() => void refetch()} />;
  if ((loading || deferred) && !data) return <PageLoader />;
  const teams = data?.teams ?? [];
  if (!teams.some((tm) => tm.finalReport || tm.outcome || tm.sustainmentPlan)) return null;
  return (
    <Section id="cohort-results" title={t('results.cohort.title')} testId="cohort-results">
      <ScrollRegion minWidth={720}>
        <Table verticalSpacing="sm" striped highlightOnHover>
          <Table.Caption className="visually-hidden">{t('results.cohort.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('results.cohort.team')}</Table.Th>
              <Table.Th scope="col">{t('results.cohort.state')}</Table.Th>
              <Table.Th scope="col">{t('results.cohort.outcome')}</Table.Th>
              <Table.Th scope="col">{t('results.cohort.sustainment')}</Table.Th>
              <Table.Th scope="col">{t('results.cohort.checkpoints')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {teams.map((tm) => (
              <Table.Tr key={tm.id} data-testid="cohort-result-row">
                <Table.Td>
                  <Anchor component={Link} to={`/teams/${tm.id}/results`} fw={600}>
                    <bdi>{format.name(tm)}</bdi>
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <TeamStateBadge state={tm.state} />
                </Table.Td>
                <Table.Td>
                  {tm.outcome ? (
                    <OutcomeBadge outcome={tm.outcome} />
                  ) : (
                    <Text size="sm" c="dimmed">
                      {tm.finalReport?.submittedAt ? t('results.cohort.awaitingOutcome') : t('results.cohort.noReport')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {tm.sustainmentStatus ? (
                    <Group gap={6}>
                      <SustainmentStatusBadge status={tm.sustainmentStatus} />
                      {tm.scaledTo ? (
                        <Text size="xs">
                          <bdi>{tm.scaledTo}</bdi>
                        </Text>
                      ) : null}
                    </Group>
                  ) : tm.sustainmentPlan ? (
                    <Text size="sm">
                      {tm.sustainmentPlan.pledge?.valid
                        ? t('results.story.planSigned')
                        : t('results.story.planUnsigned')}
                    </Text>
                  ) : (
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {(tm.sustainmentPlan?.checkpoints ?? []).map((c) => (
                      <Badge
                        key={c.index}
                        size="sm"
                        variant="light"
                        color={CHECKPOINT_COLORS[c.state]}
                        tt="none"
                        styles={READABLE}
                      >
                        {t('results.cohort.checkpoint', {
                          day: format.number(c.day),
                          state: results.checkpointState(c.state),
                        })}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
    </Section>
  );
}
