import type { GlobalRole } from '@hundred/domain';

import type { DemoKpi } from './demo-workflow-data.js';

/** The people behind the third cohort's teams (their sponsors are the first cohort's). */
export const MIDPOINT_PEOPLE: { email: string; nameAr: string; nameEn: string; agency: string; roles: GlobalRole[] }[] =
  [
    {
      email: 'lead.lights@hundred.example',
      nameAr: 'سامر البدور',
      nameEn: 'Samer Bdour',
      agency: 'CAPITAL',
      roles: [],
    },
    {
      email: 'lead.inspection@hundred.example',
      nameAr: 'رهف العساف',
      nameEn: 'Rahaf Assaf',
      agency: 'DVLD',
      roles: [],
    },
    {
      email: 'lead.parcels@hundred.example',
      nameAr: 'مالك حجازي',
      nameEn: 'Malek Hijazi',
      agency: 'CUSTOMS',
      roles: [],
    },
    { email: 'lead.solar@hundred.example', nameAr: 'جنى المعايطة', nameEn: 'Jana Maaytah', agency: 'VTC', roles: [] },
    {
      email: 'lead.discharge@hundred.example',
      nameAr: 'د. عمار الزيود',
      nameEn: 'Dr. Ammar Zyoud',
      agency: 'MOH',
      roles: [],
    },
  ];

export type Scores = [number, number, number, number, number];
export interface DemoAssessment {
  reviewer: string;
  /** Progress, evidence, collaboration, risk management, likelihood. */
  scores: Scores;
  comments: [string, string, string, string, string];
  recommendation: 'CONTINUE' | 'COURSE_CORRECT' | 'ESCALATE' | 'STOP';
  comment: string;
}

export interface MidpointTeam {
  agency: string;
  focal: string;
  partners: string[];
  sponsor: string;
  lead: string;
  members: string[];
  titleAr: string;
  titleEn: string;
  problemAr: string;
  problemEn: string;
  goalAr: string;
  goalEn: string;
  /** The indicator of the alignment tree it serves (by its English name). */
  indicator: string;
  /** Weekly values for the seven weeks behind the cohort. */
  kpis: DemoKpi[];
  /** Reviewers assigned (by e-mail) and, for those who submitted, what they wrote. */
  reviewers: string[];
  assessments: DemoAssessment[];
  /** The office's decision, or none yet. */
  decision?: { decision: 'CONTINUE' | 'COURSE_CORRECT' | 'ESCALATE' | 'STOP'; reason: string; corrections?: string };
}

const R = {
  pmo: 'reviewer.pmo@hundred.example',
  moi: 'reviewer.moi@hundred.example',
  health: 'reviewer.health@hundred.example',
  works: 'reviewer.works@hundred.example',
  demo: 'reviewer@hundred.example',
};

const NOTE = (a: string, b: string, c: string, d: string, e: string): [string, string, string, string, string] => [
  a,
  b,
  c,
  d,
  e,
];

/**
 * A cohort past its mid-point: five teams, each with two submitted assessments; four decided (one
 * of each decision) and one still under review, where the reviewers disagree and the demo reviewer
 * still has an assessment to do.
 */
