import { useMutation } from '@apollo/client/react';
import {
  Alert,
  Button,
  Fieldset,
  Grid,
  Group,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconLock } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ScrollRegion } from './ScrollRegion';

import { toProblem, type Problem } from '../../api/errors';
import { ProblemAlert } from '../../components/ProblemAlert';
import type { TeamResultsFragment } from '../../gql/graphql';
import { useFormat } from '../../lib/format';
import { useTeamLabels } from '../teams/labels';
import { mayOn, toNumberOrNull } from '../teams/teams';
import { SaveFinalReportMutation } from './documents';
import { DateField } from '../../components/DateField';

type Team = TeamResultsFragment;
type Kpi = Team['goals'][number]['kpis'][number];

interface Row {
  kpiId: string;
  value: number | string;
  asOf: string;
  evidence: string;
}

/** Baseline, original and current target of a KPI, side by side. */
function KpiTargets({ kpi }: { kpi: Kpi }) {
  const { t } = useTranslation();
  const labels = useTeamLabels();
  const moved = kpi.originalTarget !== null && kpi.originalTarget !== kpi.target;
  return (
    <Text size="xs" c="dimmed">
      {t('results.report.baseline', { value: labels.value(kpi.unit, kpi.baseline) })}
      {' · '}
      {moved
        ? t('results.report.originalTarget', { value: labels.value(kpi.unit, kpi.originalTarget!) }) + ' · '
        : null}
      {t('results.report.target', { value: labels.value(kpi.unit, kpi.target) })}
      {' · '}
      {labels.direction(kpi.direction)}
    </Text>
  );
}

