import { DEADLINE_CONCERNS, DEADLINE_KINDS, declaredPlugIns, NOT_YET_SERVED, plugInProblems } from './plug-ins.js';

describe('the plug-in points the machines declare', () => {
  const declared = declaredPlugIns();

  it('covers every kind of effect, every deadline kind and every cohort fact', () => {
    expect(declared).toEqual(
      expect.arrayContaining([
        'effect:team:freezeTargets',
        'effect:challenge:createTeam',
        'schedule:team:CHECK_INS',
        'cancel:cohort',
        'cascade:cohort:team',
        'audience:SPONSOR',
        'deadline:CHECK_IN_DUE',
        'fact:teamsNotReady',
      ]),
    );
  });

  it('marks as not yet served only what the machines declare', () => {
    for (const key of NOT_YET_SERVED) expect(declared).toContain(key);
  });

  it('names each declared piece that nothing serves', () => {
    const served = declared.filter((k) => k !== 'effect:team:freezeTargets');
    expect(plugInProblems(served)).toEqual(['effect:team:freezeTargets has no handler']);
  });

  it('is content when everything but the pieces not yet built is served', () => {
    expect(plugInProblems(declared.filter((k) => !NOT_YET_SERVED.includes(k)))).toEqual([]);
  });

  it('refuses a handler for something no machine declares, and a piece served while marked as not yet', () => {
    const served = [...declared, 'audience:NOBODY'];
    expect(plugInProblems(served, declared, ['schedule:team:FINAL_REPORT'])).toEqual([
      'schedule:team:FINAL_REPORT is served now: strike it off NOT_YET_SERVED',
      'a handler serves audience:NOBODY, which no machine declares',
    ]);
  });

  it('says whom every kind of deadline concerns', () => {
    expect(Object.keys(DEADLINE_CONCERNS).sort()).toEqual(Object.values(DEADLINE_KINDS).flat().sort());
  });
});
