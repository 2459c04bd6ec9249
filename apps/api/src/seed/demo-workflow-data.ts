import type { GlobalRole } from '@hundred/domain';

/** People behind the demo challenges and teams (besides the demo sign-ins). */
export const DEMO_PEOPLE: { email: string; nameAr: string; nameEn: string; agency: string; roles: GlobalRole[] }[] = [
  {
    email: 'focal.capital@hundred.example',
    nameAr: 'رامي الشريف',
    nameEn: 'Rami Al-Sharif',
    agency: 'CAPITAL',
    roles: ['FOCAL_POINT'],
  },
  {
    email: 'focal.dvld@hundred.example',
    nameAr: 'هالة النمري',
    nameEn: 'Hala Al-Nimri',
    agency: 'DVLD',
    roles: ['FOCAL_POINT'],
  },
  {
    email: 'focal.vtc@hundred.example',
    nameAr: 'يوسف العبادي',
    nameEn: 'Yousef Al-Abbadi',
    agency: 'VTC',
    roles: ['FOCAL_POINT'],
  },
  {
    email: 'focal.customs@hundred.example',
    nameAr: 'دينا الخوري',
    nameEn: 'Dina Khoury',
    agency: 'CUSTOMS',
    roles: ['FOCAL_POINT'],
  },
  {
    email: 'focal.modee@hundred.example',
    nameAr: 'طارق الحديدي',
    nameEn: 'Tareq Al-Hadidi',
    agency: 'MODEE',
    roles: ['FOCAL_POINT'],
  },
  {
    email: 'focal.istd@hundred.example',
    nameAr: 'نور الزعبي',
    nameEn: 'Nour Al-Zoubi',
    agency: 'ISTD',
    roles: ['FOCAL_POINT'],
  },
  {
    email: 'focal.moe@hundred.example',
    nameAr: 'ريم الطراونة',
    nameEn: 'Reem Tarawneh',
    agency: 'MOE',
    roles: ['FOCAL_POINT'],
  },
  {
    email: 'minister2@hundred.example',
    nameAr: 'م. سامي القاسم',
    nameEn: 'Eng. Sami Al-Qasem',
    agency: 'PMO',
    roles: ['LEADERSHIP'],
  },
  {
    email: 'sg.capital@hundred.example',
    nameAr: 'م. عادل المومني',
    nameEn: 'Eng. Adel Momani',
    agency: 'CAPITAL',
    roles: [],
  },
  {
    email: 'sg.health@hundred.example',
    nameAr: 'د. منى حدادين',
    nameEn: 'Dr. Muna Haddadin',
    agency: 'MOH',
    roles: [],
  },
  {
    email: 'sg.dvld@hundred.example',
    nameAr: 'العميد فراس الخالدي',
    nameEn: 'Brig. Firas Al-Khaldi',
    agency: 'DVLD',
    roles: [],
  },
  {
    email: 'sg.customs@hundred.example',
    nameAr: 'جمال الصرايرة',
    nameEn: 'Jamal Sarayreh',
    agency: 'CUSTOMS',
    roles: [],
  },
  { email: 'sg.vtc@hundred.example', nameAr: 'م. لينا عبيدات', nameEn: 'Eng. Lina Obeidat', agency: 'VTC', roles: [] },
  {
    email: 'lead.permits@hundred.example',
    nameAr: 'بلال العمري',
    nameEn: 'Bilal Al-Omari',
    agency: 'CAPITAL',
    roles: [],
  },
  {
    email: 'lead.health@hundred.example',
    nameAr: 'د. سلمى القضاة',
    nameEn: 'Dr. Salma Qudah',
    agency: 'MOH',
    roles: [],
  },
  {
    email: 'lead.licences@hundred.example',
    nameAr: 'أحمد الرواشدة',
    nameEn: 'Ahmad Rawashdeh',
    agency: 'DVLD',
    roles: [],
  },
  { email: 'lead.port@hundred.example', nameAr: 'كريم الفايز', nameEn: 'Karim Al-Fayez', agency: 'PORTS', roles: [] },
  { email: 'lead.skills@hundred.example', nameAr: 'ميس الحوراني', nameEn: 'Mais Hourani', agency: 'VTC', roles: [] },
  { email: 'coach@hundred.example', nameAr: 'سوسن المجالي', nameEn: 'Sawsan Majali', agency: 'PMO', roles: [] },
  { email: 'member.mpwh@hundred.example', nameAr: 'حسام الكردي', nameEn: 'Hussam Kurdi', agency: 'MPWH', roles: [] },
  { email: 'member.modee@hundred.example', nameAr: 'رنا عواد', nameEn: 'Rana Awad', agency: 'MODEE', roles: [] },
  { email: 'member.moi@hundred.example', nameAr: 'معاذ الجبور', nameEn: 'Moath Jbour', agency: 'MOI', roles: [] },
  { email: 'member.ports@hundred.example', nameAr: 'علا الرفاعي', nameEn: 'Ola Rifai', agency: 'PORTS', roles: [] },
  { email: 'member.mol@hundred.example', nameAr: 'زيد البطاينة', nameEn: 'Zaid Btaineh', agency: 'MOL', roles: [] },
];

