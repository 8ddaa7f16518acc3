import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { notify } from '../../../ui/notify.ts';
import { catalogueListQuery } from '../../relations/relations-api.ts';
import { type StockItemBody, type StockItemDto, stockKeys, stockSuppliersQuery } from './stock-api.ts';

// The fields of a stocked item, to create it or change it: goods sold (linked to their catalogue item) or
// supplies used inside, with the reorder point, safety stock, reorder quantity and preferred supplier.

const plain = (text: string) => text.replace('.', ',');

export function StockItemForm({
  orgId,
  initial,
  save: send,
  onSaved,
  submitLabel,
}: {
  orgId: string;
  initial?: StockItemDto;
  save: (body: StockItemBody) => Promise<StockItemDto>;
  onSaved: (item: StockItemDto) => Promise<void>;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const suppliers = useQuery(stockSuppliersQuery(orgId));
  const catalogue = useQuery(catalogueListQuery(orgId, { kind: 'goods' }, 200));
  const [category, setCategory] = useState<'goods' | 'supplies'>(initial?.category ?? 'supplies');
  const [catalogueItemId, setCatalogueItemId] = useState(initial?.catalogueItem?.id ?? '');
  const [code, setCode] = useState(initial?.code ?? '');
  const [label, setLabel] = useState(initial?.label ?? '');
  const [unit, setUnit] = useState(initial?.unit ?? '');
  const [reorderPoint, setReorderPoint] = useState(plain(initial?.reorderPoint ?? '0'));
  const [safetyStock, setSafetyStock] = useState(plain(initial?.safetyStock ?? '0'));
  const [reorderQuantity, setReorderQuantity] = useState(plain(initial?.reorderQuantity ?? '0'));
  const [supplierId, setSupplierId] = useState(initial?.supplier?.id ?? '');
  const [location, setLocation] = useState(initial?.location ?? '');

  const save = useMutation({
    mutationFn: () =>
      send({
        code: code.trim(),
        label: label.trim(),
        category,
        catalogueItemId: category === 'goods' && catalogueItemId ? catalogueItemId : null,
        unit: unit.trim(),
        reorderPoint: reorderPoint.trim() || '0',
        safetyStock: safetyStock.trim() || '0',
        reorderQuantity: reorderQuantity.trim() || '0',
        supplierId: supplierId || null,
        location: location.trim() || null,
      }),
    onSuccess: async (item) => {
      notify('success', t('production.stock.saved'));
      await queryClient.invalidateQueries({ queryKey: stockKeys.all(orgId) });
      await onSaved(item);
    },
  });

  const chooseCatalogue = (id: string) => {
    setCatalogueItemId(id);
    const chosen = catalogue.data?.items.find((c) => c.id === id);
    if (chosen) {
      if (!code) setCode(chosen.code);
      if (!label) setLabel(chosen.label);
    }
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
      data-testid="stock-item-form"
    >
      <Stack gap="md" maw={760}>
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NativeSelect
              label={t('production.stock.fields.category')}
              required
              value={category}
              onChange={(e) => setCategory(e.currentTarget.value as 'goods' | 'supplies')}
              data={[
                { value: 'supplies', label: t('production.stock.categories.supplies') },
                { value: 'goods', label: t('production.stock.categories.goods') },
              ]}
              data-testid="stock-item-category"
            />
            {category === 'goods' ? (
              <NativeSelect
                label={t('production.stock.fields.catalogueItem')}
                value={catalogueItemId}
                onChange={(e) => chooseCatalogue(e.currentTarget.value)}
                data={[
                  { value: '', label: t('production.stock.fields.noCatalogueItem') },
                  ...(catalogue.data?.items ?? []).map((c) => ({
                    value: c.id,
                    label: `${c.code} — ${c.label}`,
                  })),
                ]}
                data-testid="stock-item-catalogue"
              />
            ) : (
              <div />
            )}
            <TextInput
              label={t('production.stock.fields.code')}
              required
              maxLength={40}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              data-testid="stock-item-code"
            />
            <TextInput
              label={t('production.stock.fields.label')}
              required
              maxLength={200}
              value={label}
              onChange={(e) => setLabel(e.currentTarget.value)}
              data-testid="stock-item-label"
            />
            <TextInput
              label={t('production.stock.fields.unit')}
              description={t('production.stock.fields.unitHelp')}
              required
              maxLength={30}
              value={unit}
              onChange={(e) => setUnit(e.currentTarget.value)}
              data-testid="stock-item-unit"
            />
            <TextInput
              label={t('production.stock.fields.location')}
              maxLength={100}
              value={location}
              onChange={(e) => setLocation(e.currentTarget.value)}
              data-testid="stock-item-location"
            />
            <TextInput
              label={t('production.stock.fields.reorderPoint')}
              inputMode="decimal"
              value={reorderPoint}
              onChange={(e) => setReorderPoint(e.currentTarget.value)}
              data-testid="stock-item-reorder-point"
            />
            <TextInput
              label={t('production.stock.fields.safetyStock')}
              inputMode="decimal"
              value={safetyStock}
              onChange={(e) => setSafetyStock(e.currentTarget.value)}
              data-testid="stock-item-safety-stock"
            />
            <TextInput
              label={t('production.stock.fields.reorderQuantity')}
              inputMode="decimal"
              value={reorderQuantity}
              onChange={(e) => setReorderQuantity(e.currentTarget.value)}
              data-testid="stock-item-reorder-quantity"
            />
            <NativeSelect
              label={t('production.stock.fields.supplier')}
              value={supplierId}
              onChange={(e) => setSupplierId(e.currentTarget.value)}
              data={[
                { value: '', label: t('production.stock.fields.noSupplier') },
                ...(suppliers.data?.items ?? []).map((s) => ({ value: s.id, label: s.name })),
              ]}
              data-testid="stock-item-supplier"
            />
          </SimpleGrid>
        </Paper>
        <ErrorAlert error={save.error} testId="stock-item-error" />
        <Group>
          <Button type="submit" loading={save.isPending} data-testid="stock-item-save">
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
