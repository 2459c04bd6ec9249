import { Box, Button, Group, Table, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { IconTable } from '@tabler/icons-react';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useFormat } from '../../lib/format';
import { Swatch } from '../teams/ChartMarks';
import classes from '../teams/KpiChart.module.css';
import { useTeamLabels } from '../teams/labels';
import { niceStep } from '../teams/teams';
import { useResultsLabels } from './labels';
import type { StoryKpi } from './results';

const ACTUAL = 'var(--mantine-color-indigo-7)';
const FINAL = 'var(--mantine-color-grape-7)';
const CHECKPOINT = 'var(--mantine-color-teal-8)';
const TARGET = 'var(--mantine-color-hundred-7)';
const ORIGINAL = 'var(--mantine-color-gray-6)';
const MARK = 'var(--mantine-color-gray-5)';

const colorOf = (source: string) => (source === 'FINAL' ? FINAL : source === 'CHECKPOINT' ? CHECKPOINT : ACTUAL);

/**
 * One KPI from its baseline through the 100 days to every checkpoint after, against its target and
 * the original target: day 100 and each checkpoint day are marked. Time runs from right to left in
 * Arabic. The figures are also in a table (hidden until asked for, always read by screen readers).
 */
export function StoryChart({ kpi, checkpointDays }: { kpi: StoryKpi; checkpointDays: readonly number[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useTeamLabels();
  const results = useResultsLabels();
  const { ref, width } = useElementSize();
  const [showTable, setShowTable] = useState(false);
  const tableId = useId();
  const titleId = useId();
  const rtl = format.language === 'ar';
  const unit = kpi.unit;
  const name = format.name(kpi);
  const points = kpi.points;
  const lastDay = Math.max(100, ...checkpointDays, ...points.map((p) => p.day));
  const showOriginal = kpi.originalTarget !== null && kpi.originalTarget !== kpi.target;
  const narrow = width > 0 && width < 520;
  const height = narrow ? 240 : 280;
  const margin = { top: 30, bottom: 30, start: narrow ? 46 : 58, end: 14 };
  const plotW = Math.max(10, width - margin.start - margin.end);
  const plotH = height - margin.top - margin.bottom;

  const domain = useMemo(() => {
    const all = [kpi.baseline, kpi.target, ...points.map((p) => p.value)];
    if (kpi.originalTarget !== null) all.push(kpi.originalTarget);
    let lo = Math.min(...all);
    let hi = Math.max(...all);
    const pad = (hi - lo) * 0.08 || Math.max(1, Math.abs(hi) * 0.1);
    lo = Math.max(0, lo - pad);
    hi += pad;
    if (unit === 'PERCENT') hi = Math.min(100, hi);
    const step = niceStep(hi - lo, narrow ? 3 : 4);
    lo = Math.floor(lo / step) * step;
    hi = Math.ceil(hi / step) * step;
    if (hi <= lo) hi = lo + step;
    const ticks: number[] = [];
    for (let v = lo; v <= hi + step / 1000; v += step) ticks.push(Number(v.toFixed(6)));
    return { lo, hi, ticks };
  }, [kpi.baseline, kpi.target, kpi.originalTarget, points, unit, narrow]);

  const xOf = (day: number) => {
    const offset = (Math.min(lastDay, Math.max(0, day)) / lastDay) * plotW;
    return rtl ? width - margin.start - offset : margin.start + offset;
  };
  const yOf = (value: number) => margin.top + ((domain.hi - value) / (domain.hi - domain.lo)) * plotH;
  const along = (d: number) => (rtl ? -d : d);
  const plotStart = xOf(0);
  const plotEnd = xOf(lastDay);
  const left = Math.min(plotStart, plotEnd);
  const path = points
    .map((p, i) => `${i === 0 ? 'M' : 'L'} ${xOf(p.day).toFixed(1)} ${yOf(p.value).toFixed(1)}`)
    .join(' ');
  const marks = [100, ...checkpointDays];

  const pointText = (p: StoryKpi['points'][number]) =>
    `${results.source(p.source)} · ${t('cohorts.day', { day: format.number(p.day) })} · ${labels.value(unit, p.value)}`;
  const final = points.find((p) => p.source === 'FINAL');
  const lastCheckpoint = [...points].reverse().find((p) => p.source === 'CHECKPOINT');
  const summary = [
    t('results.story.summary', {
      name,
      baseline: labels.value(unit, kpi.baseline),
      target: labels.value(unit, kpi.target),
    }),
    showOriginal ? t('results.story.summaryOriginal', { value: labels.value(unit, kpi.originalTarget!) }) : null,
    final ? t('results.story.summaryFinal', { value: labels.value(unit, final.value) }) : null,
    lastCheckpoint
      ? t('results.story.summaryCheckpoint', {
          day: format.number(lastCheckpoint.day),
          value: labels.value(unit, lastCheckpoint.value),
        })
      : null,
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <Box component="figure" m={0} className={classes.figure} aria-labelledby={titleId} data-testid="story-chart">
      <Group justify="space-between" gap="xs" mb={4} wrap="wrap">
        <Text size="sm" fw={600} id={titleId}>
          <bdi>{name}</bdi>
          <Text span size="xs" c="dimmed" fw={400}>
            {' · '}
            {labels.unit(unit)}
          </Text>
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
      <div ref={ref} className={classes.canvas} style={{ height }}>
        {width > 0 ? (
          <svg
            width={width}
            height={height}
            role="img"
            aria-label={summary}
            className={classes.svg}
            style={{ direction: rtl ? 'rtl' : 'ltr' }}
          >
            {domain.ticks.map((v) => (
              <g key={v}>
                <line
                  x1={left}
                  x2={left + plotW}
                  y1={yOf(v)}
                  y2={yOf(v)}
                  stroke={v === domain.lo ? 'var(--mantine-color-gray-5)' : 'var(--mantine-color-gray-2)'}
                />
                <text x={plotStart - along(8)} y={yOf(v)} dy="0.32em" textAnchor="end" className={classes.tick}>
                  {labels.axisNumber(unit, v)}
                </text>
              </g>
            ))}
            {marks.map((d, i) => (
              <g key={d} data-testid={i === 0 ? 'story-day-100' : 'story-checkpoint-mark'}>
                <line
                  x1={xOf(d)}
                  x2={xOf(d)}
                  y1={margin.top - 4}
                  y2={margin.top + plotH + 5}
                  stroke={MARK}
                  strokeDasharray={i === 0 ? undefined : '3 3'}
                />
                <text x={xOf(d)} y={margin.top + plotH + 18} textAnchor="middle" className={classes.tick}>
                  {format.number(d)}
                </text>
              </g>
            ))}
            <text x={xOf(100)} y={margin.top - 10} textAnchor="middle" className={`${classes.label} ${classes.muted}`}>
              {t('results.story.day100')}
            </text>
            {showOriginal ? (
              <line
                x1={left}
                x2={left + plotW}
                y1={yOf(kpi.originalTarget!)}
                y2={yOf(kpi.originalTarget!)}
                stroke={ORIGINAL}
                strokeWidth={1.5}
                strokeDasharray="2 4"
                data-testid="story-original-target"
              />
            ) : null}
            <line
              x1={left}
              x2={left + plotW}
              y1={yOf(kpi.target)}
              y2={yOf(kpi.target)}
              stroke={TARGET}
              strokeWidth={1.5}
              strokeDasharray="6 4"
            />
            <text
              x={plotEnd - along(4)}
              y={yOf(kpi.target)}
              dy={kpi.direction === 'DECREASE' ? '1.25em' : '-0.55em'}
              textAnchor="end"
              className={classes.label}
              fill={TARGET}
            >
              {t('teams.chart.target', { value: labels.value(unit, kpi.target) })}
            </text>
            {points.length > 1 ? (
              <path d={path} fill="none" stroke={ACTUAL} strokeWidth={2.5} strokeLinejoin="round" />
            ) : null}
            {points.map((p, i) => (
              <g key={`${p.source}-${p.day}-${i}`} data-testid="story-point" data-source={p.source}>
                <title>{pointText(p)}</title>
                <circle
                  cx={xOf(p.day)}
                  cy={yOf(p.value)}
                  r={p.source === 'CHECK_IN' ? 4 : 6}
                  fill={colorOf(p.source)}
                  stroke="var(--mantine-color-white)"
                  strokeWidth={2}
                />
              </g>
            ))}
          </svg>
        ) : null}
      </div>
      <Text size="xs" c="dimmed" ta="center" mt={2} aria-hidden>
        {t('teams.chart.dayAxis')}
      </Text>
      <Group gap="md" mt="xs" wrap="wrap" className={classes.legend} aria-hidden>
        <Group gap={6} wrap="nowrap">
          <Swatch kind="line" color={ACTUAL} />
          <Text size="xs">{t('results.sources.CHECK_IN')}</Text>
        </Group>
        <Group gap={6} wrap="nowrap">
          <Swatch kind="marker" color={FINAL} />
          <Text size="xs">{t('results.sources.FINAL')}</Text>
        </Group>
        <Group gap={6} wrap="nowrap">
          <Swatch kind="marker" color={CHECKPOINT} />
          <Text size="xs">{t('results.sources.CHECKPOINT')}</Text>
        </Group>
        <Group gap={6} wrap="nowrap">
          <Swatch kind="dashed" color={TARGET} />
          <Text size="xs">{t('teams.chart.legendTarget')}</Text>
        </Group>
        {showOriginal ? (
          <Group gap={6} wrap="nowrap">
            <Swatch kind="dotted" color={ORIGINAL} />
            <Text size="xs">{t('teams.chart.legendOriginal')}</Text>
          </Group>
        ) : null}
      </Group>
      <div id={tableId} className={showTable ? classes.table : 'visually-hidden'}>
        <Table verticalSpacing={6} horizontalSpacing="sm" fz="xs" withTableBorder striped data-testid="story-table">
          <Table.Caption>{t('results.story.tableCaption', { name })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('results.story.colDay')}</Table.Th>
              <Table.Th scope="col">{t('results.story.colSource')}</Table.Th>
              <Table.Th scope="col">{t('results.story.colValue')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <Table.Tr>
              <Table.Td colSpan={2}>{t('results.story.target')}</Table.Td>
              <Table.Td fw={600}>{labels.value(unit, kpi.target)}</Table.Td>
            </Table.Tr>
            {showOriginal ? (
              <Table.Tr>
                <Table.Td colSpan={2}>{t('results.story.originalTarget')}</Table.Td>
                <Table.Td fw={600}>{labels.value(unit, kpi.originalTarget!)}</Table.Td>
              </Table.Tr>
            ) : null}
            {points.map((p, i) => (
              <Table.Tr key={`${p.source}-${p.day}-${i}`}>
                <Table.Td>{format.number(p.day)}</Table.Td>
                <Table.Td>{results.source(p.source)}</Table.Td>
                <Table.Td fw={600}>{labels.value(unit, p.value)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
    </Box>
  );
}
