import { Badge, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ExpenseReportStatus } from '../../../../src/personnel/expenses/contract.ts';
import { useOrgRole } from '../../auth/session.ts';
import { TRAVEL_SERVE } from '../../referentiel/activities.ts';
import { ListTable } from '../../ui/ListTable.tsx';
import { AnchorLink, ButtonLink } from '../../ui/links.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { day, money } from '../relations/format.ts';
import { expenseReportsQuery } from './expenses-api.ts';

const route = getRouteApi('/orgs/$orgId/personnel/expenses/');
const COLORS: Record<ExpenseReportStatus, string> = {
  draft: 'gray',
  validated: 'red',
  reimbursed: 'teal',
  cancelled: 'gray',
};

export function ExpenseStatusBadge({ status }: { status: ExpenseReportStatus }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="light" color={COLORS[status]} data-testid="expense-status">
      {t(`personnel.expenses.statuses.${status}`)}
    </Badge>
  );
}

/** Personnel › Notes de frais: every report, newest first. */
export function ExpenseListPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const { can } = useOrgRole(orgId);
  const query = useQuery(expenseReportsQuery(orgId));
  return (
    <>
      <PageHeader
        title={t('personnel.expenses.title')}
        served={TRAVEL_SERVE}
        actions={
          can('personnel.write') ? (
            <ButtonLink to="/orgs/$orgId/personnel/expenses/new" params={{ orgId }} data-testid="expense-new">
              {t('personnel.expenses.new')}
            </ButtonLink>
          ) : null
        }
      />
      <Text size="sm" mb="xs" aria-live="polite">
        {query.isPending
          ? t('common.loading')
          : t('personnel.expenses.total', { count: query.data?.items.length ?? 0 })}
      </Text>
      <ListTable
        query={query}
        minWidth={860}
        testId="expense-table"
        caption={t('personnel.expenses.caption')}
        headers={
          <>
            <Table.Th>{t('personnel.expenses.fields.number')}</Table.Th>
            <Table.Th>{t('personnel.expenses.fields.employee')}</Table.Th>
            <Table.Th>{t('personnel.expenses.fields.title')}</Table.Th>
            <Table.Th>{t('personnel.expenses.fields.reportDate')}</Table.Th>
            <Table.Th ta="right">{t('personnel.expenses.fields.total')}</Table.Th>
            <Table.Th ta="right">{t('personnel.expenses.fields.amountDue')}</Table.Th>
            <Table.Th>{t('personnel.expenses.fields.status')}</Table.Th>
          </>
        }
        columns={7}
        emptyText={t('personnel.expenses.empty')}
        row={(r) => (
          <Table.Tr key={r.id} data-testid="expense-row">
            <Table.Td fw={600}>
              <AnchorLink to="/orgs/$orgId/personnel/expenses/$reportId" params={{ orgId, reportId: r.id }}>
                {r.number ?? t('personnel.expenses.draftNumber')}
              </AnchorLink>
            </Table.Td>
            <Table.Td>{r.employeeName}</Table.Td>
            <Table.Td>{r.title}</Table.Td>
            <Table.Td>{day(r.reportDate)}</Table.Td>
            <Table.Td ta="right">{money(r.total)}</Table.Td>
            <Table.Td ta="right">{r.status === 'validated' ? money(r.amountDue) : ''}</Table.Td>
            <Table.Td>
              <ExpenseStatusBadge status={r.status} />
            </Table.Td>
          </Table.Tr>
        )}
      />
    </>
  );
}
