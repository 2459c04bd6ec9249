import { AxeBuilder } from '@axe-core/playwright';
import { type Page } from 'playwright-core';

import { apiAs, gql, languageIs, OFFICE, openBrowser, REVIEWER, screenshot, signIn, useBrowser } from './support.js';

useBrowser();

const COHORT_3 = 'Accelerator cohort 3 (2026)';
const COHORT_1 = 'Accelerator cohort 1 (2026)';
const DISCHARGE_AR = 'إنجاز إجراءات الخروج من المستشفى خلال ساعة';
const DISCHARGE_EN = 'Hospital discharge paperwork within one hour';
const HEALTH_REVIEWER = 'د. رزان الشوبكي';
const WORKS_REVIEWER = 'أنس الطويل';
const DISCHARGE_LEAD = 'lead.discharge@hundred.example';

/** What axe found, screen by screen; the journey ends by expecting nothing. */
const violations: string[] = [];

/** axe-core's WCAG 2 A and AA rules on the page as it is now: its serious and critical violations. */
async function accessible(page: Page, screen: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const bad = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${screen}: ${v.id} (${v.impact}) at ${v.nodes
          .slice(0, 3)
          .map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`)
          .join('; ')}`,
    );
  violations.push(...bad);
}

/** The page in Arabic, then in English (one click), each checked by axe, and back to Arabic. */
async function accessibleInBoth(page: Page, screen: string, ready: (page: Page) => Promise<unknown>): Promise<void> {
  await ready(page);
  await accessible(page, `${screen} (ar)`);
  await page.getByRole('banner').getByRole('button', { name: 'English' }).click();
  await languageIs(page, 'en');
  await ready(page);
  await accessible(page, `${screen} (en)`);
  await page.getByRole('banner').getByRole('button', { name: 'العربية' }).click();
  await languageIs(page, 'ar');
}

