import { act, waitFor } from '@testing-library/react';

import { i18n, i18nReady } from '../../../i18n';
import { badInput, fakeApi, refusal, renderInApp } from '../../../testing.spec-helper';
import { useChallengeForm } from './useChallengeForm';
import type { Challenge } from './values';

// The interface's catalogue is in before anything renders, as in main.tsx.
beforeAll(() => i18nReady);

const agency = (id: string) => ({ id, code: id.toUpperCase(), nameAr: `جهة ${id}`, nameEn: `Agency ${id}` });

function challengeFixture(changes: Partial<Challenge> = {}): Challenge {
  return {
    id: 'ch1',
    version: 3,
    cohortId: 'c1',
    state: 'DRAFT',
    titleAr: 'تقليص مدة رخصة البناء',
    titleEn: 'Cut building permit time',
    problemAr: 'تستغرق ثلاثين يوماً',
    problemEn: '',
    whyAr: 'يمسّ الناس',
    whyEn: '',
    baselineAr: '30 يوماً',
    baselineEn: '',
    ambitionAr: '7 أيام',
    ambitionEn: '',
    leadAgencyId: 'a1',
    partnerAgencyIds: ['a2'],
    alignmentNodeIds: ['n1'],
    proposedSponsorId: null,
    proposedTeamLeadId: null,
    alignmentNodes: [],
    proposedSponsor: null,
    proposedTeamLead: null,
    attachments: [{ title: 'Study', url: 'https://example.org/study' }],
    createdAt: '2027-01-02T00:00:00Z',
    updatedAt: '2027-01-02T00:00:00Z',
    submittedAt: null,
    decidedAt: null,
    lockedAt: null,
    carriedFromCohortId: null,
    meanScore: null,
    scores: [],
    approvals: [],
    comments: [],
    missingFields: [],
    teamId: null,
    availableEvents: [
      { event: 'SUBMIT', blockedBy: [], blockedReasons: [], needsInput: [], targets: ['SUBMITTED'], inputs: [] },
    ],
    history: [],
    leadAgency: agency('a1'),
    partnerAgencies: [agency('a2')],
    cohort: {
      id: 'c1',
      nameAr: 'الدفعة',
      nameEn: 'Cohort',
      state: 'INTAKE',
      timeZone: 'Asia/Amman',
      day1: '2027-03-01',
      approvalsRequired: 1,
      rubric: [],
    },
    ...changes,
  };
}

const noDefaults = { cohortId: null, leadAgencyId: null };
const noReload = async () => undefined;

