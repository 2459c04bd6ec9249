import { act } from '@testing-library/react';

import type { AssessmentFieldsFragment } from '../../gql/graphql';
import { fakeApi, refusal, renderInApp } from '../../testing.spec-helper';
import { inputOf, useAssessmentForm, valuesOf } from './useAssessmentForm';

const CRITERIA = ['PROGRESS', 'EVIDENCE_QUALITY', 'COLLABORATION', 'RISK_MANAGEMENT', 'LIKELIHOOD'];

function assessmentFixture(changes: Record<string, unknown> = {}): AssessmentFieldsFragment {
  return {
    id: 'as1',
    reviewId: 'rv1',
    teamId: 't1',
    state: 'DRAFT',
    version: 3,
    mine: true,
    position: 1,
    conflictDeclared: false,
    assignedAt: '2027-04-01T08:00:00Z',
    submittedAt: null,
    dueAt: '2027-05-20T09:00:00Z',
    recommendation: null,
    comment: 'مسودة',
    // Saved out of order, one criterion missing.
    scores: [
      { criterion: 'COLLABORATION', score: 5, comment: 'تعاون ممتاز' },
      { criterion: 'PROGRESS', score: 3, comment: '' },
    ],
    reviewer: { id: 'u1', nameAr: 'عمر', nameEn: 'Omar', agency: { id: 'a1', nameAr: 'جهة', nameEn: 'Agency' } },
    availableEvents: [],
    ...changes,
  } as AssessmentFieldsFragment;
}

describe('useAssessmentForm', () => {
  it('starts from what the server has: every criterion in the rubric order, the unscored ones empty', () => {
    const values = valuesOf(assessmentFixture());
    expect(Object.keys(values.scores)).toEqual(CRITERIA);
    expect(values.scores.PROGRESS).toEqual({ score: 3, comment: '' });
    expect(values.scores.COLLABORATION).toEqual({ score: 5, comment: 'تعاون ممتاز' });
    expect(values.scores.EVIDENCE_QUALITY).toEqual({ score: null, comment: '' });
    expect(values.recommendation).toBeNull();
    expect(inputOf('as1', 3, values).scores.map((s) => s.criterion)).toEqual(CRITERIA);
  });

  it('saves a draft with the version read, texts trimmed, and is clean with the new version after', async () => {
    const api = fakeApi({
      saveAssessment: (args) => {
        const input = args.input as { scores: unknown[]; recommendation: string | null; comment: string };
        return assessmentFixture({
          version: 4,
          scores: input.scores,
          recommendation: input.recommendation,
          comment: input.comment,
        });
      },
    });
    const { result } = renderInApp(() => useAssessmentForm(assessmentFixture()), { client: api.client });
    expect(result.current.dirty).toBe(false);
    act(() => {
      result.current.setScore('EVIDENCE_QUALITY', 2);
      result.current.setCriterionComment('EVIDENCE_QUALITY', '  من مستشفى واحد  ');
      result.current.setRecommendation('COURSE_CORRECT');
    });
    expect(result.current.dirty).toBe(true);
    expect(result.current.missing).toEqual({ criteria: ['RISK_MANAGEMENT', 'LIKELIHOOD'], recommendation: false });
    await act(async () => {
      await result.current.saveDraft();
    });
    const sent = api.of('SaveAssessment')[0]!.variables.input as Record<string, unknown>;
    expect(sent).toMatchObject({ id: 'as1', version: 3, recommendation: 'COURSE_CORRECT', comment: 'مسودة' });
    expect(sent.scores).toEqual([
      { criterion: 'PROGRESS', score: 3, comment: '' },
      { criterion: 'EVIDENCE_QUALITY', score: 2, comment: 'من مستشفى واحد' },
      { criterion: 'COLLABORATION', score: 5, comment: 'تعاون ممتاز' },
      { criterion: 'RISK_MANAGEMENT', score: null, comment: '' },
      { criterion: 'LIKELIHOOD', score: null, comment: '' },
    ]);
    expect(result.current.version).toBe(4);
    expect(result.current.dirty).toBe(false);
    expect(result.current.problem).toBeNull();

    // The next submission goes with the version the save returned.
    await act(async () => {
      await result.current.submit();
    });
    expect((api.of('SubmitAssessment')[0]!.variables.input as { version: number }).version).toBe(4);
  });

  it('keeps what was typed on a stale save and shows the conflict; a reload takes the server version', async () => {
    const api = fakeApi({
      saveAssessment: () => {
        throw refusal('CONFLICT', 'عدّل شخص آخر هذا التقييم.');
      },
    });
    const { result } = renderInApp(() => useAssessmentForm(assessmentFixture()), { client: api.client });
    act(() => result.current.setScore('LIKELIHOOD', 4));
    let saved: unknown = 'not yet';
    await act(async () => {
      saved = await result.current.saveDraft();
    });
    expect(saved).toBeNull();
    expect(result.current.problem).toMatchObject({ code: 'CONFLICT', message: 'عدّل شخص آخر هذا التقييم.' });
    expect(result.current.values.scores.LIKELIHOOD.score).toBe(4);
    expect(result.current.dirty).toBe(true);
    act(() => result.current.reset(assessmentFixture({ version: 7, comment: 'من نافذة أخرى' })));
    expect(result.current.version).toBe(7);
    expect(result.current.values.comment).toBe('من نافذة أخرى');
    expect(result.current.values.scores.LIKELIHOOD.score).toBeNull();
    expect(result.current.problem).toBeNull();
    expect(result.current.dirty).toBe(false);
  });
});