it('assigns reviewers (a conflict refused on screen), scores and submits by keyboard, decides on the aggregate, and shows the team its feedback', async () => {
  const office = await apiAs(OFFICE);
  const { cohorts } = await gql<{ cohorts: { id: string; nameEn: string }[] }>(office, '{ cohorts { id nameEn } }');
  const cohort3 = cohorts.find((c) => c.nameEn === COHORT_3)!.id;
  const cohort1 = cohorts.find((c) => c.nameEn === COHORT_1)!.id;
  const { teams } = await gql<{ teams: { id: string; nameEn: string }[] }>(
    office,
    'query ($c: UUID) { teams(cohortId: $c) { id nameEn } }',
    { c: cohort3 },
  );
  const discharge = teams.find((t) => t.nameEn === DISCHARGE_EN)!.id;

  // ------------------------------------------------------------------ the office assigns
  const officePage = await openBrowser();
  await signIn(officePage, OFFICE);
  await officePage.goto(`/cohorts/${cohort3}`);
  // The cohort page lists the team deadlines of its calendar.
  await officePage.getByTestId('cohort-team-deadlines').getByText('موعد التحديث الأسبوعي').first().waitFor();
  await officePage.getByRole('link', { name: 'تكليف المراجِعين' }).click();
  await officePage.getByRole('heading', { level: 1, name: 'تكليف المراجِعين' }).waitFor();
  const row = officePage.getByTestId('assignment-row').filter({ hasText: DISCHARGE_AR });
  // The reviewer of the health ministry is shown as of the team's lead agency …
  const healthCell = row.locator(`[data-testid="assignment-cell"][data-conflict="LEAD_AGENCY"]`);
  await healthCell.getByText('من الجهة الرئيسية').waitFor();
  await accessibleInBoth(officePage, 'reviewer assignment', (p) => p.getByTestId('assignment-grid').waitFor());
  // … and the server refuses the assignment in its own words, on screen.
  await row.getByRole('button', { name: `تكليف ${HEALTH_REVIEWER} بمراجعة ${DISCHARGE_AR}` }).click();
  await officePage
    .getByRole('alert')
    .getByText('لا يجوز لهذا المراجِع مراجعة هذا الفريق: فهو من الجهة الرئيسية للفريق.')
    .waitFor();
  // A reviewer free of any conflict is assigned.
  await row.getByRole('button', { name: `تكليف ${WORKS_REVIEWER} بمراجعة ${DISCHARGE_AR}` }).click();
  await row.getByTestId('assigned-count').getByText('المكلَّفون 4، والحد الأدنى 2').waitFor();
  expect(await row.locator('[data-testid="assignment-cell"][data-assigned="true"]').count()).toBe(4);
  await screenshot(officePage, 'review-assignment.png');

  // The first cohort: one team is a reviewer short since one declared a conflict; the office asks
  // for a proposal, which fills it, and confirms it.
  await officePage.goto(`/cohorts/${cohort1}/reviewers`);
  await officePage.getByTestId('assignment-grid').waitFor();
  await officePage.locator('[data-conflict="DECLARED"]').first().waitFor();
  await officePage.getByTestId('propose-assignment').click();
  await officePage.getByTestId('proposal-note').waitFor();
  const checked = officePage.getByTestId('proposal-checkbox').and(officePage.locator(':checked'));
  expect(await checked.count()).toBe(10);
  await officePage.getByTestId('confirm-proposal').click();
  await officePage.getByText('اعتُمد التوزيع.').waitFor();
  await officePage.getByTestId('proposal-note').waitFor({ state: 'detached' });
  expect(await officePage.locator('[data-testid="assignment-cell"][data-assigned="true"]').count()).toBe(10);

  // ------------------------------------------------------------------ the reviewer scores, by keyboard
  const reviewerPage = await openBrowser();
  await signIn(reviewerPage, REVIEWER);
  await reviewerPage.getByRole('navigation').getByRole('link', { name: 'مراجعاتي' }).click();
  await reviewerPage.getByRole('heading', { level: 1, name: 'مراجعاتي' }).waitFor();
  await accessibleInBoth(reviewerPage, 'my reviews', (p) => p.getByTestId('my-assessments').waitFor());
  await reviewerPage.getByTestId('my-assessments').getByRole('link', { name: DISCHARGE_AR }).click();
  await reviewerPage.getByRole('heading', { level: 1, name: `تقييم ${DISCHARGE_AR}` }).waitFor();
  // Blind: nothing of the others before one's own is in.
  await reviewerPage.getByTestId('others-hidden').waitFor();
  // The team, read-only: its KPI with its chart and check-ins.
  await reviewerPage.getByTestId('team-read-only').getByTestId('kpi-card').first().waitFor();
  await accessibleInBoth(reviewerPage, 'assessment form', (p) => p.getByTestId('assessment-form').waitFor());

  // Someone saves the same assessment first (the reviewer in another tab): this page's save is stale.
  const reviewerApi = await apiAs(REVIEWER);
  const { myAssessments } = await gql<{ myAssessments: { id: string; version: number; team: { id: string } }[] }>(
    reviewerApi,
    '{ myAssessments { id version team { id } } }',
  );
  const mine = myAssessments.find((a) => a.team.id === discharge)!;
  const criteria = ['PROGRESS', 'EVIDENCE_QUALITY', 'COLLABORATION', 'RISK_MANAGEMENT', 'LIKELIHOOD'];
  await gql(reviewerApi, 'mutation ($i: AssessmentFieldsInput!) { saveAssessment(input: $i) { id } }', {
    i: {
      id: mine.id,
      version: mine.version,
      scores: criteria.map((criterion) => ({ criterion, score: criterion === 'PROGRESS' ? 2 : null, comment: '' })),
      comment: 'مسودة من نافذة أخرى',
    },
  });
  const form = reviewerPage.getByTestId('assessment-form');
  const scale = (name: RegExp) => form.getByRole('radiogroup', { name });
  await scale(/التقدّم نحو الأهداف/)
    .getByRole('radio', { name: '3 – مقبول' })
    .check();
  await form.getByTestId('save-draft').click();
  const conflictAlert = form.getByRole('alert').filter({ hasText: 'عدّل مستخدم آخر هذه البيانات' });
  await conflictAlert.waitFor();
  await conflictAlert.getByRole('button', { name: 'تحميل أحدث نسخة' }).click();
  // Reloaded: the other tab's draft is on screen.
  await conflictAlert.waitFor({ state: 'detached' });
  expect(await form.getByTestId('overall-comment').inputValue()).toBe('مسودة من نافذة أخرى');
  expect(
    await scale(/التقدّم نحو الأهداف/)
      .getByRole('radio', { name: '2 – ضعيف' })
      .isChecked(),
  ).toBe(true);

  // Every scale by keyboard: focus the checked or first point, then arrow keys move along it.
  const byKeys = async (name: RegExp, presses: string[]) => {
    const group = scale(name);
    const checkedRadio = group.locator('input:checked');
    if ((await checkedRadio.count()) > 0) await checkedRadio.focus();
    else {
      await group.getByRole('radio').first().focus();
      await reviewerPage.keyboard.press('Space');
    }
    for (const key of presses) await reviewerPage.keyboard.press(key);
  };
  await byKeys(/التقدّم نحو الأهداف/, ['ArrowDown', 'ArrowDown']); // 2 → 4
  await byKeys(/جودة الأدلة/, ['ArrowDown']); // 1 → 2
  await byKeys(/التعاون بين الجهات/, ['ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowDown']); // 1 → 5
  await byKeys(/إدارة المخاطر/, ['ArrowDown', 'ArrowDown', 'ArrowUp']); // 1 → 2
  await byKeys(/احتمال بلوغ مستهدف اليوم المئة/, ['ArrowDown', 'ArrowDown']); // 1 → 3
  const checkedScore = async (name: RegExp) =>
    Number((await scale(name).locator('input:checked').getAttribute('value')) ?? 0);
  expect([
    await checkedScore(/التقدّم نحو الأهداف/),
    await checkedScore(/جودة الأدلة/),
    await checkedScore(/التعاون بين الجهات/),
    await checkedScore(/إدارة المخاطر/),
    await checkedScore(/احتمال بلوغ مستهدف اليوم المئة/),
  ]).toEqual([4, 2, 5, 2, 3]);
  await form.getByTestId('comment-EVIDENCE_QUALITY').fill('الأرقام من مستشفى واحد فقط حتى الآن.');
  await form
    .getByRole('radiogroup', { name: /^التوصية/ })
    .getByRole('radio', { name: 'تصحيح المسار' })
    .check();
  await form.getByTestId('overall-comment').fill('تقدّم جيد يحتاج إلى أدلة من مستشفيات أخرى.');
  await form.getByTestId('save-draft').click();
  await reviewerPage.getByText('حُفظت المسودة.').waitFor();
  await form.getByText('محفوظ (الإصدار', { exact: false }).waitFor();

  // Submitted after a confirmation; read-only after; the others' assessments and the aggregate appear.
  await form.getByTestId('submit-assessment').click();
  const confirm = reviewerPage.getByRole('dialog', { name: 'تقديم تقييمك؟' });
  await confirm.getByRole('button', { name: 'تقديم التقييم' }).click();
  await reviewerPage
    .getByTestId('assessment-status')
    .getByTestId('assessment-state')
    .filter({ hasText: 'مُقدَّم' })
    .waitFor();
  await reviewerPage.getByTestId('assessment-card').first().waitFor();
  expect(await reviewerPage.getByTestId('assessment-form').count()).toBe(0);
  const others = reviewerPage.getByTestId('other-assessments');
  await others.getByText('المراجِع 1', { exact: true }).waitFor();
  expect(await others.getByText('هبة السعدي').count()).toBe(0);
  await reviewerPage.getByTestId('disagreement-flag').waitFor();
  await accessibleInBoth(reviewerPage, 'submitted assessment', (p) => p.getByTestId('aggregate-chart').waitFor());
  await screenshot(reviewerPage, 'review-assessment-submitted.png');

  // ------------------------------------------------------------------ the office decides
  await officePage.goto(`/cohorts/${cohort3}/reviews`);
  const reviewRow = officePage.getByTestId('cohort-review-row').filter({ hasText: DISCHARGE_AR });
  await reviewRow.getByText('3 من حد أدنى 2').waitFor();
  await reviewRow.getByText('تباين').waitFor();
  await accessibleInBoth(officePage, 'cohort reviews', (p) => p.getByTestId('cohort-reviews').waitFor());
  await reviewRow.getByRole('link', { name: DISCHARGE_AR }).click();
  await officePage.getByRole('heading', { level: 1, name: `قرار المراجعة النصفية: ${DISCHARGE_AR}` }).waitFor();
  await officePage.getByTestId('decision-aggregate').getByTestId('disagreement-flag').waitFor();
  // The chart's figures as a table: progress scored 5, 2 and 4 (mean 3.7), flagged.
  await officePage.getByRole('button', { name: 'عرض كجدول' }).click();
  const progress = officePage.getByTestId('aggregate-table').locator('[data-criterion="PROGRESS"]');
  await progress.getByText('3.7').waitFor();
  await progress.getByTestId('criterion-disagreement').waitFor();
  await officePage.getByTestId('assessments-in').getByText('3 من حد أدنى 2').waitFor();
  // The office sees who wrote what.
  await officePage.getByTestId('decision-assessments').getByText('هبة السعدي', { exact: true }).waitFor();
  await accessibleInBoth(officePage, 'decision page', (p) => p.getByTestId('decision-aggregate').waitFor());
  await screenshot(officePage, 'review-decision.png');

  await officePage
    .getByTestId('team-event-DECIDE_MIDPOINT')
    .getByRole('button', { name: 'قرار المراجعة النصفية' })
    .click();
  const dialog = officePage.getByRole('dialog', { name: 'قرار المراجعة النصفية' });
  await dialog.getByRole('radio', { name: 'تصحيح المسار' }).check();
  await dialog
    .getByTestId('decision-corrections')
    .fill('توسيع التجربة إلى مستشفيين آخرين.\nتقرير أسبوعي من كل مستشفى.');
  await dialog.getByRole('textbox', { name: 'السبب' }).fill('التقدّم مقاس في مستشفى واحد فقط.');
  await accessible(officePage, 'decision dialog (ar)');
  await dialog.getByRole('button', { name: 'قرار المراجعة النصفية' }).click();
  await officePage
    .getByTestId('decision-made')
    .getByTestId('recommendation')
    .filter({ hasText: 'تصحيح المسار' })
    .waitFor();

  // ------------------------------------------------------------------ the team reads its feedback
  const teamPage = await openBrowser();
  await signIn(teamPage, DISCHARGE_LEAD);
  await teamPage.goto(`/teams/${discharge}`);
  const midpoint = teamPage.getByTestId('team-midpoint');
  await midpoint.getByTestId('team-midpoint-decision').getByText('تصحيح المسار').waitFor();
  await midpoint
    .getByTestId('team-midpoint-corrections')
    .getByText('توسيع التجربة إلى مستشفيين آخرين.', { exact: false })
    .waitFor();
  const feedback = midpoint.getByTestId('team-midpoint-feedback');
  await feedback.getByText('تقدّم جيد يحتاج إلى أدلة من مستشفيات أخرى.').waitFor();
  expect(await feedback.getByTestId('assessment-card').count()).toBe(3);
  // Without names.
  for (const name of ['هبة السعدي', 'وائل الدباس', 'عمر الخطيب'])
    expect(await feedback.getByText(name).count()).toBe(0);
  // Its deadlines: what, when, in which state, whom they concern.
  const deadlines = teamPage.getByTestId('team-deadlines');
  await deadlines.locator('[data-kind="CHECK_IN_DUE"]').first().waitFor();
  await deadlines.locator('[data-kind="CHECK_IN_DUE"][data-state="PENDING"]').getByText('مجدول').first().waitFor();
  // The whole calendar on request: the weeks behind, the review decided (its assessments' deadlines
  // are cancelled, no longer the team's to meet).
  await teamPage.getByTestId('all-deadlines').click();
  await deadlines.locator('tbody tr').nth(20).waitFor();
  expect(await deadlines.locator('[data-kind="ASSESSMENTS_OVERDUE"]').count()).toBe(0);
  await accessibleInBoth(teamPage, 'team workspace', (p) => p.getByTestId('team-midpoint').waitFor());
  await screenshot(teamPage, 'review-team-feedback.png');

  // Every new screen, in Arabic and in English: no serious or critical violation.
  expect(violations).toEqual([]);
}, 240_000);
