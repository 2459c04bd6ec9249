import AxeBuilder from '@axe-core/playwright';
import { type Page } from 'playwright-core';

import { apiAs, gql, OFFICE, openBrowser, screenshot, signIn, useBrowser } from './support.js';

/** The demo's team still writing its day-100 report (seed/demo-results-data.ts). */
const TEAM_AR = 'تجديد رخصة القيادة دون مراجعة';
const TEAM_EN = 'Renew a driving licence without a visit';
const LEAD = 'lead.renewals@hundred.example';
const SPONSOR = 'sponsor.renewals@hundred.example';
const FOCAL = 'focal.dvld@hundred.example';

useBrowser();

/** Waits until the results page's state badge reads `state`. */
const stateIs = (page: Page, state: string) =>
  page
    .getByTestId('results-status')
    .getByTestId('team-state')
    .filter({ hasText: new RegExp(`^${state}$`) })
    .waitFor();

/** No serious or critical WCAG 2 A/AA violation on the page as it stands. */
async function expectAccessible(page: Page, what: string, only?: string): Promise<void> {
  const axe = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']);
  // The screen itself, inside the shell (whose header and navigation other journeys check).
  const result = await axe.include(only ?? '#main-content').analyze();
  const bad = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${what}: ${v.id} (${v.impact}) ${v.nodes.map((n) => `${n.target.join(' ')} ${n.html} ${n.failureSummary ?? ''}`).join(', ')}`,
    );
  expect(bad).toEqual([]);
}

/** The same page in English, checked, then back to Arabic. */
async function expectAccessibleInBoth(
  page: Page,
  what: string,
  { ready = 'results-status', only }: { ready?: string; only?: string } = {},
): Promise<void> {
  await expectAccessible(page, `${what} (ar)`, only);
  await page.getByRole('button', { name: 'English' }).click();
  await page.waitForFunction(() => document.documentElement.dir === 'ltr');
  await page.getByTestId(ready).waitFor();
  await expectAccessible(page, `${what} (en)`, only);
  await page.getByRole('button', { name: 'العربية' }).click();
  await page.waitForFunction(() => document.documentElement.dir === 'rtl');
  await page.getByTestId(ready).waitFor();
}

it('takes a team from its day-100 report through its outcome, plan, pledge and a checkpoint to sustained', async () => {
  const office = await apiAs(OFFICE);
  const { teams } = await gql<{ teams: { id: string; nameEn: string; cohortId: string }[] }>(
    office,
    '{ teams { id nameEn cohortId } }',
  );
  const team = teams.find((t) => t.nameEn === TEAM_EN)!;
  expect(team).toBeDefined();
  const url = `/teams/${team.id}/results`;

  // ------------------------------------------------------------------ the lead finishes and submits the report
  const lead = await openBrowser();
  await signIn(lead, LEAD);
  await lead.goto(`/teams/${team.id}`);
  await lead.getByTestId('team-results-link').click();
  await lead.waitForURL(`**${url}`);
  await lead.getByRole('heading', { level: 1, name: new RegExp(TEAM_AR) }).waitFor();
  await stateIs(lead, 'إعداد التقرير الختامي');
  const form = lead.getByTestId('final-report-form');
  // The draft has the first value; submitting is locked until every KPI has one, and says so.
  await lead.getByTestId('results-event-SUBMIT_FINAL_REPORT').getByRole('listitem').first().waitFor();
  const fill = async () => {
    const second = form.getByRole('group', { name: 'نسبة التجديد الإلكتروني' });
    await second.getByText('المستهدف الحالي: 70', { exact: false }).waitFor();
    await second.getByRole('textbox', { name: 'القيمة النهائية' }).fill('72');
    await second.getByRole('textbox', { name: 'الدليل' }).fill('لوحة خدمات الترخيص');
    await form.getByRole('textbox', { name: 'السرد' }).fill('أطلقنا التجديد الإلكتروني مع التوصيل إلى المنزل.');
    await form.getByRole('textbox', { name: 'الدروس المستفادة' }).fill('الربط مع الأحوال المدنية أولاً.');
    await form.getByRole('textbox', { name: 'ما نوصي بتعميمه' }).fill('تجديد رخص المركبات بالطريقة نفسها.');
  };
  await form.getByText('مسودة الإصدار 1', { exact: false }).waitFor();
  await fill();
  await expectAccessibleInBoth(lead, 'final report form');
  // Someone saved the draft meanwhile (the lead, from another tab): saving over version 1 is a conflict,
  // said on the page with a way to load what is there now.
  const elsewhere = await apiAs(LEAD);
  const { team: draft } = await gql<{ team: { finalReport: { version: number; values: unknown[] } } }>(
    elsewhere,
    'query ($id: UUID!) { team(id: $id) { finalReport { version values { kpiId value asOf evidence } } } }',
    { id: team.id },
  );
  await gql(elsewhere, 'mutation ($i: SaveFinalReportInput!) { saveFinalReport(input: $i) { version } }', {
    i: { teamId: team.id, version: draft.finalReport.version, values: draft.finalReport.values, narrative: 'مسودة' },
  });
  await form.getByRole('button', { name: 'حفظ المسودة' }).click();
  const conflict = form.getByRole('alert').filter({ hasText: 'عدّل مستخدم آخر' });
  await conflict.waitFor();
  await conflict.getByRole('button', { name: 'تحميل أحدث نسخة' }).click();
  await form.getByText('مسودة الإصدار 2', { exact: false }).waitFor();
  await fill();
  await form.getByRole('button', { name: 'حفظ المسودة' }).click();
  await form.getByText('مسودة الإصدار 3', { exact: false }).waitFor();
  await lead
    .getByTestId('results-event-SUBMIT_FINAL_REPORT')
    .getByRole('button', { name: 'تقديم تقرير اليوم المئة' })
    .click();
  await lead
    .getByRole('dialog', { name: 'تقديم تقرير اليوم المئة' })
    .getByRole('button', { name: 'تقديم تقرير اليوم المئة' })
    .click();
  await stateIs(lead, 'التقرير مُقدَّم');
  // Read-only from now on.
  await lead.getByTestId('final-report-view').waitFor();
  expect(await lead.getByTestId('final-report-form').count()).toBe(0);

  // ------------------------------------------------------------------ the office records the outcome
  const officePage = await openBrowser();
  await signIn(officePage, OFFICE);
  await officePage.goto(url);
  await stateIs(officePage, 'التقرير مُقدَّم');
  const outcome = officePage.getByTestId('outcome-section');
  await outcome.getByTestId('outcome-proposed').getByText('تحقّق الهدف').waitFor();
  // 21 → 7 days reached at 7: 100 %; 30 → 70 % reached at 72: 105 %.
  const attainments = await outcome.getByTestId('outcome-attainment').allTextContents();
  expect(attainments.map((a) => a.replace(/\D/g, ''))).toEqual(['100', '105']);
  await expectAccessibleInBoth(officePage, 'outcome page');
  // Another outcome than the proposed one, without a reason: the server's words say what is missing.
  const record = officePage.getByTestId('record-outcome-form');
  await record.getByRole('radio', { name: 'تحقّق جزئياً' }).check();
  await record.getByRole('button', { name: 'تسجيل النتيجة' }).click();
  await record.getByRole('alert').waitFor();
  expect(await record.getByRole('alert').textContent()).toMatch(/سبب/);
  await record.getByRole('radio', { name: 'تحقّق الهدف (المقترحة)' }).check();
  await record.getByRole('button', { name: 'تسجيل النتيجة' }).click();
  await stateIs(officePage, 'مكتمل');
  await outcome.getByTestId('outcome-recorded').getByText('تحقّق الهدف').waitFor();

  // ------------------------------------------------------------------ the lead drafts the sustainment plan
  await lead.reload();
  await stateIs(lead, 'مكتمل');
  const plan = lead.getByTestId('plan-form');
  const action = plan.getByTestId('plan-action-0');
  await action
    .getByRole('textbox', { name: 'الإجراء (بالعربية)' })
    .fill('اعتماد التجديد الإلكتروني في تعليمات الترخيص');
  await action.getByRole('textbox', { name: 'الموعد' }).fill('31/12/2027');
  await expectAccessibleInBoth(lead, 'sustainment plan form');
  await plan.getByRole('button', { name: 'حفظ الخطة' }).click();
  await lead.getByText('الإصدار 1 من الخطة', { exact: false }).waitFor();

  // ------------------------------------------------------------------ the sponsor signs the version they read
  const sponsor = await openBrowser();
  await signIn(sponsor, SPONSOR);
  await sponsor.goto(url);
  const pledge = sponsor.getByTestId('pledge-sign');
  await pledge.getByText('الإصدار 1', { exact: true }).waitFor();
  await pledge.getByText('اعتماد التجديد الإلكتروني في تعليمات الترخيص').waitFor();
  await expectAccessibleInBoth(sponsor, 'pledge');
  await pledge.getByRole('button', { name: 'توقيع التعهّد على الإصدار 1' }).click();
  await sponsor.getByTestId('pledge-valid').waitFor();

  // The lead changes the plan after the pledge: it is void, and the sponsor is asked to sign the new version.
  await lead.reload();
  await lead.getByTestId('pledge-valid').waitFor();
  await lead.getByTestId('plan-form').getByText('أي تعديل يُلغي التعهّد', { exact: false }).waitFor();
  await lead.getByTestId('plan-form').getByRole('button', { name: 'إضافة إجراء' }).click();
  const added = lead.getByTestId('plan-action-1');
  await added.getByRole('textbox', { name: 'الإجراء (بالعربية)' }).fill('تدريب موظفي المراكز على التجديد الإلكتروني');
  await added.getByRole('textbox', { name: 'الموعد' }).fill('30/09/2027');
  await lead.getByTestId('plan-form').getByRole('button', { name: 'حفظ الخطة' }).click();
  await lead.getByTestId('pledge-voided').waitFor();
  await sponsor.reload();
  await sponsor.getByTestId('pledge-voided').waitFor();
  await sponsor.getByTestId('pledge-sign').getByText('تدريب موظفي المراكز على التجديد الإلكتروني').waitFor();
  await expectAccessibleInBoth(sponsor, 'voided pledge');
  await sponsor.getByTestId('pledge-sign').getByRole('button', { name: 'توقيع التعهّد على الإصدار 2' }).click();
  await sponsor.getByTestId('pledge-valid').waitFor();

  // ------------------------------------------------------------------ the office starts sustainment
  await officePage.reload();
  await officePage
    .getByTestId('results-event-START_SUSTAINMENT')
    .getByRole('button', { name: 'بدء الاستدامة' })
    .click();
  await officePage
    .getByRole('dialog', { name: 'بدء الاستدامة' })
    .getByRole('button', { name: 'بدء الاستدامة' })
    .click();
  await stateIs(officePage, 'في مرحلة الاستدامة');

  // ------------------------------------------------------------------ the owner agency's focal point reports day 130
  const focal = await openBrowser();
  await signIn(focal, FOCAL);
  await focal.goto(url);
  await stateIs(focal, 'في مرحلة الاستدامة');
  const checkpoint = focal.getByTestId('checkpoint-form-0');
  for (const [name, value] of [
    ['أيام تجديد الرخصة', '6'],
    ['نسبة التجديد الإلكتروني', '75'],
  ] as const) {
    const group = checkpoint.getByRole('group', { name });
    await group.getByRole('textbox', { name: 'القيمة' }).fill(value);
    await group.getByRole('textbox', { name: 'الدليل' }).fill('تقرير ربعي من نظام الترخيص');
  }
  await checkpoint.getByRole('textbox', { name: 'ملاحظة' }).fill('النتيجة مستمرة بعد اليوم المئة.');
  await expectAccessibleInBoth(focal, 'checkpoint form');
  await checkpoint.getByRole('button', { name: 'تقديم تقرير اليوم 130' }).click();
  const reported = focal.getByTestId('checkpoint-0');
  await reported.getByText('قُدِّم التقرير').waitFor();
  expect(await reported.getAttribute('data-state')).toBe('REPORTED');

  // ------------------------------------------------------------------ the office closes it as sustained
  await officePage.reload();
  await stateIs(officePage, 'في مرحلة الاستدامة');
  // The story: baseline, the check-ins, day 100 and the checkpoint on each kept KPI's chart.
  const chart = officePage.getByTestId('story-chart').first();
  await chart.locator('[data-source="CHECKPOINT"]').first().waitFor();
  expect(await chart.locator('[data-source="FINAL"]').count()).toBe(1);
  // The same figures as a table, for those who do not see the chart.
  await chart.getByRole('button', { name: 'عرض البيانات في جدول' }).click();
  const figures = chart.getByTestId('story-table');
  await figures.getByRole('row').filter({ hasText: 'نقطة متابعة' }).getByText('6 أيام').waitFor();
  await figures.getByRole('row').filter({ hasText: 'القيمة النهائية (اليوم المئة)' }).waitFor();
  await expectAccessibleInBoth(officePage, 'story and closing');
  const close = officePage.getByTestId('close-sustainment-form');
  await close.getByRole('radio', { name: 'استمرّ الأثر' }).check();
  // Before the last checkpoint a reason is needed: the server says so.
  await close.getByRole('button', { name: 'إغلاق الاستدامة' }).click();
  await close.getByRole('alert').waitFor();
  await close.getByRole('textbox', { name: 'السبب' }).fill('استقرت النتيجة وأصبحت جزءاً من عمل الدائرة.');
  await close.getByRole('button', { name: 'إغلاق الاستدامة' }).click();
  await stateIs(officePage, 'مغلق');
  await officePage.getByTestId('story-sustainment').getByText('استمرّ الأثر').waitFor();
  await screenshot(officePage, 'results-story-ar.png');
  const phone = await openBrowser({ viewport: { width: 390, height: 844 } });
  await signIn(phone, OFFICE);
  await phone.goto(url);
  await phone.getByTestId('story-chart').first().locator('[data-source="CHECKPOINT"]').first().waitFor();
  await screenshot(phone, 'results-story-phone-ar.png');

  // The cohort page lists every team's result.
  await officePage.goto(`/cohorts/${team.cohortId}`);
  const row = officePage.getByTestId('cohort-results').getByTestId('cohort-result-row').filter({ hasText: TEAM_AR });
  await row.getByText('تحقّق الهدف').waitFor();
  await row.getByText('استمرّ الأثر').waitFor();
  // The section the results add to the cohort page.
  await expectAccessibleInBoth(officePage, 'cohort results', {
    ready: 'cohort-results',
    only: '[data-testid="cohort-results"]',
  });
}, 180_000);

it('shows the sustainment cohort: each outcome, an overdue checkpoint, a voided pledge and a team scaled', async () => {
  const office = await apiAs(OFFICE);
  const { cohorts } = await gql<{ cohorts: { id: string; nameEn: string }[] }>(office, '{ cohorts { id nameEn } }');
  const cohort = cohorts.find((c) => c.nameEn === 'Accelerator cohort 2025 (sustainment)')!;
  const page = await openBrowser();
  await signIn(page, OFFICE);
  await page.goto(`/cohorts/${cohort.id}`);
  const table = page.getByTestId('cohort-results');
  for (const text of ['تحقّق الهدف', 'تحقّق جزئياً', 'لم يتحقّق', 'عُمِّم', 'خطة بانتظار توقيع الراعي'])
    await table.getByText(text).first().waitFor();
  await table.getByText('اليوم 130: متأخرة').first().waitFor();
  await expectAccessibleInBoth(page, 'sustainment cohort results', {
    ready: 'cohort-results',
    only: '[data-testid="cohort-results"]',
  });

  // The sponsor of the plan changed after their pledge sees it voided and is asked again.
  const sponsor = await openBrowser();
  await signIn(sponsor, 'sponsor.customs@hundred.example');
  const { teams } = await gql<{ teams: { id: string; nameEn: string }[] }>(office, '{ teams { id nameEn } }');
  const customs = teams.find((t) => t.nameEn === 'Container clearance within one day')!;
  await sponsor.goto(`/teams/${customs.id}/results`);
  await sponsor.getByTestId('pledge-voided').waitFor();
  await sponsor.getByTestId('pledge-sign').getByRole('button', { name: 'توقيع التعهّد على الإصدار 2' }).waitFor();
}, 90_000);
