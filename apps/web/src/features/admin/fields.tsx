import { useQuery } from '@apollo/client/react';
import { Checkbox, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { GLOBAL_ROLES } from '@hundred/domain';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { useAfterContent } from '../../api/afterContent';
import { BilingualTextInputs } from '../../components/BilingualTextInputs';
import { useFormat } from '../../lib/format';
import { AgenciesQuery } from './documents';

export interface ProfileValues {
  nameAr: string;
  nameEn: string;
  email: string;
  agencyId: string;
  preferredLanguage: 'ar' | 'en';
}

/** Agencies as choices, named in the current language and sorted by it. */
export function useAgencyOptions(): { value: string; label: string }[] {
  const format = useFormat();
  // Choices come after the page's content (api/afterContent.ts).
  const skip = !useAfterContent();
  const { data } = useQuery(AgenciesQuery, { fetchPolicy: 'cache-first', skip });
  return useMemo(() => {
    return (data?.agencies ?? [])
      .map((agency) => ({ value: agency.id, label: format.name(agency) }))
      .sort((a, b) => format.compare(a.label, b.label));
  }, [data, format]);
}

/** Name, e-mail, agency and language of a user; used to create and to edit. */
export function ProfileFields<V extends ProfileValues>({ form }: { form: UseFormReturnType<V> }) {
  const { t } = useTranslation();
  const agencies = useAgencyOptions();
  // The form's values are a superset of ProfileValues; Mantine types paths by the full shape.
  const input = (path: keyof ProfileValues) => form.getInputProps(path as never);
  return (
    <Stack gap="md">
      <BilingualTextInputs
        ar={{ label: t('fields.nameAr'), description: t('form.nameArHint'), input: input('nameAr') }}
        en={{ label: t('fields.nameEn'), description: t('form.nameEnHint'), input: input('nameEn') }}
        autoComplete="off"
      />
      <TextInput label={t('fields.email')} type="email" required dir="ltr" autoComplete="off" {...input('email')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Select
          label={t('fields.agency')}
          required
          searchable
          allowDeselect={false}
          data={agencies}
          nothingFoundMessage={t('form.nothingFound')}
          {...input('agencyId')}
        />
        <Select
          label={t('fields.preferredLanguage')}
          required
          allowDeselect={false}
          data={[
            { value: 'ar', label: t('language.ar') },
            { value: 'en', label: t('language.en') },
          ]}
          {...input('preferredLanguage')}
        />
      </SimpleGrid>
    </Stack>
  );
}

/** The four global roles, with what each one does. */
export function RoleCheckboxes({
  value,
  onChange,
  error,
  disabled,
  withLabel = true,
}: {
  value: string[];
  onChange: (value: string[]) => void;
  error?: ReactNode;
  disabled?: boolean;
  /** False where a heading above already names the group. */
  withLabel?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Checkbox.Group
      label={withLabel ? t('fields.roles') : undefined}
      description={t('form.rolesHint')}
      value={value}
      onChange={onChange}
      error={error}
    >
      <Stack gap="sm" mt="xs">
        {GLOBAL_ROLES.map((role) => (
          <Checkbox
            key={role}
            value={role}
            disabled={disabled}
            label={
              <Text size="sm" fw={500}>
                {t(`roles.${role}`)}
              </Text>
            }
            description={t(`roleDescriptions.${role}`)}
          />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}
