import { useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Grid, Group, List, Stack, Text } from '@mantine/core';
import { agencyMayEditDraft, can, challengeMayBeScored, hasRole } from '@hundred/domain';
import { IconAlertTriangle, IconLock, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

import { BackLink } from '../../components/BackLink';
import { HistoryTable } from '../../components/HistoryTable';
import { PageHeader, useDocumentTitle } from '../../components/PageHeader';
import { LoadError, PageLoader } from '../../components/PageState';
import { Section } from '../../components/Section';
import type { ChallengeDetailFragment } from '../../gql/graphql';
import { useFormat } from '../../lib/format';
import { useSession } from '../../session/session';
import { useAlignmentTree } from '../alignment/AlignmentFields';
import { ChallengeActions } from './ChallengeActions';
import {
  AgenciesList,
  AlignmentList,
  ApprovalsSummary,
  AttachmentsList,
  ChallengeTexts,
  CommentsThread,
  TeamSummary,
  titleOf,
} from './ChallengeSections';
import { ChallengeStateBadge } from './ChallengeStateBadge';
import { ChallengePageQuery } from './documents';
import { useChallengeLabels } from './labels';
import { LeadersPanel } from './LeadersPanel';
import { RubricScoring, RubricSummary } from './RubricPanel';

type Challenge = ChallengeDetailFragment;

/** Whether this user may open the intake form on this challenge now. */
export function useMayEditChallenge(challenge: Challenge | null | undefined): boolean {
  const { actor } = useSession();
  if (!challenge || !actor) return false;
  const allowed = can(actor, 'challenge.edit', {
    type: 'challenge',
    id: challenge.id,
    leadAgencyId: challenge.leadAgencyId,
    partnerAgencyIds: challenge.partnerAgencyIds,
    state: challenge.state,
  });
  // The agency's draft is locked once its cohort stops taking it; the office may still correct it.
  return allowed && (hasRole(actor, 'ADMIN') || agencyMayEditDraft(challenge.state, challenge.cohort.state));
}

/** Required fields still empty, for those who can fill them in. */
export function MissingFieldsAlert({ challenge }: { challenge: Challenge }) {
  const { t } = useTranslation();
  const labels = useChallengeLabels();
  if (challenge.missingFields.length === 0) return null;
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconAlertTriangle size={20} aria-hidden />}
      title={t('challenges.form.missingTitle')}
      data-testid="missing-fields"
    >
      <List size="sm" spacing={2}>
        {challenge.missingFields.map((field) => (
          <List.Item key={field}>{labels.field(field)}</List.Item>
        ))}
      </List>
    </Alert>
  );
}

