import { childLevel, missingChallengeFields } from './challenge.js';

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
