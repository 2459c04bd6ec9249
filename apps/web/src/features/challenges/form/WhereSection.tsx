import { MultiSelect, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { Section } from '../../../components/Section';
import type { AgencyNameFragment } from '../../../gql/graphql';
import { useFormat } from '../../../lib/format';
import { useCohortLabels } from '../../cohorts/labels';
import { fieldId, type Challenge, type ChallengeForm } from './values';

type Named = { nameAr: string; nameEn: string };

/** Which cohort the challenge is for, its lead agency and its partner agencies. */
export function WhereSection({
  form,
  challenge,
  openCohorts,
  cohortsLoading,
  agencies,
  mayChooseAgency,
  ownAgency,
}: {
  form: ChallengeForm;
  challenge: Challenge | null;
  /** Cohorts that take challenges now. */
  openCohorts: readonly ({ id: string; state: string } & Named)[];
  cohortsLoading: boolean;
  agencies: readonly AgencyNameFragment[];
  /** The office drafts for any agency; a focal point for their own only. */
  mayChooseAgency: boolean;
  /** The signed-in user's agency, shown when it cannot be chosen. */
  ownAgency: Named | null;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const cohortLabels = useCohortLabels();
  const leadAgencyId = form.getValues().leadAgencyId;
  const lead = agencies.find((a) => a.id === leadAgencyId);
  const cohortOptions = openCohorts.map((c) => ({
    value: c.id,
    label: `${format.name(c)} · ${cohortLabels.state(c.state)}`,
  }));
  const agencyOptions = useMemo(
    () =>
      agencies.map((a) => ({ value: a.id, label: format.name(a) })).sort((a, b) => format.compare(a.label, b.label)),
    [agencies, format],
  );
  return (
    <Section id="challenge-where" title={t('challenges.form.whereTitle')}>
      <Stack gap="md">
        {challenge ? (
          <TextInput
            id={fieldId('cohortId')}
            label={t('challenges.fields.cohortId')}
            value={format.name(challenge.cohort)}
            readOnly
            variant="filled"
          />
        ) : (
          <Select
            id={fieldId('cohortId')}
            label={t('challenges.fields.cohortId')}
            description={t('challenges.form.cohortHint')}
            required
            data={cohortOptions}
            allowDeselect={false}
            nothingFoundMessage={cohortsLoading ? t('app.loading') : t('challenges.form.noOpenCohort')}
            {...form.getInputProps('cohortId')}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {mayChooseAgency ? (
            <Select
              id={fieldId('leadAgencyId')}
              label={t('challenges.fields.leadAgencyId')}
              required
              searchable
              allowDeselect={false}
              data={agencyOptions}
              nothingFoundMessage={t('form.nothingFound')}
              {...form.getInputProps('leadAgencyId')}
              onChange={(value) => {
                form.setFieldValue('leadAgencyId', value);
                // The sponsor is a leader of the lead agency: another agency, another sponsor.
                if (value !== leadAgencyId) form.setFieldValue('proposedSponsorId', null);
                form.setFieldValue(
                  'partnerAgencyIds',
                  form.getValues().partnerAgencyIds.filter((id) => id !== value),
                );
              }}
            />
          ) : (
            <TextInput
              id={fieldId('leadAgencyId')}
              label={t('challenges.fields.leadAgencyId')}
              description={t('challenges.form.ownAgency')}
              value={lead ? format.name(lead) : ownAgency ? format.name(ownAgency) : ''}
              readOnly
              variant="filled"
              rightSection={<IconLock size={16} aria-hidden />}
              error={form.errors.leadAgencyId}
            />
          )}
          <MultiSelect
            id={fieldId('partnerAgencyIds')}
            label={t('challenges.fields.partnerAgencyIds')}
            description={t('challenges.form.partnersHint')}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': t('form.clear') }}
            data={agencyOptions.filter((a) => a.value !== leadAgencyId)}
            nothingFoundMessage={t('form.nothingFound')}
            maxValues={20}
            {...form.getInputProps('partnerAgencyIds')}
          />
        </SimpleGrid>
      </Stack>
    </Section>
  );
}
