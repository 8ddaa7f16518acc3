import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type Credentials = { email: string; password: string };

/**
 * The page of a form that opens a session (log in, join a class): the app's name over a first-level title and
 * a help line, the refusal if any, the fields, one full-width button.
 */
export function CredentialsForm({
  titleId,
  title,
  help,
  onSubmit,
  error,
  errorTestId,
  pending,
  submitLabel,
  children,
}: {
  titleId: string;
  title: string;
  help: string;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  error: string | null;
  errorTestId?: string;
  pending: boolean;
  submitLabel: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Center component="main" mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={420} radius="md">
        <form noValidate onSubmit={onSubmit} aria-labelledby={titleId}>
          <Stack gap="md">
            <div>
              <Text fw={800} fz="xl" c="blue.9">
                {t('app.name')}
              </Text>
              <Title order={1} size="h2" id={titleId}>
                {title}
              </Title>
              <Text size="sm" c="dimmed">
                {help}
              </Text>
            </div>
            {error ? (
              <Alert color="red" role="alert" data-testid={errorTestId}>
                {error}
              </Alert>
            ) : null}
            {children}
            <Button type="submit" loading={pending} fullWidth>
              {submitLabel}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}

/** The e-mail and password inputs of a form that holds both; the password is the current one or a new one. */
export function CredentialsFields({
  form,
  autoFocus,
  passwordLabel,
  passwordAutoComplete,
}: {
  form: Pick<UseFormReturnType<Credentials>, 'key' | 'getInputProps'>;
  autoFocus?: boolean;
  passwordLabel: string;
  passwordAutoComplete: 'current-password' | 'new-password';
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        label={t('login.email')}
        type="email"
        autoComplete="username"
        required
        autoFocus={autoFocus}
        key={form.key('email')}
        {...form.getInputProps('email')}
      />
      <PasswordInput
        label={passwordLabel}
        autoComplete={passwordAutoComplete}
        required
        key={form.key('password')}
        {...form.getInputProps('password')}
        visibilityToggleButtonProps={{ 'aria-label': t('common.showPassword') }}
      />
    </>
  );
}
