import { TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api, setCsrfToken } from '../../api/client.ts';
import { CredentialsFields, CredentialsForm } from '../../auth/CredentialsForm.tsx';
import { type Me, meQuery, rememberSession } from '../../auth/session.ts';
import { errorMessage } from '../../ui/errors.ts';
import { useDocumentTitle } from '../../ui/use-document-title.ts';

type JoinValues = { code: string; email: string; password: string };

/** A student's first visit: the code their teacher gave them opens their account in the class. */
export function JoinPage({ code }: { code?: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  useDocumentTitle(t('training.join.title'));
  const form = useForm<JoinValues>({
    mode: 'uncontrolled',
    initialValues: { code: code ?? '', email: '', password: '' },
  });
  const join = useMutation({
    mutationFn: (values: JoinValues) => api<Me>('/api/v1/auth/join', { method: 'POST', body: values }),
    onSuccess: async (me) => {
      setCsrfToken(me.csrfToken);
      rememberSession();
      queryClient.setQueryData(meQuery.queryKey, me);
      const school = me.organisations.find((o) => o.role === 'student');
      await navigate(
        school
          ? { to: '/orgs/$orgId/training', params: { orgId: school.id }, replace: true }
          : { to: '/', replace: true },
      );
    },
    onError: (error) => {
      const fields = (error as { fieldErrors?: Record<string, string> }).fieldErrors;
      if (fields) form.setErrors(fields);
    },
  });
  return (
    <CredentialsForm
      titleId="join-title"
      title={t('training.join.title')}
      help={t('training.join.help')}
      onSubmit={form.onSubmit((values) => join.mutate(values))}
      error={join.error ? errorMessage(join.error, t) : null}
      pending={join.isPending}
      submitLabel={t('training.join.submit')}
    >
      <TextInput
        label={t('training.join.code')}
        required
        autoFocus
        key={form.key('code')}
        {...form.getInputProps('code')}
      />
      <CredentialsFields
        form={form}
        passwordLabel={t('training.join.password')}
        passwordAutoComplete="new-password"
      />
    </CredentialsForm>
  );
}
