import { readFileSync } from 'node:fs';

import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';

import {
  closeBrowsers,
  gql,
  languageIs,
  OFFICE,
  openBrowser,
  PASSWORD,
  screenshot,
  submitSignIn,
  useBrowser,
} from './support.js';

useBrowser();
afterEach(closeBrowsers);

/** The web app's words, as its catalogues have them. */
const catalogue = (lang: 'ar' | 'en') =>
  JSON.parse(readFileSync(new URL(`../../apps/web/src/i18n/${lang}.json`, import.meta.url), 'utf8')) as {
    form: { required: string };
    cohorts: {
      states: Record<string, string>;
      events: Record<string, string>;
      eventHints: Record<string, string>;
      timeline: Record<string, string>;
      actions: Record<string, string>;
    };
  };

/** The accessibility problems axe finds on the page that are serious or critical. */
async function seriousProblems(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} (${n.any[0]?.message ?? ''})`).join(', ')}`);
}

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  if (!found) throw new Error('the element is not visible');
  return { ...found, centre: found.x + found.width / 2, right: found.x + found.width };
}

interface CohortRow {
  id: string;
  state: string;
  currentDay: number;
  phases: { state: string }[];
}

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 900 };

const cases = [
  { lang: 'ar', viewport: DESKTOP, name: 'Arabic' },
  { lang: 'en', viewport: DESKTOP, name: 'English' },
  { lang: 'ar', viewport: PHONE, name: 'Arabic on a phone' },
  { lang: 'en', viewport: PHONE, name: 'English on a phone' },
] as const;

