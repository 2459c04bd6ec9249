import { cohortTakesDrafts, cohortTakesSubmissions } from '@hundred/domain';

import { agencyFocalPoint, guard, leadership, office, type Machine } from './core.js';

export const CHALLENGE_STATES = [
  'DRAFT',
  'SUBMITTED',
  'IN_SCREENING',
  'RETURNED',
  'RECOMMENDED',
  'APPROVED',
  'REJECTED',
  'DEFERRED',
  'WITHDRAWN',
] as const;
export type ChallengeState = (typeof CHALLENGE_STATES)[number];

export const CHALLENGE_EVENTS = [
  'SUBMIT',
  'START_SCREENING',
  'RETURN',
  'RECOMMEND',
  'DECLINE',
  'APPROVE',
  'REJECT',
  'DEFER',
  'WITHDRAW',
  'CARRY_OVER',
] as const;
export type ChallengeEvent = (typeof CHALLENGE_EVENTS)[number];

export interface ChallengeContext {
  /** The state of the challenge's cohort. */
  readonly cohortState: string;
  /** Names of required fields still empty (see `missingChallengeFields` in libs/domain). */
  readonly missingFields: readonly string[];
  /** Every rubric criterion has a score. */
  readonly rubricScored: boolean;
  readonly sponsorNamed: boolean;
  readonly teamLeadNamed: boolean;
  /** Approvals recorded so far, and how many the cohort requires. */
  readonly approvals: number;
  readonly approvalsRequired: number;
  /** The caller already approved this challenge. */
  readonly approvedByCaller: boolean;
  /** CARRY_OVER: the state of the cohort it moves to, and whether it starts after this one. */
  readonly targetCohortState?: string | null;
  readonly targetCohortIsLater?: boolean;
  readonly comment?: string | null;
  readonly reason?: string | null;
}

const hasText = (s: string | null | undefined) => (s ?? '').trim().length > 0;
/** This approval is the N-th the cohort requires: it decides. */
const decides = (c: ChallengeContext) => c.approvals + 1 >= c.approvalsRequired;

