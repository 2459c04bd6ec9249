import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
  Tooltip,
} from '@mantine/core';
import { can } from '@hundred/domain';
import {
  IconArrowDown,
  IconArrowUp,
  IconEdit,
  IconLock,
  IconPlus,
  IconReplace,
  IconTarget,
  IconTrash,
} from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import type { GoalFieldsFragment, KpiFieldsFragment, TeamCohortFragment, TeamDetailFragment } from '../../gql/graphql';
import { useFormat } from '../../lib/format';
import { AlignmentPath, useAlignmentTree } from '../alignment/AlignmentFields';
import { ProposeChangeForm } from './ChangeRequests';
import { DeleteConfirm, GoalForm, KpiForm } from './GoalForms';
import { KpiChart, type CheckInFacts } from './KpiChart';
import { useTeamLabels } from './labels';
import { RagBadge } from './RagBadge';
import {
  CHANGE_WINDOW_COHORT_STATES,
  CHANGE_WINDOW_TEAM_STATES,
  GOALS_EDITABLE_STATES,
  MAX_GOALS,
  MAX_KPIS,
  NOT_STARTED_STATES,
  roundTo,
} from './teams';
import { useTeamActor } from './useTeamActor';

type Team = TeamDetailFragment;
type Goal = GoalFieldsFragment;
type Kpi = KpiFieldsFragment;

type Dialog =
  | { kind: 'goal'; goal: Goal | null }
  | { kind: 'kpi'; goalId: string; kpi: Kpi | null; sort: number }
  | { kind: 'delete'; what: { kind: 'goal' | 'kpi'; id: string; version: number; name: string } }
  | { kind: 'change'; kpi: Kpi };

const isLink = (text: string) => /^https?:\/\/\S+$/i.test(text.trim());

/** Evidence or a data source: a link opens in a new tab, a note reads as written. */
export function EvidenceText({ text }: { text: string }) {
  const { t } = useTranslation();
  if (isLink(text)) {
    return (
      <Anchor href={text.trim()} target="_blank" rel="noopener noreferrer" size="sm" className="ltr-data">
        {text.trim()}
        <span className="visually-hidden"> {t('challenges.view.opensInNewTab')}</span>
      </Anchor>
    );
  }
  return (
    <Text span size="sm" dir="auto" style={{ whiteSpace: 'pre-line' }}>
      {text}
    </Text>
  );
}

function Stat({
  label,
  children,
  hint,
  testId,
}: {
  label: string;
  children: ReactNode;
  hint?: ReactNode;
  testId?: string;
}) {
  return (
    <Paper withBorder radius="md" p="xs" data-testid={testId}>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text fw={700} size="md" component="dd" m={0} mt={2} lh={1.3}>
        {children}
      </Text>
      {hint ? (
        <Text size="xs" c="dimmed" mt={2}>
          {hint}
        </Text>
      ) : null}
    </Paper>
  );
}

