import type { GlobalRole, KpiDirection } from '@hundred/domain';

/**
 * Day 100 and after in the demo: the people and teams of a cohort in sustainment (one team of each
 * outcome, one closed as scaled) and of a cohort whose teams are writing their day-100 reports.
 */
export const RESULTS_PEOPLE: { email: string; nameAr: string; nameEn: string; agency: string; roles: GlobalRole[] }[] =
  [
    { email: 'lead.clinics@hundred.example', nameAr: 'هالة الزعبي', nameEn: 'Hala Zoubi', agency: 'MOH', roles: [] },
    {
      email: 'sponsor.clinics@hundred.example',
      nameAr: 'د. فراس الحياري',
      nameEn: 'Dr. Firas Hiyari',
      agency: 'MOH',
      roles: [],
    },
    { email: 'lead.schools@hundred.example', nameAr: 'باسل القضاة', nameEn: 'Basel Qudah', agency: 'MOE', roles: [] },
    {
      email: 'sponsor.schools@hundred.example',
      nameAr: 'د. منى العمري',
      nameEn: 'Dr. Mona Omari',
      agency: 'MOE',
      roles: [],
    },
    {
      email: 'lead.customs@hundred.example',
      nameAr: 'طارق النسور',
      nameEn: 'Tareq Nsour',
      agency: 'CUSTOMS',
      roles: [],
    },
    {
      email: 'sponsor.customs@hundred.example',
      nameAr: 'اللواء سامي الخصاونة',
      nameEn: 'Maj. Gen. Sami Khasawneh',
      agency: 'CUSTOMS',
      roles: [],
    },
    {
      email: 'lead.waste@hundred.example',
      nameAr: 'رزان الطراونة',
      nameEn: 'Razan Tarawneh',
      agency: 'CAPITAL',
      roles: [],
    },
    {
      email: 'sponsor.waste@hundred.example',
      nameAr: 'م. يوسف الشواربة',
      nameEn: 'Eng. Yousef Shawarbeh',
      agency: 'CAPITAL',
      roles: [],
    },
    {
      email: 'lead.renewals@hundred.example',
      nameAr: 'نادين السرحان',
      nameEn: 'Nadine Sarhan',
      agency: 'DVLD',
      roles: [],
    },
    {
      email: 'sponsor.renewals@hundred.example',
      nameAr: 'العميد هاني الرواشدة',
      nameEn: 'Brig. Hani Rawashdeh',
      agency: 'DVLD',
      roles: [],
    },
    { email: 'member.results@hundred.example', nameAr: 'جنى الحمود', nameEn: 'Jana Hmoud', agency: 'MODEE', roles: [] },
  ];

export interface ResultsKpi {
  nameAr: string;
  nameEn: string;
  unit: 'DAYS' | 'PERCENT' | 'NUMBER' | 'HOURS';
  direction: KpiDirection;
  baseline: number;
  target: number;
  /** The value on day 100 (the day-100 report). */
  final: number;
  /** A target the office moved during the 100 days (the original stays on record). */
  changedTarget?: number;
  /** Values reported at the checkpoints reported. */
  checkpoints: number[];
}

export interface ResultsTeam {
  key: 'ACHIEVED' | 'PARTIAL' | 'NOT_ACHIEVED' | 'SCALED' | 'REPORTING';
  titleAr: string;
  titleEn: string;
  agency: string;
  partner: string;
  focal: string;
  lead: string;
  sponsor: string;
  goalAr: string;
  goalEn: string;
  kpis: ResultsKpi[];
  narrative: string;
  lessons: string;
  scaling: string;
  actionAr: string;
  actionEn: string;
}

