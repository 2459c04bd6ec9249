import { Box, Button, Group, Table, Text } from '@mantine/core';
import { IconTable } from '@tabler/icons-react';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import classes from './Charts.module.css';

/**
 * A chart with its title and its figures as a table: hidden until asked for, always read by
 * screen readers (the chart itself is one image with a summary).
 */
export function ChartFigure({
  title,
  caption,
  head,
  rows,
  children,
  testId,
}: {
  title: string;
  caption: string;
  head: string[];
  rows: { key: string; cells: ReactNode[] }[];
  children: ReactNode;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [showTable, setShowTable] = useState(false);
  const tableId = useId();
  const titleId = useId();
  return (
    <Box component="figure" m={0} aria-labelledby={titleId} data-testid={testId} style={{ minWidth: 0 }}>
      <Group justify="space-between" gap="xs" mb={4} wrap="wrap">
        <Text size="sm" fw={600} id={titleId}>
          {title}
        </Text>
        <Button
          variant="subtle"
          size="compact-xs"
          leftSection={<IconTable size={14} aria-hidden />}
          aria-expanded={showTable}
          aria-controls={tableId}
          onClick={() => setShowTable((v) => !v)}
        >
          {showTable ? t('teams.chart.hideTable') : t('teams.chart.showTable')}
        </Button>
      </Group>
      {children}
      <div id={tableId} className={showTable ? classes.table : 'visually-hidden'}>
        <Table verticalSpacing={6} horizontalSpacing="sm" fz="xs" withTableBorder striped>
          <Table.Caption>{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              {head.map((h, i) => (
                <Table.Th scope="col" key={i}>
                  {h}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.key}>
                {r.cells.map((c, i) => (
                  <Table.Td key={i}>{c}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
    </Box>
  );
}
