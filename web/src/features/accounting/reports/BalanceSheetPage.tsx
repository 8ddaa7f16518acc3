import { Alert, Group, Loader, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ACCOUNTING_SERVE } from '../../../referentiel/activities.ts';
import { LoadError } from '../../../ui/StatusPages.tsx';
import { day, money } from '../format.ts';
import { balanceSheetQuery } from '../ledger-api.ts';
import { ReportHeader } from './ReportFrame.tsx';
import type { ReportSearch } from './report-search.ts';
import { StatementTable } from './StatementTable.tsx';

const route = getRouteApi('/orgs/$orgId/accounting/reports/balance-sheet');

/** The simplified balance sheet at a date (the URL's `asOf`), the result of an open year in the equity. */
export function BalanceSheetPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const query = useQuery(balanceSheetQuery(orgId, { at: search.asOf }));
  const setSearch = (patch: Partial<ReportSearch>) =>
    navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });
  const report = query.data;
  const balanced = report ? report.assets.total === report.liabilities.total : true;

  return (
    <>
      <ReportHeader
        orgId={orgId}
        title={t('accounting.statements.balanceTitle')}
        served={ACCOUNTING_SERVE}
        subtitle={
          report
            ? t('accounting.statements.balanceSubtitle', {
                date: day(report.at),
                year: report.fiscalYear.name,
              })
            : undefined
        }
        ready={Boolean(report)}
        exportRequest={{ report: 'balance-sheet', query: { at: search.asOf } }}
      />
      <Group
        align="flex-end"
        gap="sm"
        mb="md"
        role="search"
        aria-label={t('accounting.reports.filters')}
        className="agora-no-print"
      >
        <TextInput
          type="date"
          label={t('accounting.statements.at')}
          value={search.asOf ?? ''}
          onChange={(e) => setSearch({ asOf: e.currentTarget.value || undefined })}
          data-testid="balance-sheet-at"
        />
      </Group>
      {query.isError ? <LoadError error={query.error} /> : null}
      {query.isPending ? <Loader aria-label={t('common.loading')} /> : null}
      {report ? (
        <>
          <Alert
            color={balanced ? 'teal' : 'red'}
            role="status"
            mb="md"
            data-testid="balance-sheet-check"
            data-balanced={balanced}
          >
            {balanced
              ? t('accounting.statements.balanced', { amount: money(report.assets.total) })
              : t('accounting.statements.unbalanced', {
                  assets: money(report.assets.total),
                  liabilities: money(report.liabilities.total),
                })}
          </Alert>
          {report.fiscalYear.status === 'open' && report.periodResult !== 0 ? (
            <Text size="sm" c="dimmed" mb="sm" data-testid="balance-sheet-open-year">
              {t('accounting.statements.openYear', { amount: money(report.periodResult) })}
            </Text>
          ) : null}
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <StatementTable
              statement={report.assets}
              caption={t('accounting.statements.assets')}
              totalLabel={t('accounting.statements.totalAssets')}
              testId="balance-sheet-assets"
            />
            <StatementTable
              statement={report.liabilities}
              caption={t('accounting.statements.liabilities')}
              totalLabel={t('accounting.statements.totalLiabilities')}
              testId="balance-sheet-liabilities"
            />
          </SimpleGrid>
        </>
      ) : null}
    </>
  );
}
