import {
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
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
import { ConfirmButton } from '../../../ui/ConfirmButton.tsx';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { ExportButtons } from '../../../ui/ExportButtons.tsx';
import { notify } from '../../../ui/notify.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { PageLoader } from '../../../ui/PageLoader.tsx';
import { LoadError } from '../../../ui/StatusPages.tsx';
import { day, money } from '../../relations/format.ts';
import { StockItemForm } from './StockItemForm.tsx';
import {
  centsOf,
  correctMovement,
  downloadStockCard,
  quantityFr,
  recordMovement,
  type StockCardDto,
  stockCardQuery,
  stockKeys,
  stockSuppliersQuery,
  updateStockItem,
} from './stock-api.ts';

// An item's stock card (fiche de stock) valued at the CUMP after each entry, with the form that records a
// receipt or an exit, and the counter-movement that corrects a mistaken line.

const route = getRouteApi('/orgs/$orgId/production/stock/$itemId');

function MovementForm({ orgId, card }: { orgId: string; card: StockCardDto }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const suppliers = useQuery(stockSuppliersQuery(orgId));
  const [kind, setKind] = useState<'entry' | 'exit'>('entry');
  const [date, setDate] = useState(todayIn());
  const [quantity, setQuantity] = useState('');
  const [unitCost, setUnitCost] = useState('');
  const [supplierId, setSupplierId] = useState(card.item.supplier?.id ?? '');
  const [recipient, setRecipient] = useState('');
  const [reference, setReference] = useState('');
  const cost = centsOf(unitCost);
  const save = useMutation({
    mutationFn: () =>
      recordMovement(orgId, card.item.id, {
        kind,
        date,
        quantity: quantity.trim(),
        unitCost: kind === 'entry' ? cost : null,
        partyId: kind === 'entry' && supplierId ? supplierId : null,
        recipient: kind === 'exit' ? recipient.trim() || null : null,
        reference: reference.trim() || null,
      }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(stockCardQuery(orgId, card.item.id).queryKey, updated);
      notify(
        'success',
        t(kind === 'entry' ? 'production.stock.movement.entrySaved' : 'production.stock.movement.exitSaved'),
      );
      setQuantity('');
      setUnitCost('');
      setRecipient('');
      setReference('');
      await queryClient.invalidateQueries({ queryKey: stockKeys.all(orgId) });
    },
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="stock-movement-title">
      <Title order={2} size="h4" mb="xs" id="stock-movement-title">
        {t('production.stock.movement.title')}
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
        data-testid="stock-movement-form"
      >
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <NativeSelect
            label={t('production.stock.movement.kind')}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as 'entry' | 'exit')}
            data={[
              { value: 'entry', label: t('production.stock.movement.entry') },
              { value: 'exit', label: t('production.stock.movement.exit') },
            ]}
            data-testid="stock-movement-kind"
          />
          <TextInput
            type="date"
            label={t('production.stock.movement.date')}
            required
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
            data-testid="stock-movement-date"
          />
          <TextInput
            label={t('production.stock.movement.quantity', { unit: card.item.unit })}
            required
            inputMode="decimal"
            value={quantity}
            onChange={(e) => setQuantity(e.currentTarget.value)}
            data-testid="stock-movement-quantity"
          />
          {kind === 'entry' ? (
            <>
              <TextInput
                label={t('production.stock.movement.unitCost')}
                required
                inputMode="decimal"
                value={unitCost}
                error={unitCost && cost === null ? t('production.stock.movement.unitCostInvalid') : undefined}
                onChange={(e) => setUnitCost(e.currentTarget.value)}
                data-testid="stock-movement-unit-cost"
              />
              <NativeSelect
                label={t('production.stock.movement.supplier')}
                value={supplierId}
                onChange={(e) => setSupplierId(e.currentTarget.value)}
                data={[
                  { value: '', label: t('production.stock.movement.noSupplier') },
                  ...(suppliers.data?.items ?? []).map((s) => ({ value: s.id, label: s.name })),
                ]}
                data-testid="stock-movement-supplier"
              />
            </>
          ) : (
            <TextInput
              label={t('production.stock.movement.recipient')}
              description={t('production.stock.movement.recipientHelp')}
              required
              maxLength={120}
              value={recipient}
              onChange={(e) => setRecipient(e.currentTarget.value)}
              data-testid="stock-movement-recipient"
            />
          )}
          <TextInput
            label={t(
              kind === 'entry' ? 'production.stock.movement.billRef' : 'production.stock.movement.requestRef',
            )}
            maxLength={60}
            value={reference}
            onChange={(e) => setReference(e.currentTarget.value)}
            data-testid="stock-movement-reference"
          />
        </SimpleGrid>
        <ErrorAlert error={save.error} testId="stock-movement-error" mb="sm" />
        <Group mt="sm">
          <Button
            type="submit"
            loading={save.isPending}
            disabled={!isCalendarDate(date) || !quantity.trim() || (kind === 'entry' && cost === null)}
            data-testid="stock-movement-save"
          >
            {t(
              kind === 'entry' ? 'production.stock.movement.saveEntry' : 'production.stock.movement.saveExit',
            )}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}

function StockCardTable({ orgId, card, canWrite }: { orgId: string; card: StockCardDto; canWrite: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const correct = useMutation({
    mutationFn: (movementId: string) => correctMovement(orgId, card.item.id, movementId),
    onSuccess: async (updated) => {
      queryClient.setQueryData(stockCardQuery(orgId, card.item.id).queryKey, updated);
      notify('success', t('production.stock.card.corrected'));
      await queryClient.invalidateQueries({ queryKey: stockKeys.all(orgId) });
    },
  });
  return (
    <section aria-labelledby="stock-card-title">
      <Title order={2} size="h4" mb="xs" id="stock-card-title">
        {t('production.stock.card.title')}
      </Title>
      <ErrorAlert error={correct.error} testId="stock-correction-error" mb="sm" />
      {card.lines.length === 0 ? (
        <Text c="dimmed" data-testid="stock-card-empty">
          {t('production.stock.card.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped data-testid="stock-card">
            <caption>
              <VisuallyHidden>{t('production.stock.card.caption')}</VisuallyHidden>
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('production.stock.card.date')}</Table.Th>
                <Table.Th>{t('production.stock.card.label')}</Table.Th>
                <Table.Th ta="right">{t('production.stock.card.in')}</Table.Th>
                <Table.Th ta="right">{t('production.stock.card.out')}</Table.Th>
                <Table.Th ta="right">{t('production.stock.card.unitCost')}</Table.Th>
                <Table.Th ta="right">{t('production.stock.card.amount')}</Table.Th>
                <Table.Th ta="right">{t('production.stock.card.stock')}</Table.Th>
                <Table.Th ta="right">{t('production.stock.card.cump')}</Table.Th>
                <Table.Th ta="right">{t('production.stock.card.value')}</Table.Th>
                {canWrite ? (
                  <Table.Th>
                    <VisuallyHidden>{t('production.stock.card.actions')}</VisuallyHidden>
                  </Table.Th>
                ) : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {card.lines.map((l) => {
                const out = l.quantity.startsWith('-');
                return (
                  <Table.Tr key={l.id} data-testid="stock-card-row">
                    <Table.Td>{day(l.date)}</Table.Td>
                    <Table.Td>
                      {[l.label, l.party ?? l.recipient, l.reference].filter(Boolean).join(' — ')}
                      {l.correctedBy ? (
                        <Text size="xs" c="dimmed">
                          {t('production.stock.card.correctedNote')}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td ta="right">{out ? '' : quantityFr(l.quantity)}</Table.Td>
                    <Table.Td ta="right">{out ? quantityFr(l.quantity.slice(1)) : ''}</Table.Td>
                    <Table.Td ta="right">{money(l.unitCost)}</Table.Td>
                    <Table.Td ta="right">{money(Math.abs(l.value))}</Table.Td>
                    <Table.Td ta="right" data-testid="stock-card-quantity">
                      {quantityFr(l.stockQuantity)}
                    </Table.Td>
                    <Table.Td ta="right" data-testid="stock-card-cump">
                      {money(l.cump)}
                    </Table.Td>
                    <Table.Td ta="right" data-testid="stock-card-value">
                      {money(l.stockValue)}
                    </Table.Td>
                    {canWrite ? (
                      <Table.Td>
                        {l.correctedBy === null && l.correctsId === null && l.kind !== 'adjustment' ? (
                          <ConfirmButton
                            question={t('production.stock.card.correctQuestion')}
                            onConfirm={() => correct.mutate(l.id)}
                            loading={correct.isPending && correct.variables === l.id}
                          >
                            {t('production.stock.card.correct')}
                          </ConfirmButton>
                        ) : null}
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  );
}

export function StockItemPage() {
  const { t } = useTranslation();
  const { orgId, itemId } = route.useParams();
  const { can } = useOrgRole(orgId);
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const query = useQuery(stockCardQuery(orgId, itemId));
  if (query.isError) return <LoadError error={query.error} />;
  if (query.isPending) return <PageLoader />;
  const card = query.data;
  const { item } = card;
  return (
    <>
      <PageHeader
        title={t('production.stock.itemTitle', { code: item.code, label: item.label })}
        served={STOCK_SERVE}
        actions={
          <>
            {can('stock.write') ? (
              <Button
                variant="default"
                onClick={() => setEditing((e) => !e)}
                aria-expanded={editing}
                data-testid="stock-item-edit"
              >
                {t('production.stock.edit')}
              </Button>
            ) : null}
            <ExportButtons
              formats={['pdf', 'xlsx', 'csv']}
              fetchFile={(format) => downloadStockCard(orgId, itemId, format)}
              fallbackName={(format) => `fiche-de-stock-${item.code}.${format}`}
              testIdPrefix="stock-card-export"
            />
          </>
        }
      />
      <Stack gap="lg">
        {editing ? (
          <StockItemForm
            orgId={orgId}
            initial={item}
            save={(body) => updateStockItem(orgId, itemId, body)}
            onSaved={async () => {
              setEditing(false);
              await queryClient.invalidateQueries({ queryKey: stockCardQuery(orgId, itemId).queryKey });
            }}
            submitLabel={t('production.stock.saveChanges')}
          />
        ) : null}
        <Paper withBorder p="md" data-testid="stock-item-summary">
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
            <Text size="sm">
              {t('production.stock.fields.category')} : {t(`production.stock.categories.${item.category}`)}
            </Text>
            <Text size="sm" data-testid="stock-item-quantity">
              {t('production.stock.columns.quantity')} : {quantityFr(item.quantity)} {item.unit}
            </Text>
            <Text size="sm" data-testid="stock-item-cump">
              {t('production.stock.columns.cump')} : {money(item.cump)}
            </Text>
            <Text size="sm" data-testid="stock-item-value">
              {t('production.stock.columns.value')} : {money(item.value)}
            </Text>
            <Text size="sm">
              {t('production.stock.fields.reorderPoint')} : {quantityFr(item.reorderPoint)}
            </Text>
            <Text size="sm">
              {t('production.stock.fields.safetyStock')} : {quantityFr(item.safetyStock)}
            </Text>
            <Text size="sm">
              {t('production.stock.fields.supplier')} : {item.supplier?.name ?? '—'}
            </Text>
            <Text size="sm">
              {t('production.stock.fields.location')} : {item.location ?? '—'}
            </Text>
            {item.catalogueItem ? (
              <Text size="sm">
                {t('production.stock.fields.catalogueItem')} : {item.catalogueItem.code} —{' '}
                {item.catalogueItem.label}
              </Text>
            ) : null}
          </SimpleGrid>
        </Paper>
        {can('stock.write') ? <MovementForm orgId={orgId} card={card} /> : null}
        <StockCardTable orgId={orgId} card={card} canWrite={can('stock.write')} />
      </Stack>
    </>
  );
}
