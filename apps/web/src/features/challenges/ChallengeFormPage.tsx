import { useQuery } from '@apollo/client/react';
import { Alert, Grid, List, Stack, Text } from '@mantine/core';
import { can } from '@hundred/domain';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams, useSearchParams } from 'react-router';

import { BackLink } from '../../components/BackLink';
import { PageHeader, useDocumentTitle } from '../../components/PageHeader';
import { ForbiddenState, LoadError, PageLoader } from '../../components/PageState';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useFormat } from '../../lib/format';
import { cohortTakesSubmissions } from '@hundred/domain';
import { useSession } from '../../session/session';
import { useAlignmentTree, type AlignmentTree } from '../alignment/AlignmentFields';
import { useMayEditChallenge } from './ChallengePage';
import { titleOf } from './ChallengeSections';
import { ChallengeAgenciesQuery, ChallengeCohortsQuery, ChallengeQuery } from './documents';
import { AlignmentSection } from './form/AlignmentSection';
import { AttachmentsSection } from './form/AttachmentsSection';
import { FormButtons } from './form/FormButtons';
import { MeasureSection } from './form/MeasureSection';
import { PeopleSection } from './form/PeopleSection';
import { Readiness } from './form/Readiness';
import { SubmitFailureAlert } from './form/SubmitFailureAlert';
import { CHALLENGE_FORM_ID, useChallengeForm } from './form/useChallengeForm';
import type { Challenge, SubmitFailure } from './form/values';
import { WhatSection } from './form/WhatSection';
import { WhereSection } from './form/WhereSection';

/** Creates a draft, or edits one with the version it was read at; "Submit" saves first. */
function ChallengeForm({
  challenge,
  tree,
  initialFailure,
  reload,
}: {
  challenge: Challenge | null;
  tree: AlignmentTree;
  initialFailure: SubmitFailure | null;
  reload: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const { user, actor } = useSession();
  // The office drafts for any agency; a focal point for their own only.
  const mayChooseAgency = can(actor, 'challenge.create', { type: 'challenge' });
  const mayNamePeople = can(actor, 'user.list', { type: 'user' });
  const cohorts = useQuery(ChallengeCohortsQuery, { fetchPolicy: 'cache-and-network' });
  const agencies = useQuery(ChallengeAgenciesQuery, { fetchPolicy: 'cache-first' });
  // A new challenge goes to a cohort that takes challenges now (its intake is open).
  const openCohorts = useMemo(
    () => (cohorts.data?.cohorts ?? []).filter((c) => cohortTakesSubmissions(c.state)),
    [cohorts.data],
  );
  // A cohort named in the address, or the only one taking challenges now.
  const onlyOpen = openCohorts.length === 1 ? openCohorts[0]!.id : null;
  const { form, sending, problem, unplaced, failure, saveDraft, submit, reloadLatest } = useChallengeForm({
    challenge,
    defaults: {
      cohortId: params.get('cohort') ?? onlyOpen,
      leadAgencyId: mayChooseAgency ? null : (user?.agencyId ?? null),
    },
    initialFailure,
    reload,
  });
  const values = form.getValues();
  const chosenCohort = (cohorts.data?.cohorts ?? []).find((c) => c.id === (challenge?.cohortId ?? values.cohortId));
  const agencyList = agencies.data?.agencies ?? [];
  const lead = agencyList.find((a) => a.id === values.leadAgencyId);

  return (
    <form
      id={CHALLENGE_FORM_ID}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void saveDraft();
      }}
    >
      <Stack gap="lg">
        <Text size="sm" c="dimmed">
          {t('challenges.form.requiredNote')}
        </Text>
        {failure ? <SubmitFailureAlert failure={failure} /> : null}
        <ProblemAlert problem={problem} onReload={challenge ? () => void reloadLatest() : undefined} />
        {unplaced.length > 0 ? (
          <Alert color="red" variant="light" title={t('errors.title')} role="alert">
            <List size="sm">
              {unplaced.map((message, i) => (
                <List.Item key={i}>{message}</List.Item>
              ))}
            </List>
          </Alert>
        ) : null}

        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Stack gap="lg">
              <WhereSection
                form={form}
                challenge={challenge}
                openCohorts={openCohorts}
                cohortsLoading={cohorts.loading}
                agencies={agencyList}
                mayChooseAgency={mayChooseAgency}
                ownAgency={user?.agency ?? null}
              />
              <WhatSection form={form} />
              <MeasureSection form={form} />
              <AlignmentSection form={form} tree={tree} />
              <PeopleSection form={form} challenge={challenge} lead={lead} mayNamePeople={mayNamePeople} />
              <AttachmentsSection form={form} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <div style={{ position: 'sticky', top: 84 }}>
              <Readiness values={values} />
            </div>
          </Grid.Col>
        </Grid>

        <FormButtons
          challenge={challenge}
          cohortState={chosenCohort?.state}
          sending={sending}
          onSubmit={() => void submit()}
        />
      </Stack>
    </form>
  );
}