/** The goals and KPIs of each approved demo challenge's team, and its weekly values so far. */
export interface DemoKpi {
  nameAr: string;
  nameEn: string;
  unit: 'PERCENT' | 'NUMBER' | 'DAYS' | 'HOURS' | 'MINUTES' | 'CURRENCY';
  direction: 'INCREASE' | 'DECREASE';
  baseline: number;
  target: number;
  dataSource: string;
  /** Values reported in weeks 1, 2, 3… (null: not reported that week). */
  weekly: (number | null)[];
}
export interface DemoTeam {
  challengeTitleEn: string;
  members: string[];
  goalAr: string;
  goalEn: string;
  kpis: DemoKpi[];
  confidence: ('LOW' | 'MEDIUM' | 'HIGH')[];
}
export const DEMO_TEAMS: DemoTeam[] = [
  {
    challengeTitleEn: 'Cut the time to issue a building permit from 30 days to 7',
    members: ['member.mpwh@hundred.example', 'member.modee@hundred.example'],
    goalAr: 'إصدار رخص السكن الفردي خلال 7 أيام',
    goalEn: 'Issue single-family home permits within 7 days',
    kpis: [
      {
        nameAr: 'متوسط أيام إصدار الرخصة',
        nameEn: 'Average days to issue a permit',
        unit: 'DAYS',
        direction: 'DECREASE',
        baseline: 30,
        target: 7,
        dataSource: 'نظام الرخص الإلكتروني في أمانة العاصمة',
        weekly: [28, 26, 24],
      },
      {
        nameAr: 'نسبة الطلبات المقدمة إلكترونياً',
        nameEn: 'Applications filed online',
        unit: 'PERCENT',
        direction: 'INCREASE',
        baseline: 35,
        target: 80,
        dataSource: 'لوحة بيانات البوابة الإلكترونية',
        weekly: [38, 43, 46],
      },
    ],
    confidence: ['MEDIUM', 'HIGH', 'HIGH'],
  },
  {
    challengeTitleEn: "Halve patients' waiting time at comprehensive health centres",
    members: ['member.modee@hundred.example', 'member.moi@hundred.example'],
    goalAr: 'خفض زمن الانتظار في عشرة مراكز صحية شاملة',
    goalEn: 'Cut waiting time in ten comprehensive health centres',
    kpis: [
      {
        nameAr: 'متوسط زمن الانتظار',
        nameEn: 'Average waiting time',
        unit: 'MINUTES',
        direction: 'DECREASE',
        baseline: 94,
        target: 45,
        dataSource: 'نظام المواعيد وسجلات الاستقبال',
        weekly: [93, 92, 91],
      },
    ],
    confidence: ['MEDIUM', 'LOW', 'LOW'],
  },
  {
    challengeTitleEn: 'Double online driving-licence renewals in one governorate',
    members: ['member.moi@hundred.example', 'member.modee@hundred.example'],
    goalAr: 'مضاعفة التجديد الإلكتروني في محافظة إربد',
    goalEn: 'Double online renewals in Irbid',
    kpis: [
      {
        nameAr: 'نسبة التجديد الإلكتروني',
        nameEn: 'Share of renewals online',
        unit: 'PERCENT',
        direction: 'INCREASE',
        baseline: 18,
        target: 36,
        dataSource: 'نظام ترخيص السواقين',
        weekly: [19, 21, 22],
      },
    ],
    confidence: ['HIGH', 'MEDIUM', 'MEDIUM'],
  },
  {
    challengeTitleEn: 'Cut container clearance at the port from 5 days to 2',
    members: ['member.ports@hundred.example', 'member.modee@hundred.example'],
    goalAr: 'الإفراج عن الحاويات خلال يومين',
    goalEn: 'Release containers within two days',
    kpis: [
      {
        nameAr: 'متوسط زمن التخليص',
        nameEn: 'Average clearance time',
        unit: 'DAYS',
        direction: 'DECREASE',
        baseline: 5,
        target: 2,
        dataSource: 'نظام أسيكودا الجمركي',
        weekly: [4.8, null, null],
      },
    ],
    confidence: ['MEDIUM'],
  },
  {
    challengeTitleEn: 'Raise the employment of vocational-training graduates to 60 %',
    members: ['member.mol@hundred.example', 'member.modee@hundred.example'],
    goalAr: 'ربط الخريجين بفرص عمل مع أصحاب العمل',
    goalEn: 'Match graduates with employers',
    kpis: [
      {
        nameAr: 'نسبة توظيف الخريجين',
        nameEn: 'Graduates employed',
        unit: 'PERCENT',
        direction: 'INCREASE',
        baseline: 41,
        target: 60,
        dataSource: 'مسح التتبع الوظيفي للخريجين',
        weekly: [42, 43.5, 45],
      },
      {
        nameAr: 'عدد أصحاب العمل الشركاء',
        nameEn: 'Partner employers',
        unit: 'NUMBER',
        direction: 'INCREASE',
        baseline: 12,
        target: 40,
        dataSource: 'اتفاقيات التدريب الموقعة',
        weekly: [15, 19, 24],
      },
    ],
    confidence: ['HIGH', 'HIGH', 'MEDIUM'],
  },
];

