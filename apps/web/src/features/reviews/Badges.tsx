import { Badge, type BadgeProps } from '@mantine/core';

import { useReviewLabels } from './labels';
import { ASSESSMENT_STATE_COLORS, RECOMMENDATION_COLORS, isAssessmentState, isRecommendation } from './reviews';

/** An assessment's state (assigned, draft, submitted, unassigned). */
export function AssessmentStateBadge({ state, ...props }: { state: string } & BadgeProps) {
  const labels = useReviewLabels();
  return (
    <Badge
      variant="light"
      color={isAssessmentState(state) ? ASSESSMENT_STATE_COLORS[state] : 'gray'}
      tt="none"
      data-testid="assessment-state"
      data-state={state}
      styles={{ root: { overflow: 'visible', flexShrink: 0 }, label: { overflow: 'visible' } }}
      {...props}
    >
      {labels.assessmentState(state)}
    </Badge>
  );
}

/** A reviewer's recommendation or the office's decision. */
export function RecommendationBadge({ recommendation, ...props }: { recommendation: string } & BadgeProps) {
  const labels = useReviewLabels();
  return (
    <Badge
      variant="light"
      color={isRecommendation(recommendation) ? RECOMMENDATION_COLORS[recommendation] : 'gray'}
      tt="none"
      data-testid="recommendation"
      data-recommendation={recommendation}
      styles={{ root: { overflow: 'visible', flexShrink: 0 }, label: { overflow: 'visible' } }}
      {...props}
    >
      {labels.recommendation(recommendation)}
    </Badge>
  );
}
