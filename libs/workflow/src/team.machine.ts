import { OUTCOMES as DOMAIN_OUTCOMES, RECOMMENDATIONS, type Outcome, type Recommendation } from '@hundred/domain';

import { guard, office, system, teamLead, type Machine } from './core.js';

export const TEAM_STATES = [
  'FORMING',
  'GOALS_SUBMITTED',
  'READY',
  'ACTIVE',
  'UNDER_REVIEW',
  'REPORTING',
  'FINAL_SUBMITTED',
  'COMPLETED',
  'SUSTAINING',
  'CLOSED',
  'STOPPED',
  'WITHDRAWN',
] as const;
export type TeamState = (typeof TEAM_STATES)[number];

export const TEAM_EVENTS = [
  'SUBMIT_GOALS',
  'RETURN_GOALS',
  'APPROVE_GOALS',
  'START',
  'BEGIN_REVIEW',
  'DECIDE_MIDPOINT',
  'BEGIN_REPORTING',
  'SUBMIT_FINAL_REPORT',
  'RECORD_OUTCOME',
  'START_SUSTAINMENT',
  'CLOSE_SUSTAINMENT',
  'WITHDRAW',
] as const;
export type TeamEvent = (typeof TEAM_EVENTS)[number];

/** The office decides among the same four a reviewer recommends. */
export const MIDPOINT_DECISIONS = RECOMMENDATIONS;
export type MidpointDecision = Recommendation;

/** Proposed by libs/domain's `proposeOutcome` from KPI attainment; recorded by the office. */
export const OUTCOMES = DOMAIN_OUTCOMES;
export type TeamOutcome = Outcome;

export const SUSTAINMENT_STATUSES = ['SUSTAINED', 'SCALED', 'LAPSED'] as const;
export type SustainmentStatus = (typeof SUSTAINMENT_STATUSES)[number];

/**
 * What the team's guards read about the team, each gathered by the feature that owns it (goals and
 * members by teams, assessments by the mid-point review, final values by results, the plan by
 * sustainment). The API refuses to start when one has no provider.
 */
export const TEAM_FACTS = [
  'goalsComplete',
  'memberMinimumsMet',
  'assessmentsInOrDue',
  'finalValuesComplete',
  'proposedOutcome',
  'sustainmentPlanComplete',
  'lastCheckpointPassed',
] as const;
export type TeamFact = (typeof TEAM_FACTS)[number];

export interface TeamContext {
  /** 1–5 goals, each with 1–5 complete KPIs. */
  readonly goalsComplete: boolean;
  /** The cohort's member minimums (e.g. 3 members from 2 agencies). */
  readonly memberMinimumsMet: boolean;
  /** Enough assessments submitted, or the assessment deadline passed. */
  readonly assessmentsInOrDue: boolean;
  /** A final value for every KPI. */
  readonly finalValuesComplete: boolean;
  /** The outcome proposed from KPI attainment. */
  readonly proposedOutcome?: TeamOutcome | null;
  /** A sustainment plan with owner, actions, checkpoints and the sponsor's pledge. */
  readonly sustainmentPlanComplete: boolean;
  /** The last checkpoint has been reported, or its due time has passed. */
  readonly lastCheckpointPassed: boolean;
  readonly decision?: MidpointDecision | null;
  readonly outcome?: TeamOutcome | null;
  readonly sustainmentStatus?: SustainmentStatus | null;
  /** SCALED: where the result was scaled to. */
  readonly scaledTo?: string | null;
  readonly comment?: string | null;
  readonly reason?: string | null;
}

const hasText = (s: string | null | undefined) => (s ?? '').trim().length > 0;

