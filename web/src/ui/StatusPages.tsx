import { Center, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './ErrorAlert.tsx';
import { errorMessage } from './errors.ts';
import { AnchorLink } from './links.tsx';
import { useDocumentTitle } from './use-document-title.ts';

function StatusPage({ title, message }: { title: string; message: string }) {
  const { t } = useTranslation();
  useDocumentTitle(title);
  return (
    <Center component="main" mih="100vh" p="lg">
      <Stack align="center" gap="sm" maw={520}>
        <Title order={1}>{title}</Title>
        <Text ta="center">{message}</Text>
        <AnchorLink to="/">{t('status.backHome')}</AnchorLink>
      </Stack>
    </Center>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return <StatusPage title={t('status.notFoundTitle')} message={t('status.notFoundText')} />;
}

export function ErrorPage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return <StatusPage title={t('status.errorTitle')} message={errorMessage(error, t)} />;
}

/** Inside a page, under its title: the data could not be loaded. */
export function LoadError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return <ErrorAlert error={error} title={t('status.errorTitle')} testId="load-error" />;
}
