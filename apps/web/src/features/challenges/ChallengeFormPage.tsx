import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Button,
  Card,
  Grid,
  Group,
  List,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  ThemeIcon,
  Title,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { can, missingChallengeFields, REQUIRED_CHALLENGE_FIELDS } from '@hundred/domain';
import {
  IconAlertTriangle,
  IconCircleCheck,
  IconCircleDashed,
  IconDeviceFloppy,
  IconLock,
  IconSend,
} from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';

import { toProblem, type Problem } from '../../api/errors';
import { BackLink } from '../../components/BackLink';
import { BilingualTextInputs } from '../../components/BilingualTextInputs';
import { EditableList } from '../../components/EditableList';
import { PageHeader, useDocumentTitle } from '../../components/PageHeader';
import { ForbiddenState, LoadError, PageLoader } from '../../components/PageState';
import { PersonSelect } from '../../components/PersonSelect';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Section } from '../../components/Section';
import type { ChallengeDetailFragment } from '../../gql/graphql';
import { useFormat } from '../../lib/format';
import { applyNestedProblem } from '../../lib/forms';
import { useSession } from '../../session/session';
import { AlignmentPicker, useAlignmentTree, type AlignmentTree } from '../alignment/AlignmentFields';
import { useCohortLabels } from '../cohorts/labels';
import { useFireChallengeEvent } from './ChallengeActions';
import { useMayEditChallenge } from './ChallengePage';
import { OPEN_FOR_DRAFTS } from './challenges';
import { titleOf } from './ChallengeSections';
import {
  ChallengeAgenciesQuery,
  ChallengeCohortsQuery,
  ChallengeQuery,
  CreateChallengeMutation,
  UpdateChallengeMutation,
} from './documents';
import { useChallengeLabels } from './labels';
import { LeadersSummary } from './LeadersPanel';

type Challenge = ChallengeDetailFragment;

interface ChallengeFormValues {
  cohortId: string | null;
  titleAr: string;
  titleEn: string;
  problemAr: string;
  problemEn: string;
  whyAr: string;
  whyEn: string;
  baselineAr: string;
  baselineEn: string;
  ambitionAr: string;
  ambitionEn: string;
  leadAgencyId: string | null;
  partnerAgencyIds: string[];
  alignmentNodeIds: string[];
  attachments: { title: string; url: string }[];
  proposedSponsorId: string | null;
  proposedTeamLeadId: string | null;
}

type Form = UseFormReturnType<ChallengeFormValues>;

/** What a failed submission left to do: the server's words and the fields still empty. */
export interface SubmitFailure {
  message: string;
  missing: string[];
  failed: string[];
}

/** Links are web addresses. */
const URL_PLACEHOLDER = 'https://';

/** The id each input carries, so the checklist can take the focus to it. */
const fieldId = (field: string) => `challenge-field-${field}`;

function valuesOf(challenge: Challenge | null, defaults: { cohortId: string | null; leadAgencyId: string | null }) {
  return {
    cohortId: challenge?.cohortId ?? defaults.cohortId,
    titleAr: challenge?.titleAr ?? '',
    titleEn: challenge?.titleEn ?? '',
    problemAr: challenge?.problemAr ?? '',
    problemEn: challenge?.problemEn ?? '',
    whyAr: challenge?.whyAr ?? '',
    whyEn: challenge?.whyEn ?? '',
    baselineAr: challenge?.baselineAr ?? '',
    baselineEn: challenge?.baselineEn ?? '',
    ambitionAr: challenge?.ambitionAr ?? '',
    ambitionEn: challenge?.ambitionEn ?? '',
    leadAgencyId: challenge?.leadAgencyId ?? defaults.leadAgencyId,
    partnerAgencyIds: challenge ? [...challenge.partnerAgencyIds] : [],
    alignmentNodeIds: challenge ? [...challenge.alignmentNodeIds] : [],
    attachments: challenge ? challenge.attachments.map(({ title, url }) => ({ title, url })) : [],
    proposedSponsorId: challenge?.proposedSponsorId ?? null,
    proposedTeamLeadId: challenge?.proposedTeamLeadId ?? null,
  } satisfies ChallengeFormValues;
}

