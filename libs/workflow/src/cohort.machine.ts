import { guard, office, scheduler, type Machine } from './core.js';

export const COHORT_STATES = [
  'DRAFT',
  'INTAKE',
  'SELECTION',
  'PREPARATION',
  'EXECUTION',
  'MIDPOINT_REVIEW',
  'FINAL_STRETCH',
  'RESULTS',
  'SUSTAINMENT',
  'CLOSED',
  'CANCELLED',
] as const;
export type CohortState = (typeof COHORT_STATES)[number];

export const COHORT_EVENTS = [
  'OPEN_INTAKE',
  'CLOSE_INTAKE',
  'START_PREPARATION',
  'LAUNCH',
  'OPEN_MIDPOINT',
  'CLOSE_MIDPOINT',
  'OPEN_RESULTS',
  'START_SUSTAINMENT',
  'CLOSE',
  'CANCEL',
] as const;
export type CohortEvent = (typeof COHORT_EVENTS)[number];

/**
 * The cohort's own calendar (intake, selection, launch, mid-point, results, sustainment, close,
 * and their reminders) is scheduled when the cohort is created and moved with its day 1; the
 * deadlines of teams, challenges and reviews belong to their own transitions.
 */

/** The counts the cohort's guards read, each gathered by the feature that owns the objects. */
export const COHORT_FACTS = [
  'undecidedChallenges',
  'teamsNotReady',
  'teamsShortOfReviewers',
  'teamsWithoutMidpointDecision',
  'teamsWithoutOutcome',
  'openSustainmentPlans',
] as const;
export type CohortFact = (typeof COHORT_FACTS)[number];
export type CohortFacts = Record<CohortFact, number>;

/** What the cohort's guards read: facts gathered by the API, and the event's parameters. */
export interface CohortContext extends CohortFacts {
  /** Day 1, time zone and offsets put the phases in order (see `checkCalendar` in libs/domain). */
  readonly calendarConsistent: boolean;
  /** Submitted challenges not yet APPROVED, REJECTED, DEFERRED or WITHDRAWN. */
  readonly undecidedChallenges: number;
  /** Teams of the cohort not READY (and not WITHDRAWN). */
  readonly teamsNotReady: number;
  /** Active teams with fewer reviewers assigned than the cohort's minimum. */
  readonly teamsShortOfReviewers: number;
  /** Teams under review without a mid-point decision. */
  readonly teamsWithoutMidpointDecision: number;
  /** Teams that reached results without a recorded outcome. */
  readonly teamsWithoutOutcome: number;
  /** Sustainment plans not yet closed. */
  readonly openSustainmentPlans: number;
  /** LAUNCH by the office: go ahead without the teams that are not READY (they are withdrawn). */
  readonly excludeNotReadyTeams?: boolean;
  readonly reason?: string | null;
}

const hasReason = (c: { reason?: string | null }) => (c.reason ?? '').trim().length > 0;

const NOT_FINAL: readonly CohortState[] = COHORT_STATES.filter((s) => s !== 'CLOSED' && s !== 'CANCELLED');

