import type { MantineColor } from '@mantine/core';
import { MIDPOINT_CRITERIA, RECOMMENDATIONS, type MidpointCriterion, type Recommendation } from '@hundred/domain';
import {
  ASSESSMENT_EVENTS,
  ASSESSMENT_STATES,
  AUDIENCES,
  DEADLINE_KINDS,
  REVIEW_STATES,
  type AssessmentEvent,
  type AssessmentState,
  type Audience,
  type ReviewState,
} from '@hundred/workflow';

import type { ReviewConflict } from '../../gql/graphql';

// The criteria, recommendations, states and events are libs/domain's and libs/workflow's; what is
// here is how the web shows them.

export const CRITERIA: readonly MidpointCriterion[] = MIDPOINT_CRITERIA;
export const RECOMMENDATION_CHOICES: readonly Recommendation[] = RECOMMENDATIONS;
/** The scale of every criterion. */
export const SCALE = [1, 2, 3, 4, 5] as const;

export const isCriterion = (value: string): value is MidpointCriterion =>
  (MIDPOINT_CRITERIA as readonly string[]).includes(value);
export const isRecommendation = (value: string): value is Recommendation =>
  (RECOMMENDATIONS as readonly string[]).includes(value);
export const isAssessmentState = (value: string): value is AssessmentState =>
  (ASSESSMENT_STATES as readonly string[]).includes(value);
export const isAssessmentEvent = (value: string): value is AssessmentEvent =>
  (ASSESSMENT_EVENTS as readonly string[]).includes(value);
export const isReviewState = (value: string): value is ReviewState =>
  (REVIEW_STATES as readonly string[]).includes(value);
export const isAudience = (value: string): value is Audience => (AUDIENCES as readonly string[]).includes(value);

/** Every deadline kind of the calendar (the cohort's and its objects'). */
export type CalendarDeadlineKind = (typeof DEADLINE_KINDS)[keyof typeof DEADLINE_KINDS][number];
const KINDS: readonly string[] = Object.values(DEADLINE_KINDS).flat();
export const isDeadlineKindOfCalendar = (value: string): value is CalendarDeadlineKind => KINDS.includes(value);

const CONFLICTS: Record<ReviewConflict, true> = {
  DECLARED: true,
  LEAD_AGENCY: true,
  PARTNER_AGENCY: true,
  TEAM_MEMBER: true,
};
export const isConflict = (value: string): value is ReviewConflict => value in CONFLICTS;

export const ASSESSMENT_STATE_COLORS: Record<AssessmentState, MantineColor> = {
  ASSIGNED: 'blue',
  DRAFT: 'yellow',
  SUBMITTED: 'teal',
  UNASSIGNED: 'gray',
};

export const RECOMMENDATION_COLORS: Record<Recommendation, MantineColor> = {
  CONTINUE: 'teal',
  COURSE_CORRECT: 'orange',
  ESCALATE: 'violet',
  STOP: 'red',
};
