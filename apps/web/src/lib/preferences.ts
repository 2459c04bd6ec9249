import { useCallback, useSyncExternalStore } from 'react';

/** How dates and numbers are written; kept on this browser. */
export interface DisplayPreferences {
  /** Show the Umm al-Qura Hijri date beside the Gregorian one. */
  hijri: boolean;
  /** Write numbers with Arabic-Indic digits (٠–٩) in the Arabic interface. */
  arabicDigits: boolean;
}

export const DEFAULT_PREFERENCES: DisplayPreferences = { hijri: false, arabicDigits: false };

const STORAGE_KEY = 'hundred.display';

function read(): DisplayPreferences {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY);
    if (!raw) return DEFAULT_PREFERENCES;
    const parsed = JSON.parse(raw) as Partial<Record<keyof DisplayPreferences, unknown>>;
    return { hijri: parsed.hijri === true, arabicDigits: parsed.arabicDigits === true };
  } catch {
    return DEFAULT_PREFERENCES;
  }
}

let current: DisplayPreferences = read();
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab changed them: follow.
  const onStorage = (event: StorageEvent) => {
    if (event.key !== STORAGE_KEY) return;
    current = read();
    listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

const snapshot = () => current;

export function setDisplayPreferences(change: Partial<DisplayPreferences>): void {
  current = { ...current, ...change };
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(current));
  } catch {
    // Private browsing may refuse storage; the choice then lasts for this page only.
  }
  listeners.forEach((listener) => listener());
}

/** The display preferences, and a way to change them; every user of the hook follows a change. */
export function useDisplayPreferences(): [DisplayPreferences, (change: Partial<DisplayPreferences>) => void] {
  const preferences = useSyncExternalStore(subscribe, snapshot, snapshot);
  const set = useCallback((change: Partial<DisplayPreferences>) => setDisplayPreferences(change), []);
  return [preferences, set];
}