for (const { lang, viewport, name } of cases) {
  it(`shows a cohort in execution with every phase named, the 100 days first and today in its phase (${name})`, async () => {
    const words = catalogue(lang);
    const page = await openBrowser({ viewport, language: lang === 'ar' ? 'pinned' : 'application' });
    if (lang === 'en') await page.addInitScript(() => window.localStorage.setItem('hundred.language', 'en'));
    await page.goto('/sign-in');
    await languageIs(page, lang);
    if (lang === 'ar') await submitSignIn(page, OFFICE);
    else {
      await page.getByRole('textbox', { name: 'E-mail', exact: true }).fill(OFFICE);
      await page.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
    }
    await page.waitForURL((url) => url.pathname !== '/sign-in');
    const { cohorts } = await gql<{ cohorts: CohortRow[] }>(
      page.request,
      '{ cohorts { id state currentDay phases { state } } }',
    );
    // The demo's first cohort, about twenty days into its 100.
    const cohort = cohorts.find((c) => c.state === 'EXECUTION' && c.currentDay > 1 && c.currentDay < 45);
    expect(cohort).toBeDefined();
    await page.goto(`/cohorts/${cohort!.id}`);
    await languageIs(page, lang);
    const figure = page.getByTestId('cohort-timeline');
    const bar = page.getByTestId('timeline-bar');
    await bar.waitFor();

    // Every phase carries its name, whole, inside its own part of the bar.
    expect(cohort!.phases.length).toBe(8);
    for (const { state } of cohort!.phases) {
      const segment = bar.locator(`[data-phase="${state}"]`);
      const label = segment.getByTestId('timeline-phase-label');
      expect(await label.isVisible()).toBe(true);
      expect(await label.textContent()).toBe(words.cohorts.states[state]);
      const [s, l] = [await box(segment), await box(label)];
      expect(l.x).toBeGreaterThanOrEqual(s.x - 0.5);
      expect(l.right).toBeLessThanOrEqual(s.right + 0.5);
      expect(l.y).toBeGreaterThanOrEqual(s.y - 0.5);
      expect(l.y + l.height).toBeLessThanOrEqual(s.y + s.height + 0.5);
      // No word of it cut off inside the segment either.
      expect(
        await segment.evaluate((el) => el.scrollWidth <= el.clientWidth && el.scrollHeight <= el.clientHeight),
      ).toBe(true);
    }
    // And the legend names them in order, in words, for those who do not see the bar.
    const legend = page.getByRole('list', { name: words.cohorts.timeline.phases });
    const items = await legend.getByRole('listitem').allTextContents();
    expect(items.map((text, i) => text.startsWith(words.cohorts.states[cohort!.phases[i]!.state]!))).toEqual(
      items.map(() => true),
    );

    // Time flows with the page's direction.
    const intake = await box(bar.locator('[data-phase="INTAKE"]'));
    const execution = await box(bar.locator('[data-phase="EXECUTION"]'));
    const sustainment = await box(bar.locator('[data-phase="SUSTAINMENT"]'));
    if (lang === 'ar') expect(intake.centre).toBeGreaterThan(execution.centre);
    else expect(intake.centre).toBeLessThan(execution.centre);
    // The 100 days take most of the bar; sustainment, six months long, a small part after a break.
    const [whole, hundred] = [await box(bar), await box(page.getByTestId('timeline-hundred'))];
    expect(hundred.width / whole.width).toBeGreaterThanOrEqual(0.6);
    expect(sustainment.width / whole.width).toBeLessThan(0.2);
    expect(await page.getByTestId('timeline-hundred').textContent()).toBe(words.cohorts.timeline.hundredDays);
    expect(await bar.getByTestId('timeline-break').count()).toBe(1);

    // Today is inside the execution phase, in the frame the page opens on.
    const today = await box(page.getByTestId('timeline-today'));
    expect(today.centre).toBeGreaterThan(execution.x);
    expect(today.centre).toBeLessThan(execution.right);
    const scroller = page.getByTestId('timeline-scroller');
    const frame = await box(scroller);
    expect(today.centre).toBeGreaterThan(frame.x);
    expect(today.centre).toBeLessThan(frame.right);

    // Nothing is cut: the page does not scroll sideways, and the bar fits its frame or scrolls inside it.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    const f = await box(figure);
    expect(f.x).toBeGreaterThanOrEqual(0);
    expect(f.right).toBeLessThanOrEqual(viewport.width);
    const fits = await scroller.evaluate((el) => el.scrollWidth <= el.clientWidth);
    if (viewport === PHONE) {
      expect(fits).toBe(false);
      expect(await scroller.evaluate((el) => getComputedStyle(el).overflowX)).toBe('auto');
      expect(await page.getByTestId('timeline-scroll-hint').textContent()).toBe(words.cohorts.timeline.scrollHint);
      // Scrolled to either end, the first and the last phase come into the frame.
      for (const [edge, state] of [
        ['start', 'INTAKE'],
        ['end', 'SUSTAINMENT'],
      ] as const) {
        await scroller.evaluate((el, to) => {
          const rtl = getComputedStyle(el).direction === 'rtl';
          const max = el.scrollWidth - el.clientWidth;
          el.scrollLeft = (to === 'start' ? 0 : max) * (rtl ? -1 : 1);
        }, edge);
        const segment = await box(bar.locator(`[data-phase="${state}"]`));
        const inFrame = await box(scroller);
        expect(segment.x).toBeGreaterThanOrEqual(inFrame.x - 0.5);
        expect(segment.right).toBeLessThanOrEqual(inFrame.right + 0.5);
      }
    } else {
      expect(fits).toBe(true);
      expect(await page.getByTestId('timeline-scroll-hint').count()).toBe(0);
    }

    // The office sees the demo clock (the test's API lets the clock move); cancelling is apart.
    await page.getByTestId('demo-clock').waitFor();
    expect(
      await page
        .locator('section[aria-labelledby="cohort-actions"]')
        .getByRole('button', { name: words.cohorts.events.CANCEL })
        .count(),
    ).toBe(0);
    await page.getByTestId('cohort-cancel').getByRole('button', { name: words.cohorts.events.CANCEL }).waitFor();

    expect(await seriousProblems(page)).toEqual([]);
    await screenshot(page, `cohort-page-${lang}-${viewport === PHONE ? 'phone' : 'desktop'}.png`);
  }, 60_000);
}
