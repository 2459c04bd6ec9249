import fc from 'fast-check';

import {
  expectedValue,
  kpiRag,
  teamStanding,
  progress,
  proposedOutcome,
  targetReached,
  trajectory,
  worstRag,
  type KpiForRag,
} from './rag.js';

const up: KpiForRag = { baseline: 18, target: 36, direction: 'INCREASE' }; // online renewals, %
const down: KpiForRag = { baseline: 30, target: 7, direction: 'DECREASE' }; // days to a permit
const today = '2026-12-01';

describe('expected value and progress', () => {
  it('draws a straight line from baseline to target over 100 days', () => {
    expect(expectedValue(up, 0)).toBe(18);
    expect(expectedValue(up, 50)).toBe(27);
    expect(expectedValue(up, 100)).toBe(36);
    expect(expectedValue(down, 50)).toBe(18.5);
    // After day 100 the target replaces the expected value; before day 1 nothing is expected yet.
    expect(expectedValue(up, 130)).toBe(36);
    expect(expectedValue(up, -5)).toBe(18);
  });

  it('measures progress the same way for decreasing KPIs', () => {
    expect(progress(up, 27, 50)).toBe(1);
    expect(progress(down, 18.5, 50)).toBe(1);
    expect(progress(down, 24.25, 50)).toBe(0.5);
    expect(progress(down, 33, 50)).toBeLessThan(0); // went the wrong way
  });
});

describe('kpiRag', () => {
  it('is green on track, amber from 60 %, red below', () => {
    expect(kpiRag(up, { value: 26.2, asOf: today }, 50, today).status).toBe('GREEN'); // 0.91
    expect(kpiRag(up, { value: 24, asOf: today }, 50, today).status).toBe('AMBER'); // 0.67
    expect(kpiRag(up, { value: 22, asOf: today }, 50, today).status).toBe('RED'); // 0.44
    expect(kpiRag(down, { value: 21, asOf: today }, 50, today).status).toBe('AMBER'); // (30-21)/(30-18.5)=0.78
    expect(kpiRag(down, { value: 26, asOf: today }, 50, today).status).toBe('RED');
  });

  it('is green once the target is reached, however early', () => {
    expect(targetReached(down, 7)).toBe(true);
    expect(kpiRag(down, { value: 6, asOf: today }, 10, today).status).toBe('GREEN');
    expect(kpiRag(up, { value: 40, asOf: today }, 10, today).status).toBe('GREEN');
  });

  it('is grey without a value newer than the stale limit', () => {
    expect(kpiRag(up, null, 50, today).status).toBe('GREY');
    expect(kpiRag(up, { value: 30, asOf: '2026-11-17' }, 50, today).status).toBe('GREEN'); // 14 days: still fresh
    expect(kpiRag(up, { value: 30, asOf: '2026-11-16' }, 50, today).status).toBe('GREY'); // 15 days
    expect(
      kpiRag(up, { value: 30, asOf: '2026-11-16' }, 50, today, { green: 0.9, amber: 0.6, staleDays: 30 }).status,
    ).toBe('GREEN');
  });

  it('honours the cohort thresholds', () => {
    const strict = { green: 1, amber: 0.8, staleDays: 14 };
    expect(kpiRag(up, { value: 26.2, asOf: today }, 50, today, strict).status).toBe('AMBER');
  });

  it('compares with the target after day 100', () => {
    // Day 110: the expected value is the target, 36; 33 is 15/18 = 0.83 of the way.
    expect(kpiRag(up, { value: 33, asOf: today }, 110, today)).toMatchObject({ status: 'AMBER', expected: 36 });
    expect(kpiRag(up, { value: 35, asOf: today }, 110, today).status).toBe('GREEN');
  });

  it('judges nothing expected yet by the direction of the movement', () => {
    expect(kpiRag(up, { value: 18, asOf: today }, 0, today).status).toBe('GREEN');
    expect(kpiRag(down, { value: 31, asOf: today }, 0, today).status).toBe('RED');
  });
});

describe('worst status', () => {
  it('takes red over grey over amber over green, and grey for nothing', () => {
    expect(worstRag(['GREEN', 'AMBER'])).toBe('AMBER');
    expect(worstRag(['GREEN', 'GREY', 'AMBER'])).toBe('GREY');
    expect(worstRag(['GREY', 'RED'])).toBe('RED');
    expect(worstRag(['GREEN', 'GREEN'])).toBe('GREEN');
    expect(worstRag([])).toBe('GREY');
  });

  it('is never better than any of its parts (property)', () => {
    const rank = { RED: 0, GREY: 1, AMBER: 2, GREEN: 3 } as const;
    fc.assert(
      fc.property(fc.array(fc.constantFrom('GREEN', 'AMBER', 'RED', 'GREY' as const), { minLength: 1 }), (statuses) => {
        const w = worstRag(statuses);
        expect(statuses).toContain(w);
        for (const s of statuses) expect(rank[w]).toBeLessThanOrEqual(rank[s]);
      }),
    );
  });
});

describe('trajectory and the proposed outcome', () => {
  it('plots the expected line', () => {
    expect(trajectory(down, 3)).toEqual([
      { day: 0, value: 30 },
      { day: 50, value: 18.5 },
      { day: 100, value: 7 },
    ]);
  });

  it('proposes achieved, partially achieved or not achieved from attainment', () => {
    expect(
      proposedOutcome([
        { kpi: up, final: 36 },
        { kpi: down, final: 7 },
      ]),
    ).toBe('ACHIEVED');
    expect(
      proposedOutcome([
        { kpi: up, final: 36 },
        { kpi: down, final: 25 },
      ]),
    ).toBe('PARTIALLY_ACHIEVED'); // (1 + 0.22)/2
    expect(
      proposedOutcome([
        { kpi: up, final: 20 },
        { kpi: down, final: 29 },
      ]),
    ).toBe('NOT_ACHIEVED');
    expect(proposedOutcome([])).toBe('NOT_ACHIEVED');
  });
});

describe('teamStanding()', () => {
  it('counts withdrawn and stopped teams apart, whatever their status', () => {
    expect(teamStanding('WITHDRAWN', 'GREEN')).toBe('WITHDRAWN');
    expect(teamStanding('STOPPED', 'RED')).toBe('STOPPED');
    expect(teamStanding('ACTIVE', 'AMBER')).toBe('AMBER');
    expect(teamStanding('COMPLETED', 'GREY')).toBe('GREY');
  });
});