export const RESULTS_TEAMS: ResultsTeam[] = [
  {
    key: 'ACHIEVED',
    titleAr: 'مواعيد العيادات التخصصية خلال أسبوعين',
    titleEn: 'Specialist clinic appointments within two weeks',
    agency: 'MOH',
    partner: 'MODEE',
    focal: 'focal.health@hundred.example',
    lead: 'lead.clinics@hundred.example',
    sponsor: 'sponsor.clinics@hundred.example',
    goalAr: 'تقليص انتظار موعد العيادة التخصصية إلى 15 يوماً',
    goalEn: 'Cut the wait for a specialist appointment to 15 days',
    kpis: [
      {
        nameAr: 'متوسط أيام انتظار الموعد',
        nameEn: 'Average days to an appointment',
        unit: 'DAYS',
        direction: 'DECREASE',
        baseline: 45,
        target: 15,
        final: 14,
        checkpoints: [13],
      },
      {
        nameAr: 'نسبة المواعيد المحجوزة إلكترونياً',
        nameEn: 'Appointments booked online',
        unit: 'PERCENT',
        direction: 'INCREASE',
        baseline: 20,
        target: 60,
        final: 62,
        checkpoints: [66],
      },
    ],
    narrative: 'وحّدنا جدولة العيادات في المستشفيات الخمسة وربطنا الحجز بتطبيق سند.',
    lessons: 'إشراك رؤساء الأقسام من الأسبوع الأول اختصر مقاومة التغيير.',
    scaling: 'تطبيق الجدولة الموحّدة على عيادات الأسنان والعيون.',
    actionAr: 'اعتماد الجدولة الموحّدة في تعليمات وزارة الصحة',
    actionEn: 'Make unified scheduling part of the ministry instructions',
  },
  {
    key: 'PARTIAL',
    titleAr: 'انتقال الطلبة بين المدارس إلكترونياً',
    titleEn: 'School transfers online',
    agency: 'MOE',
    partner: 'MODEE',
    focal: 'focal.moe@hundred.example',
    lead: 'lead.schools@hundred.example',
    sponsor: 'sponsor.schools@hundred.example',
    goalAr: 'إنجاز طلبات نقل الطلبة إلكترونياً خلال 4 أيام',
    goalEn: 'Complete student transfer requests online within 4 days',
    kpis: [
      {
        nameAr: 'نسبة طلبات النقل الإلكترونية',
        nameEn: 'Transfer requests filed online',
        unit: 'PERCENT',
        direction: 'INCREASE',
        baseline: 40,
        target: 80,
        final: 65,
        checkpoints: [],
      },
      {
        nameAr: 'أيام إنجاز طلب النقل',
        nameEn: 'Days to complete a transfer',
        unit: 'DAYS',
        direction: 'DECREASE',
        baseline: 12,
        target: 4,
        changedTarget: 5,
        final: 7,
        checkpoints: [],
      },
    ],
    narrative: 'أطلقنا النموذج الإلكتروني في ثلاث مديريات، وتأخر الربط مع نظام إدارة المدارس.',
    lessons: 'الربط بين الأنظمة يحتاج اتفاقية بيانات قبل الإطلاق.',
    scaling: 'النموذج الإلكتروني لبقية المديريات بعد إتمام الربط.',
    actionAr: 'إتمام الربط مع نظام إدارة المدارس',
    actionEn: 'Complete the link with the school management system',
  },
  {
    key: 'NOT_ACHIEVED',
    titleAr: 'تخليص الحاويات خلال يوم واحد',
    titleEn: 'Container clearance within one day',
    agency: 'CUSTOMS',
    partner: 'PORTS',
    focal: 'focal.customs@hundred.example',
    lead: 'lead.customs@hundred.example',
    sponsor: 'sponsor.customs@hundred.example',
    goalAr: 'رفع عدد الحاويات المخلّصة يومياً عبر المسار الأخضر',
    goalEn: 'More containers cleared a day through the green lane',
    kpis: [
      {
        nameAr: 'الحاويات المخلّصة يومياً عبر المسار الأخضر',
        nameEn: 'Containers cleared a day in the green lane',
        unit: 'NUMBER',
        direction: 'INCREASE',
        baseline: 100,
        target: 400,
        final: 160,
        checkpoints: [],
      },
    ],
    narrative: 'تأخر توريد أجهزة الفحص بالأشعة، فبقي المسار الأخضر محدوداً.',
    lessons: 'التحديات المعتمدة على التوريد تحتاج خطة بديلة من اليوم الأول.',
    scaling: 'لا توصية بالتعميم قبل تشغيل أجهزة الفحص.',
    actionAr: 'تشغيل أجهزة الفحص بالأشعة في المعبر الرئيسي',
    actionEn: 'Run the X-ray scanners at the main crossing',
  },
  {
    key: 'SCALED',
    titleAr: 'جمع النفايات حسب الطلب في أحياء العاصمة',
    titleEn: 'On-demand waste collection in the capital',
    agency: 'CAPITAL',
    partner: 'MOLA',
    focal: 'focal.capital@hundred.example',
    lead: 'lead.waste@hundred.example',
    sponsor: 'sponsor.waste@hundred.example',
    goalAr: 'الاستجابة لبلاغات النفايات خلال 3 ساعات',
    goalEn: 'Answer waste reports within 3 hours',
    kpis: [
      {
        nameAr: 'ساعات الاستجابة للبلاغ',
        nameEn: 'Hours to answer a report',
        unit: 'HOURS',
        direction: 'DECREASE',
        baseline: 10,
        target: 3,
        final: 3,
        checkpoints: [2.5],
      },
    ],
    narrative: 'شغّلنا غرفة عمليات واحدة للبلاغات ووزّعنا الضاغطات حسب الطلب.',
    lessons: 'البيانات اللحظية عن البلاغات كانت مفتاح توزيع الآليات.',
    scaling: 'تعميم غرفة العمليات على بلديات إربد والزرقاء.',
    actionAr: 'نقل غرفة العمليات إلى موازنة الأمانة الدائمة',
    actionEn: 'Move the operations room to the municipality budget',
  },
  {
    key: 'REPORTING',
    titleAr: 'تجديد رخصة القيادة دون مراجعة',
    titleEn: 'Renew a driving licence without a visit',
    agency: 'DVLD',
    partner: 'MODEE',
    focal: 'focal.dvld@hundred.example',
    lead: 'lead.renewals@hundred.example',
    sponsor: 'sponsor.renewals@hundred.example',
    goalAr: 'تجديد الرخص إلكترونياً خلال 7 أيام',
    goalEn: 'Renew licences online within 7 days',
    kpis: [
      {
        nameAr: 'أيام تجديد الرخصة',
        nameEn: 'Days to renew a licence',
        unit: 'DAYS',
        direction: 'DECREASE',
        baseline: 21,
        target: 7,
        final: 7,
        checkpoints: [],
      },
      {
        nameAr: 'نسبة التجديد الإلكتروني',
        nameEn: 'Renewals done online',
        unit: 'PERCENT',
        direction: 'INCREASE',
        baseline: 30,
        target: 70,
        final: 72,
        checkpoints: [],
      },
    ],
    narrative: '',
    lessons: '',
    scaling: '',
    actionAr: 'اعتماد التجديد الإلكتروني في نظام الترخيص',
    actionEn: 'Make online renewal part of the licensing rules',
  },
];
