import { readFile } from 'node:fs/promises';

import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

import {
  closeBrowsers,
  FOCAL_POINT,
  gql,
  languageIs,
  OFFICE,
  openBrowser,
  screenshot,
  signIn,
  useBrowser,
} from './support.js';

const MENU_BUTTON = '[data-testid="export-menu"]';
const STATUS = '[data-testid="export-status"]';
const MINE = 'section[aria-labelledby="account-exports"]';

/** The demo's cohort in execution, with its teams, goals, KPIs and check-ins. */
const EXECUTION = 'Accelerator cohort 1 (2026)';

/**
 * No accessibility violation that is serious or critical, by axe's WCAG 2 A and AA rules, in what
 * the exports add to a page: the menu, the export's status and link, the list of one's exports.
 */
async function expectAccessible(page: Page, where: string, ...parts: string[]): Promise<void> {
  let axe = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']);
  for (const part of parts) axe = axe.include(part);
  const result = await axe.analyze();
  const bad = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${where}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad).toEqual([]);
}

async function cohortId(page: Page): Promise<string> {
  const { cohorts } = await gql<{ cohorts: { id: string; nameEn: string }[] }>(
    page.request,
    '{ cohorts { id nameEn } }',
  );
  return cohorts.find((c) => c.nameEn === EXECUTION)!.id;
}

useBrowser();
afterEach(closeBrowsers);

it('the office exports the cohort report as a PDF from the cohort page, sees it being built, then downloads it', async () => {
  const page = await openBrowser();
  await signIn(page, OFFICE);
  const id = await cohortId(page);
  await page.goto(`/cohorts/${id}`);
  await page.getByRole('heading', { level: 1, name: 'الدفعة الأولى 2026' }).waitFor();
  await expectAccessible(page, 'cohort page', MENU_BUTTON);

  // Export → PDF: the choices, by keyboard, axe-clean while open.
  const exportButton = page.getByRole('button', { name: 'تصدير' });
  await exportButton.focus();
  await page.keyboard.press('Enter');
  const choices = page.getByRole('dialog', { name: 'تصدير' });
  const pdf = choices.getByRole('button', { name: 'ملف PDF' });
  await pdf.waitFor();
  expect(await choices.getByRole('button', { name: 'جدول بيانات (Excel)' }).isVisible()).toBe(true);
  await expectAccessible(page, 'export menu', MENU_BUTTON, '[role="dialog"]');
  // Focus is in the choices: Tab reaches the PDF, Enter asks for it.
  await pdf.focus();
  await page.keyboard.press('Enter');

  // The request answers at once: the page shows the export waiting or being built, with its progress…
  const status = page.getByTestId('export-status');
  await status.getByText('تقرير الدفعة: الدفعة الأولى 2026').waitFor();
  // (At 0 % the bar's filled part has no width: Playwright calls it hidden, so it is awaited as present.)
  await page
    .getByRole('progressbar', { name: 'تقدّم إعداد تقرير الدفعة: الدفعة الأولى 2026' })
    .waitFor({ state: 'attached' });
  expect(await status.getAttribute('data-state')).toMatch(/^(QUEUED|RUNNING)$/);
  // …then, once the worker is done, the link to the file.
  const link = page.getByRole('link', { name: 'تنزيل ملف PDF' });
  await link.waitFor({ timeout: 60_000 });
  expect(await status.getAttribute('data-state')).toBe('DONE');
  expect(await status.getByRole('status').textContent()).toBe('جاهز للتنزيل');
  expect(await page.getByRole('progressbar').count()).toBe(0);
  await expectAccessible(page, 'cohort page with the finished export', MENU_BUTTON, STATUS);
  await screenshot(page, 'exports-cohort-ar.png');

  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toBe('تقرير الدفعة الدفعة الأولى 2026.pdf');
  const file = await readFile((await download.path())!);
  expect(file.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(file.length).toBeGreaterThan(10_000);

  // The account page lists it with its link, in Arabic and in English.
  await page.getByRole('link', { name: 'حسابي' }).first().click();
  const mine = page.getByTestId('my-exports');
  await mine.getByRole('link', { name: 'تنزيل ملف PDF' }).first().waitFor();
  await expectAccessible(page, 'account page (ar)', MINE);
  await page.evaluate(() => window.localStorage.setItem('hundred.language', 'en'));
  await page.reload();
  await languageIs(page, 'en');
  await page.getByTestId('my-exports').getByRole('link', { name: 'Download the PDF' }).first().waitFor();
  await expectAccessible(page, 'account page (en)', MINE);

  // In English, the menu says so too, and the cohort page stays accessible.
  await page.goto(`/cohorts/${id}`);
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('dialog', { name: 'Export' }).getByRole('button', { name: 'Spreadsheet (Excel)' }).click();
  await page.getByRole('link', { name: 'Download the spreadsheet' }).waitFor({ timeout: 60_000 });
  await expectAccessible(page, 'cohort page (en) with the finished export', MENU_BUTTON, STATUS);
}, 180_000);

it('offers no export to those who may not read the cohort report', async () => {
  const page = await openBrowser();
  await signIn(page, FOCAL_POINT);
  const id = await cohortId(page);
  await page.goto(`/cohorts/${id}`);
  await page.getByRole('heading', { level: 1, name: 'الدفعة الأولى 2026' }).waitFor();
  await page.getByTestId('cohort-status').waitFor();
  expect(await page.getByRole('button', { name: 'تصدير' }).count()).toBe(0);
}, 60_000);

it('the office exports the audit trail it searched from the audit page', async () => {
  const page = await openBrowser();
  await signIn(page, OFFICE);
  await page.goto('/audit?subjectType=cohort');
  await page.getByRole('heading', { level: 1, name: 'سجل التدقيق' }).waitFor();
  await page.getByRole('button', { name: 'تصدير' }).click();
  await page.getByRole('dialog', { name: 'تصدير' }).getByRole('button', { name: 'جدول بيانات (Excel)' }).click();
  await page.getByRole('link', { name: 'تنزيل جدول البيانات' }).waitFor({ timeout: 60_000 });
  await expectAccessible(page, 'audit page with the finished export', MENU_BUTTON, STATUS);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'تنزيل جدول البيانات' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('سجل التدقيق.xlsx');
  const file = await readFile((await download.path())!);
  expect(file.subarray(0, 2).toString('latin1')).toBe('PK');
}, 120_000);
