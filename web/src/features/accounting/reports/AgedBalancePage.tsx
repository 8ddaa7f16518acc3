import { Group, Loader, NativeSelect, Table, TextInput, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { RECEIVABLES_SERVE } from '../../../referentiel/activities.ts';
import { LoadError } from '../../../ui/StatusPages.tsx';
import { downloadCsv } from '../csv.ts';
import { day, money, moneyOrBlank } from '../format.ts';
import { agedBalanceQuery } from '../ledger-api.ts';
import { ScrollTable } from '../ScrollTable.tsx';
import { ReportEmpty, ReportHeader } from './ReportFrame.tsx';
import { agedBalanceCsv, reportFileName } from './report-csv.ts';
import type { ReportSearch } from './report-search.ts';

const route = getRouteApi('/orgs/$orgId/accounting/reports/aged-balance');
const BUCKETS = ['notDue', 'days1to30', 'days31to60', 'days61to90', 'over90', 'total'] as const;

/** What customers owe (or what is owed to suppliers) at a date, by how late it is. */
export function AgedBalancePage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const kind = search.kind ?? 'receivables';
  const query = useQuery(agedBalanceQuery(orgId, { kind, asOf: search.asOf }));
  const setSearch = (patch: Partial<ReportSearch>) =>
    navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });
  const report = query.data;

  return (
    <>
      <ReportHeader
        orgId={orgId}
        title={t('accounting.agedBalance.title')}
        served={RECEIVABLES_SERVE}
        subtitle={
          report
            ? t('accounting.agedBalance.subtitle', {
                kind: t(`accounting.agedBalance.kinds.${report.kind}`),
                date: day(report.asOf),
              })
            : undefined
        }
        ready={Boolean(report)}
        exportRequest={{ report: 'aged-balance', query: { kind, asOf: search.asOf } }}
        onCsv={() =>
          report &&
          downloadCsv(
            reportFileName(t(`accounting.agedBalance.files.${report.kind}`), report.asOf),
            agedBalanceCsv(report, t),
          )
        }
      />
      <Group
        align="flex-end"
        gap="sm"
        mb="md"
        wrap="wrap"
        role="search"
        aria-label={t('accounting.reports.filters')}
        className="agora-no-print"
      >
        <NativeSelect
          label={t('accounting.agedBalance.kind')}
          value={kind}
          onChange={(e) => setSearch({ kind: e.currentTarget.value === 'payables' ? 'payables' : undefined })}
          data={[
            { value: 'receivables', label: t('accounting.agedBalance.kinds.receivables') },
            { value: 'payables', label: t('accounting.agedBalance.kinds.payables') },
          ]}
          data-testid="aged-balance-kind"
        />
        <TextInput
          type="date"
          label={t('accounting.agedBalance.asOf')}
          value={search.asOf ?? ''}
          onChange={(e) => setSearch({ asOf: e.currentTarget.value || undefined })}
          data-testid="aged-balance-as-of"
        />
      </Group>
      {query.isError ? <LoadError error={query.error} /> : null}
      {query.isPending ? <Loader aria-label={t('common.loading')} /> : null}
      {report ? (
        report.rows.length === 0 ? (
          <ReportEmpty>{t('accounting.agedBalance.empty')}</ReportEmpty>
        ) : (
          <ScrollTable minWidth={860} label={t('accounting.agedBalance.caption')}>
            <Table
              striped
              verticalSpacing={4}
              withTableBorder
              data-testid="aged-balance-table"
              aria-busy={query.isFetching}
            >
              <caption>
                <VisuallyHidden>{t('accounting.agedBalance.caption')}</VisuallyHidden>
              </caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('accounting.fields.auxiliary')}</Table.Th>
                  <Table.Th>{t('accounting.fields.accountLabel')}</Table.Th>
                  {BUCKETS.map((b) => (
                    <Table.Th key={b} ta="right">
                      {t(`accounting.agedBalance.${b}`)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.rows.map((row) => (
                  <Table.Tr key={`${row.account}-${row.auxiliary}`} data-testid="aged-balance-row">
                    <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                      {row.account} / {row.auxiliary}
                    </Table.Td>
                    <Table.Td>{row.label}</Table.Td>
                    {BUCKETS.map((b) => (
                      <Table.Td key={b} ta="right" fw={b === 'total' ? 700 : undefined}>
                        {moneyOrBlank(row[b])}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th scope="row" colSpan={2}>
                    {t('accounting.grid.totals')}
                  </Table.Th>
                  {BUCKETS.map((b) => (
                    <Table.Td key={b} ta="right" fw={700}>
                      {money(report.totals[b])}
                    </Table.Td>
                  ))}
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </ScrollTable>
        )
      ) : null}
    </>
  );
}
