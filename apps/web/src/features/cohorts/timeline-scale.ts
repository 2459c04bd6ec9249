/**
 * Where each instant of a cohort's calendar sits on its timeline. Drawn in proportion to time, the
 * sustainment (six months after day 107) takes more than half of the bar and the days before the
 * launch are slivers; so the bar gives each part of the calendar a share of its own:
 *
 * - the 100 days (the phases that begin between day 1 and day 99: execution, the mid-point review
 *   and the final stretch) take `hundredShare` of the width;
 * - the phases before day 1 (intake, selection, preparation) `beforeShare`;
 * - the phases from day 100 on (results, sustainment) `afterShare`;
 * - when today lies before the first phase or after the last, `outsideShare` of the width (taken
 *   from the parts outside the 100 days) is left for the time between them, and today sits at the
 *   very edge.
 *
 * Inside a part, phases share its width in proportion to their length, yet none narrower than
 * `minPhaseShare`, nor than the room its name needs where the component measured it (`minShares`;
 * `widthFor` gives the narrowest bar on which every name fits). Between two knots the scale is linear, so the position of
 * an instant only grows with time. Where the bar enters a stretch drawn `breakRatio` times
 * shorter than the 100 days (the sustainment, a long wait before intake) it shows a break. Positions are percentages of the bar from its start edge (the
 * right in Arabic, the left in English): the component lays them out with logical insets.
 */

/** A phase of the calendar: instants in milliseconds, days as the calendar numbers them (no day 0). */
export interface ScalePhase {
  state: string;
  start: number;
  end: number;
  startDay: number;
  endDay: number;
}

export type ScaleZone = 'before' | 'hundred' | 'after';

export interface ScaleSegment {
  state: string;
  zone: ScaleZone;
  /** Its start and end on the bar, 0–100. */
  from: number;
  to: number;
}

export interface TimelineScale {
  /** Where an instant sits, 0–100; instants before the bar's start are at 0, after its end at 100. */
  position: (ms: number) => number;
  /** The phases in the order given, each with its place on the bar. */
  segments: ScaleSegment[];
  /** The span of the 100 days on the bar, when the calendar has phases in them. */
  hundred: { from: number; to: number } | null;
  /** Where the scale changes sharply (a break is drawn there). */
  breaks: number[];
  /** The room before the first phase (today is earlier), or after the last (today is later). */
  lead: { from: number; to: number } | null;
  trail: { from: number; to: number } | null;
}

export interface ScaleOptions {
  hundredShare: number;
  beforeShare: number;
  afterShare: number;
  minPhaseShare: number;
  outsideShare: number;
  /** How many times shorter than the 100 days a stretch is drawn before a break marks it. */
  breakRatio: number;
  /** Per phase (in the order of the phases), the least share of the bar it needs, e.g. for its name. */
  minShares?: readonly number[];
}

export const DEFAULT_SCALE: ScaleOptions = {
  hundredShare: 62,
  beforeShare: 22,
  afterShare: 16,
  minPhaseShare: 7,
  outsideShare: 4,
  breakRatio: 3,
};

/** Which part of the calendar a phase belongs to, by the day it begins. */
export function zoneOf(phase: Pick<ScalePhase, 'startDay'>): ScaleZone {
  if (phase.startDay < 1) return 'before';
  if (phase.startDay >= 100) return 'after';
  return 'hundred';
}

/**
 * Shares `budget` among lengths in proportion, none under its minimum (`min`, one for all or one
 * each; a length of zero gets its minimum); when the minimums alone would not fit, in proportion
 * to them.
 */