function useFormData() {
  const cohorts = useQuery(ChallengeCohortsQuery, { fetchPolicy: 'cache-and-network' });
  const agencies = useQuery(ChallengeAgenciesQuery, { fetchPolicy: 'cache-first' });
  const tree = useAlignmentTree();
  const loading = (cohorts.loading && !cohorts.data) || (agencies.loading && !agencies.data) || tree.loading;
  const error = (!cohorts.data && cohorts.error) || (!agencies.data && agencies.error) || tree.error;
  return { tree, loading, error, retry: () => void Promise.all([cohorts.refetch(), agencies.refetch()]) };
}

export function NewChallengePage() {
  const { t } = useTranslation();
  const { actor } = useSession();
  useDocumentTitle(t('challenges.form.createTitle'));
  const mayCreate =
    can(actor, 'challenge.create', { type: 'challenge' }) ||
    can(actor, 'challenge.create', { type: 'challenge', leadAgencyId: actor?.agencyId });
  const data = useFormData();
  if (!mayCreate) return <ForbiddenState />;
  if (data.error) return <LoadError error={data.error} onRetry={data.retry} />;
  return (
    <>
      <PageHeader
        above={<BackLink to="/challenges" label={t('challenges.back')} />}
        title={t('challenges.form.createTitle')}
        description={t('challenges.form.createIntro')}
      />
      {data.loading ? (
        <PageLoader />
      ) : (
        <ChallengeForm challenge={null} tree={data.tree} initialFailure={null} reload={async () => undefined} />
      )}
    </>
  );
}

export function EditChallengePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const location = useLocation();
  const { id = '' } = useParams();
  // Remounting the form after a reload gives it the latest values and version.
  const [generation, setGeneration] = useState(0);
  const { data, loading, error, refetch } = useQuery(ChallengeQuery, { variables: { id } });
  const formData = useFormData();
  const challenge = data?.challenge;
  const mayEdit = useMayEditChallenge(challenge);
  const initialFailure = (location.state as { submitFailure?: SubmitFailure } | null)?.submitFailure ?? null;
  useDocumentTitle(
    challenge
      ? t('challenges.form.editTitleOf', { name: titleOf(challenge, format.language) || t('challenges.untitled') })
      : t('challenges.title'),
  );

  if (error && !challenge) return <LoadError error={error} onRetry={() => void refetch()} />;
  if (formData.error) return <LoadError error={formData.error} onRetry={formData.retry} />;
  if ((loading && !challenge) || formData.loading) return <PageLoader />;
  if (!challenge) return null;
  if (!mayEdit) return <ForbiddenState />;

  const reload = async () => {
    await refetch();
    setGeneration((g) => g + 1);
  };

  return (
    <>
      <PageHeader
        above={
          <BackLink
            to={`/challenges/${challenge.id}`}
            label={titleOf(challenge, format.language) || t('challenges.untitled')}
          />
        }
        title={t('challenges.form.editTitle')}
        description={t('challenges.form.editIntro')}
      />
      <ChallengeForm
        key={`${challenge.id}-${generation}`}
        challenge={challenge}
        tree={formData.tree}
        initialFailure={generation === 0 ? initialFailure : null}
        reload={reload}
      />
    </>
  );
}
