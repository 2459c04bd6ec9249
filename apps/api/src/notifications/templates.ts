import { formatGregorian, type Language } from '@hundred/domain';

import { isMessageKey, translate } from '../common/messages.js';

/**
 * What each kind of notification says, in Arabic and English, for the in-app list and e-mail.
 * Params carry names in both languages (`cohortNameAr`, `cohortNameEn`); `{cohortName}` picks
 * the reader's. A kind without a template is shown with a generic line, and a test checks that
 * every kind the workflows send has one.
 */
export type Params = Record<string, unknown>;
interface Text {
  title: string;
  body: string;
}
type Template = Record<Language, Text>;

const T = (ar: Text, en: Text): Template => ({ ar, en });

export const TEMPLATES: Record<string, Template> = {
  WELCOME: T(
    { title: 'أهلاً بك في مئة', body: 'مرحباً {name}، حسابك على منصة المسرّعات الحكومية جاهز.' },
    {
      title: 'Welcome to Hundred',
      body: 'Hello {name}, your account on the government accelerators platform is ready.',
    },
  ),
  COHORT_INTAKE_OPENED: T(
    {
      title: 'بدأ استقبال التحديات: {cohortName}',
      body: 'يمكن للجهات الآن تقديم تحدياتها في {cohortName} حتى {closesOn}.',
    },
    {
      title: 'Intake is open: {cohortName}',
      body: 'Agencies can now submit challenges to {cohortName} until {closesOn}.',
    },
  ),
  COHORT_INTAKE_CLOSED: T(
    {
      title: 'أُغلق استقبال التحديات: {cohortName}',
      body: 'انتقلت {cohortName} إلى الفرز والاعتماد؛ أُقفلت المسودات غير المقدَّمة.',
    },
    { title: 'Intake closed: {cohortName}', body: '{cohortName} moved to selection; unsubmitted drafts are locked.' },
  ),
  COHORT_PREPARATION_STARTED: T(
    { title: 'بدأ التحضير: {cohortName}', body: 'بُتّ في كل التحديات؛ تستعد الفرق لورشة الإطلاق في {launchOn}.' },
    {
      title: 'Preparation started: {cohortName}',
      body: 'Every challenge is decided; teams prepare for the launch workshop on {launchOn}.',
    },
  ),
  COHORT_LAUNCHED: T(
    { title: 'انطلقت الدفعة: {cohortName}', body: 'بدأت المئة يوم اليوم. بالتوفيق لكل الفرق.' },
    { title: 'Cohort launched: {cohortName}', body: 'The 100 days start today. Good luck to every team.' },
  ),
  COHORT_MIDPOINT_OPENED: T(
    { title: 'بدأت المراجعة النصفية: {cohortName}', body: 'يرجى من المراجعين إرسال تقييماتهم قبل {dueOn}.' },
    { title: 'Mid-point review open: {cohortName}', body: 'Reviewers, please submit your assessments before {dueOn}.' },
  ),
  COHORT_MIDPOINT_CLOSED: T(
    { title: 'انتهت المراجعة النصفية: {cohortName}', body: 'دخلت {cohortName} المرحلة الختامية.' },
    { title: 'Mid-point review closed: {cohortName}', body: '{cohortName} is in its final stretch.' },
  ),
  COHORT_RESULTS_OPENED: T(
    { title: 'اليوم المئة: {cohortName}', body: 'حان وقت النتائج؛ تقرير اليوم المئة مطلوب قبل {dueOn}.' },
    { title: 'Day 100: {cohortName}', body: 'Results time; the day-100 report is due before {dueOn}.' },
  ),
  COHORT_SUSTAINMENT_STARTED: T(
    { title: 'بدأت الاستدامة: {cohortName}', body: 'تتابع الجهات نتائجها في نقاط المتابعة المحددة.' },
    { title: 'Sustainment started: {cohortName}', body: 'Agencies follow their results at the set checkpoints.' },
  ),
  COHORT_CLOSED: T(
    { title: 'أُغلقت الدفعة: {cohortName}', body: 'اكتملت كل مراحل {cohortName}.' },
    { title: 'Cohort closed: {cohortName}', body: 'Every phase of {cohortName} is complete.' },
  ),
  COHORT_CANCELLED: T(
    { title: 'أُلغيت الدفعة: {cohortName}', body: 'السبب: {reason}' },
    { title: 'Cohort cancelled: {cohortName}', body: 'Reason: {reason}' },
  ),
  COHORT_TRANSITION_BLOCKED: T(
    {
      title: 'متعطّل: {event} في {cohortName}',
      body: 'حلّ موعد «{event}» لكنه لم يتم لأن: {blockers}.{blockingTeams} سيُعاد التحقق يومياً.',
    },
    {
      title: 'Blocked: {event} of {cohortName}',
      body: '"{event}" is due but cannot happen because {blockers}.{blockingTeams} It will be checked again daily.',
    },
  ),
  INTAKE_CLOSE_REMINDER: T(
    {
      title: 'تذكير: يُغلق استقبال التحديات في {closesOn}',
      body: 'لديك مسودات لم تُقدَّم بعد في {cohortName}؛ قدّمها قبل الإغلاق.',
    },
    {
      title: 'Reminder: intake closes on {closesOn}',
      body: 'You have drafts not yet submitted to {cohortName}; submit them before it closes.',
    },
  ),
  CHALLENGE_SUBMITTED: T(
    { title: 'تحدٍّ جديد للفرز: {challengeTitle}', body: 'قُدِّم التحدّي «{challengeTitle}» وينتظر الفرز.' },
    {
      title: 'New challenge to screen: {challengeTitle}',
      body: '"{challengeTitle}" was submitted and awaits screening.',
    },
  ),
  CHALLENGE_RESUBMITTED: T(
    { title: 'أُعيد تقديم التحدّي: {challengeTitle}', body: 'استكملت الجهة التحدّي «{challengeTitle}» وأعادت تقديمه.' },
    {
      title: 'Challenge resubmitted: {challengeTitle}',
      body: 'The agency completed "{challengeTitle}" and submitted it again.',
    },
  ),
  CHALLENGE_RETURNED: T(
    { title: 'أُعيد التحدّي للاستكمال: {challengeTitle}', body: 'ملاحظات مكتب المسرّعات: {reason}' },
    { title: 'Challenge returned: {challengeTitle}', body: 'The accelerator office notes: {reason}' },
  ),
  CHALLENGE_RECOMMENDED: T(
    {
      title: 'تحدٍّ موصى به ينتظر قرار القيادة: {challengeTitle}',
      body: 'أوصى مكتب المسرّعات بالتحدّي «{challengeTitle}» بعد فرزه.',
    },
    {
      title: 'Recommended challenge awaiting a decision: {challengeTitle}',
      body: 'The accelerator office recommends "{challengeTitle}" after screening.',
    },
  ),
  CHALLENGE_DECLINED: T(
    { title: 'لم يُقبل التحدّي: {challengeTitle}', body: 'السبب: {reason}' },
    { title: 'Challenge declined: {challengeTitle}', body: 'Reason: {reason}' },
  ),
  CHALLENGE_APPROVED: T(
    { title: 'اعتُمد التحدّي: {challengeTitle}', body: 'اعتمدت القيادة التحدّي «{challengeTitle}» وتشكّل فريقه.' },
    {
      title: 'Challenge approved: {challengeTitle}',
      body: 'Leadership approved "{challengeTitle}"; its team is formed.',
    },
  ),
  CHALLENGE_APPROVAL_RECORDED: T(
    {
      title: 'سُجّل اعتماد: {challengeTitle}',
      body: 'سجّل أحد أعضاء القيادة اعتماده، وينتظر التحدّي بقية الاعتمادات المطلوبة.',
    },
    {
      title: 'Approval recorded: {challengeTitle}',
      body: 'A leader approved it; the challenge awaits the remaining approvals.',
    },
  ),
  CHALLENGE_REJECTED: T(
    { title: 'رُفض التحدّي: {challengeTitle}', body: 'قرار القيادة: {reason}' },
    { title: 'Challenge rejected: {challengeTitle}', body: 'Leadership decided: {reason}' },
  ),
  CHALLENGE_DEFERRED: T(
    { title: 'أُجّل التحدّي: {challengeTitle}', body: 'قرار القيادة: {reason}. يمكن ترحيله إلى دفعة لاحقة.' },
    {
      title: 'Challenge deferred: {challengeTitle}',
      body: 'Leadership decided: {reason}. It can be carried over to a later cohort.',
    },
  ),
  CHALLENGE_WITHDRAWN: T(
    { title: 'سُحب التحدّي: {challengeTitle}', body: 'سُحب التحدّي «{challengeTitle}».' },
    { title: 'Challenge withdrawn: {challengeTitle}', body: '"{challengeTitle}" was withdrawn.' },
  ),
  CHALLENGE_CARRIED_OVER: T(
    {
      title: 'رُحّل التحدّي إلى دفعة لاحقة: {challengeTitle}',
      body: 'أصبح التحدّي مسودة في الدفعة الجديدة؛ راجِعه وقدّمه من جديد.',
    },
    {
      title: 'Challenge carried over: {challengeTitle}',
      body: 'It is a draft in the later cohort now; review it and submit it again.',
    },
  ),
  CHALLENGE_COMMENTED: T(
    { title: 'تعليق جديد على: {challengeTitle}', body: 'أُضيف تعليق جديد إلى التحدّي «{challengeTitle}».' },
    { title: 'New comment on: {challengeTitle}', body: 'A comment was added to "{challengeTitle}".' },
  ),
  SCREENING_REMINDER: T(
    { title: 'تذكير: فرز «{challengeTitle}» يستحق غداً', body: 'ينتهي غداً موعد فرز هذا التحدّي بحسب أيام العمل.' },
    {
      title: 'Reminder: screening of "{challengeTitle}" is due tomorrow',
      body: 'Its screening is due by the next working day.',
    },
  ),
  SCREENING_ESCALATION: T(
    { title: 'تصعيد: تأخّر فرز «{challengeTitle}»', body: 'مضى يوما عمل على موعد الفرز ولم يُبتّ فيه بعد.' },
    {
      title: 'Escalation: screening of "{challengeTitle}" is late',
      body: 'Two working days past its due date, it is still not screened.',
    },
  ),
  DECISION_REMINDER: T(
    { title: 'تذكير: قرار «{challengeTitle}» يستحق غداً', body: 'التحدّي الموصى به ينتظر قرار القيادة.' },
    {
      title: 'Reminder: a decision on "{challengeTitle}" is due tomorrow',
      body: 'The recommended challenge awaits leadership’s decision.',
    },
  ),
  DECISION_OVERDUE: T(
    { title: 'متأخر: قرار القيادة في «{challengeTitle}»', body: 'انقضى موعد القرار دون اعتماد أو رفض أو تأجيل.' },
    {
      title: 'Overdue: leadership’s decision on "{challengeTitle}"',
      body: 'The decision is past due: not approved, rejected or deferred.',
    },
  ),
  GOALS_REMINDER: T(
    { title: 'تذكير: تقديم أهداف {teamName}', body: 'يُستحق تقديم الأهداف ومؤشرات الأداء خلال ثلاثة أيام.' },
    { title: 'Reminder: {teamName} goals are due', body: 'Goals and KPIs are due in three days.' },
  ),
  GOALS_OVERDUE: T(
    { title: 'متأخر: أهداف {teamName}', body: 'انقضى موعد تقديم الأهداف ولم يقدّمها الفريق بعد.' },
    { title: 'Overdue: {teamName} goals', body: 'The goals are past due and not yet submitted.' },
  ),
  TEAM_MEMBER_ADDED: T(
    { title: 'انضممت إلى فريق: {teamName}', body: 'أُضفت إلى فريق «{teamName}».' },
    { title: 'You joined a team: {teamName}', body: 'You were added to the team "{teamName}".' },
  ),
  TEAM_GOALS_SUBMITTED: T(
    { title: 'أهداف للاعتماد: {teamName}', body: 'قدّم فريق «{teamName}» أهدافه ومؤشراته للاعتماد.' },
    { title: 'Goals to approve: {teamName}', body: '"{teamName}" submitted its goals and KPIs for approval.' },
  ),
  TEAM_GOALS_RETURNED: T(
    { title: 'أُعيدت أهداف {teamName}', body: 'ملاحظات مكتب المسرّعات: {reason}' },
    { title: '{teamName} goals returned', body: 'The accelerator office notes: {reason}' },
  ),
  TEAM_GOALS_APPROVED: T(
    { title: 'اعتُمدت أهداف {teamName}', body: 'الفريق جاهز للإطلاق؛ ثُبّتت خطوط الأساس والمستهدفات.' },
    { title: '{teamName} goals approved', body: 'The team is ready for launch; baselines and targets are frozen.' },
  ),
  TEAM_WITHDRAWN: T(
    { title: 'سُحب الفريق: {teamName}', body: 'السبب: {reason}' },
    { title: 'Team withdrawn: {teamName}', body: 'Reason: {reason}' },
  ),
  HELP_NEEDED: T(
    { title: 'دعم مطلوب من القيادة: {teamName}', body: 'يطلب الفريق في تحديث الأسبوع {week}: {helpNeeded}' },
    {
      title: 'Help needed from leadership: {teamName}',
      body: 'In its week {week} check-in the team asks: {helpNeeded}',
    },
  ),
  CHECK_IN_REMINDER: T(
    { title: 'تذكير: التحديث الأسبوعي لـ{teamName} اليوم', body: 'يُستحق تحديث الأسبوع {week} اليوم عند الظهر.' },
    { title: 'Reminder: {teamName} check-in is due today', body: 'The week {week} check-in is due today at noon.' },
  ),
  CHECK_INS_MISSING: T(
    {
      title: 'تصعيد: {weeks} أسابيع متتالية بلا تحديث — {teamName}',
      body: 'لم يقدّم الفريق تحديثه الأسبوعي منذ {weeks} أسابيع متتالية، حتى الأسبوع {week}.',
    },
    {
      title: 'Escalation: {weeks} weeks in a row without a check-in — {teamName}',
      body: 'The team has missed its weekly check-in for {weeks} weeks in a row, up to week {week}.',
    },
  ),
  CHECK_IN_RETURNED: T(
    { title: 'أعاد المدرّب تحديثك الأسبوعي: {teamName}', body: 'الملاحظة: {reason}. قدّم تصحيحاً.' },
    { title: 'Your check-in was returned: {teamName}', body: 'The coach notes: {reason}. Please submit a correction.' },
  ),
  CHANGE_REQUEST_PROPOSED: T(
    { title: 'طلب تعديل مؤشر: {teamName}', body: 'يطلب الفريق تعديل خط الأساس أو المستهدف للمؤشر «{kpiName}».' },
    { title: 'KPI change request: {teamName}', body: 'The team asks to change the baseline or target of "{kpiName}".' },
  ),
  CHANGE_REQUEST_APPROVED: T(
    {
      title: 'اعتُمد طلب التعديل: {teamName}',
      body: 'اعتمد مكتب المسرّعات تعديل المؤشر؛ يبقى المستهدف الأصلي في السجل.',
    },
    {
      title: 'Change approved: {teamName}',
      body: 'The office approved the KPI change; the original target stays on record.',
    },
  ),
  CHANGE_REQUEST_REJECTED: T(
    { title: 'رُفض طلب التعديل: {teamName}', body: 'السبب: {reason}' },
    { title: 'Change rejected: {teamName}', body: 'Reason: {reason}' },
  ),
  ASSESSMENT_ASSIGNED: T(
    {
      title: 'كُلّفت بمراجعة {teamName}',
      body: 'كُلّفت بتقييم الفريق في المراجعة النصفية. يمكنك الاطلاع على أهدافه ومؤشراته وتحديثاته الآن.',
    },
    {
      title: 'You are to review {teamName}',
      body: 'You are assigned to assess this team at the mid-point. Its goals, KPIs and check-ins are open to you now.',
    },
  ),
  ASSESSMENT_SUBMITTED: T(
    { title: 'وصل تقييم لـ {teamName}', body: 'قدّم أحد المراجعين تقييمه للفريق في المراجعة النصفية.' },
    {
      title: 'An assessment of {teamName} is in',
      body: 'A reviewer has submitted their mid-point assessment of the team.',
    },
  ),
  ASSESSMENT_UNASSIGNED: T(
    { title: 'أُلغي تكليفك بمراجعة {teamName}', body: 'لم تعد مكلّفاً بتقييم هذا الفريق.' },
    { title: 'You no longer review {teamName}', body: 'You are no longer assigned to assess this team.' },
  ),
  ASSESSMENT_CONFLICT_DECLARED: T(
    {
      title: 'تعارض مصالح: {teamName}',
      body: 'أعلن أحد المراجعين تعارض مصالح مع الفريق وأُلغي تكليفه. السبب: {reason}. كلّف مراجعاً آخر.',
    },
    {
      title: 'Conflict of interest: {teamName}',
      body: 'A reviewer declared a conflict of interest with the team and was unassigned. Reason: {reason}. Assign another reviewer.',
    },
  ),
  ASSESSMENTS_REMINDER: T(
    { title: 'تذكير: تقييم {teamName}', body: 'يُستحق تقييمك للفريق في المراجعة النصفية في {dueAt}.' },
    {
      title: 'Reminder: your assessment of {teamName}',
      body: 'Your mid-point assessment of the team is due on {dueAt}.',
    },
  ),
  ASSESSMENTS_OVERDUE: T(
    {
      title: 'تقييمات ناقصة: {teamName}',
      body: 'حلّ موعد تقييمات المراجعة النصفية وما زال {missing} منها ناقصاً: {reviewers}.',
    },
    {
      title: 'Assessments missing: {teamName}',
      body: 'The mid-point assessments were due and {missing} are missing: {reviewers}.',
    },
  ),
  TEAM_MIDPOINT_DECIDED: T(
    { title: 'قرار المراجعة النصفية: {teamName}', body: 'صدر قرار مكتب المسرّعات بشأن الفريق في المراجعة النصفية.' },
    {
      title: 'Mid-point decision: {teamName}',
      body: 'The accelerator office has decided on the team at the mid-point.',
    },
  ),
  TEAM_MIDPOINT_ESCALATED: T(
    {
      title: 'تصعيد من المراجعة النصفية: {teamName}',
      body: 'رأى مكتب المسرّعات أن الفريق يحتاج إلى تدخل القيادة. السبب: {reason}',
    },
    {
      title: 'Escalated at the mid-point: {teamName}',
      body: 'The accelerator office finds the team needs leadership to step in. Reason: {reason}',
    },
  ),
  TEAM_FINAL_REPORT_SUBMITTED: T(
    { title: 'قُدِّم تقرير اليوم المئة: {teamName}', body: 'قدّم قائد الفريق تقرير اليوم المئة بقيمه النهائية.' },
    {
      title: 'Day-100 report submitted: {teamName}',
      body: 'The team leader submitted the day-100 report with its final values.',
    },
  ),
  FINAL_REPORT_REMINDER: T(
    { title: 'تذكير: تقرير اليوم المئة لـ {teamName}', body: 'يُستحق تقرير اليوم المئة في {dueAt}.' },
    { title: 'Reminder: the day-100 report of {teamName}', body: 'The day-100 report is due on {dueAt}.' },
  ),
  FINAL_REPORT_OVERDUE: T(
    { title: 'تأخّر تقرير اليوم المئة: {teamName}', body: 'حلّ موعد تقرير اليوم المئة ولم يُقدَّم بعد.' },
    { title: 'Day-100 report overdue: {teamName}', body: 'The day-100 report was due and has not been submitted.' },
  ),
  TEAM_OUTCOME_RECORDED: T(
    { title: 'سُجّلت نتيجة {teamName}', body: 'سجّل مكتب المسرّعات نتيجة الفريق في اليوم المئة.' },
    { title: 'Outcome recorded: {teamName}', body: "The accelerator office recorded the team's day-100 outcome." },
  ),
  PLEDGE_SIGNED: T(
    { title: 'وُقِّع تعهّد الاستدامة: {teamName}', body: 'وقّع الراعي تعهّد الاستدامة للنسخة {version} من الخطة.' },
    {
      title: 'Sustainment pledge signed: {teamName}',
      body: 'The sponsor signed the pledge for version {version} of the plan.',
    },
  ),
  PLEDGE_VOIDED: T(
    {
      title: 'تغيّرت خطة الاستدامة: {teamName}',
      body: 'تغيّرت الخطة بعد توقيعك فلم يعد التعهّد سارياً. يُرجى مراجعتها وتوقيعها من جديد.',
    },
    {
      title: 'The sustainment plan changed: {teamName}',
      body: 'The plan changed after you signed, so the pledge no longer holds. Please review it and sign again.',
    },
  ),
  TEAM_SUSTAINMENT_STARTED: T(
    { title: 'بدأت استدامة {teamName}', body: 'تتابع الجهة المالكة المؤشرات في نقاط المتابعة المحددة.' },
    { title: 'Sustainment started: {teamName}', body: 'The owner agency follows the KPIs at the set checkpoints.' },
  ),
  CHECKPOINT_REMINDER: T(
    { title: 'نقطة المتابعة {checkpoint}: {teamName}', body: 'يُستحق تقرير نقطة المتابعة في {dueAt}.' },
    { title: 'Checkpoint {checkpoint}: {teamName}', body: 'The checkpoint report is due on {dueAt}.' },
  ),
  CHECKPOINT_OVERDUE: T(
    {
      title: 'تأخّر تقرير نقطة المتابعة {checkpoint}: {teamName}',
      body: 'حلّ موعد نقطة المتابعة ولم تقدّم الجهة المالكة تقريرها.',
    },
    {
      title: 'Checkpoint {checkpoint} overdue: {teamName}',
      body: 'The checkpoint was due and the owner agency has not reported.',
    },
  ),
  CHECKPOINT_REPORTED: T(
    {
      title: 'قُدِّم تقرير نقطة المتابعة {checkpoint}: {teamName}',
      body: 'قدّمت الجهة المالكة قيم المؤشرات في نقطة المتابعة {checkpoint}.',
    },
    {
      title: 'Checkpoint {checkpoint} reported: {teamName}',
      body: 'The owner agency reported the KPIs at checkpoint {checkpoint}.',
    },
  ),
  TEAM_SUSTAINMENT_CLOSED: T(
    { title: 'أُغلقت استدامة {teamName}', body: 'سجّل مكتب المسرّعات حالة الاستدامة النهائية للفريق.' },
    {
      title: 'Sustainment closed: {teamName}',
      body: "The accelerator office recorded the team's final sustainment status.",
    },
  ),
  LAUNCH_REMINDER: T(
    { title: 'تذكير: ورشة الإطلاق غداً', body: 'تنطلق {cohortName} في {launchOn}.' },
    { title: 'Reminder: the launch workshop is tomorrow', body: '{cohortName} launches on {launchOn}.' },
  ),
};

