import { isGlobalRole, type Language } from '@hundred/domain';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Gregorian calendar; Arabic with Western digits, as most government portals of the region show. */
export const LOCALES: Record<Language, string> = {
  ar: 'ar-u-ca-gregory-nu-latn',
  en: 'en-GB-u-ca-gregory',
};

export interface Formatters {
  language: Language;
  dateTime: (iso: string) => string;
  date: (iso: string) => string;
  number: (value: number) => string;
  list: (items: readonly string[]) => string;
  /** Compares strings as people of the current language sort them. */
  compare: (a: string, b: string) => number;
  /** The name of a bilingual object in the current language. */
  name: (named: { nameAr: string; nameEn: string }) => string;
}

export function formattersFor(language: Language): Formatters {
  const locale = LOCALES[language];
  const dateTime = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  });
  const date = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' });
  const number = new Intl.NumberFormat(locale);
  const list = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
  const collator = new Intl.Collator(locale);
  return {
    language,
    dateTime: (iso) => dateTime.format(new Date(iso)),
    date: (iso) => date.format(new Date(iso)),
    number: (value) => number.format(value),
    list: (items) => list.format(items),
    compare: (a, b) => collator.compare(a, b),
    name: (named) => (language === 'ar' ? named.nameAr : named.nameEn),
  };
}

/** Formatters that follow the interface language. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage === 'en' ? 'en' : 'ar';
  return useMemo(() => formattersFor(language), [language]);
}

/** Role names in the current language (GLOSSARY terms in Arabic). */
export function roleNames(t: TFunction, roles: readonly string[]): string[] {
  return roles.map((role) => (isGlobalRole(role) ? t(`roles.${role}`) : role));
}