function KpiCard({
  kpi,
  cohort,
  started,
  checkIns,
  editable,
  mayPropose,
  pendingChange,
  onEdit,
  onDelete,
  onPropose,
}: {
  kpi: Kpi;
  cohort: TeamCohortFragment | null;
  /** Whether the 100 days run for this team (a status means something). */
  started: boolean;
  checkIns: ReadonlyMap<string, CheckInFacts>;
  editable: boolean;
  mayPropose: boolean;
  pendingChange: boolean;
  onEdit: () => void;
  onDelete: () => void;
  onPropose: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useTeamLabels();
  const name = format.name(kpi);
  const other = format.language === 'ar' ? kpi.nameEn : kpi.nameAr;
  const tz = cohort?.timeZone;
  const latest = kpi.latestValue;
  const frozen = kpi.frozenAt !== null;
  const tracking = started || kpi.values.length > 0;
  const showChart = cohort !== null && frozen;
  const targetChanged = kpi.originalTarget !== null && kpi.originalTarget !== kpi.target;
  const baselineChanged = kpi.originalBaseline !== null && kpi.originalBaseline !== kpi.baseline;
  const Direction = kpi.direction === 'DECREASE' ? IconArrowDown : IconArrowUp;
  const headingId = `kpi-${kpi.id}`;

  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="article"
      aria-labelledby={headingId}
      data-testid="kpi-card"
      data-kpi-id={kpi.id}
    >
      <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
        <Stack gap={2} style={{ minWidth: 0, flex: '1 1 14rem' }}>
          <Title order={4} fz="md" id={headingId}>
            {name}
          </Title>
          {other ? (
            <Text size="xs" c="dimmed">
              <span lang={format.language === 'ar' ? 'en' : 'ar'} dir="auto">
                {other}
              </span>
            </Text>
          ) : null}
        </Stack>
        {tracking ? (
          <Stack gap={2} align="flex-end">
            <RagBadge rag={kpi.rag} size="lg" />
            {kpi.progress !== null ? (
              <Text size="xs" c="dimmed" data-testid="kpi-progress">
                {t('teams.kpis.progressOf', { progress: labels.progress(kpi.progress) })}
              </Text>
            ) : null}
          </Stack>
        ) : null}
      </Group>

      <Group gap={6} mt="xs" wrap="wrap">
        <Badge variant="outline" color="gray" tt="none">
          {t('teams.kpis.unitBadge', { unit: labels.unit(kpi.unit) })}
        </Badge>
        <Badge variant="outline" color="gray" tt="none" leftSection={<Direction size={14} aria-hidden />}>
          {labels.direction(kpi.direction)}
        </Badge>
        {kpi.isProxy ? (
          <Tooltip label={t('teams.kpis.isProxyHint')} multiline maw={280}>
            <Badge variant="light" color="grape" tt="none">
              {t('teams.kpis.proxy')}
            </Badge>
          </Tooltip>
        ) : null}
        {frozen ? (
          <Badge
            variant="light"
            color="gray"
            tt="none"
            leftSection={<IconLock size={12} aria-hidden />}
            data-testid="kpi-frozen"
          >
            {t('teams.kpis.frozenOn', { date: format.date(kpi.frozenAt!, tz) })}
          </Badge>
        ) : null}
        {pendingChange ? (
          <Badge variant="light" color="blue" tt="none">
            {t('teams.changes.pending')}
          </Badge>
        ) : null}
      </Group>

      <SimpleGrid cols={{ base: 2, sm: frozen ? 4 : 2 }} spacing="xs" mt="md" mb={0} component="dl">
        <Stat
          label={t('teams.kpis.baseline')}
          hint={
            baselineChanged
              ? t('teams.kpis.originalValue', { value: labels.value(kpi.unit, kpi.originalBaseline!) })
              : undefined
          }
        >
          {labels.value(kpi.unit, kpi.baseline)}
        </Stat>
        <Stat
          label={t('teams.kpis.target')}
          testId="kpi-target"
          hint={
            targetChanged ? (
              <span data-testid="kpi-original-target">
                {t('teams.kpis.originalTarget', { value: labels.value(kpi.unit, kpi.originalTarget!) })}
              </span>
            ) : undefined
          }
        >
          {labels.value(kpi.unit, kpi.target)}
        </Stat>
        {frozen ? (
          <>
            <Stat
              label={t('teams.kpis.latest')}
              testId="kpi-latest"
              hint={latest ? t('teams.kpis.asOf', { date: format.localDate(latest.asOf) }) : undefined}
            >
              {latest ? labels.value(kpi.unit, latest.value) : t('teams.kpis.noValue')}
            </Stat>
            <Stat label={t('teams.kpis.expected')} hint={t('teams.kpis.expectedHint')}>
              {labels.value(kpi.unit, roundTo(kpi.expected, 1))}
            </Stat>
          </>
        ) : null}
      </SimpleGrid>

      <Stack gap={4} mt="md">
        <Group gap={6} wrap="nowrap" align="flex-start">
          <Text size="sm" c="dimmed" style={{ flexShrink: 0 }}>
            {t('teams.kpis.dataSource')}:
          </Text>
          <EvidenceText text={kpi.dataSource} />
        </Group>
        {latest ? (
          <Group gap={6} wrap="nowrap" align="flex-start">
            <Text size="sm" c="dimmed" style={{ flexShrink: 0 }}>
              {t('teams.kpis.latestEvidence')}:
            </Text>
            <EvidenceText text={latest.evidence} />
          </Group>
        ) : null}
      </Stack>

      {showChart ? (
        <Stack mt="md">
          <KpiChart kpi={kpi} name={name} day1={cohort.day1} currentDay={cohort.currentDay} checkIns={checkIns} />
        </Stack>
      ) : null}

      {editable || mayPropose ? (
        <Group justify="flex-end" gap="xs" mt="md">
          {editable ? (
            <>
              <Button
                variant="subtle"
                size="xs"
                leftSection={<IconEdit size={16} aria-hidden />}
                onClick={onEdit}
                aria-label={t('teams.kpis.editOf', { name })}
              >
                {t('teams.edit')}
              </Button>
              <Button
                variant="subtle"
                color="red"
                size="xs"
                leftSection={<IconTrash size={16} aria-hidden />}
                onClick={onDelete}
                aria-label={t('teams.kpis.deleteOf', { name })}
              >
                {t('teams.delete')}
              </Button>
            </>
          ) : null}
          {mayPropose ? (
            <Button
              variant="light"
              size="xs"
              leftSection={<IconReplace size={16} aria-hidden />}
              onClick={onPropose}
              disabled={pendingChange}
              aria-label={t('teams.changes.proposeOf', { name })}
            >
              {t('teams.changes.propose')}
            </Button>
          ) : null}
        </Group>
      ) : null}
    </Card>
  );
}

