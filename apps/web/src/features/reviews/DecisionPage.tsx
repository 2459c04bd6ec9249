import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { Alert, Grid, Group, List, Paper, Radio, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import type { Recommendation } from '@hundred/domain';
import { IconAlertTriangle, IconGavel, IconListCheck } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';

import { BackLink } from '../../components/BackLink';
import { PageHeader, useDocumentTitle } from '../../components/PageHeader';
import { LoadError, PageLoader } from '../../components/PageState';
import { Section } from '../../components/Section';
import { WorkflowActions, WorkflowEventDialog } from '../../components/WorkflowActions';
import type { TeamDecisionQuery as Result } from '../../gql/graphql';
import { useFormat } from '../../lib/format';
import { useTeamLabels } from '../teams/labels';
import { RagBadge } from '../teams/RagBadge';
import { TeamStateBadge } from '../teams/TeamStateBadge';
import { AggregateChart } from './AggregateChart';
import { AssessmentCard } from './AssessmentCard';
import { RecommendationBadge } from './Badges';
import { DecideMidpointMutation, TeamDecisionQuery } from './documents';
import { useReviewLabels } from './labels';
import { RECOMMENDATION_CHOICES, isRecommendation } from './reviews';
import { TeamReadOnly } from './TeamReadOnly';

type Team = NonNullable<Result['team']>;

const isDecide = (event: string): event is 'DECIDE_MIDPOINT' => event === 'DECIDE_MIDPOINT';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text fw={600} size="sm" component="dd" m={0} mt={2}>
        {children}
      </Text>
    </Paper>
  );
}

/** The decision dialog: the decision, a reason (STOP needs one), and what to correct for COURSE_CORRECT. */
function DecideDialog({
  team,
  available,
  onClose,
  onReload,
}: {
  team: Team;
  available: Team['availableEvents'][number];
  onClose: () => void;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useReviewLabels();
  const teamLabels = useTeamLabels();
  const client = useApolloClient();
  const [decision, setDecision] = useState<Recommendation | null>(null);
  const [corrections, setCorrections] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <WorkflowEventDialog
      available={available}
      subject={format.name(team)}
      StateBadge={TeamStateBadge}
      from={team.state}
      hint={t('reviews.decision.hint')}
      inputText={() => ({ label: t('reviews.decision.reason'), description: t('reviews.decision.reasonHint') })}
      perform={async (values) => {
        if (!decision) {
          setMissing(true);
          // Refused here as the server refuses a missing field, in the same words on screen.
          throw new CombinedGraphQLErrors({
            errors: [{ message: t('reviews.decision.choose'), extensions: { code: 'BAD_USER_INPUT' } }],
          });
        }
        return client.mutate({
          mutation: DecideMidpointMutation,
          variables: {
            input: {
              teamId: team.id,
              version: team.version,
              decision,
              reason: values.reason.trim(),
              corrections: decision === 'COURSE_CORRECT' ? corrections.trim() : '',
            },
          },
        });
      }}
      onDone={onReload}
      failedItems={(failed) => failed.filter((g) => g !== 'STATE').map(labels.guard)}
      label={teamLabels.event('DECIDE_MIDPOINT')}
      onClose={onClose}
      onReload={onReload}
    >
      <Radio.Group
        name="decision"
        label={t('reviews.decision.decision')}
        required
        value={decision}
        onChange={(v) => {
          setDecision(isRecommendation(v) ? v : null);
          setMissing(false);
        }}
        error={missing ? t('form.required') : undefined}
      >
        <Stack gap="xs" mt="xs">
          {RECOMMENDATION_CHOICES.map((r) => (
            <Radio
              key={r}
              value={r}
              label={labels.recommendation(r)}
              description={t(`reviews.decision.hints.${r}`)}
              data-testid={`decision-${r}`}
            />
          ))}
        </Stack>
      </Radio.Group>
      {decision === 'COURSE_CORRECT' ? (
        <Textarea
          label={t('reviews.decision.corrections')}
          description={t('reviews.decision.correctionsHint')}
          autosize
          minRows={3}
          maxLength={5000}
          value={corrections}
          onChange={(e) => setCorrections(e.currentTarget.value)}
          dir="auto"
          data-testid="decision-corrections"
        />
      ) : null}
    </WorkflowEventDialog>
  );
}

