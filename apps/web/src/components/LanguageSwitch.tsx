import { Button, type ButtonProps } from '@mantine/core';
import { IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

import { useLanguage } from '../session/language';

/** One click to the other language; the button speaks the language it switches to. */
export function LanguageSwitch(props: ButtonProps) {
  const { t } = useTranslation();
  const { language, setLanguage } = useLanguage();
  const other = language === 'ar' ? 'en' : 'ar';
  return (
    <Button
      variant="default"
      leftSection={<IconLanguage size={18} aria-hidden />}
      title={t('language.switchTo')}
      onClick={() => void setLanguage(other)}
      {...props}
    >
      <span lang={other}>{t(`language.${other}`)}</span>
    </Button>
  );
}
