import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError, api, setCsrfToken } from '../api/client.ts';
import { errorMessage } from '../ui/errors.ts';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { type Me, meQuery, rememberSession, safeRedirect } from './session.ts';

type Credentials = { email: string; password: string };

export function LoginPage({ redirectTo }: { redirectTo?: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  useDocumentTitle(t('login.title'));
  const form = useForm<Credentials>({
    mode: 'uncontrolled',
    initialValues: { email: '', password: '' },
    validate: {
      email: (v) => (v.trim() ? null : t('login.emailRequired')),
      password: (v) => (v ? null : t('login.passwordRequired')),
    },
  });

  const login = useMutation({
    mutationFn: (credentials: Credentials) =>
      api<Me>('/api/v1/auth/login', { method: 'POST', body: credentials }),
    onSuccess: async (me) => {
      setCsrfToken(me.csrfToken);
      rememberSession();
      queryClient.setQueryData(meQuery.queryKey, me);
      await navigate({ href: safeRedirect(redirectTo), replace: true });
    },
  });

  const failure = login.error;
  const message =
    failure instanceof ApiError && failure.status === 401
      ? t('login.wrongCredentials')
      : failure
        ? errorMessage(failure, t)
        : null;

  return (
    <Center component="main" mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={420} radius="md">
        <form
          noValidate
          onSubmit={form.onSubmit((values) => login.mutate(values))}
          aria-labelledby="login-title"
        >
          <Stack gap="md">
            <div>
              <Text fw={800} fz="xl" c="blue.9">
                {t('app.name')}
              </Text>
              <Title order={1} size="h2" id="login-title">
                {t('login.title')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('app.tagline')}
              </Text>
            </div>
            {message ? (
              <Alert color="red" role="alert" data-testid="login-error">
                {message}
              </Alert>
            ) : null}
            <TextInput
              label={t('login.email')}
              type="email"
              autoComplete="username"
              required
              autoFocus
              key={form.key('email')}
              {...form.getInputProps('email')}
            />
            <PasswordInput
              label={t('login.password')}
              autoComplete="current-password"
              required
              key={form.key('password')}
              {...form.getInputProps('password')}
              visibilityToggleButtonProps={{ 'aria-label': t('common.showPassword') }}
            />
            <Button type="submit" loading={login.isPending} fullWidth>
              {t('login.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
