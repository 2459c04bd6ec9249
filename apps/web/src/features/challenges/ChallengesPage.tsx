import { useQuery } from '@apollo/client/react';
import {
  Anchor,
  Badge,
  Button,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  ThemeIcon,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { can } from '@hundred/domain';
import { CHALLENGE_STATES } from '@hundred/workflow';
import { IconBulb, IconPlus, IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';

import { useAfterContent } from '../../api/afterContent';
import { PageHeader, useDocumentTitle } from '../../components/PageHeader';
import { ListSkeleton, LoadError, PageLoader } from '../../components/PageState';
import { ShowMore } from '../../components/ShowMore';
import type { ChallengeState, ChallengeSummaryFragment } from '../../gql/graphql';
import { useFormat } from '../../lib/format';
import { useSession } from '../../session/session';
import { isChallengeState } from './challenges';
import { titleOf } from './ChallengeSections';
import { ChallengeStateBadge } from './ChallengeStateBadge';
import { ChallengeAgenciesQuery, ChallengeCohortsQuery, ChallengeListPageQuery, ChallengesQuery } from './documents';
import { useChallengeLabels } from './labels';
import { ScoreBadge } from './RubricPanel';
import { OtherLanguage } from '../../components/OtherLanguage';

type Summary = ChallengeSummaryFragment;

function ChallengesTable({ challenges, showCohort }: { challenges: Summary[]; showCohort: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={980}>
        <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover data-testid="challenges-table">
          <Table.Caption className="visually-hidden">{t('challenges.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('challenges.fields.title')}</Table.Th>
              {showCohort ? (
                <Table.Th scope="col" w={170}>
                  {t('challenges.fields.cohortId')}
                </Table.Th>
              ) : null}
              <Table.Th scope="col" w={200}>
                {t('challenges.fields.leadAgencyId')}
              </Table.Th>
              <Table.Th scope="col" w={170}>
                {t('fields.status')}
              </Table.Th>
              <Table.Th scope="col" w={110}>
                {t('challenges.rubric.mean')}
              </Table.Th>
              <Table.Th scope="col" w={150}>
                {t('challenges.list.lastChange')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {challenges.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={showCohort ? 6 : 5}>
                  <Text c="dimmed" ta="center" py="lg">
                    {t('challenges.list.noMatch')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ) : (
              challenges.map((challenge) => {
                const other = format.language === 'ar' ? challenge.titleEn : challenge.titleAr;
                return (
                  <Table.Tr key={challenge.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/challenges/${challenge.id}`} fw={600}>
                        {titleOf(challenge, format.language) || t('challenges.untitled')}
                      </Anchor>
                      {other ? <OtherLanguage lineClamp={1}>{other}</OtherLanguage> : null}
                    </Table.Td>
                    {showCohort ? (
                      <Table.Td>
                        <Text size="sm">{format.name(challenge.cohort)}</Text>
                      </Table.Td>
                    ) : null}
                    <Table.Td>
                      <Text size="sm">{format.name(challenge.leadAgency)}</Text>
                      {challenge.partnerAgencies.length > 0 ? (
                        <Text size="xs" c="dimmed">
                          {t('challenges.list.partners', { number: format.number(challenge.partnerAgencies.length) })}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <ChallengeStateBadge state={challenge.state} />
                    </Table.Td>
                    <Table.Td>
                      <ScoreBadge score={challenge.meanScore} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        <time dateTime={challenge.updatedAt}>
                          {format.date(challenge.updatedAt, challenge.cohort.timeZone)}
                        </time>
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                );
              })
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function EmptyState({ message }: { message: string }) {
  return (
    <Paper withBorder p="xl" radius="md">
      <Stack align="center" gap="xs">
        <ThemeIcon size={48} radius="xl" variant="light" color="gray">
          <IconBulb size={26} aria-hidden />
        </ThemeIcon>
        <Text c="dimmed" ta="center">
          {message}
        </Text>
      </Stack>
    </Paper>
  );
}

/** A focal point's view: their agency's challenges, by state. */
function AgencyChallenges() {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useChallengeLabels();
  const [tab, setTab] = useState<string>('all');
  const { data, loading, error, refetch } = useQuery(ChallengesQuery, { variables: {} });
  const challenges = useMemo(() => data?.challenges ?? [], [data]);
  const counts = useMemo(() => {
    const map = new Map<string, number>();
    for (const c of challenges) map.set(c.state, (map.get(c.state) ?? 0) + 1);
    return map;
  }, [challenges]);
  if (error && !data) return <LoadError error={error} onRetry={() => void refetch()} />;
  if (loading && !data) return <PageLoader />;
  if (challenges.length === 0) return <EmptyState message={t('challenges.list.emptyAgency')} />;
  const states = CHALLENGE_STATES.filter((s) => counts.has(s));
  const shown = tab === 'all' ? challenges : challenges.filter((c) => c.state === tab);
  return (
    <Tabs value={tab} onChange={(value) => setTab(value ?? 'all')} keepMounted={false}>
      <Tabs.List mb="md" aria-label={t('challenges.list.byState')}>
        <Tabs.Tab
          value="all"
          rightSection={
            <Badge size="sm" variant="light">
              {format.number(challenges.length)}
            </Badge>
          }
        >
          {t('challenges.list.all')}
        </Tabs.Tab>
        {states.map((state) => (
          <Tabs.Tab
            key={state}
            value={state}
            rightSection={
              <Badge size="sm" variant="light" color="gray">
                {format.number(counts.get(state) ?? 0)}
              </Badge>
            }
          >
            {labels.state(state)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      <ChallengesTable challenges={shown} showCohort />
    </Tabs>
  );
}

/** The office's and leadership's view: every challenge, filtered by cohort, state, agency and words. */
/** How many challenges a page of the office's list holds. */
const PAGE_SIZE = 50;

function AllChallenges() {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useChallengeLabels();
  const [params, setParams] = useSearchParams();
  const cohortId = params.get('cohort');
  const agencyId = params.get('agency');
  const states = (params.get('states') ?? '').split(',').filter(isChallengeState) as ChallengeState[];
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  // The filters' choices come after the list (api/afterContent.ts).
  const skipChoices = !useAfterContent();
  const cohorts = useQuery(ChallengeCohortsQuery, { fetchPolicy: 'cache-and-network', skip: skipChoices });
  const agencies = useQuery(ChallengeAgenciesQuery, { fetchPolicy: 'cache-first', skip: skipChoices });
  // A page at a time; the next one is added below on request.
  const { data, loading, error, refetch, fetchMore } = useQuery(ChallengeListPageQuery, {
    variables: {
      cohortId: cohortId || null,
      agencyId: agencyId || null,
      states: states.length ? states : null,
      search: debounced || null,
      limit: PAGE_SIZE,
    },
  });

  const update = (key: string, value: string | null) => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  };

  const cohortOptions = (cohorts.data?.cohorts ?? []).map((c) => ({ value: c.id, label: format.name(c) }));
  const agencyOptions = (agencies.data?.agencies ?? [])
    .map((a) => ({ value: a.id, label: format.name(a) }))
    .sort((a, b) => format.compare(a.label, b.label));
  const challenges = data?.challengesPage.items ?? [];

  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="md" component="section" aria-label={t('challenges.list.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
          <Select
            label={t('challenges.fields.cohortId')}
            placeholder={t('challenges.list.anyCohort')}
            data={cohortOptions}
            value={cohortId}
            onChange={(value) => update('cohort', value)}
            clearable
            clearButtonProps={{ 'aria-label': t('form.clear') }}
            searchable
            nothingFoundMessage={t('form.nothingFound')}
          />
          <MultiSelect
            label={t('fields.status')}
            placeholder={states.length ? undefined : t('challenges.list.anyState')}
            data={CHALLENGE_STATES.map((s) => ({ value: s, label: labels.state(s) }))}
            value={states}
            onChange={(value) => update('states', value.join(',') || null)}
            clearable
            clearButtonProps={{ 'aria-label': t('form.clear') }}
          />
          <Select
            label={t('challenges.list.agency')}
            placeholder={t('users.anyAgency')}
            data={agencyOptions}
            value={agencyId}
            onChange={(value) => update('agency', value)}
            clearable
            clearButtonProps={{ 'aria-label': t('form.clear') }}
            searchable
            nothingFoundMessage={t('form.nothingFound')}
          />
          <TextInput
            label={t('users.search')}
            placeholder={t('challenges.list.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={search}
            onChange={(e) => {
              setSearch(e.currentTarget.value);
              update('q', e.currentTarget.value.trim() || null);
            }}
            type="search"
          />
        </SimpleGrid>
      </Paper>
      {error && !data ? (
        <LoadError error={error} onRetry={() => void refetch()} />
      ) : loading && !data ? (
        <ListSkeleton rows={8} height={48} />
      ) : (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('users.count', { number: format.number(challenges.length) })}
          </Text>
          <ChallengesTable challenges={challenges} showCohort={!cohortId} />
          <ShowMore
            nextCursor={data?.challengesPage.nextCursor ?? null}
            onMore={(after) => fetchMore({ variables: { after } })}
          />
        </>
      )}
    </Stack>
  );
}

/** Challenges (التحديات): the office and leadership see them all; a focal point their agency's. */
export default function ChallengesPage() {
  const { t } = useTranslation();
  const { actor } = useSession();
  useDocumentTitle(t('challenges.title'));
  const seesAll = can(actor, 'challenge.read', { type: 'challenge' });
  const mayCreate =
    can(actor, 'challenge.create', { type: 'challenge' }) ||
    can(actor, 'challenge.create', { type: 'challenge', leadAgencyId: actor?.agencyId });
  return (
    <>
      <PageHeader
        title={t('challenges.title')}
        description={seesAll ? t('challenges.introAll') : t('challenges.introAgency')}
        actions={
          mayCreate ? (
            <Button component={Link} to="/challenges/new" leftSection={<IconPlus size={18} aria-hidden />}>
              {t('challenges.create')}
            </Button>
          ) : null
        }
      />
      {seesAll ? <AllChallenges /> : <AgencyChallenges />}
    </>
  );
}