/** The report as submitted (or as drafted, for those who may read but not write it). */
function ReportView({ team }: { team: Team }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useTeamLabels();
  const report = team.finalReport!;
  const values = new Map(report.values.map((v) => [v.kpiId, v]));
  const kpis = team.goals.flatMap((g) => g.kpis);
  const texts = [
    ['narrative', report.narrative],
    ['lessons', report.lessons],
    ['scaling', report.scaling],
  ] as const;
  return (
    <Stack gap="md" data-testid="final-report-view">
      {report.submittedAt ? (
        <Alert color="grape" variant="light" icon={<IconLock size={20} aria-hidden />}>
          {t('results.report.submittedOn', { date: format.dateTime(report.submittedAt, team.cohort.timeZone) })}
        </Alert>
      ) : (
        <Text size="sm" c="dimmed">
          {t('results.report.draftOn', {
            date: format.dateTime(report.updatedAt, team.cohort.timeZone),
            version: format.number(report.version),
          })}
        </Text>
      )}
      <ScrollRegion minWidth={640}>
        <Table verticalSpacing="xs" striped withTableBorder>
          <Table.Caption className="visually-hidden">{t('results.report.valuesCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('results.report.kpi')}</Table.Th>
              <Table.Th scope="col">{t('results.report.colBaseline')}</Table.Th>
              <Table.Th scope="col">{t('results.report.colOriginal')}</Table.Th>
              <Table.Th scope="col">{t('results.report.colTarget')}</Table.Th>
              <Table.Th scope="col">{t('results.report.colFinal')}</Table.Th>
              <Table.Th scope="col">{t('results.report.asOf')}</Table.Th>
              <Table.Th scope="col">{t('results.report.evidence')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {kpis.map((kpi) => {
              const v = values.get(kpi.id);
              return (
                <Table.Tr key={kpi.id}>
                  <Table.Td>
                    <bdi>{format.name(kpi)}</bdi>
                  </Table.Td>
                  <Table.Td>{labels.value(kpi.unit, kpi.baseline)}</Table.Td>
                  <Table.Td>{labels.value(kpi.unit, kpi.originalTarget ?? kpi.target)}</Table.Td>
                  <Table.Td>{labels.value(kpi.unit, kpi.target)}</Table.Td>
                  <Table.Td fw={700}>{v ? labels.value(kpi.unit, v.value) : '—'}</Table.Td>
                  <Table.Td>{v ? format.localDate(v.asOf) : '—'}</Table.Td>
                  <Table.Td>
                    <Text size="sm" dir="auto">
                      {v?.evidence ?? ''}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
      {texts.map(([key, text]) =>
        text ? (
          <Stack gap={2} key={key}>
            <Text size="sm" fw={700}>
              {t(`results.report.${key}`)}
            </Text>
            <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-line' }}>
              {text}
            </Text>
          </Stack>
        ) : null,
      )}
    </Stack>
  );
}

/**
 * The day-100 report (تقرير اليوم المئة): every KPI's final value with its as-of date and evidence,
 * beside its baseline and targets; narrative, lessons and what to scale. The team leader saves
 * drafts (each save on the version read: a stale one is refused as a conflict) until they submit.
 */
export function FinalReportSection({
  team,
  today,
  onReload,
}: {
  team: Team;
  today: string;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [save, saving] = useMutation(SaveFinalReportMutation);
  const [problem, setProblem] = useState<Problem | null>(null);
  const report = team.finalReport ?? null;
  const kpis = useMemo(() => team.goals.flatMap((g) => g.kpis), [team.goals]);
  const initial = useMemo(() => {
    const before = new Map((report?.values ?? []).map((v) => [v.kpiId, v]));
    return {
      rows: kpis.map<Row>((k) => {
        const v = before.get(k.id);
        return { kpiId: k.id, value: v ? v.value : '', asOf: v ? v.asOf : today, evidence: v ? v.evidence : '' };
      }),
      narrative: report?.narrative ?? '',
      lessons: report?.lessons ?? '',
      scaling: report?.scaling ?? '',
    };
  }, [kpis, report, today]);
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});

  if (!mayOn(team, 'WRITE_FINAL_REPORT')) {
    return report ? (
      <ReportView team={team} />
    ) : (
      <Text size="sm" c="dimmed">
        {t('results.report.none')}
      </Text>
    );
  }

  const setRow = (i: number, change: Partial<Row>) =>
    setValues((v) => ({ ...v, rows: v.rows.map((r, j) => (j === i ? { ...r, ...change } : r)) }));

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setProblem(null);
    setErrors({});
    // A draft may leave values out: only the rows with a value are sent.
    const rows = values.rows.filter((r) => toNumberOrNull(r.value) !== null);
    try {
      await save({
        variables: {
          input: {
            teamId: team.id,
            // The version read: a save over someone else's is refused as a conflict.
            version: report?.version ?? null,
            values: rows.map((r) => ({
              kpiId: r.kpiId,
              value: toNumberOrNull(r.value) ?? 0,
              asOf: r.asOf,
              evidence: r.evidence.trim(),
            })),
            narrative: values.narrative.trim(),
            lessons: values.lessons.trim(),
            scaling: values.scaling.trim(),
          },
        },
      });
      notifications.show({ color: 'teal', message: t('results.report.saved') });
      await onReload();
    } catch (error) {
      const found = toProblem(error, t);
      // The server's `values.N.field` are the rows sent; map them back to the rows on screen.
      const placed: Record<string, string> = {};
      for (const [field, message] of Object.entries(found.fields)) {
        const m = /^values\.(\d+)\.(value|asOf|evidence)$/.exec(field);
        const row = m ? rows[Number(m[1])] : undefined;
        if (m && row) placed[`${values.rows.indexOf(row)}.${m[2]}`] = message;
        else if (field in values) placed[field] = message;
      }
      setErrors(placed);
      setProblem(found);
    }
  };

  const reload = async () => {
    await onReload();
    setProblem(null);
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="final-report-form">
      <Stack gap="md">
        {report ? (
          <Text size="sm" c="dimmed">
            {t('results.report.draftOn', {
              date: format.dateTime(report.updatedAt, team.cohort.timeZone),
              version: format.number(report.version),
            })}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t('results.report.intro')}
          </Text>
        )}
        {kpis.map((kpi, i) => (
          <Fieldset key={kpi.id} legend={<bdi>{format.name(kpi)}</bdi>} radius="md" data-testid={`final-value-${i}`}>
            <Stack gap="xs">
              <KpiTargets kpi={kpi} />
              <Grid gap="sm">
                <Grid.Col span={{ base: 12, sm: 3 }}>
                  <NumberInput
                    label={t('results.report.finalValue')}
                    value={values.rows[i]?.value ?? ''}
                    onChange={(v) => setRow(i, { value: v })}
                    error={errors[`${i}.value`]}
                    decimalScale={4}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 3 }}>
                  <DateField
                    label={t('results.report.asOf')}
                    value={values.rows[i]?.asOf ?? ''}
                    max={today}
                    onChange={(asOf) => setRow(i, { asOf })}
                    error={errors[`${i}.asOf`]}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <TextInput
                    label={t('results.report.evidence')}
                    description={t('results.report.evidenceHint')}
                    value={values.rows[i]?.evidence ?? ''}
                    onChange={(e) => setRow(i, { evidence: e.currentTarget.value })}
                    error={errors[`${i}.evidence`]}
                    dir="auto"
                  />
                </Grid.Col>
              </Grid>
            </Stack>
          </Fieldset>
        ))}
        <Textarea
          label={t('results.report.narrative')}
          autosize
          minRows={3}
          value={values.narrative}
          onChange={(e) => {
            const text = e.currentTarget.value;
            setValues((v) => ({ ...v, narrative: text }));
          }}
          error={errors.narrative}
          dir="auto"
        />
        <Textarea
          label={t('results.report.lessons')}
          autosize
          minRows={2}
          value={values.lessons}
          onChange={(e) => {
            const text = e.currentTarget.value;
            setValues((v) => ({ ...v, lessons: text }));
          }}
          error={errors.lessons}
          dir="auto"
        />
        <Textarea
          label={t('results.report.scaling')}
          autosize
          minRows={2}
          value={values.scaling}
          onChange={(e) => {
            const text = e.currentTarget.value;
            setValues((v) => ({ ...v, scaling: text }));
          }}
          error={errors.scaling}
          dir="auto"
        />
        <ProblemAlert problem={problem} onReload={() => void reload()} title={t('results.report.saveFailed')} />
        <Group justify="flex-end">
          <Button type="submit" loading={saving.loading} leftSection={<IconDeviceFloppy size={18} aria-hidden />}>
            {t('results.report.saveDraft')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
