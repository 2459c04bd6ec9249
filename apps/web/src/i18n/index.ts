import { DEFAULT_LANGUAGE, isLanguage, type Language } from '@hundred/domain';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

import ar from './ar.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };

export const resources = {
  ar: { translation: ar },
  en: { translation: en },
} as const;

const STORAGE_KEY = 'hundred.language';

/** The language chosen on this browser, if the person ever chose one. */
export function storedLanguage(): Language | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

export function storeLanguage(language: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private browsing may refuse storage; the choice then lasts for this page only.
  }
}

export function directionOf(language: Language): 'rtl' | 'ltr' {
  return language === 'ar' ? 'rtl' : 'ltr';
}

/** The language the interface shows now. */
export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LANGUAGE;
}

/** The whole document follows the language: `lang` for assistive technology, `dir` for the layout. */
function applyToDocument(language: string): void {
  if (!isLanguage(language)) return;
  const root = document.documentElement;
  root.lang = language;
  root.dir = directionOf(language);
  document.title = i18n.t('app.name');
}

export const initialLanguage: Language = storedLanguage() ?? DEFAULT_LANGUAGE;

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLanguage,
  fallbackLng: false,
  supportedLngs: ['ar', 'en'],
  initAsync: false,
  returnNull: false,
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
});

i18n.on('languageChanged', applyToDocument);
applyToDocument(initialLanguage);

export { i18n };
