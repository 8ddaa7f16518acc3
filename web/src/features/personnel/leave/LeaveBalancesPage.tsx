import { Table, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { todayIn } from '../../../../../src/kernel/dates/index.ts';
import { LEAVE_SERVE } from '../../../referentiel/activities.ts';
import { ListTable } from '../../../ui/ListTable.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { day } from '../../relations/format.ts';
import { balancesQuery, hundredthsFr } from './leave-api.ts';

const route = getRouteApi('/orgs/$orgId/personnel/leave/balances');

export function parseBalanceSearch(search: Record<string, unknown>): { asOf?: string } {
  return typeof search.asOf === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(search.asOf)
    ? { asOf: search.asOf }
    : {};
}

/** Each employee's paid-leave account on a day, in jours ouvrables. */
export function LeaveBalancesPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const asOf = search.asOf ?? todayIn();
  const query = useQuery(balancesQuery(orgId, asOf));
  const first = query.data?.items[0];
  return (
    <>
      <PageHeader title={t('personnel.leave.balances.title')} served={LEAVE_SERVE} />
      <TextInput
        type="date"
        label={t('personnel.leave.balances.asOf')}
        value={asOf}
        onChange={(e) =>
          e.currentTarget.value && void navigate({ search: { asOf: e.currentTarget.value }, replace: true })
        }
        maw={220}
        mb="sm"
        data-testid="balances-as-of"
      />
      <Text size="sm" mb="xs">
        {first
          ? t('personnel.leave.balances.period', { from: day(first.periodFrom), to: day(first.periodTo) })
          : t('personnel.leave.balances.rule')}
      </Text>
      <ListTable
        query={query}
        minWidth={760}
        testId="balances-table"
        caption={t('personnel.leave.balances.caption', { date: day(asOf) })}
        headers={
          <>
            <Table.Th>{t('personnel.leave.fields.employee')}</Table.Th>
            <Table.Th ta="right">{t('personnel.leave.balances.entitlement')}</Table.Th>
            <Table.Th ta="right">{t('personnel.leave.balances.acquiring')}</Table.Th>
            <Table.Th ta="right">{t('personnel.leave.balances.taken')}</Table.Th>
            <Table.Th ta="right">{t('personnel.leave.balances.pending')}</Table.Th>
            <Table.Th ta="right">{t('personnel.leave.balances.remaining')}</Table.Th>
          </>
        }
        columns={6}
        emptyText={t('personnel.leave.balances.empty')}
        row={(b) => (
          <Table.Tr key={b.employeeId} data-testid="balance-row">
            <Table.Td fw={600}>{b.employeeName}</Table.Td>
            <Table.Td ta="right">{hundredthsFr(b.entitlement)}</Table.Td>
            <Table.Td ta="right">{hundredthsFr(b.acquiring)}</Table.Td>
            <Table.Td ta="right" data-testid="balance-taken">
              {hundredthsFr(b.taken)}
            </Table.Td>
            <Table.Td ta="right">{hundredthsFr(b.pending)}</Table.Td>
            <Table.Td ta="right" fw={700} data-testid="balance-remaining">
              {hundredthsFr(b.remaining)}
            </Table.Td>
          </Table.Tr>
        )}
      />
      <Text size="xs" c="dimmed" mt="sm">
        {t('personnel.leave.balances.rule')}
      </Text>
    </>
  );
}
