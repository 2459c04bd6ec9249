import { useMutation, useQuery } from '@apollo/client/react';
import {
  Accordion,
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { can, DEFAULT_OFFSETS, type CalendarOffsets } from '@hundred/domain';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';

import { toProblem, type Problem } from '../../api/errors';
import { BackLink } from '../../components/BackLink';
import { BilingualTextInputs } from '../../components/BilingualTextInputs';
import { EditableList } from '../../components/EditableList';
import { PageHeader, useDocumentTitle } from '../../components/PageHeader';
import { ForbiddenState, LoadError, PageLoader } from '../../components/PageState';
import { ProblemAlert } from '../../components/ProblemAlert';
import type { CohortDetailFragment } from '../../gql/graphql';
import { useFormat } from '../../lib/format';
import { applyNestedProblem, required } from '../../lib/forms';
import { useSession } from '../../session/session';
import {
  criterionKey,
  DEFAULT_RUBRIC,
  DEFAULT_TIME_ZONE,
  DEFAULT_WEEKEND,
  timeZones,
  weekdaysInOrder,
} from './cohorts';
import { CohortQuery, CreateCohortMutation, UpdateCohortMutation } from './documents';
import { useCohortLabels } from './labels';

type Cohort = CohortDetailFragment;
type NumberValue = number | string;

/** Offsets counted as days of the cohort (negative before day 1, never 0), in calendar order. */
const PHASE_DAYS = [
  'intakeOpens',
  'intakeCloses',
  'selectionEnds',
  'goalsDue',
  'launch',
  'midpointOpens',
  'assessmentsDue',
  'midpointCloses',
  'results',
  'finalReportDue',
  'sustainmentStarts',
] as const;
/** Offsets counted in calendar days before a deadline. */
const REMINDER_DAYS = [
  'intakeCloseReminderDays',
  'goalsReminderDays',
  'launchReminderDays',
  'assessmentReminderDays',
  'finalReportReminderDays',
  'checkpointReminderDays',
] as const;
/** Offsets counted in working days. */
const WORKING_DAYS = [
  'screeningWorkingDays',
  'screeningReminderWorkingDays',
  'screeningEscalationWorkingDays',
  'decisionWorkingDays',
  'decisionReminderWorkingDays',
] as const;
type CountKey = (typeof PHASE_DAYS)[number] | (typeof REMINDER_DAYS)[number] | (typeof WORKING_DAYS)[number];

type OffsetValues = Record<CountKey | 'closeAfterLastCheckpointDays', NumberValue> & {
  checkInWeekday: string;
  checkInTime: string;
  checkpoints: NumberValue[];
};

interface CohortFormValues {
  nameAr: string;
  nameEn: string;
  day1: string;
  timeZone: string;
  weekendDays: string[];
  holidays: string[];
  offsets: OffsetValues;
  rubric: { key: string; nameAr: string; nameEn: string }[];
  /** Percentages on screen; fractions on the server. */
  ragThresholds: { green: NumberValue; amber: NumberValue; staleDays: NumberValue };
  minReviewers: NumberValue;
  approvalsRequired: NumberValue;
  minTeamMembers: NumberValue;
  minTeamAgencies: NumberValue;
}

type Form = UseFormReturnType<CohortFormValues>;
type Panel = 'calendar' | 'rubric' | 'rules';

function offsetValues(offsets: CalendarOffsets | Cohort['offsets']): OffsetValues {
  const counts = Object.fromEntries(
    [...PHASE_DAYS, ...REMINDER_DAYS, ...WORKING_DAYS, 'closeAfterLastCheckpointDays' as const].map((key) => [
      key,
      offsets[key],
    ]),
  ) as Record<CountKey | 'closeAfterLastCheckpointDays', number>;
  return {
    ...counts,
    checkInWeekday: String(offsets.checkInWeekday),
    checkInTime: offsets.checkInTime,
    checkpoints: [...offsets.checkpoints],
  };
}

const percent = (fraction: number) => Math.round(fraction * 1000) / 10;

function valuesOf(cohort: Cohort | null): CohortFormValues {
  if (!cohort) {
    return {
      nameAr: '',
      nameEn: '',
      day1: '',
      timeZone: DEFAULT_TIME_ZONE,
      weekendDays: DEFAULT_WEEKEND.map(String),
      holidays: [],
      offsets: offsetValues(DEFAULT_OFFSETS),
      rubric: DEFAULT_RUBRIC.map((c) => ({ ...c })),
      ragThresholds: { green: 90, amber: 60, staleDays: 14 },
      minReviewers: 2,
      approvalsRequired: 1,
      minTeamMembers: 3,
      minTeamAgencies: 2,
    };
  }
  return {
    nameAr: cohort.nameAr,
    nameEn: cohort.nameEn,
    day1: cohort.day1,
    timeZone: cohort.timeZone,
    weekendDays: cohort.weekendDays.map(String),
    holidays: [...cohort.holidays],
    offsets: offsetValues(cohort.offsets),
    rubric: cohort.rubric.map(({ key, nameAr, nameEn }) => ({ key, nameAr, nameEn })),
    ragThresholds: {
      green: percent(cohort.ragThresholds.green),
      amber: percent(cohort.ragThresholds.amber),
      staleDays: cohort.ragThresholds.staleDays,
    },
    minReviewers: cohort.minReviewers,
    approvalsRequired: cohort.approvalsRequired,
    minTeamMembers: cohort.minTeamMembers,
    minTeamAgencies: cohort.minTeamAgencies,
  };
}

/** The date of day `n` of a cohort whose day 1 is `day1` (there is no day 0). */
function dateOfDay(day1: string, n: number): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day1)) return null;
  const ms = Date.parse(`${day1}T12:00:00Z`);
  if (Number.isNaN(ms)) return null;
  return new Date(ms + (n > 0 ? n - 1 : n) * 86_400_000).toISOString().slice(0, 10);
}

