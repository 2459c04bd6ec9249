import type { Language } from '@hundred/domain';

import { challengesAr, challengesEn } from './messages.challenges.js';
import { exportsAr, exportsEn } from './messages.exports.js';
import { resultsAr, resultsEn } from './messages.results.js';
import { reviewsAr, reviewsEn } from './messages.reviews.js';
import { teamsAr, teamsEn } from './messages.teams.js';
import { workflowAr, workflowEn } from './messages.workflow.js';

/**
 * Every message the API sends to people, in Arabic and English. Both tables have the same keys
 * (the type checker refuses a missing one). `{name}` placeholders are filled from params.
 */
const en = {
  'error.unauthenticated': 'Please sign in to continue.',
  'error.forbidden': 'You do not have permission to do this.',
  'error.notFound': 'Not found.',
  'error.conflict':
    'Someone else changed this {subject} since you opened it. Reload to see their change, then try again.',
  'error.internal': 'Something went wrong on our side. The error was logged; please try again.',
  'error.invalidCredentials': 'The e-mail or password is not correct.',
  'error.signInThrottled': 'Too many failed attempts. Wait {seconds} seconds, then try again.',
  'error.accountLocked':
    'This account is locked after repeated failed sign-ins. Try again in {minutes} minutes or ask the accelerator office.',
  'error.validation': 'Please correct the highlighted fields.',
  'error.duplicate': '{field} "{value}" is already in use.',
  'error.unknownAgency': 'The selected agency does not exist.',
  'error.ownAdminRole': 'You cannot remove the accelerator office role from your own account.',
  'error.ownDeactivation': 'You cannot deactivate your own account.',
  'error.wrongCurrentPassword': 'The current password is not correct.',
  'error.invalidRequest': 'This request is not one the service understands.',
  'error.tooComplex': 'This request asks for too much at once ({limit}: at most {max}). Ask for fewer items or fields.',
  'error.timedOut': 'This request took too long and was stopped. Ask for fewer items or fields at once.',
  'error.rateLimited': 'Too many attempts from your network. Try again in {seconds} seconds.',
  'limit.depth': 'nesting depth',
  'limit.aliases': 'aliases',
  'limit.directives': 'directives',
  'limit.tokens': 'length of the request',
  'limit.cost': 'estimated cost',

  'validation.required': '{field} is required.',
  'validation.maxLength': '{field} must be at most {0} characters.',
  'validation.minLength': '{field} must be at least {0} characters.',
  'validation.email': '{field} must be a valid e-mail address.',
  'validation.arabic': '{field} must be written in Arabic.',
  'validation.latin': '{field} must be written in English (Latin letters).',
  'validation.agencyCode': '{field} must be 2 to 16 capital letters, digits, "-" or "_".',
  'validation.oneOf': '{field} has a value that is not allowed.',
  'validation.uuid': '{field} is not a valid identifier.',
  'validation.password': '{field} must be at least 10 characters and contain letters and digits.',
  'validation.minItems': '{field} needs at least {0} item(s).',
  'validation.unique': '{field} must not repeat a value.',
  'validation.invalid': '{field} is not valid.',
  'validation.between': '{field} must be from {0} to {1}.',
  'validation.maxItems': '{field} can have at most {0} items.',
  'validation.integer': '{field} must be a whole number.',
  'validation.numeric': '{field} must be a number.',
  'validation.boolean': '{field} must be yes or no.',
  'validation.text': '{field} must be text.',
  'validation.unknownField': '{field} is not a field of this form.',
  'validation.singleLine': '{field} must be on one line (no tabs or line breaks).',
  'validation.controlCharacter': '{field} contains a control character that cannot be stored.',
  'validation.brokenText': '{field} contains a broken character (half of a surrogate pair).',
  'validation.bidiControl':
    '{field} contains a hidden character that changes the direction of the text (U+202A–U+202E, U+2066–U+2069).',

  'field.email': 'E-mail',
  'field.password': 'Password',
  'field.nameAr': 'Arabic name',
  'field.nameEn': 'English name',
  'field.code': 'Code',
  'field.agencyId': 'Agency',
  'field.preferredLanguage': 'Language',
  'field.roles': 'Roles',
  'field.id': 'Identifier',
  'field.version': 'Version',
  'field.active': 'Active',
  'field.currentPassword': 'Current password',
  'field.newPassword': 'New password',
  'field.limit': 'Number of items',
  'field.offset': 'Items skipped',
  'field.search': 'Search',
  'field.subjectType': 'Kind of object',
  'field.subjectId': 'Object',
  'field.ids': 'Identifiers',
  'field.states': 'States',
  'field.unreadOnly': 'Unread only',

  'subject.agency': 'agency',
  'subject.user': 'user',
  ...workflowEn,
  ...challengesEn,
  ...teamsEn,
  ...reviewsEn,
  ...resultsEn,
  ...exportsEn,
} as const;