export const COHORT_EVENT_NAMES: Record<string, Record<Language, string>> = {
  OPEN_INTAKE: { ar: 'فتح استقبال التحديات', en: 'open intake' },
  CLOSE_INTAKE: { ar: 'إغلاق استقبال التحديات', en: 'close intake' },
  START_PREPARATION: { ar: 'بدء التحضير', en: 'start preparation' },
  LAUNCH: { ar: 'الإطلاق', en: 'launch' },
  OPEN_MIDPOINT: { ar: 'فتح المراجعة النصفية', en: 'open the mid-point review' },
  CLOSE_MIDPOINT: { ar: 'إغلاق المراجعة النصفية', en: 'close the mid-point review' },
  OPEN_RESULTS: { ar: 'فتح النتائج', en: 'open results' },
  START_SUSTAINMENT: { ar: 'بدء الاستدامة', en: 'start sustainment' },
  CLOSE: { ar: 'إغلاق الدفعة', en: 'close the cohort' },
  CANCEL: { ar: 'إلغاء الدفعة', en: 'cancel the cohort' },
};

/** A param value in the reader's language: `xAr`/`xEn` pairs, guard lists, event names. */
function value(params: Params, name: string, lang: Language): string {
  const pair = params[`${name}${lang === 'ar' ? 'Ar' : 'En'}`];
  if (pair !== undefined) return String(pair);
  if (name === 'blockers' && Array.isArray(params.blockers)) {
    return (params.blockers as string[])
      .map((g) => (isMessageKey(`guard.${g}`) ? translate(lang, `guard.${g}` as never) : g))
      .join(lang === 'ar' ? '؛ ' : '; ');
  }
  if (name === 'blockingTeams') {
    const teams = Array.isArray(params.blockingTeams)
      ? (params.blockingTeams as { nameAr: string; nameEn: string }[])
      : [];
    if (!teams.length) return '';
    const names = teams.map((t) => (lang === 'ar' ? t.nameAr : t.nameEn)).join(lang === 'ar' ? '، ' : ', ');
    return lang === 'ar' ? ` الفرق المعنية: ${names}.` : ` Teams concerned: ${names}.`;
  }
  if (name === 'event' && typeof params.event === 'string')
    return COHORT_EVENT_NAMES[params.event]?.[lang] ?? params.event;
  const v = params[name];
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v)) {
    return formatGregorian(new Date(v), lang, typeof params.timeZone === 'string' ? params.timeZone : 'UTC');
  }
  return v === undefined || v === null ? '' : String(v);
}

export function render(kind: string, params: Params, lang: Language): Text {
  const template = TEMPLATES[kind]?.[lang] ?? {
    title: lang === 'ar' ? 'إشعار جديد' : 'New notification',
    body: lang === 'ar' ? 'لديك تحديث جديد.' : 'You have a new update.',
  };
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (_, name: string) => value(params, name, lang));
  return { title: fill(template.title), body: fill(template.body) };
}