/** Which part of the form an error path belongs to, so its panel can be opened. */
function panelOf(path: string): Panel | null {
  if (path.startsWith('offsets')) return 'calendar';
  if (path.startsWith('rubric')) return 'rubric';
  if (/^(ragThresholds|minReviewers|approvalsRequired|minTeamMembers|minTeamAgencies)/.test(path)) return 'rules';
  return null;
}

function toNumber(value: NumberValue): number {
  return typeof value === 'number' ? value : Number(value);
}

function FieldGroup({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
      <Text component="legend" fw={700} size="sm" p={0} mb={6}>
        {title}
      </Text>
      {hint ? (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      ) : null}
      {children}
    </Stack>
  );
}

function BasicsSection({ form }: { form: Form }) {
  const { t } = useTranslation();
  const format = useFormat();
  const zones = timeZones();
  const values = form.getValues();
  const zoneOptions = zones.includes(values.timeZone) ? zones : [values.timeZone, ...zones];
  const intake = dateOfDay(values.day1, toNumber(values.offsets.intakeOpens) || DEFAULT_OFFSETS.intakeOpens);
  const results = dateOfDay(values.day1, toNumber(values.offsets.results) || DEFAULT_OFFSETS.results);
  const preview = intake !== null && results !== null;
  const day1Description = preview
    ? t('cohorts.form.day1Preview', { intake: format.localDate(intake), results: format.localDate(results) })
    : t('cohorts.form.day1Hint');
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="cohort-basics">
      <Title order={2} fz="h4" id="cohort-basics" mb="md">
        {t('cohorts.form.basics')}
      </Title>
      <Stack gap="md">
        <BilingualTextInputs
          ar={{
            label: t('fields.nameAr'),
            description: t('cohorts.form.nameArHint'),
            input: form.getInputProps('nameAr'),
          }}
          en={{
            label: t('fields.nameEn'),
            description: t('cohorts.form.nameEnHint'),
            input: form.getInputProps('nameEn'),
          }}
          autoComplete="off"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            type="date"
            label={t('cohorts.fields.day1Long')}
            description={day1Description}
            required
            {...form.getInputProps('day1')}
          />
          <Select
            label={t('cohorts.fields.timeZone')}
            description={t('cohorts.form.timeZoneHint')}
            required
            searchable
            allowDeselect={false}
            data={zoneOptions}
            nothingFoundMessage={t('form.nothingFound')}
            limit={80}
            {...form.getInputProps('timeZone')}
          />
        </SimpleGrid>
      </Stack>
    </Card>
  );
}

