import { childLevel, cohortToScreen, missingChallengeFields } from './challenge.js';

describe('challenge fields', () => {
  it('names every required field that is empty or blank', () => {
    expect(missingChallengeFields({})).toEqual([
      'titleAr',
      'titleEn',
      'problemAr',
      'whyAr',
      'baselineAr',
      'ambitionAr',
      'leadAgencyId',
      'alignmentNodeIds',
    ]);
    expect(
      missingChallengeFields({
        titleAr: 'تقليص مدة إصدار رخصة البناء',
        titleEn: 'Cut building permit time',
        problemAr: 'تستغرق الرخصة 30 يوماً',
        whyAr: '  ',
        baselineAr: '30 يوماً',
        ambitionAr: '7 أيام',
        leadAgencyId: 'a',
        alignmentNodeIds: [],
      }),
    ).toEqual(['whyAr', 'alignmentNodeIds']);
  });

  it('nests the alignment tree vision → pillar → objective → indicator', () => {
    expect(childLevel(null)).toBe('VISION');
    expect(childLevel('VISION')).toBe('PILLAR');
    expect(childLevel('OBJECTIVE')).toBe('INDICATOR');
    expect(childLevel('INDICATOR')).toBeNull();
  });
});

describe('the cohort the screening board opens on', () => {
  const cohort = (id: string, state: string) => ({ id, state });

  it('is the one in selection, else intake, else draft, else preparation, else the first', () => {
    const all = [cohort('a', 'CLOSED'), cohort('b', 'PREPARATION'), cohort('c', 'INTAKE'), cohort('d', 'SELECTION')];
    expect(cohortToScreen(all)?.id).toBe('d');
    expect(cohortToScreen(all.slice(0, 3))?.id).toBe('c');
    expect(cohortToScreen([cohort('a', 'CLOSED'), cohort('b', 'PREPARATION'), cohort('e', 'DRAFT')])?.id).toBe('e');
    expect(cohortToScreen(all.slice(0, 2))?.id).toBe('b');
    expect(cohortToScreen([cohort('a', 'CLOSED'), cohort('f', 'EXECUTION')])?.id).toBe('a');
    expect(cohortToScreen([])).toBeUndefined();
  });
});
