/** The fields of a challenge that decide whether it may be submitted (PRODUCT.md section 3). */
export interface ChallengeDraft {
  titleAr?: string | null;
  titleEn?: string | null;
  problemAr?: string | null;
  problemEn?: string | null;
  whyAr?: string | null;
  whyEn?: string | null;
  baselineAr?: string | null;
  ambitionAr?: string | null;
  leadAgencyId?: string | null;
  alignmentNodeIds?: readonly string[] | null;
}

/**
 * Required to submit: the title in both languages, the problem statement, why it matters to
 * people, the current baseline and the ambition in Arabic, the lead agency, and at least one
 * alignment tag. English texts beyond the title are welcome but not required.
 */
export const REQUIRED_CHALLENGE_FIELDS = [
  'titleAr',
  'titleEn',
  'problemAr',
  'whyAr',
  'baselineAr',
  'ambitionAr',
  'leadAgencyId',
  'alignmentNodeIds',
] as const;

export function missingChallengeFields(c: ChallengeDraft): string[] {
  const blank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
  return REQUIRED_CHALLENGE_FIELDS.filter((f) => {
    const v = c[f];
    return Array.isArray(v) ? v.length === 0 : blank(v);
  });
}

/** Cohorts that take new drafts, and may receive a challenge carried over from an earlier one. */
export const cohortTakesDrafts = (cohortState: string): boolean => cohortState === 'DRAFT' || cohortState === 'INTAKE';

/** A draft is submitted while its cohort takes challenges; a returned one also during selection. */
export const cohortTakesSubmissions = (cohortState: string, challengeState: string = 'DRAFT'): boolean =>
  cohortState === 'INTAKE' || (challengeState === 'RETURNED' && cohortState === 'SELECTION');

/**
 * The cohort the screening board opens on, of those given: the one in selection (its challenges
 * are being screened), else the one taking challenges, else one being set up, else one preparing
 * its teams; else the first.
 */
export function cohortToScreen<T extends { state: string }>(cohorts: readonly T[]): T | undefined {
  for (const state of ['SELECTION', 'INTAKE', 'DRAFT', 'PREPARATION']) {
    const found = cohorts.find((c) => c.state === state);
    if (found) return found;
  }
  return cohorts[0];
}

/** The office scores the rubric while the challenge is being screened. */
export const challengeMayBeScored = (challengeState: string): boolean => challengeState === 'IN_SCREENING';

/**
 * Whether the agency may still change its draft: a draft while its cohort takes drafts, a returned
 * challenge while it may be resubmitted. The office edits until the challenge is decided.
 */
export const agencyMayEditDraft = (challengeState: string, cohortState: string): boolean =>
  challengeState === 'DRAFT'
    ? cohortTakesDrafts(cohortState)
    : challengeState === 'RETURNED' && cohortTakesSubmissions(cohortState, 'RETURNED');

/** The most goals a team has, and KPIs a goal has. */
export const MAX_GOALS = 5;
export const MAX_KPIS = 5;

export const ALIGNMENT_LEVELS = ['VISION', 'PILLAR', 'OBJECTIVE', 'INDICATOR'] as const;
export type AlignmentLevel = (typeof ALIGNMENT_LEVELS)[number];

/** The level a child of `parent` has (a vision has pillars, …); null below an indicator. */
export function childLevel(parent: AlignmentLevel | null): AlignmentLevel | null {
  if (parent === null) return 'VISION';
  const i = ALIGNMENT_LEVELS.indexOf(parent);
  return ALIGNMENT_LEVELS[i + 1] ?? null;
}
