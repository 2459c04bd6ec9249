import { Alert, List, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

import { useChallengeLabels } from '../labels';
import { SUBMIT_FAILURE_ID } from './useChallengeForm';
import { fieldId, type SubmitFailure } from './values';

/** Why the submission failed, with the required fields still empty, each taking the focus to its input. */
export function SubmitFailureAlert({ failure }: { failure: SubmitFailure }) {
  const { t } = useTranslation();
  const labels = useChallengeLabels();
  return (
    <Alert
      color="red"
      variant="light"
      role="alert"
      icon={<IconAlertTriangle size={20} aria-hidden />}
      title={t(failure.unsent ? 'challenges.form.notSubmitted' : 'challenges.form.submitFailed')}
      data-testid="submit-failure"
      id={SUBMIT_FAILURE_ID}
      tabIndex={-1}
    >
      <Stack gap="xs">
        <Text size="sm">{failure.message}</Text>
        {failure.missing.length > 0 ? (
          <>
            <Text size="sm" fw={600}>
              {t('challenges.form.missingTitle')}
            </Text>
            <List size="sm" spacing={2}>
              {failure.missing.map((field) => (
                <List.Item key={field}>
                  <UnstyledButton
                    td="underline"
                    fz="sm"
                    onClick={() => document.getElementById(fieldId(field))?.focus()}
                  >
                    {labels.field(field)}
                  </UnstyledButton>
                </List.Item>
              ))}
            </List>
          </>
        ) : null}
      </Stack>
    </Alert>
  );
}
