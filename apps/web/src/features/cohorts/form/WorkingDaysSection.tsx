import { Checkbox, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { EditableList } from '../../../components/EditableList';
import { Section } from '../../../components/Section';
import { useFormat } from '../../../lib/format';
import { weekdaysInOrder } from '../cohorts';
import { useCohortLabels } from '../labels';
import { FieldGroup } from './FieldGroup';
import { type CohortForm } from './values';
import { DateField } from '../../../components/DateField';

/** The weekend and the public holidays, which working-day counts skip. */
export function WorkingDaysSection({ form }: { form: CohortForm }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useCohortLabels();
  const holidays = form.getValues().holidays;
  return (
    <Section id="cohort-working-days" title={t('cohorts.form.workingDays')} hint={t('cohorts.form.workingDaysHint')}>
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
                  <DateField
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
    </Section>
  );
}
