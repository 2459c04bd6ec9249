import { useQuery } from '@apollo/client/react';
import { Anchor, Button, Paper, Stack, Table, Text, ThemeIcon } from '@mantine/core';
import { can } from '@hundred/domain';
import { IconCalendarPlus, IconCalendarStats } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { PageHeader, useDocumentTitle } from '../../components/PageHeader';
import { LoadError, PageLoader } from '../../components/PageState';
import { useFormat } from '../../lib/format';
import { useSession } from '../../session/session';
import { CohortStateBadge } from './CohortStateBadge';
import { CohortsQuery } from './documents';
import { useCohortLabels } from './labels';
import { OtherLanguage } from '../../components/OtherLanguage';

/** Every cohort (الدفعات), the most recent day 1 first. */
export default function CohortsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useCohortLabels();
  const { actor } = useSession();
  useDocumentTitle(t('cohorts.title'));
  const { data, loading, error, refetch } = useQuery(CohortsQuery);
  const mayCreate = can(actor, 'cohort.create', { type: 'cohort' });
  const cohorts = data?.cohorts ?? [];

  return (
    <>
      <PageHeader
        title={t('cohorts.title')}
        description={t('cohorts.intro')}
        actions={
          mayCreate ? (
            <Button component={Link} to="/cohorts/new" leftSection={<IconCalendarPlus size={18} aria-hidden />}>
              {t('cohorts.create')}
            </Button>
          ) : null
        }
      />
      {error && !data ? (
        <LoadError error={error} onRetry={() => void refetch()} />
      ) : loading && !data ? (
        <PageLoader />
      ) : cohorts.length === 0 ? (
        <Paper withBorder p="xl" radius="md">
          <Stack align="center" gap="xs">
            <ThemeIcon size={48} radius="xl" variant="light" color="gray">
              <IconCalendarStats size={26} aria-hidden />
            </ThemeIcon>
            <Text c="dimmed">{mayCreate ? t('cohorts.emptyOffice') : t('cohorts.empty')}</Text>
          </Stack>
        </Paper>
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
              <Table.Caption className="visually-hidden">{t('cohorts.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('fields.name')}</Table.Th>
                  <Table.Th scope="col">{t('fields.status')}</Table.Th>
                  <Table.Th scope="col">{t('cohorts.fields.day1')}</Table.Th>
                  <Table.Th scope="col">{t('cohorts.fields.currentDay')}</Table.Th>
                  <Table.Th scope="col">{t('cohorts.fields.timeZone')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {cohorts.map((cohort) => (
                  <Table.Tr key={cohort.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/cohorts/${cohort.id}`} fw={600}>
                        {format.name(cohort)}
                      </Anchor>
                      <OtherLanguage>{format.language === 'ar' ? cohort.nameEn : cohort.nameAr}</OtherLanguage>
                    </Table.Td>
                    <Table.Td>
                      <CohortStateBadge state={cohort.state} />
                    </Table.Td>
                    <Table.Td>{format.localDate(cohort.day1)}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{labels.day(cohort.currentDay)}</Text>
                      <Text size="xs" c="dimmed">
                        {labels.progress(cohort.currentDay)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <span title={cohort.timeZone}>{format.timeZone(cohort.timeZone)}</span>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </>
  );
}