/** An Arabic and an English input side by side; the Arabic one first. */
function BilingualText({
  form,
  name,
  long = false,
  arRequired,
  enRequired = false,
  maxLength,
}: {
  form: Form;
  name: 'title' | 'problem' | 'why' | 'baseline' | 'ambition';
  long?: boolean;
  arRequired: boolean;
  enRequired?: boolean;
  maxLength: number;
}) {
  const { t } = useTranslation();
  const labels = useChallengeLabels();
  const ar = `${name}Ar` as const;
  const en = `${name}En` as const;
  return (
    <BilingualTextInputs
      ar={{ id: fieldId(ar), label: labels.field(ar), required: arRequired, input: form.getInputProps(ar) }}
      en={{
        id: fieldId(en),
        label: labels.field(en),
        description: enRequired ? undefined : t('challenges.form.optional'),
        required: enRequired,
        input: form.getInputProps(en),
      }}
      maxLength={maxLength}
      autoComplete="off"
      multiline={long}
    />
  );
}

/** The required fields, ticked as they are filled in; each one takes the focus to its input. */
function Readiness({ values }: { values: ChallengeFormValues }) {
  const { t } = useTranslation();
  const labels = useChallengeLabels();
  const missing = new Set(missingChallengeFields(values));
  const done = REQUIRED_CHALLENGE_FIELDS.length - missing.size;
  const format = useFormat();
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="challenge-readiness">
      <Title order={2} fz="h5" id="challenge-readiness">
        {t('challenges.form.readiness')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm" aria-live="polite">
        {t('challenges.form.readinessCount', {
          done: format.number(done),
          total: format.number(REQUIRED_CHALLENGE_FIELDS.length),
        })}
      </Text>
      <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="readiness">
        {REQUIRED_CHALLENGE_FIELDS.map((field) => {
          const ok = !missing.has(field);
          return (
            <li key={field}>
              <UnstyledButton
                onClick={() => document.getElementById(fieldId(field))?.focus()}
                aria-label={`${labels.field(field)}: ${ok ? t('challenges.form.filled') : t('challenges.form.missing')}`}
                style={{ borderRadius: 'var(--mantine-radius-sm)' }}
              >
                <Group gap={8} wrap="nowrap">
                  <ThemeIcon size={20} radius="xl" variant="light" color={ok ? 'teal' : 'gray'}>
                    {ok ? <IconCircleCheck size={14} aria-hidden /> : <IconCircleDashed size={14} aria-hidden />}
                  </ThemeIcon>
                  <Text size="sm" c={ok ? undefined : 'dimmed'}>
                    {labels.field(field)}
                  </Text>
                </Group>
              </UnstyledButton>
            </li>
          );
        })}
      </Stack>
    </Card>
  );
}

