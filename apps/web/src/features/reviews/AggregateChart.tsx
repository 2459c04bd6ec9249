import { Badge, Box, Button, Group, Table, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { IconAlertTriangle, IconTable } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { ReviewAggregateFieldsFragment } from '../../gql/graphql';
import { useFormat } from '../../lib/format';
import classes from './AggregateChart.module.css';
import { useReviewLabels } from './labels';
import { SCALE } from './reviews';

const MEAN = 'var(--mantine-color-indigo-7)';
const RANGE = 'var(--mantine-color-indigo-3)';
const FLAGGED = 'var(--mantine-color-red-7)';
const GRID = 'var(--mantine-color-gray-3)';

/**
 * The submitted assessments taken together: per criterion, the range of the scores (lowest to
 * highest) as a bar on the 1–5 scale and the mean as a dot; a criterion whose scores differ by 3
 * or more is drawn in red and named. Score 1 sits on the start side (the right in Arabic). The
 * figures are also in a table (hidden until asked for, always read by screen readers).
 */
export function AggregateChart({ aggregate }: { aggregate: ReviewAggregateFieldsFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useReviewLabels();
  const { ref, width } = useElementSize();
  const [showTable, setShowTable] = useState(false);
  const tableId = useId();
  const titleId = useId();
  const rtl = format.language === 'ar';
  const narrow = width > 0 && width < 560;
  const rowH = 44;
  const margin = { top: 12, bottom: 28, start: narrow ? 130 : 220, end: 24 };
  const height = margin.top + margin.bottom + aggregate.criteria.length * rowH;
  const plotW = Math.max(10, width - margin.start - margin.end);

  // Score 1 at the start of the plot, 5 at its end.
  const xOf = (score: number) => {
    const offset = ((score - 1) / 4) * plotW;
    return rtl ? width - margin.start - offset : margin.start + offset;
  };
  const yOf = (row: number) => margin.top + row * rowH + rowH / 2;
  const nameX = rtl ? width - 4 : 4;

  const summary = t('reviews.chart.summary', {
    number: format.number(aggregate.submitted),
    flagged: format.list(aggregate.criteria.filter((c) => c.disagreement).map((c) => labels.criterion(c.criterion))),
  });

  const figures = (
    <Table verticalSpacing={6} horizontalSpacing="sm" fz="sm" withTableBorder striped data-testid="aggregate-table">
      <Table.Caption>{t('reviews.chart.tableCaption')}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('reviews.chart.colCriterion')}</Table.Th>
          <Table.Th scope="col">{t('reviews.chart.colMean')}</Table.Th>
          <Table.Th scope="col">{t('reviews.chart.colRange')}</Table.Th>
          <Table.Th scope="col">{t('reviews.chart.colSpread')}</Table.Th>
          <Table.Th scope="col">{t('reviews.chart.colScores')}</Table.Th>
          <Table.Th scope="col">{t('reviews.chart.colDisagreement')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {aggregate.criteria.map((c) => (
          <Table.Tr key={c.criterion} data-criterion={c.criterion}>
            <Table.Th scope="row" fw={500}>
              {labels.criterion(c.criterion)}
            </Table.Th>
            <Table.Td fw={600}>{c.mean !== null ? labels.mean(c.mean) : '—'}</Table.Td>
            <Table.Td>
              {c.min !== null && c.max !== null
                ? t('reviews.chart.range', { min: format.number(c.min), max: format.number(c.max) })
                : '—'}
            </Table.Td>
            <Table.Td>{format.number(c.spread)}</Table.Td>
            <Table.Td>{format.number(c.count)}</Table.Td>
            <Table.Td>
              {c.disagreement ? (
                <Badge
                  color="red"
                  variant="light"
                  tt="none"
                  leftSection={<IconAlertTriangle size={12} aria-hidden />}
                  data-testid="criterion-disagreement"
                >
                  {t('reviews.chart.disagreementShort')}
                </Badge>
              ) : (
                t('reviews.chart.noDisagreement')
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );

  return (
    <Box component="figure" m={0} className={classes.figure} aria-labelledby={titleId} data-testid="aggregate-chart">
      <Group justify="space-between" align="center" gap="xs" mb="xs">
        <Text component="figcaption" id={titleId} fw={600} size="sm">
          {t('reviews.chart.title')}
        </Text>
        <Button
          size="compact-xs"
          variant="subtle"
          leftSection={<IconTable size={14} aria-hidden />}
          aria-expanded={showTable}
          aria-controls={tableId}
          onClick={() => setShowTable((v) => !v)}
        >
          {showTable ? t('reviews.chart.hideTable') : t('reviews.chart.showTable')}
        </Button>
      </Group>
      <div ref={ref} className={classes.canvas} style={{ height }}>
        {width > 0 ? (
          <svg
            width={width}
            height={height}
            role="img"
            aria-label={summary}
            className={classes.svg}
            data-testid="aggregate-chart-svg"
          >
            {SCALE.map((s) => (
              <g key={s}>
                <line
                  x1={xOf(s)}
                  x2={xOf(s)}
                  y1={margin.top}
                  y2={height - margin.bottom}
                  stroke={GRID}
                  strokeDasharray={s === 1 || s === 5 ? undefined : '3 3'}
                />
                <text x={xOf(s)} y={height - margin.bottom + 18} textAnchor="middle" className={classes.tick}>
                  {format.number(s)}
                </text>
              </g>
            ))}
            {aggregate.criteria.map((c, row) => {
              const y = yOf(row);
              const color = c.disagreement ? FLAGGED : MEAN;
              return (
                <g key={c.criterion} data-criterion={c.criterion} data-disagreement={c.disagreement || undefined}>
                  <text x={nameX} y={y} dy="0.32em" textAnchor="start" className={classes.name}>
                    {labels.criterionShort(c.criterion)}
                  </text>
                  {c.min !== null && c.max !== null ? (
                    <line
                      x1={xOf(c.min)}
                      x2={xOf(c.max)}
                      y1={y}
                      y2={y}
                      stroke={c.disagreement ? FLAGGED : RANGE}
                      strokeWidth={10}
                      strokeLinecap="round"
                      opacity={c.disagreement ? 0.45 : 1}
                    />
                  ) : null}
                  {c.mean !== null ? (
                    <>
                      <circle cx={xOf(c.mean)} cy={y} r={7} fill={color} stroke="white" strokeWidth={2} />
                      <text x={xOf(c.mean)} y={y - 12} textAnchor="middle" className={classes.value} fill={color}>
                        {labels.mean(c.mean)}
                      </text>
                    </>
                  ) : null}
                  {c.disagreement ? (
                    <text x={nameX} y={y + 16} textAnchor="start" className={classes.flag}>
                      {t('reviews.chart.disagreementShort')}
                    </text>
                  ) : null}
                </g>
              );
            })}
          </svg>
        ) : null}
      </div>
      <Text size="xs" c="dimmed" ta="center" mt={2} aria-hidden>
        {t('reviews.chart.axis')}
      </Text>
      <div id={tableId} className={showTable ? classes.table : 'visually-hidden'}>
        {/* Scrolled sideways when shown; hidden, it stays out of the way of the keyboard. */}
        {showTable ? <Table.ScrollContainer minWidth={520}>{figures}</Table.ScrollContainer> : figures}
      </div>
    </Box>
  );
}
