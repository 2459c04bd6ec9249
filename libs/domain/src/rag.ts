import { proposeOutcome, type Outcome } from './outcome.js';
/**
 * RAG status (PRODUCT.md section 7). For a KPI on day d of 100:
 *   expected = baseline + (target − baseline) × d / 100   (the target itself after day 100)
 *   progress = (actual − baseline) / (expected − baseline)
 * GREEN when progress ≥ the green threshold or the target is already reached, AMBER when
 * ≥ the amber threshold, RED otherwise, GREY when no value is newer than `staleDays`.
 * A goal takes its worst KPI's status, a team its worst goal's.
 */
export const RAG_STATUSES = ['GREEN', 'AMBER', 'RED', 'GREY'] as const;
export type Rag = (typeof RAG_STATUSES)[number];

export const KPI_DIRECTIONS = ['INCREASE', 'DECREASE'] as const;
export type KpiDirection = (typeof KPI_DIRECTIONS)[number];

export interface RagThresholdSettings {
  green: number;
  amber: number;
  staleDays: number;
}

export const DEFAULT_RAG_THRESHOLDS: RagThresholdSettings = { green: 0.9, amber: 0.6, staleDays: 14 };

export interface KpiForRag {
  baseline: number;
  target: number;
  direction: KpiDirection;
}

export interface Measurement {
  value: number;
  /** The date the value is true of (local date of the cohort), `YYYY-MM-DD`. */
  asOf: string;
}

/**
 * The value expected on day `day` of 100, on the straight line from baseline to target. Before
 * day 1 nothing is expected yet (the baseline); from day 100 on, the target.
 */
export function expectedValue(kpi: KpiForRag, day: number): number {
  const d = Math.min(Math.max(day, 0), 100);
  return kpi.baseline + ((kpi.target - kpi.baseline) * d) / 100;
}

/** Whether a value has reached the target, in the KPI's direction. */
export function targetReached(kpi: KpiForRag, actual: number): boolean {
  return kpi.direction === 'INCREASE' ? actual >= kpi.target : actual <= kpi.target;
}

/**
 * Progress toward the expected value: 1 is on track, 0 is no movement, negative went the wrong
 * way. When nothing is expected yet, any value not worse than the baseline counts as on track.
 */
export function progress(kpi: KpiForRag, actual: number, day: number): number {
  const expected = expectedValue(kpi, day);
  const span = expected - kpi.baseline;
  const moved = actual - kpi.baseline;
  if (span === 0) {
    const better = kpi.direction === 'INCREASE' ? moved >= 0 : moved <= 0;
    return better ? 1 : -1;
  }
  return moved / span;
}

/** Days from `asOf` to `today` (local dates). */
export function ageInDays(asOf: string, today: string): number {
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${asOf}T00:00:00Z`)) / 86_400_000);
}

export interface KpiRag {
  status: Rag;
  expected: number;
  progress: number | null;
  latest: Measurement | null;
}

/** The status of one KPI from its latest measurement. */
export function kpiRag(
  kpi: KpiForRag,
  latest: Measurement | null,
  day: number,
  today: string,
  thresholds: RagThresholdSettings = DEFAULT_RAG_THRESHOLDS,
): KpiRag {
  const expected = expectedValue(kpi, day);
  if (!latest || ageInDays(latest.asOf, today) > thresholds.staleDays) {
    return { status: 'GREY', expected, progress: null, latest };
  }
  const p = progress(kpi, latest.value, day);
  const status: Rag =
    targetReached(kpi, latest.value) || p >= thresholds.green ? 'GREEN' : p >= thresholds.amber ? 'AMBER' : 'RED';
  return { status, expected, progress: p, latest };
}

/**
 * The worst of several statuses. Red is worst; grey (no recent data: nobody knows) comes before
 * amber; green is best. Nothing to judge is grey.
 */
export function worstRag(statuses: readonly Rag[]): Rag {
  const order: Rag[] = ['RED', 'GREY', 'AMBER', 'GREEN'];
  if (statuses.length === 0) return 'GREY';
  return order.find((s) => statuses.includes(s)) ?? 'GREY';
}

/** The expected trajectory from baseline (day 1) to target (day 100), for charts. */
export function trajectory(kpi: KpiForRag, points = 11): { day: number; value: number }[] {
  return Array.from({ length: points }, (_, i) => {
    const day = Math.round((i * 100) / (points - 1));
    return { day, value: expectedValue(kpi, day) };
  });
}

/** The outcome proposed at day 100 from KPI attainment (see `proposeOutcome` in outcome.ts). */
export function proposedOutcome(kpis: { kpi: KpiForRag; final: number }[]): Outcome {
  return proposeOutcome(
    kpis.map((k, i) => ({
      kpiId: String(i),
      direction: k.kpi.direction,
      baseline: k.kpi.baseline,
      target: k.kpi.target,
      originalTarget: null,
      final: k.final,
    })),
  ).outcome;
}

/**
 * Where a team stands on the dashboard: its status, or, when it left the 100 days (withdrawn by the
 * office, stopped at the mid-point), that instead — such a team is counted apart, never as red or
 * green.
 */
export const TEAM_STANDINGS = [...RAG_STATUSES, 'WITHDRAWN', 'STOPPED'] as const;
export type TeamStanding = (typeof TEAM_STANDINGS)[number];

export function teamStanding(teamState: string, rag: Rag): TeamStanding {
  return teamState === 'WITHDRAWN' || teamState === 'STOPPED' ? teamState : rag;
}

/**
 * A team's KPI attainment (the mean used to propose its outcome, `proposeOutcome`): each KPI's
 * share of the way from baseline to target by its latest value, counted between 0 and 1. The
 * dashboard groups teams in these bands: from each bound up to the next (the last: reached).
 */
export const ATTAINMENT_BANDS = [0, 0.25, 0.5, 0.75, 1] as const;
