import {
  Alert,
  Button,
  FileInput,
  Group,
  List,
  NativeSelect,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FecImportDto } from '../../../../src/ledger/fec/contract.ts';
import { isApiError } from '../../api/client.ts';
import { useOrgRole } from '../../auth/session.ts';
import { ACCOUNTING_SERVE } from '../../referentiel/activities.ts';
import { errorMessage } from '../../ui/errors.ts';
import { notify } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { LoadError } from '../../ui/StatusPages.tsx';
import { downloadBlob } from './csv.ts';
import { day } from './format.ts';
import { downloadFec, fiscalYearsQuery, importFec, ledgerKeys } from './ledger-api.ts';
import { WARNING } from './notice.ts';
import { ScrollTable } from './ScrollTable.tsx';

const route = getRouteApi('/orgs/$orgId/accounting/fec');

type Refusal = { message: string; problems: { field: string; message: string }[] };

function ImportReport({ report }: { report: FecImportDto }) {
  const { t } = useTranslation();
  const figures = [
    ['entries', report.entries],
    ['lines', report.lines],
    ['accountsCreated', report.accountsCreated],
    ['journalsCreated', report.journalsCreated],
    ['fiscalYearsCreated', report.fiscalYearsCreated],
    ['letterings', report.letterings],
    ['rejectedCount', report.rejectedCount],
  ] as const;
  return (
    <Stack gap="sm" data-testid="fec-import-report">
      <Alert {...WARNING} color={report.rejectedCount === 0 ? 'teal' : 'orange'} role="status">
        {report.rejectedCount === 0
          ? t('accounting.fec.importOk', { count: report.entries })
          : t('accounting.fec.importPartial', { count: report.entries, rejected: report.rejectedCount })}
      </Alert>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
        {figures.map(([key, value]) => (
          <div key={key}>
            <Text size="xs" c="dimmed" fw={700}>
              {t(`accounting.fec.figures.${key}`)}
            </Text>
            <Text fw={700} data-testid={`fec-figure-${key}`}>
              {value}
            </Text>
          </div>
        ))}
      </SimpleGrid>
      {(['rejected', 'warnings'] as const).map((kind) =>
        report[kind].length > 0 ? (
          <div key={kind}>
            <Title order={3} size="h5" mb="xs">
              {t(`accounting.fec.${kind}`, {
                count: kind === 'rejected' ? report.rejectedCount : report.warnings.length,
              })}
            </Title>
            <ScrollTable minWidth={420} maxHeight={320} label={t(`accounting.fec.${kind}Caption`)}>
              <Table striped verticalSpacing={2} data-testid={`fec-${kind}`}>
                <caption>
                  <VisuallyHidden>{t(`accounting.fec.${kind}Caption`)}</VisuallyHidden>
                </caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={100}>{t('accounting.fec.line')}</Table.Th>
                    <Table.Th>{t('accounting.fec.reason')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {report[kind].map((issue) => (
                    <Table.Tr key={`${issue.line}-${issue.reason}`}>
                      <Table.Td>{issue.line}</Table.Td>
                      <Table.Td>{issue.reason}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          </div>
        ) : null,
      )}
    </Stack>
  );
}

/** The FEC (fichier des écritures comptables) of a fiscal year, and the import of one from other software. */
export function FecPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const queryClient = useQueryClient();
  const { can } = useOrgRole(orgId);
  const years = useQuery(fiscalYearsQuery(orgId));
  const [chosen, setChosen] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [file, setFile] = useState<File | null>(null);
  // The year that contains today, else the latest: the one most often asked for.
  const fallback = (() => {
    const list = years.data ?? [];
    const now = new Date().toISOString().slice(0, 10);
    return (list.find((y) => y.start <= now && now <= y.end) ?? list.at(-1))?.id ?? '';
  })();
  const yearId = chosen ?? fallback;

  const exportFec = useMutation({
    mutationFn: () => downloadFec(orgId, yearId),
    onSuccess: ({ blob, fileName }) => {
      setRefusal(null);
      const year = years.data?.find((y) => y.id === yearId);
      downloadBlob(blob, fileName ?? `FEC-${year?.name ?? yearId}.txt`);
      notify('success', t('accounting.fec.downloaded'));
    },
    onError: (error) =>
      setRefusal({
        message: errorMessage(error, t),
        problems: isApiError(error) ? (error.problem.errors ?? []) : [],
      }),
  });
  const upload = useMutation({
    mutationFn: (f: File) => importFec(orgId, f),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ledgerKeys.all(orgId) });
    },
  });

  return (
    <>
      <PageHeader title={t('accounting.fec.title')} served={ACCOUNTING_SERVE} />
      <Paper withBorder p="md" mb="lg" component="section" aria-labelledby="fec-export-title">
        <Title order={2} size="h4" mb="xs" id="fec-export-title">
          {t('accounting.fec.exportTitle')}
        </Title>
        <Text size="sm" mb="md" maw={820}>
          {t('accounting.fec.exportIntro')}
        </Text>
        {years.isError ? <LoadError error={years.error} /> : null}
        <Group align="flex-end" gap="sm" wrap="wrap">
          <NativeSelect
            label={t('accounting.fields.fiscalYear')}
            value={yearId}
            onChange={(e) => {
              setChosen(e.currentTarget.value);
              setRefusal(null);
            }}
            data={(years.data ?? []).map((y) => ({
              value: y.id,
              label: `${y.name} (${day(y.start)} – ${day(y.end)}) — ${t(`accounting.fiscalYears.status.${y.status}`)}`,
            }))}
            disabled={!years.data}
            data-testid="fec-year"
          />
          <Button
            onClick={() => exportFec.mutate()}
            loading={exportFec.isPending}
            disabled={!yearId}
            data-testid="fec-download"
          >
            {t('accounting.fec.download')}
          </Button>
        </Group>
        {refusal ? (
          <Alert color="red" role="alert" mt="md" title={refusal.message} data-testid="fec-refused">
            {refusal.problems.length > 0 ? (
              <List size="sm" spacing={2}>
                {refusal.problems.map((p) => (
                  <List.Item key={`${p.field}-${p.message}`}>
                    {p.field} : {p.message}
                  </List.Item>
                ))}
              </List>
            ) : null}
          </Alert>
        ) : null}
      </Paper>

      {can('ledger.close') ? (
        <Paper withBorder p="md" component="section" aria-labelledby="fec-import-title">
          <Title order={2} size="h4" mb="xs" id="fec-import-title">
            {t('accounting.fec.importTitle')}
          </Title>
          <Text size="sm" mb="xs" maw={820}>
            {t('accounting.fec.importIntro')}
          </Text>
          <Alert {...WARNING} mb="md">
            {t('accounting.fec.importWarning')}
          </Alert>
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              if (file) upload.mutate(file);
            }}
          >
            <Group align="flex-end" gap="sm" wrap="wrap" mb="md">
              <FileInput
                label={t('accounting.fec.file')}
                placeholder={t('accounting.fec.choose')}
                accept=".txt,.csv,.tsv,text/plain,text/tab-separated-values"
                value={file}
                onChange={(f) => {
                  setFile(f);
                  upload.reset();
                }}
                clearable
                // Mantine draws this placeholder as text: the darker grey keeps it readable (AA).
                styles={{ placeholder: { color: 'var(--mantine-color-gray-7)' } }}
                clearButtonProps={{ 'aria-label': t('accounting.fec.clearFile') }}
                w={{ base: '100%', sm: 360 }}
                data-testid="fec-file"
              />
              <Button type="submit" disabled={!file} loading={upload.isPending} data-testid="fec-import">
                {t('accounting.fec.import')}
              </Button>
            </Group>
          </form>
          {upload.isPending ? (
            <Progress value={100} striped animated aria-label={t('accounting.fec.importing')} mb="md" />
          ) : null}
          {upload.isError ? (
            <Alert color="red" role="alert" data-testid="fec-import-error">
              {errorMessage(upload.error, t)}
            </Alert>
          ) : null}
          {upload.data ? <ImportReport report={upload.data} /> : null}
        </Paper>
      ) : null}
    </>
  );
}
