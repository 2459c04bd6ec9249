import { Select, SimpleGrid, Stack } from '@mantine/core';
import { DEFAULT_OFFSETS } from '@hundred/domain';
import { useTranslation } from 'react-i18next';

import { BilingualTextInputs } from '../../../components/BilingualTextInputs';
import { Section } from '../../../components/Section';
import { useFormat } from '../../../lib/format';
import { timeZones } from '../cohorts';
import { dateOfDay, toNumber, type CohortForm } from './values';
import { DateField } from '../../../components/DateField';

/** The cohort's names, day 1 and time zone; day 1 previews when intake opens and results are due. */
export function BasicsSection({ form }: { form: CohortForm }) {
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
    <Section id="cohort-basics" title={t('cohorts.form.basics')}>
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
          <DateField
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
            // Named in the reader's language, with the IANA id to search by.
            data={zoneOptions.map((zone) => ({ value: zone, label: `${format.timeZone(zone)} · ${zone}` }))}
            nothingFoundMessage={t('form.nothingFound')}
            limit={80}
            {...form.getInputProps('timeZone')}
          />
        </SimpleGrid>
      </Stack>
    </Section>
  );
}
