import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { Section } from '../../../components/Section';
import { BilingualField } from './BilingualField';
import type { ChallengeForm } from './values';

/** What the challenge is: its title, the problem and why it matters to people. */
export function WhatSection({ form }: { form: ChallengeForm }) {
  const { t } = useTranslation();
  return (
    <Section id="challenge-what" title={t('challenges.form.whatTitle')}>
      <Stack gap="md">
        <BilingualField form={form} name="title" arRequired enRequired maxLength={300} />
        <BilingualField form={form} name="problem" long arRequired maxLength={5000} />
        <BilingualField form={form} name="why" long arRequired maxLength={5000} />
      </Stack>
    </Section>
  );
}