function AttachmentsFields({ form }: { form: Form }) {
  const { t } = useTranslation();
  const format = useFormat();
  const attachments = form.getValues().attachments;
  return (
    <EditableList
      count={attachments.length}
      empty={t('challenges.form.noAttachments')}
      renderRow={(index) => (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" style={{ flex: 1 }}>
          <TextInput
            label={t('challenges.form.attachmentTitleN', { number: format.number(index + 1) })}
            maxLength={200}
            autoComplete="off"
            {...form.getInputProps(`attachments.${index}.title`)}
          />
          <TextInput
            label={t('challenges.form.attachmentUrlN', { number: format.number(index + 1) })}
            placeholder={URL_PLACEHOLDER}
            type="url"
            dir="ltr"
            maxLength={2000}
            autoComplete="off"
            {...form.getInputProps(`attachments.${index}.url`)}
          />
        </SimpleGrid>
      )}
      removeTooltip={t('challenges.form.removeAttachment')}
      removeLabel={(index) => t('challenges.form.removeAttachmentN', { number: format.number(index + 1) })}
      onRemove={(index) => form.removeListItem('attachments', index)}
      error={typeof form.errors.attachments === 'string' ? form.errors.attachments : null}
      onAdd={() => form.insertListItem('attachments', { title: '', url: '' })}
      addLabel={t('challenges.form.addAttachment')}
      max={20}
    />
  );
}

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
  const format = useFormat();
  const labels = useChallengeLabels();
  const cohortLabels = useCohortLabels();
  const navigate = useNavigate();
  const client = useApolloClient();
  const [params] = useSearchParams();
  const { user, actor } = useSession();
  // The office drafts for any agency; a focal point for their own only.
  const mayChooseAgency = can(actor, 'challenge.create', { type: 'challenge' });
  const mayNamePeople = can(actor, 'user.list', { type: 'user' });
  const fire = useFireChallengeEvent();
  const [createChallenge] = useMutation(CreateChallengeMutation);
  const [updateChallenge] = useMutation(UpdateChallengeMutation);
  const [sending, setSending] = useState<'save' | 'submit' | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const [failure, setFailure] = useState<SubmitFailure | null>(initialFailure);

  const cohorts = useQuery(ChallengeCohortsQuery, { fetchPolicy: 'cache-and-network' });
  const agencies = useQuery(ChallengeAgenciesQuery, { fetchPolicy: 'cache-first' });
  const openCohorts = useMemo(
    () => (cohorts.data?.cohorts ?? []).filter((c) => OPEN_FOR_DRAFTS.includes(c.state)),
    [cohorts.data],
  );
  const cohortOptions = openCohorts.map((c) => ({
    value: c.id,
    label: `${format.name(c)} · ${cohortLabels.state(c.state)}`,
  }));
  const agencyOptions = useMemo(
    () =>
      (agencies.data?.agencies ?? [])
        .map((a) => ({ value: a.id, label: format.name(a) }))
        .sort((a, b) => format.compare(a.label, b.label)),
    [agencies.data, format],
  );

  // A cohort named in the address, or the only one taking challenges now.
  const taking = openCohorts.filter((c) => c.state === 'INTAKE');
  const onlyOpen = taking.length === 1 ? taking[0]!.id : null;
  const defaultCohort = params.get('cohort') ?? onlyOpen;
  const form = useForm<ChallengeFormValues>({
    initialValues: valuesOf(challenge, {
      cohortId: defaultCohort,
      leadAgencyId: mayChooseAgency ? null : (user?.agencyId ?? null),
    }),
    initialErrors: Object.fromEntries(
      (initialFailure?.missing ?? []).map((field) => [field, t('challenges.form.requiredToSubmit')]),
    ),
    validate: {
      cohortId: (value) => (challenge || value ? null : t('form.required')),
      leadAgencyId: (value) => (value ? null : t('form.required')),
      attachments: {
        title: (value, values, path) => {
          const index = Number(path.split('.')[1]);
          return !value.trim() && values.attachments[index]?.url.trim() ? t('form.required') : null;
        },
        url: (value, values, path) => {
          const index = Number(path.split('.')[1]);
          if (!value.trim()) return values.attachments[index]?.title.trim() ? t('form.required') : null;
          return /^https?:\/\/\S+$/i.test(value.trim()) ? null : t('challenges.form.urlHint');
        },
      },
    },
  });
  const values = form.getValues();
  const chosenCohort = (cohorts.data?.cohorts ?? []).find((c) => c.id === (challenge?.cohortId ?? values.cohortId));
  const leadAgencyId = values.leadAgencyId;

  // "Submit" is offered while the cohort takes challenges; what is missing is saved first.
  const submitEvent = challenge?.availableEvents.find((a) => a.event === 'SUBMIT');
  const submitOffered = challenge ? submitEvent !== undefined : true;
  const cohortClosed = challenge
    ? (submitEvent?.blockedBy.includes('COHORT_OPEN_FOR_INTAKE') ?? false)
    : chosenCohort !== undefined && chosenCohort.state !== 'INTAKE';
  const closedReason = challenge
    ? (submitEvent?.blockedReasons[submitEvent.blockedBy.indexOf('COHORT_OPEN_FOR_INTAKE')] ??
      labels.guard('COHORT_OPEN_FOR_INTAKE'))
    : labels.guard('COHORT_OPEN_FOR_INTAKE');

  const fieldsOf = (v: ChallengeFormValues) => ({
    titleAr: v.titleAr.trim(),
    titleEn: v.titleEn.trim(),
    problemAr: v.problemAr.trim(),
    problemEn: v.problemEn.trim(),
    whyAr: v.whyAr.trim(),
    whyEn: v.whyEn.trim(),
    baselineAr: v.baselineAr.trim(),
    baselineEn: v.baselineEn.trim(),
    ambitionAr: v.ambitionAr.trim(),
    ambitionEn: v.ambitionEn.trim(),
    leadAgencyId: v.leadAgencyId ?? '',
    partnerAgencyIds: v.partnerAgencyIds.filter((id) => id !== v.leadAgencyId),
    alignmentNodeIds: v.alignmentNodeIds,
    attachments: v.attachments
      .filter((a) => a.title.trim() || a.url.trim())
      .map((a) => ({ title: a.title.trim(), url: a.url.trim() })),
    proposedSponsorId: v.proposedSponsorId,
    proposedTeamLeadId: v.proposedTeamLeadId,
  });

  const revealErrors = () => {
    window.setTimeout(() => {
      const root = document.getElementById('challenge-form');
      const invalid = root?.querySelector<HTMLElement>('[aria-invalid="true"]');
      if (invalid) {
        invalid.scrollIntoView({ block: 'center' });
        invalid.focus({ preventScroll: true });
      } else root?.querySelector('[role="alert"]')?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    }, 50);
  };

  /** Saves the draft; the saved challenge, or null when the server refused (the form then says why). */
  const save = async (): Promise<Challenge | null> => {
    setProblem(null);
    setUnplaced([]);
    const checked = form.validate();
    if (checked.hasErrors) {
      revealErrors();
      return null;
    }
    const v = form.getValues();
    // Empty attachment rows are dropped, so the server's `attachments.N` match the rows on screen.
    const kept = v.attachments.filter((a) => a.title.trim() || a.url.trim());
    if (kept.length !== v.attachments.length) form.setFieldValue('attachments', kept);
    const fields = fieldsOf({ ...v, attachments: kept });
    try {
      if (challenge) {
        const result = await updateChallenge({
          variables: { input: { id: challenge.id, version: challenge.version, ...fields } },
        });
        return result.data?.updateChallenge ?? null;
      }
      const result = await createChallenge({ variables: { input: { cohortId: v.cohortId ?? '', ...fields } } });
      return result.data?.createChallenge ?? null;
    } catch (error) {
      const found = toProblem(error, t);
      const { placed, rest } = applyNestedProblem(form, found);
      setUnplaced(rest);
      if (found.code !== 'BAD_USER_INPUT' || placed.length + rest.length === 0) setProblem(found);
      revealErrors();
      return null;
    }
  };

  const saveDraft = async () => {
    setSending('save');
    setFailure(null);
    try {
      const saved = await save();
      if (!saved) return;
      notifications.show({ color: 'teal', message: t('challenges.form.saved') });
      form.resetDirty();
      if (!challenge) void navigate(`/challenges/${saved.id}/edit`, { replace: true });
    } finally {
      setSending(null);
    }
  };

  const submit = async () => {
    setSending('submit');
    setFailure(null);
    try {
      const saved = await save();
      if (!saved) return;
      form.resetDirty();
      try {
        await fire(saved, 'SUBMIT', { text: '', targetCohortId: null });
        notifications.show({ color: 'teal', message: t('challenges.form.submitted') });
        void navigate(`/challenges/${saved.id}`);
      } catch (error) {
        const found = toProblem(error, t);
        // The saved draft says which required fields are still empty.
        const latest = await client
          .query({ query: ChallengeQuery, variables: { id: saved.id }, fetchPolicy: 'network-only' })
          .then((r) => r.data?.challenge ?? saved)
          .catch(() => saved);
        const next: SubmitFailure = { message: found.message, missing: latest.missingFields, failed: found.failed };
        if (!challenge) {
          void navigate(`/challenges/${saved.id}/edit`, { replace: true, state: { submitFailure: next } });
          return;
        }
        setFailure(next);
        form.setErrors(Object.fromEntries(next.missing.map((f) => [f, t('challenges.form.requiredToSubmit')])));
        revealErrors();
      }
    } finally {
      setSending(null);
    }
  };

  const reloadLatest = async () => {
    await reload();
    setProblem(null);
  };

  // Arriving from a first submission that failed: say so where the eye (and the focus) goes first.
  useEffect(() => {
    if (!initialFailure) return;
    const alert = document.getElementById('challenge-submit-failure');
    alert?.scrollIntoView({ block: 'center' });
    alert?.focus({ preventScroll: true });
  }, [initialFailure]);

  const lead = (agencies.data?.agencies ?? []).find((a) => a.id === leadAgencyId);

  return (
    <form
      id="challenge-form"
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
        {failure ? (
          <Alert
            color="red"
            variant="light"
            role="alert"
            icon={<IconAlertTriangle size={20} aria-hidden />}
            title={t('challenges.form.submitFailed')}
            data-testid="submit-failure"
            id="challenge-submit-failure"
            tabIndex={-1}
          >
            <Stack gap="xs">
              <Text size="sm">{failure.message}</Text>
              {failure.missing.length > 0 ? (
                <>
                  <Text size="sm" fw={600}>
                    {t('challenges.form.missingTitle')}
                  </Text>
                  <List size="sm" spacing={2}>
                    {failure.missing.map((field) => (
                      <List.Item key={field}>
                        <UnstyledButton
                          td="underline"
                          fz="sm"
                          onClick={() => document.getElementById(fieldId(field))?.focus()}
                        >
                          {labels.field(field)}
                        </UnstyledButton>
                      </List.Item>
                    ))}
                  </List>
                </>
              ) : null}
            </Stack>
          </Alert>
        ) : null}
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
              <Section id="challenge-where" title={t('challenges.form.whereTitle')}>
                <Stack gap="md">
                  {challenge ? (
                    <TextInput
                      id={fieldId('cohortId')}
                      label={t('challenges.fields.cohortId')}
                      value={format.name(challenge.cohort)}
                      readOnly
                      variant="filled"
                    />
                  ) : (
                    <Select
                      id={fieldId('cohortId')}
                      label={t('challenges.fields.cohortId')}
                      description={t('challenges.form.cohortHint')}
                      required
                      data={cohortOptions}
                      allowDeselect={false}
                      nothingFoundMessage={cohorts.loading ? t('app.loading') : t('challenges.form.noOpenCohort')}
                      {...form.getInputProps('cohortId')}
                    />
                  )}
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                    {mayChooseAgency ? (
                      <Select
                        id={fieldId('leadAgencyId')}
                        label={t('challenges.fields.leadAgencyId')}
                        required
                        searchable
                        allowDeselect={false}
                        data={agencyOptions}
                        nothingFoundMessage={t('form.nothingFound')}
                        {...form.getInputProps('leadAgencyId')}
                        onChange={(value) => {
                          form.setFieldValue('leadAgencyId', value);
                          // The sponsor is a leader of the lead agency: another agency, another sponsor.
                          if (value !== leadAgencyId) form.setFieldValue('proposedSponsorId', null);
                          form.setFieldValue(
                            'partnerAgencyIds',
                            form.getValues().partnerAgencyIds.filter((id) => id !== value),
                          );
                        }}
                      />
                    ) : (
                      <TextInput
                        id={fieldId('leadAgencyId')}
                        label={t('challenges.fields.leadAgencyId')}
                        description={t('challenges.form.ownAgency')}
                        value={lead ? format.name(lead) : user ? format.name(user.agency) : ''}
                        readOnly
                        variant="filled"
                        rightSection={<IconLock size={16} aria-hidden />}
                        error={form.errors.leadAgencyId}
                      />
                    )}
                    <MultiSelect
                      id={fieldId('partnerAgencyIds')}
                      label={t('challenges.fields.partnerAgencyIds')}
                      description={t('challenges.form.partnersHint')}
                      searchable
                      clearable
                      clearButtonProps={{ 'aria-label': t('form.clear') }}
                      data={agencyOptions.filter((a) => a.value !== leadAgencyId)}
                      nothingFoundMessage={t('form.nothingFound')}
                      maxValues={20}
                      {...form.getInputProps('partnerAgencyIds')}
                    />
                  </SimpleGrid>
                </Stack>
              </Section>

              <Section id="challenge-what" title={t('challenges.form.whatTitle')}>
                <Stack gap="md">
                  <BilingualText form={form} name="title" arRequired enRequired maxLength={300} />
                  <BilingualText form={form} name="problem" long arRequired maxLength={5000} />
                  <BilingualText form={form} name="why" long arRequired maxLength={5000} />
                </Stack>
              </Section>

              <Section
                id="challenge-measure"
                title={t('challenges.form.measureTitle')}
                hint={t('challenges.form.measureHint')}
              >
                <Stack gap="md">
                  <BilingualText form={form} name="baseline" long arRequired maxLength={2000} />
                  <BilingualText form={form} name="ambition" long arRequired maxLength={2000} />
                </Stack>
              </Section>

              <Section id="challenge-alignment-form" title={t('challenges.form.alignmentTitle')}>
                {tree.loading ? (
                  <Text size="sm" c="dimmed">
                    {t('app.loading')}
                  </Text>
                ) : (
                  <AlignmentPicker
                    id={fieldId('alignmentNodeIds')}
                    tree={tree}
                    required
                    value={values.alignmentNodeIds}
                    onChange={(value) => form.setFieldValue('alignmentNodeIds', value)}
                    error={form.errors.alignmentNodeIds}
                  />
                )}
              </Section>

              <Section
                id="challenge-people"
                title={t('challenges.leaders.title')}
                hint={mayNamePeople ? t('challenges.form.peopleHintOffice') : t('challenges.form.peopleHintAgency')}
              >
                {mayNamePeople ? (
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                    <PersonSelect
                      label={t('challenges.fields.proposedSponsorId')}
                      description={
                        lead
                          ? t('challenges.leaders.sponsorHint', { agency: format.name(lead) })
                          : t('challenges.form.sponsorNeedsAgency')
                      }
                      agencyId={leadAgencyId ?? undefined}
                      current={challenge?.proposedSponsor}
                      value={values.proposedSponsorId}
                      onChange={(value) => form.setFieldValue('proposedSponsorId', value)}
                      error={form.errors.proposedSponsorId}
                    />
                    <PersonSelect
                      label={t('challenges.fields.proposedTeamLeadId')}
                      description={t('challenges.leaders.teamLeadHint')}
                      current={challenge?.proposedTeamLead}
                      value={values.proposedTeamLeadId}
                      onChange={(value) => form.setFieldValue('proposedTeamLeadId', value)}
                      error={form.errors.proposedTeamLeadId}
                    />
                  </SimpleGrid>
                ) : challenge ? (
                  <LeadersSummary challenge={challenge} />
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('challenges.leaders.notNamed')}
                  </Text>
                )}
              </Section>

              <Section
                id="challenge-attachments-form"
                title={t('challenges.fields.attachments')}
                hint={t('challenges.form.attachmentsHint')}
              >
                <AttachmentsFields form={form} />
              </Section>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <div style={{ position: 'sticky', top: 84 }}>
              <Readiness values={values} />
            </div>
          </Grid.Col>
        </Grid>

        <Group justify="flex-end" gap="sm">
          <Button
            variant="default"
            component={Link}
            to={challenge ? `/challenges/${challenge.id}` : '/challenges'}
            disabled={sending !== null}
          >
            {t('form.cancel')}
          </Button>
          <Button
            type="submit"
            variant="light"
            loading={sending === 'save'}
            disabled={sending !== null}
            leftSection={<IconDeviceFloppy size={18} aria-hidden />}
          >
            {t('challenges.form.saveDraft')}
          </Button>
          {submitOffered ? (
            <Tooltip label={closedReason} disabled={!cohortClosed} multiline maw={320}>
              <Button
                type="button"
                loading={sending === 'submit'}
                data-disabled={cohortClosed || sending !== null || undefined}
                aria-disabled={cohortClosed || sending !== null || undefined}
                leftSection={cohortClosed ? <IconLock size={18} aria-hidden /> : <IconSend size={18} aria-hidden />}
                onClick={() => {
                  if (!cohortClosed && sending === null) void submit();
                }}
              >
                {labels.event('SUBMIT')}
              </Button>
            </Tooltip>
          ) : null}
        </Group>
        {submitOffered && cohortClosed ? (
          <Text size="xs" c="orange.9" ta="end">
            {closedReason}
          </Text>
        ) : null}
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
