import { DEFAULT_OFFSETS, endOfDay, startOfDay, type CalendarOffsets, type CohortCalendar } from '@hundred/domain';

import { DEFAULT_SCALE, distribute, timelineScale, widthFor, zoneOf, type ScalePhase } from './timeline-scale';

function calendar(offsets: Partial<CalendarOffsets> = {}): CohortCalendar {
  return {
    day1: '2027-03-01',
    timeZone: 'Asia/Amman',
    weekendDays: [5, 6],
    holidays: [],
    offsets: { ...DEFAULT_OFFSETS, ...offsets },
  };
}

/** The phases as the API draws them from the calendar (cohort.resolver.ts): each between two transitions. */
function phasesOf(cal: CohortCalendar): ScalePhase[] {
  const o = cal.offsets;
  const last = o.checkpoints[o.checkpoints.length - 1] ?? o.sustainmentStarts;
  const edges: [string, Date][] = [
    ['INTAKE', startOfDay(cal, o.intakeOpens)],
    ['SELECTION', endOfDay(cal, o.intakeCloses)],
    ['PREPARATION', endOfDay(cal, o.selectionEnds)],
    ['EXECUTION', startOfDay(cal, o.launch)],
    ['MIDPOINT_REVIEW', startOfDay(cal, o.midpointOpens)],
    ['FINAL_STRETCH', endOfDay(cal, o.midpointCloses)],
    ['RESULTS', startOfDay(cal, o.results)],
    ['SUSTAINMENT', endOfDay(cal, o.sustainmentStarts)],
  ];
  const end = endOfDay(cal, last + o.closeAfterLastCheckpointDays);
  const dayOf = (instant: Date) => {
    const days = Math.floor((instant.getTime() - startOfDay(cal, 1).getTime()) / 86_400_000);
    return days >= 0 ? days + 1 : days;
  };
  return edges.map(([state, start], i) => {
    const next = edges[i + 1]?.[1] ?? end;
    return {
      state,
      start: start.getTime(),
      end: next.getTime(),
      startDay: dayOf(start),
      endDay: dayOf(new Date(next.getTime() - 1)),
    };
  });
}

const cal = calendar();
const phases = phasesOf(cal);
/** The instant day N of the default calendar begins (days are …, −2, −1, 1, 2, …). */
const day = (n: number) => startOfDay(cal, n).getTime();
const DAY_MS = 86_400_000;

describe('the timeline scale', () => {
  const scale = timelineScale(phases, day(20));

  it('gives the 100 days at least 60 % of the bar, from day 1 to day 100', () => {
    expect(scale.position(day(100)) - scale.position(day(1))).toBeGreaterThanOrEqual(60);
    expect(scale.hundred).toEqual({ from: scale.position(day(1)), to: scale.position(day(100)) });
    // Drawn in proportion to time, the same days would have less than a third of it.
    const linear = (day(100) - day(1)) / (phases[phases.length - 1]!.end - phases[0]!.start);
    expect(linear).toBeLessThan(0.34);
  });

  it('leaves sustainment far less than half of the bar', () => {
    const sustainment = scale.segments.find((s) => s.state === 'SUSTAINMENT')!;
    expect(sustainment.to - sustainment.from).toBeLessThan(20);
  });

  it('only moves forward with time, from 0 to 100', () => {
    let previous = -1;
    for (let ms = day(-60); ms <= day(320); ms += DAY_MS / 4) {
      const p = scale.position(ms);
      expect(p).toBeGreaterThanOrEqual(previous);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(100);
      previous = p;
    }
    expect(scale.position(phases[0]!.start)).toBe(0);
    expect(scale.position(phases[phases.length - 1]!.end)).toBeCloseTo(100, 9);
  });

  it('lays the phases end to end in calendar order, each wide enough for its name', () => {
    expect(scale.segments.map((s) => s.state)).toEqual(phases.map((p) => p.state));
    expect(scale.segments[0]!.from).toBe(0);
    for (const [i, segment] of scale.segments.entries()) {
      expect(segment.to - segment.from).toBeGreaterThanOrEqual(DEFAULT_SCALE.minPhaseShare - 1e-9);
      expect(segment.from).toBeCloseTo(scale.position(phases[i]!.start), 9);
      expect(segment.to).toBeCloseTo(scale.position(phases[i]!.end), 9);
      if (i > 0) expect(segment.from).toBeCloseTo(scale.segments[i - 1]!.to, 9);
    }
    expect(scale.segments[scale.segments.length - 1]!.to).toBeCloseTo(100, 9);
  });

  it('puts the phase boundaries of the calendar at their days, in order', () => {
    const boundaries = [-42, -27, -20, 1, 45, 57, 100, 108].map((n) => scale.position(day(n)));
    expect(boundaries).toEqual([...boundaries].sort((a, b) => a - b));
    expect(new Set(boundaries).size).toBe(boundaries.length);
    expect(scale.segments.map((s) => s.from)).toEqual(boundaries.map((b) => expect.closeTo(b, 9)));
  });

  it('sorts phases into before day 1, the 100 days and from day 100 on', () => {
    expect(scale.segments.map((s) => s.zone)).toEqual([
      'before',
      'before',
      'before',
      'hundred',
      'hundred',
      'hundred',
      'after',
      'after',
    ]);
    expect(zoneOf({ startDay: -1 })).toBe('before');
    expect(zoneOf({ startDay: 1 })).toBe('hundred');
    expect(zoneOf({ startDay: 99 })).toBe('hundred');
    expect(zoneOf({ startDay: 100 })).toBe('after');
  });

  it('keeps one scale inside the 100 days: a day there is a day wherever it falls', () => {
    const width = (from: number, to: number) => scale.position(day(to)) - scale.position(day(from));
    expect(width(1, 11)).toBeCloseTo(width(80, 90), 6);
    expect(width(40, 50)).toBeCloseTo(width(1, 11), 6);
  });

  it('breaks the bar where the scale shortens: at the start of sustainment, after day 100', () => {
    expect(scale.breaks).toEqual([expect.closeTo(scale.position(day(108)), 9)]);
  });

  it('draws today where it is: inside its phase, in proportion within it', () => {
    const execution = scale.segments.find((s) => s.state === 'EXECUTION')!;
    const today = scale.position(day(20));
    expect(today).toBeGreaterThan(execution.from);
    expect(today).toBeLessThan(execution.to);
    expect(today).toBeCloseTo(scale.position(day(1)) + (19 / 99) * (scale.hundred!.to - scale.hundred!.from), 6);
    expect(scale.lead).toBeNull();
    expect(scale.trail).toBeNull();
  });
});

