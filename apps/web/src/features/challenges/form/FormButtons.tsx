import { Button, Group, Text, Tooltip } from '@mantine/core';
import { IconDeviceFloppy, IconLock, IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { cohortTakesSubmissions } from '@hundred/domain';
import { useChallengeLabels } from '../labels';
import type { Challenge } from './values';

/**
 * Cancel, save the draft, and submit: offered while the cohort takes challenges (what is missing is
 * saved first), locked with the reason while it does not.
 */
export function FormButtons({
  challenge,
  cohortState,
  sending,
  onSubmit,
}: {
  challenge: Challenge | null;
  /** The state of the cohort a new draft is for, once one is chosen. */
  cohortState: string | undefined;
  sending: 'save' | 'submit' | null;
  onSubmit: () => void;
}) {
  const { t } = useTranslation();
  const labels = useChallengeLabels();
  const submitEvent = challenge?.availableEvents.find((a) => a.event === 'SUBMIT');
  const submitOffered = challenge ? submitEvent !== undefined : true;
  const cohortClosed = challenge
    ? (submitEvent?.blockedBy.includes('COHORT_OPEN_FOR_INTAKE') ?? false)
    : cohortState !== undefined && !cohortTakesSubmissions(cohortState);
  const closedReason = challenge
    ? (submitEvent?.blockedReasons[submitEvent.blockedBy.indexOf('COHORT_OPEN_FOR_INTAKE')] ??
      labels.guard('COHORT_OPEN_FOR_INTAKE'))
    : labels.guard('COHORT_OPEN_FOR_INTAKE');
  return (
    <>
      <Group justify="flex-end" gap="sm">
        <Button
          variant="default"
          component={Link}
          to={challenge ? `/challenges/${challenge.id}` : '/challenges'}
          disabled={sending !== null}
        >
          {t('form.cancel')}
        </Button>
        <Button
          type="submit"
          variant="light"
          loading={sending === 'save'}
          disabled={sending !== null}
          leftSection={<IconDeviceFloppy size={18} aria-hidden />}
        >
          {t('challenges.form.saveDraft')}
        </Button>
        {submitOffered ? (
          <Tooltip label={closedReason} disabled={!cohortClosed} multiline maw={320}>
            <Button
              type="button"
              loading={sending === 'submit'}
              data-disabled={cohortClosed || sending !== null || undefined}
              aria-disabled={cohortClosed || sending !== null || undefined}
              leftSection={cohortClosed ? <IconLock size={18} aria-hidden /> : <IconSend size={18} aria-hidden />}
              onClick={() => {
                if (!cohortClosed && sending === null) onSubmit();
              }}
            >
              {labels.event('SUBMIT')}
            </Button>
          </Tooltip>
        ) : null}
      </Group>
      {submitOffered && cohortClosed ? (
        <Text size="xs" c="orange.9" ta="end">
          {closedReason}
        </Text>
      ) : null}
    </>
  );
}
