import { Alert, Button, Group, List, NativeSelect, Paper, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { useOrgRole } from '../../auth/session.ts';
import { ACCOUNTING_SERVE } from '../../referentiel/activities.ts';
import { downloadBlob } from '../../ui/download.ts';
import { errorMessage } from '../../ui/errors.ts';
import { notify } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { LoadError } from '../../ui/StatusPages.tsx';
import { FecImport } from './FecImport.tsx';
import { day } from './format.ts';
import { downloadFec, fiscalYearsQuery } from './ledger-api.ts';

const route = getRouteApi('/orgs/$orgId/accounting/fec');

type Refusal = { message: string; problems: { field: string; message: string }[] };

/** The FEC (fichier des écritures comptables) of a fiscal year, and the import of one from other software. */
export function FecPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const { can } = useOrgRole(orgId);
  const years = useQuery(fiscalYearsQuery(orgId));
  const [chosen, setChosen] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
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

      {can('ledger.close') ? <FecImport orgId={orgId} /> : null}
    </>
  );
}