describe('useChallengeForm', () => {
  it('starts from the challenge being edited, and from the defaults for a new draft', () => {
    const api = fakeApi({});
    const editing = renderInApp(
      () =>
        useChallengeForm({
          challenge: challengeFixture(),
          defaults: noDefaults,
          initialFailure: null,
          reload: noReload,
        }),
      { client: api.client },
    );
    expect(editing.result.current.form.getValues()).toMatchObject({
      cohortId: 'c1',
      titleAr: 'تقليص مدة رخصة البناء',
      leadAgencyId: 'a1',
      partnerAgencyIds: ['a2'],
      alignmentNodeIds: ['n1'],
      attachments: [{ title: 'Study', url: 'https://example.org/study' }],
    });
    const drafting = renderInApp(
      () =>
        useChallengeForm({
          challenge: null,
          defaults: { cohortId: 'c1', leadAgencyId: 'a7' },
          initialFailure: null,
          reload: noReload,
        }),
      { client: api.client },
    );
    expect(drafting.result.current.form.getValues()).toMatchObject({
      cohortId: 'c1',
      leadAgencyId: 'a7',
      titleAr: '',
      partnerAgencyIds: [],
      attachments: [],
    });
  });

  it('knows when something was changed', () => {
    const api = fakeApi({});
    const { result } = renderInApp(
      () =>
        useChallengeForm({
          challenge: challengeFixture(),
          defaults: noDefaults,
          initialFailure: null,
          reload: noReload,
        }),
      { client: api.client },
    );
    expect(result.current.form.isDirty()).toBe(false);
    act(() => result.current.form.setFieldValue('whyEn', 'It touches lives'));
    expect(result.current.form.isDirty('whyEn')).toBe(true);
    expect(result.current.form.isDirty('titleAr')).toBe(false);
  });

  it('saves the draft with the version read: texts trimmed, empty rows and the lead agency among partners left out; then it is clean', async () => {
    const api = fakeApi({ updateChallenge: () => challengeFixture({ version: 4 }) });
    const { result } = renderInApp(
      () =>
        useChallengeForm({
          challenge: challengeFixture(),
          defaults: noDefaults,
          initialFailure: null,
          reload: noReload,
        }),
      { client: api.client, path: '/challenges/ch1/edit' },
    );
    act(() => {
      result.current.form.setFieldValue('titleEn', '  Permits in a week  ');
      result.current.form.setFieldValue('partnerAgencyIds', ['a2', 'a1']);
      result.current.form.insertListItem('attachments', { title: ' ', url: '' });
    });
    await act(() => result.current.saveDraft());
    expect(api.of('UpdateChallenge')).toHaveLength(1);
    const input = api.of('UpdateChallenge')[0]!.variables.input as Record<string, unknown>;
    expect(input).toMatchObject({
      id: 'ch1',
      version: 3,
      titleEn: 'Permits in a week',
      leadAgencyId: 'a1',
      partnerAgencyIds: ['a2'],
      attachments: [{ title: 'Study', url: 'https://example.org/study' }],
    });
    expect(input).not.toHaveProperty('cohortId');
    expect(result.current.form.getValues().attachments).toHaveLength(1);
    expect(result.current.form.isDirty()).toBe(false);
    expect(result.current.sending).toBeNull();
  });

  it('creates a new draft in the chosen cohort and opens it in the edit form', async () => {
    const api = fakeApi({ createChallenge: () => challengeFixture({ id: 'ch9' }) });
    const { result, location } = renderInApp(
      () =>
        useChallengeForm({
          challenge: null,
          defaults: { cohortId: 'c1', leadAgencyId: 'a1' },
          initialFailure: null,
          reload: noReload,
        }),
      { client: api.client, path: '/challenges/new' },
    );
    act(() => result.current.form.setFieldValue('titleAr', 'عنوان'));
    await act(() => result.current.saveDraft());
    expect(api.of('CreateChallenge')[0]!.variables.input).toMatchObject({
      cohortId: 'c1',
      leadAgencyId: 'a1',
      titleAr: 'عنوان',
    });
    await waitFor(() => expect(location()?.pathname).toBe('/challenges/ch9/edit'));
  });

  it('sends nothing while a hint fails: a link without an address, a bad address', async () => {
    const api = fakeApi({});
    const { result } = renderInApp(
      () =>
        useChallengeForm({
          challenge: challengeFixture(),
          defaults: noDefaults,
          initialFailure: null,
          reload: noReload,
        }),
      { client: api.client },
    );
    act(() => {
      result.current.form.insertListItem('attachments', { title: 'Report', url: '' });
      result.current.form.insertListItem('attachments', { title: 'Map', url: 'not a link' });
    });
    await act(() => result.current.saveDraft());
    expect(api.sent).toHaveLength(0);
    expect(result.current.form.errors['attachments.1.url']).toBe(i18n.t('form.required'));
    expect(result.current.form.errors['attachments.2.url']).toBe(i18n.t('challenges.form.urlHint'));
  });

  it("puts the server's messages under their fields and lists those the form does not show", async () => {
    const api = fakeApi({
      updateChallenge: () => {
        throw badInput({ titleAr: 'طويل جداً', 'attachments.0.url': 'لا يُفتح', budget: 'لا حقل له' });
      },
    });
    const { result } = renderInApp(
      () =>
        useChallengeForm({
          challenge: challengeFixture(),
          defaults: noDefaults,
          initialFailure: null,
          reload: noReload,
        }),
      { client: api.client },
    );
    await act(() => result.current.saveDraft());
    expect(result.current.form.errors.titleAr).toBe('طويل جداً');
    expect(result.current.form.errors['attachments.0.url']).toBe('لا يُفتح');
    expect(result.current.unplaced).toEqual(['لا حقل له']);
    expect(result.current.problem).toBeNull();
  });

  it('submits after saving, and opens the challenge', async () => {
    const api = fakeApi({
      updateChallenge: () => challengeFixture({ version: 4 }),
      submitChallenge: () => challengeFixture({ version: 5, state: 'SUBMITTED' }),
    });
    const { result, location } = renderInApp(
      () =>
        useChallengeForm({
          challenge: challengeFixture(),
          defaults: noDefaults,
          initialFailure: null,
          reload: noReload,
        }),
      { client: api.client, path: '/challenges/ch1/edit' },
    );
    await act(() => result.current.submit());
    expect(api.sent.map((s) => s.operationName)).toEqual(['UpdateChallenge', 'SubmitChallenge']);
    // The submission carries the version the save returned.
    expect(api.of('SubmitChallenge')[0]!.variables.input).toEqual({ id: 'ch1', version: 4 });
    await waitFor(() => expect(location()?.pathname).toBe('/challenges/ch1'));
  });

  it('says at once every required field an empty new challenge lacks, and sends and saves nothing', async () => {
    const api = fakeApi({});
    const { result } = renderInApp(
      () => useChallengeForm({ challenge: null, defaults: noDefaults, initialFailure: null, reload: noReload }),
      { client: api.client, path: '/challenges/new' },
    );
    await act(() => result.current.submit());
    expect(api.sent).toHaveLength(0);
    const required = i18n.t('challenges.form.requiredToSubmit');
    const errors = result.current.form.errors;
    expect(errors.cohortId).toBe(i18n.t('form.required'));
    expect(errors.leadAgencyId).toBe(i18n.t('form.required'));
    for (const field of ['titleAr', 'titleEn', 'problemAr', 'whyAr', 'baselineAr', 'ambitionAr', 'alignmentNodeIds'])
      expect(errors[field]).toBe(required);
    expect(result.current.failure).toEqual({
      message: i18n.t('challenges.form.completeToSubmit'),
      missing: [
        'titleAr',
        'titleEn',
        'problemAr',
        'whyAr',
        'baselineAr',
        'ambitionAr',
        'leadAgencyId',
        'alignmentNodeIds',
      ],
      failed: [],
      unsent: true,
    });
  });

  it('says which required fields are still empty when the submission is refused', async () => {
    const api = fakeApi({
      updateChallenge: () => challengeFixture({ version: 4 }),
      submitChallenge: () => {
        throw refusal('NOT_ALLOWED', 'الحقول المطلوبة ناقصة', {
          guard: 'REQUIRED_FIELDS',
          failed: ['REQUIRED_FIELDS'],
        });
      },
      challenge: () => challengeFixture({ version: 4, missingFields: ['whyAr', 'alignmentNodeIds'] }),
    });
    const { result } = renderInApp(
      () =>
        useChallengeForm({
          challenge: challengeFixture(),
          defaults: noDefaults,
          initialFailure: null,
          reload: noReload,
        }),
      { client: api.client },
    );
    await act(() => result.current.submit());
    expect(result.current.failure).toEqual({
      message: 'الحقول المطلوبة ناقصة',
      missing: ['whyAr', 'alignmentNodeIds'],
      failed: ['REQUIRED_FIELDS'],
    });
    expect(result.current.form.errors.whyAr).toBe(i18n.t('challenges.form.requiredToSubmit'));
    expect(result.current.form.errors.alignmentNodeIds).toBe(i18n.t('challenges.form.requiredToSubmit'));
  });

  it('opens on the fields a first submission left empty', () => {
    const api = fakeApi({});
    const { result } = renderInApp(
      () =>
        useChallengeForm({
          challenge: challengeFixture(),
          defaults: noDefaults,
          initialFailure: { message: 'ناقص', missing: ['baselineAr'], failed: ['REQUIRED_FIELDS'] },
          reload: noReload,
        }),
      { client: api.client },
    );
    expect(result.current.failure?.missing).toEqual(['baselineAr']);
    expect(result.current.form.errors.baselineAr).toBe(i18n.t('challenges.form.requiredToSubmit'));
  });
});