export function distribute(lengths: readonly number[], budget: number, min: number | readonly number[]): number[] {
  const n = lengths.length;
  if (n === 0) return [];
  const mins = lengths.map((_, i) => Math.max(0, typeof min === 'number' ? min : (min[i] ?? 0)));
  const totalMin = mins.reduce((a, b) => a + b, 0);
  if (totalMin >= budget) return totalMin > 0 ? mins.map((m) => (m / totalMin) * budget) : mins.map(() => budget / n);
  const atMin = new Set<number>();
  for (;;) {
    const free = budget - [...atMin].reduce((sum, i) => sum + mins[i]!, 0);
    const total = lengths.reduce((sum, length, i) => (atMin.has(i) ? sum : sum + Math.max(0, length)), 0);
    const shares = lengths.map((length, i) =>
      atMin.has(i) ? mins[i]! : total > 0 ? (free * Math.max(0, length)) / total : free / (n - atMin.size),
    );
    const under = shares.flatMap((share, i) => (!atMin.has(i) && share < mins[i]! ? [i] : []));
    if (under.length === 0) return shares;
    for (const i of under) atMin.add(i);
  }
}

/** Each phase's part of the calendar, and each part's share of the bar (today outside it taken into account). */
function zoneBudgets(phases: readonly Pick<ScalePhase, 'startDay'>[], outside: number, options: ScaleOptions) {
  // The 100 days keep their share whatever happens; the room for today outside the calendar comes
  // out of the other parts, and a part without phases gives its share to the others.
  const zones = phases.map(zoneOf);
  const present = (['before', 'hundred', 'after'] as const).filter((zone) => zones.includes(zone));
  const others = present.filter((zone) => zone !== 'hundred');
  const othersShare = { before: options.beforeShare, after: options.afterShare };
  const othersTotal = others.reduce((sum, zone) => sum + othersShare[zone], 0);
  const hundredBudget = others.length === 0 ? 100 - outside : present.includes('hundred') ? options.hundredShare : 0;
  const budgetOf = (zone: ScaleZone) =>
    zone === 'hundred' ? hundredBudget : (othersShare[zone] / othersTotal) * (100 - outside - hundredBudget);
  return { zones, present, budgetOf };
}

/** How much of the bar the time outside the calendar takes, with today at `nowMs`. */
function outsideShareOf(phases: readonly ScalePhase[], nowMs: number | null, options: ScaleOptions): number {
  if (nowMs === null || phases.length === 0) return 0;
  const first = phases[0]!.start;
  const last = Math.max(phases[phases.length - 1]!.end, ...phases.map((p) => p.start));
  return (nowMs < first ? options.outsideShare : 0) + (nowMs > last ? options.outsideShare : 0);
}

/**
 * The narrowest bar, in pixels and at least `least`, on which each phase gets the room it needs
 * (`needs`, pixels, in the order of the phases) within its part of the calendar, and
 * `minPhaseShare` at least.
 */
export function widthFor(
  phases: readonly ScalePhase[],
  nowMs: number | null,
  needs: readonly number[],
  least: number,
  options: ScaleOptions = DEFAULT_SCALE,
): number {
  const { zones, present, budgetOf } = zoneBudgets(phases, outsideShareOf(phases, nowMs, options), options);
  const fits = (width: number) =>
    present.every((zone) => {
      const wanted = zones.reduce(
        (sum, z, i) => (z === zone ? sum + Math.max(options.minPhaseShare, ((needs[i] ?? 0) / width) * 100) : sum),
        0,
      );
      return wanted <= budgetOf(zone) + 1e-9;
    });
  if (fits(least)) return least;
  let [low, high] = [least, Math.max(least * 2, 1)];
  while (!fits(high) && high < 1e6) [low, high] = [high, high * 2];
  while (high - low > 0.5) {
    const mid = (low + high) / 2;
    if (fits(mid)) high = mid;
    else low = mid;
  }
  return Math.ceil(high);
}

