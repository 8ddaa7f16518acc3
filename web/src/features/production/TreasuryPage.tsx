import {
  Alert,
  Badge,
  Button,
  FileInput,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { useOrgRole } from '../../auth/session.ts';
import { TREASURY_SERVE } from '../../referentiel/activities.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { AnchorLink, ButtonLink } from '../../ui/links.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { LoadError } from '../../ui/StatusPages.tsx';
import { ledgerKeys } from '../accounting/ledger-api.ts';
import { day, money } from '../relations/format.ts';
import { type ImportReport, importStatement, statementListQuery, treasuryKeys } from './treasury-api.ts';

// Production › Trésorerie: import a bank statement (CAMT.053 or OFX), its report, the statements imported.

const route = getRouteApi('/orgs/$orgId/production/treasury/');

function ImportResult({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" data-testid="bank-import-report">
      {report.newAccount ? (
        <Text size="sm">
          {t('production.treasury.import.newAccount', {
            account: report.account.account,
            ledger: report.account.ledgerAccount,
          })}
        </Text>
      ) : null}
      {report.statements.map((s) => (
        <Alert
          key={s.reference}
          color={s.warnings.length > 0 ? 'orange' : 'teal'}
          role="status"
          title={t('production.treasury.import.statement', { reference: s.reference })}
          data-testid="bank-import-statement"
        >
          <Stack gap={4}>
            <Text size="sm">
              {s.alreadyImported
                ? t('production.treasury.import.already')
                : t('production.treasury.import.imported', { count: s.imported })}
            </Text>
            {s.warnings.map((w) => (
              <Text size="sm" key={w} data-testid="bank-import-warning">
                {w}
              </Text>
            ))}
            {s.duplicates.length > 0 ? (
              <Table verticalSpacing={2} data-testid="bank-import-duplicates">
                <caption>
                  <VisuallyHidden>{t('production.treasury.import.duplicates')}</VisuallyHidden>
                </caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('production.treasury.columns.date')}</Table.Th>
                    <Table.Th>{t('production.treasury.columns.label')}</Table.Th>
                    <Table.Th ta="right">{t('production.treasury.columns.amount')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {s.duplicates.map((d, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: duplicates may repeat, their order is the file's
                    <Table.Tr key={i}>
                      <Table.Td>{day(d.bookingDate)}</Table.Td>
                      <Table.Td>{d.label}</Table.Td>
                      <Table.Td ta="right">{money(d.amount)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ) : null}
          </Stack>
        </Alert>
      ))}
    </Stack>
  );
}

function ImportForm({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [ledgerAccount, setLedgerAccount] = useState('');
  const [report, setReport] = useState<ImportReport | null>(null);
  const upload = useMutation({
    mutationFn: () => importStatement(orgId, file!, ledgerAccount.trim()),
    onSuccess: async (result) => {
      setReport(result);
      setFile(null);
      setLedgerAccount('');
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: treasuryKeys.all(orgId) }),
        queryClient.invalidateQueries({ queryKey: ledgerKeys.all(orgId) }),
      ]);
    },
    onError: () => setReport(null),
  });
  // The server asks which 512x account a second bank account goes with: the field appears then.
  const asksAccount =
    isApiError(upload.error) && 'ledgerAccount' in upload.error.fieldErrors ? true : ledgerAccount !== '';
  return (
    <Paper withBorder p="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (file) upload.mutate();
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('production.treasury.import.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('production.treasury.import.help')}
          </Text>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <FileInput
              label={t('production.treasury.import.file')}
              accept=".xml,.ofx,.qfx,.camt,.053,application/xml,text/xml,application/x-ofx"
              value={file}
              onChange={setFile}
              clearable
              w={360}
              data-testid="bank-import-file"
            />
            {asksAccount ? (
              <TextInput
                label={t('production.treasury.import.ledgerAccount')}
                description={t('production.treasury.import.ledgerAccountHelp')}
                value={ledgerAccount}
                onChange={(e) => setLedgerAccount(e.currentTarget.value)}
                maxLength={10}
                w={220}
                data-testid="bank-import-ledger-account"
              />
            ) : null}
            <Button
              type="submit"
              disabled={!file}
              loading={upload.isPending}
              data-testid="bank-import-submit"
            >
              {t('production.treasury.import.submit')}
            </Button>
          </Group>
          <ErrorAlert error={upload.error} testId="bank-import-error" />
          {report ? <ImportResult report={report} /> : null}
        </Stack>
      </form>
    </Paper>
  );
}

export function TreasuryPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const { can } = useOrgRole(orgId);
  const query = useQuery(statementListQuery(orgId));
  return (
    <>
      <PageHeader
        title={t('production.treasury.title')}
        served={TREASURY_SERVE}
        actions={
          <>
            <ButtonLink
              to="/orgs/$orgId/production/treasury/reconciliation"
              params={{ orgId }}
              variant="default"
              data-testid="treasury-to-reconciliation"
            >
              {t('production.treasury.toReconciliation')}
            </ButtonLink>
            <ButtonLink
              to="/orgs/$orgId/production/treasury/report"
              params={{ orgId }}
              variant="default"
              data-testid="treasury-to-report"
            >
              {t('production.treasury.toReport')}
            </ButtonLink>
            <ButtonLink
              to="/orgs/$orgId/production/treasury/cash-plan"
              params={{ orgId }}
              variant="default"
              data-testid="treasury-to-cash-plan"
            >
              {t('production.treasury.toCashPlan')}
            </ButtonLink>
          </>
        }
      />
      <Stack gap="lg">
        {can('ledger.write') ? <ImportForm orgId={orgId} /> : null}
        <section aria-labelledby="bank-statements-title">
          <Title order={2} size="h4" mb="xs" id="bank-statements-title">
            {t('production.treasury.statements.title')}
          </Title>
          {query.isError ? <LoadError error={query.error} /> : null}
          {query.isPending ? <PageLoader /> : null}
          {query.data && query.data.statements.length === 0 ? (
            <Text c="dimmed" data-testid="bank-statements-empty">
              {t('production.treasury.statements.empty')}
            </Text>
          ) : null}
          {query.data && query.data.statements.length > 0 ? (
            <Table.ScrollContainer minWidth={720}>
              <Table striped highlightOnHover data-testid="bank-statements">
                <caption>
                  <VisuallyHidden>{t('production.treasury.statements.title')}</VisuallyHidden>
                </caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('production.treasury.columns.period')}</Table.Th>
                    <Table.Th>{t('production.treasury.columns.account')}</Table.Th>
                    <Table.Th>{t('production.treasury.columns.reference')}</Table.Th>
                    <Table.Th ta="right">{t('production.treasury.columns.opening')}</Table.Th>
                    <Table.Th ta="right">{t('production.treasury.columns.closing')}</Table.Th>
                    <Table.Th ta="right">{t('production.treasury.columns.matched')}</Table.Th>
                    <Table.Th>{t('production.treasury.columns.check')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {query.data.statements.map((s) => (
                    <Table.Tr key={s.id} data-testid="bank-statement-row">
                      <Table.Td>
                        <AnchorLink
                          to="/orgs/$orgId/production/treasury/$statementId"
                          params={{ orgId, statementId: s.id }}
                        >
                          {s.fromDate ? `${day(s.fromDate)} – ${day(s.toDate)}` : day(s.toDate)}
                        </AnchorLink>
                      </Table.Td>
                      <Table.Td>{s.account}</Table.Td>
                      <Table.Td>{s.reference}</Table.Td>
                      <Table.Td ta="right">{money(s.openingBalance)}</Table.Td>
                      <Table.Td ta="right">{money(s.closingBalance)}</Table.Td>
                      <Table.Td ta="right">
                        {s.matchedCount} / {s.lineCount}
                      </Table.Td>
                      <Table.Td>
                        {s.balanceGap === 0 ? (
                          <Badge color="teal" variant="light">
                            {t('production.treasury.statements.balanced')}
                          </Badge>
                        ) : (
                          <Badge color="orange" variant="light" data-testid="bank-statement-gap">
                            {t('production.treasury.statements.gap', { amount: money(s.balanceGap) })}
                          </Badge>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ) : null}
        </section>
      </Stack>
    </>
  );
}
