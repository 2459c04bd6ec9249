import path from 'node:path';

import type { Page } from 'playwright-core';

import {
  closeBrowsers,
  languageIs,
  OFFICE,
  openBrowser,
  SCREENSHOTS,
  seriousViolations,
  signIn,
  useBrowser,
} from './support.js';

// A date is typed as the reader writes it — day/month/year in Arabic and in English, in either
// kind of digits — or picked on a calendar with the keyboard alone; with the Hijri preference the
// Umm al-Qura date of the day chosen is shown beside it. The audit log's filters are the fields
// used here: they change nothing.

useBrowser();
afterEach(closeBrowsers);

async function openAudit(page: Page, display?: { hijri?: boolean; arabicDigits?: boolean }): Promise<void> {
  if (display) {
    await page
      .context()
      .addInitScript((value) => window.localStorage.setItem('hundred.display', value), JSON.stringify(display));
  }
  await signIn(page, OFFICE);
  await page.goto('/audit');
  await page.getByRole('main').locator('h1').waitFor();
}

/** The calendar has faded in: axe would otherwise read its text half transparent. */
const calendarShown = (page: Page) =>
  page.waitForFunction(() => {
    const dialog = document.querySelector('[role="dialog"]');
    return dialog !== null && getComputedStyle(dialog).opacity === '1';
  });

const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (date: string, days: number) => iso(new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000));
const dmy = (date: string) => date.split('-').reverse().join('/');

it('types and picks dates day/month/year by keyboard in Arabic, weeks from Saturday, right-to-left', async () => {
  const page = await openBrowser();
  await openAudit(page);
  const main = page.getByRole('main');
  const from = main.getByRole('textbox', { name: 'من', exact: true });
  expect(await from.getAttribute('placeholder')).toBe('يوم/شهر/سنة');

  // Typed day first, with Arabic-Indic digits; shown again in full when the field is left.
  await from.fill('٥/١١/٢٠٢٦');
  await from.press('Tab');
  expect(await from.inputValue()).toBe('05/11/2026');

  // The calendar opens from the button beside the field, on the day in it, with the focus there.
  const opener = main.getByRole('button', { name: 'الاختيار من التقويم' }).first();
  await expect(opener.evaluate((b) => b === document.activeElement)).resolves.toBe(true);
  await page.keyboard.press('Enter');
  const calendar = page.getByRole('dialog', { name: 'التقويم: من' });
  await calendar.waitFor();
  expect(await calendar.getByRole('grid').getByRole('heading').count()).toBe(0);
  expect(await calendar.getByText('نوفمبر 2026').count()).toBe(1);
  expect(await calendar.locator('th').first().getAttribute('abbr')).toBe('السبت');
  const focusedDay = () => page.evaluate(() => document.activeElement?.getAttribute('data-date'));
  expect(await focusedDay()).toBe('2026-11-05');
  await calendarShown(page);
  expect(await seriousViolations(page)).toEqual([]);
  // The calendar as it opens, the focused day ringed (support's screenshot() would blur it).
  await page.screenshot({ path: path.join(SCREENSHOTS, 'date-calendar-ar.png') });

  // Right to left: the left arrow is the next day; down a week; Page Down a month; Shift+Page Up a year.
  await page.keyboard.press('ArrowLeft');
  expect(await focusedDay()).toBe('2026-11-06');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  expect(await focusedDay()).toBe('2026-11-04');
  await page.keyboard.press('ArrowDown');
  expect(await focusedDay()).toBe('2026-11-11');
  await page.keyboard.press('PageDown');
  expect(await focusedDay()).toBe('2026-12-11');
  expect(await calendar.getByText('ديسمبر 2026').count()).toBe(1);
  await page.keyboard.press('Shift+PageUp');
  expect(await focusedDay()).toBe('2025-12-11');
  await page.keyboard.press('Home');
  expect(await focusedDay()).toBe('2025-12-06'); // the Saturday of that week
  await page.keyboard.press('Enter');
  await calendar.waitFor({ state: 'hidden' });
  expect(await from.inputValue()).toBe('06/12/2025');
  // The focus is back on the button that opened it.
  await expect(opener.evaluate((b) => b === document.activeElement)).resolves.toBe(true);

  // Escape closes without choosing.
  await page.keyboard.press('Enter');
  await calendar.waitFor();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Escape');
  await calendar.waitFor({ state: 'hidden' });
  expect(await from.inputValue()).toBe('06/12/2025');

  // What cannot be a date is said, in the reader's order, once the field is left.
  const to = main.getByRole('textbox', { name: 'إلى (شاملاً)' });
  await to.fill('31/02/2026');
  await to.press('Tab');
  await main.getByText('اكتب التاريخ يومًا/شهرًا/سنةً، مثل 25/03/2026.').waitFor();
  expect(await to.getAttribute('aria-invalid')).toBe('true');
  await to.fill('31/12/2025');
  await to.press('Tab');
  expect(await to.getAttribute('aria-invalid')).not.toBe('true');

  // The search carries the dates as the calendar's own (YYYY-MM-DD).
  await main.getByRole('button', { name: 'بحث' }).click();
  await page.waitForURL(/from=2025-12-06/);
  expect(new URL(page.url()).searchParams.get('to')).toBe('2025-12-31');
}, 60_000);

