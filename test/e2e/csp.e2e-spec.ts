import type { Page } from 'playwright-core';

import { apiAs, closeBrowsers, gql, OFFICE, openBrowser, signIn, useBrowser } from './support.js';

useBrowser();
afterAll(closeBrowsers);

/** A browser that records every report of a Content-Security-Policy violation. */
async function watchedPage(): Promise<{ page: Page; violations: string[] }> {
  const page = await openBrowser();
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(message.text()))
      violations.push(`console: ${message.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const list = ((window as unknown as { __csp?: string[] }).__csp ??= []);
      list.push(`${e.violatedDirective} ${e.blockedURI || '(inline)'} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  return { page, violations };
}

const reported = (page: Page) => page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);

it('serves every screen under a strict CSP and the browser reports no violation', async () => {
  const api = await apiAs(OFFICE);
  const { cohorts, challenges, teams, users } = await gql<{
    cohorts: { id: string; state: string }[];
    challenges: { id: string; state: string }[];
    teams: { id: string; review: { assessments: { id: string }[] } | null }[];
    users: { id: string }[];
  }>(
    api,
    `{ cohorts { id state } challenges { id state } teams { id review { assessments { id } } } users(limit: 1) { id } }`,
  );
  const reviewed = teams.find((t) => (t.review?.assessments.length ?? 0) > 0)!;
  const draft = challenges.find((c) => c.state === 'DRAFT') ?? challenges[0]!;
  const screens = [
    '/',
    '/dashboard',
    '/notifications',
    '/audit?action=auth.sign_in',
    '/account',
    '/cohorts',
    '/cohorts/new',
    `/cohorts/${cohorts[0]!.id}`,
    `/cohorts/${cohorts[0]!.id}/edit`,
    '/challenges',
    '/challenges/new',
    `/challenges/${challenges[0]!.id}`,
    `/challenges/${draft.id}/edit`,
    '/screening',
    '/approvals',
    '/teams',
    `/teams/${teams[0]!.id}`,
    `/cohorts/${cohorts[0]!.id}/reviewers`,
    `/cohorts/${cohorts[0]!.id}/reviews`,
    `/teams/${reviewed.id}/midpoint`,
    '/reviews',
    `/reviews/${reviewed.review!.assessments[0]!.id}`,
    '/admin/alignment',
    '/admin/users',
    `/admin/users/${users[0]!.id}`,
    '/admin/agencies',
    '/no-such-page',
  ];

  const { page, violations } = await watchedPage();
  const first = await page.goto('/sign-in');
  const csp = first!.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(first!.headers()['x-content-type-options']).toBe('nosniff');
  expect(first!.headers()['referrer-policy']).toBe('same-origin');
  await signIn(page, OFFICE);

  const seen: Record<string, string[]> = {};
  for (const screen of screens) {
    const response = await page.goto(screen);
    expect(response!.headers()['content-security-policy']).toBe(csp);
    await page.waitForLoadState('networkidle');
    await page.getByRole('main').first().waitFor();
    const found = [...(await reported(page)), ...violations.splice(0)];
    if (found.length) seen[screen] = found;
  }
  expect(seen).toEqual({});
}, 120_000);
