// React DOM and i18next with one key, for the web's floor (scripts/web-floor.js).
import i18next from 'i18next';
import { createRoot } from 'react-dom/client';
import { initReactI18next, useTranslation } from 'react-i18next';

await i18next.use(initReactI18next).init({ lng: 'ar', resources: { ar: { translation: { app: { name: 'مئة' } } } } });

function Title() {
  const { t } = useTranslation();
  return <h1>{t('app.name')}</h1>;
}

createRoot(document.getElementById('root')!).render(<Title />);
