import { Badge, type BadgeProps } from '@mantine/core';

import { isCohortState, STATE_COLORS } from './cohorts';
import { useCohortLabels } from './labels';

/** A cohort's state, named as in the glossary, in the colour its phase has on the timeline. */
export function CohortStateBadge({ state, ...props }: { state: string } & BadgeProps) {
  const labels = useCohortLabels();
  return (
    <Badge
      variant="light"
      color={isCohortState(state) ? STATE_COLORS[state] : 'gray'}
      tt="none"
      data-testid="cohort-state"
      {...props}
    >
      {labels.state(state)}
    </Badge>
  );
}
