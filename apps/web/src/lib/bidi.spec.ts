import bidiFactory from 'bidi-js';

import { i18n, i18nReady } from '../i18n';
import { isolate, isolateLtr } from './bidi';
import { formattersFor } from './format';

// The Unicode Bidirectional Algorithm (bidi-js implements UAX #9 with isolates) lays out each
// string as a browser does; what the reader sees, left to right, is compared with what they
// should see.
const bidi = bidiFactory();
const CONTROLS = /[\u061c\u200e\u200f\u2066-\u2069]/g;

/** The text as it appears on screen, from left to right, in a paragraph of direction `dir`. */
function onScreen(text: string, dir: 'rtl' | 'ltr'): string {
  return bidi.getReorderedString(text, bidi.getEmbeddingLevels(text, dir)).replace(CONTROLS, '');
}
/** An Arabic word as it appears on screen: its letters from left to right. */
const shown = (word: string) => [...word].reverse().join('');

const ar = formattersFor('ar', { hijri: false, arabicDigits: false });
const arDigits = formattersFor('ar', { hijri: false, arabicDigits: true });
const en = formattersFor('en');
const tAr = i18n.getFixedT('ar');
const tEn = i18n.getFixedT('en');
// Only the first language's catalogue is there at start; the other one loads on demand.
beforeAll(async () => {
  await i18nReady;
  await i18n.loadLanguages(['ar', 'en']);
});

describe('signed numbers in right-to-left text', () => {
  it('shows a day before day 1 as "اليوم -35": the minus before its Western digits, the number after the word', () => {
    const label = tAr('cohorts.day', { day: ar.number(-35) });
    expect(onScreen(label, 'rtl')).toBe(`-35 ${shown('اليوم')}`);
    // What the browser drew before: the Arabic letter mark Chromium puts before the minus sends it
    // after the digits ("اليوم 35-").
    expect(onScreen('اليوم \u061c-35', 'rtl')).toBe(`35- ${shown('اليوم')}`);
  });

  it('keeps the minus on the reading side of Arabic-Indic digits, as Arabic writes them', () => {
    const label = tAr('cohorts.day', { day: arDigits.number(-35) });
    expect(onScreen(label, 'rtl')).toBe(`٣٥- ${shown('اليوم')}`);
  });

  it('writes positive numbers and English alike without marks', () => {
    expect(ar.number(35)).toBe('35');
    expect(onScreen(tEn('cohorts.day', { day: en.number(-35) }), 'ltr')).toBe('Day -35');
    expect(en.number(-35)).toBe('-35');
  });

  it('shows an explicit sign beside its digits, in a sentence or alone', () => {
    expect(onScreen(ar.signed(5), 'rtl')).toBe('+5');
    expect(onScreen(`الفرق ${ar.signed(-2.5)} يوم`, 'rtl')).toBe(`${shown('يوم')} -2.5 ${shown('الفرق')}`);
    expect(ar.signed(0)).toBe('0');
  });

  it('leaves every day label of a cohort, from −42 to 294, with its sign beside its digits', () => {
    for (let day = -42; day <= 294; day++) {
      if (day === 0) continue;
      const screen = onScreen(tAr('cohorts.day', { day: ar.number(day) }), 'rtl');
      expect(screen).toBe(`${day} ${shown('اليوم')}`);
    }
  });
});

describe('text of the other direction inside a sentence', () => {
  it('keeps an English title with its numbers whole inside Arabic', () => {
    const title = 'Cut container clearance at the port from 5 days to 1';
    const sentence = `تكليف ${isolate(title)}: ${ar.number(3)}`;
    const screen = onScreen(sentence, 'rtl');
    expect(screen).toContain(title);
    // The title stays to the left of the Arabic word that leads the sentence.
    expect(screen.indexOf(title)).toBeLessThan(screen.indexOf(shown('تكليف')));
  });

  it('keeps an e-mail address and a code left to right', () => {
    expect(onScreen(`البريد ${isolateLtr('lead.permits@hundred.example')}`, 'rtl')).toBe(
      `lead.permits@hundred.example ${shown('البريد')}`,
    );
    expect(onScreen(`الرمز ${isolateLtr('MOH-2')}`, 'rtl')).toBe(`MOH-2 ${shown('الرمز')}`);
  });

  it('keeps an Arabic name whole inside English', () => {
    const name = 'هالة الزعبي 2';
    expect(onScreen(`Assign ${isolate(name)} to the team`, 'ltr')).toBe(`Assign ${onScreen(name, 'rtl')} to the team`);
  });
});

describe('time zones', () => {
  it('names a time zone in the reader’s language, not by its IANA id', () => {
    expect(ar.timeZone('Asia/Amman')).toMatch(/^توقيت /);
    expect(en.timeZone('Asia/Amman')).toMatch(/Time$/);
    expect(ar.timeZone('Not/AZone')).toBe('Not/AZone');
  });
});
