/**
 * A team's outcome on day 100 (PRODUCT.md section 4, RECORD_OUTCOME): proposed from how far each
 * KPI's final value went from its baseline toward its target.
 */
import type { KpiDirection } from './rag.js';

export const OUTCOMES = ['ACHIEVED', 'PARTIALLY_ACHIEVED', 'NOT_ACHIEVED'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface KpiResult {
  readonly kpiId: string;
  readonly direction: KpiDirection;
  readonly baseline: number;
  /** The current target (after any approved change). */
  readonly target: number;
  /** The target when the goals were approved, if a change moved it. */
  readonly originalTarget: number | null;
  /** The final value of the day-100 report; null when the report has none. */
  readonly final: number | null;
}

export interface KpiAttainment {
  readonly kpiId: string;
  /** Share of the way from baseline to the current target (1 = reached; above 1 = beyond it); null without a final value. */
  readonly attainment: number | null;
  /** The same against the original target, where a change moved it. */
  readonly againstOriginal: number | null;
}

export interface ProposedOutcome {
  readonly outcome: Outcome;
  readonly kpis: readonly KpiAttainment[];
  /** The mean of the attainments, each counted between 0 and 1 (a KPI without a final value counts 0). */
  readonly mean: number;
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/**
 * (final − baseline) / (target − baseline): the same arithmetic for increasing and decreasing KPIs,
 * since both differences change sign together (30 → 7 days reached at 7 is 1, at 18.5 is 0.5).
 */
export function attainment(baseline: number, target: number, final: number | null): number | null {
  if (final === null || target === baseline) return null;
  return round4((final - baseline) / (target - baseline));
}

/**
 * ACHIEVED when every KPI is at or past its target; PARTIALLY_ACHIEVED when the mean attainment is
 * at least 50 %; NOT_ACHIEVED otherwise. Attainment is measured against the current target. For the
 * mean each KPI counts between 0 (no progress, a move the wrong way, or no final value) and 1 (its
 * target reached), so one KPI far beyond its target does not hide another that did not move.
 */
export function proposeOutcome(kpis: readonly KpiResult[]): ProposedOutcome {
  const rows = kpis.map((k) => ({
    kpiId: k.kpiId,
    attainment: attainment(k.baseline, k.target, k.final),
    againstOriginal:
      k.originalTarget !== null && k.originalTarget !== k.target
        ? attainment(k.baseline, k.originalTarget, k.final)
        : null,
  }));
  const clamp = (a: number | null) => Math.min(Math.max(a ?? 0, 0), 1);
  const mean = rows.length ? round4(rows.reduce((s, r) => s + clamp(r.attainment), 0) / rows.length) : 0;
  const outcome: Outcome =
    rows.length > 0 && rows.every((r) => r.attainment !== null && r.attainment >= 1)
      ? 'ACHIEVED'
      : mean >= 0.5
        ? 'PARTIALLY_ACHIEVED'
        : 'NOT_ACHIEVED';
  return { outcome, kpis: rows, mean };
}
