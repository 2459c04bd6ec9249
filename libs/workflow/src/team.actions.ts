import type { ActionTable } from './actions.js';
import { CHANGE_WINDOW_COHORT_STATES, CHANGE_WINDOW_TEAM_STATES } from './change-request.machine.js';
import { guard } from './core.js';
import { TEAM_STATES, type TeamState } from './team.machine.js';

/** What a team's people and the office do on a team besides its transitions. */
export const TEAM_ACTIONS = [
  'EDIT_GOALS',
  'ADD_MEMBER',
  'REMOVE_MEMBER',
  'NAME_LEADERS',
  'CHECK_IN',
  'CORRECT_CHECK_IN',
  'REVIEW_CHECK_IN',
  'PROPOSE_CHANGE',
  'ASSIGN_REVIEWER',
  'WRITE_FINAL_REPORT',
  'DRAFT_PLAN',
  'SIGN_PLEDGE',
  'REPORT_CHECKPOINT',
] as const;
export type TeamAction = (typeof TEAM_ACTIONS)[number];

export interface TeamActionContext {
  /** The state of the team's cohort. */
  readonly cohortState: string;
}

/** States after which nothing about the team changes any more. */
export const TEAM_FINAL_STATES: readonly TeamState[] = ['CLOSED', 'STOPPED', 'WITHDRAWN'];
const OPEN: readonly TeamState[] = TEAM_STATES.filter((s) => !TEAM_FINAL_STATES.includes(s));
/** Weekly check-ins are sent during the 100 days, also while the mid-point review runs. */
export const CHECK_IN_STATES: readonly TeamState[] = ['ACTIVE', 'UNDER_REVIEW'];

/** Once its cohort is closed or cancelled, nothing about a team is written any more. */
const COHORT_OPEN = guard<TeamActionContext>(
  'COHORT_OPEN',
  (c) => c.cohortState !== 'CLOSED' && c.cohortState !== 'CANCELLED',
);

const RULES: ActionTable<TeamState, TeamAction, TeamActionContext>['rules'] = [
  // Goals and KPIs are drafted while the team forms and frozen once approved.
  { action: 'EDIT_GOALS', permission: 'team.editGoals', states: ['FORMING'], refusedAs: 'GOALS_FROZEN', guards: [] },
  { action: 'ADD_MEMBER', permission: 'team.manageMembers', states: OPEN, guards: [] },
  { action: 'REMOVE_MEMBER', permission: 'team.manageMembers', states: OPEN, guards: [] },
  // The sponsor and the team leader.
  { action: 'NAME_LEADERS', permission: 'team.manageLeaders', states: OPEN, guards: [] },
  { action: 'CHECK_IN', permission: 'team.checkIn', states: CHECK_IN_STATES, guards: [] },
  { action: 'CORRECT_CHECK_IN', permission: 'team.checkIn', states: CHECK_IN_STATES, guards: [] },
  // The coach may still acknowledge or return the last check-ins while the final report is written.
  {
    action: 'REVIEW_CHECK_IN',
    permission: 'team.reviewCheckIn',
    states: ['ACTIVE', 'UNDER_REVIEW', 'REPORTING', 'FINAL_SUBMITTED'],
    guards: [],
  },
  // A frozen target may change only while the cohort runs and the team is active or under review.
  {
    action: 'PROPOSE_CHANGE',
    permission: 'team.proposeChange',
    states: CHANGE_WINDOW_TEAM_STATES,
    refusedAs: 'CHANGE_WINDOW_OPEN',
    guards: [
      guard('CHANGE_WINDOW_OPEN', (c) => (CHANGE_WINDOW_COHORT_STATES as readonly string[]).includes(c.cohortState)),
    ],
  },
  // Reviewers are assigned to an active team before the mid-point opens, or to a team under review
  // (to replace one who declared a conflict); never once its review is decided.
  {
    action: 'ASSIGN_REVIEWER',
    permission: 'team.assignReviewers',
    states: ['ACTIVE', 'UNDER_REVIEW'],
    guards: [guard('REVIEW_NOT_DECIDED', (c) => c.state === 'UNDER_REVIEW' || c.cohortState === 'EXECUTION')],
  },
  // The day-100 report, drafted and saved while the team reports.
  { action: 'WRITE_FINAL_REPORT', permission: 'team.writeReport', states: ['REPORTING'], guards: [] },
  // The sustainment plan is drafted once the outcome is recorded, and signed by the sponsor.
  { action: 'DRAFT_PLAN', permission: 'team.draftPlan', states: ['COMPLETED'], guards: [] },
  { action: 'SIGN_PLEDGE', permission: 'team.signPledge', states: ['COMPLETED'], guards: [] },
  // The owner agency reports the kept KPIs at each checkpoint after day 100.
  { action: 'REPORT_CHECKPOINT', permission: 'team.reportCheckpoint', states: ['SUSTAINING'], guards: [] },
];

export const teamActions: ActionTable<TeamState, TeamAction, TeamActionContext> = {
  subject: 'team',
  actions: TEAM_ACTIONS,
  before: [COHORT_OPEN],
  rules: RULES,
};
