import {
  Alert,
  Box,
  Button,
  Container,
  Loader,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isEmail } from '../../../../src/kernel/identifiers/index.ts';
import { errorMessage } from '../../ui/errors.ts';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { publicFormQuery, sendPublicRequest } from './records-api.ts';

type Values = {
  name: string;
  email: string;
  phone: string;
  category: string;
  subject: string;
  message: string;
  website: string;
};

/**
 * The organisation's public contact form: no login, no third-party captcha. The hidden « website » field
 * is the honeypot; the token from the server times the filling.
 */
export function PublicContactPage({ orgRef }: { orgRef: string }) {
  const { t } = useTranslation();
  useDocumentTitle(t('records.publicForm.title'));
  const queryClient = useQueryClient();
  const form = useQuery(publicFormQuery(orgRef));
  const [sent, setSent] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const values = useForm<Values>({
    initialValues: { name: '', email: '', phone: '', category: '', subject: '', message: '', website: '' },
    validate: {
      name: (v) => (v.trim() ? null : t('records.publicForm.required')),
      email: (v) => (isEmail(v) ? null : t('records.publicForm.required')),
      subject: (v) => (v.trim() ? null : t('records.publicForm.required')),
      message: (v) => (v.trim() ? null : t('records.publicForm.required')),
    },
  });
  const send = useMutation({
    mutationFn: (v: Values) =>
      sendPublicRequest(orgRef, {
        name: v.name.trim(),
        email: v.email.trim(),
        phone: v.phone.trim() || null,
        category: v.category || null,
        subject: v.subject.trim(),
        message: v.message.trim(),
        website: v.website,
        token: form.data?.token ?? '',
      }),
    onSuccess: (answer) => {
      setSent(answer.message);
      setError(null);
      values.reset();
      // A fresh token for another request.
      void queryClient.invalidateQueries({ queryKey: publicFormQuery(orgRef).queryKey });
    },
    onError: (e) => setError(errorMessage(e, t)),
  });
  return (
    <Container size="sm" py="xl" component="main">
      {form.isPending ? (
        <Loader />
      ) : form.isError ? (
        <Alert color="red" role="alert" title={t('records.publicForm.title')}>
          {t('records.publicForm.unavailable')}
        </Alert>
      ) : (
        <Paper withBorder p="lg">
          <Title order={1} size="h2" mb="xs">
            {t('records.publicForm.of', { name: form.data.organisationName })}
          </Title>
          {form.data.intro ? <Text mb="md">{form.data.intro}</Text> : null}
          {sent ? (
            <Stack>
              <Alert color="teal" role="status" data-testid="public-sent">
                {sent}
              </Alert>
              <Button variant="default" onClick={() => setSent(null)}>
                {t('records.publicForm.another')}
              </Button>
            </Stack>
          ) : (
            <form onSubmit={values.onSubmit((v) => send.mutate(v))} noValidate data-testid="public-form">
              <Stack gap="sm">
                {error ? (
                  <Alert color="red" role="alert" data-testid="public-error">
                    {error}
                  </Alert>
                ) : null}
                <TextInput
                  required
                  label={t('records.publicForm.name')}
                  autoComplete="name"
                  {...values.getInputProps('name')}
                />
                <TextInput
                  required
                  type="email"
                  label={t('records.publicForm.email')}
                  autoComplete="email"
                  {...values.getInputProps('email')}
                />
                <TextInput
                  label={t('records.publicForm.phone')}
                  autoComplete="tel"
                  {...values.getInputProps('phone')}
                />
                {form.data.categories.length > 0 ? (
                  <NativeSelect
                    label={t('records.publicForm.category')}
                    data={[{ value: '', label: '—' }, ...form.data.categories]}
                    {...values.getInputProps('category')}
                  />
                ) : null}
                <TextInput
                  required
                  label={t('records.publicForm.subject')}
                  {...values.getInputProps('subject')}
                />
                <Textarea
                  required
                  autosize
                  minRows={4}
                  label={t('records.publicForm.message')}
                  {...values.getInputProps('message')}
                />
                {/* Honeypot: off-screen and out of the tab order; people never fill it. */}
                <Box
                  aria-hidden="true"
                  style={{ position: 'absolute', left: '-10000px', width: 1, height: 1, overflow: 'hidden' }}
                >
                  <TextInput
                    label={t('records.publicForm.website')}
                    tabIndex={-1}
                    autoComplete="off"
                    {...values.getInputProps('website')}
                  />
                </Box>
                <Text size="xs" c="dimmed">
                  {t('records.publicForm.privacy')}
                </Text>
                <Button type="submit" loading={send.isPending} data-testid="public-send">
                  {t('records.publicForm.send')}
                </Button>
              </Stack>
            </form>
          )}
        </Paper>
      )}
    </Container>
  );
}
