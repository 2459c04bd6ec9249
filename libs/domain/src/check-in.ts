/** The longest narrative, blockers and help-needed texts of a check-in. */
export const CHECK_IN_TEXT_MAX = 5000;
/** The longest evidence of a value, and the longest reason of a correction. */
export const CHECK_IN_EVIDENCE_MAX = 2000;
/** The most values one check-in carries (a team has at most five goals of five KPIs). */
export const CHECK_IN_MAX_VALUES = 25;
/** The largest figure a KPI value may have. */
export const KPI_VALUE_MAX = 1e12;

/** A value as it is sent: the figure, the local date it is true of, and where it came from. */
export interface CheckInValueDraft {
  value: number;
  asOf: string;
  evidence: string;
  /** The KPI is a percentage, so the value is at most 100. */
  percent?: boolean;
}

/** A check-in as it is sent (values left empty are not sent). */
export interface CheckInDraft {
  values: readonly CheckInValueDraft[];
  narrative: string;
  blockers: string;
  helpNeeded: string;
  confidence: string | null;
  /** A correction's reason; `undefined` for a new check-in. */
  reason?: string;
}

export type CheckInProblem =
  'required' | 'atLeastOne' | 'tooMany' | 'tooLong' | 'negative' | 'tooLarge' | 'overHundred' | 'inFuture';

const blank = (s: string | null | undefined) => !s || s.trim() === '';

/**
 * What the server refuses a check-in for, field by field (`values.N.evidence` for the N-th value
 * sent), given the team's local date today: the same rule answers the form before it sends and
 * the API when it receives. Empty when the check-in may be sent.
 */
export function checkInProblems(draft: CheckInDraft, today: string): Record<string, CheckInProblem> {
  const problems: Record<string, CheckInProblem> = {};
  if (draft.values.length === 0) problems.values = 'atLeastOne';
  else if (draft.values.length > CHECK_IN_MAX_VALUES) problems.values = 'tooMany';
  draft.values.forEach((v, i) => {
    if (v.value < 0) problems[`values.${i}.value`] = 'negative';
    else if (v.value > KPI_VALUE_MAX) problems[`values.${i}.value`] = 'tooLarge';
    else if (v.percent && v.value > 100) problems[`values.${i}.value`] = 'overHundred';
    if (blank(v.asOf)) problems[`values.${i}.asOf`] = 'required';
    else if (v.asOf > today) problems[`values.${i}.asOf`] = 'inFuture';
    if (blank(v.evidence)) problems[`values.${i}.evidence`] = 'required';
    else if (v.evidence.length > CHECK_IN_EVIDENCE_MAX) problems[`values.${i}.evidence`] = 'tooLong';
  });
  if (blank(draft.narrative)) problems.narrative = 'required';
  else if (draft.narrative.length > CHECK_IN_TEXT_MAX) problems.narrative = 'tooLong';
  if (draft.blockers.length > CHECK_IN_TEXT_MAX) problems.blockers = 'tooLong';
  if (draft.helpNeeded.length > CHECK_IN_TEXT_MAX) problems.helpNeeded = 'tooLong';
  if (blank(draft.confidence)) problems.confidence = 'required';
  if (draft.reason !== undefined) {
    if (blank(draft.reason)) problems.reason = 'required';
    else if (draft.reason.length > CHECK_IN_EVIDENCE_MAX) problems.reason = 'tooLong';
  }
  return problems;
}
