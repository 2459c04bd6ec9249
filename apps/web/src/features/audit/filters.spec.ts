import { filterVariables, filtersFrom, paramsOf } from './filters';

describe('the audit filters in the URL', () => {
  it('round-trips through the URL, leaving out what is empty', () => {
    const params = new URLSearchParams('subjectType=team&subjectId=%20&action=team.*&from=2026-03-01');
    const filters = filtersFrom(params);
    expect(filters).toMatchObject({ subjectType: 'team', subjectId: '', action: 'team.*', from: '2026-03-01' });
    expect(paramsOf(filters).toString()).toBe('subjectType=team&action=team.*&from=2026-03-01');
  });

  it('sends only well-formed ids, and the end date as the start of the next day', () => {
    const v = filterVariables({
      subjectType: '',
      subjectId: 'not-an-id',
      actorId: '0f8fad5b-d9cb-469f-a165-70867728950e',
      action: '',
      from: '2026-03-01',
      to: '2026-03-01',
    });
    expect(v.subjectType).toBeNull();
    expect(v.subjectId).toBeNull();
    expect(v.actorId).toBe('0f8fad5b-d9cb-469f-a165-70867728950e');
    expect(new Date(v.to!).getTime() - new Date(v.from!).getTime()).toBe(24 * 3600_000);
  });
});