/** The alignment tree: a national vision, its pillars, objectives and indicators. */
export interface DemoNode {
  key: string;
  nameAr: string;
  nameEn: string;
  children?: DemoNode[];
}
export const DEMO_ALIGNMENT: DemoNode = {
  key: 'VISION',
  nameAr: 'رؤية التحديث الاقتصادي 2033',
  nameEn: 'Economic Modernisation Vision 2033',
  children: [
    {
      key: 'P_PUBLIC',
      nameAr: 'قطاع عام كفؤ',
      nameEn: 'Efficient public sector',
      children: [
        {
          key: 'O_DIGITAL',
          nameAr: 'خدمات حكومية أسرع ورقمية',
          nameEn: 'Faster, digital government services',
          children: [
            {
              key: 'I_DIGITAL_SHARE',
              nameAr: 'نسبة الخدمات المقدمة رقمياً (%)',
              nameEn: 'Share of services delivered digitally (%)',
            },
            {
              key: 'I_COMPLAINTS',
              nameAr: 'نسبة الشكاوى المغلقة خلال 72 ساعة (%)',
              nameEn: 'Complaints closed within 72 hours (%)',
            },
          ],
        },
      ],
    },
    {
      key: 'P_ECONOMY',
      nameAr: 'اقتصاد مستدام',
      nameEn: 'Sustainable economy',
      children: [
        {
          key: 'O_BUSINESS',
          nameAr: 'بيئة أعمال أفضل',
          nameEn: 'A better business environment',
          children: [
            {
              key: 'I_PERMIT_DAYS',
              nameAr: 'متوسط أيام إصدار رخصة البناء',
              nameEn: 'Average days to issue a building permit',
            },
            {
              key: 'I_CLEARANCE',
              nameAr: 'متوسط زمن التخليص الجمركي (أيام)',
              nameEn: 'Average customs clearance time (days)',
            },
          ],
        },
        {
          key: 'O_JOBS',
          nameAr: 'فرص عمل للشباب',
          nameEn: 'Jobs for young people',
          children: [
            {
              key: 'I_VTC_EMPLOYMENT',
              nameAr: 'نسبة توظيف خريجي التدريب المهني (%)',
              nameEn: 'Employment of vocational graduates (%)',
            },
          ],
        },
      ],
    },
    {
      key: 'P_LIFE',
      nameAr: 'جودة الحياة',
      nameEn: 'Quality of life',
      children: [
        {
          key: 'O_HEALTH',
          nameAr: 'خدمات صحية أفضل',
          nameEn: 'Better health services',
          children: [
            {
              key: 'I_WAIT',
              nameAr: 'متوسط زمن انتظار المراجعين (دقيقة)',
              nameEn: 'Average patient waiting time (minutes)',
            },
          ],
        },
        {
          key: 'O_EDUCATION',
          nameAr: 'تعليم أفضل',
          nameEn: 'Better education',
          children: [
            {
              key: 'I_TEXTBOOKS',
              nameAr: 'نسبة المدارس المستلمة للكتب قبل بدء العام (%)',
              nameEn: 'Schools with textbooks before term (%)',
            },
          ],
        },
      ],
    },
  ],
};

