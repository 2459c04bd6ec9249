import { useQuery } from '@apollo/client/react';
import { Select } from '@mantine/core';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { useAfterContent } from '../api/afterContent';
import { graphql } from '../gql';
import type { PersonNameFragment } from '../gql/graphql';
import { useFormat } from '../lib/format';

export const PersonNameFields = graphql(`
  fragment PersonName on User {
    id
    nameAr
    nameEn
    agencyId
  }
`);

export const PeopleOfAgencyQuery = graphql(`
  query PeopleToName($agencyId: UUID) {
    users(agencyId: $agencyId) {
      ...PersonName
      active
      agency {
        ...AgencyName
      }
    }
  }
`);

/**
 * Chooses a person to name as sponsor or team leader. Only the office and leadership may list
 * users, so only they see this; `agencyId` keeps the choice to one agency (the sponsor is a leader
 * of the lead agency). The person already named stays listed even when the list leaves them out.
 */
export function PersonSelect({
  label,
  description,
  agencyId,
  value,
  onChange,
  current,
  error,
  required,
  testId,
}: {
  label: string;
  description?: string;
  /** Only people of this agency; null or undefined: everyone. */
  agencyId?: string | null;
  value: string | null;
  onChange: (value: string | null) => void;
  current?: PersonNameFragment | null;
  error?: ReactNode;
  required?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  // The choices are asked for once the page's content shows (api/afterContent.ts).
  const afterContent = useAfterContent();
  const { data, loading } = useQuery(PeopleOfAgencyQuery, {
    variables: { agencyId: agencyId ?? null },
    fetchPolicy: 'cache-first',
    skip: !afterContent,
  });
  const options = useMemo(() => {
    const people = (data?.users ?? []).filter((u) => u.active);
    const list = people.map((person) => ({
      value: person.id,
      label: agencyId ? format.name(person) : `${format.name(person)} · ${format.name(person.agency)}`,
    }));
    if (current && !list.some((o) => o.value === current.id)) {
      list.push({ value: current.id, label: format.name(current) });
    }
    return list.sort((a, b) => format.compare(a.label, b.label));
  }, [data, agencyId, current, format]);

  return (
    <Select
      label={label}
      description={description}
      data={options}
      value={value}
      onChange={onChange}
      searchable
      clearable
      clearButtonProps={{ 'aria-label': t('form.clear') }}
      required={required}
      error={error}
      nothingFoundMessage={loading || !afterContent ? t('app.loading') : t('form.nothingFound')}
      placeholder={t('challenges.leaders.choose')}
      limit={100}
      data-testid={testId}
    />
  );
}
