import {
  Alert,
  Button,
  Group,
  Loader,
  NativeSelect,
  Paper,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MailSettingsDto } from '../../../../src/kernel/mail/contract.ts';
import { MAIL_SERVE } from '../../referentiel/activities.ts';
import { errorMessage } from '../../ui/errors.ts';
import { notify } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { LoadError } from '../../ui/StatusPages.tsx';
import { applyServerErrors } from '../../ui/server-errors.ts';
import { mailKeys, mailSettingsQuery, saveMailSettings, sendTestEmail } from './mail-api.ts';

const route = getRouteApi('/orgs/$orgId/settings/mail');
const SECURITIES = ['starttls', 'tls', 'none'] as const;

type Values = {
  host: string;
  port: string;
  security: (typeof SECURITIES)[number];
  username: string;
  password: string;
  fromAddress: string;
  fromName: string;
};

function SettingsForm({ orgId, settings }: { orgId: string; settings: MailSettingsDto }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [alert, setAlert] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: {
      host: settings.host ?? '',
      port: String(settings.port ?? 587),
      security: settings.security ?? 'starttls',
      username: settings.username ?? '',
      password: '',
      fromAddress: settings.fromAddress ?? '',
      fromName: settings.fromName ?? '',
    },
    validate: {
      host: (v) => (v.trim() ? null : t('mail.settings.errors.host')),
      port: (v) =>
        /^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 65535 ? null : t('mail.settings.errors.port'),
      fromAddress: (v) =>
        /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim()) ? null : t('mail.settings.errors.from'),
    },
  });
  const save = useMutation({
    mutationFn: (values: Values) =>
      saveMailSettings(orgId, {
        host: values.host.trim(),
        port: Number(values.port),
        security: values.security,
        username: values.username.trim() || null,
        ...(values.password ? { password: values.password } : {}),
        fromAddress: values.fromAddress.trim(),
        fromName: values.fromName.trim() || null,
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(mailKeys.settings(orgId), saved);
      form.setFieldValue('password', '');
      setAlert(null);
      notify('success', t('mail.settings.saved'));
    },
    onError: (error) => setAlert([errorMessage(error, t), ...applyServerErrors(form, error)].join(' ')),
  });
  return (
    <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v))} data-testid="mail-settings-form">
      <Stack gap="md" maw={900}>
        {alert ? (
          <Alert color="red" role="alert">
            {alert}
          </Alert>
        ) : null}
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('mail.settings.host')}
              required
              data-testid="mail-host"
              {...form.getInputProps('host')}
            />
            <TextInput
              label={t('mail.settings.port')}
              inputMode="numeric"
              required
              data-testid="mail-port"
              {...form.getInputProps('port')}
            />
            <NativeSelect
              label={t('mail.settings.security')}
              data={SECURITIES.map((s) => ({ value: s, label: t(`mail.settings.securities.${s}`) }))}
              data-testid="mail-security"
              {...form.getInputProps('security')}
            />
            <TextInput
              label={t('mail.settings.username')}
              autoComplete="off"
              data-testid="mail-username"
              {...form.getInputProps('username')}
            />
            <PasswordInput
              label={t('mail.settings.password')}
              description={settings.hasPassword ? t('mail.settings.passwordKept') : undefined}
              autoComplete="new-password"
              data-testid="mail-password"
              {...form.getInputProps('password')}
            />
            <TextInput
              label={t('mail.settings.fromAddress')}
              type="email"
              required
              data-testid="mail-from"
              {...form.getInputProps('fromAddress')}
            />
            <TextInput label={t('mail.settings.fromName')} {...form.getInputProps('fromName')} />
          </SimpleGrid>
        </Paper>
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending} data-testid="mail-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function TestEmail({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const [to, setTo] = useState('');
  const test = useMutation({
    mutationFn: () => sendTestEmail(orgId, to.trim()),
    onError: (error) => notify('error', errorMessage(error, t)),
  });
  return (
    <Paper withBorder p="md" maw={900} mt="lg">
      <Title order={2} size="h4" mb="sm">
        {t('mail.settings.testTitle')}
      </Title>
      <Group align="flex-end">
        <TextInput
          label={t('mail.settings.testTo')}
          type="email"
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
          data-testid="mail-test-to"
        />
        <Button
          variant="default"
          loading={test.isPending}
          onClick={() => test.mutate()}
          data-testid="mail-test-send"
        >
          {t('mail.settings.testSend')}
        </Button>
      </Group>
      {test.data ? (
        <Alert mt="sm" color={test.data.ok ? 'green' : 'red'} role="status" data-testid="mail-test-result">
          {test.data.message}
        </Alert>
      ) : null}
    </Paper>
  );
}

export function MailSettingsPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const query = useQuery(mailSettingsQuery(orgId));
  return (
    <>
      <PageHeader title={t('mail.settings.title')} served={MAIL_SERVE} />
      <Text mb="md" maw={900}>
        {t('mail.settings.intro')}
      </Text>
      {query.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : query.isError ? (
        <LoadError error={query.error} />
      ) : (
        <>
          <SettingsForm orgId={orgId} settings={query.data} />
          {query.data.configured ? <TestEmail orgId={orgId} /> : null}
        </>
      )}
    </>
  );
}
