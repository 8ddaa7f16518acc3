import { Badge, Group, NativeSelect, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { BillDto } from '../../../../src/production/purchases/contract.ts';
import { useOrgRole } from '../../auth/session.ts';
import { PURCHASES_SERVE } from '../../referentiel/activities.ts';
import { ListTable } from '../../ui/ListTable.tsx';
import { AnchorLink, ButtonLink } from '../../ui/links.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { day, money } from '../relations/format.ts';
import { type BillFilter, billListQuery } from './purchases-api.ts';

const route = getRouteApi('/orgs/$orgId/production/purchases/');
const FILTERS: readonly BillFilter[] = ['draft', 'to_pay', 'partially_paid', 'paid', 'cancelled'];

export function parseBillSearch(search: Record<string, unknown>): { status?: BillFilter } {
  return FILTERS.includes(search.status as BillFilter) ? { status: search.status as BillFilter } : {};
}

/** The status shown for a bill: draft, cancelled, or where it stands with its payments. */
export function billStatusKey(bill: Pick<BillDto, 'status' | 'paymentStatus'>): BillFilter {
  return bill.status === 'validated' ? (bill.paymentStatus ?? 'to_pay') : bill.status;
}

const COLORS: Record<BillFilter, string> = {
  draft: 'gray',
  to_pay: 'red',
  partially_paid: 'blue',
  paid: 'teal',
  cancelled: 'gray',
};

export function BillStatusBadge({ bill }: { bill: Pick<BillDto, 'status' | 'paymentStatus'> }) {
  const { t } = useTranslation();
  const key = billStatusKey(bill);
  return (
    <Badge size="sm" variant="light" color={COLORS[key]} data-testid="bill-status">
      {t(`production.purchases.statuses.${key}`)}
    </Badge>
  );
}

export function PurchaseListPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const { can } = useOrgRole(orgId);
  const query = useQuery(billListQuery(orgId, search.status));
  return (
    <>
      <PageHeader
        title={t('production.purchases.title')}
        served={PURCHASES_SERVE}
        actions={
          <Group gap="xs">
            <ButtonLink
              variant="default"
              to="/orgs/$orgId/production/purchases/payables"
              params={{ orgId }}
              data-testid="payables-link"
            >
              {t('production.payables.link')}
            </ButtonLink>
            {can('purchases.write') ? (
              <ButtonLink
                to="/orgs/$orgId/production/purchases/new"
                params={{ orgId }}
                data-testid="bill-new"
              >
                {t('production.purchases.new')}
              </ButtonLink>
            ) : null}
          </Group>
        }
      />
      <NativeSelect
        label={t('production.purchases.filter')}
        value={search.status ?? ''}
        onChange={(e) =>
          void navigate({
            search: { status: (e.currentTarget.value || undefined) as BillFilter | undefined },
            replace: true,
          })
        }
        data={[
          { value: '', label: t('production.purchases.allStatuses') },
          ...FILTERS.map((f) => ({ value: f, label: t(`production.purchases.statuses.${f}`) })),
        ]}
        maw={260}
        mb="sm"
        data-testid="bill-filter"
      />
      <Text size="sm" mb="xs" aria-live="polite">
        {query.isPending
          ? t('common.loading')
          : t('production.purchases.total', { count: query.data?.items.length ?? 0 })}
      </Text>
      <ListTable
        query={query}
        minWidth={860}
        testId="bill-table"
        caption={t('production.purchases.caption')}
        headers={
          <>
            <Table.Th>{t('production.purchases.fields.number')}</Table.Th>
            <Table.Th>{t('production.purchases.fields.supplier')}</Table.Th>
            <Table.Th>{t('production.purchases.fields.supplierRef')}</Table.Th>
            <Table.Th>{t('production.purchases.fields.billDate')}</Table.Th>
            <Table.Th>{t('production.purchases.fields.dueDate')}</Table.Th>
            <Table.Th ta="right">{t('production.purchases.fields.total')}</Table.Th>
            <Table.Th ta="right">{t('production.purchases.fields.leftToPay')}</Table.Th>
            <Table.Th>{t('production.purchases.fields.status')}</Table.Th>
          </>
        }
        columns={8}
        emptyText={t('production.purchases.empty')}
        row={(b) => (
          <Table.Tr key={b.id} data-testid="bill-row">
            <Table.Td fw={600}>
              <AnchorLink to="/orgs/$orgId/production/purchases/$billId" params={{ orgId, billId: b.id }}>
                {b.number ?? t('production.purchases.draftNumber')}
              </AnchorLink>
            </Table.Td>
            <Table.Td>{b.supplierName}</Table.Td>
            <Table.Td>{b.supplierRef}</Table.Td>
            <Table.Td>{day(b.billDate)}</Table.Td>
            <Table.Td>{day(b.dueDate)}</Table.Td>
            <Table.Td ta="right">{money(b.total)}</Table.Td>
            <Table.Td ta="right">{b.status === 'validated' ? money(b.leftToPay) : ''}</Table.Td>
            <Table.Td>
              <BillStatusBadge bill={b} />
            </Table.Td>
          </Table.Tr>
        )}
      />
    </>
  );
}
