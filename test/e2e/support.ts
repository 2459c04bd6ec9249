// What the browser specs share: the Chromium they drive, signed-in GraphQL sessions through the
// web's proxy, Arabic browsers, the sign-in form, screenshots and the demo accounts. Jest runs only
// files named *.e2e-spec.ts (test/jest.config.js), so this module is no spec of its own; each spec
// file gets a fresh copy of it, and with it its own browser and its own lists of what to close.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import AxeBuilder from '@axe-core/playwright';
import {
  chromium,
  request as playwrightRequest,
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  type Page,
} from 'playwright-core';

/** The built web app that the global setup started (it proxies /graphql to the API). */
export const WEB_URL = process.env.HUNDRED_E2E_WEB_URL ?? '';
/** Where the specs leave their pictures. */
export const SCREENSHOTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');
/** Debian's Chromium, unless CHROMIUM_PATH names another. */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** The password of every demo account the seed creates. */
export const PASSWORD = 'Hundred-2026';
/** The password of the people the specs create themselves. */
export const PEOPLE_PASSWORD = 'Hundred-2026-test';
export const OFFICE = 'office@hundred.example';
export const MINISTER = 'minister@hundred.example';
export const FOCAL_POINT = 'focal.health@hundred.example';
export const REVIEWER = 'reviewer@hundred.example';

export const DAY_MS = 86_400_000;

let browser: Browser | undefined;
const contexts: BrowserContext[] = [];
const requests: APIRequestContext[] = [];

/**
 * Launches Chromium before the spec file's tests, and after them closes every browser and request
 * context opened through this module, then the browser.
 */
export function useBrowser(): void {
  beforeAll(async () => {
    if (!WEB_URL) throw new Error('HUNDRED_E2E_WEB_URL is not set: the global setup did not run.');
    mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 60_000); // a cold Chromium (its first start after installation) can take longer than Jest's 5 s

  afterAll(async () => {
    await closeBrowsers();
    await Promise.all(requests.splice(0).map((r) => r.dispose()));
    await browser?.close();
  });
}

/**
 * How a browser comes to Arabic: `'chosen'` stores Arabic as its choice unless a page stored another
 * (so the language button still switches it), `'pinned'` stores Arabic before every page load, and
 * `'application'` stores nothing and leaves the language to the application.
 */
export type LanguageChoice = 'chosen' | 'pinned' | 'application';

export interface BrowserOptions {
  /** The browser's own language (what it sends as Accept-Language); `'ar'` unless told. */
  locale?: string;
  /** 1366 × 900 unless told. */
  viewport?: { width: number; height: number };
  /** `'chosen'` unless told. */
  language?: LanguageChoice;
}

/** A browser of its own for one person, in Arabic unless told; every wait gives up after ten seconds. */
export async function openBrowser({
  locale = 'ar',
  viewport = { width: 1366, height: 900 },
  language = 'chosen',
}: BrowserOptions = {}): Promise<Page> {
  if (!browser) throw new Error('no browser: call useBrowser() in the spec file.');
  const context = await browser.newContext({ baseURL: WEB_URL, locale, viewport });
  context.setDefaultTimeout(10_000);
  if (language === 'chosen') {
    await context.addInitScript(() => {
      if (!window.localStorage.getItem('hundred.language')) window.localStorage.setItem('hundred.language', 'ar');
    });
  } else if (language === 'pinned') {
    await context.addInitScript(() => window.localStorage.setItem('hundred.language', 'ar'));
  }
  contexts.push(context);
  return context.newPage();
}

/** Closes every browser opened so far (for specs that start each test with a fresh one). */
export async function closeBrowsers(): Promise<void> {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
}

/** Sends one GraphQL operation through the web's proxy, as whoever signed in on `request`. */
export async function gql<T>(
  request: APIRequestContext,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await request.post('/graphql', {
    data: { query, variables },
    headers: { 'content-type': 'application/json' },
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) {
    throw new Error(`GraphQL failed: ${JSON.stringify(body.errors ?? body)}`);
  }
  return body.data;
}

/** A signed-in GraphQL session of its own, disposed of after the spec file's tests. */
export async function apiAs(email: string, password = PASSWORD): Promise<APIRequestContext> {
  const request = await playwrightRequest.newContext({ baseURL: WEB_URL });
  requests.push(request);
  await gql(request, 'mutation ($input: SignInInput!) { signIn(input: $input) { id } }', {
    input: { email, password },
  });
  return request;
}

/**
 * The accessibility violations of impact serious or critical that axe finds on the page (WCAG 2.0,
 * 2.1 and 2.2, levels A and AA), one line each with the elements concerned.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} (${n.any[0]?.message ?? ''})`).join('; ')}`);
}

/** Waits until the document's language is the expected one. */
export const languageIs = (page: Page, lang: string) =>
  page.waitForFunction((expected) => document.documentElement.lang === expected, lang, { timeout: 10_000 });

/** Fills in and sends the (Arabic) sign-in form that the page shows. */
export async function submitSignIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.getByRole('textbox', { name: 'البريد الإلكتروني', exact: true }).fill(email);
  await page.getByRole('textbox', { name: 'كلمة المرور', exact: true }).fill(password);
  await page.getByRole('button', { name: 'تسجيل الدخول' }).click();
}

/** Signs in through the form, in Arabic, and waits for the person's first page (leadership's is the dashboard). */
export async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await languageIs(page, 'ar');
  await submitSignIn(page, email, password);
  await page.waitForURL((url) => url.pathname !== '/sign-in');
}

