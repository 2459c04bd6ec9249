import { useMutation } from '@apollo/client/react';
import type { MidpointCriterion, Recommendation } from '@hundred/domain';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { toProblem, type Problem } from '../../api/errors';
import type { AssessmentFieldsFragment, AssessmentFieldsInput } from '../../gql/graphql';
import { SaveAssessmentMutation, SubmitAssessmentMutation } from './documents';
import { CRITERIA, isRecommendation } from './reviews';

export interface CriterionValue {
  score: number | null;
  comment: string;
}

/** What the reviewer has written so far: a score and a comment per criterion, a recommendation, a comment. */
export interface AssessmentValues {
  scores: Record<MidpointCriterion, CriterionValue>;
  recommendation: Recommendation | null;
  comment: string;
}

type Assessment = Pick<AssessmentFieldsFragment, 'id' | 'version' | 'scores' | 'recommendation' | 'comment'>;

/** The form's values from an assessment as the server has it (criteria it has not scored are empty). */
export function valuesOf(a: Assessment): AssessmentValues {
  const scores = Object.fromEntries(
    CRITERIA.map((criterion) => {
      const found = a.scores.find((s) => s.criterion === criterion);
      return [criterion, { score: found?.score ?? null, comment: found?.comment ?? '' }];
    }),
  ) as Record<MidpointCriterion, CriterionValue>;
  return {
    scores,
    recommendation: a.recommendation && isRecommendation(a.recommendation) ? a.recommendation : null,
    comment: a.comment,
  };
}

/** The input of a save or a submission: every criterion in the rubric's order, texts as typed. */
export function inputOf(id: string, version: number, values: AssessmentValues): AssessmentFieldsInput {
  return {
    id,
    version,
    scores: CRITERIA.map((criterion) => ({
      criterion,
      score: values.scores[criterion].score,
      comment: values.scores[criterion].comment.trim(),
    })),
    recommendation: values.recommendation,
    comment: values.comment.trim(),
  };
}

const same = (a: AssessmentValues, b: AssessmentValues) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The assessment form: the values, whether they differ from what was saved, and saving a draft or
 * submitting with the version last read. A refusal (a stale version, a guard) is kept as a problem
 * to show in the page; the values stay as typed.
 */
export function useAssessmentForm(assessment: Assessment) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState<AssessmentValues>(() => valuesOf(assessment));
  const [values, setValues] = useState<AssessmentValues>(saved);
  const [version, setVersion] = useState(assessment.version);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [save, saving] = useMutation(SaveAssessmentMutation);
  const [submit, submitting] = useMutation(SubmitAssessmentMutation);

  const setScore = useCallback(
    (criterion: MidpointCriterion, score: number | null) =>
      setValues((v) => ({ ...v, scores: { ...v.scores, [criterion]: { ...v.scores[criterion], score } } })),
    [],
  );
  const setCriterionComment = useCallback(
    (criterion: MidpointCriterion, comment: string) =>
      setValues((v) => ({ ...v, scores: { ...v.scores, [criterion]: { ...v.scores[criterion], comment } } })),
    [],
  );
  const setRecommendation = useCallback(
    (recommendation: Recommendation | null) => setValues((v) => ({ ...v, recommendation })),
    [],
  );
  const setComment = useCallback((comment: string) => setValues((v) => ({ ...v, comment })), []);

  /** Takes what the server now has (after a save, or a reload after a conflict). */
  const reset = useCallback((fresh: Assessment) => {
    const v = valuesOf(fresh);
    setSaved(v);
    setValues(v);
    setVersion(fresh.version);
    setProblem(null);
  }, []);

  const run = async (which: 'save' | 'submit'): Promise<AssessmentFieldsFragment | null> => {
    setProblem(null);
    const input = inputOf(assessment.id, version, values);
    try {
      const result =
        which === 'save'
          ? (await save({ variables: { input } })).data?.saveAssessment
          : (await submit({ variables: { input } })).data?.submitAssessment;
      if (!result) return null;
      const v = valuesOf(result);
      setSaved(v);
      setValues(v);
      setVersion(result.version);
      return result;
    } catch (error) {
      setProblem(toProblem(error, t));
      return null;
    }
  };

  const missing = useMemo(
    () => ({
      criteria: CRITERIA.filter((c) => values.scores[c].score === null),
      recommendation: values.recommendation === null,
    }),
    [values],
  );

  return {
    values,
    version,
    dirty: !same(values, saved),
    missing,
    problem,
    busy: saving.loading || submitting.loading,
    setScore,
    setCriterionComment,
    setRecommendation,
    setComment,
    reset,
    saveDraft: () => run('save'),
    submit: () => run('submit'),
  };
}
