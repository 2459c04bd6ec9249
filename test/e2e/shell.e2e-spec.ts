import type { Page, Route } from 'playwright-core';

import { closeBrowsers, languageIs, OFFICE, openBrowser, signIn, useBrowser } from './support.js';

// A ministry network is slow and drops requests. Whatever a page's request meets, the frame of the
// app stays usable: the navigation, the language switch and signing out, with the wait or the
// failure, and a retry, inside the content area.

useBrowser();
afterEach(closeBrowsers);

/** What the shell itself asks for; everything else belongs to a page. */
const SHELL_OPERATIONS = new Set(['Me', 'MyTaskCount', 'UnreadNotificationCount', 'Clock']);

const operationOf = (route: Route): string | undefined => {
  try {
    return (route.request().postDataJSON() as { operationName?: string } | null)?.operationName;
  } catch {
    return undefined;
  }
};

/** From now on, every GraphQL request of a page (not the shell's) fails as a dropped connection. */
const failPageRequests = (page: Page) =>
  page.route('**/graphql', (route) =>
    SHELL_OPERATIONS.has(operationOf(route) ?? '') ? route.continue() : route.abort('connectionreset'),
  );

async function expectShellUsable(page: Page, language: 'ar' | 'en'): Promise<void> {
  const words =
    language === 'ar' ? { tasks: 'مهامي', signOut: 'تسجيل الخروج' } : { tasks: 'My tasks', signOut: 'Sign out' };
  await page.getByRole('navigation').getByRole('link', { name: words.tasks }).waitFor();
  await page.getByRole('banner').getByRole('button', { name: words.signOut }).waitFor();
}

it('keeps the shell usable when a page cannot load its data, and loads it on retry', async () => {
  const page = await openBrowser();
  await signIn(page, OFFICE);
  await failPageRequests(page);

  await page.getByRole('navigation').getByRole('link', { name: 'الدفعات' }).click();
  const main = page.getByRole('main');
  await main.getByRole('heading', { name: 'تعذّر تحميل البيانات' }).waitFor();
  await expectShellUsable(page, 'ar');

  // The language can still be switched, and the failure is said in English.
  await page.getByRole('banner').getByRole('button', { name: 'English' }).click();
  await languageIs(page, 'en');
  await main.getByRole('heading', { name: 'The data could not be loaded' }).waitFor();
  await expectShellUsable(page, 'en');

  // The network is back: the retry inside the page loads it.
  await page.unroute('**/graphql');
  await main.getByRole('button', { name: 'Try again' }).click();
  await main.getByRole('heading', { level: 1, name: 'Cohorts' }).waitFor();
});

it('shows a slow page waiting inside the content area, while the navigation still leads elsewhere', async () => {
  const page = await openBrowser();
  await signIn(page, OFFICE);
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/graphql', async (route) => {
    if (!SHELL_OPERATIONS.has(operationOf(route) ?? '')) await held;
    await route.continue().catch(() => undefined);
  });

  await page.getByRole('navigation').getByRole('link', { name: 'الفرق' }).click();
  await page.getByRole('main').getByRole('status').waitFor();
  await expectShellUsable(page, 'ar');
  // The person does not wait: My tasks opens from the navigation.
  await page.getByRole('navigation').getByRole('link', { name: 'مهامي' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  release();
  await page.getByRole('main').getByRole('heading', { level: 1, name: 'مهامي' }).waitFor();
});

it('keeps the language and signing out at hand when the session itself cannot be read', async () => {
  const page = await openBrowser();
  await signIn(page, OFFICE);
  await page.route('**/graphql', (route) =>
    operationOf(route) === 'Me' ? route.abort('connectionreset') : route.continue(),
  );
  await page.reload();
  const main = page.getByRole('main');
  await main.getByRole('heading', { name: 'تعذّر تحميل البيانات' }).waitFor();
  await page.getByRole('banner').getByRole('button', { name: 'تسجيل الخروج' }).waitFor();
  await page.getByRole('banner').getByRole('button', { name: 'English' }).click();
  await languageIs(page, 'en');
  await main.getByRole('heading', { name: 'The data could not be loaded' }).waitFor();

  await page.unroute('**/graphql');
  await main.getByRole('button', { name: 'Try again' }).click();
  await expectShellUsable(page, 'en');
});

it('says inside the content area when the code of a page cannot be fetched', async () => {
  const page = await openBrowser();
  await signIn(page, OFFICE);
  await page.route(/\/assets\/AuditPage-[^/]*\.js$/, (route) => route.abort('connectionreset'));
  await page.getByRole('navigation').getByRole('link', { name: 'سجل التدقيق' }).click();
  await page.getByRole('main').getByRole('heading', { name: 'تعذّر تحميل البيانات' }).waitFor();
  await expectShellUsable(page, 'ar');
  // Another page still opens.
  await page.getByRole('navigation').getByRole('link', { name: 'مهامي' }).click();
  await page.getByRole('main').getByRole('heading', { level: 1, name: 'مهامي' }).waitFor();
});

it('shows the notifications a page at a time, the next one below on request', async () => {
  const page = await openBrowser();
  await signIn(page, OFFICE);
  await page.getByRole('navigation').getByRole('link', { name: 'الإشعارات' }).click();
  const list = page.getByRole('list', { name: 'الإشعارات' });
  await list.getByRole('listitem').first().waitFor();
  expect(await list.getByRole('listitem').count()).toBe(30);
  await page.getByRole('button', { name: 'عرض المزيد' }).click();
  await page.waitForFunction(() => document.querySelectorAll('main ul > li').length > 30);
  expect(await list.getByRole('listitem').count()).toBeGreaterThan(30);
  expect(await list.getByRole('listitem').count()).toBeLessThanOrEqual(60);
});