/** The scale of a calendar's phases (in calendar order), with today (`nowMs`) kept on the bar. */
export function timelineScale(
  phases: readonly ScalePhase[],
  nowMs: number | null,
  options: ScaleOptions = DEFAULT_SCALE,
): TimelineScale {
  if (phases.length === 0) {
    return { position: () => 0, segments: [], hundred: null, breaks: [], lead: null, trail: null };
  }
  // The instants between phases, never going back in time (a calendar being fixed may be out of order).
  const edges: number[] = [];
  for (const [i, phase] of phases.entries()) edges.push(Math.max(phase.start, i > 0 ? edges[i - 1]! : -Infinity));
  edges.push(Math.max(phases[phases.length - 1]!.end, edges[edges.length - 1]!));
  const first = edges[0]!;
  const last = edges[edges.length - 1]!;

  const before = nowMs !== null && nowMs < first;
  const after = nowMs !== null && nowMs > last;
  const outside = (before ? options.outsideShare : 0) + (after ? options.outsideShare : 0);

  const { zones, present, budgetOf } = zoneBudgets(phases, outside, options);
  const shares = new Array<number>(phases.length).fill(0);
  for (const zone of present) {
    const members = zones.flatMap((z, i) => (z === zone ? [i] : []));
    const budget = budgetOf(zone);
    const lengths = members.map((i) => edges[i + 1]! - edges[i]!);
    const mins = members.map((i) => Math.max(options.minPhaseShare, options.minShares?.[i] ?? 0));
    const zoneShares = distribute(lengths, budget, mins);
    members.forEach((i, k) => (shares[i] = zoneShares[k]!));
  }

  // The knots: (instant, position) pairs, increasing in both.
  const knots: [number, number][] = [];
  let at = 0;
  if (before) {
    knots.push([nowMs, 0]);
    at = options.outsideShare;
  }
  const segments: ScaleSegment[] = phases.map((phase, i) => {
    const from = at;
    knots.push([edges[i]!, from]);
    at += shares[i]!;
    return { state: phase.state, zone: zones[i]!, from, to: at };
  });
  knots.push([last, at]);
  if (after) knots.push([nowMs, 100]);

  const position = (ms: number): number => {
    if (ms <= knots[0]![0]) return knots[0]![1];
    for (let k = 1; k < knots.length; k++) {
      const [t1, p1] = knots[k]!;
      if (ms <= t1) {
        const [t0, p0] = knots[k - 1]!;
        return t1 > t0 ? p0 + ((ms - t0) / (t1 - t0)) * (p1 - p0) : p1;
      }
    }
    return knots[knots.length - 1]![1];
  };

  // A break where the bar enters (or leaves) a stretch drawn `breakRatio` times shorter than the
  // 100 days are (or than the bar on average, without them).
  const inHundred = segments.filter((s) => s.zone === 'hundred');
  const [h0, h1] = [edges[zones.indexOf('hundred')]!, edges[zones.lastIndexOf('hundred') + 1]!];
  const [k0, k1] = [knots[0]!, knots[knots.length - 1]!];
  const reference =
    inHundred.length > 0 && h1 > h0
      ? (inHundred[inHundred.length - 1]!.to - inHundred[0]!.from) / (h1 - h0)
      : (k1[1] - k0[1]) / Math.max(1, k1[0] - k0[0]);
  const shortened = (k: number) => {
    const [t0, p0] = knots[k - 1]!;
    const [t1, p1] = knots[k]!;
    return t1 > t0 && p1 > p0 ? ((p1 - p0) / (t1 - t0)) * options.breakRatio <= reference : null;
  };
  const breaks: number[] = [];
  for (let k = 1; k < knots.length - 1; k++) {
    const [a, b] = [shortened(k), shortened(k + 1)];
    if (a !== null && b !== null && a !== b) breaks.push(knots[k]![1]);
  }

  return {
    position,
    segments,
    hundred: inHundred.length > 0 ? { from: inHundred[0]!.from, to: inHundred[inHundred.length - 1]!.to } : null,
    breaks,
    lead: before ? { from: 0, to: options.outsideShare } : null,
    trail: after ? { from: 100 - options.outsideShare, to: 100 } : null,
  };
}