function WorkingDaysSection({ form }: { form: Form }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useCohortLabels();
  const holidays = form.getValues().holidays;
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="cohort-working-days">
      <Title order={2} fz="h4" id="cohort-working-days">
        {t('cohorts.form.workingDays')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('cohorts.form.workingDaysHint')}
      </Text>
      <Stack gap="lg">
        <Checkbox.Group label={t('cohorts.fields.weekendDays')} {...form.getInputProps('weekendDays')}>
          <Group gap="md" mt="xs" wrap="wrap">
            {weekdaysInOrder(format.language).map((day) => (
              <Checkbox key={day} value={String(day)} label={labels.weekday(day)} />
            ))}
          </Group>
        </Checkbox.Group>

        <FieldGroup title={t('cohorts.fields.holidays')} hint={t('cohorts.form.holidaysHint')}>
          <EditableList
            count={holidays.length}
            empty={t('cohorts.form.noHolidays')}
            renderRow={(index) => {
              const holiday = holidays[index] ?? '';
              return (
                <>
                  <TextInput
                    type="date"
                    aria-label={t('cohorts.form.holidayN', { number: format.number(index + 1) })}
                    style={{ flex: '0 1 14rem' }}
                    {...form.getInputProps(`holidays.${index}`)}
                  />
                  <Text size="sm" c="dimmed" pt={8} style={{ flex: 1 }}>
                    {holiday && /^\d{4}-\d{2}-\d{2}$/.test(holiday) ? format.localDate(holiday) : ''}
                  </Text>
                </>
              );
            }}
            removeTooltip={t('cohorts.form.removeHoliday')}
            removeLabel={(index) => t('cohorts.form.removeHolidayN', { number: format.number(index + 1) })}
            removeOffset={{}}
            onRemove={(index) => form.removeListItem('holidays', index)}
            error={typeof form.errors.holidays === 'string' ? form.errors.holidays : null}
            onAdd={() => form.insertListItem('holidays', '')}
            addLabel={t('cohorts.form.addHoliday')}
            max={100}
          />
        </FieldGroup>
      </Stack>
    </Card>
  );
}

function DayInput({
  form,
  name,
  negative = false,
}: {
  form: Form;
  name: CountKey | 'closeAfterLastCheckpointDays';
  negative?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <NumberInput
      label={t(`cohorts.offsets.${name}`)}
      allowDecimal={false}
      allowNegative={negative}
      min={negative ? -1000 : 0}
      max={negative ? 1000 : 365}
      required
      {...form.getInputProps(`offsets.${name}`)}
    />
  );
}

