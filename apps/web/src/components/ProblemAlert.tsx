import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

import type { Problem } from '../api/errors';

/**
 * A refusal from the server, in its own (already localised) words. A conflict means someone
 * else saved first: offer to load their version.
 */
export function ProblemAlert({
  problem,
  onReload,
  title,
}: {
  problem: Problem | null;
  onReload?: () => void;
  /** What failed, when the page knows better than "the action". */
  title?: string;
}) {
  const { t } = useTranslation();
  if (!problem) return null;
  const conflict = problem.code === 'CONFLICT';
  return (
    <Alert
      role="alert"
      color={conflict ? 'orange' : 'red'}
      variant="light"
      icon={<IconAlertTriangle size={20} aria-hidden />}
      title={conflict ? t('errors.conflictTitle') : (title ?? t('errors.title'))}
    >
      <Group justify="space-between" align="center" gap="sm">
        <Text size="sm">{problem.message}</Text>
        {conflict && onReload ? (
          <Button
            size="xs"
            variant="white"
            color="orange"
            leftSection={<IconRefresh size={16} aria-hidden />}
            onClick={onReload}
          >
            {t('errors.reload')}
          </Button>
        ) : null}
      </Group>
    </Alert>
  );
}
