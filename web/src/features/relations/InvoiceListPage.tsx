import { Badge, Button, Group, NativeSelect, Table, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { isCalendarDate } from '../../../../src/kernel/dates/index.ts';
import { useOrgRole } from '../../auth/session.ts';
import { INVOICING_SERVE } from '../../referentiel/activities.ts';
import { ListPagination } from '../../ui/ListPagination.tsx';
import { ListTable } from '../../ui/ListTable.tsx';
import { AnchorLink } from '../../ui/links.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { SearchFilters } from '../../ui/SearchFilters.tsx';
import { day, money } from './format.ts';
import { PaymentBadge } from './PaymentBadge.tsx';
import { customersQuery, type InvoiceSearch, invoiceListQuery, PAGE_SIZE } from './relations-api.ts';

const route = getRouteApi('/orgs/$orgId/relations/invoices/');
const STATUSES = ['draft', 'validated'] as const;
const KINDS = ['invoice', 'credit_note'] as const;

function oneOf<T extends string>(values: readonly T[], value: unknown): T | undefined {
  return typeof value === 'string' && (values as readonly string[]).includes(value)
    ? (value as T)
    : undefined;
}
const date = (value: unknown) =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && isCalendarDate(value) ? value : undefined;

export function parseInvoiceSearch(search: Record<string, unknown>): InvoiceSearch {
  const page = Number(search.page);
  return {
    status: oneOf(STATUSES, search.status),
    kind: oneOf(KINDS, search.kind),
    customerId:
      typeof search.customerId === 'string' && search.customerId ? search.customerId.slice(0, 64) : undefined,
    from: date(search.from),
    to: date(search.to),
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}

export function StatusBadge({ status }: { status: 'draft' | 'validated' }) {
  const { t } = useTranslation();
  return (
    <Badge
      size="sm"
      variant="light"
      color={status === 'draft' ? 'grape' : 'teal'}
      data-testid="invoice-status"
    >
      {t(`relations.invoices.statuses.${status}`)}
    </Badge>
  );
}

export function InvoiceListPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const { can } = useOrgRole(orgId);
  const writable = can('sales.write');
  const query = useQuery(invoiceListQuery(orgId, search));
  const customers = useQuery(customersQuery(orgId));
  const setSearch = (patch: Partial<InvoiceSearch>, resetPage = true) =>
    navigate({
      search: (prev) => ({ ...prev, ...patch, ...(resetPage ? { page: undefined } : {}) }),
      replace: true,
    });
  const total = query.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <>
      <PageHeader
        title={t('relations.invoices.title')}
        served={INVOICING_SERVE}
        actions={
          writable ? (
            <Button
              onClick={() => navigate({ to: '/orgs/$orgId/relations/invoices/new', params: { orgId } })}
              data-testid="invoice-new"
            >
              {t('relations.invoices.new')}
            </Button>
          ) : null
        }
      />
      <SearchFilters label={t('relations.filters')}>
        <NativeSelect
          label={t('relations.invoices.fields.status')}
          value={search.status ?? ''}
          onChange={(e) => void setSearch({ status: oneOf(STATUSES, e.currentTarget.value) })}
          data={[
            { value: '', label: t('relations.all') },
            ...STATUSES.map((s) => ({ value: s, label: t(`relations.invoices.statuses.${s}`) })),
          ]}
          data-testid="invoice-filter-status"
        />
        <NativeSelect
          label={t('relations.invoices.fields.kind')}
          value={search.kind ?? ''}
          onChange={(e) => void setSearch({ kind: oneOf(KINDS, e.currentTarget.value) })}
          data={[
            { value: '', label: t('relations.all') },
            ...KINDS.map((k) => ({ value: k, label: t(`relations.invoices.kinds.${k}`) })),
          ]}
          data-testid="invoice-filter-kind"
        />
        <NativeSelect
          label={t('relations.invoices.fields.customer')}
          value={search.customerId ?? ''}
          onChange={(e) => void setSearch({ customerId: e.currentTarget.value || undefined })}
          data={[
            { value: '', label: t('relations.all') },
            ...(customers.data?.items ?? []).map((c) => ({ value: c.id, label: c.name })),
          ]}
          maw={260}
          data-testid="invoice-filter-customer"
        />
        <TextInput
          type="date"
          label={t('relations.invoices.filters.from')}
          value={search.from ?? ''}
          onChange={(e) => void setSearch({ from: date(e.currentTarget.value) })}
          data-testid="invoice-filter-from"
        />
        <TextInput
          type="date"
          label={t('relations.invoices.filters.to')}
          value={search.to ?? ''}
          onChange={(e) => void setSearch({ to: date(e.currentTarget.value) })}
          data-testid="invoice-filter-to"
        />
      </SearchFilters>
      <Text size="sm" mb="xs" aria-live="polite" data-testid="invoice-total">
        {query.isPending ? t('common.loading') : t('relations.invoices.total', { count: total })}
      </Text>
      <ListTable
        query={query}
        minWidth={760}
        highlightOnHover
        testId="invoice-table"
        caption={t('relations.invoices.caption')}
        headers={
          <>
            <Table.Th>{t('relations.invoices.fields.number')}</Table.Th>
            <Table.Th>{t('relations.invoices.fields.kind')}</Table.Th>
            <Table.Th>{t('relations.invoices.fields.issueDate')}</Table.Th>
            <Table.Th>{t('relations.invoices.fields.customer')}</Table.Th>
            <Table.Th ta="right">{t('relations.invoices.totals.net')}</Table.Th>
            <Table.Th ta="right">{t('relations.invoices.totals.gross')}</Table.Th>
            <Table.Th>{t('relations.invoices.fields.status')}</Table.Th>
          </>
        }
        columns={7}
        emptyText={t('relations.invoices.empty')}
        emptyTestId="invoice-empty"
        row={(invoice) => (
          <Table.Tr key={invoice.id} data-testid="invoice-row">
            <Table.Td>
              <AnchorLink
                to="/orgs/$orgId/relations/invoices/$invoiceId"
                params={{ orgId, invoiceId: invoice.id }}
                fw={600}
              >
                {invoice.number ?? t('relations.invoices.draftNumber')}
              </AnchorLink>
            </Table.Td>
            <Table.Td>{t(`relations.invoices.kinds.${invoice.kind}`)}</Table.Td>
            <Table.Td>{day(invoice.issueDate)}</Table.Td>
            <Table.Td>{invoice.customerName}</Table.Td>
            <Table.Td ta="right">{money(invoice.totalNet)}</Table.Td>
            <Table.Td ta="right">{money(invoice.total)}</Table.Td>
            <Table.Td>
              <Group gap={4} wrap="nowrap">
                <StatusBadge status={invoice.status} />
                <PaymentBadge payment={invoice.payment} />
              </Group>
            </Table.Td>
          </Table.Tr>
        )}
      />
      <ListPagination
        pages={pages}
        page={search.page ?? 1}
        onChange={(p) => void setSearch({ page: p > 1 ? p : undefined }, false)}
      />
    </>
  );
}
