import type { GlobalRole } from '@hundred/domain';

/** Agencies of a government, as an accelerator office would list them. */
export const DEMO_AGENCIES: { code: string; nameAr: string; nameEn: string }[] = [
  { code: 'PMO', nameAr: 'رئاسة الوزراء', nameEn: "Prime Minister's Office" },
  {
    code: 'MODEE',
    nameAr: 'وزارة الاقتصاد الرقمي والريادة',
    nameEn: 'Ministry of Digital Economy and Entrepreneurship',
  },
  { code: 'MOH', nameAr: 'وزارة الصحة', nameEn: 'Ministry of Health' },
  { code: 'MOE', nameAr: 'وزارة التربية والتعليم', nameEn: 'Ministry of Education' },
  { code: 'MOL', nameAr: 'وزارة العمل', nameEn: 'Ministry of Labour' },
  { code: 'MOI', nameAr: 'وزارة الداخلية', nameEn: 'Ministry of Interior' },
  { code: 'MOLA', nameAr: 'وزارة الإدارة المحلية', nameEn: 'Ministry of Local Administration' },
  { code: 'MPWH', nameAr: 'وزارة الأشغال العامة والإسكان', nameEn: 'Ministry of Public Works and Housing' },
  { code: 'CUSTOMS', nameAr: 'دائرة الجمارك العامة', nameEn: 'Customs Department' },
  { code: 'DVLD', nameAr: 'إدارة ترخيص السواقين والمركبات', nameEn: 'Driver and Vehicle Licensing Department' },
  { code: 'VTC', nameAr: 'مؤسسة التدريب المهني', nameEn: 'Vocational Training Corporation' },
  { code: 'PORTS', nameAr: 'سلطة الموانئ', nameEn: 'Ports Authority' },
  { code: 'ISTD', nameAr: 'دائرة ضريبة الدخل والمبيعات', nameEn: 'Income and Sales Tax Department' },
  { code: 'CAPITAL', nameAr: 'أمانة العاصمة', nameEn: 'Capital Municipality' },
];

/** The password of every demo account (printed by the run command). */
export const DEMO_PASSWORD = 'Hundred-2026';

/** One demo user per global role. */
export const DEMO_USERS: {
  email: string;
  nameAr: string;
  nameEn: string;
  agency: string;
  roles: GlobalRole[];
  preferredLanguage: 'ar' | 'en';
}[] = [
  {
    email: 'office@hundred.example',
    nameAr: 'ليلى الحسيني',
    nameEn: 'Layla Al-Husseini',
    agency: 'PMO',
    roles: ['ADMIN'],
    preferredLanguage: 'ar',
  },
  {
    email: 'minister@hundred.example',
    nameAr: 'د. خالد المصري',
    nameEn: 'Dr. Khaled Al-Masri',
    agency: 'MODEE',
    roles: ['LEADERSHIP'],
    preferredLanguage: 'ar',
  },
  {
    email: 'focal.health@hundred.example',
    nameAr: 'سارة العلي',
    nameEn: 'Sara Al-Ali',
    agency: 'MOH',
    roles: ['FOCAL_POINT'],
    preferredLanguage: 'ar',
  },
  {
    email: 'reviewer@hundred.example',
    nameAr: 'عمر الخطيب',
    nameEn: 'Omar Al-Khatib',
    agency: 'ISTD',
    roles: ['REVIEWER'],
    preferredLanguage: 'en',
  },
];

/**
 * Reviewers of the mid-point besides the demo sign-in (reviewer@), of agencies chosen so that the
 * demo shows every kind of conflict: one of the health ministry (the lead agency of health teams),
 * one of the interior ministry (a partner agency of licensing teams).
 */
export const DEMO_REVIEWERS: {
  email: string;
  nameAr: string;
  nameEn: string;
  agency: string;
  roles: GlobalRole[];
}[] = [
  {
    email: 'reviewer.pmo@hundred.example',
    nameAr: 'هبة السعدي',
    nameEn: 'Hiba Al-Saadi',
    agency: 'PMO',
    roles: ['REVIEWER'],
  },
  {
    email: 'reviewer.moi@hundred.example',
    nameAr: 'وائل الدباس',
    nameEn: 'Wael Dabbas',
    agency: 'MOI',
    roles: ['REVIEWER'],
  },
  {
    email: 'reviewer.health@hundred.example',
    nameAr: 'د. رزان الشوبكي',
    nameEn: 'Dr. Razan Shobaki',
    agency: 'MOH',
    roles: ['REVIEWER'],
  },
  {
    email: 'reviewer.works@hundred.example',
    nameAr: 'أنس الطويل',
    nameEn: 'Anas Tawil',
    agency: 'MPWH',
    roles: ['REVIEWER'],
  },
];
