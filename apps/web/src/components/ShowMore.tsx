import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { toProblem } from '../api/errors';

/**
 * Below a list read by cursor: asks for the page after `nextCursor` (the cache adds it below, see
 * api/client.ts), and is gone on the last page.
 */
export function ShowMore({
  nextCursor,
  onMore,
}: {
  nextCursor: string | null;
  onMore: (after: string) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [loading, setLoading] = useState(false);
  if (!nextCursor) return null;
  const more = async () => {
    setLoading(true);
    try {
      await onMore(nextCursor);
    } catch (e) {
      notifications.show({ color: 'red', title: t('errors.title'), message: toProblem(e, t).message });
    } finally {
      setLoading(false);
    }
  };
  return (
    <Group justify="center" p="md">
      <Button variant="default" loading={loading} onClick={() => void more()} data-testid="show-more">
        {t('common.showMore')}
      </Button>
    </Group>
  );
}
