import type { MantineColor } from '@mantine/core';
import { CHALLENGE_EVENTS, CHALLENGE_STATES, type ChallengeEvent, type ChallengeState } from '@hundred/workflow';

// The states and events are libs/workflow's; what is here is how the web shows them.

export const isChallengeState = (value: string): value is ChallengeState =>
  (CHALLENGE_STATES as readonly string[]).includes(value);

export const isChallengeEvent = (value: string): value is ChallengeEvent =>
  (CHALLENGE_EVENTS as readonly string[]).includes(value);

/** The columns of the screening board, in the order the office works through them. */
export const BOARD_COLUMNS: readonly ChallengeState[] = ['SUBMITTED', 'IN_SCREENING', 'RETURNED', 'RECOMMENDED'];

export const CHALLENGE_STATE_COLORS: Record<ChallengeState, MantineColor> = {
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

/** How each event's button looks: a step forward, a step aside (return, defer, carry over), or one that turns it down. */
export const CHALLENGE_EVENT_TONES: Record<ChallengeEvent, 'forward' | 'aside' | 'negative'> = {
  SUBMIT: 'forward',
  START_SCREENING: 'forward',
  RETURN: 'aside',
  RECOMMEND: 'forward',
  DECLINE: 'negative',
  APPROVE: 'forward',
  REJECT: 'negative',
  DEFER: 'aside',
  WITHDRAW: 'negative',
  CARRY_OVER: 'aside',
};

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

/** Scores of the rubric, lowest to highest. */
export const SCORES = [1, 2, 3, 4, 5] as const;
