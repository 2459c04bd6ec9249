import { DEFAULT_OFFSETS } from '@hundred/domain';
import { act, waitFor } from '@testing-library/react';

import { i18n, i18nReady } from '../../../i18n';
import { badInput, fakeApi, refusal, renderInApp } from '../../../testing.spec-helper';
import { useCohortForm } from './useCohortForm';
import type { Cohort } from './values';

// The interface's catalogue is in before anything renders, as in main.tsx.
beforeAll(() => i18nReady);

function cohortFixture(): Cohort {
  return {
    id: 'c1',
    version: 7,
    nameAr: 'الدفعة الأولى',
    nameEn: 'First cohort',
    state: 'DRAFT',
    day1: '2027-03-01',
    timeZone: 'Asia/Riyadh',
    currentDay: -40,
    weekendDays: [6, 5],
    holidays: ['2027-03-20'],
    minReviewers: 3,
    approvalsRequired: 2,
    minTeamMembers: 4,
    minTeamAgencies: 2,
    checkInEscalationRepeatWeeks: 6,
    updatedAt: '2027-01-01T00:00:00Z',
    offsets: { ...DEFAULT_OFFSETS, checkpoints: [...DEFAULT_OFFSETS.checkpoints] },
    rubric: [{ key: 'CLEAR_AMBITIOUS_GOAL', nameAr: 'هدف واضح', nameEn: 'Clear goal' }],
    ragThresholds: { green: 0.85, amber: 0.5, staleDays: 10 },
    phases: [],
    deadlines: [],
    history: [],
    availableEvents: [],
    calendarProblems: [],
  };
}

/** Submits the form as its submit button would. */
async function submit(result: { current: ReturnType<typeof useCohortForm> }) {
  await act(async () => {
    result.current.submit();
  });
}

