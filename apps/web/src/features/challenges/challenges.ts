import type { MantineColor } from '@mantine/core';

/** The states of a challenge (PRODUCT.md section 4), in the order a challenge goes through them. */
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
export type ChallengeStateName = (typeof CHALLENGE_STATES)[number];

export const isChallengeState = (value: string): value is ChallengeStateName =>
  (CHALLENGE_STATES as readonly string[]).includes(value);

/** Decided: nothing more happens to it in its cohort (a deferred one may be carried over). */
export const DECIDED_STATES: readonly ChallengeStateName[] = ['APPROVED', 'REJECTED', 'DEFERRED', 'WITHDRAWN'];

/** The columns of the screening board, in the order the office works through them. */
export const BOARD_COLUMNS: readonly ChallengeStateName[] = ['SUBMITTED', 'IN_SCREENING', 'RETURNED', 'RECOMMENDED'];

export const CHALLENGE_STATE_COLORS: Record<ChallengeStateName, MantineColor> = {
  DRAFT: 'gray',
  SUBMITTED: 'blue',
  IN_SCREENING: 'indigo',
  RETURNED: 'orange',
  RECOMMENDED: 'violet',
  APPROVED: 'teal',
  REJECTED: 'red',
  DEFERRED: 'yellow',
  WITHDRAWN: 'dark',
};

/** Events of the challenge's state machine. */
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
export type ChallengeEventName = (typeof CHALLENGE_EVENTS)[number];

export const isChallengeEvent = (value: string): value is ChallengeEventName =>
  (CHALLENGE_EVENTS as readonly string[]).includes(value);

/** What each event's dialog asks for. */
export type EventInput = 'none' | 'comment' | 'reason' | 'cohort';
export const EVENT_INPUT: Record<ChallengeEventName, EventInput> = {
  SUBMIT: 'none',
  START_SCREENING: 'none',
  RETURN: 'comment',
  RECOMMEND: 'none',
  DECLINE: 'reason',
  APPROVE: 'none',
  REJECT: 'reason',
  DEFER: 'reason',
  WITHDRAW: 'none',
  CARRY_OVER: 'cohort',
};

/** Events that end or turn down a challenge: shown apart, in red. */
export const NEGATIVE_EVENTS: readonly ChallengeEventName[] = ['DECLINE', 'REJECT', 'WITHDRAW'];

/** Guards a dialog answers itself (a comment, a reason, the later cohort). */
export const RESOLVED_IN_DIALOG: readonly string[] = ['COMMENT_GIVEN', 'REASON_GIVEN', 'TARGET_COHORT_OPEN'];

/** Guards of the challenge's transitions that have words of their own on screen. */
export const CHALLENGE_GUARDS = [
  'STATE',
  'COHORT_OPEN_FOR_INTAKE',
  'REQUIRED_FIELDS',
  'COMMENT_GIVEN',
  'RUBRIC_SCORED',
  'REASON_GIVEN',
  'SPONSOR_NAMED',
  'TEAM_LEAD_NAMED',
  'NOT_ALREADY_APPROVED_BY_YOU',
  'TARGET_COHORT_OPEN',
] as const;
export type ChallengeGuard = (typeof CHALLENGE_GUARDS)[number];
export const isChallengeGuard = (value: string): value is ChallengeGuard =>
  (CHALLENGE_GUARDS as readonly string[]).includes(value);

/** Every input field of a challenge, as the server names it in field errors and `missingFields`. */
export const CHALLENGE_FIELDS = [
  'cohortId',
  'titleAr',
  'titleEn',
  'problemAr',
  'problemEn',
  'whyAr',
  'whyEn',
  'baselineAr',
  'baselineEn',
  'ambitionAr',
  'ambitionEn',
  'leadAgencyId',
  'partnerAgencyIds',
  'alignmentNodeIds',
  'attachments',
  'proposedSponsorId',
  'proposedTeamLeadId',
] as const;
export type ChallengeField = (typeof CHALLENGE_FIELDS)[number];
export const isChallengeField = (value: string): value is ChallengeField =>
  (CHALLENGE_FIELDS as readonly string[]).includes(value);

/** The texts of a challenge, each in Arabic and English. */
export const CHALLENGE_TEXTS = ['title', 'problem', 'why', 'baseline', 'ambition'] as const;
export type ChallengeText = (typeof CHALLENGE_TEXTS)[number];

/** Comments are plain remarks, returns to the agency, or the reasons of a decision. */
export const COMMENT_KINDS = ['COMMENT', 'RETURN', 'DECISION'] as const;
export type CommentKind = (typeof COMMENT_KINDS)[number];
export const isCommentKind = (value: string): value is CommentKind =>
  (COMMENT_KINDS as readonly string[]).includes(value);

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
export type TeamStateName = (typeof TEAM_STATES)[number];
export const isTeamState = (value: string): value is TeamStateName =>
  (TEAM_STATES as readonly string[]).includes(value);

export const TEAM_ROLE_NAMES = ['SPONSOR', 'TEAM_LEAD', 'COACH', 'TEAM_MEMBER'] as const;
export type TeamRoleName = (typeof TEAM_ROLE_NAMES)[number];
export const isTeamRole = (value: string): value is TeamRoleName =>
  (TEAM_ROLE_NAMES as readonly string[]).includes(value);

/** Scores of the rubric, lowest to highest. */
export const SCORES = [1, 2, 3, 4, 5] as const;

/** Cohorts that still take drafts (and may receive a carried-over challenge). */
export const OPEN_FOR_DRAFTS: readonly string[] = ['DRAFT', 'INTAKE'];
