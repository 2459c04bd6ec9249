import path from 'node:path';

import { type Locator, type Page } from 'playwright-core';

import {
  apiAs,
  DAY_MS,
  FOCAL_POINT,
  gql,
  MINISTER,
  OFFICE,
  openBrowser,
  PEOPLE_PASSWORD,
  SCREENSHOTS,
  screenshot,
  signIn,
  stateBecomes,
  useBrowser,
} from './support.js';

/** A browser of its own for one person, in Arabic whatever a page stores. */
const openArabicBrowser = () => openBrowser({ language: 'pinned' });

/** Opens a Mantine select by its label and picks the option whose text contains `option`. */
async function choose(page: Page, scope: Page | Locator, label: string, option: string, search?: string) {
  const input = scope.getByRole('combobox', { name: label, exact: true });
  await input.click();
  if (search) await input.fill(search);
  await page.getByRole('option', { name: option }).first().click();
}

useBrowser();

it('takes a challenge from an agency draft through screening to leadership approval and a team', async () => {
  // ------------------------------------------------------------------ what the journey needs
  const api = await apiAs(OFFICE);
  const { clock, agencies } = await gql<{ clock: { now: string }; agencies: { id: string; code: string }[] }>(
    api,
    '{ clock { now } agencies { id code } }',
  );
  const now = new Date(clock.now);
  const moh = agencies.find((a) => a.code === 'MOH')!.id;
  const suffix = now.getTime().toString(36).slice(-5);

  // A cohort whose day 1 is about sixty days away, taking challenges now, one approval enough.
  const { createCohort: cohort } = await gql<{
    createCohort: { id: string; version: number; rubric: { key: string; nameAr: string }[] };
  }>(
    api,
    `mutation ($input: CreateCohortInput!) {
      createCohort(input: $input) { id version rubric { key nameAr } }
    }`,
    {
      input: {
        nameAr: `دفعة التحديات ${suffix}`,
        nameEn: `Challenge cohort ${suffix}`,
        day1: new Date(now.getTime() + 60 * DAY_MS).toISOString().slice(0, 10),
        timeZone: 'Asia/Amman',
        weekendDays: [5, 6],
        approvalsRequired: 1,
      },
    },
  );
  await gql(api, 'mutation ($input: CohortEventInput!) { openCohortIntake(input: $input) { state } }', {
    input: { id: cohort.id, version: cohort.version },
  });
  expect(cohort.rubric).toHaveLength(4);

  // A national vision with one pillar.
  const { createAlignmentNode: vision } = await gql<{ createAlignmentNode: { id: string } }>(
    api,
    'mutation ($input: CreateAlignmentNodeInput!) { createAlignmentNode(input: $input) { id } }',
    { input: { nameAr: `رؤية الاختبار ${suffix}`, nameEn: `Test vision ${suffix}` } },
  );
  const pillarAr = `محور الخدمات الصحية ${suffix}`;
  const { createAlignmentNode: pillar } = await gql<{ createAlignmentNode: { id: string } }>(
    api,
    'mutation ($input: CreateAlignmentNodeInput!) { createAlignmentNode(input: $input) { id } }',
    { input: { parentId: vision.id, nameAr: pillarAr, nameEn: `Health services pillar ${suffix}` } },
  );

  // Other agencies' challenges on the same board: one submitted, one already in screening.
  for (const [code, titleAr, titleEn, screen] of [
    [
      'MOL',
      'رفع نسبة توظيف خريجي التدريب المهني إلى 60%',
      'Raise the employment of vocational graduates to 60 %',
      true,
    ],
    ['CAPITAL', 'إغلاق 90% من شكاوى المواطنين خلال 72 ساعة', 'Close 90 % of citizen complaints within 72 hours', false],
  ] as const) {
    const fields = {
      cohortId: cohort.id,
      leadAgencyId: agencies.find((a) => a.code === code)!.id,
      titleAr: `${titleAr} (${suffix})`,
      titleEn: `${titleEn} (${suffix})`,
      problemAr: 'وصف المشكلة.',
      whyAr: 'أهميتها للناس.',
      baselineAr: 'خط الأساس.',
      ambitionAr: 'الطموح.',
      alignmentNodeIds: [pillar.id],
    };
    const { createChallenge: other } = await gql<{ createChallenge: { id: string; version: number } }>(
      api,
      'mutation ($input: CreateChallengeInput!) { createChallenge(input: $input) { id version } }',
      { input: fields },
    );
    const { submitChallenge: submitted } = await gql<{ submitChallenge: { version: number } }>(
      api,
      'mutation ($input: ChallengeEventInput!) { submitChallenge(input: $input) { version } }',
      { input: { id: other.id, version: other.version } },
    );
    if (screen) {
      await gql(api, 'mutation ($input: ChallengeEventInput!) { startChallengeScreening(input: $input) { state } }', {
        input: { id: other.id, version: submitted.version },
      });
    }
  }

  // The sponsor, a leader of the lead agency (MOH), and the team leader.
  const sponsorAr = `د. هاني الراعي ${suffix}`;
  const teamLeadAr = `م. رنا القائد ${suffix}`;
  for (const [nameAr, nameEn, local] of [
    [sponsorAr, `Dr. Hani Sponsor ${suffix}`, 'sponsor'],
    [teamLeadAr, `Eng. Rana Lead ${suffix}`, 'lead'],
  ] as const) {
    await gql(api, 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: {
        email: `${local}.${suffix}@hundred.example`,
        nameAr,
        nameEn,
        agencyId: moh,
        preferredLanguage: 'ar',
        roles: [],
        password: PEOPLE_PASSWORD,
      },
    });
  }

  const titleAr = `خفض زمن الحصول على موعد في العيادات التخصصية ${suffix}`;
  const titleEn = `Cut the wait for a specialist clinic appointment ${suffix}`;

  // ------------------------------------------------------------------ the focal point drafts and submits
  const focal = await openArabicBrowser();
  await signIn(focal, FOCAL_POINT);
  await focal.getByRole('navigation').getByRole('link', { name: 'التحديات' }).click();
  await focal.getByRole('heading', { level: 1, name: 'التحديات' }).waitFor();
  await focal.getByRole('link', { name: 'تحدٍّ جديد' }).click();
  await focal.waitForURL('**/challenges/new');
  await focal.getByRole('heading', { level: 1, name: 'تحدٍّ جديد' }).waitFor();

  await choose(focal, focal, 'الدفعة', `دفعة التحديات ${suffix}`);
  // The lead agency is the focal point's own, and fixed.
  expect(await focal.getByRole('textbox', { name: 'الجهة الرئيسية', exact: true }).inputValue()).toBe('وزارة الصحة');
  await focal.getByRole('textbox', { name: 'العنوان بالعربية', exact: true }).fill(titleAr);
  await focal.getByRole('textbox', { name: 'العنوان بالإنجليزية', exact: true }).fill(titleEn);
  await focal
    .getByRole('textbox', { name: 'وصف المشكلة بالعربية', exact: true })
    .fill('ينتظر المريض في المتوسط 45 يوماً للحصول على موعد في العيادات التخصصية بالمستشفيات الحكومية.');
  await focal
    .getByRole('textbox', { name: 'أهميته للناس بالعربية', exact: true })
    .fill('يتأخر التشخيص والعلاج، ويضطر كثيرون إلى القطاع الخاص بتكلفة لا يقدرون عليها.');
  await focal
    .getByRole('textbox', { name: 'خط الأساس الحالي بالعربية', exact: true })
    .fill('45 يوماً في المتوسط (بيانات وزارة الصحة للربع الأخير).');
  await focal
    .getByRole('textbox', { name: 'الطموح بالعربية', exact: true })
    .fill('15 يوماً في المتوسط بعد مئة يوم في ثلاثة مستشفيات.');
  // The alignment tag: the pillar under its vision.
  const alignment = focal.getByRole('textbox', { name: 'المواءمة', exact: true });
  await alignment.click();
  await alignment.fill(`الخدمات الصحية ${suffix}`);
  await focal.getByRole('option', { name: pillarAr }).click();
  await focal.keyboard.press('Escape');
  await focal.getByTestId('readiness').getByRole('button', { name: 'المواءمة: مكتمل' }).waitFor();
  await screenshot(focal, 'challenge-intake-ar.png');

  await focal.getByRole('button', { name: 'حفظ المسودة' }).click();
  await focal.waitForURL(/\/challenges\/[0-9a-f-]{36}\/edit$/);
  const challengeId = /\/challenges\/([0-9a-f-]{36})\/edit$/.exec(focal.url())![1]!;
  await focal.getByRole('heading', { level: 1, name: 'تعديل التحدّي' }).waitFor();
  expect(await focal.getByRole('textbox', { name: 'العنوان بالعربية', exact: true }).inputValue()).toBe(titleAr);

  await focal.getByRole('button', { name: 'تقديم التحدّي' }).click();
  await focal.waitForURL(`**/challenges/${challengeId}`);
  await focal.getByRole('heading', { level: 1, name: titleAr }).waitFor();
  await stateBecomes(focal, 'challenge', 'مُقدَّم');
  await focal.getByTestId('alignment-path').getByText(pillarAr).waitFor();

  // ------------------------------------------------------------------ the office screens and recommends
  const office = await openArabicBrowser();
  await signIn(office, OFFICE);
  await office.getByRole('navigation').getByRole('link', { name: 'لوحة الفرز' }).click();
  await office.getByRole('heading', { level: 1, name: 'لوحة الفرز' }).waitFor();
  await choose(office, office, 'الدفعة', `دفعة التحديات ${suffix}`);
  const card = office.getByTestId('board-card').filter({ hasText: titleAr });
  await office.getByTestId('board-column-SUBMITTED').getByTestId('board-card').filter({ hasText: titleAr }).waitFor();
  await card.click();
  const drawer = office.getByTestId('screening-drawer');
  await drawer.waitFor();

  const fire = async (event: string, label: string) => {
    await drawer.getByTestId(`challenge-event-${event}`).getByRole('button', { name: label }).click();
    const dialog = office.getByRole('dialog', { name: label });
    await dialog.getByRole('button', { name: label }).click();
    // Only the drawer stays open.
    await office.waitForFunction(() => document.querySelectorAll('[role="dialog"]').length === 1);
  };
  await fire('START_SCREENING', 'بدء الفرز');
  await drawer
    .getByTestId('challenge-state')
    .filter({ hasText: /^قيد الفرز$/ })
    .waitFor();

  // Four criteria, each scored with a comment.
  for (const [i, criterion] of cohort.rubric.entries()) {
    const row = drawer.getByTestId(`criterion-${criterion.key}`);
    await row
      .getByRole('radiogroup', { name: criterion.nameAr })
      .getByText(String(i === 0 ? 5 : 4), { exact: true })
      .click();
    await row
      .getByRole('textbox', { name: `ملاحظة على: ${criterion.nameAr}` })
      .fill(`ملاحظة المكتب على «${criterion.nameAr}».`);
  }
  await drawer.getByRole('button', { name: 'حفظ الدرجات' }).click();
  await drawer.getByTestId('mean-score').filter({ hasText: '4.25 من 5' }).first().waitFor();

  // The sponsor (of the lead agency) and the team leader.
  await choose(office, drawer, 'الراعي المقترح', sponsorAr, `هاني الراعي ${suffix}`);
  await choose(office, drawer, 'قائد الفريق المقترح', teamLeadAr, `رنا القائد ${suffix}`);
  await drawer.getByRole('button', { name: 'حفظ التسمية' }).click();
  await drawer.getByTestId('challenge-leaders').getByText(sponsorAr).waitFor();
  await drawer.getByTestId(`criterion-${cohort.rubric[0]!.key}`).scrollIntoViewIfNeeded();
  await office.addStyleTag({ content: '.mantine-Notifications-root { display: none !important; }' });
  await office.screenshot({ path: path.join(SCREENSHOTS, 'screening-rubric-ar.png') });

  await fire('RECOMMEND', 'التوصية بالاعتماد');
  await drawer
    .getByTestId('challenge-state')
    .filter({ hasText: /^موصى به$/ })
    .waitFor();
  await office.keyboard.press('Escape');
  await office.waitForFunction(() => document.querySelectorAll('[role="dialog"]').length === 0);
  await office.getByTestId('board-column-RECOMMENDED').getByTestId('board-card').filter({ hasText: titleAr }).waitFor();
  await screenshot(office, 'screening-board-ar.png');

  // ------------------------------------------------------------------ the minister approves
  const minister = await openArabicBrowser();
  await signIn(minister, MINISTER);
  await minister.getByRole('navigation').getByRole('link', { name: 'قائمة الاعتماد' }).click();
  await minister.getByRole('heading', { level: 1, name: 'قائمة الاعتماد' }).waitFor();
  const item = minister.getByTestId('queue-item').filter({ hasText: titleAr });
  await item.waitFor();
  expect(await item.getByTestId('approvals-count').textContent()).toBe('الاعتمادات: 0 من 1');
  await item.getByTestId('rubric-summary').getByText('4.25 من 5').waitFor();
  await item.getByTestId('challenge-leaders').getByText(teamLeadAr).waitFor();
  await screenshot(minister, 'approval-queue-ar.png');

  await item.getByTestId('challenge-event-APPROVE').getByRole('button', { name: 'اعتماد' }).click();
  const confirm = minister.getByRole('dialog', { name: 'اعتماد' });
  await confirm.getByText('يُعتمد التحدّي ويتشكّل فريقه', { exact: false }).waitFor();
  await confirm.getByRole('button', { name: 'اعتماد' }).click();
  await item.waitFor({ state: 'detached' });

  // Approved, with its team: the sponsor and the team leader in their roles.
  await minister.goto(`/challenges/${challengeId}`);
  await stateBecomes(minister, 'challenge', 'معتمد');
  const team = minister.getByTestId('challenge-team');
  await team.getByTestId('team-state').filter({ hasText: 'قيد التشكيل' }).waitFor();
  await team.getByTestId('team-members').getByText(sponsorAr).waitFor();
  await team.getByTestId('team-members').getByText(teamLeadAr).waitFor();

  const { challenge } = await gql<{ challenge: { state: string; teamId: string | null } }>(
    minister.request,
    'query ($id: UUID!) { challenge(id: $id) { state teamId } }',
    { id: challengeId },
  );
  expect(challenge.state).toBe('APPROVED');
  expect(challenge.teamId).toBe(await team.getAttribute('data-team-id'));
  const { team: formed } = await gql<{ team: { state: string; members: { role: string }[] } }>(
    minister.request,
    'query ($id: UUID!) { team(id: $id) { state members { role } } }',
    { id: challenge.teamId },
  );
  expect(formed.state).toBe('FORMING');
  expect(formed.members.map((m) => m.role).sort()).toEqual(['SPONSOR', 'TEAM_LEAD']);

  // The focal point sees the decision too.
  await focal.reload();
  await stateBecomes(focal, 'challenge', 'معتمد');
  await focal.getByTestId('challenge-team').waitFor();
}, 90_000);
