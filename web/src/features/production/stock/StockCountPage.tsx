import {
  Badge,
  Button,
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
import { notify } from '../../../ui/notify.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { PageLoader } from '../../../ui/PageLoader.tsx';
import { LoadError } from '../../../ui/StatusPages.tsx';
import { day, money } from '../../relations/format.ts';
import {
  countQuery,
  countsQuery,
  openCount,
  quantityFr,
  type StockCountDto,
  saveCount,
  stockKeys,
  validateCount,
} from './stock-api.ts';

// Production › Stocks › Inventaire: open a count at a date, type the counted quantities, see the
// differences in quantity and value, validate (one adjustment movement per difference, at the CUMP).

const route = getRouteApi('/orgs/$orgId/production/stock/counts');

function CountSheet({ orgId, count, canWrite }: { orgId: string; count: StockCountDto; canWrite: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [typed, setTyped] = useState<Record<string, string>>({});
  const open = count.status === 'open' && canWrite;
  const quantityValue = (itemId: string, counted: string | null) =>
    typed[itemId] ?? (counted === null ? '' : counted.replace('.', ','));
  const refresh = async (updated: StockCountDto) => {
    queryClient.setQueryData(countQuery(orgId, count.id).queryKey, updated);
    await queryClient.invalidateQueries({ queryKey: stockKeys.all(orgId) });
  };
  const save = useMutation({
    mutationFn: () =>
      saveCount(
        orgId,
        count.id,
        count.lines.map((l) => {
          const text = quantityValue(l.item.id, l.countedQuantity).trim();
          return { itemId: l.item.id, countedQuantity: text === '' ? null : text };
        }),
      ),
    onSuccess: async (updated) => {
      setTyped({});
      notify('success', t('production.stock.count.saved'));
      await refresh(updated);
    },
  });
  const validate = useMutation({
    mutationFn: async () => {
      await save.mutateAsync();
      return validateCount(orgId, count.id);
    },
    onSuccess: async (updated) => {
      notify('success', t('production.stock.count.validated'));
      await refresh(updated);
    },
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="stock-count-sheet-title">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="stock-count-sheet-title">
          {t('production.stock.count.sheetTitle', { date: day(count.date) })}
        </Title>
        <Badge
          color={count.status === 'open' ? 'blue' : 'teal'}
          variant="light"
          data-testid="stock-count-status"
        >
          {t(`production.stock.count.status.${count.status}`)}
        </Badge>
      </Group>
      <Table.ScrollContainer minWidth={720}>
        <Table striped data-testid="stock-count-lines">
          <caption>
            <VisuallyHidden>
              {t('production.stock.count.sheetTitle', { date: day(count.date) })}
            </VisuallyHidden>
          </caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('production.stock.columns.item')}</Table.Th>
              <Table.Th ta="right">{t('production.stock.count.expected')}</Table.Th>
              <Table.Th ta="right">{t('production.stock.count.counted')}</Table.Th>
              <Table.Th ta="right">{t('production.stock.count.difference')}</Table.Th>
              <Table.Th ta="right">{t('production.stock.columns.cump')}</Table.Th>
              <Table.Th ta="right">{t('production.stock.count.differenceValue')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {count.lines.map((l) => (
              <Table.Tr key={l.id} data-testid="stock-count-line">
                <Table.Td>
                  {l.item.code} — {l.item.label} ({l.item.unit})
                </Table.Td>
                <Table.Td ta="right">{quantityFr(l.expectedQuantity)}</Table.Td>
                <Table.Td ta="right">
                  {open ? (
                    <TextInput
                      aria-label={t('production.stock.count.countedOf', { item: l.item.label })}
                      inputMode="decimal"
                      size="xs"
                      w={110}
                      ml="auto"
                      value={quantityValue(l.item.id, l.countedQuantity)}
                      onChange={(e) => {
                        const value = e.currentTarget.value;
                        setTyped((prev) => ({ ...prev, [l.item.id]: value }));
                      }}
                      data-testid="stock-count-input"
                    />
                  ) : l.countedQuantity === null ? (
                    '—'
                  ) : (
                    quantityFr(l.countedQuantity)
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  {l.differenceQuantity === null ? '—' : quantityFr(l.differenceQuantity)}
                </Table.Td>
                <Table.Td ta="right">{money(l.cump)}</Table.Td>
                <Table.Td ta="right">{l.differenceValue === null ? '—' : money(l.differenceValue)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th colSpan={5}>{t('production.stock.count.totalDifference')}</Table.Th>
              <Table.Th ta="right" data-testid="stock-count-total">
                {money(count.differenceValue)}
              </Table.Th>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
      <ErrorAlert error={save.error ?? validate.error} testId="stock-count-error" mb="sm" />
      {open ? (
        <Group mt="sm">
          <Button
            variant="default"
            loading={save.isPending && !validate.isPending}
            onClick={() => save.mutate()}
            data-testid="stock-count-save"
          >
            {t('production.stock.count.save')}
          </Button>
          <Button
            loading={validate.isPending}
            onClick={() => {
              if (window.confirm(t('production.stock.count.validateQuestion'))) validate.mutate();
            }}
            data-testid="stock-count-validate"
          >
            {t('production.stock.count.validate')}
          </Button>
        </Group>
      ) : null}
    </Paper>
  );
}

export function StockCountPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const { can } = useOrgRole(orgId);
  const queryClient = useQueryClient();
  const counts = useQuery(countsQuery(orgId));
  const [chosen, setChosen] = useState<string | null>(null);
  const [date, setDate] = useState(todayIn());
  const current =
    chosen ?? counts.data?.items.find((c) => c.status === 'open')?.id ?? counts.data?.items[0]?.id ?? null;
  const count = useQuery({ ...countQuery(orgId, current ?? ''), enabled: current !== null });
  const start = useMutation({
    mutationFn: () => openCount(orgId, date),
    onSuccess: async (opened) => {
      setChosen(opened.id);
      queryClient.setQueryData(countQuery(orgId, opened.id).queryKey, opened);
      await queryClient.invalidateQueries({ queryKey: stockKeys.all(orgId) });
    },
  });
  return (
    <>
      <PageHeader title={t('production.stock.count.title')} served={STOCK_SERVE} />
      <Stack gap="lg">
        {can('stock.write') ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              start.mutate();
            }}
          >
            <Group align="flex-end" gap="sm">
              <TextInput
                type="date"
                label={t('production.stock.count.date')}
                required
                value={date}
                onChange={(e) => setDate(e.currentTarget.value)}
                data-testid="stock-count-date"
              />
              <Button
                type="submit"
                loading={start.isPending}
                disabled={!isCalendarDate(date)}
                data-testid="stock-count-open"
              >
                {t('production.stock.count.open')}
              </Button>
            </Group>
            <ErrorAlert error={start.error} testId="stock-count-open-error" mb="sm" />
          </form>
        ) : null}
        {counts.isError ? <LoadError error={counts.error} /> : null}
        {counts.isPending ? <PageLoader /> : null}
        {counts.data && counts.data.items.length === 0 ? (
          <Text c="dimmed">{t('production.stock.count.empty')}</Text>
        ) : null}
        {counts.data && counts.data.items.length > 1 ? (
          <Group gap="xs" aria-label={t('production.stock.count.list')} role="group">
            {counts.data.items.map((c) => (
              <Button
                key={c.id}
                size="xs"
                variant={c.id === current ? 'filled' : 'default'}
                aria-pressed={c.id === current}
                onClick={() => setChosen(c.id)}
              >
                {day(c.date)} · {t(`production.stock.count.status.${c.status}`)}
              </Button>
            ))}
          </Group>
        ) : null}
        {count.data ? (
          <CountSheet key={count.data.id} orgId={orgId} count={count.data} canWrite={can('stock.write')} />
        ) : null}
      </Stack>
    </>
  );
}