/**
 * The team's goals and their KPIs. While the team forms, its leader adds, edits and deletes them;
 * once approved, baselines and targets are frozen and each KPI shows its status and its chart.
 */
export function GoalsSection({
  team,
  cohort,
  checkIns,
  onReload,
}: {
  team: Team;
  cohort: TeamCohortFragment | null;
  checkIns: ReadonlyMap<string, CheckInFacts>;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useTeamLabels();
  const teamActor = useTeamActor(team);
  const tree = useAlignmentTree();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const resource = { type: 'team' as const, id: team.id, leadAgencyId: team.leadAgencyId };
  const editable = GOALS_EDITABLE_STATES.includes(team.state) && can(teamActor, 'team.editGoals', resource);
  const changeWindow =
    CHANGE_WINDOW_TEAM_STATES.includes(team.state) &&
    cohort !== null &&
    CHANGE_WINDOW_COHORT_STATES.includes(cohort.state);
  const mayPropose = changeWindow && can(teamActor, 'team.proposeChange', resource);
  const pending = new Set(team.changeRequests.filter((c) => c.state === 'PROPOSED').map((c) => c.kpiId));
  const close = () => setDialog(null);
  const goals = team.goals;
  const started = !NOT_STARTED_STATES.includes(team.state) || team.checkIns.length > 0;

  const dialogTitle = (() => {
    if (!dialog) return '';
    switch (dialog.kind) {
      case 'goal':
        return dialog.goal ? t('teams.goals.editTitle') : t('teams.goals.createTitle');
      case 'kpi':
        return dialog.kpi ? t('teams.kpis.editTitle') : t('teams.kpis.createTitle');
      case 'delete':
        return dialog.what.kind === 'goal' ? t('teams.goals.deleteTitle') : t('teams.kpis.deleteTitle');
      case 'change':
        return t('teams.changes.proposeTitle');
    }
  })();

  return (
    <Stack gap="lg" data-testid="goals">
      {goals.length === 0 ? (
        <Paper withBorder radius="md" p="lg">
          <Stack align="center" gap="xs">
            <ThemeIcon size={44} radius="xl" variant="light" color="gray">
              <IconTarget size={24} aria-hidden />
            </ThemeIcon>
            <Text c="dimmed" ta="center" size="sm">
              {editable ? t('teams.goals.emptyLead') : t('teams.goals.empty')}
            </Text>
          </Stack>
        </Paper>
      ) : null}

      {goals.map((goal, index) => {
        const title = format.language === 'ar' ? goal.titleAr : goal.titleEn;
        const headingId = `goal-${goal.id}`;
        return (
          <Stack
            key={goal.id}
            gap="sm"
            component="section"
            aria-labelledby={headingId}
            data-testid="goal"
            data-goal-id={goal.id}
          >
            <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
              <Group gap="sm" align="flex-start" wrap="nowrap" style={{ minWidth: 0, flex: '1 1 16rem' }}>
                <ThemeIcon size={32} radius="xl" variant="light" aria-hidden>
                  <Text fw={700} size="sm">
                    {format.number(index + 1)}
                  </Text>
                </ThemeIcon>
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Title order={3} fz="lg" id={headingId}>
                    <span className="visually-hidden">
                      {t('teams.goals.numbered', { number: format.number(index + 1) })}{' '}
                    </span>
                    {title}
                  </Title>
                  <Text size="xs" c="dimmed">
                    <span lang={format.language === 'ar' ? 'en' : 'ar'} dir="auto">
                      {format.language === 'ar' ? goal.titleEn : goal.titleAr}
                    </span>
                  </Text>
                  {goal.alignmentNodeIds.length > 0 ? (
                    <Stack gap={2} mt={4}>
                      {goal.alignmentNodeIds.map((id) => (
                        <AlignmentPath key={id} id={id} byId={tree.byId} />
                      ))}
                    </Stack>
                  ) : null}
                </Stack>
              </Group>
              <Group gap={4} wrap="nowrap">
                {started && goal.kpis.length > 0 ? <RagBadge rag={goal.rag} withLabel /> : null}
                {editable ? (
                  <>
                    <Tooltip label={t('teams.goals.editOf', { name: title })}>
                      <ActionIcon
                        variant="subtle"
                        onClick={() => setDialog({ kind: 'goal', goal })}
                        aria-label={t('teams.goals.editOf', { name: title })}
                      >
                        <IconEdit size={18} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label={t('teams.goals.deleteOf', { name: title })}>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        onClick={() =>
                          setDialog({
                            kind: 'delete',
                            what: { kind: 'goal', id: goal.id, version: goal.version, name: title },
                          })
                        }
                        aria-label={t('teams.goals.deleteOf', { name: title })}
                      >
                        <IconTrash size={18} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                  </>
                ) : null}
              </Group>
            </Group>

            {goal.kpis.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('teams.kpis.none')}
              </Text>
            ) : (
              <Stack gap="sm">
                {goal.kpis.map((kpi) => (
                  <KpiCard
                    key={kpi.id}
                    kpi={kpi}
                    cohort={cohort}
                    started={started}
                    checkIns={checkIns}
                    editable={editable}
                    mayPropose={mayPropose && kpi.frozenAt !== null}
                    pendingChange={pending.has(kpi.id)}
                    onEdit={() => setDialog({ kind: 'kpi', goalId: goal.id, kpi, sort: kpi.sort })}
                    onDelete={() =>
                      setDialog({
                        kind: 'delete',
                        what: { kind: 'kpi', id: kpi.id, version: kpi.version, name: format.name(kpi) },
                      })
                    }
                    onPropose={() => setDialog({ kind: 'change', kpi })}
                  />
                ))}
              </Stack>
            )}

            {editable && goal.kpis.length < MAX_KPIS ? (
              <Group>
                <Button
                  variant="light"
                  size="xs"
                  leftSection={<IconPlus size={16} aria-hidden />}
                  onClick={() =>
                    setDialog({
                      kind: 'kpi',
                      goalId: goal.id,
                      kpi: null,
                      sort: Math.max(0, ...goal.kpis.map((k) => k.sort + 1)),
                    })
                  }
                  aria-label={t('teams.kpis.addTo', { name: title })}
                >
                  {t('teams.kpis.add')}
                </Button>
              </Group>
            ) : null}
          </Stack>
        );
      })}

      {editable ? (
        goals.length < MAX_GOALS ? (
          <Group>
            <Button
              leftSection={<IconPlus size={18} aria-hidden />}
              onClick={() => setDialog({ kind: 'goal', goal: null })}
            >
              {t('teams.goals.add')}
            </Button>
            <Text size="xs" c="dimmed">
              {t('teams.goals.limits', { goals: format.number(MAX_GOALS), kpis: format.number(MAX_KPIS) })}
            </Text>
          </Group>
        ) : (
          <Text size="xs" c="dimmed">
            {t('teams.goals.maxReached', { number: format.number(MAX_GOALS) })}
          </Text>
        )
      ) : null}

      <Modal
        opened={dialog !== null}
        onClose={close}
        title={dialogTitle}
        size={dialog?.kind === 'kpi' ? 'xl' : 'lg'}
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {dialog?.kind === 'goal' ? (
          <GoalForm
            teamId={team.id}
            goal={dialog.goal}
            sort={Math.max(0, ...goals.map((g) => g.sort + 1))}
            onDone={close}
            onCancel={close}
            onReload={onReload}
          />
        ) : null}
        {dialog?.kind === 'kpi' ? (
          <KpiForm
            goalId={dialog.goalId}
            kpi={dialog.kpi}
            sort={dialog.sort}
            onDone={close}
            onCancel={close}
            onReload={onReload}
          />
        ) : null}
        {dialog?.kind === 'delete' ? (
          <DeleteConfirm what={dialog.what} onCancel={close} onDone={close} onReload={onReload} />
        ) : null}
        {dialog?.kind === 'change' ? (
          <ProposeChangeForm kpi={dialog.kpi} labels={labels} onDone={close} onCancel={close} onReload={onReload} />
        ) : null}
      </Modal>
    </Stack>
  );
}
