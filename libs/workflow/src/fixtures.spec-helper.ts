import type { Actor, GlobalRole, TeamRole } from '@hundred/domain';

import type { ChallengeContext } from './challenge.machine.js';
import type { ChangeRequestContext } from './change-request.machine.js';
import type { CohortContext } from './cohort.machine.js';
import type { Caller, Firer, MachineName, Relation } from './core.js';
import type { AssessmentContext, ReviewContext } from './review.machine.js';
import type { TeamContext } from './team.machine.js';

export const user = (roles: GlobalRole[] = [], teamRoles: TeamRole[] = [], relations: Relation[] = []): Caller => ({
  kind: 'user',
  actor: { id: 'u1', agencyId: 'a1', roles } satisfies Actor,
  teamRoles,
  relations,
});

/** A caller that matches a firer. */
export function callerFor(f: Firer): Caller {
  switch (f.kind) {
    case 'role':
      return user([f.role]);
    case 'teamRole':
      return user([], [f.role]);
    case 'relation':
      return user([], [], [f.relation]);
    case 'scheduler':
      return { kind: 'scheduler' };
    case 'system':
      return { kind: 'system' };
  }
}

/** Every kind of caller, to find the ones a row refuses. */
export const ALL_CALLERS: Caller[] = [
  user(['ADMIN']),
  user(['LEADERSHIP']),
  user(['FOCAL_POINT']),
  user(['REVIEWER']),
  user([], ['SPONSOR']),
  user([], ['TEAM_LEAD']),
  user([], ['COACH']),
  user([], ['TEAM_MEMBER']),
  user(['FOCAL_POINT'], [], ['AGENCY_FOCAL_POINT']),
  user(['REVIEWER'], [], ['ASSIGNED_REVIEWER']),
  { kind: 'scheduler' },
  { kind: 'system' },
];

/** A context in which every guard of the machine holds, and for each guard one that breaks it. */
export interface Fixture<C> {
  ok: C;
  /** Other contexts in which every guard holds but the transition goes elsewhere (e.g. STOP). */
  variants?: C[];
  breakers: Record<string, (c: C) => C>;
}

const cohort: Fixture<CohortContext> = {
  ok: {
    calendarConsistent: true,
    undecidedChallenges: 0,
    teamsNotReady: 0,
    teamsShortOfReviewers: 0,
    teamsWithoutMidpointDecision: 0,
    teamsWithoutOutcome: 0,
    openSustainmentPlans: 0,
    reason: 'a reason',
  },
  breakers: {
    CALENDAR_CONSISTENT: (c) => ({ ...c, calendarConsistent: false }),
    ALL_CHALLENGES_DECIDED: (c) => ({ ...c, undecidedChallenges: 2 }),
    ALL_TEAMS_READY: (c) => ({ ...c, teamsNotReady: 1 }),
    ENOUGH_REVIEWERS: (c) => ({ ...c, teamsShortOfReviewers: 1 }),
    ALL_MIDPOINT_DECISIONS_MADE: (c) => ({ ...c, teamsWithoutMidpointDecision: 3 }),
    ALL_OUTCOMES_RECORDED: (c) => ({ ...c, teamsWithoutOutcome: 1 }),
    ALL_SUSTAINMENT_PLANS_CLOSED: (c) => ({ ...c, openSustainmentPlans: 1 }),
    REASON_GIVEN: (c) => ({ ...c, reason: '  ' }),
  },
};

const challenge: Fixture<ChallengeContext> = {
  ok: {
    cohortState: 'INTAKE',
    missingFields: [],
    rubricScored: true,
    sponsorNamed: true,
    teamLeadNamed: true,
    approvals: 0,
    approvalsRequired: 1,
    approvedByCaller: false,
    targetCohortState: 'INTAKE',
    targetCohortIsLater: true,
    comment: 'please add the baseline',
    reason: 'out of scope',
  },
  breakers: {
    COHORT_OPEN_FOR_INTAKE: (c) => ({ ...c, cohortState: 'PREPARATION' }),
    REQUIRED_FIELDS: (c) => ({ ...c, missingFields: ['problemStatement'] }),
    COMMENT_GIVEN: (c) => ({ ...c, comment: '' }),
    RUBRIC_SCORED: (c) => ({ ...c, rubricScored: false }),
    REASON_GIVEN: (c) => ({ ...c, reason: null }),
    SPONSOR_NAMED: (c) => ({ ...c, sponsorNamed: false }),
    TEAM_LEAD_NAMED: (c) => ({ ...c, teamLeadNamed: false }),
    NOT_ALREADY_APPROVED_BY_YOU: (c) => ({ ...c, approvedByCaller: true }),
    TARGET_COHORT_OPEN: (c) => ({ ...c, targetCohortState: 'EXECUTION' }),
  },
};

