import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { Section } from '../../../components/Section';
import { BilingualField } from './BilingualField';
import type { ChallengeForm } from './values';

/** Where things stand now and where they should be in 100 days. */
export function MeasureSection({ form }: { form: ChallengeForm }) {
  const { t } = useTranslation();
  return (
    <Section id="challenge-measure" title={t('challenges.form.measureTitle')} hint={t('challenges.form.measureHint')}>
      <Stack gap="md">
        <BilingualField form={form} name="baseline" long arRequired maxLength={2000} />
        <BilingualField form={form} name="ambition" long arRequired maxLength={2000} />
      </Stack>
    </Section>
  );
}
