import { DEFAULT_LANGUAGE, isLanguage, type Language } from '@hundred/domain';
import i18n, { type BackendModule, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';

/**
 * Each language's catalogue is a chunk of its own: a browser downloads the one it shows (about
 * 22 KB gzip each), and the other only when the person switches to it.
 */
const catalogues: Record<Language, () => Promise<ResourceKey>> = {
  ar: () => import('./ar.json', { with: { type: 'json' } }).then((m) => m.default),
  en: () => import('./en.json', { with: { type: 'json' } }).then((m) => m.default),
};

/** i18next asks it for a language it has no catalogue of yet (on a switch of language). */
const lazyCatalogues: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read: (language, _namespace, callback) => {
    if (!isLanguage(language)) return callback(null, {});
    catalogues[language]().then(
      (catalogue) => callback(null, catalogue),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null),
    );
  },
};

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

/** The language the interface shows now (before i18next is set up, the one it is setting up). */
export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : initialLanguage;
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

/**
 * Resolves once the first language's catalogue is in and i18next is set up: the entry waits for
 * it before it renders (main.tsx), while the rest of the application's code evaluates, the
 * session's question leaves and the page of the address loads beside it. A switch of language
 * later waits for its own catalogue.
 */
export const i18nReady: Promise<void> = catalogues[initialLanguage]().then(async (initialCatalogue) => {
  await i18n
    .use(lazyCatalogues)
    .use(initReactI18next)
    .init({
      resources: { [initialLanguage]: { translation: initialCatalogue } },
      partialBundledLanguages: true,
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
});

export { i18n };
