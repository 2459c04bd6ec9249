import { useMutation, useQuery } from '@apollo/client/react';
import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { can } from '@hundred/domain';
import { IconClockPlay, IconPlayerSkipForward } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { toProblem } from '../../api/errors';
import { useFormat } from '../../lib/format';
import { useSession } from '../../session/session';
import { showsDemoClock, splitMinutes } from './cohorts';
import { AdvanceClockMutation, ClockQuery } from './documents';

type Step = 'day' | 'week' | 'next';

/**
 * Moves the system's clock forward, for demonstrations and tests: shown only to the office, and
 * only where the server allows the clock to move. What falls due on the way is fired by the server.
 */
export function DemoClock({
  nextDueAt,
  timeZone,
  onMoved,
}: {
  /** The next pending deadline, if the page has one to jump to. */
  nextDueAt?: string | null;
  timeZone?: string;
  onMoved: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { actor } = useSession();
  const mayAdvance = can(actor, 'clock.advance', { type: 'clock' });
  // The cohort page's own answer carries the clock; moving it asks again (refetchQueries).
  const { data } = useQuery(ClockQuery, { skip: !mayAdvance, fetchPolicy: 'cache-first' });
  const [advance] = useMutation(AdvanceClockMutation, { refetchQueries: ['Clock'], awaitRefetchQueries: true });
  const [moving, setMoving] = useState<Step | null>(null);

  const clock = data?.clock;
  if (!clock || !showsDemoClock(actor, clock)) return null;

  const nowMs = Date.parse(clock.now);
  const nextMs = nextDueAt ? Date.parse(nextDueAt) : null;
  const canJump = nextMs !== null && nextMs > nowMs;

  const move = async (step: Step) => {
    const minutes =
      step === 'day' ? 1440 : step === 'week' ? 7 * 1440 : nextMs !== null ? (nextMs - nowMs) / 60_000 + 1 : 0;
    if (minutes <= 0) return;
    setMoving(step);
    try {
      const result = await advance({ variables: { input: splitMinutes(minutes) } });
      const now = result.data?.advanceClock.now;
      if (now)
        notifications.show({ color: 'teal', message: t('clock.moved', { date: format.dateTime(now, timeZone) }) });
      await onMoved();
    } catch (error) {
      notifications.show({ color: 'red', title: t('errors.title'), message: toProblem(error, t).message });
    } finally {
      setMoving(null);
    }
  };

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="demo-clock" data-testid="demo-clock">
      <Group justify="space-between" align="flex-start" gap="xs" mb={4}>
        <Title order={2} fz="h5" id="demo-clock">
          {t('clock.title')}
        </Title>
        <Badge color="yellow" variant="light" tt="none">
          {t('clock.demoOnly')}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed" mb="sm">
        {t('clock.hint')}
      </Text>
      <Stack gap={2} mb="md">
        <Text size="xs" c="dimmed">
          {t('clock.now')}
        </Text>
        <Text fw={600} aria-live="polite" data-testid="demo-clock-now">
          <time dateTime={clock.now}>{format.dateTime(clock.now, timeZone)}</time>
        </Text>
      </Stack>
      <Group gap="xs" wrap="wrap">
        <Button
          variant="light"
          size="xs"
          leftSection={<IconClockPlay size={16} aria-hidden />}
          loading={moving === 'day'}
          disabled={moving !== null}
          onClick={() => void move('day')}
        >
          {t('clock.oneDay')}
        </Button>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconClockPlay size={16} aria-hidden />}
          loading={moving === 'week'}
          disabled={moving !== null}
          onClick={() => void move('week')}
        >
          {t('clock.sevenDays')}
        </Button>
        {nextDueAt !== undefined ? (
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPlayerSkipForward size={16} aria-hidden />}
            loading={moving === 'next'}
            disabled={moving !== null || !canJump}
            onClick={() => void move('next')}
          >
            {t('clock.nextDeadline')}
          </Button>
        ) : null}
      </Group>
    </Card>
  );
}
