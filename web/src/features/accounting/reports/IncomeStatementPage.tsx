import { Alert, Loader, Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ACCOUNTING_SERVE } from '../../../referentiel/activities.ts';
import { LoadError } from '../../../ui/StatusPages.tsx';
import { money } from '../format.ts';
import { incomeStatementQuery } from '../ledger-api.ts';
import { PeriodPicker, ReportHeader, usePeriodText } from './ReportFrame.tsx';
import type { ReportSearch } from './report-search.ts';
import { StatementTable } from './StatementTable.tsx';

const route = getRouteApi('/orgs/$orgId/accounting/reports/income-statement');

/** The income statement of a period in the PCG's abridged presentation, and its result. */
export function IncomeStatementPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const query = useQuery(incomeStatementQuery(orgId, { from: search.from, to: search.to }));
  const period = usePeriodText();
  const setSearch = (patch: Partial<ReportSearch>) =>
    navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });
  const report = query.data;
  const results = report
    ? ([
        ['operating', report.operatingResult],
        ['financial', report.financialResult],
        ['exceptional', report.exceptionalResult],
      ] as const)
    : [];

  return (
    <>
      <ReportHeader
        orgId={orgId}
        title={t('accounting.statements.incomeTitle')}
        served={ACCOUNTING_SERVE}
        subtitle={period(report)}
        ready={Boolean(report)}
        exportRequest={{ report: 'income-statement', query: { from: search.from, to: search.to } }}
      />
      <PeriodPicker orgId={orgId} from={search.from} to={search.to} onChange={(p) => setSearch(p)} />
      {query.isError ? <LoadError error={query.error} /> : null}
      {query.isPending ? <Loader aria-label={t('common.loading')} /> : null}
      {report ? (
        <>
          <Alert
            color={report.result >= 0 ? 'teal' : 'orange'}
            role="status"
            mb="md"
            data-testid="income-statement-result"
            data-result={report.result}
          >
            {t(report.result >= 0 ? 'accounting.statements.profit' : 'accounting.statements.loss', {
              amount: money(Math.abs(report.result)),
            })}
          </Alert>
          <StatementTable
            statement={report.income}
            caption={t('accounting.statements.income')}
            totalLabel={t('accounting.statements.totalIncome')}
            testId="income-statement-income"
          />
          <StatementTable
            statement={report.expenses}
            caption={t('accounting.statements.expenses')}
            totalLabel={t('accounting.statements.totalExpenses')}
            testId="income-statement-expenses"
          />
          <Table withTableBorder verticalSpacing={4} data-testid="income-statement-results">
            <caption>{t('accounting.statements.results')}</caption>
            <Table.Tbody>
              {results.map(([key, amount]) => (
                <Table.Tr key={key}>
                  <Table.Th scope="row">{t(`accounting.statements.${key}Result`)}</Table.Th>
                  <Table.Td ta="right" w={160}>
                    {money(amount)}
                  </Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Th scope="row">{t('accounting.statements.result')}</Table.Th>
                <Table.Td ta="right" fw={700} data-testid="income-statement-result-amount">
                  {money(report.result)}
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </>
      ) : null}
    </>
  );
}
