import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Card, Divider, Grid, Group, Paper, Select, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { hasRole } from '@hundred/domain';
import { IconChecklist } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';

import { useAfterContent } from '../../api/afterContent';
import { PageHeader, useDocumentTitle } from '../../components/PageHeader';
import { ForbiddenState, LoadError, PageLoader } from '../../components/PageState';
import type { ChallengeQueueItemFragment } from '../../gql/graphql';
import { useFormat } from '../../lib/format';
import { useSession } from '../../session/session';
import { useAlignmentTree, type AlignmentNode } from '../alignment/AlignmentFields';
import { ChallengeActions } from './ChallengeActions';
import { AlignmentList, ApprovalsSummary, titleOf } from './ChallengeSections';
import { ApprovalQueueQuery, ChallengeCohortsQuery } from './documents';
import { LeadersPanel } from './LeadersPanel';
import { RubricSummary, ScoreBadge } from './RubricPanel';

/** The detail page, the screening drawer and the approval queue all show it. */
type Challenge = ChallengeQueueItemFragment;

function QueueItem({
  challenge,
  byId,
  onReload,
}: {
  challenge: Challenge;
  byId: ReadonlyMap<string, AlignmentNode>;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = `queue-${challenge.id}`;
  const other = format.language === 'ar' ? challenge.titleEn : challenge.titleAr;
  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      component="article"
      aria-labelledby={headingId}
      data-testid="queue-item"
      data-challenge-id={challenge.id}
    >
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
          <Stack gap={2} style={{ flex: '1 1 24rem', minWidth: 0 }}>
            <Title order={2} fz="h4" id={headingId}>
              <Anchor component={Link} to={`/challenges/${challenge.id}`} inherit>
                {titleOf(challenge, format.language) || t('challenges.untitled')}
              </Anchor>
            </Title>
            {other ? (
              <Text size="sm" c="dimmed">
                <span lang={format.language === 'ar' ? 'en' : 'ar'} dir={format.language === 'ar' ? 'ltr' : 'rtl'}>
                  {other}
                </span>
              </Text>
            ) : null}
            <Text size="sm">
              {t('challenges.queue.ledBy', { agency: format.name(challenge.leadAgency) })}
              {challenge.partnerAgencies.length > 0
                ? ` · ${t('challenges.queue.with', {
                    agencies: format.list(challenge.partnerAgencies.map((a) => format.name(a))),
                  })}`
                : null}
            </Text>
          </Stack>
          <Stack gap={4} align="flex-end">
            <Badge variant="outline" color="gray" tt="none">
              {format.name(challenge.cohort)}
            </Badge>
            <ScoreBadge score={challenge.meanScore} />
          </Stack>
        </Group>
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Stack gap="sm">
              <Title order={3} fz="sm">
                {t('challenges.rubric.title')}
              </Title>
              <RubricSummary challenge={challenge} compact />
              <Title order={3} fz="sm" mt="xs">
                {t('challenges.fields.alignmentNodeIds')}
              </Title>
              <AlignmentList challenge={challenge} byId={byId} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap="md">
              <Paper withBorder radius="md" p="sm">
                <Title order={3} fz="sm" mb="xs">
                  {t('challenges.approvals.title')}
                </Title>
                <ApprovalsSummary challenge={challenge} />
              </Paper>
              <Paper withBorder radius="md" p="sm">
                <Title order={3} fz="sm" mb="xs">
                  {t('challenges.leaders.title')}
                </Title>
                <LeadersPanel challenge={challenge} narrow />
              </Paper>
            </Stack>
          </Grid.Col>
        </Grid>
        <Divider />
        <ChallengeActions challenge={challenge} onReload={onReload} layout="row" />
      </Stack>
    </Card>
  );
}

/** Leadership's approval queue: the recommended challenges, with what the office found. */
export default function ApprovalQueuePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { actor } = useSession();
  const [params, setParams] = useSearchParams();
  useDocumentTitle(t('challenges.queue.title'));
  const mayView = !!actor && (hasRole(actor, 'LEADERSHIP') || hasRole(actor, 'ADMIN'));
  const cohortId = params.get('cohort');
  // The filter's choices come after the queue (api/afterContent.ts); the queue brings the tree.
  const afterContent = useAfterContent();
  const cohorts = useQuery(ChallengeCohortsQuery, {
    fetchPolicy: 'cache-and-network',
    skip: !mayView || !afterContent,
  });
  const { data, loading, error, refetch } = useQuery(ApprovalQueueQuery, {
    variables: { cohortId },
    skip: !mayView,
    pollInterval: 60_000,
  });
  const tree = useAlignmentTree({ fetchPolicy: 'cache-first', skip: !data });

  if (!mayView) return <ForbiddenState />;

  // A decision moves the challenge on; it leaves the queue without waiting for the next poll.
  const queue = (data?.challenges ?? []).filter((c) => c.state === 'RECOMMENDED');
  const reload = () => refetch();

  return (
    <>
      <PageHeader
        title={t('challenges.queue.title')}
        description={t('challenges.queue.intro')}
        actions={
          <Select
            label={t('challenges.fields.cohortId')}
            placeholder={t('challenges.list.anyCohort')}
            data={(cohorts.data?.cohorts ?? []).map((c) => ({ value: c.id, label: format.name(c) }))}
            value={cohortId}
            onChange={(value) =>
              setParams(
                (current) => {
                  const next = new URLSearchParams(current);
                  if (value) next.set('cohort', value);
                  else next.delete('cohort');
                  return next;
                },
                { replace: true },
              )
            }
            clearable
            clearButtonProps={{ 'aria-label': t('form.clear') }}
            w={{ base: '100%', sm: 320 }}
          />
        }
      />
      {error && !data ? (
        <LoadError error={error} onRetry={() => void refetch()} />
      ) : loading && !data ? (
        <PageLoader />
      ) : queue.length === 0 ? (
        <Paper withBorder p="xl" radius="md">
          <Stack align="center" gap="xs">
            <ThemeIcon size={48} radius="xl" variant="light" color="gray">
              <IconChecklist size={26} aria-hidden />
            </ThemeIcon>
            <Text c="dimmed">{t('challenges.queue.empty')}</Text>
          </Stack>
        </Paper>
      ) : (
        <Stack gap="lg">
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('challenges.queue.count', { number: format.number(queue.length) })}
          </Text>
          {queue.map((challenge) => (
            <QueueItem key={challenge.id} challenge={challenge} byId={tree.byId} onReload={reload} />
          ))}
        </Stack>
      )}
    </>
  );
}
