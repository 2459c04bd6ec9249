import { useApolloClient, useQuery } from '@apollo/client/react';
import { Alert, Badge, Grid, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconBan, IconEyeOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';

import { BackLink } from '../../components/BackLink';
import { PageHeader, useDocumentTitle } from '../../components/PageHeader';
import { LoadError, PageLoader } from '../../components/PageState';
import { Section } from '../../components/Section';
import { WorkflowActions, WorkflowEventDialog } from '../../components/WorkflowActions';
import type { AssessmentFieldsFragment } from '../../gql/graphql';
import { useFormat } from '../../lib/format';
import { AggregateChart } from './AggregateChart';
import { AssessmentCard } from './AssessmentCard';
import { AssessmentForm } from './AssessmentForm';
import { AssessmentStateBadge } from './Badges';
import { AssessmentQuery, DeclareReviewConflictMutation } from './documents';
import { useReviewLabels } from './labels';
import { TeamReadOnly } from './TeamReadOnly';

const isDeclareConflict = (event: string): event is 'DECLARE_CONFLICT' => event === 'DECLARE_CONFLICT';

/** The reviewer's page of one assignment: the form (or what was submitted), the others' once theirs is in, the team. */
export default function AssessmentPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useReviewLabels();
  const client = useApolloClient();
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(AssessmentQuery, { variables: { id } });
  const a = data?.assessment;
  useDocumentTitle(a ? t('reviews.assessment.documentTitle', { team: format.name(a.team) }) : t('reviews.mine.title'));

  if (error && !a) return <LoadError error={error} onRetry={() => void refetch()} />;
  if (loading && !a) return <PageLoader />;
  if (!a) return null;

  const tz = a.team.cohort.timeZone;
  const review = a.review;
  const others = review.assessments.filter((x) => !x.mine);
  const writable = a.availableEvents.some((e) => e.event === 'SAVE_DRAFT' || e.event === 'SUBMIT');
  const reload = async (): Promise<AssessmentFieldsFragment | null> => {
    const result = await refetch();
    return result.data?.assessment ?? null;
  };

  return (
    <>
      <PageHeader
        above={<BackLink to="/reviews" label={t('reviews.mine.back')} />}
        title={t('reviews.assessment.title', { team: format.name(a.team) })}
        description={
          <Group gap="xs" component="span">
            <bdi>{format.name(a.team.cohort)}</bdi>
            <span aria-hidden>·</span>
            <span>{t('reviews.dueOn', { date: format.dateTime(a.dueAt, tz) })}</span>
          </Group>
        }
      />
      <Stack gap="lg">
        <Group gap="sm" data-testid="assessment-status">
          <AssessmentStateBadge state={a.state} size="lg" />
          <Badge size="lg" variant="outline" color="gray" tt="none">
            {t('reviews.reviewIs', { state: labels.reviewState(review.state) })}
          </Badge>
          {a.conflictDeclared ? (
            <Badge size="lg" variant="light" color="gray" tt="none" leftSection={<IconBan size={14} aria-hidden />}>
              {labels.conflict('DECLARED')}
            </Badge>
          ) : null}
        </Group>
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Section
              id="assessment-form"
              title={t('reviews.assessment.formTitle')}
              hint={writable ? t('reviews.assessment.formHint') : undefined}
            >
              {writable ? (
                <AssessmentForm key={a.id} assessment={a} onReload={reload} />
              ) : (
                <AssessmentCard assessment={a} timeZone={tz} />
              )}
            </Section>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Stack gap="lg">
              <Section id="assessment-actions" title={t('cohorts.actions.title')}>
                <WorkflowActions
                  events={a.availableEvents.filter((e) => isDeclareConflict(e.event))}
                  isEvent={isDeclareConflict}
                  labels={labels}
                  tone={() => 'negative'}
                  icon={() => <IconBan size={18} aria-hidden />}
                  eventTestIdPrefix="assessment-event-"
                  none={t('reviews.assessment.noActions')}
                  renderDialog={(event, available, close) => (
                    <WorkflowEventDialog
                      available={available}
                      subject={format.name(a.team)}
                      StateBadge={AssessmentStateBadge}
                      from={a.state}
                      hint={t('reviews.assessment.declareHint')}
                      inputText={() => ({
                        label: t('reviews.assessment.conflictReason'),
                        description: t('reviews.assessment.conflictReasonHint'),
                      })}
                      maxLength={2000}
                      perform={(values) =>
                        client.mutate({
                          mutation: DeclareReviewConflictMutation,
                          variables: { input: { id: a.id, version: a.version, reason: values.reason.trim() } },
                        })
                      }
                      onDone={reload}
                      failedItems={(failed) => failed.filter((g) => g !== 'STATE').map(labels.guard)}
                      label={labels.event(event)}
                      negative
                      onClose={close}
                      onReload={reload}
                    />
                  )}
                />
              </Section>
              <Section id="assessment-others" title={t('reviews.assessment.othersTitle')}>
                {review.aggregate ? (
                  <Stack gap="md">
                    {review.aggregate.disagreement ? (
                      <Alert
                        color="red"
                        variant="light"
                        icon={<IconAlertTriangle size={20} aria-hidden />}
                        data-testid="disagreement-flag"
                      >
                        {t('reviews.disagreement')}
                      </Alert>
                    ) : null}
                    <AggregateChart aggregate={review.aggregate} />
                  </Stack>
                ) : (
                  <Group gap="sm" wrap="nowrap" align="flex-start">
                    <IconEyeOff size={20} aria-hidden />
                    <Text size="sm" c="dimmed" data-testid="others-hidden">
                      {t('reviews.assessment.othersHidden')}
                    </Text>
                  </Group>
                )}
              </Section>
            </Stack>
          </Grid.Col>
        </Grid>
        {others.length > 0 ? (
          <Section id="assessment-other-list" title={t('reviews.assessment.othersList')} testId="other-assessments">
            <Stack gap="md">
              {others.map((o) => (
                <AssessmentCard key={o.id} assessment={o} timeZone={tz} showState={false} />
              ))}
            </Stack>
          </Section>
        ) : null}
        <Text component="h2" fw={700} fz="h3" mt="md">
          {t('reviews.assessment.teamTitle')}
        </Text>
        <TeamReadOnly teamId={a.teamId} />
      </Stack>
    </>
  );
}
