import { useMutation, useQuery } from '@apollo/client/react';
import { ActionIcon, Button, Group, Modal, Paper, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { can } from '@hundred/domain';
import { IconBuildingPlus, IconHistory, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { toProblem, type Problem } from '../../api/errors';
import { BilingualTextInputs } from '../../components/BilingualTextInputs';
import { PageHeader, useDocumentTitle } from '../../components/PageHeader';
import { ForbiddenState, LoadError, PageLoader } from '../../components/PageState';
import { ProblemAlert } from '../../components/ProblemAlert';
import type { AgencyRowFragment } from '../../gql/graphql';
import { useFormat } from '../../lib/format';
import { applyProblem, required } from '../../lib/forms';
import { useSession } from '../../session/session';
import { AuditTrailDrawer } from './AuditTrailDrawer';
import { AgenciesQuery, CreateAgencyMutation, UpdateAgencyMutation } from './documents';

type Agency = AgencyRowFragment;

const valuesOf = (agency: Agency | null) => ({
  code: agency?.code ?? '',
  nameAr: agency?.nameAr ?? '',
  nameEn: agency?.nameEn ?? '',
});

/** Creates an agency, or edits one (with the version read, so a concurrent change is refused). */
function AgencyForm({
  agency,
  onDone,
  reload,
}: {
  agency: Agency | null;
  onDone: () => void;
  reload: () => Promise<Agency | null>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [createAgency, creating] = useMutation(CreateAgencyMutation, { refetchQueries: ['Agencies'] });
  const [updateAgency, updating] = useMutation(UpdateAgencyMutation);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [version, setVersion] = useState(agency?.version ?? 0);
  const form = useForm({
    initialValues: valuesOf(agency),
    validate: { code: required(t), nameAr: required(t), nameEn: required(t) },
    transformValues: (values) => ({
      code: values.code.trim().toUpperCase(),
      nameAr: values.nameAr.trim(),
      nameEn: values.nameEn.trim(),
    }),
  });
  const sending = creating.loading || updating.loading;

  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    try {
      if (agency) {
        const result = await updateAgency({ variables: { input: { id: agency.id, version, ...values } } });
        const saved = result.data?.updateAgency;
        if (saved) notifications.show({ color: 'teal', message: t('agencies.saved', { name: format.name(saved) }) });
      } else {
        const result = await createAgency({ variables: { input: values } });
        const saved = result.data?.createAgency;
        if (saved) notifications.show({ color: 'teal', message: t('agencies.created', { name: format.name(saved) }) });
      }
      onDone();
    } catch (error) {
      const found = toProblem(error, t);
      if (!applyProblem(form, found)) setProblem(found);
    }
  });

  const reloadLatest = async () => {
    const latest = await reload();
    if (latest) {
      setVersion(latest.version);
      form.setValues(valuesOf(latest));
      form.resetDirty();
    }
    setProblem(null);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <ProblemAlert problem={problem} onReload={() => void reloadLatest()} />
        <TextInput
          label={t('fields.code')}
          description={t('agencies.codeHint')}
          required
          dir="ltr"
          autoComplete="off"
          maxLength={16}
          {...form.getInputProps('code')}
        />
        <BilingualTextInputs
          ar={{ label: t('fields.nameAr'), description: t('form.nameArHint'), input: form.getInputProps('nameAr') }}
          en={{ label: t('fields.nameEn'), description: t('form.nameEnHint'), input: form.getInputProps('nameEn') }}
          autoComplete="off"
          layout="stack"
        />
        <Group justify="flex-end" gap="sm" mt="sm">
          <Button variant="default" onClick={onDone} disabled={sending}>
            {t('form.cancel')}
          </Button>
          <Button type="submit" loading={sending} disabled={sending}>
            {agency ? t('form.saveChanges') : t('agencies.createSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export default function AgenciesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { actor } = useSession();
  const [editing, setEditing] = useState<Agency | 'new' | null>(null);
  const [historyOf, setHistoryOf] = useState<Agency | null>(null);
  const [historyOpened, setHistoryOpened] = useState(false);
  useDocumentTitle(t('agencies.title'));

  const mayCreate = can(actor, 'agency.create', { type: 'agency' });
  const mayView =
    mayCreate || can(actor, 'agency.update', { type: 'agency' }) || can(actor, 'user.list', { type: 'user' });
  const mayReadAudit = can(actor, 'audit.read', { type: 'audit' });
  const { data, loading, error, refetch } = useQuery(AgenciesQuery, { skip: !mayView });

  if (!mayView) return <ForbiddenState />;

  const agencies = [...(data?.agencies ?? [])].sort((a, b) => format.compare(format.name(a), format.name(b)));

  const reload = async (id: string): Promise<Agency | null> => {
    const result = await refetch();
    return result.data?.agencies.find((a) => a.id === id) ?? null;
  };

  const current = editing === 'new' ? null : editing;

  return (
    <>
      <PageHeader
        title={t('agencies.title')}
        description={t('agencies.intro')}
        actions={
          mayCreate ? (
            <Button leftSection={<IconBuildingPlus size={18} aria-hidden />} onClick={() => setEditing('new')}>
              {t('agencies.create')}
            </Button>
          ) : null
        }
      />
      {error && !data ? (
        <LoadError error={error} onRetry={() => void refetch()} />
      ) : loading && !data ? (
        <PageLoader />
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
              <Table.Caption className="visually-hidden">{t('agencies.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('fields.code')}</Table.Th>
                  <Table.Th scope="col">{t('fields.nameAr')}</Table.Th>
                  <Table.Th scope="col">{t('fields.nameEn')}</Table.Th>
                  <Table.Th scope="col">{t('fields.updatedAt')}</Table.Th>
                  <Table.Th scope="col">
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {agencies.length === 0 ? (
                  <Table.Tr>
                    <Table.Td colSpan={5}>
                      <Text c="dimmed" ta="center" py="lg">
                        {t('agencies.empty')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ) : (
                  agencies.map((agency) => (
                    <Table.Tr key={agency.id}>
                      <Table.Td>
                        <Text ff="monospace" fw={600} size="sm" className="ltr-data">
                          {agency.code}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <span lang="ar" dir="rtl">
                          {agency.nameAr}
                        </span>
                      </Table.Td>
                      <Table.Td>
                        <span lang="en" dir="ltr">
                          {agency.nameEn}
                        </span>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" c="dimmed">
                          <time dateTime={agency.updatedAt}>{format.date(agency.updatedAt)}</time>
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4} justify="flex-end" wrap="nowrap">
                          {mayReadAudit ? (
                            <Tooltip label={t('audit.open')}>
                              <ActionIcon
                                variant="subtle"
                                color="gray"
                                aria-label={t('agencies.historyOf', { name: format.name(agency) })}
                                onClick={() => {
                                  setHistoryOf(agency);
                                  setHistoryOpened(true);
                                }}
                              >
                                <IconHistory size={18} aria-hidden />
                              </ActionIcon>
                            </Tooltip>
                          ) : null}
                          {can(actor, 'agency.update', { type: 'agency', id: agency.id }) ? (
                            <Tooltip label={t('agencies.edit')}>
                              <ActionIcon
                                variant="subtle"
                                aria-label={t('agencies.editOf', { name: format.name(agency) })}
                                onClick={() => setEditing(agency)}
                              >
                                <IconPencil size={18} aria-hidden />
                              </ActionIcon>
                            </Tooltip>
                          ) : null}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}

      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={current ? t('agencies.editTitle') : t('agencies.createTitle')}
        size="lg"
        centered
      >
        {editing !== null ? (
          <AgencyForm
            key={current?.id ?? 'new'}
            agency={current}
            onDone={() => setEditing(null)}
            reload={() => (current ? reload(current.id) : Promise.resolve(null))}
          />
        ) : null}
      </Modal>
      {historyOf ? (
        <AuditTrailDrawer
          subjectType="agency"
          subjectId={historyOf.id}
          subjectName={format.name(historyOf)}
          opened={historyOpened}
          onClose={() => setHistoryOpened(false)}
        />
      ) : null}
    </>
  );
}
