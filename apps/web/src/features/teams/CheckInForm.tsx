import { useMutation } from '@apollo/client/react';
import {
  Alert,
  Button,
  Divider,
  Fieldset,
  Grid,
  Group,
  NumberInput,
  Radio,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  CHECK_IN_EVIDENCE_MAX,
  CHECK_IN_TEXT_MAX,
  checkInProblems,
  KPI_VALUE_MAX,
  type CheckInProblem,
} from '@hundred/domain';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconInfoCircle, IconSend } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { toProblem, type Problem } from '../../api/errors';
import { ProblemAlert } from '../../components/ProblemAlert';
import type {
  CheckInFieldsFragment,
  Confidence,
  KpiFieldsFragment,
  TeamCohortFragment,
  TeamDetailFragment,
} from '../../gql/graphql';
import { useFormat } from '../../lib/format';
import { focusFirstInvalid } from '../../lib/forms';
import { CorrectCheckInMutation, SubmitCheckInMutation } from './documents';
import { useTeamLabels } from './labels';
import { CONFIDENCES, currentWeekOf, isConfidence, localDateIn, toNumberOrNull } from './teams';
import { DateField } from '../../components/DateField';

type Team = TeamDetailFragment;
type CheckIn = CheckInFieldsFragment;
type Kpi = KpiFieldsFragment;

interface Row {
  kpiId: string;
  value: number | string;
  asOf: string;
  evidence: string;
}

interface Values {
  week: string;
  values: Row[];
  narrative: string;
  blockers: string;
  helpNeeded: string;
  confidence: string;
  reason: string;
}

const VALUE_FIELD = /^values\.(\d+)\.(kpiId|value|asOf|evidence)$/;

/**
 * The weekly check-in: a value per KPI with its as-of date and evidence, the narrative, blockers,
 * help needed from leadership (the sponsor is told) and confidence. With `correcting`, the same
 * form corrects an earlier check-in: pre-filled, with a required reason; the correction supersedes it.
 */
