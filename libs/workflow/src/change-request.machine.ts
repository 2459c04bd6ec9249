import { guard, office, type Machine } from './core.js';
import type { TeamState } from './team.machine.js';

/** A change to a frozen KPI baseline or target; the original stays on record. */
export const CHANGE_REQUEST_STATES = ['PROPOSED', 'APPROVED', 'REJECTED'] as const;
export type ChangeRequestState = (typeof CHANGE_REQUEST_STATES)[number];
export const CHANGE_REQUEST_EVENTS = ['APPROVE', 'REJECT'] as const;
export type ChangeRequestEvent = (typeof CHANGE_REQUEST_EVENTS)[number];

/** Cohort states in which goals may change, and team states that may ask. */
export const CHANGE_WINDOW_COHORT_STATES = ['EXECUTION', 'MIDPOINT_REVIEW', 'FINAL_STRETCH'] as const;
export const CHANGE_WINDOW_TEAM_STATES: readonly TeamState[] = ['ACTIVE', 'UNDER_REVIEW'];

export interface ChangeRequestContext {
  readonly cohortState: string;
  readonly teamState: string;
  readonly reason?: string | null;
}

export const changeWindowOpen = (c: { cohortState: string; teamState: string }): boolean =>
  (CHANGE_WINDOW_COHORT_STATES as readonly string[]).includes(c.cohortState) &&
  (CHANGE_WINDOW_TEAM_STATES as readonly string[]).includes(c.teamState);

export const changeRequestMachine: Machine<ChangeRequestState, ChangeRequestEvent, ChangeRequestContext> = {
  name: 'changeRequest',
  states: CHANGE_REQUEST_STATES,
  events: CHANGE_REQUEST_EVENTS,
  initial: 'PROPOSED',
  terminal: ['APPROVED', 'REJECTED'],
  transitions: [
    {
      event: 'APPROVE',
      from: ['PROPOSED'],
      to: 'APPROVED',
      by: [office],
      guards: [guard('CHANGE_WINDOW_OPEN', changeWindowOpen)],
      effects: [{ type: 'notify', template: 'CHANGE_REQUEST_APPROVED', audience: ['TEAM_LEAD', 'SPONSOR'] }],
    },
    {
      event: 'REJECT',
      from: ['PROPOSED'],
      to: 'REJECTED',
      by: [office],
      guards: [guard('REASON_GIVEN', (c) => (c.reason ?? '').trim().length > 0, 'REASON')],
      inputs: [{ input: 'REASON', required: true }],
      effects: [{ type: 'notify', template: 'CHANGE_REQUEST_REJECTED', audience: ['TEAM_LEAD'] }],
    },
  ],
};
