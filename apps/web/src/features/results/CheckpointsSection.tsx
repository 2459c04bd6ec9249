import { useMutation } from '@apollo/client/react';
import {
  Badge,
  Button,
  Fieldset,
  Grid,
  Group,
  NumberInput,
  Paper,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { toProblem, type Problem } from '../../api/errors';
import { ProblemAlert } from '../../components/ProblemAlert';
import type { SustainmentPlanFieldsFragment, TeamResultsFragment } from '../../gql/graphql';
import { useFormat } from '../../lib/format';
import { useTeamLabels } from '../teams/labels';
import { toNumberOrNull } from '../teams/teams';
import { ReportCheckpointMutation } from './documents';
import { useResultsLabels } from './labels';
import { READABLE } from './ResultBadges';
import { CHECKPOINT_COLORS } from './results';
import { DateField } from '../../components/DateField';

type Team = TeamResultsFragment;
type Plan = SustainmentPlanFieldsFragment;
type Checkpoint = Plan['checkpoints'][number];

interface Row {
  kpiId: string;
  value: number | string;
  asOf: string;
  evidence: string;
}

/** The owner agency's focal point reports every kept KPI at a checkpoint: value, as-of date, evidence, and a note. */
function CheckpointForm({
  team,
  plan,
  checkpoint,
  today,
  onReload,
}: {
  team: Team;
  plan: Plan;
  checkpoint: Checkpoint;
  today: string;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useTeamLabels();
  const [report, reporting] = useMutation(ReportCheckpointMutation);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [rows, setRows] = useState<Row[]>(() =>
    plan.kpis.map((k) => ({ kpiId: k.kpiId, value: '', asOf: today, evidence: '' })),
  );
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const setRow = (i: number, change: Partial<Row>) =>
    setRows((all) => all.map((r, j) => (j === i ? { ...r, ...change } : r)));

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setProblem(null);
    setErrors({});
    const empty = rows.flatMap((r, i) => (toNumberOrNull(r.value) === null ? [`values.${i}.value`] : []));
    if (empty.length > 0) {
      setErrors(Object.fromEntries(empty.map((f) => [f, t('form.required')])));
      return;
    }
    try {
      await report({
        variables: {
          input: {
            teamId: team.id,
            index: checkpoint.index,
            note: note.trim(),
            values: rows.map((r) => ({
              kpiId: r.kpiId,
              value: toNumberOrNull(r.value) ?? 0,
              asOf: r.asOf,
              evidence: r.evidence.trim(),
            })),
          },
        },
      });
      notifications.show({ color: 'teal', message: t('results.checkpoints.reported') });
      await onReload();
    } catch (error) {
      const found = toProblem(error, t);
      setErrors(found.fields);
      setProblem(found);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid={`checkpoint-form-${checkpoint.index}`}>
      <Stack gap="sm">
        {plan.kpis.map((k, i) => (
          <Fieldset key={k.kpiId} legend={<bdi>{format.name(k)}</bdi>} radius="md">
            <Text size="xs" c="dimmed" mb={4}>
              {t('results.report.baseline', { value: labels.value(k.unit, k.baseline) })}
              {' · '}
              {t('results.report.target', { value: labels.value(k.unit, k.target) })}
            </Text>
            <Grid gap="sm">
              <Grid.Col span={{ base: 12, sm: 3 }}>
                <NumberInput
                  label={t('results.checkpoints.value')}
                  value={rows[i]?.value ?? ''}
                  onChange={(v) => setRow(i, { value: v })}
                  error={errors[`values.${i}.value`]}
                  decimalScale={4}
                  required
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 3 }}>
                <DateField
                  label={t('results.report.asOf')}
                  value={rows[i]?.asOf ?? ''}
                  max={today}
                  onChange={(asOf) => setRow(i, { asOf })}
                  error={errors[`values.${i}.asOf`]}
                  required
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <TextInput
                  label={t('results.report.evidence')}
                  description={t('results.report.evidenceHint')}
                  value={rows[i]?.evidence ?? ''}
                  onChange={(e) => setRow(i, { evidence: e.currentTarget.value })}
                  error={errors[`values.${i}.evidence`]}
                  dir="auto"
                  required
                />
              </Grid.Col>
            </Grid>
          </Fieldset>
        ))}
        <Textarea
          label={t('results.checkpoints.note')}
          autosize
          minRows={2}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={errors.note}
          dir="auto"
        />
        <ProblemAlert problem={problem} onReload={() => void onReload()} title={t('results.checkpoints.failed')} />
        <Group justify="flex-end">
          <Button type="submit" loading={reporting.loading} leftSection={<IconSend size={18} aria-hidden />}>
            {t('results.checkpoints.submit', { day: format.number(checkpoint.day) })}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The plan's checkpoints by the cohort calendar: their state, the reports in, and the form for those open. */
export function CheckpointsSection({
  team,
  plan,
  timeZone,
  today,
  onReload,
}: {
  team: Team;
  plan: Plan;
  timeZone: string | undefined;
  today: string;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useTeamLabels();
  const results = useResultsLabels();
  const mayReport = plan.permittedActions.includes('REPORT_CHECKPOINT');
  const names = new Map(plan.kpis.map((k) => [k.kpiId, k]));
  const reporter = (id: string) => team.members.find((m) => m.userId === id)?.user;
  return (
    <Stack gap="md">
      {plan.checkpoints.map((c) => {
        // The server says where each checkpoint stands; one not reported is open to a report from its reminder on.
        const open = mayReport && !c.report && c.state !== 'UPCOMING';
        const who = c.report ? reporter(c.report.reportedById) : undefined;
        return (
          <Paper withBorder radius="md" p="md" key={c.index} data-testid={`checkpoint-${c.index}`} data-state={c.state}>
            <Stack gap="sm">
              <Group justify="space-between" gap="sm">
                <Text fw={700}>{t('results.checkpoints.title', { day: format.number(c.day) })}</Text>
                <Group gap="xs">
                  <Badge color={CHECKPOINT_COLORS[c.state]} variant="light" tt="none" styles={READABLE}>
                    {results.checkpointState(c.state)}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    {t('results.checkpoints.due', { date: format.dateTime(c.dueAt, timeZone) })}
                  </Text>
                </Group>
              </Group>
              {c.report ? (
                <Stack gap={4}>
                  <Text size="xs" c="dimmed">
                    {t('results.checkpoints.reportedOn', {
                      date: format.dateTime(c.report.reportedAt, timeZone),
                      name: who ? format.name(who) : t('results.checkpoints.ownerAgency'),
                    })}
                  </Text>
                  {c.report.values.map((v) => {
                    const k = names.get(v.kpiId);
                    return (
                      <Text size="sm" key={v.kpiId}>
                        <bdi>{k ? format.name(k) : '—'}</bdi>
                        {': '}
                        <Text span fw={700}>
                          {labels.value(k?.unit ?? 'NUMBER', v.value)}
                        </Text>
                        <Text span size="xs" c="dimmed">
                          {' · '}
                          {format.localDate(v.asOf)}
                          {' · '}
                          <bdi>{v.evidence}</bdi>
                        </Text>
                      </Text>
                    );
                  })}
                  {c.report.note ? (
                    <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-line' }}>
                      {c.report.note}
                    </Text>
                  ) : null}
                </Stack>
              ) : null}
              {open ? (
                <CheckpointForm team={team} plan={plan} checkpoint={c} today={today} onReload={onReload} />
              ) : null}
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}
