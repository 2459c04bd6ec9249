import { attainment, proposeOutcome, type KpiResult } from './outcome.js';

const kpi = (over: Partial<KpiResult>): KpiResult => ({
  kpiId: 'k',
  direction: 'INCREASE',
  baseline: 20,
  target: 60,
  originalTarget: null,
  final: 60,
  ...over,
});

describe('the proposed outcome', () => {
  it('measures increasing and decreasing KPIs the right way round', () => {
    expect(attainment(20, 60, 40)).toBe(0.5);
    expect(attainment(30, 7, 18.5)).toBe(0.5);
    expect(attainment(30, 7, 7)).toBe(1);
    expect(attainment(30, 7, 35)).toBeCloseTo(-0.2174, 4);
    expect(attainment(30, 7, null)).toBeNull();
  });

  it('is ACHIEVED when every KPI reached its target, also beyond it', () => {
    expect(
      proposeOutcome([
        kpi({ final: 60 }),
        kpi({ kpiId: 'd', direction: 'DECREASE', baseline: 30, target: 7, final: 5 }),
      ]),
    ).toMatchObject({ outcome: 'ACHIEVED', mean: 1 });
    expect(proposeOutcome([kpi({ final: 100 })]).kpis[0]!.attainment).toBe(2);
  });

  it('is PARTIALLY_ACHIEVED at a mean of 50 %, counting each KPI at most once its target', () => {
    const r = proposeOutcome([kpi({ final: 100 }), kpi({ kpiId: 'b', final: 20 })]);
    expect(r).toMatchObject({ outcome: 'PARTIALLY_ACHIEVED', mean: 0.5 });
    expect(proposeOutcome([kpi({ final: 36 }), kpi({ kpiId: 'b', final: 36 })])).toMatchObject({
      outcome: 'NOT_ACHIEVED',
      mean: 0.4,
    });
  });

  it('counts a KPI without a final value, or that moved the wrong way, as no progress', () => {
    expect(proposeOutcome([kpi({ final: 60 }), kpi({ kpiId: 'b', final: null })])).toMatchObject({
      outcome: 'PARTIALLY_ACHIEVED',
      mean: 0.5,
    });
    expect(proposeOutcome([kpi({ final: 10 })])).toMatchObject({ outcome: 'NOT_ACHIEVED', mean: 0 });
    expect(proposeOutcome([])).toMatchObject({ outcome: 'NOT_ACHIEVED' });
  });

  it('measures against the current target, with the original beside it where a change moved it', () => {
    const moved = proposeOutcome([kpi({ target: 40, originalTarget: 60, final: 40 })]);
    expect(moved.outcome).toBe('ACHIEVED');
    expect(moved.kpis[0]).toEqual({ kpiId: 'k', attainment: 1, againstOriginal: 0.5 });
    expect(proposeOutcome([kpi({ originalTarget: 60 })]).kpis[0]!.againstOriginal).toBeNull();
  });
});