export const MIDPOINT_TEAMS: MidpointTeam[] = [
  {
    agency: 'CAPITAL',
    focal: 'focal.capital@hundred.example',
    partners: ['MOLA'],
    sponsor: 'sg.capital@hundred.example',
    lead: 'lead.lights@hundred.example',
    members: ['member.mpwh@hundred.example', 'member.modee@hundred.example'],
    titleAr: 'إصلاح أعطال إنارة الشوارع خلال 48 ساعة',
    titleEn: 'Fix street-light faults within 48 hours',
    problemAr: 'يبقى عطل الإنارة أحد عشر يوماً في المتوسط قبل إصلاحه.',
    problemEn: 'A street-light fault stays unrepaired for eleven days on average.',
    goalAr: 'إصلاح 90% من الأعطال المبلّغ عنها خلال 48 ساعة',
    goalEn: 'Fix 90% of reported faults within 48 hours',
    indicator: 'Complaints closed within 72 hours (%)',
    kpis: [
      {
        nameAr: 'نسبة الأعطال المصلحة خلال 48 ساعة',
        nameEn: 'Faults fixed within 48 hours',
        unit: 'PERCENT',
        direction: 'INCREASE',
        baseline: 20,
        target: 90,
        dataSource: 'نظام بلاغات أمانة العاصمة',
        weekly: [24, 29, 33, 38, 44, 49, 55],
      },
    ],
    reviewers: [R.pmo, R.moi],
    assessments: [
      {
        reviewer: R.pmo,
        scores: [4, 4, 5, 4, 4],
        comments: NOTE(
          'تقدّم ثابت كل أسبوع',
          'البيانات من نظام البلاغات مباشرة',
          'تعاون ممتاز مع الإدارة المحلية',
          'خطة بديلة لنقص القطع',
          'على المسار',
        ),
        recommendation: 'CONTINUE',
        comment: 'الفريق على المسار الصحيح ويحتاج فقط إلى الاستمرار.',
      },
      {
        reviewer: R.moi,
        scores: [4, 3, 4, 4, 4],
        comments: NOTE('', 'يُستحسن التحقق الميداني من عينة', '', '', ''),
        recommendation: 'CONTINUE',
        comment: 'أداء جيد؛ أوصي بعينة تحقق ميدانية شهرية.',
      },
    ],
    decision: { decision: 'CONTINUE', reason: 'الفريق على المسار والمراجعان متفقان.' },
  },
  {
    agency: 'DVLD',
    focal: 'focal.dvld@hundred.example',
    partners: ['MOI'],
    sponsor: 'sg.dvld@hundred.example',
    lead: 'lead.inspection@hundred.example',
    members: ['member.moi@hundred.example', 'member.modee@hundred.example'],
    titleAr: 'مواعيد فحص المركبات خلال ثلاثة أيام',
    titleEn: 'Vehicle inspection appointments within three days',
    problemAr: 'ينتظر المواطن أسبوعين للحصول على موعد فحص المركبة.',
    problemEn: 'Citizens wait two weeks for a vehicle inspection appointment.',
    goalAr: 'موعد فحص خلال ثلاثة أيام في مراكز عمّان',
    goalEn: 'An inspection slot within three days in Amman centres',
    indicator: 'Share of services delivered digitally (%)',
    kpis: [
      {
        nameAr: 'متوسط أيام الانتظار لموعد الفحص',
        nameEn: 'Average days to an inspection slot',
        unit: 'DAYS',
        direction: 'DECREASE',
        baseline: 14,
        target: 3,
        dataSource: 'نظام حجز المواعيد',
        weekly: [14, 13.5, 13, 12.5, 12.5, 12, 11.5],
      },
    ],
    reviewers: [R.demo, R.pmo],
    assessments: [
      {
        reviewer: R.demo,
        scores: [2, 3, 3, 2, 2],
        comments: NOTE('التقدّم أبطأ من المسار المتوقع', '', '', 'لا توجد خطة لنقص الفاحصين', 'مستبعد بالوتيرة الحالية'),
        recommendation: 'COURSE_CORRECT',
        comment: 'يحتاج الفريق إلى فتح مواعيد مسائية وزيادة الفاحصين.',
      },
      {
        reviewer: R.pmo,
        scores: [2, 4, 3, 3, 2],
        comments: NOTE('', 'بيانات موثوقة من نظام الحجز', '', '', ''),
        recommendation: 'COURSE_CORRECT',
        comment: 'القياس جيد لكن التدخلات لم تبدأ فعلياً.',
      },
    ],
    decision: {
      decision: 'COURSE_CORRECT',
      reason: 'التقدّم أقل من نصف المتوقع عند منتصف المدة.',
      corrections: 'فتح مواعيد مسائية في مركزين خلال أسبوعين.\nتقرير أسبوعي عن عدد الفاحصين المتاحين.',
    },
  },
  {
    agency: 'CUSTOMS',
    focal: 'focal.customs@hundred.example',
    partners: ['MODEE'],
    sponsor: 'sg.customs@hundred.example',
    lead: 'lead.parcels@hundred.example',
    members: ['member.ports@hundred.example', 'member.modee@hundred.example'],
    titleAr: 'تخليص طرود التجارة الإلكترونية خلال 24 ساعة',
    titleEn: 'Clear e-commerce parcels within 24 hours',
    problemAr: 'يستغرق تخليص الطرد الصغير أربعة أيام بسبب إجراءات ورقية.',
    problemEn: 'A small parcel takes four days to clear because of paper procedures.',
    goalAr: 'تخليص مسبق إلكتروني للطرود الصغيرة',
    goalEn: 'Electronic pre-clearance of small parcels',
    indicator: 'Average customs clearance time (days)',
    kpis: [
      {
        nameAr: 'متوسط ساعات التخليص',
        nameEn: 'Average hours to clear',
        unit: 'HOURS',
        direction: 'DECREASE',
        baseline: 96,
        target: 24,
        dataSource: 'نظام أسيكودا الجمركي',
        weekly: [95, 94, 92, 90, 90, 88, 87],
      },
    ],
    reviewers: [R.moi, R.health],
    assessments: [
      {
        reviewer: R.moi,
        scores: [2, 3, 1, 2, 2],
        comments: NOTE('', '', 'تبادل البيانات مع الاقتصاد الرقمي متوقف', 'العائق تشريعي وخارج يد الفريق', ''),
        recommendation: 'ESCALATE',
        comment: 'يحتاج الفريق قراراً وزارياً بشأن تبادل البيانات.',
      },
      {
        reviewer: R.health,
        scores: [3, 3, 4, 2, 3],
        comments: NOTE('', '', 'التعاون جيد على مستوى الفريق', '', ''),
        recommendation: 'ESCALATE',
        comment: 'العائق في التعليمات النافذة، لا في الفريق.',
      },
    ],
    decision: { decision: 'ESCALATE', reason: 'تبادل البيانات بين الجهتين يحتاج قراراً من القيادة.' },
  },
  {
    agency: 'VTC',
    focal: 'focal.vtc@hundred.example',
    partners: ['MOL'],
    sponsor: 'sg.vtc@hundred.example',
    lead: 'lead.solar@hundred.example',
    members: ['member.mol@hundred.example', 'member.mpwh@hundred.example'],
    titleAr: 'اعتماد 500 فني طاقة شمسية',
    titleEn: 'Certify 500 solar technicians',
    problemAr: 'يفتقر سوق الطاقة الشمسية إلى فنيين معتمدين.',
    problemEn: 'The solar market lacks certified technicians.',
    goalAr: 'تدريب واعتماد 500 فني',
    goalEn: 'Train and certify 500 technicians',
    indicator: 'Employment of vocational graduates (%)',
    kpis: [
      {
        nameAr: 'عدد الفنيين المعتمدين',
        nameEn: 'Technicians certified',
        unit: 'NUMBER',
        direction: 'INCREASE',
        baseline: 0,
        target: 500,
        dataSource: 'سجلات الاعتماد في مؤسسة التدريب المهني',
        weekly: [0, 0, 5, 5, 8, 8, 10],
      },
    ],
    reviewers: [R.health, R.works],
    assessments: [
      {
        reviewer: R.health,
        scores: [1, 2, 2, 1, 1],
        comments: NOTE('عشرة فنيين فقط من 500', '', '', 'لم يُعالج نقص المدربين', 'غير ممكن'),
        recommendation: 'STOP',
        comment: 'الهدف غير قابل للتحقيق في المدة المتبقية.',
      },
      {
        reviewer: R.works,
        scores: [1, 3, 2, 2, 1],
        comments: NOTE('', '', '', '', 'يُعاد طرحه في دفعة لاحقة'),
        recommendation: 'STOP',
        comment: 'أوصي بإيقافه وإعادة صياغته لدفعة قادمة.',
      },
    ],
    decision: { decision: 'STOP', reason: 'لم تُطرح دورة الاعتماد بعد ولا يمكن بلوغ المستهدف في المدة المتبقية.' },
  },
  {
    agency: 'MOH',
    focal: 'focal.health@hundred.example',
    partners: ['MODEE'],
    sponsor: 'sg.health@hundred.example',
    lead: 'lead.discharge@hundred.example',
    members: ['member.modee@hundred.example', 'member.moi@hundred.example'],
    titleAr: 'إنجاز إجراءات الخروج من المستشفى خلال ساعة',
    titleEn: 'Hospital discharge paperwork within one hour',
    problemAr: 'ينتظر المريض خمس ساعات بعد قرار الخروج لإنهاء الأوراق.',
    problemEn: 'Patients wait five hours after the discharge decision to finish the paperwork.',
    goalAr: 'خروج المريض خلال ساعة من قرار الطبيب',
    goalEn: 'Discharge within an hour of the doctor’s decision',
    indicator: 'Average patient waiting time (minutes)',
    kpis: [
      {
        nameAr: 'متوسط دقائق إجراءات الخروج',
        nameEn: 'Average minutes of discharge paperwork',
        unit: 'MINUTES',
        direction: 'DECREASE',
        baseline: 300,
        target: 60,
        dataSource: 'نظام حكيم للمستشفيات',
        weekly: [290, 270, 250, 230, 210, 195, 180],
      },
    ],
    reviewers: [R.pmo, R.moi, R.demo],
    assessments: [
      {
        reviewer: R.pmo,
        scores: [5, 4, 4, 4, 4],
        comments: NOTE('انخفاض واضح كل أسبوع', '', '', '', 'ممكن بالوتيرة الحالية'),
        recommendation: 'CONTINUE',
        comment: 'تقدّم واضح ومقاس.',
      },
      {
        reviewer: R.moi,
        scores: [2, 3, 4, 3, 2],
        comments: NOTE('التحسن في مستشفى واحد فقط', 'الأرقام من مستشفى تجريبي واحد', '', '', 'التعميم غير مضمون'),
        recommendation: 'COURSE_CORRECT',
        comment: 'يجب التوسع إلى مستشفيين آخرين قبل الحكم على التقدّم.',
      },
    ],
  },
];
