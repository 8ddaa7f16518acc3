import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError, api, setCsrfToken } from '../api/client.ts';
import { errorMessage } from '../ui/errors.ts';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { type Credentials, CredentialsFields, CredentialsForm } from './CredentialsForm.tsx';
import { type Me, meQuery, rememberSession, safeRedirect } from './session.ts';

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
    <CredentialsForm
      titleId="login-title"
      title={t('login.title')}
      help={t('app.tagline')}
      onSubmit={form.onSubmit((values) => login.mutate(values))}
      error={message}
      errorTestId="login-error"
      pending={login.isPending}
      submitLabel={t('login.submit')}
    >
      <CredentialsFields
        form={form}
        autoFocus
        passwordLabel={t('login.password')}
        passwordAutoComplete="current-password"
      />
    </CredentialsForm>
  );
}
