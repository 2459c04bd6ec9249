/** Messages of the mid-point review: assignment, conflicts of interest, assessments, the decision. */
export const reviewsEn = {
  'error.reviewerConflict': 'This reviewer may not review this team: {conflict}.',
  'conflict.TEAM_MEMBER': 'they are on the team',
  'conflict.LEAD_AGENCY': 'they belong to its lead agency',
  'conflict.PARTNER_AGENCY': 'they belong to one of its partner agencies',
  'conflict.DECLARED': 'they declared a conflict of interest with it',
  'error.notAReviewer': 'Only people with the reviewer role can review teams.',
  'error.alreadyAssigned': 'This reviewer is already assigned to this team.',
  'error.scoreMissing': 'Every criterion needs a score from 1 to 5.',
  'error.recommendationMissing': 'Choose a recommendation.',
  'error.reasonToStop': 'Stopping a team needs a reason.',
  'error.notThisCohortsTeam': 'This team is not one of the cohort’s.',
  'guard.REVIEW_NOT_DECIDED': 'its mid-point review is decided',
  'guard.NOT_SUBMITTED': 'the assessment is already submitted',

  'field.reviewerId': 'Reviewer',
  'field.reviewerIds': 'Reviewers',
  'field.teams': 'Teams',
  'field.recommendation': 'Recommendation',
  'field.corrections': 'Corrections required',
} as const;

export const reviewsAr: Record<keyof typeof reviewsEn, string> = {
  'error.reviewerConflict': 'لا يجوز لهذا المراجِع مراجعة هذا الفريق: {conflict}.',
  'conflict.TEAM_MEMBER': 'فهو عضو في الفريق',
  'conflict.LEAD_AGENCY': 'فهو من الجهة الرئيسية للفريق',
  'conflict.PARTNER_AGENCY': 'فهو من إحدى الجهات الشريكة',
  'conflict.DECLARED': 'فقد أعلن تعارض مصالح مع هذا الفريق',
  'error.notAReviewer': 'لا يراجع الفرق إلا من لهم دور المراجِع.',
  'error.alreadyAssigned': 'هذا المراجِع مكلَّف بهذا الفريق أصلاً.',
  'error.scoreMissing': 'يحتاج كل معيار إلى درجة من 1 إلى 5.',
  'error.recommendationMissing': 'اختر توصية.',
  'error.reasonToStop': 'إيقاف الفريق يحتاج إلى سبب.',
  'error.notThisCohortsTeam': 'هذا الفريق ليس من فرق هذه الدفعة.',
  'guard.REVIEW_NOT_DECIDED': 'صدر قرار المراجعة النصفية للفريق',
  'guard.NOT_SUBMITTED': 'قُدِّم التقييم من قبل',

  'field.reviewerId': 'المراجِع',
  'field.reviewerIds': 'المراجِعون',
  'field.teams': 'الفرق',
  'field.recommendation': 'التوصية',
  'field.corrections': 'التصحيحات المطلوبة',
};