/** Waits until the state badge of the cohort, challenge or team page reads `state`. */
export async function stateBecomes(
  page: Page,
  subject: 'cohort' | 'challenge' | 'team',
  state: string,
  timeoutMs?: number,
): Promise<void> {
  await page
    .getByTestId(`${subject}-status`)
    .getByTestId(`${subject}-state`)
    .filter({ hasText: new RegExp(`^${state}$`) })
    .waitFor({ timeout: timeoutMs });
}

/** A full-page picture from the top, without passing toasts or a focus ring in the way. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  await page.addStyleTag({ content: '.mantine-Notifications-root { display: none !important; }' });
  await page.screenshot({ path: path.join(SCREENSHOTS, name), fullPage: true });
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type CohortState = { state: string; version: number };

/** The cohort's state and version, as `api` may read them. */
export const readCohort = async (api: APIRequestContext, id: string) =>
  (await gql<{ cohort: CohortState }>(api, 'query ($id: UUID!) { cohort(id: $id) { state version } }', { id })).cohort;

/**
 * Takes the cohort forward to `target` as the office would. The scheduler may fire the same
 * transitions on its own (another test may move the shared clock), so each step reads the state
 * first and a refused step is read again.
 */
export async function walkCohort(api: APIRequestContext, id: string, target: 'INTAKE' | 'EXECUTION'): Promise<void> {
  const next: Record<string, string> = {
    DRAFT: 'openCohortIntake',
    INTAKE: 'closeCohortIntake',
    SELECTION: 'startCohortPreparation',
    PREPARATION: 'launchCohort',
  };
  for (let attempt = 0; attempt < 40; attempt++) {
    const cohort = await readCohort(api, id);
    if (cohort.state === target) return;
    const mutation = next[cohort.state];
    if (!mutation) throw new Error(`the cohort is ${cohort.state}, not on its way to ${target}`);
    const inputType = mutation === 'launchCohort' ? 'LaunchCohortInput' : 'CohortEventInput';
    await gql(api, `mutation ($input: ${inputType}!) { ${mutation}(input: $input) { state } }`, {
      input: { id, version: cohort.version },
    }).catch(() => pause(250));
  }
  throw new Error(`the cohort did not reach ${target}`);
}
