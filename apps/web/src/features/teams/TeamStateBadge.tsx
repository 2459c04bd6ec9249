import { Badge, type BadgeProps } from '@mantine/core';

import { useTeamLabels } from './labels';
import { TEAM_STATE_COLORS, isTeamState } from './teams';

/** A team's state, named as in the glossary. */
export function TeamStateBadge({ state, ...props }: { state: string } & BadgeProps) {
  const labels = useTeamLabels();
  return (
    <Badge
      variant="light"
      color={isTeamState(state) ? TEAM_STATE_COLORS[state] : 'gray'}
      tt="none"
      data-testid="team-state"
      // The whole label, even in a narrow table cell; dark words, since the light variant's own text
      // colours fall under 4.5:1 on their backgrounds (green, lime, yellow).
      c="dark.7"
      styles={{ root: { overflow: 'visible', flexShrink: 0 }, label: { overflow: 'visible' } }}
      {...props}
    >
      {labels.state(state)}
    </Badge>
  );
}
