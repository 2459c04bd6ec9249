import { useMutation } from '@apollo/client/react';
import {
  Button,
  Checkbox,
  Divider,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { KPI_DIRECTIONS } from '@hundred/domain';
import { IconArrowDown, IconArrowUp, IconDeviceFloppy } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { toProblem, type Problem } from '../../api/errors';
import { BilingualTextInputs } from '../../components/BilingualTextInputs';
import { ProblemAlert } from '../../components/ProblemAlert';
import type { GoalFieldsFragment, KpiDirection, KpiFieldsFragment, KpiUnit } from '../../gql/graphql';
import { applyProblem, required } from '../../lib/forms';
import { AlignmentPicker, useAlignmentTree } from '../alignment/AlignmentFields';
import {
  CreateGoalMutation,
  CreateKpiMutation,
  DeleteGoalMutation,
  DeleteKpiMutation,
  UpdateGoalMutation,
  UpdateKpiMutation,
} from './documents';
import { useTeamLabels } from './labels';
import { KPI_UNITS, isKpiDirection, isKpiUnit, toNumberOrNull } from './teams';

interface GoalValues {
  titleAr: string;
  titleEn: string;
  alignmentNodeIds: string[];
}

/** Adds a goal to the team, or edits one; server messages appear under the matching fields. */
export function GoalForm({
  teamId,
  goal,
  sort,
  onDone,
  onCancel,
  onReload,
}: {
  teamId: string;
  goal: GoalFieldsFragment | null;
  /** The place of a new goal. */
  sort: number;
  onDone: () => void;
  onCancel: () => void;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const tree = useAlignmentTree({ fetchPolicy: 'cache-first' });
  const [createGoal, creating] = useMutation(CreateGoalMutation);
  const [updateGoal, updating] = useMutation(UpdateGoalMutation);
  const [problem, setProblem] = useState<Problem | null>(null);
  const form = useForm<GoalValues>({
    initialValues: {
      titleAr: goal?.titleAr ?? '',
      titleEn: goal?.titleEn ?? '',
      alignmentNodeIds: goal?.alignmentNodeIds ?? [],
    },
    validate: { titleAr: required(t), titleEn: required(t) },
  });

  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    const fields = {
      titleAr: values.titleAr.trim(),
      titleEn: values.titleEn.trim(),
      alignmentNodeIds: values.alignmentNodeIds,
    };
    try {
      if (goal) {
        await updateGoal({
          variables: { input: { ...fields, id: goal.id, version: goal.version, sort: goal.sort } },
        });
      } else {
        await createGoal({ variables: { input: { ...fields, teamId, sort } } });
      }
      notifications.show({ color: 'teal', message: goal ? t('teams.goals.saved') : t('teams.goals.created') });
      await onReload();
      onDone();
    } catch (error) {
      const found = toProblem(error, t);
      if (!applyProblem(form, found)) setProblem(found);
    }
  });

  return (
    <form onSubmit={submit} noValidate data-testid="goal-form">
      <Stack gap="md">
        <BilingualTextInputs
          ar={{
            label: t('teams.goals.titleAr'),
            description: t('form.nameArHint'),
            input: form.getInputProps('titleAr'),
          }}
          en={{
            label: t('teams.goals.titleEn'),
            description: t('form.nameEnHint'),
            input: form.getInputProps('titleEn'),
          }}
          maxLength={300}
          autofocus
          layout="stack"
        />
        <AlignmentPicker
          tree={tree}
          description={t('teams.goals.alignmentHint')}
          value={form.getValues().alignmentNodeIds}
          onChange={(value) => form.setFieldValue('alignmentNodeIds', value)}
          error={form.errors.alignmentNodeIds}
        />
        <ProblemAlert problem={problem} onReload={() => void onReload().then(onCancel)} />
        <Divider />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} disabled={creating.loading || updating.loading}>
            {t('form.cancel')}
          </Button>
          <Button
            type="submit"
            loading={creating.loading || updating.loading}
            leftSection={<IconDeviceFloppy size={18} aria-hidden />}
          >
            {goal ? t('form.saveChanges') : t('teams.goals.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

interface KpiValues {
  nameAr: string;
  nameEn: string;
  unit: string;
  direction: string;
  baseline: number | string;
  target: number | string;
  dataSource: string;
  isProxy: boolean;
}

/** Adds a KPI to a goal, or edits one: unit, direction, baseline, target, data source, proxy. */
export function KpiForm({
  goalId,
  kpi,
  sort,
  onDone,
  onCancel,
  onReload,
}: {
  goalId: string;
  kpi: KpiFieldsFragment | null;
  sort: number;
  onDone: () => void;
  onCancel: () => void;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const labels = useTeamLabels();
  const [createKpi, creating] = useMutation(CreateKpiMutation);
  const [updateKpi, updating] = useMutation(UpdateKpiMutation);
  const [problem, setProblem] = useState<Problem | null>(null);
  const numberRule = (value: number | string) => (toNumberOrNull(value) === null ? t('form.required') : null);
  const form = useForm<KpiValues>({
    initialValues: {
      nameAr: kpi?.nameAr ?? '',
      nameEn: kpi?.nameEn ?? '',
      unit: kpi?.unit ?? 'NUMBER',
      direction: kpi?.direction ?? 'INCREASE',
      baseline: kpi?.baseline ?? '',
      target: kpi?.target ?? '',
      dataSource: kpi?.dataSource ?? '',
      isProxy: kpi?.isProxy ?? false,
    },
    validate: {
      nameAr: required(t),
      nameEn: required(t),
      unit: required(t),
      direction: required(t),
      baseline: numberRule,
      target: numberRule,
      dataSource: required(t),
    },
  });
  const unit = form.getValues().unit;

  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    if (!isKpiUnit(values.unit) || !isKpiDirection(values.direction)) return;
    const fields = {
      nameAr: values.nameAr.trim(),
      nameEn: values.nameEn.trim(),
      unit: values.unit satisfies KpiUnit,
      direction: values.direction satisfies KpiDirection,
      baseline: toNumberOrNull(values.baseline) ?? 0,
      target: toNumberOrNull(values.target) ?? 0,
      dataSource: values.dataSource.trim(),
      isProxy: values.isProxy,
    };
    try {
      if (kpi) {
        await updateKpi({ variables: { input: { ...fields, id: kpi.id, version: kpi.version, sort: kpi.sort } } });
      } else {
        await createKpi({ variables: { input: { ...fields, goalId, sort } } });
      }
      notifications.show({ color: 'teal', message: kpi ? t('teams.kpis.saved') : t('teams.kpis.created') });
      await onReload();
      onDone();
    } catch (error) {
      const found = toProblem(error, t);
      if (!applyProblem(form, found)) setProblem(found);
    }
  });

  return (
    <form onSubmit={submit} noValidate data-testid="kpi-form">
      <Stack gap="md">
        <BilingualTextInputs
          ar={{ label: t('teams.kpis.nameAr'), description: t('form.nameArHint'), input: form.getInputProps('nameAr') }}
          en={{ label: t('teams.kpis.nameEn'), description: t('form.nameEnHint'), input: form.getInputProps('nameEn') }}
          maxLength={300}
          autofocus
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Select
            label={t('teams.kpis.unit')}
            data={KPI_UNITS.map((u) => ({ value: u, label: labels.unit(u) }))}
            allowDeselect={false}
            required
            {...form.getInputProps('unit')}
          />
          <Select
            label={t('teams.kpis.direction')}
            description={t('teams.kpis.directionHint')}
            data={KPI_DIRECTIONS.map((d) => ({ value: d, label: labels.direction(d) }))}
            allowDeselect={false}
            required
            leftSection={
              form.getValues().direction === 'DECREASE' ? (
                <IconArrowDown size={16} aria-hidden />
              ) : (
                <IconArrowUp size={16} aria-hidden />
              )
            }
            {...form.getInputProps('direction')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <NumberInput
            label={t('teams.kpis.baseline')}
            description={t('teams.kpis.baselineHint')}
            required
            min={0}
            max={unit === 'PERCENT' ? 100 : undefined}
            decimalScale={4}
            thousandSeparator=","
            rightSection={unit === 'PERCENT' ? <Text size="sm">%</Text> : undefined}
            {...form.getInputProps('baseline')}
          />
          <NumberInput
            label={t('teams.kpis.target')}
            description={t('teams.kpis.targetHint')}
            required
            min={0}
            max={unit === 'PERCENT' ? 100 : undefined}
            decimalScale={4}
            thousandSeparator=","
            rightSection={unit === 'PERCENT' ? <Text size="sm">%</Text> : undefined}
            {...form.getInputProps('target')}
          />
        </SimpleGrid>
        <Textarea
          label={t('teams.kpis.dataSource')}
          description={t('teams.kpis.dataSourceHint')}
          required
          autosize
          minRows={2}
          maxLength={1000}
          {...form.getInputProps('dataSource')}
        />
        <Checkbox
          label={t('teams.kpis.isProxy')}
          description={t('teams.kpis.isProxyHint')}
          {...form.getInputProps('isProxy', { type: 'checkbox' })}
        />
        <ProblemAlert problem={problem} onReload={() => void onReload().then(onCancel)} />
        <Divider />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} disabled={creating.loading || updating.loading}>
            {t('form.cancel')}
          </Button>
          <Button
            type="submit"
            loading={creating.loading || updating.loading}
            leftSection={<IconDeviceFloppy size={18} aria-hidden />}
          >
            {kpi ? t('form.saveChanges') : t('teams.kpis.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Confirms deleting a goal (with its KPIs) or one KPI; sends the version on screen. */
export function DeleteConfirm({
  what,
  onCancel,
  onDone,
  onReload,
}: {
  what: { kind: 'goal' | 'kpi'; id: string; version: number; name: string };
  onCancel: () => void;
  onDone: () => void;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [deleteGoal, deletingGoal] = useMutation(DeleteGoalMutation);
  const [deleteKpi, deletingKpi] = useMutation(DeleteKpiMutation);
  const [problem, setProblem] = useState<Problem | null>(null);
  const loading = deletingGoal.loading || deletingKpi.loading;
  const confirm = async () => {
    setProblem(null);
    const input = { id: what.id, version: what.version };
    try {
      if (what.kind === 'goal') await deleteGoal({ variables: { input } });
      else await deleteKpi({ variables: { input } });
      notifications.show({
        color: 'teal',
        message: what.kind === 'goal' ? t('teams.goals.deleted') : t('teams.kpis.deleted'),
      });
      await onReload();
      onDone();
    } catch (error) {
      setProblem(toProblem(error, t));
    }
  };
  return (
    <Stack gap="md">
      <Text size="sm">
        {what.kind === 'goal'
          ? t('teams.goals.deleteConfirm', { name: what.name })
          : t('teams.kpis.deleteConfirm', { name: what.name })}
      </Text>
      <ProblemAlert problem={problem} onReload={() => void onReload().then(onCancel)} />
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onCancel} disabled={loading}>
          {t('cohorts.actions.dismiss')}
        </Button>
        <Button color="red" loading={loading} onClick={() => void confirm()} data-autofocus>
          {t('teams.delete')}
        </Button>
      </Group>
    </Stack>
  );
}
