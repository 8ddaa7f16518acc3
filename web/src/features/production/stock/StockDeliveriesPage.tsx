import { Button, Checkbox, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrgRole } from '../../../auth/session.ts';
import { STOCK_SERVE } from '../../../referentiel/activities.ts';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { notify } from '../../../ui/notify.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { PageLoader } from '../../../ui/PageLoader.tsx';
import { LoadError } from '../../../ui/StatusPages.tsx';
import { day } from '../../relations/format.ts';
import { deliveriesQuery, issueDeliveries, quantityFr, stockKeys } from './stock-api.ts';

// Production › Stocks › À sortir du stock: the delivery notes of Relations whose goods are followed in
// stock and not yet taken out; the chosen lines become exits in one action.

const route = getRouteApi('/orgs/$orgId/production/stock/deliveries');

export function StockDeliveriesPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const { can } = useOrgRole(orgId);
  const queryClient = useQueryClient();
  const query = useQuery(deliveriesQuery(orgId));
  const [unchecked, setUnchecked] = useState<Set<string>>(new Set());
  const lines = query.data?.lines ?? [];
  const chosen = lines.filter((l) => !unchecked.has(l.lineId)).map((l) => l.lineId);
  const issue = useMutation({
    mutationFn: () => issueDeliveries(orgId, chosen),
    onSuccess: async (r) => {
      notify('success', t('production.stock.deliveries.issued', { count: r.issued }));
      setUnchecked(new Set());
      await queryClient.invalidateQueries({ queryKey: stockKeys.all(orgId) });
    },
  });
  return (
    <>
      <PageHeader title={t('production.stock.deliveries.title')} served={STOCK_SERVE} />
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('production.stock.deliveries.help')}
        </Text>
        {query.isError ? <LoadError error={query.error} /> : null}
        {query.isPending ? <PageLoader /> : null}
        {query.data && lines.length === 0 ? (
          <Text data-testid="stock-deliveries-empty">{t('production.stock.deliveries.empty')}</Text>
        ) : null}
        {lines.length > 0 ? (
          <Table striped data-testid="stock-deliveries">
            <caption>
              <VisuallyHidden>{t('production.stock.deliveries.title')}</VisuallyHidden>
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>
                  <VisuallyHidden>{t('production.stock.deliveries.choose')}</VisuallyHidden>
                </Table.Th>
                <Table.Th>{t('production.stock.deliveries.note')}</Table.Th>
                <Table.Th>{t('production.stock.deliveries.customer')}</Table.Th>
                <Table.Th>{t('production.stock.columns.item')}</Table.Th>
                <Table.Th ta="right">{t('production.stock.deliveries.quantity')}</Table.Th>
                <Table.Th ta="right">{t('production.stock.deliveries.inStock')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lines.map((l) => (
                <Table.Tr key={l.lineId} data-testid="stock-delivery-row">
                  <Table.Td>
                    <Checkbox
                      aria-label={t('production.stock.deliveries.chooseLine', {
                        number: l.deliveryNote.number,
                        item: l.item.label,
                      })}
                      checked={!unchecked.has(l.lineId)}
                      onChange={(e) => {
                        const on = e.currentTarget.checked;
                        setUnchecked((prev) => {
                          const next = new Set(prev);
                          if (on) next.delete(l.lineId);
                          else next.add(l.lineId);
                          return next;
                        });
                      }}
                    />
                  </Table.Td>
                  <Table.Td>
                    {l.deliveryNote.number} · {day(l.deliveryNote.date)}
                  </Table.Td>
                  <Table.Td>{l.customer}</Table.Td>
                  <Table.Td>
                    {l.item.code} — {l.item.label}
                  </Table.Td>
                  <Table.Td ta="right">
                    {quantityFr(l.quantity)} {l.item.unit}
                  </Table.Td>
                  <Table.Td ta="right">{quantityFr(l.stockQuantity)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
        <ErrorAlert error={issue.error} testId="stock-deliveries-error" />
        {lines.length > 0 && can('stock.write') ? (
          <Group>
            <Button
              loading={issue.isPending}
              disabled={chosen.length === 0}
              onClick={() => issue.mutate()}
              data-testid="stock-deliveries-issue"
            >
              {t('production.stock.deliveries.issue', { count: chosen.length })}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </>
  );
}