export function CheckInForm({
  team,
  cohort,
  now,
  correcting = null,
  onDone,
  onCancel,
  onReload,
}: {
  team: Team;
  cohort: TeamCohortFragment;
  now: string;
  correcting?: CheckIn | null;
  /** The KPI of each value of a check-in, where it can be told. */
  onDone: () => void;
  onCancel?: () => void;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useTeamLabels();
  const [submitCheckIn, submitting] = useMutation(SubmitCheckInMutation);
  const [correctCheckIn, correctingState] = useMutation(CorrectCheckInMutation);
  const [problem, setProblem] = useState<Problem | null>(null);
  const sending = submitting.loading || correctingState.loading;
  const tz = cohort.timeZone;
  const today = localDateIn(now, tz);
  const kpis = useMemo<Kpi[]>(() => team.goals.flatMap((g) => g.kpis), [team.goals]);
  const currentWeek = currentWeekOf(team.weeks, now);
  const sponsor = team.members.find((m) => m.role === 'SPONSOR');

  const initialValues = useMemo<Values>(() => {
    const previous = new Map<string, CheckIn['values'][number]>();
    for (const v of correcting?.values ?? []) previous.set(v.kpiId, v);
    return {
      week: String(correcting?.week ?? currentWeek ?? 1),
      values: kpis.map((kpi) => {
        const before = previous.get(kpi.id);
        return {
          kpiId: kpi.id,
          value: before ? before.value : '',
          asOf: before ? before.asOf : today,
          evidence: before ? before.evidence : '',
        };
      }),
      narrative: correcting?.narrative ?? '',
      blockers: correcting?.blockers ?? '',
      helpNeeded: correcting?.helpNeeded ?? '',
      confidence: correcting?.confidence ?? '',
      reason: '',
    };
  }, [correcting, kpis, today, currentWeek]);

  const percentKpis = useMemo(() => new Set(kpis.filter((k) => k.unit === 'PERCENT').map((k) => k.id)), [kpis]);
  /** The rows with a value, as they are sent, and the check-in they make. */
  const draftOf = (values: Values) => {
    const rows = values.values
      .map((row, index) => ({ row, index }))
      .filter(({ row }) => toNumberOrNull(row.value) !== null);
    const draft = {
      values: rows.map(({ row }) => ({
        value: toNumberOrNull(row.value) ?? 0,
        asOf: row.asOf,
        evidence: row.evidence.trim(),
        percent: percentKpis.has(row.kpiId),
      })),
      narrative: values.narrative.trim(),
      blockers: values.blockers.trim(),
      helpNeeded: values.helpNeeded.trim(),
      confidence: values.confidence || null,
      reason: correcting ? values.reason.trim() : undefined,
    };
    return { rows, draft };
  };
  const messageOf = (problem: CheckInProblem, field: string): string => {
    switch (problem) {
      case 'required':
        return t('form.required');
      case 'atLeastOne':
      case 'tooMany':
        return t('teams.checkIn.atLeastOne');
      case 'inFuture':
        return t('teams.checkIn.asOfFuture');
      case 'negative':
        return t('form.negative');
      case 'tooLarge':
        return t('form.tooLarge', { max: format.number(KPI_VALUE_MAX) });
      case 'overHundred':
        return t('form.overHundred');
      case 'tooLong':
        return t('form.tooLong', {
          max: format.number(/evidence$|^reason$/.test(field) ? CHECK_IN_EVIDENCE_MAX : CHECK_IN_TEXT_MAX),
        });
    }
  };

  const form = useForm<Values>({
    initialValues,
    // Every problem at once, by the rule the server applies (libs/domain), each under its own field:
    // the N-th value sent is the row it came from.
    validate: (values) => {
      const { rows, draft } = draftOf(values);
      const errors: Record<string, string> = {};
      for (const [field, problem] of Object.entries(checkInProblems(draft, today))) {
        const match = VALUE_FIELD.exec(field);
        if (field === 'values') errors['values.0.value'] = messageOf(problem, field);
        else if (match) errors[`values.${rows[Number(match[1])]!.index}.${match[2]}`] = messageOf(problem, field);
        else errors[field] = messageOf(problem, field);
      }
      return errors;
    },
  });

  const week = Number(form.getValues().week);
  const weekInfo = team.weeks.find((w) => w.week === week) ?? null;
  const late = !correcting && weekInfo !== null && Date.parse(weekInfo.dueAt) < Date.parse(now);
  const weekOptions = team.weeks
    .filter((w) => currentWeek !== null && w.week <= currentWeek)
    .reverse()
    .map((w) => ({
      value: String(w.week),
      label: t('teams.checkIn.weekOption', {
        week: labels.week(w.week),
        date: format.dateTime(w.dueAt, tz),
      }),
    }));

  const submit = form.onSubmit(async (values, event) => {
    const formElement = event?.currentTarget;
    setProblem(null);
    // Rows left empty are not sent; the server's `values.N` are mapped back to the rows on screen.
    const { rows } = draftOf(values);
    const sent = rows.map(({ row }) => ({
      kpiId: row.kpiId,
      value: toNumberOrNull(row.value) ?? 0,
      asOf: row.asOf,
      evidence: row.evidence.trim(),
    }));
    if (!isConfidence(values.confidence)) return;
    const common = {
      values: sent,
      narrative: values.narrative.trim(),
      blockers: values.blockers.trim(),
      helpNeeded: values.helpNeeded.trim(),
      confidence: values.confidence satisfies Confidence,
    };
    try {
      if (correcting) {
        await correctCheckIn({
          variables: { input: { ...common, supersedesId: correcting.id, reason: values.reason.trim() } },
        });
      } else {
        await submitCheckIn({
          variables: {
            input: {
              ...common,
              teamId: team.id,
              week: Number(values.week) === currentWeek ? null : Number(values.week),
            },
          },
        });
      }
      notifications.show({
        color: 'teal',
        message: correcting ? t('teams.checkIn.corrected') : t('teams.checkIn.sent'),
      });
      form.reset();
      await onReload();
      onDone();
    } catch (error) {
      const found = toProblem(error, t);
      const errors: Record<string, string> = {};
      const rest: string[] = [];
      for (const [field, message] of Object.entries(found.fields)) {
        const match = VALUE_FIELD.exec(field);
        if (match) {
          const row = rows[Number(match[1])];
          const target = match[2] === 'kpiId' ? 'value' : match[2];
          if (row) errors[`values.${row.index}.${target}`] = message;
          else rest.push(message);
        } else if (['narrative', 'blockers', 'helpNeeded', 'confidence', 'reason', 'week'].includes(field)) {
          errors[field] = message;
        } else rest.push(message);
      }
      form.setErrors(errors);
      // The server's messages land on the same fields, and the first takes the focus.
      window.setTimeout(() => formElement && focusFirstInvalid(formElement), 0);
      if (Object.keys(errors).length === 0 || rest.length > 0) {
        setProblem(rest.length > 0 && Object.keys(errors).length > 0 ? { ...found, message: rest.join(' ') } : found);
      }
    }
  });

  return (
    <form onSubmit={submit} noValidate data-testid={correcting ? 'correction-form' : 'check-in-form'}>
      <Stack gap="md">
        {correcting ? (
          <>
            <Alert variant="light" color="blue" icon={<IconInfoCircle size={20} aria-hidden />}>
              {t('teams.checkIn.correctingNote', {
                week: labels.week(correcting.week),
                date: format.dateTime(correcting.submittedAt, tz),
              })}
            </Alert>
            <Textarea
              label={t('teams.checkIn.reason')}
              description={t('teams.checkIn.reasonHint')}
              required
              autosize
              minRows={2}
              maxLength={2000}
              data-autofocus
              {...form.getInputProps('reason')}
            />
          </>
        ) : (
          <Stack gap="xs">
            <Select
              label={t('teams.checkIn.week')}
              data={weekOptions}
              allowDeselect={false}
              required
              {...form.getInputProps('week')}
            />
            {late ? (
              <Alert
                variant="light"
                color="orange"
                icon={<IconAlertTriangle size={20} aria-hidden />}
                data-testid="late-warning"
              >
                {t('teams.checkIn.lateWarning', { date: format.dateTime(weekInfo!.dueAt, tz) })}
              </Alert>
            ) : null}
          </Stack>
        )}

        <Stack gap="sm">
          <Text fw={600} size="sm">
            {t('teams.checkIn.valuesTitle')}
          </Text>
          <Text size="xs" c="dimmed" mt={-8}>
            {t('teams.checkIn.valuesHint')}
          </Text>
          {kpis.map((kpi, index) => {
            const percent = kpi.unit === 'PERCENT';
            return (
              <Fieldset
                key={kpi.id}
                legend={format.name(kpi)}
                radius="md"
                variant="filled"
                data-testid={`check-in-kpi-${kpi.id}`}
                styles={{ legend: { fontWeight: 600, fontSize: 'var(--mantine-font-size-sm)' } }}
              >
                <Text size="xs" c="dimmed" mb="xs">
                  {t('teams.checkIn.kpiFacts', {
                    unit: labels.unit(kpi.unit),
                    baseline: labels.value(kpi.unit, kpi.baseline),
                    target: labels.value(kpi.unit, kpi.target),
                  })}
                  {kpi.latestValue
                    ? ` · ${t('teams.checkIn.lastValue', {
                        value: labels.value(kpi.unit, kpi.latestValue.value),
                        date: format.localDate(kpi.latestValue.asOf),
                      })}`
                    : ''}
                </Text>
                <Grid gap="sm">
                  <Grid.Col span={{ base: 12, sm: 3 }}>
                    <NumberInput
                      label={t('teams.checkIn.value')}
                      min={0}
                      max={percent ? 100 : undefined}
                      decimalScale={4}
                      thousandSeparator=","
                      rightSection={percent ? <Text size="sm">%</Text> : undefined}
                      {...form.getInputProps(`values.${index}.value`)}
                    />
                  </Grid.Col>
                  <Grid.Col span={{ base: 12, sm: 3 }}>
                    <DateField
                      label={t('teams.checkIn.asOf')}
                      max={today}
                      {...form.getInputProps(`values.${index}.asOf`)}
                    />
                  </Grid.Col>
                  <Grid.Col span={{ base: 12, sm: 6 }}>
                    <TextInput
                      label={t('teams.checkIn.evidence')}
                      placeholder={t('teams.checkIn.evidencePlaceholder')}
                      maxLength={2000}
                      {...form.getInputProps(`values.${index}.evidence`)}
                    />
                  </Grid.Col>
                </Grid>
              </Fieldset>
            );
          })}
        </Stack>

        <Textarea
          label={t('teams.checkIn.narrative')}
          description={t('teams.checkIn.narrativeHint')}
          required
          autosize
          minRows={3}
          maxLength={5000}
          {...form.getInputProps('narrative')}
        />
        <Textarea
          label={t('teams.checkIn.blockers')}
          autosize
          minRows={2}
          maxLength={5000}
          {...form.getInputProps('blockers')}
        />
        <Textarea
          label={t('teams.checkIn.helpNeeded')}
          description={
            sponsor
              ? t('teams.checkIn.helpNeededHintNamed', { name: format.name(sponsor.user) })
              : t('teams.checkIn.helpNeededHint')
          }
          autosize
          minRows={2}
          maxLength={5000}
          {...form.getInputProps('helpNeeded')}
        />
        <Radio.Group
          label={t('teams.checkIn.confidence')}
          description={t('teams.checkIn.confidenceHint')}
          required
          {...form.getInputProps('confidence')}
        >
          <Group gap="lg" mt="xs">
            {CONFIDENCES.map((c) => (
              <Radio key={c} value={c} label={labels.confidence(c)} />
            ))}
          </Group>
        </Radio.Group>

        <ProblemAlert problem={problem} onReload={() => void onReload()} />
        <Divider />
        <Group justify="flex-end" gap="sm">
          {onCancel ? (
            <Button variant="default" onClick={onCancel} disabled={sending}>
              {t('form.cancel')}
            </Button>
          ) : null}
          <Button type="submit" loading={sending} leftSection={<IconSend size={18} aria-hidden />}>
            {correcting ? t('teams.checkIn.sendCorrection') : t('teams.checkIn.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
