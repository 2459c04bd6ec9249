import { useApolloClient, useMutation } from '@apollo/client/react';
import { useDirection } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { isLanguage, type Language } from '@hundred/domain';
import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';

import { toProblem } from '../api/errors';
import { graphql } from '../gql';
import { directionOf, i18n, storeLanguage } from '../i18n';
import { useSession } from './session';

const UpdateMyPreferencesMutation = graphql(`
  mutation UpdateMyPreferences($input: UpdateMyPreferencesInput!) {
    updateMyPreferences(input: $input) {
      id
      preferredLanguage
    }
  }
`);

export interface LanguageControl {
  language: Language;
  dir: 'rtl' | 'ltr';
  /** Switches the interface, remembers the choice on this browser and, when signed in, on the account. */
  setLanguage: (language: Language) => Promise<void>;
}

export function useLanguage(): LanguageControl {
  const { i18n: instance, t } = useTranslation();
  const { user } = useSession();
  const [savePreference] = useMutation(UpdateMyPreferencesMutation);
  const language: Language = isLanguage(instance.resolvedLanguage) ? instance.resolvedLanguage : 'ar';

  const setLanguage = useCallback(
    async (next: Language) => {
      storeLanguage(next);
      await i18n.changeLanguage(next);
      if (!user || user.preferredLanguage === next) return;
      try {
        await savePreference({ variables: { input: { preferredLanguage: next } } });
      } catch (error) {
        notifications.show({ color: 'red', title: t('errors.title'), message: toProblem(error, t).message });
      }
    },
    [user, savePreference, t],
  );

  return { language, dir: directionOf(language), setLanguage };
}

/** Keeps Mantine's direction (used by menus, drawers, sliders) equal to the language's. */
export function DirectionSync() {
  const { i18n: instance } = useTranslation();
  const { setDirection } = useDirection();
  const language = instance.resolvedLanguage;
  useEffect(() => {
    if (isLanguage(language)) setDirection(directionOf(language));
  }, [language, setDirection]);
  return null;
}

/**
 * Some words come from the server in the language of the request (notification titles, refusals,
 * calendar problems): when the language changes, the queries on screen are asked again.
 */
export function RefetchOnLanguageChange() {
  const client = useApolloClient();
  useEffect(() => {
    const refetch = () => void client.refetchQueries({ include: 'active' });
    i18n.on('languageChanged', refetch);
    return () => i18n.off('languageChanged', refetch);
  }, [client]);
  return null;
}
