import { useQuery } from '@apollo/client/react';
import {
  Accordion,
  Anchor,
  Badge,
  Drawer,
  Group,
  Paper,
  ScrollArea,
  Select,
  SimpleGrid,
  Spoiler,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { can, CHALLENGE_DECIDED, cohortToScreen } from '@hundred/domain';
import type { ChallengeState } from '@hundred/workflow';
import { IconCalendarEvent, IconLayoutKanban } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';

import { PageHeader, useDocumentTitle } from '../../components/PageHeader';
import { ForbiddenState, LoadError, PageLoader } from '../../components/PageState';
import { Section } from '../../components/Section';
import type { ChallengeSummaryFragment } from '../../gql/graphql';
import { useFormat } from '../../lib/format';
import { useSession } from '../../session/session';
import { useCohortLabels } from '../cohorts/labels';
import { ChallengeActions } from './ChallengeActions';
import { RubricSection } from './ChallengePage';
import { BOARD_COLUMNS } from './challenges';
import { AgenciesList, ApprovalsSummary, ChallengeTexts, titleOf } from './ChallengeSections';
import { ChallengeStateBadge } from './ChallengeStateBadge';
import { ChallengeCohortsQuery, ChallengeQuery, ChallengesQuery } from './documents';
import { useChallengeLabels } from './labels';
import { LeadersPanel } from './LeadersPanel';
import { ScoreBadge } from './RubricPanel';

type Summary = ChallengeSummaryFragment;

function ChallengeCard({ challenge, onOpen }: { challenge: Summary; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const title = titleOf(challenge, format.language) || t('challenges.untitled');
  return (
    <UnstyledButton
      onClick={() => onOpen(challenge.id)}
      aria-haspopup="dialog"
      className="board-card"
      data-testid="board-card"
      data-challenge-id={challenge.id}
    >
      <Paper withBorder radius="md" p="sm" shadow="xs">
        <Stack gap={6}>
          <Text fw={600} size="sm" lineClamp={3} dir="auto">
            {title}
          </Text>
          <Text size="xs" c="dimmed">
            {format.name(challenge.leadAgency)}
          </Text>
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Group gap={4} wrap="nowrap">
              <IconCalendarEvent size={14} aria-hidden />
              <Text size="xs" c="dimmed">
                {challenge.submittedAt
                  ? format.dayMonth(challenge.submittedAt, challenge.cohort.timeZone)
                  : t('challenges.board.notSubmitted')}
              </Text>
            </Group>
            <ScoreBadge score={challenge.meanScore} />
          </Group>
        </Stack>
      </Paper>
    </UnstyledButton>
  );
}

function Column({
  state,
  challenges,
  onOpen,
}: {
  state: ChallengeState;
  challenges: Summary[];
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useChallengeLabels();
  const headingId = `board-column-${state}`;
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      bg="gray.0"
      component="section"
      aria-labelledby={headingId}
      data-testid={`board-column-${state}`}
    >
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={2} fz="sm" id={headingId}>
          {labels.state(state)}
        </Title>
        <Badge
          variant="light"
          color="gray"
          aria-label={t('challenges.board.count', { number: format.number(challenges.length) })}
        >
          {format.number(challenges.length)}
        </Badge>
      </Group>
      {challenges.length === 0 ? (
        <Text size="xs" c="dimmed" ta="center" py="md">
          {t('challenges.board.emptyColumn')}
        </Text>
      ) : (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {challenges.map((challenge) => (
            <li key={challenge.id}>
              <ChallengeCard challenge={challenge} onOpen={onOpen} />
            </li>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

/** The challenge opened from the board: the rubric to score, the people to name and the actions. */
function ScreeningDrawerContent({ id }: { id: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data, loading, error, refetch } = useQuery(ChallengeQuery, { variables: { id } });
  const challenge = data?.challenge;
  if (error && !challenge) return <LoadError error={error} onRetry={() => void refetch()} />;
  if (loading && !challenge) return <PageLoader />;
  if (!challenge) return null;
  const reload = () => refetch();
  return (
    <Stack gap="lg" data-testid="screening-drawer">
      <Stack gap="xs">
        <Group gap="sm" wrap="wrap">
          <ChallengeStateBadge state={challenge.state} size="lg" />
          <ScoreBadge score={challenge.meanScore} />
        </Group>
        <Text size="sm" c="dimmed">
          <span lang={format.language === 'ar' ? 'en' : 'ar'} dir={format.language === 'ar' ? 'ltr' : 'rtl'}>
            {format.language === 'ar' ? challenge.titleEn : challenge.titleAr}
          </span>
        </Text>
        <Anchor component={Link} to={`/challenges/${challenge.id}`} size="sm" w="fit-content">
          <Group gap={4} component="span">
            {t('challenges.board.openPage')}
          </Group>
        </Anchor>
      </Stack>
      <Section id="drawer-actions" title={t('cohorts.actions.title')}>
        <ChallengeActions challenge={challenge} onReload={reload} layout="row" />
      </Section>
      <RubricSection challenge={challenge} onReload={reload} />
      <Section id="drawer-leaders" title={t('challenges.leaders.title')}>
        <LeadersPanel challenge={challenge} />
      </Section>
      {challenge.approvals.length > 0 ? (
        <Section id="drawer-approvals" title={t('challenges.approvals.title')}>
          <ApprovalsSummary challenge={challenge} />
        </Section>
      ) : null}
      <Section id="drawer-about" title={t('challenges.view.about')}>
        <Stack gap="md">
          <AgenciesList challenge={challenge} />
          <Spoiler
            maxHeight={220}
            showLabel={t('challenges.board.showMore')}
            hideLabel={t('challenges.board.showLess')}
          >
            <ChallengeTexts challenge={challenge} />
          </Spoiler>
        </Stack>
      </Section>
    </Stack>
  );
}

/** The office's screening board: a cohort's challenges in columns by state. */
export default function ScreeningBoardPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const cohortLabels = useCohortLabels();
  const { actor } = useSession();
  const [params, setParams] = useSearchParams();
  useDocumentTitle(t('challenges.board.title'));
  const mayScreen = can(actor, 'challenge.score', { type: 'challenge' });
  const cohorts = useQuery(ChallengeCohortsQuery, { fetchPolicy: 'cache-and-network', skip: !mayScreen });
  const list = useMemo(() => cohorts.data?.cohorts ?? [], [cohorts.data]);
  // The cohort in selection unless the address names another.
  const fallback = useMemo(() => cohortToScreen(list)?.id ?? null, [list]);
  const cohortId = params.get('cohort') ?? fallback;
  const openId = params.get('open');
  // The drawer keeps showing the last challenge while it slides closed.
  const [shownId, setShownId] = useState(openId);
  if (openId && openId !== shownId) setShownId(openId);
  const challenges = useQuery(ChallengesQuery, {
    variables: { cohortId },
    skip: !cohortId || !mayScreen,
    pollInterval: 30_000,
  });

  if (!mayScreen) return <ForbiddenState />;

  const set = (changes: Record<string, string | null>) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [key, value] of Object.entries(changes)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      return next;
    });

  const all = challenges.data?.challenges ?? [];
  const byState = (states: readonly string[]) =>
    all
      .filter((c) => states.includes(c.state))
      .sort((a, b) => (a.submittedAt ?? a.updatedAt).localeCompare(b.submittedAt ?? b.updatedAt));
  const decided = byState(CHALLENGE_DECIDED);
  const drafts = byState(['DRAFT']);
  const open = (id: string) => set({ open: id });
  const opened = shownId ? all.find((c) => c.id === shownId) : undefined;

  return (
    <>
      <PageHeader
        title={t('challenges.board.title')}
        description={t('challenges.board.intro')}
        actions={
          <Select
            label={t('challenges.fields.cohortId')}
            data={list.map((c) => ({ value: c.id, label: `${format.name(c)} · ${cohortLabels.state(c.state)}` }))}
            value={cohortId}
            onChange={(value) => set({ cohort: value, open: null })}
            allowDeselect={false}
            w={{ base: '100%', sm: 360 }}
            data-testid="board-cohort"
          />
        }
      />
      {cohorts.error && !cohorts.data ? (
        <LoadError error={cohorts.error} onRetry={() => void cohorts.refetch()} />
      ) : !cohortId && !cohorts.loading ? (
        <Paper withBorder p="xl" radius="md">
          <Stack align="center" gap="xs">
            <IconLayoutKanban size={32} aria-hidden />
            <Text c="dimmed">{t('challenges.board.noCohort')}</Text>
          </Stack>
        </Paper>
      ) : challenges.error && !challenges.data ? (
        <LoadError error={challenges.error} onRetry={() => void challenges.refetch()} />
      ) : (challenges.loading && !challenges.data) || cohorts.loading ? (
        <PageLoader />
      ) : (
        <Stack gap="lg">
          <ScrollArea type="auto" offsetScrollbars>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md" miw={{ lg: 960 }} data-testid="screening-board">
              {BOARD_COLUMNS.map((state) => (
                <Column key={state} state={state} challenges={byState([state])} onOpen={open} />
              ))}
            </SimpleGrid>
          </ScrollArea>
          <Accordion variant="separated" multiple chevronPosition="right">
            <Accordion.Item value="decided" data-testid="board-decided">
              <Accordion.Control>
                {t('challenges.board.decided', { number: format.number(decided.length) })}
              </Accordion.Control>
              <Accordion.Panel>
                {decided.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('challenges.board.emptyColumn')}
                  </Text>
                ) : (
                  <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
                    {decided.map((challenge) => (
                      <Stack key={challenge.id} gap={4}>
                        <ChallengeStateBadge state={challenge.state} />
                        <ChallengeCard challenge={challenge} onOpen={open} />
                      </Stack>
                    ))}
                  </SimpleGrid>
                )}
              </Accordion.Panel>
            </Accordion.Item>
            <Accordion.Item value="drafts" data-testid="board-drafts">
              <Accordion.Control>
                {t('challenges.board.drafts', { number: format.number(drafts.length) })}
              </Accordion.Control>
              <Accordion.Panel>
                {drafts.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('challenges.board.emptyColumn')}
                  </Text>
                ) : (
                  <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
                    {drafts.map((challenge) => (
                      <ChallengeCard key={challenge.id} challenge={challenge} onOpen={open} />
                    ))}
                  </SimpleGrid>
                )}
              </Accordion.Panel>
            </Accordion.Item>
          </Accordion>
        </Stack>
      )}
      <Drawer
        opened={openId !== null}
        onClose={() => set({ open: null })}
        position="right"
        size="xl"
        title={opened ? titleOf(opened, format.language) || t('challenges.untitled') : t('challenges.board.title')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {shownId ? <ScreeningDrawerContent id={shownId} /> : null}
      </Drawer>
    </>
  );
}