const team: Fixture<TeamContext> = {
  ok: {
    goalsComplete: true,
    memberMinimumsMet: true,
    assessmentsInOrDue: true,
    finalValuesComplete: true,
    proposedOutcome: 'ACHIEVED',
    outcome: 'ACHIEVED',
    sustainmentPlanComplete: true,
    lastCheckpointPassed: true,
    decision: 'CONTINUE',
    sustainmentStatus: 'SUSTAINED',
    comment: 'a comment',
    reason: 'a reason',
  },
  variants: [
    {
      goalsComplete: true,
      memberMinimumsMet: true,
      assessmentsInOrDue: true,
      finalValuesComplete: true,
      sustainmentPlanComplete: true,
      lastCheckpointPassed: true,
      decision: 'STOP',
      reason: 'no progress and no data',
    },
  ],
  breakers: {
    GOALS_COMPLETE: (c) => ({ ...c, goalsComplete: false }),
    MEMBER_MINIMUMS: (c) => ({ ...c, memberMinimumsMet: false }),
    COMMENT_GIVEN: (c) => ({ ...c, comment: undefined }),
    DECISION_GIVEN: (c) => ({ ...c, decision: null }),
    ASSESSMENTS_IN_OR_DUE: (c) => ({ ...c, assessmentsInOrDue: false }),
    REASON_GIVEN_TO_STOP: (c) => ({ ...c, decision: 'STOP', reason: '' }),
    FINAL_VALUES_COMPLETE: (c) => ({ ...c, finalValuesComplete: false }),
    OUTCOME_GIVEN: (c) => ({ ...c, outcome: null }),
    REASON_GIVEN_TO_OVERRIDE: (c) => ({ ...c, outcome: 'NOT_ACHIEVED', reason: '' }),
    SUSTAINMENT_PLAN_COMPLETE: (c) => ({ ...c, sustainmentPlanComplete: false }),
    SCALED_TO_GIVEN: (c) => ({ ...c, sustainmentStatus: 'SCALED', scaledTo: ' ' }),
    LAST_CHECKPOINT_OR_REASON: (c) => ({ ...c, lastCheckpointPassed: false, reason: '' }),
    SUSTAINMENT_STATUS_GIVEN: (c) => ({ ...c, sustainmentStatus: null }),
    REASON_GIVEN: (c) => ({ ...c, reason: '' }),
  },
};

const review: Fixture<ReviewContext> = { ok: {}, breakers: {} };

const assessment: Fixture<AssessmentContext> = {
  ok: { reviewOpen: true, allCriteriaScored: true, recommendationGiven: true, reason: 'I advised this team' },
  breakers: {
    REVIEW_OPEN: (c) => ({ ...c, reviewOpen: false }),
    REASON_GIVEN: (c) => ({ ...c, reason: ' ' }),
    ALL_CRITERIA_SCORED: (c) => ({ ...c, allCriteriaScored: false }),
    RECOMMENDATION_GIVEN: (c) => ({ ...c, recommendationGiven: false }),
  },
};

const changeRequest: Fixture<ChangeRequestContext> = {
  ok: { cohortState: 'EXECUTION', teamState: 'ACTIVE', reason: 'baseline was wrong' },
  breakers: {
    CHANGE_WINDOW_OPEN: (c) => ({ ...c, teamState: 'REPORTING' }),
    REASON_GIVEN: (c) => ({ ...c, reason: ' ' }),
  },
};

export const FIXTURES: Record<MachineName, Fixture<never>> = {
  cohort,
  challenge,
  team,
  review,
  assessment,
  changeRequest,
} as unknown as Record<MachineName, Fixture<never>>;