it('writes dates day/month/year in English too, weeks from Monday, left-to-right', async () => {
  const page = await openBrowser();
  await openAudit(page);
  // English on this browser only: the banner's switch would also change the office's preferred
  // language on the server, which other suites sign in with.
  await page.evaluate(() => window.localStorage.setItem('hundred.language', 'en'));
  await page.reload();
  await languageIs(page, 'en');
  const main = page.getByRole('main');
  const from = main.getByRole('textbox', { name: 'From', exact: true });
  expect(await from.getAttribute('placeholder')).toBe('DD/MM/YYYY');
  await from.fill('2/3/2026');
  await from.press('Tab');
  expect(await from.inputValue()).toBe('02/03/2026');

  await page.keyboard.press('Enter');
  const calendar = page.getByRole('dialog', { name: 'Calendar: From' });
  await calendar.waitFor();
  expect(await calendar.locator('th').first().getAttribute('abbr')).toBe('Monday');
  await calendarShown(page);
  expect(await seriousViolations(page)).toEqual([]);
  // The calendar as it opens, the focused day ringed (support's screenshot() would blur it).
  await page.screenshot({ path: path.join(SCREENSHOTS, 'date-calendar-en.png') });
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('End');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-date'))).toBe('2026-03-08'); // Sunday
  await page.keyboard.press('Space');
  await calendar.waitFor({ state: 'hidden' });
  expect(await from.inputValue()).toBe('08/03/2026');
}, 60_000);

it('shows the Hijri date of the day chosen, and Arabic-Indic digits, when the reader prefers them', async () => {
  const page = await openBrowser();
  await openAudit(page, { hijri: true, arabicDigits: true });
  const main = page.getByRole('main');
  const from = main.getByRole('textbox', { name: 'من', exact: true });
  expect(await from.getAttribute('placeholder')).toBe('يوم/شهر/سنة');

  const today = iso(new Date());
  const day = addDays(today, -3);
  await from.fill(dmy(day));
  await from.press('Tab');
  const arabicIndic = (text: string) => text.replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)));
  expect(await from.inputValue()).toBe(arabicIndic(dmy(day)));
  const hijriYear = new Intl.DateTimeFormat('ar-u-ca-islamic-umalqura-nu-arab', { year: 'numeric', timeZone: 'UTC' })
    .formatToParts(new Date(`${day}T12:00:00Z`))
    .find((p) => p.type === 'year')!.value;
  const hint = main.getByText(/^بالهجري: /);
  await hint.waitFor();
  expect(await hint.textContent()).toContain(hijriYear);

  // The calendar names the Hijri months of the month it shows.
  await page.keyboard.press('Enter');
  const calendar = page.getByRole('dialog', { name: 'التقويم: من' });
  await calendar.waitFor();
  expect(await calendar.textContent()).toContain(hijriYear);
  await calendarShown(page);
  expect(await seriousViolations(page)).toEqual([]);
  // The calendar as it opens, the focused day ringed (support's screenshot() would blur it).
  await page.screenshot({ path: path.join(SCREENSHOTS, 'date-calendar-hijri.png') });
  await page.keyboard.press('Escape');
}, 60_000);
