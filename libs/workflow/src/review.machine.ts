import { assignedReviewer, guard, office, system, type Machine } from './core.js';

/** The mid-point review of one team. */
export const REVIEW_STATES = ['SCHEDULED', 'OPEN', 'DECIDED'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];
export const REVIEW_EVENTS = ['OPEN', 'DECIDE'] as const;
export type ReviewEvent = (typeof REVIEW_EVENTS)[number];
export type ReviewContext = Record<string, never>;

export const reviewMachine: Machine<ReviewState, ReviewEvent, ReviewContext> = {
  name: 'review',
  states: REVIEW_STATES,
  events: REVIEW_EVENTS,
  initial: 'SCHEDULED',
  terminal: ['DECIDED'],
  transitions: [
    {
      event: 'OPEN',
      from: ['SCHEDULED'],
      to: 'OPEN',
      by: [system],
      guards: [],
      effects: [{ type: 'scheduleDeadlines', group: 'ASSESSMENTS' }],
    },
    {
      event: 'DECIDE',
      from: ['OPEN'],
      to: 'DECIDED',
      by: [system],
      guards: [],
      effects: [{ type: 'cancelDeadlines', group: 'ASSESSMENTS' }],
    },
  ],
};

/**
 * One reviewer's assessment of one team. Drafts are saved any number of times (each a version);
 * no edits after it is submitted.
 */
export const ASSESSMENT_STATES = ['ASSIGNED', 'DRAFT', 'SUBMITTED', 'UNASSIGNED'] as const;
export type AssessmentState = (typeof ASSESSMENT_STATES)[number];
export const ASSESSMENT_EVENTS = ['SAVE_DRAFT', 'SUBMIT', 'UNASSIGN', 'DECLARE_CONFLICT'] as const;
export type AssessmentEvent = (typeof ASSESSMENT_EVENTS)[number];

export interface AssessmentContext {
  readonly reviewOpen: boolean;
  /** Every criterion scored 1–5. */
  readonly allCriteriaScored: boolean;
  readonly recommendationGiven: boolean;
  readonly reason?: string | null;
}

export const assessmentMachine: Machine<AssessmentState, AssessmentEvent, AssessmentContext> = {
  name: 'assessment',
  states: ASSESSMENT_STATES,
  events: ASSESSMENT_EVENTS,
  initial: 'ASSIGNED',
  terminal: ['SUBMITTED', 'UNASSIGNED'],
  transitions: [
    {
      event: 'SAVE_DRAFT',
      from: ['ASSIGNED', 'DRAFT'],
      to: 'DRAFT',
      by: [assignedReviewer],
      guards: [guard('REVIEW_OPEN', (c) => c.reviewOpen)],
      effects: [],
    },
    {
      event: 'SUBMIT',
      from: ['ASSIGNED', 'DRAFT'],
      to: 'SUBMITTED',
      by: [assignedReviewer],
      guards: [
        guard('REVIEW_OPEN', (c) => c.reviewOpen),
        guard('ALL_CRITERIA_SCORED', (c) => c.allCriteriaScored),
        guard('RECOMMENDATION_GIVEN', (c) => c.recommendationGiven),
      ],
      effects: [{ type: 'notify', template: 'ASSESSMENT_SUBMITTED', audience: ['OFFICE'] }],
    },
    {
      event: 'UNASSIGN',
      from: ['ASSIGNED', 'DRAFT'],
      to: 'UNASSIGNED',
      by: [office],
      guards: [],
      effects: [{ type: 'notify', template: 'ASSESSMENT_UNASSIGNED', audience: ['REVIEWERS'] }],
    },
    {
      // The reviewer finds they should not review this team: they are unassigned and the office is told.
      event: 'DECLARE_CONFLICT',
      from: ['ASSIGNED', 'DRAFT'],
      to: 'UNASSIGNED',
      by: [assignedReviewer],
      guards: [guard('REASON_GIVEN', (c) => (c.reason ?? '').trim().length > 0, 'REASON')],
      inputs: [{ input: 'REASON', required: true }],
      effects: [{ type: 'notify', template: 'ASSESSMENT_CONFLICT_DECLARED', audience: ['OFFICE'] }],
    },
  ],
};
