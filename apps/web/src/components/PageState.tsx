import { Button, Center, Loader, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconLock, IconMapSearch, IconRefresh } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { errorCode, toProblem } from '../api/errors';
import { useDocumentTitle } from './PageHeader';

export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Loader size="md" aria-hidden />
      <Text ms="sm" c="dimmed" size="sm">
        {t('app.loading')}
      </Text>
    </Center>
  );
}

/** A list on its way: the shape of its rows, and the wait said to screen readers. */
export function ListSkeleton({ rows = 5, height = 64 }: { rows?: number; height?: number }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" role="status" aria-live="polite" data-testid="list-skeleton">
      <span className="visually-hidden">{t('app.loading')}</span>
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} height={height} radius="md" />
      ))}
    </Stack>
  );
}

function StateBlock({
  icon,
  title,
  message,
  action,
}: {
  icon: ReactNode;
  title: string;
  message: string;
  action?: ReactNode;
}) {
  return (
    <Center py={48}>
      <Stack align="center" gap="sm" maw={480} ta="center">
        <ThemeIcon size={56} radius="xl" variant="light" color="gray">
          {icon}
        </ThemeIcon>
        <Title order={1} fz="h3">
          {title}
        </Title>
        <Text c="dimmed">{message}</Text>
        {action}
      </Stack>
    </Center>
  );
}

export function ForbiddenState() {
  const { t } = useTranslation();
  useDocumentTitle(t('errors.forbiddenTitle'));
  return (
    <StateBlock
      icon={<IconLock size={28} aria-hidden />}
      title={t('errors.forbiddenTitle')}
      message={t('errors.forbidden')}
      action={
        <Button component={Link} to="/" variant="light">
          {t('errors.backHome')}
        </Button>
      }
    />
  );
}

export function NotFoundState() {
  const { t } = useTranslation();
  useDocumentTitle(t('errors.notFoundTitle'));
  return (
    <StateBlock
      icon={<IconMapSearch size={28} aria-hidden />}
      title={t('errors.notFoundTitle')}
      message={t('errors.notFound')}
      action={
        <Button component={Link} to="/" variant="light">
          {t('errors.backHome')}
        </Button>
      }
    />
  );
}

/** What a page shows when its data could not be loaded. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const code = errorCode(error);
  if (code === 'FORBIDDEN') return <ForbiddenState />;
  if (code === 'NOT_FOUND') return <NotFoundState />;
  return (
    <StateBlock
      icon={<IconAlertTriangle size={28} aria-hidden />}
      title={t('errors.loadFailed')}
      message={toProblem(error, t).message}
      action={
        onRetry ? (
          <Button variant="light" leftSection={<IconRefresh size={16} aria-hidden />} onClick={onRetry}>
            {t('errors.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
