import { Badge } from '@mantine/core';

import { useResultsLabels } from './labels';
import { OUTCOME_COLORS, STATUS_COLORS, isOutcome, isSustainmentStatus } from './results';

/**
 * Dark words on the pale colour: the light variant's own text colours fall under 4.5:1 on their
 * backgrounds (yellow at 2.7, teal at 4.3); the colour stays, and the words carry the meaning.
 */
export const READABLE = { root: { color: 'var(--mantine-color-dark-7)' } };

/** A team's outcome, in words and colour. */
export function OutcomeBadge({ outcome, size = 'md' }: { outcome: string; size?: 'md' | 'lg' }) {
  const labels = useResultsLabels();
  const color = isOutcome(outcome) ? OUTCOME_COLORS[outcome] : 'gray';
  return (
    <Badge color={color} variant="light" size={size} tt="none" data-testid="outcome-badge" styles={READABLE}>
      {labels.outcome(outcome)}
    </Badge>
  );
}

/** Whether the result held: sustained, scaled or lapsed. */
export function SustainmentStatusBadge({ status, size = 'md' }: { status: string; size?: 'md' | 'lg' }) {
  const labels = useResultsLabels();
  return (
    <Badge
      color={isSustainmentStatus(status) ? STATUS_COLORS[status] : 'gray'}
      variant="light"
      size={size}
      tt="none"
      styles={READABLE}
    >
      {labels.status(status)}
    </Badge>
  );
}