export const challengeMachine: Machine<ChallengeState, ChallengeEvent, ChallengeContext> = {
  name: 'challenge',
  states: CHALLENGE_STATES,
  events: CHALLENGE_EVENTS,
  initial: 'DRAFT',
  terminal: ['APPROVED', 'REJECTED', 'WITHDRAWN'],
  transitions: [
    {
      event: 'SUBMIT',
      from: ['DRAFT'],
      to: 'SUBMITTED',
      by: [agencyFocalPoint, office],
      guards: [
        guard('COHORT_OPEN_FOR_INTAKE', (c) => cohortTakesSubmissions(c.cohortState, 'DRAFT')),
        guard('REQUIRED_FIELDS', (c) => c.missingFields.length === 0),
      ],
      effects: [
        { type: 'scheduleDeadlines', group: 'SCREENING' },
        { type: 'notify', template: 'CHALLENGE_SUBMITTED', audience: ['OFFICE'] },
      ],
    },
    {
      event: 'SUBMIT',
      from: ['RETURNED'],
      to: 'SUBMITTED',
      by: [agencyFocalPoint, office],
      guards: [
        guard('COHORT_OPEN_FOR_INTAKE', (c) => cohortTakesSubmissions(c.cohortState, 'RETURNED')),
        guard('REQUIRED_FIELDS', (c) => c.missingFields.length === 0),
      ],
      effects: [
        { type: 'scheduleDeadlines', group: 'SCREENING' },
        { type: 'notify', template: 'CHALLENGE_RESUBMITTED', audience: ['OFFICE'] },
      ],
    },
    {
      event: 'START_SCREENING',
      from: ['SUBMITTED'],
      to: 'IN_SCREENING',
      by: [office],
      guards: [],
      effects: [],
    },
    {
      event: 'RETURN',
      from: ['IN_SCREENING'],
      to: 'RETURNED',
      by: [office],
      guards: [guard('COMMENT_GIVEN', (c) => hasText(c.comment), 'COMMENT')],
      inputs: [{ input: 'COMMENT', required: true }],
      effects: [
        { type: 'cancelDeadlines', group: 'SCREENING' },
        { type: 'notify', template: 'CHALLENGE_RETURNED', audience: ['AGENCY_FOCAL_POINTS'] },
      ],
    },
    {
      event: 'RECOMMEND',
      from: ['IN_SCREENING'],
      to: 'RECOMMENDED',
      by: [office],
      guards: [guard('RUBRIC_SCORED', (c) => c.rubricScored)],
      effects: [
        { type: 'cancelDeadlines', group: 'SCREENING' },
        { type: 'scheduleDeadlines', group: 'DECISION' },
        { type: 'notify', template: 'CHALLENGE_RECOMMENDED', audience: ['LEADERSHIP', 'AGENCY_FOCAL_POINTS'] },
      ],
    },
    {
      event: 'DECLINE',
      from: ['IN_SCREENING'],
      to: 'REJECTED',
      by: [office],
      guards: [guard('REASON_GIVEN', (c) => hasText(c.reason), 'REASON')],
      inputs: [{ input: 'REASON', required: true }],
      effects: [
        { type: 'cancelDeadlines', group: 'SCREENING' },
        { type: 'notify', template: 'CHALLENGE_DECLINED', audience: ['AGENCY_FOCAL_POINTS'] },
      ],
    },
    {
      // Each leader's approval is recorded; the N-th one decides.
      event: 'APPROVE',
      from: ['RECOMMENDED'],
      to: { oneOf: ['RECOMMENDED', 'APPROVED'], pick: (c) => (decides(c) ? 'APPROVED' : 'RECOMMENDED') },
      by: [leadership],
      guards: [
        guard('SPONSOR_NAMED', (c) => c.sponsorNamed),
        guard('TEAM_LEAD_NAMED', (c) => c.teamLeadNamed),
        guard('NOT_ALREADY_APPROVED_BY_YOU', (c) => !c.approvedByCaller),
      ],
      effects: [
        { type: 'recordApproval' },
        { type: 'cancelDeadlines', group: 'DECISION', when: decides },
        { type: 'createTeam', when: decides },
        {
          type: 'notify',
          template: 'CHALLENGE_APPROVED',
          audience: ['AGENCY_FOCAL_POINTS', 'OFFICE', 'SPONSOR', 'TEAM_LEAD'],
          when: decides,
        },
        {
          type: 'notify',
          template: 'CHALLENGE_APPROVAL_RECORDED',
          audience: ['OFFICE'],
          when: (c) => !decides(c),
        },
      ],
    },
    {
      event: 'REJECT',
      from: ['RECOMMENDED'],
      to: 'REJECTED',
      by: [leadership],
      guards: [guard('REASON_GIVEN', (c) => hasText(c.reason), 'REASON')],
      inputs: [{ input: 'REASON', required: true }],
      effects: [
        { type: 'cancelDeadlines', group: 'DECISION' },
        { type: 'notify', template: 'CHALLENGE_REJECTED', audience: ['AGENCY_FOCAL_POINTS', 'OFFICE'] },
      ],
    },
    {
      event: 'DEFER',
      from: ['RECOMMENDED'],
      to: 'DEFERRED',
      by: [leadership],
      guards: [guard('REASON_GIVEN', (c) => hasText(c.reason), 'REASON')],
      inputs: [{ input: 'REASON', required: true }],
      effects: [
        { type: 'cancelDeadlines', group: 'DECISION' },
        { type: 'notify', template: 'CHALLENGE_DEFERRED', audience: ['AGENCY_FOCAL_POINTS', 'OFFICE'] },
      ],
    },
    {
      event: 'WITHDRAW',
      from: ['DRAFT', 'SUBMITTED', 'RETURNED'],
      to: 'WITHDRAWN',
      by: [agencyFocalPoint, office],
      guards: [],
      effects: [
        { type: 'cancelDeadlines', group: 'SCREENING' },
        { type: 'notify', template: 'CHALLENGE_WITHDRAWN', audience: ['OFFICE'] },
      ],
    },
    {
      event: 'CARRY_OVER',
      from: ['DEFERRED'],
      to: 'DRAFT',
      by: [office],
      guards: [
        guard(
          'TARGET_COHORT_OPEN',
          (c) => c.targetCohortIsLater === true && cohortTakesDrafts(c.targetCohortState ?? ''),
          'TARGET_COHORT',
        ),
      ],
      inputs: [{ input: 'TARGET_COHORT', required: true }],
      effects: [
        { type: 'carryOver' },
        { type: 'notify', template: 'CHALLENGE_CARRIED_OVER', audience: ['AGENCY_FOCAL_POINTS'] },
      ],
    },
  ],
};
