import { Anchor, Group } from '@mantine/core';
import { IconArrowLeft, IconArrowRight } from '@tabler/icons-react';
import { Link } from 'react-router';

import { useFormat } from '../lib/format';

/** The way back to the page above, the arrow pointing the way the language reads. */
export function BackLink({ to, label }: { to: string; label: string }) {
  const format = useFormat();
  return (
    <Anchor component={Link} to={to} size="sm">
      <Group gap={4} component="span">
        {format.language === 'ar' ? <IconArrowRight size={16} aria-hidden /> : <IconArrowLeft size={16} aria-hidden />}
        {label}
      </Group>
    </Anchor>
  );
}