export const cohortMachine: Machine<CohortState, CohortEvent, CohortContext> = {
  name: 'cohort',
  states: COHORT_STATES,
  events: COHORT_EVENTS,
  initial: 'DRAFT',
  terminal: ['CLOSED', 'CANCELLED'],
  transitions: [
    {
      event: 'OPEN_INTAKE',
      from: ['DRAFT'],
      to: 'INTAKE',
      by: [office, scheduler],
      guards: [guard('CALENDAR_CONSISTENT', (c) => c.calendarConsistent)],
      effects: [{ type: 'notify', template: 'COHORT_INTAKE_OPENED', audience: ['ALL_FOCAL_POINTS', 'OFFICE'] }],
    },
    {
      event: 'CLOSE_INTAKE',
      from: ['INTAKE'],
      to: 'SELECTION',
      by: [scheduler, office],
      guards: [],
      effects: [
        { type: 'lockDrafts' },
        { type: 'notify', template: 'COHORT_INTAKE_CLOSED', audience: ['ALL_FOCAL_POINTS', 'OFFICE'] },
      ],
    },
    {
      event: 'START_PREPARATION',
      from: ['SELECTION'],
      to: 'PREPARATION',
      by: [office, scheduler],
      guards: [guard('ALL_CHALLENGES_DECIDED', (c) => c.undecidedChallenges === 0)],
      effects: [{ type: 'notify', template: 'COHORT_PREPARATION_STARTED', audience: ['OFFICE', 'ALL_TEAMS'] }],
    },
    {
      event: 'LAUNCH',
      from: ['PREPARATION'],
      to: 'EXECUTION',
      by: [scheduler, office],
      guards: [
        guard(
          'ALL_TEAMS_READY',
          (c) => c.teamsNotReady === 0 || (c.excludeNotReadyTeams === true && hasReason(c)),
          'EXCLUDE_NOT_READY',
        ),
      ],
      // Launching without the teams that are not ready needs a reason.
      inputs: [
        { input: 'EXCLUDE_NOT_READY', required: false },
        { input: 'REASON', required: false },
      ],
      effects: [
        {
          type: 'cascade',
          machine: 'team',
          event: 'WITHDRAW',
          scope: 'NOT_READY_TEAMS',
          when: (c) => c.teamsNotReady > 0,
        },
        { type: 'cascade', machine: 'team', event: 'START', scope: 'READY_TEAMS' },
        { type: 'notify', template: 'COHORT_LAUNCHED', audience: ['ALL_TEAMS', 'OFFICE', 'LEADERSHIP'] },
      ],
    },
    {
      event: 'OPEN_MIDPOINT',
      from: ['EXECUTION'],
      to: 'MIDPOINT_REVIEW',
      by: [scheduler],
      guards: [guard('ENOUGH_REVIEWERS', (c) => c.teamsShortOfReviewers === 0)],
      effects: [
        { type: 'cascade', machine: 'team', event: 'BEGIN_REVIEW', scope: 'ACTIVE_TEAMS' },
        { type: 'cascade', machine: 'review', event: 'OPEN', scope: 'REVIEWS_OF_ACTIVE_TEAMS' },
        { type: 'notify', template: 'COHORT_MIDPOINT_OPENED', audience: ['REVIEWERS', 'ALL_TEAMS', 'OFFICE'] },
      ],
    },
    {
      event: 'CLOSE_MIDPOINT',
      from: ['MIDPOINT_REVIEW'],
      to: 'FINAL_STRETCH',
      by: [office, scheduler],
      guards: [guard('ALL_MIDPOINT_DECISIONS_MADE', (c) => c.teamsWithoutMidpointDecision === 0)],
      effects: [
        { type: 'notify', template: 'COHORT_MIDPOINT_CLOSED', audience: ['ALL_TEAMS', 'OFFICE', 'LEADERSHIP'] },
      ],
    },
    {
      event: 'OPEN_RESULTS',
      from: ['FINAL_STRETCH'],
      to: 'RESULTS',
      by: [scheduler],
      guards: [],
      effects: [
        { type: 'cascade', machine: 'team', event: 'BEGIN_REPORTING', scope: 'ACTIVE_TEAMS' },
        { type: 'notify', template: 'COHORT_RESULTS_OPENED', audience: ['ALL_TEAMS', 'OFFICE', 'LEADERSHIP'] },
      ],
    },
    {
      event: 'START_SUSTAINMENT',
      from: ['RESULTS'],
      to: 'SUSTAINMENT',
      by: [office, scheduler],
      guards: [guard('ALL_OUTCOMES_RECORDED', (c) => c.teamsWithoutOutcome === 0)],
      effects: [
        { type: 'notify', template: 'COHORT_SUSTAINMENT_STARTED', audience: ['ALL_TEAMS', 'OFFICE', 'LEADERSHIP'] },
      ],
    },
    {
      event: 'CLOSE',
      from: ['SUSTAINMENT'],
      to: 'CLOSED',
      by: [office, scheduler],
      guards: [guard('ALL_SUSTAINMENT_PLANS_CLOSED', (c) => c.openSustainmentPlans === 0)],
      effects: [
        { type: 'cancelDeadlines', group: 'ALL' },
        { type: 'notify', template: 'COHORT_CLOSED', audience: ['OFFICE', 'LEADERSHIP'] },
      ],
    },
    {
      event: 'CANCEL',
      from: NOT_FINAL,
      to: 'CANCELLED',
      by: [office],
      guards: [guard('REASON_GIVEN', hasReason, 'REASON')],
      inputs: [{ input: 'REASON', required: true }],
      effects: [
        { type: 'cancelDeadlines', group: 'ALL' },
        { type: 'cascade', machine: 'team', event: 'WITHDRAW', scope: 'OPEN_TEAMS' },
        { type: 'notify', template: 'COHORT_CANCELLED', audience: ['OFFICE', 'LEADERSHIP', 'ALL_FOCAL_POINTS'] },
      ],
    },
  ],
};