/** The office's decision page of one team at the mid-point: the aggregate, every assessment, the team, the decision. */
export default function DecisionPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useReviewLabels();
  const teamLabels = useTeamLabels();
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(TeamDecisionQuery, { variables: { id } });
  const team = data?.team;
  useDocumentTitle(
    team ? t('reviews.decision.documentTitle', { team: format.name(team) }) : t('reviews.decision.title'),
  );

  if (error && !team) return <LoadError error={error} onRetry={() => void refetch()} />;
  if (loading && !team) return <PageLoader />;
  if (!team) return null;

  const review = team.review;
  const tz = team.cohort.timeZone;
  const reload = async () => {
    await refetch();
  };
  const decide = team.availableEvents.filter((e) => isDecide(e.event));

  return (
    <>
      <PageHeader
        above={<BackLink to={`/cohorts/${team.cohort.id}/reviews`} label={t('reviews.cohort.back')} />}
        title={t('reviews.decision.titleOf', { team: format.name(team) })}
        description={<bdi>{format.name(team.cohort)}</bdi>}
      />
      {!review ? (
        <Text c="dimmed">{t('reviews.decision.noReview')}</Text>
      ) : (
        <Stack gap="lg">
          <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm" component="dl" m={0} data-testid="decision-facts">
            <Fact label={t('reviews.facts.team')}>
              <TeamStateBadge state={team.state} />
            </Fact>
            <Fact label={t('reviews.facts.rag')}>
              <RagBadge rag={team.rag} />
            </Fact>
            <Fact label={t('reviews.facts.review')}>{labels.reviewState(review.state)}</Fact>
            <Fact label={t('reviews.facts.inVsMinimum')}>
              <span data-testid="assessments-in">
                {t('reviews.facts.inOf', {
                  in: format.number(review.submittedCount),
                  minimum: format.number(review.minimumAssessments),
                })}
              </span>
            </Fact>
            <Fact label={t('reviews.facts.assigned')}>{format.number(review.assignedCount)}</Fact>
            <Fact label={t('reviews.facts.due')}>{format.dateTime(review.assessmentsDueAt, tz)}</Fact>
          </SimpleGrid>
          {team.midpointDecision ? (
            <Alert
              color="blue"
              variant="light"
              icon={<IconGavel size={20} aria-hidden />}
              title={t('reviews.decision.decided')}
              data-testid="decision-made"
            >
              <Stack gap="xs">
                <Group gap="sm">
                  <RecommendationBadge recommendation={team.midpointDecision} size="lg" />
                  {team.midpointDecidedAt ? <Text size="sm">{format.dateTime(team.midpointDecidedAt, tz)}</Text> : null}
                </Group>
                {team.midpointCorrections ? (
                  <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-line' }}>
                    {team.midpointCorrections}
                  </Text>
                ) : null}
              </Stack>
            </Alert>
          ) : null}
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 8 }}>
              <Section id="decision-aggregate" title={t('reviews.decision.aggregate')} testId="decision-aggregate">
                {review.aggregate && review.aggregate.submitted > 0 ? (
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
                  <Text c="dimmed">{t('reviews.decision.nothingIn')}</Text>
                )}
              </Section>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <Stack gap="lg">
                <Section id="decision-actions" title={t('cohorts.actions.title')}>
                  <WorkflowActions
                    events={decide}
                    isEvent={isDecide}
                    labels={{ event: teamLabels.event, guard: labels.guard }}
                    icon={() => <IconGavel size={18} aria-hidden />}
                    eventTestIdPrefix="team-event-"
                    none={t('reviews.decision.noActions')}
                    renderDialog={(_event, available, close) => (
                      <DecideDialog team={team} available={available} onClose={close} onReload={reload} />
                    )}
                  />
                </Section>
                <Section id="decision-recommendations" title={t('reviews.decision.recommendations')}>
                  {review.aggregate && review.aggregate.recommendations.length > 0 ? (
                    <List
                      spacing="xs"
                      icon={<IconListCheck size={16} aria-hidden />}
                      data-testid="recommendation-counts"
                    >
                      {review.aggregate.recommendations.map((r) => (
                        <List.Item key={r.recommendation}>
                          <Group gap="xs">
                            <RecommendationBadge recommendation={r.recommendation} />
                            <Text size="sm">{t('reviews.decision.count', { number: format.number(r.count) })}</Text>
                          </Group>
                        </List.Item>
                      ))}
                    </List>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('reviews.decision.nothingIn')}
                    </Text>
                  )}
                </Section>
              </Stack>
            </Grid.Col>
          </Grid>
          <Section id="decision-assessments" title={t('reviews.decision.assessments')} testId="decision-assessments">
            {review.assessments.length === 0 ? (
              <Text c="dimmed">{t('reviews.decision.noAssessments')}</Text>
            ) : (
              <Stack gap="md">
                {review.assessments.map((a) => (
                  <AssessmentCard key={a.id} assessment={a} timeZone={tz} />
                ))}
              </Stack>
            )}
          </Section>
          <Text component="h2" fw={700} fz="h3" mt="md">
            {t('reviews.assessment.teamTitle')}
          </Text>
          <TeamReadOnly teamId={team.id} />
        </Stack>
      )}
    </>
  );
}
