import { useMutation, useQuery } from '@apollo/client/react';
import { Anchor, Badge, Button, Group, PasswordInput, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { can, isGlobalRole } from '@hundred/domain';
import { IconArrowLeft, IconArrowRight, IconHistory, IconKey, IconLockOpen } from '@tabler/icons-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

import { toProblem, type Problem } from '../../api/errors';
import { PageHeader, useDocumentTitle } from '../../components/PageHeader';
import { LoadError, PageLoader } from '../../components/PageState';
import { ProblemAlert } from '../../components/ProblemAlert';
import { RoleBadges } from '../../components/RoleBadges';
import { Section } from '../../components/Section';
import type { AdminUserFragment } from '../../gql/graphql';
import { useFormat } from '../../lib/format';
import { applyProblem, passwordToggle, required } from '../../lib/forms';
import { useSession } from '../../session/session';
import { AuditTrailDrawer } from './AuditTrailDrawer';
import {
  ResetUserPasswordMutation,
  SetUserRolesMutation,
  UnlockSignInMutation,
  UpdateUserMutation,
  UserQuery,
} from './documents';
import { ProfileFields, RoleCheckboxes, type ProfileValues } from './fields';

type User = AdminUserFragment;

interface SectionProps {
  user: User;
  /** Loads the latest version from the server (after a conflict). */
  reload: () => Promise<void>;
}

function profileOf(user: User): ProfileValues & { active: boolean } {
  return {
    nameAr: user.nameAr,
    nameEn: user.nameEn,
    email: user.email ?? '',
    agencyId: user.agencyId,
    preferredLanguage: user.preferredLanguage,
    active: user.active,
  };
}

function ProfileForm({ user, reload }: SectionProps) {
  const { t } = useTranslation();
  const { actor } = useSession();
  const [updateUser, { loading }] = useMutation(UpdateUserMutation);
  const [problem, setProblem] = useState<Problem | null>(null);
  const form = useForm({
    initialValues: profileOf(user),
    validate: { nameAr: required(t), nameEn: required(t), email: required(t), agencyId: required(t) },
  });
  const self = actor?.id === user.id;

  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    try {
      const result = await updateUser({
        variables: {
          input: {
            id: user.id,
            version: user.version,
            nameAr: values.nameAr.trim(),
            nameEn: values.nameEn.trim(),
            email: values.email.trim(),
            agencyId: values.agencyId,
            preferredLanguage: values.preferredLanguage,
            active: values.active,
          },
        },
      });
      if (result.data) form.setInitialValues(profileOf(result.data.updateUser));
      form.resetDirty();
      notifications.show({ color: 'teal', message: t('user.profileSaved') });
    } catch (error) {
      const found = toProblem(error, t);
      if (!applyProblem(form, found)) setProblem(found);
    }
  });

  const reloadLatest = async () => {
    await reload();
    setProblem(null);
  };

  return (
    <Section id="user-profile" title={t('user.profileTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <ProblemAlert problem={problem} onReload={() => void reloadLatest()} />
          <ProfileFields form={form} />
          <Switch
            label={t('fields.active')}
            description={self ? t('user.activeSelfHint') : t('user.activeHint')}
            disabled={self}
            {...form.getInputProps('active', { type: 'checkbox' })}
          />
          <Group>
            <Button type="submit" loading={loading} disabled={loading || !form.isDirty()}>
              {t('form.saveChanges')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}

function RolesForm({ user, reload }: SectionProps) {
  const { t } = useTranslation();
  const [setRoles, { loading }] = useMutation(SetUserRolesMutation);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [roles, setRolesValue] = useState<string[]>([...(user.roles ?? [])]);
  const [error, setError] = useState<string | null>(null);
  const dirty = [...roles].sort().join() !== [...(user.roles ?? [])].sort().join();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setError(null);
    if (roles.length === 0) {
      setError(t('form.required'));
      return;
    }
    try {
      await setRoles({
        variables: { input: { id: user.id, version: user.version, roles: roles.filter(isGlobalRole) } },
      });
      notifications.show({ color: 'teal', message: t('user.rolesSaved') });
    } catch (e) {
      const found = toProblem(e, t);
      if (found.fields.roles) setError(found.fields.roles);
      else setProblem(found);
    }
  };

  const reloadLatest = async () => {
    await reload();
    setProblem(null);
  };

  return (
    <Section id="user-roles" title={t('user.rolesTitle')}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          <ProblemAlert problem={problem} onReload={() => void reloadLatest()} />
          <RoleCheckboxes value={roles} onChange={setRolesValue} error={error} withLabel={false} />
          <Group>
            <Button type="submit" loading={loading} disabled={loading || !dirty}>
              {t('user.saveRoles')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}

function ResetPasswordForm({ user, reload }: SectionProps) {
  const { t } = useTranslation();
  const [resetPassword, { loading }] = useMutation(ResetUserPasswordMutation);
  const [problem, setProblem] = useState<Problem | null>(null);
  const form = useForm({ initialValues: { password: '' }, validate: { password: required(t) } });

  const submit = form.onSubmit(async ({ password }) => {
    setProblem(null);
    try {
      await resetPassword({ variables: { input: { id: user.id, version: user.version, password } } });
      form.reset();
      notifications.show({ color: 'teal', message: t('user.passwordReset') });
    } catch (error) {
      const found = toProblem(error, t);
      if (!applyProblem(form, found)) setProblem(found);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text fw={600} size="sm">
          {t('user.resetTitle')}
        </Text>
        <Text size="sm" c="dimmed">
          {t('user.resetHint')}
        </Text>
        <ProblemAlert problem={problem} onReload={() => void reload().then(() => setProblem(null))} />
        <PasswordInput
          label={t('fields.newPassword')}
          description={t('form.passwordHint')}
          required
          autoComplete="new-password"
          visibilityToggleButtonProps={passwordToggle(t)}
          {...form.getInputProps('password')}
        />
        <Group>
          <Button
            type="submit"
            variant="light"
            loading={loading}
            disabled={loading}
            leftSection={<IconKey size={18} aria-hidden />}
          >
            {t('user.resetSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function UnlockSignIn({ user }: { user: User }) {
  const { t } = useTranslation();
  const [unlock, { loading }] = useMutation(UnlockSignInMutation);
  const [problem, setProblem] = useState<Problem | null>(null);

  const run = async () => {
    setProblem(null);
    try {
      await unlock({ variables: { email: user.email ?? '' } });
      notifications.show({ color: 'teal', message: t('user.unlocked', { email: user.email }) });
    } catch (error) {
      setProblem(toProblem(error, t));
    }
  };

  return (
    <Stack gap="sm">
      <Text fw={600} size="sm">
        {t('user.unlockTitle')}
      </Text>
      <Text size="sm" c="dimmed">
        {t('user.unlockHint')}
      </Text>
      <ProblemAlert problem={problem} />
      <Group>
        <Button
          variant="light"
          color="orange"
          loading={loading}
          disabled={loading}
          leftSection={<IconLockOpen size={18} aria-hidden />}
          onClick={() => void run()}
        >
          {t('user.unlockSubmit')}
        </Button>
      </Group>
    </Stack>
  );
}

function ReadOnlyProfile({ user }: { user: User }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rows: [string, ReactNode][] = [
    [t('fields.nameAr'), user.nameAr],
    [t('fields.nameEn'), user.nameEn],
    [t('fields.email'), <span className="ltr-data">{user.email}</span>],
    [t('fields.agency'), format.name(user.agency)],
    [t('fields.preferredLanguage'), t(`language.${user.preferredLanguage}`)],
    [t('fields.roles'), <RoleBadges roles={user.roles} teamRoles={user.teamRoles} />],
  ];
  return (
    <Section id="user-profile" title={t('user.profileTitle')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" component="dl" m={0}>
        {rows.map(([label, value]) => (
          <div key={label}>
            <Text size="xs" c="dimmed" component="dt">
              {label}
            </Text>
            <Text size="sm" fw={500} component="dd" m={0}>
              {value}
            </Text>
          </div>
        ))}
      </SimpleGrid>
    </Section>
  );
}

export default function UserPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { actor } = useSession();
  const { id = '' } = useParams();
  const [historyOpened, history] = useDisclosure(false);
  // Remounting the forms after a reload gives them the latest values.
  const [generation, setGeneration] = useState(0);
  const { data, loading, error, refetch } = useQuery(UserQuery, { variables: { id } });
  const user = data?.user;
  useDocumentTitle(user ? format.name(user) : t('users.title'));

  if (error && !user) return <LoadError error={error} onRetry={() => void refetch()} />;
  if (loading && !user) return <PageLoader />;
  if (!user) return null;

  const resource = { type: 'user', id: user.id, agencyId: user.agencyId } as const;
  const mayUpdate = can(actor, 'user.update', resource);
  const mayChangeRoles = can(actor, 'user.changeRoles', resource);
  const mayUnlock = can(actor, 'user.unlock', resource);
  const mayReadAudit = can(actor, 'audit.read', { type: 'audit' });

  const reload = async () => {
    await refetch();
    setGeneration((g) => g + 1);
  };

  return (
    <>
      <PageHeader
        above={
          <Anchor component={Link} to="/admin/users" size="sm">
            <Group gap={4} component="span">
              {format.language === 'ar' ? (
                <IconArrowRight size={16} aria-hidden />
              ) : (
                <IconArrowLeft size={16} aria-hidden />
              )}
              {t('user.back')}
            </Group>
          </Anchor>
        }
        title={format.name(user)}
        description={
          <Group gap="sm" component="span">
            <span className="ltr-data">{user.email}</span>
            <Badge variant="dot" color={user.active ? 'teal' : 'gray'} tt="none">
              {user.active ? t('status.active') : t('status.inactive')}
            </Badge>
          </Group>
        }
        actions={
          mayReadAudit ? (
            <Button variant="default" leftSection={<IconHistory size={18} aria-hidden />} onClick={history.open}>
              {t('audit.open')}
            </Button>
          ) : null
        }
      />
      <Stack gap="lg" key={generation}>
        {mayUpdate ? <ProfileForm user={user} reload={reload} /> : <ReadOnlyProfile user={user} />}
        {mayChangeRoles ? <RolesForm user={user} reload={reload} /> : null}
        {mayUpdate || mayUnlock ? (
          <Section id="user-security" title={t('user.securityTitle')}>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
              {mayUpdate ? <ResetPasswordForm user={user} reload={reload} /> : null}
              {mayUnlock ? <UnlockSignIn user={user} /> : null}
            </SimpleGrid>
          </Section>
        ) : null}
      </Stack>
      {mayReadAudit ? (
        <AuditTrailDrawer
          subjectType="user"
          subjectId={user.id}
          subjectName={format.name(user)}
          opened={historyOpened}
          onClose={history.close}
        />
      ) : null}
    </>
  );
}