export type MessageKey = keyof typeof en;

const ar: Record<MessageKey, string> = {
  'error.unauthenticated': 'يرجى تسجيل الدخول للمتابعة.',
  'error.forbidden': 'لا تملك صلاحية القيام بهذا الإجراء.',
  'error.notFound': 'غير موجود.',
  'error.conflict': 'عدّل مستخدم آخر هذا {subject} بعد أن فتحته. أعد التحميل لترى التعديل ثم حاول مجدداً.',
  'error.internal': 'حدث خطأ من جهتنا وتم تسجيله؛ يرجى المحاولة مرة أخرى.',
  'error.invalidCredentials': 'البريد الإلكتروني أو كلمة المرور غير صحيحة.',
  'error.signInThrottled': 'محاولات فاشلة كثيرة. انتظر {seconds} ثانية ثم حاول مجدداً.',
  'error.accountLocked':
    'تم قفل هذا الحساب بعد محاولات دخول فاشلة متكررة. حاول بعد {minutes} دقيقة أو تواصل مع مكتب المسرّعات.',
  'error.validation': 'يرجى تصحيح الحقول المشار إليها.',
  'error.duplicate': '{field} «{value}» مستخدم من قبل.',
  'error.unknownAgency': 'الجهة الحكومية المختارة غير موجودة.',
  'error.ownAdminRole': 'لا يمكنك إزالة دور مكتب المسرّعات من حسابك.',
  'error.ownDeactivation': 'لا يمكنك إيقاف حسابك.',
  'error.wrongCurrentPassword': 'كلمة المرور الحالية غير صحيحة.',
  'error.invalidRequest': 'هذا الطلب ليس مما تفهمه الخدمة.',
  'error.tooComplex': 'يطلب هذا الطلب الكثير دفعة واحدة ({limit}: {max} على الأكثر). اطلب عناصر أو حقولاً أقل.',
  'error.timedOut': 'استغرق هذا الطلب وقتاً طويلاً فأُوقف. اطلب عناصر أو حقولاً أقل في المرة الواحدة.',
  'error.rateLimited': 'محاولات كثيرة من شبكتك. حاول مجدداً بعد {seconds} ثانية.',
  'limit.depth': 'عمق التداخل',
  'limit.aliases': 'الأسماء المستعارة',
  'limit.directives': 'التوجيهات',
  'limit.tokens': 'طول الطلب',
  'limit.cost': 'الكلفة المقدّرة',

  'validation.required': 'حقل «{field}» مطلوب.',
  'validation.maxLength': 'يجب ألا يزيد «{field}» عن {0} حرفاً.',
  'validation.minLength': 'يجب ألا يقل «{field}» عن {0} أحرف.',
  'validation.email': 'يجب أن يكون «{field}» عنوان بريد إلكتروني صحيحاً.',
  'validation.arabic': 'يجب أن يُكتب «{field}» باللغة العربية.',
  'validation.latin': 'يجب أن يُكتب «{field}» باللغة الإنجليزية (أحرف لاتينية).',
  'validation.agencyCode': 'يجب أن يتكون «{field}» من 2 إلى 16 حرفاً لاتينياً كبيراً أو رقماً أو «-» أو «_».',
  'validation.oneOf': 'قيمة «{field}» غير مسموح بها.',
  'validation.uuid': 'قيمة «{field}» ليست معرّفاً صحيحاً.',
  'validation.password': 'يجب أن تتكون «{field}» من 10 أحرف على الأقل وأن تجمع بين الحروف والأرقام.',
  'validation.minItems': 'يحتاج «{field}» إلى {0} عنصر على الأقل.',
  'validation.unique': 'يجب ألا تتكرر القيم في «{field}».',
  'validation.invalid': 'قيمة «{field}» غير صحيحة.',
  'validation.between': 'يجب أن تكون قيمة «{field}» بين {0} و{1}.',
  'validation.maxItems': 'لا يمكن أن يتجاوز «{field}» {0} عناصر.',
  'validation.integer': 'يجب أن يكون «{field}» عدداً صحيحاً.',
  'validation.numeric': 'يجب أن يكون «{field}» رقماً.',
  'validation.boolean': 'يجب أن تكون قيمة «{field}» نعم أو لا.',
  'validation.text': 'يجب أن يكون «{field}» نصاً.',
  'validation.unknownField': '«{field}» ليس من حقول هذا النموذج.',
  'validation.singleLine': 'يجب أن يكون «{field}» في سطر واحد (بلا مسافات جدولة أو أسطر جديدة).',
  'validation.controlCharacter': 'يحتوي «{field}» على محرف تحكّم لا يمكن حفظه.',
  'validation.brokenText': 'يحتوي «{field}» على محرف ناقص (نصف زوج بديل).',
  'validation.bidiControl': 'يحتوي «{field}» على محرف خفي يغيّر اتجاه النص (U+202A–U+202E وU+2066–U+2069).',

  'field.email': 'البريد الإلكتروني',
  'field.password': 'كلمة المرور',
  'field.nameAr': 'الاسم بالعربية',
  'field.nameEn': 'الاسم بالإنجليزية',
  'field.code': 'الرمز',
  'field.agencyId': 'الجهة الحكومية',
  'field.preferredLanguage': 'اللغة',
  'field.roles': 'الأدوار',
  'field.id': 'المعرّف',
  'field.version': 'رقم النسخة',
  'field.active': 'فعّال',
  'field.currentPassword': 'كلمة المرور الحالية',
  'field.newPassword': 'كلمة المرور الجديدة',
  'field.limit': 'عدد العناصر',
  'field.offset': 'العناصر المتخطّاة',
  'field.search': 'البحث',
  'field.subjectType': 'نوع العنصر',
  'field.subjectId': 'العنصر',
  'field.ids': 'المعرّفات',
  'field.states': 'الحالات',
  'field.unreadOnly': 'غير المقروءة فقط',

  'subject.agency': 'الجهة',
  'subject.user': 'المستخدم',
  ...workflowAr,
  ...challengesAr,
  ...teamsAr,
  ...reviewsAr,
  ...resultsAr,
  ...exportsAr,
};

const catalogs: Record<Language, Record<MessageKey, string>> = { en, ar };

export type MessageParams = Record<string, string | number>;

export function isMessageKey(key: string): key is MessageKey {
  return key in en;
}

/** Fill a message. Params whose value is itself a message key (e.g. a field) are translated too. */
export function translate(lang: Language, key: MessageKey, params: MessageParams = {}): string {
  const table = catalogs[lang];
  return table[key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    const s = String(value);
    return isMessageKey(s) ? table[s] : s;
  });
}

/** The localised name of an input field; falls back to the property name. */
export function fieldLabel(lang: Language, field: string): string {
  const key = `field.${field}`;
  return isMessageKey(key) ? catalogs[lang][key] : field;
}
