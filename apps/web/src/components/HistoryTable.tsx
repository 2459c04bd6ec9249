import { Group, Table, Text, type BadgeProps } from '@mantine/core';
import { IconArrowLeft, IconArrowRight } from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';

import type { TransitionRecordFieldsFragment } from '../gql/graphql';
import { useFormat } from '../lib/format';
import { scrollableBy } from './scrollable';

/** Badges that keep their whole label in a narrow table cell. */
const UNSHRUNK = { flexShrink: 0 } as const;
const WHOLE_LABEL = { root: { overflow: 'visible' }, label: { overflow: 'visible' } } as const;

/** Every transition of a workflow object, newest first: when, which event, from → to, by whom, why. */
export function HistoryTable({
  records,
  timeZone,
  eventLabel,
  StateBadge,
  caption,
  none,
  testId,
}: {
  /** The object's history as the server sends it, oldest first. */
  records: readonly TransitionRecordFieldsFragment[];
  /** The cohort's time zone, for the times. */
  timeZone: string | undefined;
  eventLabel: (event: string) => string;
  /** Shows one of the object's states (e.g. TeamStateBadge). */
  StateBadge: ComponentType<{ state: string } & BadgeProps>;
  /** The table's caption, for screen readers. */
  caption: string;
  /** What to say when nothing has happened yet. */
  none: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const Arrow = format.language === 'ar' ? IconArrowLeft : IconArrowRight;
  const events = [...records].reverse();
  // Who fired a transition: a person, the scheduler or the system.
  const callerOf = (caller: string, actor: { nameAr: string; nameEn: string } | null) =>
    actor ? format.name(actor) : caller === 'scheduler' ? t('cohorts.history.scheduler') : t('cohorts.history.system');
  if (events.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {none}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={720} scrollAreaProps={scrollableBy(caption)}>
      <Table verticalSpacing="sm" horizontalSpacing="sm" data-testid={testId}>
        <Table.Caption className="visually-hidden">{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('cohorts.history.when')}</Table.Th>
            <Table.Th scope="col">{t('cohorts.history.event')}</Table.Th>
            <Table.Th scope="col">{t('cohorts.history.change')}</Table.Th>
            <Table.Th scope="col">{t('cohorts.history.by')}</Table.Th>
            <Table.Th scope="col">{t('cohorts.history.reason')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((record) => (
            <Table.Tr key={record.id}>
              <Table.Td>
                <Text size="sm">
                  <time dateTime={record.occurredAt}>{format.dateTime(record.occurredAt, timeZone)}</time>
                </Text>
              </Table.Td>
              <Table.Td fw={500}>{eventLabel(record.event)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Group gap={6} wrap="nowrap">
                  <StateBadge state={record.fromState} style={UNSHRUNK} styles={WHOLE_LABEL} />
                  <Arrow size={14} aria-label={t('cohorts.history.to')} style={UNSHRUNK} />
                  <StateBadge state={record.toState} style={UNSHRUNK} styles={WHOLE_LABEL} />
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{callerOf(record.caller, record.actor ?? null)}</Text>
              </Table.Td>
              <Table.Td>
                <Text
                  size="sm"
                  c={record.reason ? undefined : 'dimmed'}
                  dir={record.reason ? 'auto' : undefined}
                  style={{ whiteSpace: 'pre-line' }}
                >
                  {record.reason ?? t('cohorts.history.noReason')}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
