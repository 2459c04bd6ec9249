import type { APIRequestContext, Page } from 'playwright-core';

import {
  apiAs,
  closeBrowsers,
  gql,
  languageIs,
  MINISTER,
  OFFICE,
  openBrowser,
  REVIEWER,
  seriousViolations,
  signIn,
  useBrowser,
} from './support.js';

// Every screen of the app, as the people who open it, in Arabic and English on a desktop and in
// Arabic on a phone: axe finds no serious or critical violation of WCAG 2.2 A and AA, and every
// focusable element shows a focus ring at least 2 px wide in a colour at 3:1 against the page.

useBrowser();
afterEach(closeBrowsers);

const TEAM_LEAD = 'lead.permits@hundred.example';

interface Ids {
  executionCohort: string;
  draftCohort?: string;
  challenge: string;
  draftChallenge?: string;
  team: string;
  user: string;
  assessment?: string;
}

async function demoIds(office: APIRequestContext, reviewer: APIRequestContext): Promise<Ids> {
  const { cohorts } = await gql<{ cohorts: { id: string; state: string }[] }>(
    office,
    '{ cohorts(limit: 100) { id state } }',
  );
  const executionCohort = cohorts.find((c) => c.state === 'EXECUTION')?.id ?? cohorts[0]!.id;
  const { challenges } = await gql<{ challenges: { id: string; state: string }[] }>(
    office,
    '{ challenges(limit: 100) { id state } }',
  );
  const { teams } = await gql<{ teams: { id: string; state: string }[] }>(
    office,
    'query ($cohortId: UUID) { teams(cohortId: $cohortId, limit: 50) { id state } }',
    { cohortId: executionCohort },
  );
  const { users } = await gql<{ users: { id: string }[] }>(office, '{ users(limit: 1, search: "focal") { id } }');
  const { myAssessments } = await gql<{ myAssessments: { id: string }[] }>(reviewer, '{ myAssessments { id } }');
  return {
    executionCohort,
    draftCohort: cohorts.find((c) => c.state === 'DRAFT')?.id,
    challenge: challenges[0]!.id,
    draftChallenge: challenges.find((c) => c.state === 'DRAFT')?.id,
    team: (teams.find((t) => t.state === 'ACTIVE') ?? teams[0]!).id,
    user: users[0]!.id,
    assessment: myAssessments[0]?.id,
  };
}

/** The screens each person opens, by path. */
function screens(ids: Ids): Record<string, string[]> {
  const office = [
    '/',
    '/notifications',
    '/dashboard',
    '/account',
    '/cohorts',
    '/cohorts/new',
    `/cohorts/${ids.executionCohort}`,
    `/cohorts/${ids.executionCohort}/reviewers`,
    `/cohorts/${ids.executionCohort}/reviews`,
    '/challenges',
    '/challenges/new',
    `/challenges/${ids.challenge}`,
    '/screening',
    '/teams',
    `/teams/${ids.team}`,
    `/teams/${ids.team}/midpoint`,
    `/teams/${ids.team}/results`,
    '/admin/alignment',
    '/admin/users',
    `/admin/users/${ids.user}`,
    '/admin/agencies',
    '/audit',
    '/no-such-page',
  ];
  if (ids.draftCohort) office.push(`/cohorts/${ids.draftCohort}/edit`);
  if (ids.draftChallenge) office.push(`/challenges/${ids.draftChallenge}/edit`);
  return {
    [OFFICE]: office,
    [MINISTER]: ['/dashboard', '/approvals', `/challenges/${ids.challenge}`],
    [REVIEWER]: ['/reviews', ...(ids.assessment ? [`/reviews/${ids.assessment}`] : [])],
    [TEAM_LEAD]: ['/', `/teams/${ids.team}`],
  };
}

/** Waits until the page's main content has arrived: a first-level heading of its own and no loader left. */
async function contentShown(page: Page): Promise<void> {
  await page.locator('main h1:not([data-seen])').first().waitFor({ timeout: 15_000 });
  await page.waitForFunction(() => !document.querySelector('main [role="status"] .mantine-Loader'), null, {
    timeout: 15_000,
  });
}

/**
 * Opens `path` inside the running app, as its own links do (no reload), and waits for its content;
 * the heading of the page left behind is marked so that it is not taken for the new one's.
 */
