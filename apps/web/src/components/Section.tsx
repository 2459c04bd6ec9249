import { Card, Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A titled card of a page: its heading names the region, `hint` says what it is for, and `aside`
 * sits at the end of the heading row.
 */
export function Section({
  id,
  title,
  hint,
  children,
  aside,
  testId,
}: {
  id: string;
  title: string;
  hint?: string;
  children: ReactNode;
  aside?: ReactNode;
  testId?: string;
}) {
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={id} data-testid={testId}>
      <Group justify="space-between" align="center" mb={hint ? 4 : 'md'} gap="sm">
        <Title order={2} fz="h4" id={id}>
          {title}
        </Title>
        {aside}
      </Group>
      {hint ? (
        <Text size="sm" c="dimmed" mb="md">
          {hint}
        </Text>
      ) : null}
      {children}
    </Card>
  );
}