export const teamMachine: Machine<TeamState, TeamEvent, TeamContext> = {
  name: 'team',
  states: TEAM_STATES,
  events: TEAM_EVENTS,
  initial: 'FORMING',
  terminal: ['CLOSED', 'STOPPED', 'WITHDRAWN'],
  transitions: [
    {
      event: 'SUBMIT_GOALS',
      from: ['FORMING'],
      to: 'GOALS_SUBMITTED',
      by: [teamLead],
      guards: [guard('GOALS_COMPLETE', (c) => c.goalsComplete), guard('MEMBER_MINIMUMS', (c) => c.memberMinimumsMet)],
      effects: [
        { type: 'cancelDeadlines', group: 'GOALS' },
        { type: 'notify', template: 'TEAM_GOALS_SUBMITTED', audience: ['OFFICE'] },
      ],
    },
    {
      event: 'RETURN_GOALS',
      from: ['GOALS_SUBMITTED'],
      to: 'FORMING',
      by: [office],
      guards: [guard('COMMENT_GIVEN', (c) => hasText(c.comment), 'COMMENT')],
      inputs: [{ input: 'COMMENT', required: true }],
      effects: [
        { type: 'scheduleDeadlines', group: 'GOALS' },
        { type: 'notify', template: 'TEAM_GOALS_RETURNED', audience: ['TEAM_LEAD'] },
      ],
    },
    {
      event: 'APPROVE_GOALS',
      from: ['GOALS_SUBMITTED'],
      to: 'READY',
      by: [office],
      guards: [],
      effects: [
        { type: 'freezeTargets' },
        { type: 'notify', template: 'TEAM_GOALS_APPROVED', audience: ['TEAM', 'SPONSOR'] },
      ],
    },
    {
      event: 'START',
      from: ['READY'],
      to: 'ACTIVE',
      by: [system],
      guards: [],
      effects: [{ type: 'scheduleDeadlines', group: 'CHECK_INS' }],
    },
    {
      event: 'BEGIN_REVIEW',
      from: ['ACTIVE'],
      to: 'UNDER_REVIEW',
      by: [system],
      guards: [],
      effects: [],
    },
    {
      event: 'DECIDE_MIDPOINT',
      from: ['UNDER_REVIEW'],
      to: { oneOf: ['ACTIVE', 'STOPPED'], pick: (c) => (c.decision === 'STOP' ? 'STOPPED' : 'ACTIVE') },
      by: [office],
      guards: [
        guard('DECISION_GIVEN', (c) => c.decision != null, 'DECISION'),
        guard('ASSESSMENTS_IN_OR_DUE', (c) => c.assessmentsInOrDue),
        guard('REASON_GIVEN_TO_STOP', (c) => c.decision !== 'STOP' || hasText(c.reason), 'REASON'),
      ],
      inputs: [
        { input: 'DECISION', required: true },
        { input: 'REASON', required: false },
      ],
      effects: [
        { type: 'cascade', machine: 'review', event: 'DECIDE', scope: 'TEAM_REVIEW' },
        { type: 'cancelDeadlines', group: 'ALL', when: (c) => c.decision === 'STOP' },
        {
          type: 'notify',
          template: 'TEAM_MIDPOINT_ESCALATED',
          audience: ['LEADERSHIP', 'SPONSOR'],
          when: (c) => c.decision === 'ESCALATE',
        },
        { type: 'notify', template: 'TEAM_MIDPOINT_DECIDED', audience: ['TEAM', 'SPONSOR'] },
      ],
    },
    {
      event: 'BEGIN_REPORTING',
      from: ['ACTIVE'],
      to: 'REPORTING',
      by: [system],
      guards: [],
      effects: [
        { type: 'cancelDeadlines', group: 'CHECK_INS' },
        { type: 'scheduleDeadlines', group: 'FINAL_REPORT' },
      ],
    },
    {
      event: 'SUBMIT_FINAL_REPORT',
      from: ['REPORTING'],
      to: 'FINAL_SUBMITTED',
      by: [teamLead],
      guards: [guard('FINAL_VALUES_COMPLETE', (c) => c.finalValuesComplete)],
      effects: [
        { type: 'cancelDeadlines', group: 'FINAL_REPORT' },
        { type: 'notify', template: 'TEAM_FINAL_REPORT_SUBMITTED', audience: ['OFFICE', 'SPONSOR'] },
      ],
    },
    {
      event: 'RECORD_OUTCOME',
      from: ['FINAL_SUBMITTED'],
      to: 'COMPLETED',
      by: [office],
      guards: [
        guard('OUTCOME_GIVEN', (c) => c.outcome != null, 'OUTCOME'),
        guard('REASON_GIVEN_TO_OVERRIDE', (c) => c.outcome === c.proposedOutcome || hasText(c.reason), 'REASON'),
      ],
      inputs: [
        { input: 'OUTCOME', required: true },
        { input: 'REASON', required: false },
      ],
      effects: [{ type: 'notify', template: 'TEAM_OUTCOME_RECORDED', audience: ['TEAM', 'SPONSOR', 'LEADERSHIP'] }],
    },
    {
      event: 'START_SUSTAINMENT',
      from: ['COMPLETED'],
      to: 'SUSTAINING',
      by: [office],
      guards: [guard('SUSTAINMENT_PLAN_COMPLETE', (c) => c.sustainmentPlanComplete)],
      effects: [
        { type: 'scheduleDeadlines', group: 'CHECKPOINTS' },
        { type: 'notify', template: 'TEAM_SUSTAINMENT_STARTED', audience: ['AGENCY_FOCAL_POINTS', 'SPONSOR'] },
      ],
    },
    {
      event: 'CLOSE_SUSTAINMENT',
      from: ['SUSTAINING'],
      to: 'CLOSED',
      by: [office],
      guards: [
        guard('SUSTAINMENT_STATUS_GIVEN', (c) => c.sustainmentStatus != null, 'SUSTAINMENT_STATUS'),
        guard('SCALED_TO_GIVEN', (c) => c.sustainmentStatus !== 'SCALED' || hasText(c.scaledTo), 'SCALED_TO'),
        // After the last checkpoint, or earlier with a reason.
        guard('LAST_CHECKPOINT_OR_REASON', (c) => c.lastCheckpointPassed || hasText(c.reason), 'REASON'),
      ],
      inputs: [
        { input: 'SUSTAINMENT_STATUS', required: true },
        { input: 'SCALED_TO', required: false },
        { input: 'REASON', required: false },
      ],
      effects: [
        { type: 'cancelDeadlines', group: 'CHECKPOINTS' },
        { type: 'notify', template: 'TEAM_SUSTAINMENT_CLOSED', audience: ['SPONSOR', 'OFFICE', 'LEADERSHIP'] },
      ],
    },
    {
      event: 'WITHDRAW',
      from: ['FORMING', 'GOALS_SUBMITTED', 'READY', 'ACTIVE', 'UNDER_REVIEW', 'REPORTING', 'FINAL_SUBMITTED'],
      to: 'WITHDRAWN',
      by: [office, system],
      guards: [guard('REASON_GIVEN', (c) => hasText(c.reason), 'REASON')],
      inputs: [{ input: 'REASON', required: true }],
      effects: [
        { type: 'cancelDeadlines', group: 'ALL' },
        { type: 'notify', template: 'TEAM_WITHDRAWN', audience: ['TEAM', 'SPONSOR', 'OFFICE'] },
      ],
    },
  ],
};