function CalendarPanel({ form }: { form: Form }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useCohortLabels();
  const checkpoints = form.getValues().offsets.checkpoints;
  return (
    <Stack gap="xl">
      <Alert variant="light" color="blue" icon={<IconInfoCircle size={20} aria-hidden />}>
        {t('cohorts.form.daysExplained')}
      </Alert>
      <FieldGroup title={t('cohorts.form.phaseDays')}>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
          {PHASE_DAYS.map((name) => (
            <DayInput key={name} form={form} name={name} negative />
          ))}
        </SimpleGrid>
      </FieldGroup>
      <FieldGroup title={t('cohorts.form.reminders')} hint={t('cohorts.form.remindersHint')}>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
          {REMINDER_DAYS.map((name) => (
            <DayInput key={name} form={form} name={name} />
          ))}
        </SimpleGrid>
      </FieldGroup>
      <FieldGroup title={t('cohorts.form.workingDayCounts')} hint={t('cohorts.form.workingDayCountsHint')}>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
          {WORKING_DAYS.map((name) => (
            <DayInput key={name} form={form} name={name} />
          ))}
        </SimpleGrid>
      </FieldGroup>
      <FieldGroup title={t('cohorts.form.checkIn')}>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
          <Select
            label={t('cohorts.offsets.checkInWeekday')}
            allowDeselect={false}
            required
            data={weekdaysInOrder(format.language).map((day) => ({ value: String(day), label: labels.weekday(day) }))}
            {...form.getInputProps('offsets.checkInWeekday')}
          />
          <TextInput
            type="time"
            label={t('cohorts.offsets.checkInTime')}
            required
            {...form.getInputProps('offsets.checkInTime')}
          />
        </SimpleGrid>
      </FieldGroup>
      <FieldGroup title={t('cohorts.form.sustainment')}>
        <EditableList
          count={checkpoints.length}
          renderRow={(index) => (
            <NumberInput
              label={t('cohorts.form.checkpointN', { number: format.number(index + 1) })}
              allowDecimal={false}
              allowNegative={false}
              min={1}
              max={1000}
              required
              style={{ flex: '0 1 14rem' }}
              {...form.getInputProps(`offsets.checkpoints.${index}`)}
            />
          )}
          align="flex-end"
          removeOffset={{ mb: 4 }}
          removeLabel={(index) => t('cohorts.form.removeCheckpointN', { number: format.number(index + 1) })}
          min={1}
          onRemove={(index) => form.removeListItem('offsets.checkpoints', index)}
          error={typeof form.errors['offsets.checkpoints'] === 'string' ? form.errors['offsets.checkpoints'] : null}
          onAdd={() => {
            const last = toNumber(checkpoints[checkpoints.length - 1] ?? 0) || 0;
            form.insertListItem('offsets.checkpoints', last > 0 ? last + 30 : '');
          }}
          addLabel={t('cohorts.form.addCheckpoint')}
          max={10}
        />
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md" mt="xs">
          <DayInput form={form} name="closeAfterLastCheckpointDays" />
        </SimpleGrid>
      </FieldGroup>
    </Stack>
  );
}

function RubricPanel({ form }: { form: Form }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rubric = form.getValues().rubric;
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('cohorts.form.rubricHint')}
      </Text>
      <EditableList
        gap="md"
        count={rubric.length}
        renderRow={(index) => (
          <BilingualTextInputs
            ar={{ label: t('fields.nameAr'), input: form.getInputProps(`rubric.${index}.nameAr`) }}
            en={{ label: t('fields.nameEn'), input: form.getInputProps(`rubric.${index}.nameEn`) }}
            autoComplete="off"
            spacing="sm"
            style={{ flex: 1 }}
          />
        )}
        wrapRow={(index, row) => (
          <Card withBorder radius="md" padding="sm" component="fieldset" style={{ margin: 0 }}>
            <Text component="legend" size="xs" fw={700} c="dimmed" px={4}>
              {t('cohorts.form.criterionN', { number: format.number(index + 1) })}
            </Text>
            {row}
          </Card>
        )}
        removeLabel={(index) => t('cohorts.form.removeCriterionN', { number: format.number(index + 1) })}
        min={1}
        onRemove={(index) => form.removeListItem('rubric', index)}
        error={typeof form.errors.rubric === 'string' ? form.errors.rubric : null}
        onAdd={() => form.insertListItem('rubric', { key: '', nameAr: '', nameEn: '' })}
        addLabel={t('cohorts.form.addCriterion')}
        max={10}
      />
    </Stack>
  );
}