export type DemoTarget =
  | 'DRAFT'
  | 'SUBMITTED'
  | 'IN_SCREENING'
  | 'RETURNED'
  | 'RECOMMENDED'
  | 'APPROVED'
  | 'REJECTED'
  | 'DEFERRED'
  | 'WITHDRAWN';

export interface DemoChallenge {
  cohort: 'INTAKE' | 'EXECUTION';
  target: DemoTarget;
  agency: string;
  focal: string;
  partners: string[];
  tags: string[];
  sponsor?: string;
  lead?: string;
  titleAr: string;
  titleEn: string;
  problemAr: string;
  problemEn: string;
  whyAr: string;
  whyEn: string;
  baselineAr: string;
  baselineEn: string;
  ambitionAr: string;
  ambitionEn: string;
  /** Why it was returned, declined, rejected or deferred. */
  note?: string;
}

export const DEMO_CHALLENGES: DemoChallenge[] = [
  {
    cohort: 'EXECUTION',
    target: 'APPROVED',
    agency: 'CAPITAL',
    focal: 'focal.capital@hundred.example',
    partners: ['MPWH', 'MODEE'],
    tags: ['I_PERMIT_DAYS'],
    sponsor: 'sg.capital@hundred.example',
    lead: 'lead.permits@hundred.example',
    titleAr: 'تقليص مدة إصدار رخصة البناء من 30 يوماً إلى 7 أيام',
    titleEn: 'Cut the time to issue a building permit from 30 days to 7',
    problemAr: 'يمر طلب رخصة البناء بتسع موافقات متتابعة لدى ثلاث جهات، ويستغرق 30 يوماً في المتوسط.',
    problemEn: 'A building permit passes nine sequential approvals in three agencies and takes 30 days on average.',
    whyAr: 'يؤخر التأخير بناء المساكن ويرفع كلفتها على الأسر والمستثمرين.',
    whyEn: 'Delays hold back housing and raise its cost for families and investors.',
    baselineAr: '30 يوماً في المتوسط (2026)',
    baselineEn: '30 days on average (2026)',
    ambitionAr: '7 أيام لرخص السكن الفردي',
    ambitionEn: '7 days for single-family homes',
  },
  {
    cohort: 'EXECUTION',
    target: 'APPROVED',
    agency: 'MOH',
    focal: 'focal.health@hundred.example',
    partners: ['MODEE'],
    tags: ['I_WAIT'],
    sponsor: 'sg.health@hundred.example',
    lead: 'lead.health@hundred.example',
    titleAr: 'خفض زمن انتظار المراجعين في المراكز الصحية الشاملة إلى النصف',
    titleEn: "Halve patients' waiting time at comprehensive health centres",
    problemAr: 'ينتظر المراجع 94 دقيقة في المتوسط قبل رؤية الطبيب في المراكز الصحية الشاملة.',
    problemEn: 'Patients wait 94 minutes on average before seeing a doctor at comprehensive health centres.',
    whyAr: 'الانتظار الطويل يبعد المرضى عن الرعاية الأولية ويزدحم به قسم الطوارئ.',
    whyEn: 'Long waits push patients away from primary care and crowd emergency departments.',
    baselineAr: '94 دقيقة',
    baselineEn: '94 minutes',
    ambitionAr: '45 دقيقة في عشرة مراكز',
    ambitionEn: '45 minutes in ten centres',
  },
  {
    cohort: 'EXECUTION',
    target: 'APPROVED',
    agency: 'DVLD',
    focal: 'focal.dvld@hundred.example',
    partners: ['MODEE', 'MOI'],
    tags: ['I_DIGITAL_SHARE'],
    sponsor: 'sg.dvld@hundred.example',
    lead: 'lead.licences@hundred.example',
    titleAr: 'مضاعفة عدد طلبات تجديد رخصة القيادة إلكترونياً في إحدى المحافظات',
    titleEn: 'Double online driving-licence renewals in one governorate',
    problemAr: 'لا يجدد إلكترونياً إلا 18% من السائقين رغم توفر الخدمة منذ عامين.',
    problemEn: 'Only 18 % of drivers renew online although the service has existed for two years.',
    whyAr: 'يوفر التجديد الإلكتروني على المواطن زيارة ونصف يوم عمل.',
    whyEn: 'Renewing online saves each citizen a visit and half a working day.',
    baselineAr: '18% من التجديدات',
    baselineEn: '18 % of renewals',
    ambitionAr: '36% في محافظة إربد',
    ambitionEn: '36 % in Irbid governorate',
  },
  {
    cohort: 'EXECUTION',
    target: 'APPROVED',
    agency: 'CUSTOMS',
    focal: 'focal.customs@hundred.example',
    partners: ['PORTS', 'MOH'],
    tags: ['I_CLEARANCE'],
    sponsor: 'sg.customs@hundred.example',
    lead: 'lead.port@hundred.example',
    titleAr: 'تقليص زمن تخليص الحاويات في الميناء من 5 أيام إلى يومين',
    titleEn: 'Cut container clearance at the port from 5 days to 2',
    problemAr: 'تنتظر الحاوية خمسة أيام بين التفريغ والإفراج بسبب تكرار الفحص وتعدد الجهات.',
    problemEn: 'A container waits five days between unloading and release because of repeated inspections.',
    whyAr: 'كل يوم انتظار يرفع أسعار السلع على المستهلك.',
    whyEn: 'Every day of waiting raises prices for consumers.',
    baselineAr: '5 أيام',
    baselineEn: '5 days',
    ambitionAr: 'يومان',
    ambitionEn: '2 days',
  },
  {
    cohort: 'EXECUTION',
    target: 'APPROVED',
    agency: 'VTC',
    focal: 'focal.vtc@hundred.example',
    partners: ['MOL'],
    tags: ['I_VTC_EMPLOYMENT'],
    sponsor: 'sg.vtc@hundred.example',
    lead: 'lead.skills@hundred.example',
    titleAr: 'رفع نسبة توظيف خريجي التدريب المهني إلى 60%',
    titleEn: 'Raise the employment of vocational-training graduates to 60 %',
    problemAr: 'يعمل 41% فقط من الخريجين خلال ستة أشهر من التخرج.',
    problemEn: 'Only 41 % of graduates are employed within six months.',
    whyAr: 'بطالة الشباب المدرَّبين هدر لسنوات من التدريب ولفرص أسرهم.',
    whyEn: 'Unemployed trained youth waste years of training and their families’ chances.',
    baselineAr: '41%',
    baselineEn: '41 %',
    ambitionAr: '60%',
    ambitionEn: '60 %',
  },
  {
    cohort: 'EXECUTION',
    target: 'REJECTED',
    agency: 'MOE',
    focal: 'focal.moe@hundred.example',
    partners: [],
    tags: ['I_TEXTBOOKS'],
    titleAr: 'بناء عشر مدارس جديدة في المناطق النائية',
    titleEn: 'Build ten new schools in remote areas',
    problemAr: 'تعاني المناطق النائية من اكتظاظ الصفوف.',
    problemEn: 'Remote areas suffer from crowded classrooms.',
    whyAr: 'يحتاج الطلاب إلى صفوف أقل اكتظاظاً.',
    whyEn: 'Students need less crowded classrooms.',
    baselineAr: '48 طالباً في الصف',
    baselineEn: '48 students per class',
    ambitionAr: '30 طالباً في الصف',
    ambitionEn: '30 students per class',
    note: 'مشروع إنشائي لا يتحقق خلال 100 يوم؛ يُحال إلى الخطة الرأسمالية.',
  },
  {
    cohort: 'EXECUTION',
    target: 'DEFERRED',
    agency: 'ISTD',
    focal: 'focal.istd@hundred.example',
    partners: ['MODEE'],
    tags: ['I_DIGITAL_SHARE'],
    sponsor: undefined,
    titleAr: 'رفع نسبة الإقرارات الضريبية الإلكترونية للمنشآت الصغيرة إلى 80%',
    titleEn: 'Raise tax e-filing by small businesses to 80 %',
    problemAr: 'تقدّم 52% فقط من المنشآت الصغيرة إقراراتها إلكترونياً.',
    problemEn: 'Only 52 % of small businesses file their returns online.',
    whyAr: 'يخفف الإيداع الإلكتروني الأعباء ويقلل الأخطاء.',
    whyEn: 'E-filing eases the burden and cuts errors.',
    baselineAr: '52%',
    baselineEn: '52 %',
    ambitionAr: '80%',
    ambitionEn: '80 %',
    note: 'يتزامن مع إطلاق النظام الضريبي الجديد؛ يُنظر فيه في الدفعة القادمة.',
  },
  {
    cohort: 'INTAKE',
    target: 'RECOMMENDED',
    agency: 'MODEE',
    focal: 'focal.modee@hundred.example',
    partners: ['PMO'],
    tags: ['I_COMPLAINTS'],
    titleAr: 'إغلاق 90% من شكاوى المواطنين خلال 72 ساعة',
    titleEn: 'Close 90 % of citizen complaints within 72 hours',
    problemAr: 'يُغلق 37% فقط من الشكاوى الواردة عبر المنصة الموحدة خلال 72 ساعة.',
    problemEn: 'Only 37 % of complaints on the unified platform are closed within 72 hours.',
    whyAr: 'ثقة المواطن تبدأ من الرد على شكواه في وقتها.',
    whyEn: 'Citizens’ trust starts with an answer to their complaint in time.',
    baselineAr: '37%',
    baselineEn: '37 %',
    ambitionAr: '90%',
    ambitionEn: '90 %',
  },
  {
    cohort: 'INTAKE',
    target: 'IN_SCREENING',
    agency: 'CUSTOMS',
    focal: 'focal.customs@hundred.example',
    partners: ['ISTD'],
    tags: ['I_CLEARANCE'],
    titleAr: 'خفض نسبة المعاينة الجمركية للمستوردين الموثوقين إلى 10%',
    titleEn: 'Cut customs inspections of trusted traders to 10 %',
    problemAr: 'تُعاين 63% من إرساليات المستوردين الموثوقين رغم سجلهم النظيف.',
    problemEn: '63 % of trusted traders’ shipments are inspected despite their clean record.',
    whyAr: 'المعاينة غير الضرورية تؤخر البضائع وترفع كلفتها.',
    whyEn: 'Needless inspections delay goods and raise their cost.',
    baselineAr: '63%',
    baselineEn: '63 %',
    ambitionAr: '10%',
    ambitionEn: '10 %',
  },
  {
    cohort: 'INTAKE',
    target: 'SUBMITTED',
    agency: 'CAPITAL',
    focal: 'focal.capital@hundred.example',
    partners: ['MOLA'],
    tags: ['I_COMPLAINTS'],
    titleAr: 'خفض شكاوى جمع النفايات في العاصمة إلى النصف',
    titleEn: 'Halve waste-collection complaints in the capital',
    problemAr: 'تصل 1,200 شكوى شهرياً عن تأخر جمع النفايات في الأحياء الشرقية.',
    problemEn: '1,200 complaints a month report late waste collection in the eastern districts.',
    whyAr: 'تراكم النفايات يضر بالصحة العامة ويشوه الأحياء.',
    whyEn: 'Uncollected waste harms public health and the neighbourhoods.',
    baselineAr: '1,200 شكوى شهرياً',
    baselineEn: '1,200 complaints a month',
    ambitionAr: '600 شكوى شهرياً',
    ambitionEn: '600 complaints a month',
  },
  {
    cohort: 'INTAKE',
    target: 'RETURNED',
    agency: 'MOE',
    focal: 'focal.moe@hundred.example',
    partners: [],
    tags: ['I_TEXTBOOKS'],
    titleAr: 'وصول الكتب المدرسية إلى 95% من المدارس قبل اليوم الأول',
    titleEn: 'Textbooks in 95 % of schools before the first day',
    problemAr: 'تتأخر الكتب عن بعض المدارس حتى الأسبوع الثالث من الفصل.',
    problemEn: 'Textbooks reach some schools only in the third week of term.',
    whyAr: 'الأسابيع الأولى بلا كتب تضيع على الطلاب.',
    whyEn: 'The first weeks without books are lost to students.',
    baselineAr: 'غير محدد',
    baselineEn: 'Not measured',
    ambitionAr: '95%',
    ambitionEn: '95 %',
    note: 'يرجى تحديد خط الأساس بالأرقام وإضافة الجهات الشريكة في النقل والتوزيع.',
  },
  {
    cohort: 'INTAKE',
    target: 'DRAFT',
    agency: 'DVLD',
    focal: 'focal.dvld@hundred.example',
    partners: ['MOI'],
    tags: [],
    titleAr: 'إصدار رخص القيادة للمرة الأولى خلال يوم واحد',
    titleEn: '',
    problemAr: 'يحتاج إصدار الرخصة الأولى إلى ثلاث زيارات.',
    problemEn: '',
    whyAr: '',
    whyEn: '',
    baselineAr: '',
    baselineEn: '',
    ambitionAr: '',
    ambitionEn: '',
  },
];
