import classes from './KpiChart.module.css';

/**
 * A point drawn by the confidence of its check-in: high filled, medium half-filled, low hollow;
 * without a known confidence, filled and small.
 */
export function Marker({
  x,
  y,
  r,
  color,
  confidence,
}: {
  x: number;
  y: number;
  r: number;
  color: string;
  confidence: string | null;
}) {
  if (confidence === 'LOW') {
    return <circle cx={x} cy={y} r={r} fill="var(--mantine-color-white)" stroke={color} strokeWidth={2.5} />;
  }
  if (confidence === 'MEDIUM') {
    // The lower half filled: from the left edge, round the bottom, to the right edge.
    return (
      <g>
        <circle cx={x} cy={y} r={r} fill="var(--mantine-color-white)" stroke={color} strokeWidth={2.5} />
        <path d={`M ${x - r} ${y} A ${r} ${r} 0 0 0 ${x + r} ${y} Z`} fill={color} />
      </g>
    );
  }
  return (
    <circle cx={x} cy={y} r={confidence ? r : r - 1} fill={color} stroke="var(--mantine-color-white)" strokeWidth={2} />
  );
}

/** A swatch of the legend: a short line, dashed or not, or a marker. */
export function Swatch({
  kind,
  color,
  confidence,
}: {
  kind: 'line' | 'dashed' | 'dotted' | 'marker' | 'today';
  color: string;
  confidence?: string;
}) {
  return (
    <svg width={26} height={14} aria-hidden focusable="false" className={classes.swatch}>
      {kind === 'marker' ? (
        <Marker x={13} y={7} r={5} color={color} confidence={confidence ?? 'HIGH'} />
      ) : kind === 'today' ? (
        <line x1={13} x2={13} y1={0} y2={14} stroke={color} strokeWidth={2} />
      ) : (
        <>
          <line
            x1={1}
            x2={25}
            y1={7}
            y2={7}
            stroke={color}
            strokeWidth={kind === 'line' ? 2.5 : 2}
            strokeDasharray={kind === 'dashed' ? '6 4' : kind === 'dotted' ? '2 3' : undefined}
          />
          {kind === 'line' ? <circle cx={13} cy={7} r={3.5} fill={color} /> : null}
        </>
      )}
    </svg>
  );
}
