import { type Page } from 'playwright-core';

import {
  apiAs,
  DAY_MS,
  gql,
  MINISTER,
  OFFICE,
  openBrowser,
  PASSWORD,
  PEOPLE_PASSWORD,
  pause,
  screenshot,
  signIn,
  stateBecomes,
  useBrowser,
  walkCohort,
} from './support.js';

const teamState = (page: Page, state: string) => stateBecomes(page, 'team', state);

useBrowser();

it('takes a team from forming through approved goals to a weekly check-in on its KPI chart', async () => {
  // ------------------------------------------------------------------ what the journey needs
  const office = await apiAs(OFFICE);
  const { clock, agencies, alignmentTree } = await gql<{
    clock: { now: string };
    agencies: { id: string; code: string }[];
    alignmentTree: { id: string; active: boolean }[];
  }>(office, '{ clock { now } agencies { id code } alignmentTree { id active } }');
  const now = new Date(clock.now);
  const agency = (code: string) => agencies.find((a) => a.code === code)!.id;
  const suffix = now.getTime().toString(36).slice(-5);

  // Day 1 about ten days away; intake closes, selection ends and goals are due before it.
  const { createCohort: cohort } = await gql<{ createCohort: { id: string } }>(
    office,
    'mutation ($input: CreateCohortInput!) { createCohort(input: $input) { id } }',
    {
      input: {
        nameAr: `دفعة الفرق ${suffix}`,
        nameEn: `Teams cohort ${suffix}`,
        day1: new Date(now.getTime() + 10 * DAY_MS).toISOString().slice(0, 10),
        timeZone: 'Asia/Amman',
        weekendDays: [5, 6],
        approvalsRequired: 1,
        minTeamMembers: 3,
        minTeamAgencies: 2,
        offsets: { intakeOpens: -30, intakeCloses: -6, selectionEnds: -4, goalsDue: -2 },
      },
    },
  );
  // Intake opened in the past: the scheduler opens it at once; the office does if it has not yet.
  await pause(500);
  await walkCohort(office, cohort.id, 'INTAKE');

  // The sponsor and team leader of the lead agency (MOH), a member of another agency and a coach.
  const person = async (local: string, nameAr: string, nameEn: string, code: string) => {
    const email = `${local}.${suffix}@hundred.example`;
    const { createUser } = await gql<{ createUser: { id: string } }>(
      office,
      'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }',
      {
        input: {
          email,
          nameAr,
          nameEn,
          agencyId: agency(code),
          preferredLanguage: 'ar',
          roles: [],
          password: PEOPLE_PASSWORD,
        },
      },
    );
    return { id: createUser.id, email, nameAr };
  };
  const sponsor = await person('sponsor', `د. هالة الراعي ${suffix}`, `Dr. Hala Sponsor ${suffix}`, 'MOH');
  const lead = await person('lead', `م. سامر القائد ${suffix}`, `Eng. Samer Lead ${suffix}`, 'MOH');
  const member = await person('member', `نور العضو ${suffix}`, `Nour Member ${suffix}`, 'MODEE');
  const analyst = await person('analyst', `رامي المحلّل ${suffix}`, `Rami Analyst ${suffix}`, 'MOH');
  const coach = await person('coach', `ليلى المدرّبة ${suffix}`, `Layla Coach ${suffix}`, 'PMO');

  // A challenge of MOH taken to APPROVED: its team forms with the sponsor and the team leader.
  const titleAr = `تقليص مدة ترخيص المنشآت الصحية ${suffix}`;
  const { createChallenge: challenge } = await gql<{ createChallenge: { id: string; version: number } }>(
    office,
    'mutation ($input: CreateChallengeInput!) { createChallenge(input: $input) { id version } }',
    {
      input: {
        cohortId: cohort.id,
        leadAgencyId: agency('MOH'),
        titleAr,
        titleEn: `Cut the time to license a health facility ${suffix}`,
        problemAr: 'يستغرق ترخيص المنشأة الصحية 30 يوماً في المتوسط.',
        whyAr: 'تتأخر الخدمات الصحية الجديدة عن الناس.',
        baselineAr: '30 يوماً في المتوسط.',
        ambitionAr: '7 أيام.',
        alignmentNodeIds: [alignmentTree.find((n) => n.active)!.id],
        proposedSponsorId: sponsor.id,
        proposedTeamLeadId: lead.id,
      },
    },
  );
  type Fired = { version: number; cohort: { rubric: { key: string }[] } };
  const fire = async (name: string, version: number): Promise<Fired> =>
    (
      await gql<Record<string, Fired>>(
        office,
        `mutation ($input: ChallengeEventInput!) { ${name}(input: $input) { version cohort { rubric { key } } } }`,
        { input: { id: challenge.id, version } },
      )
    )[name]!;
  let version = (await fire('submitChallenge', challenge.version)).version;
  const screening = await fire('startChallengeScreening', version);
  const { scoreChallenge } = await gql<{ scoreChallenge: { version: number } }>(
    office,
    'mutation ($input: ScoreChallengeInput!) { scoreChallenge(input: $input) { version } }',
    {
      input: {
        id: challenge.id,
        version: screening.version,
        scores: screening.cohort.rubric.map((c) => ({ criterion: c.key, score: 4, comment: 'مناسب.' })),
      },
    },
  );
  version = (await fire('recommendChallenge', scoreChallenge.version)).version;
  const minister = await apiAs(MINISTER);
  const { approveChallenge } = await gql<{ approveChallenge: { state: string; teamId: string } }>(
    minister,
    'mutation ($input: ChallengeEventInput!) { approveChallenge(input: $input) { state teamId } }',
    { input: { id: challenge.id, version } },
  );
  expect(approveChallenge.state).toBe('APPROVED');
  const teamId = approveChallenge.teamId;

  // The office adds the members (one of another agency) and the coach.
  for (const [userId, role] of [
    [member.id, 'TEAM_MEMBER'],
    [analyst.id, 'TEAM_MEMBER'],
    [coach.id, 'COACH'],
  ] as const) {
    await gql(office, 'mutation ($input: TeamMemberInput!) { addTeamMember(input: $input) { id } }', {
      input: { teamId, userId, role },
    });
  }

  // ------------------------------------------------------------------ the team leader sets the goals
  const leader = await openBrowser();
  await signIn(leader, lead.email, PEOPLE_PASSWORD);
  await leader.getByRole('navigation').getByRole('link', { name: 'الفرق' }).click();
  await leader.getByRole('heading', { level: 1, name: 'الفرق' }).waitFor();
  await leader.getByTestId('teams-table').getByRole('link', { name: titleAr }).click();
  await leader.waitForURL(`**/teams/${teamId}`);
  await leader.getByRole('heading', { level: 1, name: titleAr }).waitFor();
  await teamState(leader, 'قيد التشكيل');
  // The people by role; the cohort's minimums (leader and members: 3 people from 2 agencies) are met.
  const members = leader.getByTestId('team-members');
  await members.getByTestId('members-SPONSOR').getByText(sponsor.nameAr).waitFor();
  await members.getByTestId('members-TEAM_MEMBER').getByText(member.nameAr).waitFor();
  expect(await members.getByTestId('member-minimums').locator('[data-met="true"]').count()).toBe(2);
  // Submitting is blocked until there are goals, and says why.
  await leader.getByTestId('team-event-SUBMIT_GOALS').getByRole('listitem').first().waitFor();

  await leader.getByRole('button', { name: 'إضافة هدف' }).click();
  const goalDialog = leader.getByRole('dialog', { name: 'هدف جديد' });
  await goalDialog.getByRole('textbox', { name: 'الهدف بالعربية' }).fill('ترخيص المنشآت الصحية خلال 7 أيام');
  await goalDialog.getByRole('textbox', { name: 'الهدف بالإنجليزية' }).fill('License health facilities within 7 days');
  await goalDialog.getByRole('button', { name: 'إضافة الهدف' }).click();
  await goalDialog.waitFor({ state: 'detached' });

  await leader.getByRole('button', { name: /^إضافة مؤشر أداء رئيسي إلى الهدف/ }).click();
  const kpiDialog = leader.getByRole('dialog', { name: 'مؤشر أداء رئيسي جديد' });
  await kpiDialog.getByRole('textbox', { name: 'اسم المؤشر بالعربية' }).fill('متوسط أيام إصدار الترخيص');
  await kpiDialog.getByRole('textbox', { name: 'اسم المؤشر بالإنجليزية' }).fill('Average days to issue a licence');
  await kpiDialog.getByRole('combobox', { name: 'وحدة القياس' }).click();
  await leader.getByRole('option', { name: 'أيام', exact: true }).click();
  await kpiDialog.getByRole('combobox', { name: 'اتجاه التحسّن' }).click();
  await leader.getByRole('option', { name: 'خفض (الأقل أفضل)' }).click();
  await kpiDialog.getByRole('textbox', { name: 'خط الأساس' }).fill('30');
  // A target above the baseline of a decreasing KPI: the server's message shows under the target.
  await kpiDialog.getByRole('textbox', { name: 'المستهدف' }).fill('40');
  await kpiDialog.getByRole('textbox', { name: 'مصدر البيانات' }).fill('نظام التراخيص في وزارة الصحة');
  await kpiDialog.getByRole('button', { name: 'إضافة المؤشر' }).click();
  await kpiDialog.getByText('أدنى من خط الأساس', { exact: false }).waitFor();
  await kpiDialog.getByRole('textbox', { name: 'المستهدف' }).fill('7');
  await kpiDialog.getByRole('button', { name: 'إضافة المؤشر' }).click();
  await kpiDialog.waitFor({ state: 'detached' });
  const card = leader.getByTestId('kpi-card').filter({ hasText: 'متوسط أيام إصدار الترخيص' });
  await card.getByTestId('kpi-target').getByText('7 أيام').waitFor();

  await leader.getByTestId('team-event-SUBMIT_GOALS').getByRole('button', { name: 'تقديم الأهداف' }).click();
  await leader.getByRole('dialog', { name: 'تقديم الأهداف' }).getByRole('button', { name: 'تقديم الأهداف' }).click();
  await teamState(leader, 'الأهداف مُقدَّمة');

  // ------------------------------------------------------------------ the office approves them
  const officePage = await openBrowser();
  await signIn(officePage, OFFICE, PASSWORD);
  await officePage.goto(`/challenges/${challenge.id}`);
  await officePage.getByTestId('challenge-team').getByTestId('open-team-workspace').click();
  await officePage.waitForURL(`**/teams/${teamId}`);
  await teamState(officePage, 'الأهداف مُقدَّمة');
  await officePage.getByTestId('team-event-APPROVE_GOALS').getByRole('button', { name: 'اعتماد الأهداف' }).click();
  await officePage
    .getByRole('dialog', { name: 'اعتماد الأهداف' })
    .getByRole('button', { name: 'اعتماد الأهداف' })
    .click();
  await teamState(officePage, 'جاهز للإطلاق');
  await officePage.getByTestId('kpi-frozen').first().waitFor();

  // ------------------------------------------------------------------ the cohort launches
  await walkCohort(office, cohort.id, 'EXECUTION');
  const { team } = await gql<{ team: { state: string } }>(office, 'query ($id: UUID!) { team(id: $id) { state } }', {
    id: teamId,
  });
  expect(team.state).toBe('ACTIVE');

  // ------------------------------------------------------------------ the member sends the weekly check-in
  const memberPage = await openBrowser();
  await signIn(memberPage, member.email, PEOPLE_PASSWORD);
  // The notification of joining the team leads to its workspace.
  await memberPage.getByRole('navigation').getByRole('link', { name: 'الإشعارات' }).click();
  await memberPage.getByRole('link', { name: `عرض الفريق: انضممت إلى فريق: ${titleAr}` }).click();
  await memberPage.waitForURL(`**/teams/${teamId}`);
  await teamState(memberPage, 'نشط');
  await memberPage.getByRole('button', { name: 'إدخال التحديث الأسبوعي' }).click();
  const form = memberPage.getByTestId('check-in-form');
  const row = form.getByRole('group', { name: 'متوسط أيام إصدار الترخيص' });
  await row.getByRole('textbox', { name: 'القيمة الفعلية' }).fill('26');
  await row.getByRole('textbox', { name: 'الدليل / مصدر البيانات' }).fill('تقرير نظام التراخيص الأسبوعي');
  await form
    .getByRole('textbox', { name: 'ما الذي تحقّق هذا الأسبوع؟' })
    .fill('اعتمدنا النموذج الموحّد للترخيص في مديريتين.');
  await form.getByRole('textbox', { name: 'العوائق' }).fill('ينتظر الربط مع الدفاع المدني توقيع مذكرة تفاهم.');
  await form.getByRole('radio', { name: 'متوسط' }).check();
  await form.getByRole('button', { name: 'إرسال التحديث' }).click();
  await form.waitFor({ state: 'detached' });

  // The KPI's chart shows the value, the latest value and the status show on its card.
  const kpi = memberPage.getByTestId('kpi-card').filter({ hasText: 'متوسط أيام إصدار الترخيص' });
  const point = kpi.getByTestId('kpi-chart').locator('[data-testid="kpi-actual-point"][data-latest="true"]');
  await point.waitFor();
  expect(await point.getAttribute('data-confidence')).toBe('MEDIUM');
  await kpi.getByTestId('kpi-latest').getByText('26 يوماً').waitFor();
  const rag = kpi.getByTestId('rag-badge');
  await rag.waitFor();
  expect(await rag.getAttribute('data-rag')).toMatch(/^(GREEN|AMBER|RED)$/);
  expect(await rag.textContent()).toMatch(/على المسار|يحتاج انتباهاً|متعثّر/);
  await memberPage.getByTestId('team-rag').waitFor();
  const history = memberPage.getByTestId('check-ins').getByTestId('check-in').first();
  await history.getByText('26 يوماً').waitFor();
  await history.getByText('مستوى الثقة: متوسط').waitFor();
  await screenshot(memberPage, 'team-workspace-ar.png');

  // The same workspace in English, left to right, and on a phone in Arabic.
  await memberPage.getByRole('button', { name: 'English' }).click();
  await memberPage.waitForFunction(() => document.documentElement.dir === 'ltr');
  await kpi.getByTestId('kpi-latest').getByText('26 days').waitFor();
  await screenshot(memberPage, 'team-workspace-en.png');

  const phone = await openBrowser({ viewport: { width: 390, height: 844 } });
  await signIn(phone, member.email, PEOPLE_PASSWORD);
  await phone.goto(`/teams/${teamId}`);
  await phone.getByTestId('kpi-chart').first().locator('[data-testid="kpi-actual-point"]').first().waitFor();
  await screenshot(phone, 'team-workspace-phone-ar.png');
}, 90_000);
