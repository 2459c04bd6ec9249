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
      body: 'حلّ موعد «{event}» لكنه لم يتم لأن: {blockers}. سيُعاد التحقق يومياً.',
    },
    {
      title: 'Blocked: {event} of {cohortName}',
      body: '"{event}" is due but cannot happen because {blockers}. It will be checked again daily.',
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