async function visit(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => {
    if (window.location.pathname === to) return;
    document.querySelectorAll('main h1').forEach((h) => h.setAttribute('data-seen', ''));
    window.history.pushState(null, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  await contentShown(page);
}

/** From the next page load on, the interface is in `language`, as if the person had chosen it. */
async function useLanguage(page: Page, language: 'ar' | 'en'): Promise<void> {
  await page.context().addInitScript((lang) => window.localStorage.setItem('hundred.language', lang), language);
}

type Mode = { name: string; language: 'ar' | 'en'; viewport: { width: number; height: number } };
const MODES: Mode[] = [
  { name: 'Arabic, desktop', language: 'ar', viewport: { width: 1366, height: 900 } },
  { name: 'English, desktop', language: 'en', viewport: { width: 1366, height: 900 } },
  { name: 'Arabic, phone', language: 'ar', viewport: { width: 390, height: 844 } },
];

let ids: Ids;
beforeAll(async () => {
  ids = await demoIds(await apiAs(OFFICE), await apiAs(REVIEWER));
});

it('shows the sign-in page without serious accessibility problems in both languages and on a phone', async () => {
  const problems: string[] = [];
  for (const mode of MODES) {
    const page = await openBrowser({ viewport: mode.viewport, language: 'application' });
    await useLanguage(page, mode.language);
    await page.goto('/sign-in');
    await languageIs(page, mode.language);
    await page.getByRole('button').first().waitFor();
    for (const v of await seriousViolations(page)) problems.push(`${mode.name} /sign-in ${v}`);
  }
  expect(problems).toEqual([]);
}, 60_000);

for (const mode of MODES) {
  it(`shows every screen without serious accessibility problems (${mode.name})`, async () => {
    const problems: string[] = [];
    for (const [email, paths] of Object.entries(screens(ids))) {
      const page = await openBrowser({ viewport: mode.viewport });
      await signIn(page, email);
      await useLanguage(page, mode.language);
      await page.reload();
      await languageIs(page, mode.language);
      for (const path of paths) {
        await visit(page, path);
        for (const v of await seriousViolations(page)) problems.push(`${email} ${path}: ${v}`);
      }
    }
    expect(problems).toEqual([]);
  }, 240_000);
}

interface Ring {
  /** Where the element is in the document, to know when the keyboard has gone round. */
  index: number;
  element: string;
  width: number;
  contrast: number;
}

/** The focused element and its focus ring: the outline's width and its contrast with what is behind it. */
const focusRing = (page: Page) =>
  page.evaluate((): Ring | null => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return null;
    const rgb = (color: string) => (color.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r = 0, g = 0, b = 0]: number[]) => {
      const [R, G, B] = [r, g, b].map((v) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      }) as [number, number, number];
      return 0.2126 * R + 0.7152 * G + 0.0722 * B;
    };
    let behind = [255, 255, 255];
    for (let node = element.parentElement; node; node = node.parentElement) {
      const color = rgb(getComputedStyle(node).backgroundColor);
      if (color.length === 3 || (color.length === 4 && color[3]! > 0.5)) {
        behind = color.slice(0, 3);
        break;
      }
    }
    // A field inside a composite input (tags, pills) is ringed by the input around it.
    const ringed =
      getComputedStyle(element).outlineStyle === 'none'
        ? ((element.parentElement?.closest('.mantine-Input-input') as HTMLElement | null) ?? element)
        : element;
    const style = getComputedStyle(ringed);
    const [hi, lo] = [luminance(rgb(style.outlineColor)), luminance(behind)].sort((a, b) => b - a) as [number, number];
    const label =
      element.getAttribute('aria-label') ?? element.getAttribute('name') ?? element.textContent?.trim().slice(0, 40);
    return {
      index: Array.prototype.indexOf.call(document.getElementsByTagName('*'), element),
      element: `${element.tagName.toLowerCase()}.${element.className} "${label ?? ''}"`,
      width: style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth),
      contrast: Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100,
    };
  });

it('rings every element the keyboard reaches with a focus indicator of 2 px at 3:1 or more', async () => {
  const faint: string[] = [];
  const page = await openBrowser();
  await signIn(page, OFFICE);
  for (const path of ['/challenges/new', `/teams/${ids.team}`, '/admin/users', '/cohorts/new']) {
    await visit(page, path);
    await page.locator('#main-content').focus();
    const seen = new Set<number>();
    for (let step = 0; step < 80; step++) {
      await page.keyboard.press('Tab');
      const ring = await focusRing(page);
      if (!ring) continue;
      if (seen.has(ring.index)) break;
      seen.add(ring.index);
      if (ring.width < 2 || ring.contrast < 3)
        faint.push(`${path} ${ring.element}: ${ring.width}px at ${ring.contrast}:1`);
    }
    expect(seen.size).toBeGreaterThan(3);
  }
  expect(faint).toEqual([]);
}, 120_000);
