import { formatGregorian, formatHijri, isGlobalRole, type Language } from '@hundred/domain';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { isolateLtr, signNeedsIsolating } from './bidi';
import { DEFAULT_PREFERENCES, useDisplayPreferences, type DisplayPreferences } from './preferences';

/** Gregorian calendar; Arabic with Western digits unless the user asks for Arabic-Indic ones. */
function localeOf(language: Language, arabicDigits: boolean): string {
  return language === 'ar' ? `ar-u-ca-gregory-nu-${arabicDigits ? 'arab' : 'latn'}` : 'en-GB-u-ca-gregory';
}

/** The time zone of this browser, for instants that belong to no cohort. */
const BROWSER_TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export interface Formatters {
  language: Language;
  /** The BCP 47 locale every formatter here uses (Gregorian calendar, the reader's digits). */
  locale: string;
  preferences: DisplayPreferences;
  /** Date and time of an instant; the Hijri date follows when the user asks for it. */
  dateTime: (iso: string, timeZone?: string) => string;
  /** Date of an instant; the Hijri date follows when the user asks for it. */
  date: (iso: string, timeZone?: string) => string;
  /** A calendar date (`YYYY-MM-DD`, no time zone); the Hijri date follows when the user asks for it. */
  localDate: (isoDate: string) => string;
  /** The Gregorian date alone. */
  gregorian: (iso: string, timeZone?: string) => string;
  /** The Umm al-Qura Hijri date alone. */
  hijri: (iso: string, timeZone?: string) => string;
  /** The time of day of an instant. */
  time: (iso: string, timeZone?: string) => string;
  /** Day and month only, for axes and other tight places. */
  dayMonth: (iso: string, timeZone?: string) => string;
  /** A number; in Arabic with Western digits a signed one is isolated left to right (−35 stays −35). */
  number: (value: number) => string;
  /** A number with its sign shown, + or −, isolated as `number` is. */
  signed: (value: number) => string;
  /** The name of a time zone in the interface's language (توقيت الأردن, Jordan Time). */
  timeZone: (timeZone: string) => string;
  list: (items: readonly string[]) => string;
  /** Compares strings as people of the current language sort them. */
  compare: (a: string, b: string) => number;
  /** The name of a bilingual object in the current language. */
  name: (named: { nameAr: string; nameEn: string }) => string;
}

// Intl's formatters are costly to build and cheap to use: one set per language and preferences,
// shared by every component (a list page has dozens asking for them).
const formattersCache = new Map<string, Formatters>();

export function formattersFor(language: Language, preferences: DisplayPreferences = DEFAULT_PREFERENCES): Formatters {
  const key = `${language}|${preferences.hijri}|${preferences.arabicDigits}`;
  let found = formattersCache.get(key);
  if (!found) {
    found = buildFormatters(language, preferences);
    formattersCache.set(key, found);
  }
  return found;
}

function buildFormatters(language: Language, preferences: DisplayPreferences): Formatters {
  const digits = language === 'ar' && preferences.arabicDigits;
  const locale = localeOf(language, digits);
  const cache = new Map<string, Intl.DateTimeFormat>();
  const dateTimeFormat = (timeZone: string, options: Intl.DateTimeFormatOptions) => {
    const key = `${timeZone}|${JSON.stringify(options)}`;
    let found = cache.get(key);
    if (!found) {
      found = new Intl.DateTimeFormat(locale, { ...options, timeZone });
      cache.set(key, found);
    }
    return found;
  };
  const number = new Intl.NumberFormat(locale);
  const signedNumber = new Intl.NumberFormat(locale, { signDisplay: 'exceptZero' });
  // Right-to-left text with Western digits keeps a sign beside its digits only inside an isolate.
  const laidOut = (text: string) =>
    language === 'ar' && !digits && signNeedsIsolating(text) ? isolateLtr(text) : text;
  const zoneNames = new Map<string, string>();
  const zoneName = (timeZone: string) => {
    let name = zoneNames.get(timeZone);
    if (name === undefined) {
      try {
        name =
          new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'longGeneric' })
            .formatToParts(new Date())
            .find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
      } catch {
        name = timeZone;
      }
      zoneNames.set(timeZone, name);
    }
    return name;
  };
  const list = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
  const collator = new Intl.Collator(locale);

  const gregorian = (iso: string, timeZone = BROWSER_TIME_ZONE) =>
    formatGregorian(new Date(iso), language, timeZone, digits);
  const hijri = (iso: string, timeZone = BROWSER_TIME_ZONE) => formatHijri(new Date(iso), language, timeZone, digits);
  // English shows the 24-hour clock with two digits (09:00, 00:00); Arabic its own 12-hour clock (9:00 ص).
  const clock: Intl.DateTimeFormatOptions =
    language === 'en'
      ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
      : { hour: 'numeric', minute: '2-digit' };
  const withHijri = (text: string, iso: string, timeZone: string) =>
    preferences.hijri ? `${text} (${hijri(iso, timeZone)})` : text;

  return {
    language,
    locale,
    preferences,
    dateTime: (iso, timeZone = BROWSER_TIME_ZONE) =>
      withHijri(
        dateTimeFormat(timeZone, { day: 'numeric', month: 'long', year: 'numeric', ...clock }).format(new Date(iso)),
        iso,
        timeZone,
      ),
    date: (iso, timeZone = BROWSER_TIME_ZONE) => withHijri(gregorian(iso, timeZone), iso, timeZone),
    // Noon UTC of that date falls on the same date in the Gregorian and Hijri calendars alike.
    localDate: (isoDate) => withHijri(gregorian(`${isoDate}T12:00:00Z`, 'UTC'), `${isoDate}T12:00:00Z`, 'UTC'),
    gregorian,
    hijri,
    time: (iso, timeZone = BROWSER_TIME_ZONE) => dateTimeFormat(timeZone, clock).format(new Date(iso)),
    dayMonth: (iso, timeZone = BROWSER_TIME_ZONE) =>
      dateTimeFormat(timeZone, { day: 'numeric', month: 'short' }).format(new Date(iso)),
    number: (value) => laidOut(number.format(value)),
    signed: (value) => laidOut(signedNumber.format(value)),
    timeZone: zoneName,
    list: (items) => list.format(items),
    compare: (a, b) => collator.compare(a, b),
    name: (named) => (language === 'ar' ? named.nameAr : named.nameEn),
  };
}

/** Formatters that follow the interface language and the user's display preferences. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const [preferences] = useDisplayPreferences();
  const language = i18n.resolvedLanguage === 'en' ? 'en' : 'ar';
  return useMemo(() => formattersFor(language, preferences), [language, preferences]);
}

/** Role names in the current language (GLOSSARY terms in Arabic). */
export function roleNames(t: TFunction, roles: readonly string[]): string[] {
  return roles.map((role) => (isGlobalRole(role) ? t(`roles.${role}`) : role));
}
