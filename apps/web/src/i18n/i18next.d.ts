import 'i18next';

import type ar from './ar.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    // Arabic is the reference catalogue; a check under test/ keeps English to the same keys.
    resources: { translation: typeof ar };
    returnNull: false;
  }
}