describe('the timeline scale with today outside the calendar', () => {
  it('before intake opens (negative days before the start): room at the start, today at its edge', () => {
    const now = day(-60);
    const scale = timelineScale(phases, now);
    expect(scale.lead).toEqual({ from: 0, to: DEFAULT_SCALE.outsideShare });
    expect(scale.position(now)).toBe(0);
    expect(scale.position(day(-50))).toBeGreaterThan(0);
    expect(scale.position(day(-50))).toBeLessThan(DEFAULT_SCALE.outsideShare);
    expect(scale.position(phases[0]!.start)).toBe(DEFAULT_SCALE.outsideShare);
    expect(scale.position(day(-1000))).toBe(0);
    // Half a year before intake is drawn far shorter than the 100 days: a break where intake opens.
    const early = timelineScale(phases, day(-200));
    expect(early.breaks).toEqual([DEFAULT_SCALE.outsideShare, expect.closeTo(early.position(day(108)), 9)]);
    // The 100 days keep their emphasis.
    expect(scale.position(day(100)) - scale.position(day(1))).toBeGreaterThanOrEqual(60);
    expect(scale.segments[scale.segments.length - 1]!.to).toBeCloseTo(100, 9);
  });

  it('after the cohort closes: room at the end, today at its edge', () => {
    const now = day(400);
    const scale = timelineScale(phases, now);
    expect(scale.trail).toEqual({ from: 100 - DEFAULT_SCALE.outsideShare, to: 100 });
    expect(scale.position(now)).toBe(100);
    expect(scale.position(phases[phases.length - 1]!.end)).toBeCloseTo(100 - DEFAULT_SCALE.outsideShare, 9);
    expect(scale.position(day(100)) - scale.position(day(1))).toBeGreaterThanOrEqual(60);
  });

  it('without a clock: the phases alone', () => {
    const scale = timelineScale(phases, null);
    expect(scale.lead).toBeNull();
    expect(scale.trail).toBeNull();
    expect(scale.position(day(-1000))).toBe(0);
    expect(scale.position(day(1000))).toBeCloseTo(100, 9);
  });
});

