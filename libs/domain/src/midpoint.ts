/**
 * The mid-point review (PRODUCT.md section 3): the criteria reviewers score, what the office sees
 * of their assessments taken together, conflicts of interest, and a proposed assignment of
 * reviewers to teams.
 */

/** The five criteria, each scored 1–5. */
export const MIDPOINT_CRITERIA = [
  'PROGRESS',
  'EVIDENCE_QUALITY',
  'COLLABORATION',
  'RISK_MANAGEMENT',
  'LIKELIHOOD',
] as const;
export type MidpointCriterion = (typeof MIDPOINT_CRITERIA)[number];

export const RECOMMENDATIONS = ['CONTINUE', 'COURSE_CORRECT', 'ESCALATE', 'STOP'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

/** Scores of one criterion that differ by this much or more are flagged for the decision. */
export const DISAGREEMENT_SPREAD = 3;

export interface ScoredAssessment {
  readonly scores: readonly { readonly criterion: string; readonly score: number | null }[];
  readonly recommendation: Recommendation | null;
}

export interface CriterionAggregate {
  readonly criterion: MidpointCriterion;
  /** Mean of the scores given, two decimals; null when nobody scored it. */
  readonly mean: number | null;
  readonly min: number | null;
  readonly max: number | null;
  /** max − min. */
  readonly spread: number;
  readonly disagreement: boolean;
  readonly count: number;
}

export interface ReviewAggregate {
  readonly criteria: readonly CriterionAggregate[];
  readonly recommendations: readonly { readonly recommendation: Recommendation; readonly count: number }[];
  /** Some criterion's scores differ by DISAGREEMENT_SPREAD or more. */
  readonly disagreement: boolean;
  readonly submitted: number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The aggregate of the submitted assessments of one team. */
export function reviewAggregate(submitted: readonly ScoredAssessment[]): ReviewAggregate {
  const criteria = MIDPOINT_CRITERIA.map((criterion): CriterionAggregate => {
    const scores = submitted
      .flatMap((a) => a.scores.filter((s) => s.criterion === criterion).map((s) => s.score))
      .filter((s): s is number => typeof s === 'number');
    if (scores.length === 0)
      return { criterion, mean: null, min: null, max: null, spread: 0, disagreement: false, count: 0 };
    const min = Math.min(...scores);
    const max = Math.max(...scores);
    return {
      criterion,
      mean: round2(scores.reduce((a, b) => a + b, 0) / scores.length),
      min,
      max,
      spread: max - min,
      disagreement: max - min >= DISAGREEMENT_SPREAD,
      count: scores.length,
    };
  });
  const recommendations = RECOMMENDATIONS.map((recommendation) => ({
    recommendation,
    count: submitted.filter((a) => a.recommendation === recommendation).length,
  })).filter((r) => r.count > 0);
  return { criteria, recommendations, disagreement: criteria.some((c) => c.disagreement), submitted: submitted.length };
}

/** Why a reviewer may not review a team. */
export const CONFLICTS = ['TEAM_MEMBER', 'LEAD_AGENCY', 'PARTNER_AGENCY'] as const;
export type Conflict = (typeof CONFLICTS)[number];

export interface ReviewedTeam {
  readonly id: string;
  readonly leadAgencyId: string;
  readonly partnerAgencyIds: readonly string[];
  /** Everyone on the team in any role. */
  readonly memberIds: readonly string[];
}

export interface Reviewer {
  readonly id: string;
  readonly agencyId: string;
}

/** A reviewer may not be on the team in any role nor belong to its lead or partner agencies. */
export function conflictOf(reviewer: Reviewer, team: ReviewedTeam): Conflict | null {
  if (team.memberIds.includes(reviewer.id)) return 'TEAM_MEMBER';
  if (reviewer.agencyId === team.leadAgencyId) return 'LEAD_AGENCY';
  if (team.partnerAgencyIds.includes(reviewer.agencyId)) return 'PARTNER_AGENCY';
  return null;
}

export interface AssignmentProposal {
  /** Reviewer ids per team id: the ones kept and the ones proposed. */
  readonly assignments: ReadonlyMap<string, readonly string[]>;
  /** Teams that cannot reach the minimum without a conflict (too few reviewers free of one). */
  readonly short: readonly string[];
  /** How many teams each reviewer would have. */
  readonly load: ReadonlyMap<string, number>;
}

/**
 * Proposes reviewers for every team so that each has `minimum`, nobody reviews a team they are in
 * conflict with (or declared a conflict on), and the load is as even as it can be: each open place
 * goes to the reviewer with the fewest teams so far (ties broken by id, so the proposal is
 * repeatable). Assignments already made are kept. Teams are served most constrained first.
 */
export function proposeAssignment(
  teams: readonly (ReviewedTeam & { readonly assigned: readonly string[]; readonly excluded?: readonly string[] })[],
  reviewers: readonly Reviewer[],
  minimum: number,
): AssignmentProposal {
  const load = new Map(reviewers.map((r) => [r.id, 0]));
  for (const t of teams) for (const id of t.assigned) load.set(id, (load.get(id) ?? 0) + 1);
  const eligible = (t: (typeof teams)[number]) =>
    reviewers.filter(
      (r) => !t.assigned.includes(r.id) && !(t.excluded ?? []).includes(r.id) && conflictOf(r, t) === null,
    );
  const order = [...teams].sort((a, b) => eligible(a).length - eligible(b).length || a.id.localeCompare(b.id));
  const assignments = new Map<string, string[]>();
  const short: string[] = [];
  for (const t of order) {
    const chosen = [...t.assigned];
    const pool = eligible(t);
    while (chosen.length < minimum) {
      const next = pool
        .filter((r) => !chosen.includes(r.id))
        .sort((a, b) => (load.get(a.id) ?? 0) - (load.get(b.id) ?? 0) || a.id.localeCompare(b.id))[0];
      if (!next) break;
      chosen.push(next.id);
      load.set(next.id, (load.get(next.id) ?? 0) + 1);
    }
    if (chosen.length < minimum) short.push(t.id);
    assignments.set(t.id, chosen);
  }
  return { assignments, short, load };
}
