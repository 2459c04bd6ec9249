import { useQuery } from '@apollo/client/react';
import { Accordion, Alert, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { can } from '@hundred/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

import { BackLink } from '../../components/BackLink';
import { PageHeader, useDocumentTitle } from '../../components/PageHeader';
import { ForbiddenState, LoadError, PageLoader } from '../../components/PageState';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useFormat } from '../../lib/format';
import { useSession } from '../../session/session';
import { CohortQuery } from './documents';
import { BasicsSection } from './form/BasicsSection';
import { CalendarPanel } from './form/CalendarPanel';
import { RubricPanel } from './form/RubricPanel';
import { RulesPanel } from './form/RulesPanel';
import { useCohortForm } from './form/useCohortForm';
import type { Cohort } from './form/values';
import { WorkingDaysSection } from './form/WorkingDaysSection';

/** Creates a cohort, or edits one with the version it was read at. */
function CohortForm({ cohort, reload }: { cohort: Cohort | null; reload: () => Promise<void> }) {
  const { t } = useTranslation();
  const { form, submit, sending, problem, unplaced, panels, setPanels, reloadLatest } = useCohortForm({
    cohort,
    reload,
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <ProblemAlert problem={problem} onReload={cohort ? () => void reloadLatest() : undefined} />
        {unplaced.length > 0 ? (
          <Alert color="red" variant="light" title={t('errors.title')} role="alert">
            <List size="sm">
              {unplaced.map((message, i) => (
                <List.Item key={i}>{message}</List.Item>
              ))}
            </List>
          </Alert>
        ) : null}
        <BasicsSection form={form} />
        <WorkingDaysSection form={form} />

        <Card withBorder radius="md" padding={0} component="section" aria-labelledby="cohort-advanced">
          <Stack gap={2} p="lg" pb="xs">
            <Title order={2} fz="h4" id="cohort-advanced">
              {t('cohorts.form.advanced')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('cohorts.form.advancedHint')}
            </Text>
          </Stack>
          <Accordion multiple value={panels} onChange={setPanels} variant="default" chevronPosition="right">
            <Accordion.Item value="calendar">
              <Accordion.Control>{t('cohorts.form.calendarPanel')}</Accordion.Control>
              <Accordion.Panel>
                <CalendarPanel form={form} />
              </Accordion.Panel>
            </Accordion.Item>
            <Accordion.Item value="rubric">
              <Accordion.Control>{t('cohorts.form.rubricPanel')}</Accordion.Control>
              <Accordion.Panel>
                <RubricPanel form={form} />
              </Accordion.Panel>
            </Accordion.Item>
            <Accordion.Item value="rules" style={{ borderBottom: 0 }}>
              <Accordion.Control>{t('cohorts.form.rulesPanel')}</Accordion.Control>
              <Accordion.Panel>
                <RulesPanel form={form} />
              </Accordion.Panel>
            </Accordion.Item>
          </Accordion>
        </Card>

        <Group justify="flex-end" gap="sm">
          <Button
            variant="default"
            component={Link}
            to={cohort ? `/cohorts/${cohort.id}` : '/cohorts'}
            disabled={sending}
          >
            {t('form.cancel')}
          </Button>
          <Button type="submit" loading={sending} disabled={sending}>
            {cohort ? t('form.saveChanges') : t('cohorts.form.createSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function NewCohortPage() {
  const { t } = useTranslation();
  const { actor } = useSession();
  useDocumentTitle(t('cohorts.form.createTitle'));
  if (!can(actor, 'cohort.create', { type: 'cohort' })) return <ForbiddenState />;
  return (
    <>
      <PageHeader
        above={<BackLink to="/cohorts" label={t('cohorts.back')} />}
        title={t('cohorts.form.createTitle')}
        description={t('cohorts.form.createIntro')}
      />
      <CohortForm cohort={null} reload={async () => undefined} />
    </>
  );
}

export function EditCohortPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { actor } = useSession();
  const { id = '' } = useParams();
  // Remounting the form after a reload gives it the latest values and version.
  const [generation, setGeneration] = useState(0);
  const mayUpdate = can(actor, 'cohort.update', { type: 'cohort', id });
  const { data, loading, error, refetch } = useQuery(CohortQuery, { variables: { id }, skip: !mayUpdate });
  const cohort = data?.cohort;
  useDocumentTitle(cohort ? t('cohorts.form.editTitleOf', { name: format.name(cohort) }) : t('cohorts.title'));

  if (!mayUpdate) return <ForbiddenState />;
  if (error && !cohort) return <LoadError error={error} onRetry={() => void refetch()} />;
  if (loading && !cohort) return <PageLoader />;
  if (!cohort) return null;

  const reload = async () => {
    await refetch();
    setGeneration((g) => g + 1);
  };

  return (
    <>
      <PageHeader
        above={<BackLink to={`/cohorts/${cohort.id}`} label={format.name(cohort)} />}
        title={t('cohorts.form.editTitle')}
        description={t('cohorts.form.editIntro')}
      />
      <CohortForm key={`${cohort.id}-${generation}`} cohort={cohort} reload={reload} />
    </>
  );
}