describe('useCohortForm', () => {
  it('starts from the cohort being edited, percentages as shown on screen', () => {
    const api = fakeApi({});
    const { result } = renderInApp(() => useCohortForm({ cohort: cohortFixture(), reload: async () => undefined }), {
      client: api.client,
    });
    const values = result.current.form.getValues();
    expect(values.nameAr).toBe('الدفعة الأولى');
    expect(values.day1).toBe('2027-03-01');
    expect(values.weekendDays).toEqual(['6', '5']);
    expect(values.holidays).toEqual(['2027-03-20']);
    expect(values.ragThresholds).toEqual({ green: 85, amber: 50, staleDays: 10 });
    expect(values.offsets.checkInWeekday).toBe(String(DEFAULT_OFFSETS.checkInWeekday));
    expect(values.rubric).toEqual([{ key: 'CLEAR_AMBITIOUS_GOAL', nameAr: 'هدف واضح', nameEn: 'Clear goal' }]);
    expect(result.current.form.isDirty()).toBe(false);
  });

  it('knows when something was changed, and when it is back as it was', () => {
    const api = fakeApi({});
    const { result } = renderInApp(() => useCohortForm({ cohort: cohortFixture(), reload: async () => undefined }), {
      client: api.client,
    });
    act(() => result.current.form.setFieldValue('nameEn', 'Second cohort'));
    expect(result.current.form.isDirty()).toBe(true);
    expect(result.current.form.isDirty('nameEn')).toBe(true);
    expect(result.current.form.isDirty('nameAr')).toBe(false);
    act(() => result.current.form.setFieldValue('nameEn', 'First cohort'));
    expect(result.current.form.isDirty()).toBe(false);
  });

  it('sends numbers, fractions, the weekend in order and the version read; then is clean and opens the cohort', async () => {
    const api = fakeApi({ updateCohort: () => cohortFixture() });
    const { result, location } = renderInApp(
      () => useCohortForm({ cohort: cohortFixture(), reload: async () => undefined }),
      { client: api.client, path: '/cohorts/c1/edit' },
    );
    act(() => {
      result.current.form.setFieldValue('nameEn', '  Second cohort  ');
      result.current.form.setFieldValue('ragThresholds.green', '92.5');
      result.current.form.setFieldValue('holidays', ['2027-03-20', '', '2027-04-02']);
      result.current.form.insertListItem('rubric', { key: '', nameAr: 'أثر', nameEn: 'Clear goal' });
    });
    await submit(result);
    await waitFor(() => expect(api.of('UpdateCohort')).toHaveLength(1));
    const input = api.of('UpdateCohort')[0]!.variables.input as Record<string, unknown>;
    expect(input).toMatchObject({
      id: 'c1',
      version: 7,
      nameEn: 'Second cohort',
      weekendDays: [5, 6],
      holidays: ['2027-03-20', '2027-04-02'],
      ragThresholds: { green: 0.925, amber: 0.5, staleDays: 10 },
      minReviewers: 3,
      approvalsRequired: 2,
      checkInEscalationRepeatWeeks: 6,
    });
    // A new criterion gets a key of its own, apart from those taken.
    expect(input.rubric).toEqual([
      { key: 'CLEAR_AMBITIOUS_GOAL', nameAr: 'هدف واضح', nameEn: 'Clear goal' },
      { key: 'CLEAR_GOAL', nameAr: 'أثر', nameEn: 'Clear goal' },
    ]);
    expect((input.offsets as Record<string, unknown>).checkInWeekday).toBe(DEFAULT_OFFSETS.checkInWeekday);
    await waitFor(() => expect(location()?.pathname).toBe('/cohorts/c1'));
    expect(result.current.form.isDirty()).toBe(false);
    // The empty holiday row is gone from the form too.
    expect(result.current.form.getValues().holidays).toEqual(['2027-03-20', '2027-04-02']);
  });

  it('creates a new cohort from the defaults', async () => {
    const api = fakeApi({ createCohort: () => ({ ...cohortFixture(), id: 'c9' }) });
    const { result, location } = renderInApp(() => useCohortForm({ cohort: null, reload: async () => undefined }), {
      client: api.client,
      path: '/cohorts/new',
    });
    act(() => {
      result.current.form.setFieldValue('nameAr', 'دفعة');
      result.current.form.setFieldValue('nameEn', 'Cohort');
      result.current.form.setFieldValue('day1', '2027-09-01');
    });
    await submit(result);
    await waitFor(() => expect(api.of('CreateCohort')).toHaveLength(1));
    const input = api.of('CreateCohort')[0]!.variables.input as Record<string, unknown>;
    expect(input).toMatchObject({ nameAr: 'دفعة', day1: '2027-09-01', timeZone: 'Asia/Amman', weekendDays: [5, 6] });
    expect(input).not.toHaveProperty('id');
    expect((input.rubric as unknown[]).length).toBe(4);
    await waitFor(() => expect(location()?.pathname).toBe('/cohorts/c9'));
  });

  it('sends nothing while a required field is empty, and opens the panel holding the field in error', async () => {
    const api = fakeApi({});
    const { result } = renderInApp(() => useCohortForm({ cohort: cohortFixture(), reload: async () => undefined }), {
      client: api.client,
    });
    act(() => result.current.form.setFieldValue('offsets.launch', 0));
    await submit(result);
    expect(api.sent).toHaveLength(0);
    expect(result.current.form.errors['offsets.launch']).toBe(i18n.t('cohorts.form.noDayZero'));
    expect(result.current.panels).toEqual(['calendar']);
  });

  it("puts the server's messages under their fields, a criterion's key under its name, and lists the rest", async () => {
    const api = fakeApi({
      updateCohort: () => {
        throw badInput({
          nameAr: 'الاسم مستخدم',
          'offsets.intakeCloses': 'بعد فتح الاستقبال',
          'rubric.0.key': 'مكرر',
          partnerCount: 'لا حقل له',
        });
      },
    });
    const { result } = renderInApp(() => useCohortForm({ cohort: cohortFixture(), reload: async () => undefined }), {
      client: api.client,
    });
    await submit(result);
    await waitFor(() => expect(result.current.form.errors.nameAr).toBe('الاسم مستخدم'));
    expect(result.current.form.errors['offsets.intakeCloses']).toBe('بعد فتح الاستقبال');
    expect(result.current.form.errors['rubric.0.nameEn']).toBe('مكرر');
    expect(result.current.unplaced).toEqual(['لا حقل له']);
    expect(result.current.problem).toBeNull();
    expect([...result.current.panels].sort()).toEqual(['calendar', 'rubric']);
    // Nothing was saved: the changes are still there to correct.
    expect(result.current.form.getValues().nameAr).toBe('الدفعة الأولى');
  });

  it('shows a conflict as a problem, and forgets it once the latest version is loaded', async () => {
    const api = fakeApi({
      updateCohort: () => {
        throw refusal('CONFLICT', 'changed by someone else');
      },
    });
    let reloads = 0;
    const reload = async () => {
      reloads += 1;
    };
    const { result } = renderInApp(() => useCohortForm({ cohort: cohortFixture(), reload }), { client: api.client });
    await submit(result);
    await waitFor(() => expect(result.current.problem?.code).toBe('CONFLICT'));
    await act(() => result.current.reloadLatest());
    expect(reloads).toBe(1);
    expect(result.current.problem).toBeNull();
  });
});
