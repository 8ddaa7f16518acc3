import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { todayIn } from '../../../../src/kernel/dates/index.ts';
import type { ReceiptDto } from '../../../../src/relations/receipts/contract.ts';
import { useOrgRole } from '../../auth/session.ts';
import { RECEIPTS_SERVE } from '../../referentiel/activities.ts';
import { errorMessage } from '../../ui/errors.ts';
import { ListPagination } from '../../ui/ListPagination.tsx';
import { ListTable } from '../../ui/ListTable.tsx';
import { ButtonLink } from '../../ui/links.tsx';
import { notify } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { day, money } from './format.ts';
import { cancelReceipt, receiptKeys, receiptListQuery } from './receipts-api.ts';
import { PAGE_SIZE, relationsKeys } from './relations-api.ts';

const route = getRouteApi('/orgs/$orgId/relations/receipts/');

export function parsePageSearch(search: Record<string, unknown>): { page?: number } {
  const page = Number(search.page);
  return { page: Number.isInteger(page) && page > 1 ? page : undefined };
}

function CancelButton({ orgId, receipt }: { orgId: string; receipt: ReceiptDto }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const cancel = useMutation({
    mutationFn: () => cancelReceipt(orgId, receipt.id, todayIn()),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: receiptKeys.all(orgId) });
      await queryClient.invalidateQueries({ queryKey: relationsKeys.invoices(orgId) });
      await queryClient.invalidateQueries({ queryKey: receiptKeys.receivables(orgId) });
      notify('success', t('relations.receipts.cancelled', { number: receipt.number }));
    },
    onError: (error) => notify('error', errorMessage(error, t)),
  });
  return (
    <Button
      size="compact-xs"
      variant="subtle"
      color="red"
      loading={cancel.isPending}
      onClick={() => {
        if (window.confirm(t('relations.receipts.cancelConfirm', { number: receipt.number })))
          cancel.mutate();
      }}
      aria-label={t('relations.receipts.cancelOne', { number: receipt.number })}
    >
      {t('relations.receipts.cancel')}
    </Button>
  );
}

export function ReceiptListPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const { can } = useOrgRole(orgId);
  const page = search.page ?? 1;
  const query = useQuery(receiptListQuery(orgId, page));
  const total = query.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <>
      <PageHeader
        title={t('relations.receipts.title')}
        served={RECEIPTS_SERVE}
        actions={
          can('sales.write') ? (
            <ButtonLink to="/orgs/$orgId/relations/receipts/new" params={{ orgId }} data-testid="receipt-new">
              {t('relations.receipts.new')}
            </ButtonLink>
          ) : null
        }
      />
      <Text size="sm" mb="xs" aria-live="polite">
        {query.isPending ? t('common.loading') : t('relations.receipts.total', { count: total })}
      </Text>
      <ListTable
        query={query}
        minWidth={760}
        testId="receipt-table"
        caption={t('relations.receipts.caption')}
        headers={
          <>
            <Table.Th>{t('relations.receipts.fields.number')}</Table.Th>
            <Table.Th>{t('relations.receipts.fields.date')}</Table.Th>
            <Table.Th>{t('relations.receipts.fields.customer')}</Table.Th>
            <Table.Th>{t('relations.receipts.fields.method')}</Table.Th>
            <Table.Th>{t('relations.receipts.fields.invoices')}</Table.Th>
            <Table.Th ta="right">{t('relations.receipts.fields.amount')}</Table.Th>
            <Table.Th>{t('relations.receipts.fields.status')}</Table.Th>
          </>
        }
        columns={7}
        emptyText={t('relations.receipts.empty')}
        row={(r) => (
          <Table.Tr key={r.id} data-testid="receipt-row">
            <Table.Td fw={600}>{r.number}</Table.Td>
            <Table.Td>{day(r.date)}</Table.Td>
            <Table.Td>{r.customerName}</Table.Td>
            <Table.Td>
              {t(`relations.receipts.methods.${r.method}`)}
              {r.reference ? ` ${r.reference}` : ''}
            </Table.Td>
            <Table.Td>
              {r.allocations.map((a) => a.invoiceNumber).join(', ')}
              {r.unallocated > 0 ? (
                <Text span size="xs" c="dimmed" ml={4}>
                  {t('relations.receipts.credit', { amount: money(r.unallocated) })}
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td ta="right">{money(r.amount)}</Table.Td>
            <Table.Td>
              <Group gap={4} wrap="nowrap">
                <Badge size="sm" variant="light" color={r.status === 'validated' ? 'teal' : 'gray'}>
                  {r.depositSlipNumber
                    ? t('relations.receipts.deposited', { number: r.depositSlipNumber })
                    : t(`relations.receipts.statuses.${r.status}`)}
                </Badge>
                {r.status === 'validated' && !r.depositSlipId && can('sales.write') ? (
                  <CancelButton orgId={orgId} receipt={r} />
                ) : null}
              </Group>
            </Table.Td>
          </Table.Tr>
        )}
      />
      <ListPagination
        pages={pages}
        page={page}
        onChange={(p) => void navigate({ search: { page: p > 1 ? p : undefined }, replace: true })}
      />
    </>
  );
}
