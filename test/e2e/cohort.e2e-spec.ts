import { type Locator, type Page } from 'playwright-core';

import {
  closeBrowsers,
  DAY_MS,
  gql,
  languageIs,
  OFFICE,
  openBrowser,
  screenshot,
  signIn,
  stateBecomes,
  useBrowser,
} from './support.js';

let page: Page;

/** The horizontal centre of an element on the page. */
async function centreX(locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('the element is not visible');
  return box.x + box.width / 2;
}

/** The time of the system, as the API tells it (it may run ahead of real time in demos and tests). */
async function systemNow(p: Page): Promise<Date> {
  const { clock } = await gql<{ clock: { now: string } }>(p.request, '{ clock { now } }');
  return new Date(clock.now);
}

/** Waits until the cohort's state badge reads `state`, looking again every half second. */
const cohortStateBecomes = (p: Page, state: string, timeoutMs = 15_000) => stateBecomes(p, 'cohort', state, timeoutMs);

useBrowser();

beforeEach(async () => {
  // This browser chose Arabic: the office's account preference (which the other browser test
  // changes) does not decide the language here.
  page = await openBrowser({ locale: 'en-US', language: 'chosen' });
});

afterEach(closeBrowsers);

it('creates a cohort, opens its intake, lets the scheduler close it as the clock moves, and cancels it once confirmed', async () => {
  await signIn(page, OFFICE);

  // Day 1 about fifty days after the system's "now": intake opens in about a week.
  const now = await systemNow(page);
  const day1 = new Date(now.getTime() + 50 * DAY_MS).toISOString().slice(0, 10);
  const suffix = now.getTime().toString(36).slice(-5);
  const nameAr = `دفعة الاختبار ${suffix}`;
  const nameEn = `Test cohort ${suffix}`;

  // The cohorts, from the navigation; the office may create one.
  await page.getByRole('navigation').getByRole('link', { name: 'الدفعات' }).click();
  await page.waitForURL('**/cohorts');
  await page.getByRole('heading', { level: 1, name: 'الدفعات' }).waitFor();
  await page.getByRole('link', { name: 'دفعة جديدة' }).click();
  await page.waitForURL('**/cohorts/new');
  await page.getByRole('heading', { level: 1, name: 'دفعة جديدة' }).waitFor();

  await page.getByRole('textbox', { name: 'الاسم بالعربية' }).fill(nameAr);
  await page.getByRole('textbox', { name: 'الاسم بالإنجليزية' }).fill(nameEn);
  // Typed as an Arabic reader writes it: day/month/year.
  await page.getByRole('textbox', { name: 'اليوم الأول (ورشة الإطلاق)' }).fill(day1.split('-').reverse().join('/'));
  // The defaults: Asia/Amman, named in Arabic, a Friday and Saturday weekend.
  expect(await page.getByRole('combobox', { name: 'المنطقة الزمنية' }).inputValue()).toBe('توقيت الأردن · Asia/Amman');
  expect(await page.getByRole('checkbox', { name: 'الجمعة' }).isChecked()).toBe(true);
  expect(await page.getByRole('checkbox', { name: 'السبت' }).isChecked()).toBe(true);
  // The calendar offsets wait behind "advanced settings", labelled in Arabic.
  await page.getByRole('button', { name: 'مواعيد التقويم' }).click();
  expect(await page.getByRole('textbox', { name: 'إغلاق استقبال التحديات (اليوم)' }).inputValue()).toBe('-28');
  await page.getByRole('button', { name: 'إنشاء الدفعة' }).click();

  // The cohort's page: a draft, fifty days before launch.
  await page.waitForURL(/\/cohorts\/[0-9a-f-]{36}$/);
  await page.getByRole('heading', { level: 1, name: nameAr }).waitFor();
  await cohortStateBecomes(page, 'مسودة');
  expect(await page.getByTestId('cohort-progress').textContent()).toMatch(/^الأيام المتبقية حتى اليوم الأول: (49|50)$/);

  // The timeline: every phase, and time flowing from right to left.
  const bar = page.getByTestId('timeline-bar');
  for (const phase of ['INTAKE', 'SELECTION', 'PREPARATION', 'EXECUTION', 'MIDPOINT_REVIEW', 'RESULTS']) {
    await bar.locator(`[data-phase="${phase}"]`).waitFor();
  }
  const intakeX = await centreX(bar.locator('[data-phase="INTAKE"]'));
  const executionX = await centreX(bar.locator('[data-phase="EXECUTION"]'));
  const sustainmentX = await centreX(bar.locator('[data-phase="SUSTAINMENT"]'));
  expect(intakeX).toBeGreaterThan(executionX);
  expect(executionX).toBeGreaterThan(sustainmentX);
  // Today comes before intake opens: to its right.
  const today = page.getByTestId('timeline-today');
  await today.waitFor();
  expect(await centreX(today)).toBeGreaterThan(intakeX);
  await page.getByRole('button', { name: 'التقديم إلى الموعد التالي' }).waitFor();

  // The office opens intake early: the button comes from the server's list of available events.
  await page.getByTestId('event-OPEN_INTAKE').getByRole('button', { name: 'فتح استقبال التحديات' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('تستطيع الجهات الحكومية تقديم تحدياتها', { exact: false }).waitFor();
  await dialog.getByRole('button', { name: 'فتح استقبال التحديات' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await cohortStateBecomes(page, 'استقبال التحديات');

  // The transition is in the history: the event, from → to, and who fired it.
  const history = page.getByTestId('cohort-history');
  const row = history.getByRole('row').filter({ hasText: 'فتح استقبال التحديات' });
  await row.waitFor();
  const cells = await row.getByRole('cell').allTextContents();
  expect(cells.join(' | ')).toContain('مسودة');
  expect(cells.join(' | ')).toContain('استقبال التحديات');
  expect(cells.join(' | ')).toContain('ليلى الحسيني');
  await screenshot(page, 'cohort-ar.png');

  // The demo clock moves from deadline to deadline until intake closes; the scheduler does the rest.
  const clockNow = page.getByTestId('demo-clock-now');
  const next = page.getByRole('button', { name: 'التقديم إلى الموعد التالي' });
  for (let step = 0; step < 6; step++) {
    const before = await clockNow.textContent();
    await next.click();
    await page.waitForFunction(
      (previous) => document.querySelector('[data-testid="demo-clock-now"]')?.textContent !== previous,
      before,
    );
    const closed = await cohortStateBecomes(page, 'الفرز والاعتماد', 4_000).then(
      () => true,
      () => false,
    );
    if (closed) break;
  }
  await cohortStateBecomes(page, 'الفرز والاعتماد');
  await history.getByRole('row').filter({ hasText: 'النظام/المجدول' }).waitFor();
  const fired = page.locator('[data-kind="COHORT_CLOSE_INTAKE"]').getByText('تم', { exact: true });
  await fired.waitFor();

  // English, chosen on this browser (the account's preference stays as it is): left to right.
  await page.evaluate(() => window.localStorage.setItem('hundred.language', 'en'));
  await page.reload();
  await languageIs(page, 'en');
  await cohortStateBecomes(page, 'Selection');
  await page.getByRole('heading', { level: 1, name: nameEn }).waitFor();
  const intakeEn = await centreX(bar.locator('[data-phase="INTAKE"]'));
  const executionEn = await centreX(bar.locator('[data-phase="EXECUTION"]'));
  expect(intakeEn).toBeLessThan(executionEn);
  expect(await centreX(today)).toBeGreaterThan(intakeEn);
  await history.getByRole('row').filter({ hasText: 'System (scheduler)' }).waitFor();
  await screenshot(page, 'cohort-en.png');

  // Cancelling waits at the foot of the page, apart from the steps forward, after the history.
  const forward = page.locator('section[aria-labelledby="cohort-actions"]');
  await forward.getByRole('button', { name: 'Start preparation' }).waitFor();
  expect(await forward.getByRole('button', { name: 'Cancel the cohort' }).count()).toBe(0);
  const cancel = page.getByTestId('cohort-cancel').getByRole('button', { name: 'Cancel the cohort' });
  const historyBox = (await page.locator('section[aria-labelledby="cohort-history"]').boundingBox())!;
  expect((await cancel.boundingBox())!.y).toBeGreaterThan(historyBox.y + historyBox.height);
  // It opens a dialog, and nothing is sent until the dialog is confirmed with a reason.
  const cohortId = new URL(page.url()).pathname.split('/')[2]!;
  const stateNow = async () =>
    (
      await gql<{ cohort: { state: string } }>(page.request, 'query ($id: UUID!) { cohort(id: $id) { state } }', {
        id: cohortId,
      })
    ).cohort.state;
  await cancel.click();
  const confirm = page.getByRole('dialog', { name: 'Cancel the cohort' });
  await confirm.getByText('This cannot be undone.', { exact: false }).waitFor();
  await confirm.getByRole('button', { name: 'Cancel the cohort' }).click();
  await confirm.getByText('This field is required.').waitFor();
  await confirm.getByRole('button', { name: 'Go back' }).click();
  await confirm.waitFor({ state: 'hidden' });
  expect(await stateNow()).toBe('SELECTION');
  await cancel.click();
  await confirm.getByRole('textbox', { name: 'Reason' }).fill('Cancelled by the browser test');
  await confirm.getByRole('button', { name: 'Cancel the cohort' }).click();
  await confirm.waitFor({ state: 'hidden' });
  await cohortStateBecomes(page, 'Cancelled');
  expect(await stateNow()).toBe('CANCELLED');
  expect(await page.getByTestId('cohort-cancel').count()).toBe(0);
}, 60_000);
