import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { useFormat } from '../../lib/format';
import {
  isAssessmentEvent,
  isAssessmentState,
  isAudience,
  isConflict,
  isCriterion,
  isDeadlineKindOfCalendar,
  isRecommendation,
  isReviewState,
} from './reviews';

/** Guards of the assessment and decision with words of their own on screen. */
const GUARDS = [
  'STATE',
  'REVIEW_OPEN',
  'ALL_CRITERIA_SCORED',
  'RECOMMENDATION_GIVEN',
  'REASON_GIVEN',
  'DECISION_GIVEN',
  'ASSESSMENTS_IN_OR_DUE',
  'REASON_GIVEN_TO_STOP',
] as const;
type Guard = (typeof GUARDS)[number];
const isGuard = (value: string): value is Guard => (GUARDS as readonly string[]).includes(value);

export interface ReviewLabels {
  criterion: (criterion: string) => string;
  criterionHint: (criterion: string) => string;
  /** A name short enough for a chart. */
  criterionShort: (criterion: string) => string;
  recommendation: (recommendation: string) => string;
  assessmentState: (state: string) => string;
  reviewState: (state: string) => string;
  event: (event: string) => string;
  guard: (guard: string) => string;
  conflict: (conflict: string) => string;
  deadlineKind: (kind: string) => string;
  audience: (audience: string) => string;
  /** "Reviewer 2", for views without names. */
  reviewer: (position: number) => string;
  /** A mean score, one decimal. */
  mean: (mean: number) => string;
}

/** The words of the mid-point review in the current language. */
export function useReviewLabels(): ReviewLabels {
  const { t } = useTranslation();
  const format = useFormat();
  return useMemo<ReviewLabels>(() => {
    const digits = format.language === 'ar' && format.preferences.arabicDigits;
    const locale = format.language === 'ar' ? `ar-u-nu-${digits ? 'arab' : 'latn'}` : 'en-GB';
    const oneDecimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    return {
      criterion: (c) => (isCriterion(c) ? t(`reviews.criteria.${c}.name`) : c),
      criterionShort: (c) => (isCriterion(c) ? t(`reviews.criteria.${c}.short`) : c),
      criterionHint: (c) => (isCriterion(c) ? t(`reviews.criteria.${c}.hint`) : ''),
      recommendation: (r) => (isRecommendation(r) ? t(`reviews.recommendations.${r}`) : r),
      assessmentState: (s) => (isAssessmentState(s) ? t(`reviews.assessmentStates.${s}`) : s),
      reviewState: (s) => (isReviewState(s) ? t(`reviews.reviewStates.${s}`) : s),
      event: (e) =>
        isAssessmentEvent(e)
          ? t(`reviews.events.${e}`)
          : e === 'DECIDE_MIDPOINT'
            ? t('teams.events.DECIDE_MIDPOINT')
            : e,
      guard: (g) => (isGuard(g) ? t(`reviews.guards.${g}`) : g),
      conflict: (c) => (isConflict(c) ? t(`reviews.conflicts.${c}`) : c),
      deadlineKind: (k) => (isDeadlineKindOfCalendar(k) ? t(`reviews.deadlineKinds.${k}`) : k),
      audience: (a) => (isAudience(a) ? t(`reviews.audiences.${a}`) : a),
      reviewer: (position) => t('reviews.reviewerN', { number: format.number(position) }),
      mean: (m) => oneDecimal.format(m),
    };
  }, [t, format]);
}
