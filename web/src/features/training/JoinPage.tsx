import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api, setCsrfToken } from '../../api/client.ts';
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
    <Center component="main" mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={420} radius="md">
        <form
          noValidate
          onSubmit={form.onSubmit((values) => join.mutate(values))}
          aria-labelledby="join-title"
        >
          <Stack gap="md">
            <div>
              <Text fw={800} fz="xl" c="blue.9">
                {t('app.name')}
              </Text>
              <Title order={1} size="h2" id="join-title">
                {t('training.join.title')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('training.join.help')}
              </Text>
            </div>
            {join.error ? (
              <Alert color="red" role="alert">
                {errorMessage(join.error, t)}
              </Alert>
            ) : null}
            <TextInput
              label={t('training.join.code')}
              required
              autoFocus
              key={form.key('code')}
              {...form.getInputProps('code')}
            />
            <TextInput
              label={t('login.email')}
              type="email"
              autoComplete="username"
              required
              key={form.key('email')}
              {...form.getInputProps('email')}
            />
            <PasswordInput
              label={t('training.join.password')}
              autoComplete="new-password"
              required
              key={form.key('password')}
              {...form.getInputProps('password')}
              visibilityToggleButtonProps={{ 'aria-label': t('common.showPassword') }}
            />
            <Button type="submit" loading={join.isPending} fullWidth>
              {t('training.join.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