describe('the timeline scale on other calendars', () => {
  it('keeps the 100 days at 60 % or more with offsets of the office’s own', () => {
    const custom = phasesOf(
      calendar({ intakeOpens: -90, intakeCloses: -60, selectionEnds: -30, checkpoints: [150, 250, 400] }),
    );
    const scale = timelineScale(custom, null);
    const at = (n: number) => startOfDay(calendar(), n).getTime();
    expect(scale.position(at(100)) - scale.position(at(1))).toBeGreaterThanOrEqual(60);
    for (const segment of scale.segments)
      expect(segment.to - segment.from).toBeGreaterThanOrEqual(DEFAULT_SCALE.minPhaseShare - 1e-9);
  });

  it('stays in order when the phases’ instants are not (a calendar being fixed)', () => {
    const broken = phases.map((p) => (p.state === 'SELECTION' ? { ...p, start: p.start - 30 * DAY_MS } : p));
    const scale = timelineScale(broken, day(20));
    let previous = -1;
    for (let ms = day(-60); ms <= day(320); ms += DAY_MS) {
      expect(scale.position(ms)).toBeGreaterThanOrEqual(previous);
      previous = scale.position(ms);
    }
  });

  it('breaks only where the bar enters a shortened stretch, whatever room the names took', () => {
    const needs = [0, 0, 0, 0, 0, 0, 0, 0].map((_, i) => (i === 1 ? 9 : 0));
    const scale = timelineScale(phases, day(20), { ...DEFAULT_SCALE, minPhaseShare: 3, minShares: needs });
    expect(scale.breaks).toEqual([expect.closeTo(scale.position(day(108)), 9)]);
  });

  it('draws nothing without phases', () => {
    const scale = timelineScale([], day(1));
    expect(scale.segments).toEqual([]);
    expect(scale.hundred).toBeNull();
    expect(scale.position(day(1))).toBe(0);
  });
});

describe('distribute', () => {
  it('shares in proportion, with a floor', () => {
    expect(distribute([10, 30], 40, 5)).toEqual([10, 30]);
    const shares = distribute([1, 50, 49], 30, 7);
    expect(shares[0]).toBe(7);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(30, 9);
    expect(shares[1]! / shares[2]!).toBeCloseTo(50 / 49, 9);
  });

  it('splits in proportion to the floors when they do not fit, or equally when nothing has a length', () => {
    expect(distribute([1, 2, 3], 12, 5)).toEqual([4, 4, 4]);
    expect(distribute([1, 2, 3], 12, [2, 4, 6])).toEqual([2, 4, 6].map((m) => (m / 12) * 12));
    expect(distribute([1, 2], 10, [10, 30])).toEqual([2.5, 7.5]);
    expect(distribute([0, 0], 10, 1)).toEqual([5, 5]);
    expect(distribute([0, 0], 10, 0)).toEqual([5, 5]);
    expect(distribute([], 10, 1)).toEqual([]);
  });

  it('gives each its own floor', () => {
    const shares = distribute([10, 10, 80], 50, [2, 20, 2]);
    expect(shares[1]).toBe(20);
    expect(shares[0]! / shares[2]!).toBeCloseTo(10 / 80, 9);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(50, 9);
  });
});

describe('room for the names of the phases', () => {
  // What the names need, in pixels (measured by the component): long ones before day 1 and after day 100.
  const needs = [60, 75, 90, 70, 65, 60, 60, 95];

  it('widens the bar until every name fits its part, and not more', () => {
    const width = widthFor(phases, day(20), needs, 300);
    expect(width).toBeGreaterThan(300);
    const scale = timelineScale(phases, day(20), { ...DEFAULT_SCALE, minShares: needs.map((n) => (n / width) * 100) });
    for (const [i, segment] of scale.segments.entries())
      expect(((segment.to - segment.from) / 100) * width).toBeGreaterThanOrEqual(needs[i]! - 0.01);
    // A narrower bar leaves some name without its room.
    const tight = width - 20;
    const squeezed = timelineScale(phases, day(20), {
      ...DEFAULT_SCALE,
      minShares: needs.map((n) => (n / tight) * 100),
    });
    expect(squeezed.segments.some((s, i) => ((s.to - s.from) / 100) * tight < needs[i]! - 0.01)).toBe(true);
    // The 100 days keep their share however wide the bar.
    expect(scale.position(day(100)) - scale.position(day(1))).toBeGreaterThanOrEqual(60);
  });

  it('keeps a bar that is wide enough as it is', () => {
    expect(widthFor(phases, day(20), needs, 2000)).toBe(2000);
    expect(widthFor(phases, null, [], 900)).toBe(900);
  });

  it('counts the room today takes outside the calendar', () => {
    expect(widthFor(phases, day(-60), needs, 300)).toBeGreaterThan(widthFor(phases, day(20), needs, 300));
  });
});
