import {
  ActionIcon,
  Alert,
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIn } from '../../../../src/kernel/dates/index.ts';
import { DEFAULT_EXPENSE_ACCOUNT } from '../../../../src/production/purchases/contract.ts';
import { formatRate, vatRates } from '../../../../src/relations/shared/vat-rates.ts';
import { PURCHASES_SERVE } from '../../referentiel/activities.ts';
import { errorMessage } from '../../ui/errors.ts';
import { notify } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { money } from '../relations/format.ts';
import { parseEuros } from '../relations/receipt-form-model.ts';
import { liveTotals } from './bill-form-model.ts';
import { createBill, expenseAccountsQuery, purchaseKeys, suppliersQuery } from './purchases-api.ts';

const route = getRouteApi('/orgs/$orgId/production/purchases/new');

type Line = { key: number; label: string; account: string; amount: string; vatRate: number };
let nextKey = 1;
const emptyLine = (): Line => ({
  key: nextKey++,
  label: '',
  account: DEFAULT_EXPENSE_ACCOUNT,
  amount: '',
  vatRate: 2000,
});

export function NewPurchasePage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const navigate = route.useNavigate();
  const queryClient = useQueryClient();
  const suppliers = useQuery(suppliersQuery(orgId));
  const accounts = useQuery(expenseAccountsQuery(orgId));
  const [supplierId, setSupplierId] = useState('');
  const [supplierRef, setSupplierRef] = useState('');
  const [billDate, setBillDate] = useState(todayIn());
  const [dueDate, setDueDate] = useState('');
  const [lines, setLines] = useState<Line[]>(() => [emptyLine()]);
  const parsed = lines.map((l) => ({ ...l, netAmount: parseEuros(l.amount) }));
  const totals = liveTotals(parsed.map((l) => ({ netAmount: l.netAmount ?? 0, vatRate: l.vatRate })));
  const setLine = (key: number, patch: Partial<Line>) =>
    setLines((all) => all.map((l) => (l.key === key ? { ...l, ...patch } : l)));

  const save = useMutation({
    mutationFn: () =>
      createBill(orgId, {
        supplierId,
        supplierRef: supplierRef.trim(),
        billDate,
        dueDate: dueDate || null,
        lines: parsed.map((l) => ({
          label: l.label.trim(),
          account: l.account,
          netAmount: l.netAmount ?? -1,
          vatRate: l.vatRate,
        })),
      }),
    onSuccess: async (bill) => {
      notify('success', t('production.purchases.saved'));
      await queryClient.invalidateQueries({ queryKey: purchaseKeys.all(orgId) });
      await navigate({
        to: '/orgs/$orgId/production/purchases/$billId',
        params: { orgId, billId: bill.id },
      });
    },
  });

  const accountOptions = (accounts.data ?? []).map((a) => ({
    value: a.number,
    label: `${a.number} ${a.label}`,
  }));
  return (
    <>
      <PageHeader title={t('production.purchases.newTitle')} served={PURCHASES_SERVE} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
        data-testid="bill-form"
      >
        <Stack gap="md">
          <Paper withBorder p="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <NativeSelect
                label={t('production.purchases.fields.supplier')}
                required
                value={supplierId}
                onChange={(e) => setSupplierId(e.currentTarget.value)}
                data={[
                  { value: '', label: t('production.purchases.chooseSupplier') },
                  ...(suppliers.data?.items ?? []).map((s) => ({ value: s.id, label: s.name })),
                ]}
                data-testid="bill-supplier"
              />
              <TextInput
                label={t('production.purchases.fields.supplierRef')}
                description={t('production.purchases.hints.supplierRef')}
                required
                maxLength={60}
                value={supplierRef}
                onChange={(e) => setSupplierRef(e.currentTarget.value)}
                data-testid="bill-supplier-ref"
              />
              <TextInput
                type="date"
                label={t('production.purchases.fields.billDate')}
                required
                value={billDate}
                onChange={(e) => setBillDate(e.currentTarget.value)}
                data-testid="bill-date"
              />
              <TextInput
                type="date"
                label={t('production.purchases.fields.dueDate')}
                value={dueDate}
                onChange={(e) => setDueDate(e.currentTarget.value)}
                data-testid="bill-due-date"
              />
            </SimpleGrid>
          </Paper>
          <Paper withBorder p="md">
            <Table.ScrollContainer minWidth={760}>
              <Table verticalSpacing="xs" data-testid="bill-lines">
                <caption>
                  <VisuallyHidden>{t('production.purchases.linesCaption')}</VisuallyHidden>
                </caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('production.purchases.fields.label')}</Table.Th>
                    <Table.Th>{t('production.purchases.fields.account')}</Table.Th>
                    <Table.Th>{t('production.purchases.fields.netAmount')}</Table.Th>
                    <Table.Th>{t('production.purchases.fields.vatRate')}</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>{t('production.purchases.removeLine')}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {lines.map((l, i) => (
                    <Table.Tr key={l.key} data-testid="bill-line">
                      <Table.Td>
                        <TextInput
                          aria-label={t('production.purchases.lineField', {
                            field: t('production.purchases.fields.label'),
                            n: i + 1,
                          })}
                          required
                          maxLength={200}
                          value={l.label}
                          onChange={(e) => setLine(l.key, { label: e.currentTarget.value })}
                          data-testid="bill-line-label"
                        />
                      </Table.Td>
                      <Table.Td>
                        <NativeSelect
                          aria-label={t('production.purchases.lineField', {
                            field: t('production.purchases.fields.account'),
                            n: i + 1,
                          })}
                          value={l.account}
                          onChange={(e) => setLine(l.key, { account: e.currentTarget.value })}
                          data={
                            accountOptions.length > 0
                              ? accountOptions
                              : [{ value: l.account, label: l.account }]
                          }
                          data-testid="bill-line-account"
                        />
                      </Table.Td>
                      <Table.Td>
                        <TextInput
                          aria-label={t('production.purchases.lineField', {
                            field: t('production.purchases.fields.netAmount'),
                            n: i + 1,
                          })}
                          required
                          inputMode="decimal"
                          value={l.amount}
                          error={
                            l.amount !== '' && parseEuros(l.amount) === null
                              ? t('production.purchases.errors.amount')
                              : undefined
                          }
                          onChange={(e) => setLine(l.key, { amount: e.currentTarget.value })}
                          data-testid="bill-line-amount"
                        />
                      </Table.Td>
                      <Table.Td>
                        <NativeSelect
                          aria-label={t('production.purchases.lineField', {
                            field: t('production.purchases.fields.vatRate'),
                            n: i + 1,
                          })}
                          value={String(l.vatRate)}
                          onChange={(e) => setLine(l.key, { vatRate: Number(e.currentTarget.value) })}
                          data={vatRates().map((r) => ({
                            value: String(r.rate),
                            label: `${formatRate(r.rate)} %`,
                          }))}
                          data-testid="bill-line-rate"
                        />
                      </Table.Td>
                      <Table.Td>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          disabled={lines.length === 1}
                          onClick={() => setLines((all) => all.filter((x) => x.key !== l.key))}
                          aria-label={t('production.purchases.removeLineN', { n: i + 1 })}
                        >
                          ×
                        </ActionIcon>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Button
              variant="light"
              mt="sm"
              onClick={() => setLines((all) => [...all, emptyLine()])}
              data-testid="bill-add-line"
            >
              {t('production.purchases.addLine')}
            </Button>
          </Paper>
          <Paper withBorder p="md" data-testid="bill-live-totals" aria-live="polite">
            <Text size="sm">
              {t('production.purchases.fields.totalNet')} : {money(totals.totalNet)}
            </Text>
            {totals.vatBreakdown.map((g) => (
              <Text size="sm" key={g.rate}>
                {t('production.purchases.vatAt', { rate: formatRate(g.rate) })} : {money(g.vat)}
              </Text>
            ))}
            <Text fw={700} data-testid="bill-live-total">
              {t('production.purchases.fields.total')} : {money(totals.total)}
            </Text>
          </Paper>
          {save.error ? (
            <Alert color="red" role="alert" data-testid="bill-error">
              {errorMessage(save.error, t)}
            </Alert>
          ) : null}
          <Group>
            <Button type="submit" loading={save.isPending} data-testid="bill-save">
              {t('production.purchases.saveDraft')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
