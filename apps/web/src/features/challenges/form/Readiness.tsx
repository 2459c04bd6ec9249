import { Card, Group, Stack, Text, ThemeIcon, Title, UnstyledButton } from '@mantine/core';
import { missingChallengeFields, REQUIRED_CHALLENGE_FIELDS } from '@hundred/domain';
import { IconCircleCheck, IconCircleDashed } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

import { useFormat } from '../../../lib/format';
import { useChallengeLabels } from '../labels';
import { fieldId, type ChallengeFormValues } from './values';

/** The required fields, ticked as they are filled in; each one takes the focus to its input. */
export function Readiness({ values }: { values: ChallengeFormValues }) {
  const { t } = useTranslation();
  const labels = useChallengeLabels();
  const missing = new Set(missingChallengeFields(values));
  const done = REQUIRED_CHALLENGE_FIELDS.length - missing.size;
  const format = useFormat();
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="challenge-readiness">
      <Title order={2} fz="h5" id="challenge-readiness">
        {t('challenges.form.readiness')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm" aria-live="polite">
        {t('challenges.form.readinessCount', {
          done: format.number(done),
          total: format.number(REQUIRED_CHALLENGE_FIELDS.length),
        })}
      </Text>
      <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="readiness">
        {REQUIRED_CHALLENGE_FIELDS.map((field) => {
          const ok = !missing.has(field);
          return (
            <li key={field}>
              <UnstyledButton
                onClick={() => document.getElementById(fieldId(field))?.focus()}
                aria-label={`${labels.field(field)}: ${ok ? t('challenges.form.filled') : t('challenges.form.missing')}`}
                style={{ borderRadius: 'var(--mantine-radius-sm)' }}
              >
                <Group gap={8} wrap="nowrap">
                  <ThemeIcon size={20} radius="xl" variant="light" color={ok ? 'teal' : 'gray'}>
                    {ok ? <IconCircleCheck size={14} aria-hidden /> : <IconCircleDashed size={14} aria-hidden />}
                  </ThemeIcon>
                  <Text size="sm" c={ok ? undefined : 'dimmed'}>
                    {labels.field(field)}
                  </Text>
                </Group>
              </UnstyledButton>
            </li>
          );
        })}
      </Stack>
    </Card>
  );
}
