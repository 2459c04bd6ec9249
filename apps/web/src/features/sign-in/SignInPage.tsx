import { useMutation } from '@apollo/client/react';
import type { Actor } from '@hundred/domain';
import { Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconLogin2 } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';

import { toProblem, type Problem } from '../../api/errors';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useDocumentTitle } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { graphql } from '../../gql';
import { applyProblem, passwordToggle, required } from '../../lib/forms';
import { landingPath } from '../../session/landing';
import { useSession } from '../../session/session';

const SignInMutation = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      ...SessionUser
    }
  }
`);

/**
 * Where to go after signing in: back to the page that asked for it, never off the site; from the
 * front page, to the user's first page (`landingPath`).
 */
function destination(state: unknown, actor: Actor | null): string {
  const from = (state as { from?: { pathname?: string; search?: string } } | null)?.from;
  const path = from?.pathname;
  if (!path || !path.startsWith('/') || path.startsWith('//') || path === '/sign-in' || path === '/')
    return landingPath(actor);
  return `${path}${from?.search ?? ''}`;
}

export function SignInPage() {
  const { t } = useTranslation();
  const { user, actor, signedIn } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [signIn, { loading }] = useMutation(SignInMutation);
  const [problem, setProblem] = useState<Problem | null>(null);
  useDocumentTitle(t('signIn.title'));

  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: { email: required(t), password: required(t) },
  });

  if (user && !loading) return <Navigate to={destination(location.state, actor)} replace />;

  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    try {
      const result = await signIn({ variables: { input: { email: values.email.trim(), password: values.password } } });
      if (!result.data) return;
      await signedIn();
      const me = result.data.signIn;
      await navigate(destination(location.state, { id: me.id, agencyId: me.agencyId, roles: me.roles ?? [] }), {
        replace: true,
      });
    } catch (error) {
      const found = toProblem(error, t);
      form.setFieldValue('password', '');
      if (!applyProblem(form, found)) setProblem(found);
    }
  });

  return (
    <div className="sign-in-page">
      <Group justify="flex-end" p="md" component="header">
        <LanguageSwitch />
      </Group>
      <Center component="main" id="main-content" px="md" pb={64} pt={{ base: 'md', sm: 48 }}>
        <Stack w="100%" maw={420} gap="lg">
          <Stack align="center" gap={6}>
            <span className="brand-mark" aria-hidden style={{ width: 56, height: 56, fontSize: 20 }}>
              100
            </span>
            <Text fw={700} fz={28} lh={1.2}>
              {t('app.name')}
            </Text>
            <Text c="dimmed" size="sm">
              {t('app.subtitle')}
            </Text>
          </Stack>
          <Paper withBorder shadow="sm" p={{ base: 'lg', sm: 'xl' }} radius="lg">
            <form onSubmit={submit} noValidate>
              <Stack gap="md">
                <Stack gap={2}>
                  <Title order={1} fz="h3">
                    {t('signIn.title')}
                  </Title>
                  <Text size="sm" c="dimmed">
                    {t('signIn.intro')}
                  </Text>
                </Stack>
                <ProblemAlert problem={problem} title={t('signIn.failed')} />
                <TextInput
                  label={t('fields.email')}
                  type="email"
                  autoComplete="username"
                  dir="ltr"
                  required
                  data-autofocus
                  {...form.getInputProps('email')}
                />
                <PasswordInput
                  label={t('fields.password')}
                  autoComplete="current-password"
                  required
                  visibilityToggleButtonProps={passwordToggle(t)}
                  {...form.getInputProps('password')}
                />
                <Button
                  type="submit"
                  size="md"
                  fullWidth
                  loading={loading}
                  disabled={loading}
                  leftSection={<IconLogin2 size={20} aria-hidden />}
                >
                  {t('signIn.submit')}
                </Button>
                <Text size="xs" c="dimmed" ta="center">
                  {t('signIn.help')}
                </Text>
              </Stack>
            </form>
          </Paper>
        </Stack>
      </Center>
    </div>
  );
}
