import { useMutation } from '@apollo/client/react';
import {
  Button,
  Card,
  Group,
  Paper,
  PasswordInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { Language } from '@hundred/domain';
import { IconKey } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { toProblem, type Problem } from '../../api/errors';
import { PageHeader, useDocumentTitle } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { RoleBadges } from '../../components/RoleBadges';
import { graphql } from '../../gql';
import { i18n } from '../../i18n';
import { useFormat } from '../../lib/format';
import { applyProblem, passwordToggle, required } from '../../lib/forms';
import { useDisplayPreferences } from '../../lib/preferences';
import { useLanguage } from '../../session/language';
import { useSession } from '../../session/session';
import { MyExports } from '../exports/MyExports';

const ChangeMyPasswordMutation = graphql(`
  mutation ChangeMyPassword($input: ChangeMyPasswordInput!) {
    changeMyPassword(input: $input)
  }
`);

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="sm" fw={500} component="dd" m={0}>
        {children}
      </Text>
    </Stack>
  );
}

function MyDetails() {
  const { t } = useTranslation();
  const { user } = useSession();
  const format = useFormat();
  if (!user) return null;
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="account-details">
      <Title order={2} fz="h4" mb="md" id="account-details">
        {t('account.details')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" component="dl" m={0}>
        <Detail label={t('fields.nameAr')}>
          <span lang="ar" dir="rtl">
            {user.nameAr}
          </span>
        </Detail>
        <Detail label={t('fields.nameEn')}>
          <span lang="en" dir="ltr">
            {user.nameEn}
          </span>
        </Detail>
        <Detail label={t('fields.email')}>
          <span className="ltr-data">{user.email}</span>
        </Detail>
        <Detail label={t('fields.agency')}>{format.name(user.agency)}</Detail>
        <Stack gap={4}>
          <Text size="xs" c="dimmed" component="dt">
            {t('fields.roles')}
          </Text>
          <dd style={{ margin: 0 }}>
            <RoleBadges roles={user.roles} teamRoles={user.teamRoles} />
          </dd>
        </Stack>
      </SimpleGrid>
    </Card>
  );
}

function LanguagePreference() {
  const { t } = useTranslation();
  const { language, setLanguage } = useLanguage();
  const [saving, setSaving] = useState(false);

  const change = async (value: string) => {
    const next: Language = value === 'en' ? 'en' : 'ar';
    setSaving(true);
    try {
      await setLanguage(next);
      notifications.show({ color: 'teal', message: i18n.t('account.languageSaved') });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="account-language">
      <Title order={2} fz="h4" id="account-language">
        {t('account.languageTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('account.languageHint')}
      </Text>
      <SegmentedControl
        aria-label={t('account.languageTitle')}
        w={{ base: '100%', xs: 320 }}
        value={language}
        disabled={saving}
        onChange={(value) => void change(value)}
        data={[
          { value: 'ar', label: <span lang="ar">{t('language.ar')}</span> },
          { value: 'en', label: <span lang="en">{t('language.en')}</span> },
        ]}
      />
    </Card>
  );
}

/** Hijri dates beside the Gregorian ones, and Arabic-Indic digits: kept on this browser. */
function DatePreferences() {
  const { t } = useTranslation();
  const format = useFormat();
  const [preferences, setPreferences] = useDisplayPreferences();
  // The example is fixed at the moment the page opens, so it does not tick while one reads it.
  const [sample] = useState(() => new Date().toISOString());
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="account-dates">
      <Title order={2} fz="h4" id="account-dates">
        {t('account.datesTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('account.datesHint')}
      </Text>
      <Stack gap="md">
        <Switch
          label={t('account.showHijri')}
          description={t('account.showHijriHint')}
          checked={preferences.hijri}
          onChange={(e) => setPreferences({ hijri: e.currentTarget.checked })}
        />
        <Switch
          label={t('account.arabicDigits')}
          description={t('account.arabicDigitsHint')}
          checked={preferences.arabicDigits}
          onChange={(e) => setPreferences({ arabicDigits: e.currentTarget.checked })}
        />
        <Paper withBorder radius="md" p="sm" bg="gray.0" maw={520}>
          <Text size="xs" c="dimmed">
            {t('account.datesExample')}
          </Text>
          <Text size="sm" fw={500} aria-live="polite" data-testid="date-example">
            {format.dateTime(sample)}
          </Text>
        </Paper>
      </Stack>
    </Card>
  );
}

function ChangePassword() {
  const { t } = useTranslation();
  const [changePassword, { loading }] = useMutation(ChangeMyPasswordMutation);
  const [problem, setProblem] = useState<Problem | null>(null);
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    validate: {
      currentPassword: required(t),
      newPassword: required(t),
      confirmPassword: (value, values) =>
        required(t)(value) ?? (value === values.newPassword ? null : t('form.passwordMismatch')),
    },
  });

  const submit = form.onSubmit(async ({ currentPassword, newPassword }) => {
    setProblem(null);
    try {
      await changePassword({ variables: { input: { currentPassword, newPassword } } });
      form.reset();
      notifications.show({ color: 'teal', message: t('account.passwordChanged') });
    } catch (error) {
      const found = toProblem(error, t);
      if (!applyProblem(form, found)) setProblem(found);
    }
  });

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="account-password">
      <Title order={2} fz="h4" id="account-password">
        {t('account.passwordTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('account.passwordIntro')}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="md" maw={440}>
          <ProblemAlert problem={problem} />
          <PasswordInput
            label={t('fields.currentPassword')}
            autoComplete="current-password"
            required
            visibilityToggleButtonProps={passwordToggle(t)}
            {...form.getInputProps('currentPassword')}
          />
          <PasswordInput
            label={t('fields.newPassword')}
            description={t('form.passwordHint')}
            autoComplete="new-password"
            required
            visibilityToggleButtonProps={passwordToggle(t)}
            {...form.getInputProps('newPassword')}
          />
          <PasswordInput
            label={t('fields.confirmPassword')}
            autoComplete="new-password"
            required
            visibilityToggleButtonProps={passwordToggle(t)}
            {...form.getInputProps('confirmPassword')}
          />
          <Group>
            <Button type="submit" loading={loading} disabled={loading} leftSection={<IconKey size={18} aria-hidden />}>
              {t('account.changePassword')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

export function AccountPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('account.title'));
  return (
    <>
      <PageHeader title={t('account.title')} description={t('account.intro')} />
      <Stack gap="lg">
        <MyDetails />
        <LanguagePreference />
        <DatePreferences />
        <MyExports />
        <ChangePassword />
      </Stack>
    </>
  );
}
