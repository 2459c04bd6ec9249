import path from 'node:path';

import { type Page } from 'playwright-core';

import {
  apiAs,
  closeBrowsers,
  FOCAL_POINT,
  gql,
  languageIs,
  MINISTER,
  OFFICE,
  openBrowser,
  PASSWORD,
  REVIEWER,
  SCREENSHOTS,
  submitSignIn,
  useBrowser,
} from './support.js';

let page: Page;

/** The document's language and direction. */
const documentLanguage = (p: Page) =>
  p.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));

/** Which half of the window the main navigation is in. */
async function navigationSide(p: Page): Promise<'left' | 'right'> {
  const box = await p.getByRole('navigation').first().boundingBox();
  const width = p.viewportSize()?.width ?? 0;
  if (!box) throw new Error('the navigation is not visible');
  return box.x + box.width / 2 > width / 2 ? 'right' : 'left';
}

useBrowser();

beforeEach(async () => {
  // An English-speaking browser: the application must still open in Arabic.
  page = await openBrowser({ locale: 'en-US', viewport: { width: 1366, height: 860 }, language: 'application' });
});

afterEach(closeBrowsers);

it('signs in in Arabic, right to left, then switches to English and remembers it', async () => {
  await page.goto('/');
  await page.waitForURL('**/sign-in');

  // Arabic and right to left by default.
  await languageIs(page, 'ar');
  expect(await documentLanguage(page)).toEqual({ lang: 'ar', dir: 'rtl' });
  const email = page.getByRole('textbox', { name: 'البريد الإلكتروني', exact: true });
  const password = page.getByRole('textbox', { name: 'كلمة المرور', exact: true });
  await email.waitFor();
  await password.waitFor();

  // A wrong password gets the server's Arabic message.
  await email.fill(OFFICE);
  await password.fill('not-the-password-1');
  await page.getByRole('button', { name: 'تسجيل الدخول' }).click();
  const alert = page.getByRole('alert');
  await alert.waitFor();
  expect(await alert.textContent()).toContain('البريد الإلكتروني أو كلمة المرور غير صحيحة.');

  // The right password opens the shell: the Arabic name and the Arabic role name.
  await password.fill(PASSWORD);
  await page.getByRole('button', { name: 'تسجيل الدخول' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  const header = page.locator('header');
  await header.getByText('ليلى الحسيني').waitFor();
  await header.getByText('مكتب المسرّعات').waitFor();
  // My tasks is the first page; the notifications have their own.
  await page.getByRole('heading', { level: 1, name: 'مهامي' }).waitFor();
  await page.getByRole('navigation').getByRole('link', { name: 'الإشعارات' }).click();
  await page.waitForURL('**/notifications');
  await page.getByRole('heading', { level: 1, name: 'الإشعارات' }).waitFor();
  // The newest notifications come first (the demo's welcome is older than a page of them).
  await page.getByRole('list', { name: 'الإشعارات' }).getByRole('listitem').first().waitFor();
  expect(await documentLanguage(page)).toEqual({ lang: 'ar', dir: 'rtl' });
  expect(await page.locator('main').evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  // Mirrored: the navigation sits on the right.
  expect(await navigationSide(page)).toBe('right');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'shell-ar.png') });

  // One click to English: the whole page turns left to right.
  await page.getByRole('button', { name: 'English' }).click();
  await languageIs(page, 'en');
  expect(await documentLanguage(page)).toEqual({ lang: 'en', dir: 'ltr' });
  await header.getByText('Layla Al-Husseini').waitFor();
  await header.getByText('Accelerator office').waitFor();
  await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
  await page.getByRole('link', { name: 'My account' }).waitFor();
  expect(await page.locator('main').evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
  expect(await navigationSide(page)).toBe('left');
  await page.getByRole('list', { name: 'Notifications' }).getByRole('listitem').first().waitFor();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'shell-en.png') });

  // The choice survives a reload.
  await page.reload();
  await languageIs(page, 'en');
  expect(await documentLanguage(page)).toEqual({ lang: 'en', dir: 'ltr' });
  await header.getByText('Layla Al-Husseini').waitFor();

  // The administration lists the demo users.
  await page.getByRole('link', { name: 'Users' }).click();
  await page.waitForURL('**/admin/users');
  await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
  for (const demo of [OFFICE, MINISTER, FOCAL_POINT, REVIEWER]) {
    await page.getByRole('cell', { name: demo, exact: true }).waitFor();
  }
  await page.getByRole('link', { name: 'Dr. Khaled Al-Masri' }).waitFor();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'users-en.png') });
}, 45_000);

it('returns to the page that asked for sign-in', async () => {
  // Leadership may read the agencies but not change them.
  await page.goto('/admin/agencies');
  await page.waitForURL('**/sign-in');
  await submitSignIn(page, MINISTER);
  await page.waitForURL('**/admin/agencies');
  await page.getByRole('heading', { level: 1, name: 'الجهات الحكومية' }).waitFor();
  await page.getByRole('cell', { name: 'وزارة الصحة', exact: true }).waitFor();
  expect(await page.getByRole('button', { name: 'جهة جديدة' }).count()).toBe(0);
}, 20_000);

it("adopts the user's preferred language when this browser has no choice stored", async () => {
  // The reviewer prefers English (as the demo has it, whatever another journey chose since) and
  // holds no administrative role.
  await gql(await apiAs(REVIEWER), 'mutation { updateMyPreferences(input: { preferredLanguage: en }) { id } }');
  await page.goto('/sign-in');
  await languageIs(page, 'ar');
  await submitSignIn(page, REVIEWER);
  await page.waitForURL((url) => url.pathname === '/');
  await languageIs(page, 'en');
  await page.locator('header').getByText('Omar Al-Khatib').waitFor();
  await page.getByRole('heading', { level: 1, name: 'My tasks' }).waitFor();
  expect(await page.getByRole('link', { name: 'Users' }).count()).toBe(0);
}, 20_000);
