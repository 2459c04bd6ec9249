import { Anchor, Group, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { Link, useNavigate } from 'react-router';

import type { StandingCountsFieldsFragment } from '../../gql/graphql';
import { useFormat } from '../../lib/format';
import { countOf, STANDING_CSS, STANDINGS_DRAWN, teamsLink, type Drill } from './dashboard';
import { useDashboardLabels } from './labels';

/**
 * Teams by standing as one stacked bar, drawn from the start side (the right in Arabic, the left
 * in English). The bar is decoration for the eye (a click opens the teams of a segment); the
 * numbers, and the links to the teams, are beside it in `StandingLinks` or in the table it sits in.
 */
export function StandingBar({
  counts,
  drill,
  height = 14,
}: {
  counts: StandingCountsFieldsFragment;
  drill: Drill;
  height?: number;
}) {
  const format = useFormat();
  const navigate = useNavigate();
  const { ref, width } = useElementSize();
  const rtl = format.language === 'ar';
  let offset = 0;
  return (
    <div ref={ref} style={{ width: '100%', minWidth: 80 }}>
      {width > 0 ? (
        <svg width={width} height={height} aria-hidden="true" focusable="false" data-testid="standing-bar">
          <rect x={0} y={0} width={width} height={height} rx={3} fill="var(--mantine-color-gray-1)" />
          {counts.total > 0
            ? STANDINGS_DRAWN.map((s) => {
                const n = countOf(counts, s);
                if (n === 0) return null;
                const w = (n / counts.total) * width;
                const x = rtl ? width - offset - w : offset;
                offset += w;
                return (
                  <rect
                    key={s}
                    x={x}
                    y={0}
                    width={Math.max(w - 1, 1)}
                    height={height}
                    fill={STANDING_CSS[s]}
                    style={{ cursor: 'pointer' }}
                    data-standing={s}
                    onClick={() => void navigate(teamsLink({ ...drill, standing: s }))}
                  />
                );
              })
            : null}
        </svg>
      ) : null}
    </div>
  );
}

/** Each standing with its count, a link to its teams (only the standings that have teams). */
export function StandingLinks({
  counts,
  drill,
  size = 'sm',
}: {
  counts: StandingCountsFieldsFragment;
  drill: Drill;
  size?: 'xs' | 'sm';
}) {
  const format = useFormat();
  const labels = useDashboardLabels();
  const shown = STANDINGS_DRAWN.filter((s) => countOf(counts, s) > 0);
  if (shown.length === 0)
    return (
      <Text size={size} c="dimmed">
        —
      </Text>
    );
  return (
    <Group gap="xs" wrap="wrap" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {shown.map((s) => (
        <li key={s}>
          <Anchor
            component={Link}
            to={teamsLink({ ...drill, standing: s })}
            size={size}
            data-testid={`standing-link-${s}`}
            style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
          >
            <span
              aria-hidden
              style={{ width: 10, height: 10, borderRadius: 2, background: STANDING_CSS[s], display: 'inline-block' }}
            />
            {labels.standing(s)}: {format.number(countOf(counts, s))}
          </Anchor>
        </li>
      ))}
    </Group>
  );
}