function RulesPanel({ form }: { form: Form }) {
  const { t } = useTranslation();
  const whole = { allowDecimal: false, allowNegative: false, required: true } as const;
  // The least a review and a team need, each with its upper bound.
  const limits: {
    name: 'minReviewers' | 'approvalsRequired' | 'minTeamMembers' | 'minTeamAgencies';
    max: number;
    hint?: string;
  }[] = [
    { name: 'minReviewers', max: 10, hint: t('cohorts.form.minReviewersHint') },
    { name: 'approvalsRequired', max: 20, hint: t('cohorts.form.approvalsRequiredHint') },
    { name: 'minTeamMembers', max: 50 },
    { name: 'minTeamAgencies', max: 20 },
  ];
  return (
    <Stack gap="xl">
      <FieldGroup title={t('cohorts.form.rag')} hint={t('cohorts.form.ragHint')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <NumberInput
            label={t('cohorts.fields.ragGreen')}
            suffix="%"
            min={1}
            max={200}
            decimalScale={1}
            allowNegative={false}
            required
            {...form.getInputProps('ragThresholds.green')}
          />
          <NumberInput
            label={t('cohorts.fields.ragAmber')}
            suffix="%"
            min={0}
            max={200}
            decimalScale={1}
            allowNegative={false}
            required
            {...form.getInputProps('ragThresholds.amber')}
          />
          <NumberInput
            label={t('cohorts.fields.ragStaleDays')}
            min={1}
            max={365}
            {...whole}
            {...form.getInputProps('ragThresholds.staleDays')}
          />
        </SimpleGrid>
      </FieldGroup>
      <FieldGroup title={t('cohorts.form.reviewAndTeams')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {limits.map(({ name, max, hint }) => (
            <NumberInput
              key={name}
              label={t(`cohorts.fields.${name}`)}
              description={hint}
              min={1}
              max={max}
              {...whole}
              {...form.getInputProps(name)}
            />
          ))}
        </SimpleGrid>
      </FieldGroup>
    </Stack>
  );
}

/** Creates a cohort, or edits one with the version it was read at. */
function CohortForm({ cohort, reload }: { cohort: Cohort | null; reload: () => Promise<void> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const [createCohort, creating] = useMutation(CreateCohortMutation, { refetchQueries: ['Cohorts'] });
  const [updateCohort, updating] = useMutation(UpdateCohortMutation);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const [panels, setPanels] = useState<string[]>([]);
  const sending = creating.loading || updating.loading;

  const numberRule = (value: NumberValue) => (value === '' || value === null ? t('form.required') : null);
  const dayRule = (value: NumberValue) =>
    numberRule(value) ?? (toNumber(value) === 0 ? t('cohorts.form.noDayZero') : null);
  const form = useForm<CohortFormValues>({
    initialValues: valuesOf(cohort),
    validate: {
      nameAr: required(t),
      nameEn: required(t),
      day1: required(t),
      timeZone: required(t),
      offsets: {
        ...Object.fromEntries(PHASE_DAYS.map((key) => [key, dayRule])),
        ...Object.fromEntries(
          [...REMINDER_DAYS, ...WORKING_DAYS, 'closeAfterLastCheckpointDays'].map((key) => [key, numberRule]),
        ),
        checkInTime: required(t),
      },
      rubric: { nameAr: required(t), nameEn: required(t) },
      ragThresholds: { green: numberRule, amber: numberRule, staleDays: numberRule },
      minReviewers: numberRule,
      approvalsRequired: numberRule,
      minTeamMembers: numberRule,
      minTeamAgencies: numberRule,
    },
  });

  const openPanelsFor = (paths: string[]) => {
    const wanted = new Set(paths.map(panelOf).filter((p): p is Panel => p !== null));
    if (wanted.size > 0) setPanels((open) => [...new Set([...open, ...wanted])]);
  };
  // Once the panels holding them have opened, the first field in error takes the focus; with none,
  // the message at the top of the form scrolls into view.
  const revealErrors = (root: HTMLFormElement | null | undefined) => {
    window.setTimeout(() => {
      const invalid = root?.querySelector<HTMLElement>('[aria-invalid="true"]');
      if (invalid) {
        invalid.scrollIntoView({ block: 'center' });
        invalid.focus({ preventScroll: true });
      } else root?.querySelector('[role="alert"]')?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    }, 250);
  };

  const submit = form.onSubmit(
    async (values, event) => {
      // Read before the first await: React lets go of the event's target after dispatch.
      const formElement = (event as FormEvent<HTMLFormElement> | undefined)?.currentTarget;
      setProblem(null);
      setUnplaced([]);
      // Empty holiday rows are dropped first, so the server's `holidays.N` match the rows on screen.
      const holidays = values.holidays.filter((h) => h.trim() !== '');
      if (holidays.length !== values.holidays.length) form.setFieldValue('holidays', holidays);
      // New criteria get a stable key from their English name.
      const taken = new Set(values.rubric.map((c) => c.key).filter(Boolean));
      const rubric = values.rubric.map((criterion) => {
        if (criterion.key) return { ...criterion, nameAr: criterion.nameAr.trim(), nameEn: criterion.nameEn.trim() };
        const key = criterionKey(criterion.nameEn, taken);
        taken.add(key);
        return { key, nameAr: criterion.nameAr.trim(), nameEn: criterion.nameEn.trim() };
      });
      form.setFieldValue('rubric', rubric);

      const o = values.offsets;
      const offsets = {
        ...(Object.fromEntries(
          [...PHASE_DAYS, ...REMINDER_DAYS, ...WORKING_DAYS, 'closeAfterLastCheckpointDays' as const].map((key) => [
            key,
            toNumber(o[key]),
          ]),
        ) as Record<CountKey | 'closeAfterLastCheckpointDays', number>),
        checkInWeekday: Number(o.checkInWeekday),
        checkInTime: o.checkInTime,
        checkpoints: o.checkpoints.map(toNumber),
      };
      const fields = {
        nameAr: values.nameAr.trim(),
        nameEn: values.nameEn.trim(),
        day1: values.day1,
        timeZone: values.timeZone,
        weekendDays: values.weekendDays.map(Number).sort((a, b) => a - b),
        holidays,
        offsets,
        rubric,
        ragThresholds: {
          green: toNumber(values.ragThresholds.green) / 100,
          amber: toNumber(values.ragThresholds.amber) / 100,
          staleDays: toNumber(values.ragThresholds.staleDays),
        },
        minReviewers: toNumber(values.minReviewers),
        approvalsRequired: toNumber(values.approvalsRequired),
        minTeamMembers: toNumber(values.minTeamMembers),
        minTeamAgencies: toNumber(values.minTeamAgencies),
      };
      try {
        if (cohort) {
          const result = await updateCohort({
            variables: { input: { id: cohort.id, version: cohort.version, ...fields } },
          });
          const saved = result.data?.updateCohort;
          if (saved) {
            notifications.show({ color: 'teal', message: t('cohorts.form.saved', { name: format.name(saved) }) });
            void navigate(`/cohorts/${saved.id}`);
          }
        } else {
          const result = await createCohort({ variables: { input: fields } });
          const saved = result.data?.createCohort;
          if (saved) {
            notifications.show({ color: 'teal', message: t('cohorts.form.created', { name: format.name(saved) }) });
            void navigate(`/cohorts/${saved.id}`);
          }
        }
      } catch (error) {
        const found = toProblem(error, t);
        const { placed, rest } = applyNestedProblem(form, found, { aliases: { key: 'nameEn' } });
        openPanelsFor(placed);
        setUnplaced(rest);
        // Bad input is told field by field (and as a list for fields the form does not show).
        if (found.code !== 'BAD_USER_INPUT' || placed.length + rest.length === 0) setProblem(found);
        revealErrors(formElement);
      }
    },
    (errors, _values, event) => {
      openPanelsFor(Object.keys(errors));
      revealErrors((event as FormEvent<HTMLFormElement> | undefined)?.currentTarget);
    },
  );

  const reloadLatest = async () => {
    await reload();
    setProblem(null);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <ProblemAlert problem={problem} onReload={cohort ? () => void reloadLatest() : undefined} />
        {unplaced.length > 0 ? (
          <Alert color="red" variant="light" title={t('errors.title')} role="alert">
            <List size="sm">
              {unplaced.map((message, i) => (
                <List.Item key={i}>{message}</List.Item>
              ))}
            </List>
          </Alert>
        ) : null}
        <BasicsSection form={form} />
        <WorkingDaysSection form={form} />

        <Card withBorder radius="md" padding={0} component="section" aria-labelledby="cohort-advanced">
          <Stack gap={2} p="lg" pb="xs">
            <Title order={2} fz="h4" id="cohort-advanced">
              {t('cohorts.form.advanced')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('cohorts.form.advancedHint')}
            </Text>
          </Stack>
          <Accordion multiple value={panels} onChange={setPanels} variant="default" chevronPosition="right">
            <Accordion.Item value="calendar">
              <Accordion.Control>{t('cohorts.form.calendarPanel')}</Accordion.Control>
              <Accordion.Panel>
                <CalendarPanel form={form} />
              </Accordion.Panel>
            </Accordion.Item>
            <Accordion.Item value="rubric">
              <Accordion.Control>{t('cohorts.form.rubricPanel')}</Accordion.Control>
              <Accordion.Panel>
                <RubricPanel form={form} />
              </Accordion.Panel>
            </Accordion.Item>
            <Accordion.Item value="rules" style={{ borderBottom: 0 }}>
              <Accordion.Control>{t('cohorts.form.rulesPanel')}</Accordion.Control>
              <Accordion.Panel>
                <RulesPanel form={form} />
              </Accordion.Panel>
            </Accordion.Item>
          </Accordion>
        </Card>

        <Group justify="flex-end" gap="sm">
          <Button
            variant="default"
            component={Link}
            to={cohort ? `/cohorts/${cohort.id}` : '/cohorts'}
            disabled={sending}
          >
            {t('form.cancel')}
          </Button>
          <Button type="submit" loading={sending} disabled={sending}>
            {cohort ? t('form.saveChanges') : t('cohorts.form.createSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function NewCohortPage() {
  const { t } = useTranslation();
  const { actor } = useSession();
  useDocumentTitle(t('cohorts.form.createTitle'));
  if (!can(actor, 'cohort.create', { type: 'cohort' })) return <ForbiddenState />;
  return (
    <>
      <PageHeader
        above={<BackLink to="/cohorts" label={t('cohorts.back')} />}
        title={t('cohorts.form.createTitle')}
        description={t('cohorts.form.createIntro')}
      />
      <CohortForm cohort={null} reload={async () => undefined} />
    </>
  );
}

export function EditCohortPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { actor } = useSession();
  const { id = '' } = useParams();
  // Remounting the form after a reload gives it the latest values and version.
  const [generation, setGeneration] = useState(0);
  const mayUpdate = can(actor, 'cohort.update', { type: 'cohort', id });
  const { data, loading, error, refetch } = useQuery(CohortQuery, { variables: { id }, skip: !mayUpdate });
  const cohort = data?.cohort;
  useDocumentTitle(cohort ? t('cohorts.form.editTitleOf', { name: format.name(cohort) }) : t('cohorts.title'));

  if (!mayUpdate) return <ForbiddenState />;
  if (error && !cohort) return <LoadError error={error} onRetry={() => void refetch()} />;
  if (loading && !cohort) return <PageLoader />;
  if (!cohort) return null;

  const reload = async () => {
    await refetch();
    setGeneration((g) => g + 1);
  };

  return (
    <>
      <PageHeader
        above={<BackLink to={`/cohorts/${cohort.id}`} label={format.name(cohort)} />}
        title={t('cohorts.form.editTitle')}
        description={t('cohorts.form.editIntro')}
      />
      <CohortForm key={`${cohort.id}-${generation}`} cohort={cohort} reload={reload} />
    </>
  );
}
