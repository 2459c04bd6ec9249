import { Anchor, Group } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';

import type { DashboardQuery } from '../../gql/graphql';
import { useFormat } from '../../lib/format';
import { ChartFigure } from './ChartFigure';
import classes from './Charts.module.css';
import { teamsLink, type Drill } from './dashboard';
import { useDashboardLabels } from './labels';

type Attainment = DashboardQuery['dashboard']['attainment'];

/** How many teams reached how much of their KPIs' way to target: one column per band, lowest first from the start side. */
export function AttainmentChart({ attainment, drill }: { attainment: Attainment; drill: Drill }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useDashboardLabels();
  const navigate = useNavigate();
  const { ref, width } = useElementSize();
  const rtl = format.language === 'ar';
  const height = 180;
  const margin = { top: 18, bottom: 36, side: 8 };
  const plotH = height - margin.top - margin.bottom;
  const max = Math.max(1, ...attainment.bands.map((b) => b.teams));
  const n = attainment.bands.length;
  const slot = (width - margin.side * 2) / n;
  const xOf = (i: number) => (rtl ? width - margin.side - (i + 1) * slot : margin.side + i * slot);
  const summary = t('dashboard.attainment.summary', {
    teams: format.number(attainment.teams),
    mean: labels.percent(attainment.mean),
    bands: format.list(attainment.bands.map((b) => `${labels.band(b.from, b.to)}: ${format.number(b.teams)}`)),
  });
  return (
    <ChartFigure
      title={t('dashboard.attainment.chartTitle')}
      caption={t('dashboard.attainment.chartTitle')}
      head={[t('dashboard.attainment.band'), t('dashboard.columns.teams')]}
      rows={attainment.bands.map((b) => ({
        key: String(b.from),
        cells: [labels.band(b.from, b.to), format.number(b.teams)],
      }))}
      testId="attainment-chart"
    >
      <div ref={ref} style={{ height }}>
        {width > 0 ? (
          <svg width={width} height={height} role="img" aria-label={summary} className={classes.svg}>
            <line
              x1={margin.side}
              x2={width - margin.side}
              y1={margin.top + plotH}
              y2={margin.top + plotH}
              stroke="var(--mantine-color-gray-5)"
            />
            {attainment.bands.map((b, i) => {
              const h = (b.teams / max) * plotH;
              const x = xOf(i) + slot * 0.15;
              const w = slot * 0.7;
              return (
                <g key={b.from}>
                  <rect
                    x={x}
                    y={margin.top + plotH - h}
                    width={w}
                    height={Math.max(h, b.teams > 0 ? 2 : 0)}
                    rx={3}
                    fill="var(--mantine-color-indigo-6)"
                    style={{ cursor: 'pointer' }}
                    onClick={() => void navigate(teamsLink({ ...drill, band: i }))}
                  />
                  <text x={x + w / 2} y={margin.top + plotH - h - 4} textAnchor="middle" className={classes.value}>
                    {format.number(b.teams)}
                  </text>
                  <text x={x + w / 2} y={margin.top + plotH + 16} textAnchor="middle" className={classes.tick}>
                    {labels.band(b.from, b.to)}
                  </text>
                </g>
              );
            })}
          </svg>
        ) : null}
      </div>
      <Group gap="sm" wrap="wrap" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {attainment.bands.map((b, i) => (
          <li key={b.from}>
            <Anchor component={Link} to={teamsLink({ ...drill, band: i })} size="xs">
              {labels.band(b.from, b.to)}:{' '}
              {t('dashboard.teamsCount', { count: b.teams, number: format.number(b.teams) })}
            </Anchor>
          </li>
        ))}
      </Group>
    </ChartFigure>
  );
}
