import { Box, Button, Group, Table, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { expectedValue, type Rag } from '@hundred/domain';
import { IconTable } from '@tabler/icons-react';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { KpiFieldsFragment } from '../../gql/graphql';
import { useFormat } from '../../lib/format';
import { Marker, Swatch } from './ChartMarks';
import classes from './KpiChart.module.css';
import { useTeamLabels } from './labels';
import { RAG_CSS, cohortDayOf, isRag, niceStep, roundTo } from './teams';

export interface CheckInFacts {
  week: number;
  confidence: string;
}

interface Point {
  key: string;
  day: number;
  /** The day on the axis: the 100 days hold every point. */
  x: number;
  value: number;
  asOf: string;
  evidence: string;
  week: number | null;
  confidence: string | null;
}

const ACTUAL = 'var(--mantine-color-indigo-7)';
const EXPECTED = 'var(--mantine-color-gray-6)';
const TARGET = 'var(--mantine-color-hundred-7)';
const ORIGINAL = 'var(--mantine-color-gray-5)';
const TODAY = 'var(--mantine-color-red-7)';

/**
 * One KPI's values against the line expected from baseline (day 1) to target (day 100), with the
 * target, today, the status colour on the latest value and each check-in's confidence in the
 * shape of its point. Time runs from right to left in Arabic and from left to right in English.
 * The figures are also in a table (hidden until asked for, always read by screen readers).
 */
export function KpiChart({
  kpi,
  name,
  day1,
  currentDay,
  checkIns,
}: {
  kpi: KpiFieldsFragment;
  name: string;
  day1: string;
  currentDay: number;
  checkIns: ReadonlyMap<string, CheckInFacts>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useTeamLabels();
  const { ref, width } = useElementSize();
  const [showTable, setShowTable] = useState(false);
  const tableId = useId();
  const titleId = useId();
  const rtl = format.language === 'ar';
  const rag: Rag = isRag(kpi.rag) ? kpi.rag : 'GREY';
  const unit = kpi.unit;

  const points = useMemo<Point[]>(
    () =>
      kpi.values.map((v, i) => {
        const day = cohortDayOf(v.asOf, day1);
        const facts = checkIns.get(v.checkInId);
        return {
          key: `${v.checkInId}-${i}`,
          day,
          x: Math.min(100, Math.max(0, day)),
          value: v.value,
          asOf: v.asOf,
          evidence: v.evidence,
          week: facts?.week ?? null,
          confidence: facts?.confidence ?? null,
        };
      }),
    [kpi.values, day1, checkIns],
  );

  const showOriginal = kpi.originalTarget !== null && kpi.originalTarget !== kpi.target;
  const narrow = width > 0 && width < 520;
  const height = narrow ? 240 : 280;
  const margin = { top: 30, bottom: 30, start: narrow ? 46 : 58, end: 14 };
  const plotW = Math.max(10, width - margin.start - margin.end);
  const plotH = height - margin.top - margin.bottom;

  // The value axis holds the baseline, both targets and every value, on tidy steps.
  const domain = useMemo(() => {
    const all = [kpi.baseline, kpi.target, ...points.map((p) => p.value)];
    if (kpi.originalTarget !== null) all.push(kpi.originalTarget);
    if (kpi.originalBaseline !== null) all.push(kpi.originalBaseline);
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
  }, [kpi.baseline, kpi.target, kpi.originalTarget, kpi.originalBaseline, points, unit, narrow]);

  // Day 0 (the baseline) sits on the start side: the right in Arabic, the left in English.
  const xOf = (day: number) => {
    const offset = (Math.min(100, Math.max(0, day)) / 100) * plotW;
    return rtl ? width - margin.start - offset : margin.start + offset;
  };
  const yOf = (value: number) => margin.top + ((domain.hi - value) / (domain.hi - domain.lo)) * plotH;
  /** A step along the time axis (towards day 100). */
  const along = (d: number) => (rtl ? -d : d);

  const trajectoryPath = kpi.trajectory
    .map((p, i) => `${i === 0 ? 'M' : 'L'} ${xOf(p.day).toFixed(1)} ${yOf(p.value).toFixed(1)}`)
    .join(' ');
  const actualPath = points
    .map((p, i) => `${i === 0 ? 'M' : 'L'} ${xOf(p.x).toFixed(1)} ${yOf(p.value).toFixed(1)}`)
    .join(' ');
  const dayTicks = narrow ? [1, 50, 100] : [1, 25, 50, 75, 100];
  const today = currentDay >= 1 && currentDay <= 100 ? currentDay : null;
  const latest = points[points.length - 1] ?? null;
  const latestColor = RAG_CSS[rag];
  const plotStart = xOf(0);
  const plotEnd = xOf(100);
  const left = Math.min(plotStart, plotEnd);

  const pointText = (p: Point) =>
    [
      p.week !== null ? labels.week(p.week) : null,
      labels.value(unit, p.value),
      t('teams.chart.asOfDay', { date: format.localDate(p.asOf), day: format.number(p.day) }),
      p.confidence ? t('teams.chart.confidenceOf', { confidence: labels.confidence(p.confidence) }) : null,
    ]
      .filter(Boolean)
      .join(' · ');

  const summary = [
    t('teams.chart.summaryLine', {
      name,
      baseline: labels.value(unit, kpi.baseline),
      target: labels.value(unit, kpi.target),
    }),
    latest
      ? t('teams.chart.summaryLatest', {
          value: labels.value(unit, latest.value),
          date: format.localDate(latest.asOf),
          status: labels.rag(rag),
        })
      : t('teams.chart.summaryNoValues'),
    today !== null
      ? t('teams.chart.summaryExpected', {
          day: format.number(today),
          value: labels.value(unit, roundTo(kpi.expected, 1)),
        })
      : null,
    points.length > 0
      ? t('teams.chart.summaryPoints', { count: points.length, number: format.number(points.length) })
      : null,
  ]
    .filter(Boolean)
    .join(' ');

  const figures = (
    <Table verticalSpacing={6} horizontalSpacing="sm" fz="xs" withTableBorder striped>
      <Table.Caption>{t('teams.chart.tableCaption', { name })}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('teams.chart.colWeek')}</Table.Th>
          <Table.Th scope="col">{t('teams.chart.colAsOf')}</Table.Th>
          <Table.Th scope="col">{t('teams.chart.colValue')}</Table.Th>
          <Table.Th scope="col">{t('teams.chart.colExpected')}</Table.Th>
          <Table.Th scope="col">{t('teams.chart.colConfidence')}</Table.Th>
          <Table.Th scope="col">{t('teams.chart.colEvidence')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {points.length === 0 ? (
          <Table.Tr>
            <Table.Td colSpan={6}>{t('teams.chart.summaryNoValues')}</Table.Td>
          </Table.Tr>
        ) : (
          points.map((p) => (
            <Table.Tr key={p.key}>
              <Table.Td>{p.week !== null ? format.number(p.week) : '—'}</Table.Td>
              <Table.Td>
                {format.localDate(p.asOf)}
                <Text span size="xs" c="dimmed">
                  {' · '}
                  {t('cohorts.day', { day: format.number(p.day) })}
                </Text>
              </Table.Td>
              <Table.Td fw={600}>{labels.value(unit, p.value)}</Table.Td>
              <Table.Td>{labels.value(unit, roundTo(expectedValue(kpi, p.day), 1))}</Table.Td>
              <Table.Td>{p.confidence ? labels.confidence(p.confidence) : '—'}</Table.Td>
              <Table.Td>
                <Text size="xs" dir="auto" lineClamp={2}>
                  {p.evidence}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))
        )}
      </Table.Tbody>
    </Table>
  );

  return (
    <Box component="figure" m={0} className={classes.figure} aria-labelledby={titleId} data-testid="kpi-chart">
      <Group justify="space-between" gap="xs" mb={4} wrap="wrap">
        <Text size="xs" c="dimmed" fw={600} id={titleId}>
          {t('teams.chart.title', { unit: labels.unit(unit) })}
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
            data-testid="kpi-chart-svg"
          >
            {/* Days to come, shaded. */}
            {today !== null ? (
              <rect
                x={Math.min(xOf(today), plotEnd)}
                y={margin.top}
                width={Math.abs(plotEnd - xOf(today))}
                height={plotH}
                fill="var(--mantine-color-gray-0)"
              />
            ) : null}

            {/* Value grid and axis. */}
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

            {/* Day axis. */}
            {dayTicks.map((d) => (
              <g key={d}>
                <line
                  x1={xOf(d)}
                  x2={xOf(d)}
                  y1={margin.top + plotH}
                  y2={margin.top + plotH + 5}
                  stroke="var(--mantine-color-gray-5)"
                />
                <text x={xOf(d)} y={margin.top + plotH + 18} textAnchor="middle" className={classes.tick}>
                  {format.number(d)}
                </text>
              </g>
            ))}

            {/* The original target, when a change moved it. */}
            {showOriginal ? (
              <g data-testid="kpi-original-target-line">
                <line
                  x1={left}
                  x2={left + plotW}
                  y1={yOf(kpi.originalTarget!)}
                  y2={yOf(kpi.originalTarget!)}
                  stroke={ORIGINAL}
                  strokeWidth={1.5}
                  strokeDasharray="2 4"
                />
                <text
                  x={plotEnd - along(4)}
                  y={yOf(kpi.originalTarget!)}
                  dy={kpi.originalTarget! > kpi.target ? '-0.5em' : '1.2em'}
                  textAnchor="end"
                  className={`${classes.label} ${classes.muted}`}
                >
                  {t('teams.chart.originalTarget', { value: labels.value(unit, kpi.originalTarget!) })}
                </text>
              </g>
            ) : null}

            {/* The target. */}
            <g data-testid="kpi-target-line">
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
            </g>

            {/* The expected line from baseline to target. */}
            <path
              d={trajectoryPath}
              fill="none"
              stroke={EXPECTED}
              strokeWidth={2}
              strokeDasharray="7 5"
              data-testid="kpi-expected-line"
            />

            {/* Today. */}
            {today !== null ? (
              <g data-testid="kpi-today">
                <line
                  x1={xOf(today)}
                  x2={xOf(today)}
                  y1={margin.top - 4}
                  y2={margin.top + plotH}
                  stroke={TODAY}
                  strokeWidth={1.5}
                />
                <text
                  x={Math.min(Math.max(xOf(today), 40), width - 40)}
                  y={margin.top - 10}
                  textAnchor="middle"
                  className={classes.today}
                >
                  {t('teams.chart.today', { day: format.number(today) })}
                </text>
              </g>
            ) : null}

            {/* The values reported. */}
            {points.length > 1 ? (
              <path d={actualPath} fill="none" stroke={ACTUAL} strokeWidth={2.5} strokeLinejoin="round" />
            ) : null}
            {points.map((p, i) => {
              const isLatest = i === points.length - 1;
              return (
                <g
                  key={p.key}
                  data-testid="kpi-actual-point"
                  data-latest={isLatest || undefined}
                  data-confidence={p.confidence ?? undefined}
                  data-rag={isLatest ? rag : undefined}
                >
                  <title>{pointText(p)}</title>
                  <Marker
                    x={xOf(p.x)}
                    y={yOf(p.value)}
                    r={isLatest ? 7 : 5}
                    color={isLatest ? latestColor : ACTUAL}
                    confidence={p.confidence}
                  />
                </g>
              );
            })}
            {latest ? (
              <text
                x={xOf(latest.x)}
                y={yOf(latest.value)}
                dy={latest.value < expectedValue(kpi, latest.x) ? '1.75em' : '-0.95em'}
                textAnchor="middle"
                className={classes.value}
                fill={latestColor}
                data-testid="kpi-latest-label"
              >
                {labels.value(unit, latest.value)}
              </text>
            ) : null}
          </svg>
        ) : null}
      </div>
      <Text size="xs" c="dimmed" ta="center" mt={2} aria-hidden>
        {t('teams.chart.dayAxis')}
      </Text>

      <Group gap="md" mt="xs" wrap="wrap" className={classes.legend} aria-hidden>
        <Group gap={6} wrap="nowrap">
          <Swatch kind="line" color={ACTUAL} />
          <Text size="xs">{t('teams.chart.legendActual')}</Text>
        </Group>
        <Group gap={6} wrap="nowrap">
          <Swatch kind="dashed" color={EXPECTED} />
          <Text size="xs">{t('teams.chart.legendExpected')}</Text>
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
        {today !== null ? (
          <Group gap={6} wrap="nowrap">
            <Swatch kind="today" color={TODAY} />
            <Text size="xs">{t('teams.chart.legendToday')}</Text>
          </Group>
        ) : null}
        <Group gap={6} wrap="nowrap">
          <Text size="xs" c="dimmed">
            {t('teams.chart.legendConfidence')}
          </Text>
          {(['HIGH', 'MEDIUM', 'LOW'] as const).map((c) => (
            <Group gap={2} wrap="nowrap" key={c}>
              <Swatch kind="marker" color={ACTUAL} confidence={c} />
              <Text size="xs">{labels.confidence(c)}</Text>
            </Group>
          ))}
        </Group>
      </Group>

      <div id={tableId} className={showTable ? classes.table : 'visually-hidden'}>
        {/* Scrolled sideways when shown; hidden, it stays out of the way of the keyboard. */}
        {showTable ? <Table.ScrollContainer minWidth={560}>{figures}</Table.ScrollContainer> : figures}
      </div>
    </Box>
  );
}
