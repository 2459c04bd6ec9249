import { Button, Center, Loader, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';

import { toProblem } from '../api/errors';
import { useSession } from './session';

/** Shows its children to signed-in users; sends everyone else to sign in, then back here. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { user, loading, error, retry } = useSession();
  const location = useLocation();

  if (loading) {
    return (
      <Center mih="100dvh" role="status" aria-live="polite">
        <Stack align="center" gap="sm">
          <Loader aria-hidden />
          <Text c="dimmed" size="sm">
            {t('app.loading')}
          </Text>
        </Stack>
      </Center>
    );
  }
  if (error && !user) {
    return (
      <Center mih="100dvh" p="md">
        <Stack align="center" gap="sm" maw={420} ta="center" role="alert">
          <Title order={1} fz="h3">
            {t('errors.loadFailed')}
          </Title>
          <Text c="dimmed">{toProblem(error, t).message}</Text>
          <Button onClick={retry}>{t('errors.retry')}</Button>
        </Stack>
      </Center>
    );
  }
  if (!user) return <Navigate to="/sign-in" replace state={{ from: location }} />;
  return children;
}
