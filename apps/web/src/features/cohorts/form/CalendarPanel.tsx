import { Alert, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

import { EditableList } from '../../../components/EditableList';
import { useFormat } from '../../../lib/format';
import { weekdaysInOrder } from '../cohorts';
import { useCohortLabels } from '../labels';
import { FieldGroup } from './FieldGroup';
import { PHASE_DAYS, REMINDER_DAYS, toNumber, WORKING_DAYS, type CohortForm, type CountKey } from './values';

function DayInput({
  form,
  name,
  negative = false,
}: {
  form: CohortForm;
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

/** When each phase starts and each deadline falls, in days of the cohort, and the weekly check-in. */
export function CalendarPanel({ form }: { form: CohortForm }) {
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
