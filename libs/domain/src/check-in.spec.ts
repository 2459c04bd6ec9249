import { CHECK_IN_TEXT_MAX, checkInProblems, type CheckInDraft } from './check-in.js';

const TODAY = '2027-04-10';
const complete: CheckInDraft = {
  values: [{ value: 21, asOf: '2027-04-09', evidence: 'سجل الرخص' }],
  narrative: 'أنجزنا مراجعة الإجراءات',
  blockers: '',
  helpNeeded: '',
  confidence: 'MEDIUM',
};

describe('checkInProblems', () => {
  it('finds nothing in a complete check-in, and a value dated today is fine', () => {
    expect(checkInProblems(complete, TODAY)).toEqual({});
    expect(checkInProblems({ ...complete, values: [{ ...complete.values[0]!, asOf: TODAY }] }, TODAY)).toEqual({});
  });

  it('names every problem of an empty check-in at once, the missing values among them', () => {
    expect(
      checkInProblems({ values: [], narrative: ' ', blockers: '', helpNeeded: '', confidence: null }, TODAY),
    ).toEqual({ values: 'atLeastOne', narrative: 'required', confidence: 'required' });
  });

  it("names each value's problems by its place among the values sent", () => {
    const draft: CheckInDraft = {
      ...complete,
      values: [
        { value: 5, asOf: '2027-04-09', evidence: 'تقرير' },
        { value: -1, asOf: '2027-04-11', evidence: '' },
        { value: 120, asOf: '', evidence: 'x', percent: true },
        { value: 2e12, asOf: '2027-04-01', evidence: 'x' },
      ],
    };
    expect(checkInProblems(draft, TODAY)).toEqual({
      'values.1.value': 'negative',
      'values.1.asOf': 'inFuture',
      'values.1.evidence': 'required',
      'values.2.value': 'overHundred',
      'values.2.asOf': 'required',
      'values.3.value': 'tooLarge',
    });
  });

  it('holds the lengths, and a correction needs its reason', () => {
    const long = 'ن'.repeat(CHECK_IN_TEXT_MAX + 1);
    expect(checkInProblems({ ...complete, narrative: long, blockers: long, helpNeeded: long }, TODAY)).toEqual({
      narrative: 'tooLong',
      blockers: 'tooLong',
      helpNeeded: 'tooLong',
    });
    expect(checkInProblems({ ...complete, reason: '' }, TODAY)).toEqual({ reason: 'required' });
    expect(checkInProblems({ ...complete, reason: 'تصحيح' }, TODAY)).toEqual({});
    expect(checkInProblems({ ...complete, values: Array(26).fill(complete.values[0]) }, TODAY)).toEqual({
      values: 'tooMany',
    });
  });
});
