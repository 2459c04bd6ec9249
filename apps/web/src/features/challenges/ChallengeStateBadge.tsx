import { Badge, type BadgeProps } from '@mantine/core';

import { CHALLENGE_STATE_COLORS, isChallengeState } from './challenges';
import { useChallengeLabels } from './labels';

/** A challenge's state, named as in the glossary. */
export function ChallengeStateBadge({ state, ...props }: { state: string } & BadgeProps) {
  const labels = useChallengeLabels();
  return (
    <Badge
      variant="light"
      color={isChallengeState(state) ? CHALLENGE_STATE_COLORS[state] : 'gray'}
      tt="none"
      data-testid="challenge-state"
      {...props}
    >
      {labels.state(state)}
    </Badge>
  );
}
