import { conflictOf, proposeAssignment, reviewAggregate, type Recommendation } from './midpoint.js';

const assessment = (scores: number[], recommendation: Recommendation) => ({
  scores: ['PROGRESS', 'EVIDENCE_QUALITY', 'COLLABORATION', 'RISK_MANAGEMENT', 'LIKELIHOOD'].map((criterion, i) => ({
    criterion,
    score: scores[i] ?? null,
  })),
  recommendation,
});

describe('the mid-point aggregate', () => {
  it('gives the mean and spread per criterion and flags a difference of 3 or more', () => {
    const agg = reviewAggregate([assessment([4, 2, 5, 3, 1], 'CONTINUE'), assessment([1, 3, 4, 3, 3], 'ESCALATE')]);
    expect(agg.criteria.map((c) => [c.criterion, c.mean, c.spread, c.disagreement])).toEqual([
      ['PROGRESS', 2.5, 3, true],
      ['EVIDENCE_QUALITY', 2.5, 1, false],
      ['COLLABORATION', 4.5, 1, false],
      ['RISK_MANAGEMENT', 3, 0, false],
      ['LIKELIHOOD', 2, 2, false],
    ]);
    expect(agg.disagreement).toBe(true);
    expect(agg.recommendations).toEqual([
      { recommendation: 'CONTINUE', count: 1 },
      { recommendation: 'ESCALATE', count: 1 },
    ]);
    expect(agg.submitted).toBe(2);
  });

  it('is empty without assessments, and rounds means to two decimals', () => {
    expect(reviewAggregate([]).criteria.every((c) => c.mean === null && !c.disagreement)).toBe(true);
    const three = reviewAggregate([assessment([4], 'CONTINUE'), assessment([4], 'CONTINUE'), assessment([5], 'STOP')]);
    expect(three.criteria[0]).toMatchObject({ mean: 4.33, min: 4, max: 5, count: 3 });
  });
});

describe('conflicts of interest', () => {
  const team = { id: 't', leadAgencyId: 'lead', partnerAgencyIds: ['partner'], memberIds: ['m1'] };
  it('names the conflict: on the team, of its lead agency, of a partner agency', () => {
    expect(conflictOf({ id: 'm1', agencyId: 'elsewhere' }, team)).toBe('TEAM_MEMBER');
    expect(conflictOf({ id: 'r', agencyId: 'lead' }, team)).toBe('LEAD_AGENCY');
    expect(conflictOf({ id: 'r', agencyId: 'partner' }, team)).toBe('PARTNER_AGENCY');
    expect(conflictOf({ id: 'r', agencyId: 'elsewhere' }, team)).toBeNull();
  });
});

describe('the proposed assignment', () => {
  it('meets the minimum for 20 teams with 8 reviewers, respects conflicts and balances the load within one', () => {
    const agencies = ['a0', 'a1', 'a2', 'a3', 'a4'];
    const teams = Array.from({ length: 20 }, (_, i) => ({
      id: `t${String(i).padStart(2, '0')}`,
      leadAgencyId: agencies[i % 5]!,
      partnerAgencyIds: [agencies[(i + 1) % 5]!],
      memberIds: i === 3 ? ['r7'] : [],
      assigned: i === 0 ? ['r4'] : [],
      excluded: i === 1 ? ['r1'] : [],
    }));
    const reviewers = Array.from({ length: 8 }, (_, i) => ({
      id: `r${i}`,
      agencyId: i < 4 ? agencies[i]! : 'outside',
    }));
    const { assignments, short, load } = proposeAssignment(teams, reviewers, 2);
    expect(short).toEqual([]);
    for (const t of teams) {
      const chosen = assignments.get(t.id)!;
      expect(chosen).toHaveLength(2);
      expect(new Set(chosen).size).toBe(2);
      for (const id of chosen) {
        expect(
          conflictOf(
            reviewers.find((r) => r.id === id)!,
            t,
          ),
        ).toBeNull();
        expect(t.excluded).not.toContain(id);
      }
    }
    expect(assignments.get('t00')).toContain('r4');
    const loads = [...load.values()];
    expect(loads.reduce((a, b) => a + b, 0)).toBe(40);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
  });

  it('says which teams cannot reach the minimum', () => {
    const { short } = proposeAssignment(
      [{ id: 't', leadAgencyId: 'a', partnerAgencyIds: [], memberIds: [], assigned: [] }],
      [
        { id: 'r1', agencyId: 'a' },
        { id: 'r2', agencyId: 'b' },
      ],
      2,
    );
    expect(short).toEqual(['t']);
  });
});
