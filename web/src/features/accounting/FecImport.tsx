import {
  Alert,
  Button,
  FileInput,
  Group,
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
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FecImportDto, FecImportJobDto } from '../../../../src/ledger/fec/contract.ts';
import { isApiError } from '../../api/client.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { errorMessage } from '../../ui/errors.ts';
import { fecImportJob, ledgerKeys, startFecImport } from './ledger-api.ts';
import { WARNING } from './notice.ts';
import { ScrollTable } from './ScrollTable.tsx';

// The page polls the import job twice a second: the bar moves smoothly, the server reads a map.
const POLL_MS = 500;

const percent = (done: number, total: number) => (total > 0 ? Math.floor((done * 100) / total) : 0);

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

/** Where the import stands, in words and as a bar a screen reader reads (role progressbar, value). */
function ImportProgress({ label, value, busy }: { label: string; value: number; busy?: boolean }) {
  return (
    <Stack gap={4} mb="md" data-testid="fec-import-progress">
      <Text size="sm" fw={500} data-testid="fec-import-phase">
        {label}
      </Text>
      <Progress value={value} aria-label={label} striped={busy} animated={busy} />
    </Stack>
  );
}

/**
 * The import of a FEC from other software: the file is sent (its upload measured), then imported by
 * the server in the background while the page polls how much of it has been read (decision 0026).
 */
export function FecImport({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [sent, setSent] = useState(0);
  const [jobId, setJobId] = useState<string | null>(null);
  // The job as it ended: kept here, so nothing asks the server again for it.
  const [ended, setEnded] = useState<FecImportJobDto | null>(null);

  const upload = useMutation({
    mutationFn: (f: File) => startFecImport(orgId, f, (done, total) => setSent(percent(done, total))),
    onMutate: () => {
      setSent(0);
      setJobId(null);
      setEnded(null);
    },
    onSuccess: ({ id }) => setJobId(id),
  });
  const job = useQuery({
    queryKey: ['orgs', orgId, 'fec-import', jobId],
    queryFn: () => fecImportJob(orgId, jobId!),
    enabled: jobId !== null,
    staleTime: Number.POSITIVE_INFINITY,
    // Also in a hidden tab: a job ended an hour ago is forgotten, and its report with it.
    refetchIntervalInBackground: true,
    // A job the server no longer knows will not come back; a passing failure may.
    refetchInterval: (query) =>
      isApiError(query.state.error) && query.state.error.status === 404 ? false : POLL_MS,
  });
  const lost = isApiError(job.error) && job.error.status === 404;

  useEffect(() => {
    const data = job.data;
    if (!data || data.status === 'running') return;
    setEnded(data);
    setJobId(null);
    if (data.status === 'done') void queryClient.invalidateQueries({ queryKey: ledgerKeys.all(orgId) });
  }, [job.data, orgId, queryClient]);

  const running = jobId !== null && !lost;
  const busy = upload.isPending || running;
  const progress = (() => {
    if (upload.isPending)
      return <ImportProgress label={t('accounting.fec.uploading', { percent: sent })} value={sent} />;
    if (!running) return null;
    const { done = 0, total = 0 } = job.data ?? {};
    // The whole file read, the last entries, the letterings and the commit remain: no figure for those.
    if (total > 0 && done >= total)
      return <ImportProgress label={t('accounting.fec.finishing')} value={100} busy />;
    const value = percent(done, total);
    return <ImportProgress label={t('accounting.fec.reading', { percent: value })} value={value} />;
  })();
  const failure = upload.isError
    ? errorMessage(upload.error, t)
    : lost
      ? t('accounting.fec.importLost')
      : job.isError
        ? errorMessage(job.error, t)
        : ended?.status === 'failed'
          ? // The server's reason is French, as errorMessage shows its details.
            currentLanguage() === 'fr' && ended.error
            ? ended.error
            : t('accounting.fec.importFailed')
          : null;

  return (
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
          if (file && !busy) upload.mutate(file);
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
              setJobId(null);
              setEnded(null);
            }}
            disabled={busy}
            clearable
            // Mantine draws this placeholder as text: the darker grey keeps it readable (AA).
            styles={{ placeholder: { color: 'var(--mantine-color-gray-7)' } }}
            clearButtonProps={{ 'aria-label': t('accounting.fec.clearFile') }}
            w={{ base: '100%', sm: 360 }}
            data-testid="fec-file"
          />
          <Button type="submit" disabled={!file} loading={busy} data-testid="fec-import">
            {t('accounting.fec.import')}
          </Button>
        </Group>
      </form>
      {progress}
      {failure ? (
        <Alert color="red" role="alert" data-testid="fec-import-error">
          {failure}
        </Alert>
      ) : null}
      {ended?.status === 'done' && ended.report ? <ImportReport report={ended.report} /> : null}
    </Paper>
  );
}
