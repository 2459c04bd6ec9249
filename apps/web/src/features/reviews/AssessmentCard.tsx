import { Badge, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { AssessmentFieldsFragment } from '../../gql/graphql';
import { useFormat } from '../../lib/format';
import { AssessmentStateBadge, RecommendationBadge } from './Badges';
import { useReviewLabels } from './labels';
import { CRITERIA } from './reviews';

type Assessment = Pick<
  AssessmentFieldsFragment,
  'id' | 'state' | 'position' | 'recommendation' | 'comment' | 'scores' | 'reviewer' | 'submittedAt' | 'mine'
>;

/**
 * One assessment as it was written, read-only: who wrote it when the server names them (the office,
 * leadership, the reviewer themselves), "reviewer 2" otherwise; each criterion's score and comment,
 * the recommendation and the overall comment.
 */
export function AssessmentCard({
  assessment: a,
  timeZone,
  showState = true,
  withNames = true,
}: {
  assessment: Assessment;
  timeZone?: string;
  showState?: boolean;
  /** Names of reviewers, where the server gives them (not on the team's own page). */
  withNames?: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useReviewLabels();
  const who = a.mine
    ? t('reviews.yourAssessment')
    : withNames && a.reviewer
      ? format.name(a.reviewer)
      : labels.reviewer(a.position);
  return (
    <Paper withBorder radius="md" p="md" data-testid="assessment-card" data-position={a.position}>
      <Stack gap="sm">
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Stack gap={0}>
            <Text fw={700}>
              <bdi>{who}</bdi>
            </Text>
            {withNames && a.reviewer && !a.mine ? (
              <Text size="xs" c="dimmed">
                <bdi>{format.name(a.reviewer.agency)}</bdi>
              </Text>
            ) : null}
            {a.submittedAt ? (
              <Text size="xs" c="dimmed">
                {t('reviews.submittedOn', { date: format.dateTime(a.submittedAt, timeZone) })}
              </Text>
            ) : null}
          </Stack>
          <Group gap="xs">
            {showState ? <AssessmentStateBadge state={a.state} /> : null}
            {a.recommendation ? <RecommendationBadge recommendation={a.recommendation} size="lg" /> : null}
          </Group>
        </Group>
        <Table.ScrollContainer minWidth={420}>
          <Table verticalSpacing={6} fz="sm" withRowBorders>
            <Table.Caption className="visually-hidden">{t('reviews.scoresCaption', { who })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('reviews.chart.colCriterion')}</Table.Th>
                <Table.Th scope="col">{t('reviews.form.score')}</Table.Th>
                <Table.Th scope="col">{t('reviews.form.criterionComment')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {CRITERIA.map((criterion) => {
                const s = a.scores.find((x) => x.criterion === criterion);
                return (
                  <Table.Tr key={criterion} data-criterion={criterion}>
                    <Table.Th scope="row" fw={500}>
                      {labels.criterion(criterion)}
                    </Table.Th>
                    <Table.Td>
                      {s?.score != null ? (
                        <Badge variant="outline" tt="none" data-testid="score">
                          {t('reviews.form.scoreOf', { score: format.number(s.score), max: format.number(5) })}
                        </Badge>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-line' }}>
                        {s?.comment ?? ''}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {a.comment ? (
          <Stack gap={2}>
            <Text size="xs" c="dimmed">
              {t('reviews.form.comment')}
            </Text>
            <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-line' }} data-testid="assessment-comment">
              {a.comment}
            </Text>
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}
