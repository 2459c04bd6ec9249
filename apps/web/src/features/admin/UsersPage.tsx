import { useMutation, useQuery } from '@apollo/client/react';
import {
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  PasswordInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { can, GLOBAL_ROLES, isGlobalRole } from '@hundred/domain';
import { IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { toProblem, type Problem } from '../../api/errors';
import { PageHeader, useDocumentTitle } from '../../components/PageHeader';
import { ForbiddenState, ListSkeleton, LoadError } from '../../components/PageState';
import { ProblemAlert } from '../../components/ProblemAlert';
import { RoleBadges } from '../../components/RoleBadges';
import { ShowMore } from '../../components/ShowMore';
import { useFormat } from '../../lib/format';
import { applyProblem, passwordToggle, required } from '../../lib/forms';
import { useSession } from '../../session/session';
import { CreateUserMutation, UsersQuery } from './documents';
import { ProfileFields, RoleCheckboxes, useAgencyOptions, type ProfileValues } from './fields';
import { OtherLanguage } from '../../components/OtherLanguage';

interface CreateValues extends ProfileValues {
  roles: string[];
  password: string;
}

function CreateUserForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [createUser, { loading }] = useMutation(CreateUserMutation, { refetchQueries: ['AdminUsers'] });
  const [problem, setProblem] = useState<Problem | null>(null);
  const form = useForm<CreateValues>({
    initialValues: {
      nameAr: '',
      nameEn: '',
      email: '',
      agencyId: '',
      preferredLanguage: 'ar',
      roles: [],
      password: '',
    },
    validate: {
      nameAr: required(t),
      nameEn: required(t),
      email: required(t),
      agencyId: required(t),
      roles: required(t),
      password: required(t),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    try {
      const result = await createUser({
        variables: {
          input: {
            nameAr: values.nameAr.trim(),
            nameEn: values.nameEn.trim(),
            email: values.email.trim(),
            agencyId: values.agencyId,
            preferredLanguage: values.preferredLanguage,
            roles: values.roles.filter(isGlobalRole),
            password: values.password,
          },
        },
      });
      if (result.data) {
        notifications.show({
          color: 'teal',
          message: t('users.created', { name: format.name(result.data.createUser) }),
        });
      }
      onDone();
    } catch (error) {
      const found = toProblem(error, t);
      if (!applyProblem(form, found)) setProblem(found);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <ProblemAlert problem={problem} />
        <ProfileFields form={form} />
        <RoleCheckboxes
          value={form.getValues().roles}
          onChange={(roles) => form.setFieldValue('roles', roles)}
          error={form.errors.roles}
        />
        <PasswordInput
          label={t('fields.initialPassword')}
          description={t('form.passwordHint')}
          required
          autoComplete="new-password"
          visibilityToggleButtonProps={passwordToggle(t)}
          {...form.getInputProps('password')}
        />
        <Group justify="flex-end" gap="sm" mt="sm">
          <Button variant="default" onClick={onDone} disabled={loading}>
            {t('form.cancel')}
          </Button>
          <Button type="submit" loading={loading} disabled={loading}>
            {t('users.createSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** How many people a page holds. */
const PAGE_SIZE = 50;

export default function UsersPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { actor } = useSession();
  const [search, setSearch] = useState('');
  const [agencyId, setAgencyId] = useState<string | null>(null);
  const [role, setRole] = useState<string | null>(null);
  const [debouncedSearch] = useDebouncedValue(search.trim(), 300);
  const [creating, createModal] = useDisclosure(false);
  const agencies = useAgencyOptions();
  useDocumentTitle(t('users.title'));

  const mayList = can(actor, 'user.list', { type: 'user' });
  // A page at a time, by name in the interface's language; the next one is added below on request.
  const { data, loading, error, refetch, fetchMore } = useQuery(UsersQuery, {
    variables: {
      search: debouncedSearch || undefined,
      agencyId: agencyId ?? undefined,
      role: role && isGlobalRole(role) ? role : undefined,
      limit: PAGE_SIZE,
    },
    skip: !mayList,
  });

  if (!mayList) return <ForbiddenState />;

  const users = data?.usersPage.items ?? [];
  const mayCreate = can(actor, 'user.create', { type: 'user' });

  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={t('users.intro')}
        actions={
          mayCreate ? (
            <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={createModal.open}>
              {t('users.create')}
            </Button>
          ) : null
        }
      />

      <Paper withBorder radius="md" p="md" mb="md" role="search" aria-label={t('users.filters')}>
        <Group gap="md" align="flex-end" wrap="wrap">
          <TextInput
            label={t('users.search')}
            placeholder={t('users.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            style={{ flex: '2 1 16rem' }}
            type="search"
          />
          <Select
            label={t('fields.agency')}
            placeholder={t('users.anyAgency')}
            data={agencies}
            value={agencyId}
            onChange={setAgencyId}
            clearable
            searchable
            nothingFoundMessage={t('form.nothingFound')}
            clearButtonProps={{ 'aria-label': t('form.clear') }}
            style={{ flex: '1 1 14rem' }}
          />
          <Select
            label={t('users.role')}
            placeholder={t('users.anyRole')}
            data={GLOBAL_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            value={role}
            onChange={setRole}
            clearable
            clearButtonProps={{ 'aria-label': t('form.clear') }}
            style={{ flex: '1 1 12rem' }}
          />
        </Group>
      </Paper>

      {error && !data ? (
        <LoadError error={error} onRetry={() => void refetch()} />
      ) : loading && !data ? (
        <ListSkeleton rows={8} height={48} />
      ) : (
        <Paper withBorder radius="md">
          <Text size="sm" c="dimmed" px="md" pt="sm" aria-live="polite">
            {t('users.count', { number: format.number(users.length) })}
          </Text>
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
              <Table.Caption className="visually-hidden">{t('users.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('fields.name')}</Table.Th>
                  <Table.Th scope="col">{t('fields.email')}</Table.Th>
                  <Table.Th scope="col">{t('fields.agency')}</Table.Th>
                  <Table.Th scope="col">{t('fields.roles')}</Table.Th>
                  <Table.Th scope="col">{t('fields.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {users.length === 0 ? (
                  <Table.Tr>
                    <Table.Td colSpan={5}>
                      <Text c="dimmed" ta="center" py="lg">
                        {t('users.empty')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ) : (
                  users.map((user) => (
                    <Table.Tr key={user.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/admin/users/${user.id}`} fw={600}>
                          {format.name(user)}
                        </Anchor>
                        <OtherLanguage>{format.language === 'ar' ? user.nameEn : user.nameAr}</OtherLanguage>
                      </Table.Td>
                      <Table.Td>
                        <span className="ltr-data">{user.email}</span>
                      </Table.Td>
                      <Table.Td>{format.name(user.agency)}</Table.Td>
                      <Table.Td>
                        <RoleBadges roles={user.roles} teamRoles={user.teamRoles} />
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="dot" color={user.active ? 'teal' : 'gray'} tt="none">
                          {user.active ? t('status.active') : t('status.inactive')}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <ShowMore
            nextCursor={data?.usersPage.nextCursor ?? null}
            onMore={(after) => fetchMore({ variables: { after } })}
          />
        </Paper>
      )}

      <Modal opened={creating} onClose={createModal.close} title={t('users.createTitle')} size="lg" centered>
        <CreateUserForm onDone={createModal.close} />
      </Modal>
    </>
  );
}
