/**
 * Rules the web still states itself because libs/domain and libs/workflow do not export them yet (the
 * API states each one in its services too). Each goes once the libs have a pure function for it;
 * nothing else in the web decides what a user may do, or when.
 */

/** Cohorts that take new drafts, and may receive a carried-over challenge (createChallenge; CARRY_OVER's TARGET_COHORT_OPEN). */
export const cohortTakesDrafts = (cohortState: string): boolean => cohortState === 'DRAFT' || cohortState === 'INTAKE';

/** A new draft may be submitted while its cohort takes challenges (SUBMIT's COHORT_OPEN_FOR_INTAKE, from DRAFT). */
export const cohortTakesSubmissions = (cohortState: string): boolean => cohortState === 'INTAKE';

/** The office scores the rubric while the challenge is being screened (scoreChallenge). */
export const challengeMayBeScored = (challengeState: string): boolean => challengeState === 'IN_SCREENING';

/** A draft locked when intake closed stays open to the office only (updateChallenge). */
export const lockedDraftEditableBy = (isOffice: boolean, lockedAt: string | null): boolean => isOffice || !lockedAt;

/** The most goals a team has, and KPIs a goal has (createGoal, createKpi). */
export const MAX_GOALS = 5;
export const MAX_KPIS = 5;
