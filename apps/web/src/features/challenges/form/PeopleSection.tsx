import { SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { PersonSelect } from '../../../components/PersonSelect';
import { Section } from '../../../components/Section';
import { useFormat } from '../../../lib/format';
import { LeadersSummary } from '../LeadersPanel';
import type { Challenge, ChallengeForm } from './values';

/** The proposed sponsor (a leader of the lead agency) and team leader; only those who may list people choose them. */
export function PeopleSection({
  form,
  challenge,
  lead,
  mayNamePeople,
}: {
  form: ChallengeForm;
  challenge: Challenge | null;
  /** The lead agency chosen, if any. */
  lead: { nameAr: string; nameEn: string } | undefined;
  mayNamePeople: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const values = form.getValues();
  return (
    <Section
      id="challenge-people"
      title={t('challenges.leaders.title')}
      hint={mayNamePeople ? t('challenges.form.peopleHintOffice') : t('challenges.form.peopleHintAgency')}
    >
      {mayNamePeople ? (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <PersonSelect
            label={t('challenges.fields.proposedSponsorId')}
            description={
              lead
                ? t('challenges.leaders.sponsorHint', { agency: format.name(lead) })
                : t('challenges.form.sponsorNeedsAgency')
            }
            agencyId={values.leadAgencyId ?? undefined}
            current={challenge?.proposedSponsor}
            value={values.proposedSponsorId}
            onChange={(value) => form.setFieldValue('proposedSponsorId', value)}
            error={form.errors.proposedSponsorId}
          />
          <PersonSelect
            label={t('challenges.fields.proposedTeamLeadId')}
            description={t('challenges.leaders.teamLeadHint')}
            current={challenge?.proposedTeamLead}
            value={values.proposedTeamLeadId}
            onChange={(value) => form.setFieldValue('proposedTeamLeadId', value)}
            error={form.errors.proposedTeamLeadId}
          />
        </SimpleGrid>
      ) : challenge ? (
        <LeadersSummary challenge={challenge} />
      ) : (
        <Text size="sm" c="dimmed">
          {t('challenges.leaders.notNamed')}
        </Text>
      )}
    </Section>
  );
}
