import { ActionIcon, Button, Group, Modal, Paper, Stack, Text, ThemeIcon, Title, Tooltip } from '@mantine/core';
import { IconEdit, IconPlus, IconTarget, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { GoalFieldsFragment, KpiFieldsFragment, TeamCohortFragment, TeamDetailFragment } from '../../gql/graphql';
import { useFormat } from '../../lib/format';
import { MAX_GOALS, MAX_KPIS } from '@hundred/domain';
import { AlignmentPath, useAlignmentTree } from '../alignment/AlignmentFields';
import { ProposeChangeForm } from './ChangeRequests';
import { DeleteConfirm, GoalForm, KpiForm } from './GoalForms';
import { KpiCard } from './KpiCard';
import { type CheckInFacts } from './KpiChart';
import { useTeamLabels } from './labels';
import { RagBadge } from './RagBadge';
import { hasStarted, mayOn } from './teams';

type Team = TeamDetailFragment;
type Goal = GoalFieldsFragment;
type Kpi = KpiFieldsFragment;

type Dialog =
  | { kind: 'goal'; goal: Goal | null }
  | { kind: 'kpi'; goalId: string; kpi: Kpi | null; sort: number }
  | { kind: 'delete'; what: { kind: 'goal' | 'kpi'; id: string; version: number; name: string } }
  | { kind: 'change'; kpi: Kpi };

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
  const tree = useAlignmentTree({ fetchPolicy: 'cache-first' });
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const editable = mayOn(team, 'EDIT_GOALS');
  const mayPropose = mayOn(team, 'PROPOSE_CHANGE');
  const pending = new Set(team.changeRequests.filter((c) => c.state === 'PROPOSED').map((c) => c.kpiId));
  const close = () => setDialog(null);
  const goals = team.goals;
  const started = hasStarted(team, cohort);

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
