import {
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isCalendarDate, todayIn } from '../../../../../src/kernel/dates/index.ts';
import { useOrgRole } from '../../../auth/session.ts';
import { STOCK_SERVE } from '../../../referentiel/activities.ts';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { ExportButtons } from '../../../ui/ExportButtons.tsx';
import { AnchorLink, ButtonLink } from '../../../ui/links.tsx';
import { notify } from '../../../ui/notify.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { PageLoader } from '../../../ui/PageLoader.tsx';
import { LoadError } from '../../../ui/StatusPages.tsx';
import { ledgerKeys } from '../../accounting/ledger-api.ts';
import { day, money } from '../../relations/format.ts';
import {
  downloadReorder,
  downloadStatus,
  postVariation,
  quantityFr,
  reorderQuery,
  stockKeys,
  stockStatusQuery,
  variationsQuery,
} from './stock-api.ts';

// Production › Stocks: the stock status at a date (items under their reorder point stand out), the reorder
// proposal, and « Comptabiliser la variation de stock ».

const route = getRouteApi('/orgs/$orgId/production/stock/');

function Reorder({ orgId, asOf }: { orgId: string; asOf: string | undefined }) {
  const { t } = useTranslation();
  const query = useQuery(reorderQuery(orgId, asOf));
  return (
    <section aria-labelledby="stock-reorder-title">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="stock-reorder-title">
          {t('production.stock.reorder.title')}
        </Title>
        <ExportButtons
          formats={['pdf', 'xlsx', 'csv']}
          fetchFile={(format) => downloadReorder(orgId, asOf, format)}
          fallbackName={(format) => `proposition-de-reapprovisionnement.${format}`}
          testIdPrefix="stock-reorder-export"
          size="xs"
        />
      </Group>
      {query.isError ? <LoadError error={query.error} /> : null}
      {query.data && query.data.lines.length === 0 ? (
        <Text c="dimmed" data-testid="stock-reorder-empty">
          {t('production.stock.reorder.empty')}
        </Text>
      ) : null}
      {query.data && query.data.lines.length > 0 ? (
        <Table striped data-testid="stock-reorder">
          <caption>
            <VisuallyHidden>{t('production.stock.reorder.title')}</VisuallyHidden>
          </caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('production.stock.columns.supplier')}</Table.Th>
              <Table.Th>{t('production.stock.columns.item')}</Table.Th>
              <Table.Th ta="right">{t('production.stock.columns.quantity')}</Table.Th>
              <Table.Th ta="right">{t('production.stock.reorder.toOrder')}</Table.Th>
              <Table.Th ta="right">{t('production.stock.reorder.cost')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {query.data.lines.map((l) => (
              <Table.Tr key={l.item.id} data-testid="stock-reorder-row">
                <Table.Td>{l.item.supplier?.name ?? t('production.stock.reorder.noSupplier')}</Table.Td>
                <Table.Td>
                  {l.item.code} — {l.item.label}
                </Table.Td>
                <Table.Td ta="right">{quantityFr(l.item.quantity)}</Table.Td>
                <Table.Td ta="right">
                  {quantityFr(l.quantity)} {l.item.unit}
                </Table.Td>
                <Table.Td ta="right">{money(l.estimatedCost)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </section>
  );
}

function Variation({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [date, setDate] = useState(todayIn());
  const [includeSupplies, setIncludeSupplies] = useState(false);
  const list = useQuery(variationsQuery(orgId));
  const post = useMutation({
    mutationFn: () => postVariation(orgId, date, includeSupplies),
    onSuccess: async (v) => {
      notify(
        'success',
        t('production.stock.variation.posted', { number: v.entry.number, date: day(v.date) }),
      );
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: stockKeys.all(orgId) }),
        queryClient.invalidateQueries({ queryKey: ledgerKeys.all(orgId) }),
      ]);
    },
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="stock-variation-title">
      <Title order={2} size="h4" mb="xs" id="stock-variation-title">
        {t('production.stock.variation.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('production.stock.variation.help')}
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          post.mutate();
        }}
      >
        <Group align="flex-end" gap="sm">
          <TextInput
            type="date"
            label={t('production.stock.variation.date')}
            required
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
            data-testid="stock-variation-date"
          />
          <Checkbox
            label={t('production.stock.variation.includeSupplies')}
            checked={includeSupplies}
            onChange={(e) => setIncludeSupplies(e.currentTarget.checked)}
            data-testid="stock-variation-supplies"
          />
          <Button
            type="submit"
            loading={post.isPending}
            disabled={!isCalendarDate(date)}
            data-testid="stock-variation-post"
          >
            {t('production.stock.variation.post')}
          </Button>
        </Group>
      </form>
      <ErrorAlert error={post.error} testId="stock-variation-error" mb="sm" />
      {list.data && list.data.items.length > 0 ? (
        <Table mt="sm" data-testid="stock-variations">
          <caption>
            <VisuallyHidden>{t('production.stock.variation.list')}</VisuallyHidden>
          </caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('production.stock.variation.date')}</Table.Th>
              <Table.Th ta="right">{t('production.stock.categories.goods')}</Table.Th>
              <Table.Th ta="right">{t('production.stock.categories.supplies')}</Table.Th>
              <Table.Th>{t('production.stock.variation.entry')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.items.map((v) => (
              <Table.Tr key={v.id}>
                <Table.Td>{day(v.date)}</Table.Td>
                <Table.Td ta="right">{money(v.goodsValue)}</Table.Td>
                <Table.Td ta="right">{v.suppliesValue === null ? '—' : money(v.suppliesValue)}</Table.Td>
                <Table.Td>
                  <AnchorLink
                    to="/orgs/$orgId/accounting/entries/$entryId"
                    params={{ orgId, entryId: v.entry.id }}
                  >
                    {t('production.stock.variation.entryNumber', { number: v.entry.number })}
                  </AnchorLink>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Paper>
  );
}

export function StockListPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const { can } = useOrgRole(orgId);
  const [asOfText, setAsOfText] = useState('');
  const asOf = isCalendarDate(asOfText) ? asOfText : undefined;
  const query = useQuery(stockStatusQuery(orgId, asOf));
  return (
    <>
      <PageHeader
        title={t('production.stock.title')}
        served={STOCK_SERVE}
        actions={
          <>
            {can('stock.write') ? (
              <ButtonLink to="/orgs/$orgId/production/stock/new" params={{ orgId }} data-testid="stock-new">
                {t('production.stock.new')}
              </ButtonLink>
            ) : null}
            <ExportButtons
              formats={['pdf', 'xlsx', 'csv']}
              fetchFile={(format) => downloadStatus(orgId, asOf, format)}
              fallbackName={(format) => `etat-des-stocks.${format}`}
              testIdPrefix="stock-status-export"
            />
          </>
        }
      />
      <Stack gap="lg">
        <TextInput
          type="date"
          label={t('production.stock.asOf')}
          description={t('production.stock.asOfHelp')}
          value={asOfText}
          onChange={(e) => setAsOfText(e.currentTarget.value)}
          maw={240}
          data-testid="stock-as-of"
        />
        {query.isError ? <LoadError error={query.error} /> : null}
        {query.isPending ? <PageLoader /> : null}
        {query.data && query.data.items.length === 0 ? (
          <Text c="dimmed" data-testid="stock-empty">
            {t('production.stock.empty')}
          </Text>
        ) : null}
        {query.data && query.data.items.length > 0 ? (
          <Table.ScrollContainer minWidth={760}>
            <Table striped highlightOnHover data-testid="stock-status">
              <caption>
                <VisuallyHidden>
                  {t('production.stock.statusCaption', { date: day(query.data.asOf) })}
                </VisuallyHidden>
              </caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('production.stock.columns.code')}</Table.Th>
                  <Table.Th>{t('production.stock.columns.label')}</Table.Th>
                  <Table.Th>{t('production.stock.columns.category')}</Table.Th>
                  <Table.Th ta="right">{t('production.stock.columns.quantity')}</Table.Th>
                  <Table.Th ta="right">{t('production.stock.columns.reorderPoint')}</Table.Th>
                  <Table.Th ta="right">{t('production.stock.columns.cump')}</Table.Th>
                  <Table.Th ta="right">{t('production.stock.columns.value')}</Table.Th>
                  <Table.Th>{t('production.stock.columns.alert')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {query.data.items.map((i) => (
                  <Table.Tr
                    key={i.id}
                    data-testid="stock-row"
                    data-to-reorder={i.toReorder ? 'true' : 'false'}
                    style={
                      i.toReorder ? { boxShadow: 'inset 4px 0 0 var(--mantine-color-orange-7)' } : undefined
                    }
                  >
                    <Table.Td>
                      <AnchorLink to="/orgs/$orgId/production/stock/$itemId" params={{ orgId, itemId: i.id }}>
                        {i.code}
                      </AnchorLink>
                    </Table.Td>
                    <Table.Td>{i.label}</Table.Td>
                    <Table.Td>{t(`production.stock.categories.${i.category}`)}</Table.Td>
                    <Table.Td ta="right">
                      {quantityFr(i.quantity)} {i.unit}
                    </Table.Td>
                    <Table.Td ta="right">{quantityFr(i.reorderPoint)}</Table.Td>
                    <Table.Td ta="right">{money(i.cump)}</Table.Td>
                    <Table.Td ta="right">{money(i.value)}</Table.Td>
                    <Table.Td>
                      {i.underSafetyStock ? (
                        <Badge color="red.9" variant="light">
                          {t('production.stock.alerts.safety')}
                        </Badge>
                      ) : i.toReorder ? (
                        <Badge color="orange.9" variant="light">
                          {t('production.stock.alerts.reorder')}
                        </Badge>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th colSpan={6}>{t('production.stock.total')}</Table.Th>
                  <Table.Th ta="right" data-testid="stock-total">
                    {money(query.data.totals.all)}
                  </Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </Table.ScrollContainer>
        ) : null}
        <Reorder orgId={orgId} asOf={asOf} />
        {can('ledger.write') ? <Variation orgId={orgId} /> : null}
      </Stack>
    </>
  );
}
