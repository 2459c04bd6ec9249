import { Badge } from '@mantine/core';

import { useResultsLabels } from './labels';
import { OUTCOME_COLORS, STATUS_COLORS, isOutcome, isSustainmentStatus } from './results';

/** A team's outcome, in words and colour. */
export function OutcomeBadge({ outcome, size = 'md' }: { outcome: string; size?: 'md' | 'lg' }) {
  const labels = useResultsLabels();
  return (
    <Badge color={isOutcome(outcome) ? OUTCOME_COLORS[outcome] : 'gray'} variant="light" size={size} tt="none">
      {labels.outcome(outcome)}
    </Badge>
  );
}

/** Whether the result held: sustained, scaled or lapsed. */
export function SustainmentStatusBadge({ status, size = 'md' }: { status: string; size?: 'md' | 'lg' }) {
  const labels = useResultsLabels();
  return (
    <Badge color={isSustainmentStatus(status) ? STATUS_COLORS[status] : 'gray'} variant="light" size={size} tt="none">
      {labels.status(status)}
    </Badge>
  );
}
