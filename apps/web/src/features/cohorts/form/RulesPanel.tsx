import { NumberInput, SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { FieldGroup } from './FieldGroup';
import { type CohortForm } from './values';

/** The RAG thresholds, and the least a review and a team need. */
export function RulesPanel({ form }: { form: CohortForm }) {
  const { t } = useTranslation();
  const whole = { allowDecimal: false, allowNegative: false, required: true } as const;
  // The least a review and a team need, each with its upper bound.
  const limits: {
    name: 'minReviewers' | 'approvalsRequired' | 'minTeamMembers' | 'minTeamAgencies' | 'checkInEscalationRepeatWeeks';
    max: number;
    hint?: string;
  }[] = [
    { name: 'minReviewers', max: 10, hint: t('cohorts.form.minReviewersHint') },
    { name: 'approvalsRequired', max: 20, hint: t('cohorts.form.approvalsRequiredHint') },
    { name: 'minTeamMembers', max: 50 },
    { name: 'minTeamAgencies', max: 20 },
    { name: 'checkInEscalationRepeatWeeks', max: 15, hint: t('cohorts.form.checkInEscalationRepeatWeeksHint') },
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
