import { Group, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';

import type { DashboardQuery } from '../../gql/graphql';
import { useFormat } from '../../lib/format';
import { ChartFigure } from './ChartFigure';
import classes from './Charts.module.css';
import { countOf, STANDING_CSS, STANDINGS_DRAWN } from './dashboard';
import { useDashboardLabels } from './labels';

type Week = DashboardQuery['dashboard']['trend'][number];

/** Where a cohort's teams stood week by week: one stacked column a week, week 1 on the start side. */
export function TrendChart({ trend }: { trend: Week[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useDashboardLabels();
  const { ref, width } = useElementSize();
  const rtl = format.language === 'ar';
  const height = 200;
  const margin = { top: 10, bottom: 26, side: 8 };
  const plotH = height - margin.top - margin.bottom;
  const max = Math.max(1, ...trend.map((w) => w.teams.total));
  const slot = (width - margin.side * 2) / Math.max(trend.length, 1);
  const xOf = (i: number) => (rtl ? width - margin.side - (i + 1) * slot : margin.side + i * slot);
  const last = trend[trend.length - 1];
  const summary = last
    ? t('dashboard.trend.summary', {
        weeks: format.number(trend.length),
        counts: format.list(
          STANDINGS_DRAWN.filter((s) => countOf(last.teams, s) > 0).map(
            (s) => `${labels.standing(s)}: ${format.number(countOf(last.teams, s))}`,
          ),
        ),
      })
    : t('dashboard.trend.none');
  return (
    <ChartFigure
      title={t('dashboard.trend.title')}
      caption={t('dashboard.trend.title')}
      head={[t('dashboard.trend.week'), ...STANDINGS_DRAWN.map((s) => labels.standing(s))]}
      rows={trend.map((w) => ({
        key: String(w.week),
        cells: [
          `${format.number(w.week)} (${format.localDate(w.endsOn)})`,
          ...STANDINGS_DRAWN.map((s) => format.number(countOf(w.teams, s))),
        ],
      }))}
      testId="trend-chart"
    >
      <div ref={ref} style={{ height }}>
        {width > 0 ? (
          <svg width={width} height={height} role="img" aria-label={summary} className={classes.svg}>
            {trend.map((w, i) => {
              let y = margin.top + plotH;
              const x = xOf(i) + slot * 0.12;
              const cw = slot * 0.76;
              return (
                <g key={w.week}>
                  {STANDINGS_DRAWN.map((s) => {
                    const h = (countOf(w.teams, s) / max) * plotH;
                    y -= h;
                    return h > 0 ? <rect key={s} x={x} y={y} width={cw} height={h} fill={STANDING_CSS[s]} /> : null;
                  })}
                  <text x={x + cw / 2} y={margin.top + plotH + 16} textAnchor="middle" className={classes.tick}>
                    {format.number(w.week)}
                  </text>
                </g>
              );
            })}
          </svg>
        ) : null}
      </div>
      <Text size="xs" c="dimmed" ta="center" aria-hidden>
        {t('dashboard.trend.axis')}
      </Text>
      <Group gap="sm" mt={4} wrap="wrap" aria-hidden>
        {STANDINGS_DRAWN.map((s) => (
          <Group gap={4} key={s} wrap="nowrap">
            <span
              style={{ width: 10, height: 10, borderRadius: 2, background: STANDING_CSS[s], display: 'inline-block' }}
            />
            <Text size="xs">{labels.standing(s)}</Text>
          </Group>
        ))}
      </Group>
    </ChartFigure>
  );
}
