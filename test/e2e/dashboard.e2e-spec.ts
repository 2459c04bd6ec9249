import { execFileSync } from 'node:child_process';

import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

import {
  apiAs,
  closeBrowsers,
  gql,
  languageIs,
  MINISTER,
  openBrowser,
  screenshot,
  submitSignIn,
  useBrowser,
} from './support.js';

useBrowser();
afterEach(closeBrowsers);

/** The accessibility problems axe finds on the page that are serious or critical. */
async function seriousProblems(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} (${n.any[0]?.message ?? ''})`).join(', ')}`);
}

/** pdftotext's spaces inside Arabic words, bidi marks and the order of vowel signs are not compared. */
const normalize = (s: string) =>
  s.replace(/[\s\u200e\u200f\u202a-\u202e\u2066-\u2069\u0640]/g, '').replace(/\p{Mn}/gu, '');

interface Figures {
  dashboard: {
    byPillar: { pillarId: string; nameAr: string; nameEn: string; teams: { red: number } }[];
  };
}

const WORDS = {
  ar: {
    title: 'لوحة القيادة',
    pillar: 'المحور',
    red: 'خارج المسار',
    teams: 'الفرق',
    export: 'تصدير',
    pdf: 'ملف PDF',
    download: 'تنزيل ملف PDF',
    byPillar: 'النتائج حسب المحور',
  },
  en: {
    title: 'Leadership dashboard',
    pillar: 'Pillar',
    red: 'Off track',
    teams: 'Teams',
    export: 'Export',
    pdf: 'PDF',
    download: 'Download the PDF',
    byPillar: 'Results by pillar',
  },
} as const;

for (const lang of ['ar', 'en'] as const) {
  it(`lands a leader on the dashboard, filters it by a pillar, opens a red team behind it, goes back and exports the PDF (${lang})`, async () => {
    // A pillar of the demo data with a team off track.
    const api = await apiAs(MINISTER);
    const { dashboard } = await gql<Figures>(
      api,
      `{ dashboard { byPillar { pillarId nameAr nameEn teams { red } } } }`,
    );
    const pillar = dashboard.byPillar.find((p) => p.teams.red > 0);
    expect(pillar).toBeDefined();
    const words = WORDS[lang];

    const page = await openBrowser({ locale: lang, language: lang === 'ar' ? 'pinned' : 'application' });
    if (lang === 'en') await page.addInitScript(() => window.localStorage.setItem('hundred.language', 'en'));
    await page.goto('/sign-in');
    await languageIs(page, lang);
    if (lang === 'ar') await submitSignIn(page, MINISTER);
    else {
      await page.getByRole('textbox', { name: 'E-mail', exact: true }).fill(MINISTER);
      await page.getByRole('textbox', { name: 'Password', exact: true }).fill('Hundred-2026');
      await page.getByRole('button', { name: 'Sign in' }).click();
    }
    // Leadership's first page is the dashboard.
    await page.waitForURL((url) => url.pathname === '/dashboard');
    await page.getByRole('heading', { level: 1, name: words.title }).waitFor();
    await page.getByTestId('dashboard-cohorts').waitFor();
    expect(await seriousProblems(page)).toEqual([]);
    await screenshot(page, `dashboard-${lang}.png`);

    // Filtering by the pillar keeps the choice in the URL.
    await page.getByRole('combobox', { name: words.pillar, exact: true }).click();
    await page.getByRole('option', { name: lang === 'ar' ? pillar!.nameAr : pillar!.nameEn, exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('pillar') === pillar!.pillarId);
    const red = page.getByTestId('dashboard-overview').getByTestId('standing-link-RED');
    await red.waitFor();
    expect(await red.textContent()).toContain(words.red);
    expect(await seriousProblems(page)).toEqual([]);

    // The figure opens the teams behind it: the red teams of that pillar.
    await red.click();
    await page.waitForURL(
      (url) =>
        url.pathname === '/teams' &&
        url.searchParams.get('standing') === 'RED' &&
        url.searchParams.get('pillar') === pillar!.pillarId,
    );
    await page.getByTestId('teams-drill').waitFor();
    const rows = page.getByTestId('team-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(pillar!.teams.red);
    expect(await seriousProblems(page)).toEqual([]);

    // And the team itself, off track.
    await rows.first().getByRole('link').first().click();
    await page.waitForURL((url) => url.pathname.startsWith('/teams/'));
    await page.getByTestId('team-status').waitFor();
    const teamId = new URL(page.url()).pathname.split('/')[2]!;
    const { team } = await gql<{ team: { rag: string } }>(api, `query ($id: UUID!) { team(id: $id) { rag } }`, {
      id: teamId,
    });
    expect(team.rag).toBe('RED');

    // Back to the dashboard as it was filtered, and export it: the PDF of that pillar.
    await page.goBack();
    await page.waitForURL((url) => url.pathname === '/teams');
    await page.goBack();
    await page.waitForURL(
      (url) => url.pathname === '/dashboard' && url.searchParams.get('pillar') === pillar!.pillarId,
    );
    await page.getByTestId('dashboard-overview').getByTestId('standing-link-RED').waitFor();
    await page.getByRole('button', { name: words.export, exact: true }).click();
    await page
      .getByRole('dialog', { name: words.export })
      .getByRole('button', { name: words.pdf, exact: true })
      .click();
    const status = page.getByTestId('export-status');
    await status.waitFor();
    const link = page.getByRole('link', { name: words.download });
    await link.waitFor({ timeout: 60_000 });
    expect(await status.getAttribute('data-state')).toBe('DONE');
    expect(await seriousProblems(page)).toEqual([]);
    await screenshot(page, `dashboard-export-${lang}.png`);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const file = (await download.path())!;
    const text = normalize(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
    expect(text.startsWith(normalize(`${words.title}`))).toBe(true);
    for (const expected of [words.byPillar, lang === 'ar' ? pillar!.nameAr : pillar!.nameEn, words.red])
      expect(text).toContain(normalize(expected));
  }, 150_000);
}