/** The rubric: scored by the office while screening, shown to everyone once there is something to show. */
export function RubricSection({ challenge, onReload }: { challenge: Challenge; onReload: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const { actor } = useSession();
  const mayScore = challengeMayBeScored(challenge.state) && can(actor, 'challenge.score', { type: 'challenge' });
  if (!mayScore && challenge.scores.length === 0) return null;
  return (
    <Section id="challenge-rubric" title={t('challenges.rubric.title')} testId="rubric-section">
      {mayScore ? (
        <Stack gap="lg">
          <RubricScoring key={challenge.id} challenge={challenge} onReload={onReload} />
          {challenge.scores.length > 0 ? <RubricSummary challenge={challenge} /> : null}
        </Stack>
      ) : (
        <RubricSummary challenge={challenge} />
      )}
    </Section>
  );
}

export default function ChallengePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useChallengeLabels();
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(ChallengePageQuery, { variables: { id } });
  // The challenge's own answer brought the tree.
  const tree = useAlignmentTree({ fetchPolicy: 'cache-first', skip: !data });
  const challenge = data?.challenge;
  const mayEdit = useMayEditChallenge(challenge);
  useDocumentTitle(challenge ? titleOf(challenge, format.language) : t('challenges.title'));

  if (error && !challenge) return <LoadError error={error} onRetry={() => void refetch()} />;
  if (loading && !challenge) return <PageLoader />;
  if (!challenge) return null;

  const reload = () => refetch();
  const other = format.language === 'ar' ? challenge.titleEn : challenge.titleAr;
  const tz = challenge.cohort.timeZone;
  const showApprovals = ['RECOMMENDED', 'APPROVED'].includes(challenge.state) || challenge.approvals.length > 0;

  return (
    <>
      <PageHeader
        above={<BackLink to="/challenges" label={t('challenges.back')} />}
        title={titleOf(challenge, format.language) || t('challenges.untitled')}
        description={
          other ? (
            <span lang={format.language === 'ar' ? 'en' : 'ar'} dir={format.language === 'ar' ? 'ltr' : 'rtl'}>
              {other}
            </span>
          ) : undefined
        }
        actions={
          mayEdit ? (
            <Button
              variant="default"
              component={Link}
              to={`/challenges/${challenge.id}/edit`}
              leftSection={<IconPencil size={18} aria-hidden />}
            >
              {t('challenges.edit')}
            </Button>
          ) : null
        }
      />

      <Stack gap="lg">
        <Group gap="sm" wrap="wrap" data-testid="challenge-status">
          <ChallengeStateBadge state={challenge.state} size="lg" />
          <Badge
            size="lg"
            variant="outline"
            color="gray"
            tt="none"
            component={Link}
            to={`/cohorts/${challenge.cohortId}`}
            style={{ cursor: 'pointer' }}
          >
            {format.name(challenge.cohort)}
          </Badge>
          {challenge.submittedAt ? (
            <Text size="sm" c="dimmed">
              {t('challenges.view.submittedOn', { date: format.date(challenge.submittedAt, tz) })}
            </Text>
          ) : null}
          {challenge.decidedAt ? (
            <Text size="sm" c="dimmed">
              {t('challenges.view.decidedOn', { date: format.date(challenge.decidedAt, tz) })}
            </Text>
          ) : null}
          {challenge.lockedAt && challenge.state === 'DRAFT' ? (
            <Badge size="lg" variant="light" color="gray" tt="none" leftSection={<IconLock size={14} aria-hidden />}>
              {t('challenges.view.locked')}
            </Badge>
          ) : null}
        </Group>

        {mayEdit ? <MissingFieldsAlert challenge={challenge} /> : null}

        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Stack gap="lg">
              <Section id="challenge-texts" title={t('challenges.view.about')}>
                <ChallengeTexts challenge={challenge} />
              </Section>
              <RubricSection challenge={challenge} onReload={reload} />
              <Section id="challenge-comments" title={t('challenges.comments.title')}>
                <CommentsThread challenge={challenge} onReload={reload} />
              </Section>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Stack gap="lg">
              <Section id="challenge-actions" title={t('cohorts.actions.title')}>
                <ChallengeActions challenge={challenge} onReload={reload} />
              </Section>
              {challenge.teamId ? (
                <Section id="challenge-team" title={t('challenges.team.title')}>
                  <TeamSummary challenge={challenge} />
                </Section>
              ) : null}
              {showApprovals ? (
                <Section id="challenge-approvals" title={t('challenges.approvals.title')}>
                  <ApprovalsSummary challenge={challenge} />
                </Section>
              ) : null}
              <Section id="challenge-leaders" title={t('challenges.leaders.title')}>
                <LeadersPanel challenge={challenge} narrow />
              </Section>
              <Section id="challenge-agencies" title={t('challenges.view.agencies')}>
                <AgenciesList challenge={challenge} />
              </Section>
              <Section id="challenge-alignment" title={t('challenges.fields.alignmentNodeIds')}>
                <AlignmentList challenge={challenge} byId={tree.byId} />
              </Section>
              <Section id="challenge-attachments" title={t('challenges.fields.attachments')}>
                <AttachmentsList challenge={challenge} />
              </Section>
            </Stack>
          </Grid.Col>
        </Grid>

        <Section id="challenge-history" title={t('challenges.history.title')}>
          <HistoryTable
            records={challenge.history}
            timeZone={tz}
            eventLabel={labels.event}
            StateBadge={ChallengeStateBadge}
            caption={t('challenges.history.caption')}
            none={t('challenges.history.none')}
            testId="challenge-history"
          />
        </Section>
      </Stack>
    </>
  );
}
