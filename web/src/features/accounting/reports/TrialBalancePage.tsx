import { Alert, Checkbox, Loader, Table, Text, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TrialBalanceDto } from '../../../../../src/ledger/reports/contract.ts';
import { ACCOUNTING_SERVE } from '../../../referentiel/activities.ts';
import { LoadError } from '../../../ui/StatusPages.tsx';
import { downloadCsv } from '../csv.ts';
import { money, moneyOrBlank } from '../format.ts';
import { trialBalanceQuery } from '../ledger-api.ts';
import { ScrollTable } from '../ScrollTable.tsx';
import { PeriodPicker, ReportEmpty, ReportHeader, usePeriodText } from './ReportFrame.tsx';
import { reportFileName, trialBalanceCsv } from './report-csv.ts';
import type { ReportSearch } from './report-search.ts';

const route = getRouteApi('/orgs/$orgId/accounting/reports/trial-balance');

const PAIRS = ['opening', 'period', 'closing'] as const;
type Pair = (typeof PAIRS)[number];

/** Which pairs of columns do not balance (debits ≠ credits); empty when the trial balance is right. */
export function unbalancedPairs(totals: TrialBalanceDto['totals']): Pair[] {
  return PAIRS.filter((p) => totals[`${p}Debit`] !== totals[`${p}Credit`]);
}

/** The trial balance of a period: opening balances, movements, closing balances, and their check. */
export function TrialBalancePage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const query = useQuery(
    trialBalanceQuery(orgId, { from: search.from, to: search.to, auxiliary: search.detail }),
  );
  const period = usePeriodText();
  const setSearch = (patch: Partial<ReportSearch>) =>
    navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });
  const report = query.data;
  const wrong = report ? unbalancedPairs(report.totals) : [];

  return (
    <>
      <ReportHeader
        orgId={orgId}
        title={t('accounting.trialBalance.title')}
        served={ACCOUNTING_SERVE}
        subtitle={period(report)}
        ready={Boolean(report)}
        exportRequest={{
          report: 'trial-balance',
          query: { from: search.from, to: search.to, auxiliary: search.detail ? 'true' : undefined },
        }}
        onCsv={() =>
          report &&
          downloadCsv(
            reportFileName(t('accounting.trialBalance.file'), report.from, report.to),
            trialBalanceCsv(report, t),
          )
        }
      />
      <PeriodPicker orgId={orgId} from={search.from} to={search.to} onChange={(p) => setSearch(p)}>
        <Checkbox
          label={t('accounting.trialBalance.detail')}
          checked={search.detail ?? false}
          onChange={(e) => setSearch({ detail: e.currentTarget.checked || undefined })}
          mb={8}
          data-testid="trial-balance-detail"
        />
      </PeriodPicker>

      {query.isError ? <LoadError error={query.error} /> : null}
      {query.isPending ? <Loader aria-label={t('common.loading')} /> : null}
      {report ? (
        <>
          <Alert
            color={wrong.length === 0 ? 'teal' : 'red'}
            role="status"
            mb="md"
            data-testid="trial-balance-check"
            data-balanced={wrong.length === 0}
          >
            {wrong.length === 0
              ? t('accounting.trialBalance.balanced', {
                  debit: money(report.totals.closingDebit),
                  credit: money(report.totals.closingCredit),
                })
              : t('accounting.trialBalance.unbalanced', {
                  columns: wrong.map((p) => t(`accounting.trialBalance.${p}`)).join(', '),
                })}
          </Alert>
          {report.rows.length === 0 ? (
            <ReportEmpty>{t('accounting.trialBalance.empty')}</ReportEmpty>
          ) : (
            <ScrollTable minWidth={900} label={t('accounting.trialBalance.caption')}>
              <Table
                striped
                verticalSpacing={4}
                withTableBorder
                withColumnBorders
                data-testid="trial-balance-table"
                aria-busy={query.isFetching}
              >
                <caption>
                  <VisuallyHidden>{t('accounting.trialBalance.caption')}</VisuallyHidden>
                </caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th rowSpan={2} scope="col">
                      {t('accounting.fields.account')}
                    </Table.Th>
                    <Table.Th rowSpan={2} scope="col">
                      {t('accounting.fields.accountLabel')}
                    </Table.Th>
                    {PAIRS.map((p) => (
                      <Table.Th key={p} colSpan={2} scope="colgroup" ta="center">
                        {t(`accounting.trialBalance.${p}`)}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                  <Table.Tr>
                    {PAIRS.flatMap((p) =>
                      (['debit', 'credit'] as const).map((side) => (
                        <Table.Th key={`${p}-${side}`} scope="col" ta="right">
                          <VisuallyHidden>{t(`accounting.trialBalance.${p}`)} — </VisuallyHidden>
                          {t(`accounting.fields.${side}`)}
                        </Table.Th>
                      )),
                    )}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {report.rows.map((row) => (
                    <Table.Tr
                      key={`${row.account}-${row.auxiliary ?? ''}`}
                      data-testid="trial-balance-row"
                      data-account={row.account}
                    >
                      <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                        {row.account}
                        {row.auxiliary ? ` / ${row.auxiliary}` : ''}
                      </Table.Td>
                      <Table.Td>{row.auxiliaryLabel ?? row.label}</Table.Td>
                      <Table.Td ta="right">{moneyOrBlank(row.openingDebit)}</Table.Td>
                      <Table.Td ta="right">{moneyOrBlank(row.openingCredit)}</Table.Td>
                      <Table.Td ta="right">{moneyOrBlank(row.periodDebit)}</Table.Td>
                      <Table.Td ta="right">{moneyOrBlank(row.periodCredit)}</Table.Td>
                      <Table.Td ta="right">{moneyOrBlank(row.closingDebit)}</Table.Td>
                      <Table.Td ta="right">{moneyOrBlank(row.closingCredit)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
                <Table.Tfoot>
                  <Table.Tr data-testid="trial-balance-totals">
                    <Table.Th scope="row" colSpan={2}>
                      {t('accounting.grid.totals')}
                    </Table.Th>
                    <Table.Td ta="right" fw={700}>
                      {money(report.totals.openingDebit)}
                    </Table.Td>
                    <Table.Td ta="right" fw={700}>
                      {money(report.totals.openingCredit)}
                    </Table.Td>
                    <Table.Td ta="right" fw={700} data-testid="trial-balance-period-debit">
                      {money(report.totals.periodDebit)}
                    </Table.Td>
                    <Table.Td ta="right" fw={700} data-testid="trial-balance-period-credit">
                      {money(report.totals.periodCredit)}
                    </Table.Td>
                    <Table.Td ta="right" fw={700}>
                      {money(report.totals.closingDebit)}
                    </Table.Td>
                    <Table.Td ta="right" fw={700}>
                      {money(report.totals.closingCredit)}
                    </Table.Td>
                  </Table.Tr>
                </Table.Tfoot>
              </Table>
            </ScrollTable>
          )}
          <Text size="xs" c="dimmed" mt="sm" className="agora-no-print">
            {t('accounting.trialBalance.note')}
          </Text>
        </>
      ) : null}
    </>
  );
}
