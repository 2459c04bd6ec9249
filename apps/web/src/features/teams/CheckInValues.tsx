import { Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';

import type { CheckInFieldsFragment, TeamDetailFragment } from '../../gql/graphql';
import { useFormat } from '../../lib/format';
import { EvidenceText } from './KpiCard';
import { useTeamLabels } from './labels';

type CheckIn = CheckInFieldsFragment;
type Kpi = TeamDetailFragment['goals'][number]['kpis'][number];

/** A check-in's values: a table on wide screens, a list on phones. */
export function CheckInValues({
  checkIn,
  rows,
}: {
  checkIn: CheckIn;
  rows: { v: CheckIn['values'][number]; kpi: Kpi | undefined; i: number }[];
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useTeamLabels();
  const wide = useMediaQuery('(min-width: 36em)', true);
  const valueOf = (row: (typeof rows)[number]) =>
    row.kpi ? labels.value(row.kpi.unit, row.v.value) : format.number(row.v.value);
  const nameOf = (row: (typeof rows)[number]) => (row.kpi ? format.name(row.kpi) : t('teams.checkIns.unknownKpi'));
  if (!wide) {
    return (
      <Stack
        component="ul"
        gap="xs"
        p={0}
        m={0}
        mt="sm"
        style={{ listStyle: 'none' }}
        aria-label={t('teams.checkIns.valuesCaption', { week: labels.week(checkIn.week) })}
      >
        {rows.map((row) => (
          <Paper component="li" key={`${checkIn.id}-${row.i}`} bg="gray.0" radius="sm" p="xs">
            <Text size="sm" fw={500}>
              {nameOf(row)}
            </Text>
            <Group gap="xs" wrap="wrap">
              <Text size="sm" fw={700}>
                {valueOf(row)}
              </Text>
              <Text size="xs" c="dimmed">
                {format.localDate(row.v.asOf)}
              </Text>
            </Group>
            <EvidenceText text={row.v.evidence} />
          </Paper>
        ))}
      </Stack>
    );
  }
  return (
    <Table.ScrollContainer minWidth={520} mt="sm">
      <Table verticalSpacing={4} horizontalSpacing="sm" fz="sm" striped>
        <Table.Caption className="visually-hidden">
          {t('teams.checkIns.valuesCaption', { week: labels.week(checkIn.week) })}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('teams.checkIns.kpi')}</Table.Th>
            <Table.Th scope="col" style={{ whiteSpace: 'nowrap' }}>
              {t('teams.checkIn.value')}
            </Table.Th>
            <Table.Th scope="col" style={{ whiteSpace: 'nowrap' }}>
              {t('teams.checkIn.asOf')}
            </Table.Th>
            <Table.Th scope="col">{t('teams.checkIn.evidence')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={`${checkIn.id}-${row.i}`}>
              <Table.Td fw={500}>{nameOf(row)}</Table.Td>
              <Table.Td fw={600} style={{ whiteSpace: 'nowrap' }}>
                {valueOf(row)}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.localDate(row.v.asOf)}</Table.Td>
              <Table.Td>
                <EvidenceText text={row.v.evidence} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
