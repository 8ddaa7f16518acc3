import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { type FocusEvent, type KeyboardEvent, type ReactNode, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogueItemDto } from '../../../../src/relations/catalogue/contract.ts';
import type { InvoiceDto } from '../../../../src/relations/invoices/contract.ts';
import { formatRate } from '../../../../src/relations/shared/vat-rates.ts';
import { errorMessage } from '../../ui/errors.ts';
import { applyServerErrors } from '../../ui/server-errors.ts';
import { money } from './format.ts';
import {
  emptyLine,
  formTotals,
  frenchDecimal,
  type InvoiceFormValues,
  readDecimal,
  toDraftBody,
  toFormValues,
  VAT_RATE_OPTIONS,
} from './invoice-form-model.ts';
import type { InvoiceDraftBody } from './relations-api.ts';

export type CustomerOption = { id: string; name: string };

export type InvoiceFormProps = {
  invoice?: InvoiceDto;
  customers: readonly CustomerOption[];
  items: readonly CatalogueItemDto[];
  /** Saves the draft; a rejection's field errors go next to the inputs, the rest in the alert. */
  onSave: (body: InvoiceDraftBody) => Promise<unknown>;
  /** Saves then validates (after the user confirmed). */
  onValidate: (body: InvoiceDraftBody) => Promise<unknown>;
  actions?: ReactNode;
  /**
   * Quotes and sales orders reuse this form (same lines and totals): their drafts have no delivery date,
   * payment terms nor delivery address; a quote's validity date takes the due date's place.
   */
  variant?: 'invoice' | 'quote' | 'order';
  /** The confirm button's label and warning, for a quote (send) or an order (confirm). */
  validateLabel?: string;
  confirmBody?: string;
  /** A new document's customer chosen beforehand (a quote drafted from a prospecting campaign). */
  initialCustomerId?: string;
};

const FIELD_ORDER = ['item', 'label', 'quantity', 'unitPrice', 'discountPercent', 'vatRate'] as const;

/** The draft of an invoice or a credit note: keyboard first, live totals by the server's own rules. */
export function InvoiceForm({
  invoice,
  customers,
  items,
  onSave,
  onValidate,
  actions,
  variant = 'invoice',
  validateLabel,
  confirmBody,
  initialCustomerId,
}: InvoiceFormProps) {
  const isInvoice = variant === 'invoice';
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [alert, setAlert] = useState<string[]>([]);
  const [busy, setBusy] = useState<'save' | 'validate' | null>(null);
  const [confirming, setConfirming] = useState(false);
  const form = useForm<InvoiceFormValues>({
    mode: 'controlled',
    initialValues: {
      ...toFormValues(invoice),
      ...(initialCustomerId && !invoice ? { customerId: initialCustomerId } : {}),
    },
    validate: {
      customerId: (v) => (v ? null : t('relations.invoices.errors.customer')),
      lines: {
        quantity: (v) => (readDecimal(v, 3) === null ? t('relations.invoices.errors.quantity') : null),
        unitPrice: (v, values, path) => {
          const index = Number(path.split('.')[1]);
          if (v.trim() === '' && values.lines[index]?.itemId) return null;
          return readDecimal(v, 4) === null ? t('relations.errors.price') : null;
        },
        discountPercent: (v) =>
          v.trim() === '' || (readDecimal(v, 2) ?? -1) >= 0 ? null : t('relations.invoices.errors.discount'),
        label: (v, values, path) => {
          const index = Number(path.split('.')[1]);
          return v.trim() || values.lines[index]?.itemId ? null : t('relations.invoices.errors.label');
        },
      },
    },
  });
  const values = form.getValues();
  const totals = useMemo(() => formTotals(values), [values]);
  const isCreditNote = invoice?.kind === 'credit_note';
  const itemOptions = useMemo(
    () => items.map((item) => ({ value: item.id, label: `${item.code} · ${item.label}` })),
    [items],
  );

  const focusFirstInvalid = () =>
    requestAnimationFrame(() =>
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
    );

  const run = async (kind: 'save' | 'validate') => {
    setAlert([]);
    setBusy(kind);
    try {
      const body = toDraftBody(form.getValues());
      await (kind === 'save' ? onSave(body) : onValidate(body));
    } catch (error) {
      const elsewhere = applyServerErrors(form, error);
      setAlert([errorMessage(error, t), ...elsewhere]);
      focusFirstInvalid();
    } finally {
      setBusy(null);
    }
  };

  const checked = (then: () => void) => {
    const result = form.validate();
    if (result.hasErrors) {
      setAlert([t('form.fixErrors')]);
      focusFirstInvalid();
      return;
    }
    then();
  };

  const pickItem = (index: number, itemId: string | null) => {
    const item = items.find((i) => i.id === itemId);
    if (!item) {
      form.setFieldValue(`lines.${index}.itemId`, null);
      return;
    }
    form.setFieldValue(`lines.${index}`, {
      ...form.getValues().lines[index]!,
      itemId: item.id,
      label: item.label,
      kind: item.kind,
      unit: item.unit,
      unitPrice: frenchDecimal(item.unitPrice, 2),
      vatRate: frenchDecimal(item.vatRate),
    });
  };

  const addLine = () => {
    form.insertListItem('lines', emptyLine());
    const index = form.getValues().lines.length;
    requestAnimationFrame(() =>
      formRef.current?.querySelector<HTMLElement>(`[data-line="${index}"][data-field="item"]`)?.focus(),
    );
  };

  // Enter moves along a line and opens the next one after its VAT rate; Ctrl+Enter saves the draft.
  const onLineKey = (
    event: KeyboardEvent<HTMLElement>,
    index: number,
    field: (typeof FIELD_ORDER)[number],
  ) => {
    if (event.key !== 'Enter' || event.ctrlKey || event.metaKey) return;
    if (event.currentTarget.getAttribute('aria-expanded') === 'true') return;
    event.preventDefault();
    const next = FIELD_ORDER[FIELD_ORDER.indexOf(field) + 1];
    if (!next) {
      if (index === form.getValues().lines.length - 1) addLine();
      else
        formRef.current?.querySelector<HTMLElement>(`[data-line="${index + 1}"][data-field="item"]`)?.focus();
      return;
    }
    formRef.current?.querySelector<HTMLElement>(`[data-line="${index}"][data-field="${next}"]`)?.focus();
  };

  const lineProps = (index: number, field: (typeof FIELD_ORDER)[number]) => ({
    'data-line': index,
    'data-field': field,
    onKeyDown: (event: KeyboardEvent<HTMLElement>) => onLineKey(event, index, field),
    // Typing replaces what the field holds (the quantity's "1", a catalogue price).
    onFocus: (event: FocusEvent<HTMLElement>) => {
      if (event.currentTarget instanceof HTMLInputElement) event.currentTarget.select();
    },
  });

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        checked(() => void run('save'));
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          checked(() => void run('save'));
        }
      }}
      data-testid="invoice-form"
    >
      <Stack gap="md">
        {alert.length > 0 ? (
          <Alert color="red" role="alert" data-testid="form-alert">
            {alert.map((line) => (
              <div key={line}>{line}</div>
            ))}
          </Alert>
        ) : null}

        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t('relations.invoices.form.header')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
            <Select
              label={t('relations.invoices.fields.customer')}
              required
              searchable
              disabled={isCreditNote}
              data={customers.map((c) => ({ value: c.id, label: c.name }))}
              nothingFoundMessage={t('relations.invoices.form.noCustomer')}
              data-testid="invoice-customer"
              {...form.getInputProps('customerId')}
              onChange={(value) => form.setFieldValue('customerId', value ?? '')}
            />
            <TextInput
              type="date"
              label={t('relations.invoices.fields.issueDate')}
              description={t('relations.hints.issueDate')}
              data-testid="invoice-issue-date"
              {...form.getInputProps('issueDate')}
            />
            {isInvoice ? (
              <TextInput
                type="date"
                label={t('relations.invoices.fields.deliveryDate')}
                {...form.getInputProps('deliveryDate')}
              />
            ) : null}
            {variant !== 'order' ? (
              <TextInput
                type="date"
                label={t(
                  isInvoice ? 'relations.invoices.fields.dueDate' : 'relations.sales.fields.validityDate',
                )}
                description={t(isInvoice ? 'relations.hints.dueDate' : 'relations.sales.hints.validityDate')}
                data-testid="invoice-due-date"
                {...form.getInputProps('dueDate')}
              />
            ) : null}
            <TextInput
              label={t('relations.invoices.fields.customerOrderRef')}
              maxLength={100}
              {...form.getInputProps('customerOrderRef')}
            />
            {isInvoice ? (
              <TextInput
                label={t('relations.invoices.fields.paymentTerms')}
                maxLength={300}
                {...form.getInputProps('paymentTerms')}
              />
            ) : null}
          </SimpleGrid>
        </Paper>

        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="xs" id="invoice-lines-title">
            {t('relations.invoices.form.lines')}
          </Title>
          <Text size="xs" c="dimmed" mb="sm">
            {t('relations.invoices.form.keyboardHint')}
          </Text>
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing={4} aria-labelledby="invoice-lines-title" data-testid="invoice-lines">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('relations.invoices.lines.item')}</Table.Th>
                  <Table.Th>{t('relations.invoices.lines.label')}</Table.Th>
                  <Table.Th w={90}>{t('relations.invoices.lines.quantity')}</Table.Th>
                  <Table.Th w={120}>{t('relations.invoices.lines.unitPrice')}</Table.Th>
                  <Table.Th w={90}>{t('relations.invoices.lines.discount')}</Table.Th>
                  <Table.Th w={100}>{t('relations.invoices.lines.vatRate')}</Table.Th>
                  <Table.Th w={120} ta="right">
                    {t('relations.invoices.lines.net')}
                  </Table.Th>
                  <Table.Th w={40}>
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {values.lines.map((line, index) => {
                  const n = index + 1;
                  return (
                    // biome-ignore lint/suspicious/noArrayIndexKey: lines have no id until saved
                    <Table.Tr key={index} data-testid="invoice-line" style={{ verticalAlign: 'top' }}>
                      <Table.Td miw={200}>
                        <Select
                          aria-label={t('relations.invoices.lines.itemOf', { n })}
                          placeholder={t('relations.invoices.lines.freeLine')}
                          searchable
                          clearable
                          data={itemOptions}
                          value={line.itemId}
                          onChange={(value) => pickItem(index, value)}
                          error={form.errors[`lines.${index}.itemId`]}
                          data-testid={`line-item-${index}`}
                          {...lineProps(index, 'item')}
                        />
                      </Table.Td>
                      <Table.Td miw={180}>
                        <TextInput
                          aria-label={t('relations.invoices.lines.labelOf', { n })}
                          data-testid={`line-label-${index}`}
                          {...form.getInputProps(`lines.${index}.label`)}
                          {...lineProps(index, 'label')}
                        />
                      </Table.Td>
                      <Table.Td>
                        <TextInput
                          aria-label={t('relations.invoices.lines.quantityOf', { n })}
                          inputMode="decimal"
                          data-testid={`line-quantity-${index}`}
                          {...form.getInputProps(`lines.${index}.quantity`)}
                          {...lineProps(index, 'quantity')}
                        />
                      </Table.Td>
                      <Table.Td>
                        <TextInput
                          aria-label={t('relations.invoices.lines.unitPriceOf', { n })}
                          inputMode="decimal"
                          data-testid={`line-unit-price-${index}`}
                          {...form.getInputProps(`lines.${index}.unitPrice`)}
                          {...lineProps(index, 'unitPrice')}
                        />
                      </Table.Td>
                      <Table.Td>
                        <TextInput
                          aria-label={t('relations.invoices.lines.discountOf', { n })}
                          inputMode="decimal"
                          data-testid={`line-discount-${index}`}
                          {...form.getInputProps(`lines.${index}.discountPercent`)}
                          {...lineProps(index, 'discountPercent')}
                        />
                      </Table.Td>
                      <Table.Td>
                        <NativeSelect
                          aria-label={t('relations.invoices.lines.vatRateOf', { n })}
                          data={VAT_RATE_OPTIONS.map((r) => ({ value: r, label: `${r} %` }))}
                          data-testid={`line-vat-rate-${index}`}
                          {...form.getInputProps(`lines.${index}.vatRate`)}
                          {...lineProps(index, 'vatRate')}
                        />
                      </Table.Td>
                      <Table.Td ta="right" data-testid={`line-net-${index}`}>
                        {money(totals.lines[index]?.net ?? 0)}
                      </Table.Td>
                      <Table.Td>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          disabled={values.lines.length === 1}
                          onClick={() => form.removeListItem('lines', index)}
                          aria-label={t('relations.invoices.lines.remove', { n })}
                        >
                          <span aria-hidden="true">×</span>
                        </ActionIcon>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {typeof form.errors.lines === 'string' ? (
            <Text c="red" size="sm" role="alert">
              {form.errors.lines}
            </Text>
          ) : null}
          <Button variant="default" mt="sm" onClick={addLine} data-testid="invoice-add-line">
            {t('relations.invoices.lines.add')}
          </Button>
        </Paper>

        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">
              {t('relations.invoices.form.more')}
            </Title>
            <Stack gap="sm">
              {isInvoice ? (
                <Checkbox
                  label={t('relations.invoices.form.withDeliveryAddress')}
                  data-testid="invoice-with-delivery"
                  {...form.getInputProps('withDeliveryAddress', { type: 'checkbox' })}
                />
              ) : null}
              {isInvoice && values.withDeliveryAddress ? (
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  <TextInput
                    label={t('parties.fields.line1')}
                    required
                    {...form.getInputProps('deliveryAddress.line1')}
                  />
                  <TextInput
                    label={t('parties.fields.line2')}
                    {...form.getInputProps('deliveryAddress.line2')}
                  />
                  <TextInput
                    label={t('parties.fields.postalCode')}
                    required
                    {...form.getInputProps('deliveryAddress.postalCode')}
                  />
                  <TextInput
                    label={t('parties.fields.city')}
                    required
                    {...form.getInputProps('deliveryAddress.city')}
                  />
                  <TextInput
                    label={t('parties.fields.country')}
                    maxLength={2}
                    {...form.getInputProps('deliveryAddress.country')}
                  />
                </SimpleGrid>
              ) : null}
              <Textarea
                label={t('relations.invoices.fields.notes')}
                autosize
                minRows={2}
                maxRows={8}
                {...form.getInputProps('notes')}
              />
            </Stack>
          </Paper>

          <Paper withBorder p="md" data-testid="invoice-totals">
            <Title order={2} size="h4" mb="sm">
              {t('relations.invoices.totals.title')}
            </Title>
            <TextInput
              label={t('relations.invoices.fields.documentDiscount')}
              inputMode="decimal"
              maw={200}
              mb="sm"
              data-testid="invoice-document-discount"
              {...form.getInputProps('documentDiscountPercent')}
            />
            <TotalsTable totals={totals} />
          </Paper>
        </SimpleGrid>
      </Stack>

      <Group justify="flex-end" mt="lg" gap="sm" wrap="wrap">
        {actions}
        <Button type="submit" variant="default" loading={busy === 'save'} data-testid="invoice-save">
          {t('relations.invoices.actions.saveDraft')}
        </Button>
        <Button
          onClick={() => checked(() => setConfirming(true))}
          loading={busy === 'validate'}
          data-testid="invoice-validate"
        >
          {validateLabel ??
            t(
              isCreditNote
                ? 'relations.invoices.actions.validateCreditNote'
                : 'relations.invoices.actions.validate',
            )}
        </Button>
      </Group>

      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={validateLabel ?? t('relations.invoices.confirm.title')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Text mb="md" data-testid="invoice-validate-warning">
          {confirmBody ?? t('relations.invoices.confirm.body')}
        </Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </Button>
          <Button
            data-testid="invoice-validate-confirm"
            onClick={() => {
              setConfirming(false);
              void run('validate');
            }}
          >
            {t('relations.invoices.confirm.ok')}
          </Button>
        </Group>
      </Modal>
    </form>
  );
}

/** The totals and their VAT breakdown, from the form (live) or from a saved invoice. */
export function TotalsTable({
  totals,
}: {
  totals: {
    lineTotal: number;
    allowanceTotal: number;
    taxBasisTotal: number;
    vatTotal: number;
    grandTotal: number;
    vatBreakdown: readonly { rate: number | string; taxableAmount: number; vatAmount: number }[];
  };
}) {
  const { t } = useTranslation();
  const rateText = (rate: number | string) =>
    typeof rate === 'number' ? formatRate(rate) : frenchDecimal(rate);
  return (
    <Table verticalSpacing={4} data-testid="totals-table">
      <caption>
        <VisuallyHidden>{t('relations.invoices.totals.title')}</VisuallyHidden>
      </caption>
      <Table.Tbody>
        <Table.Tr>
          <Table.Th scope="row">{t('relations.invoices.totals.lines')}</Table.Th>
          <Table.Td ta="right" data-testid="totals-lines">
            {money(totals.lineTotal)}
          </Table.Td>
        </Table.Tr>
        {totals.allowanceTotal !== 0 ? (
          <Table.Tr>
            <Table.Th scope="row">{t('relations.invoices.totals.allowance')}</Table.Th>
            <Table.Td ta="right" data-testid="totals-allowance">
              − {money(totals.allowanceTotal)}
            </Table.Td>
          </Table.Tr>
        ) : null}
        {totals.vatBreakdown.map((row) => (
          <Table.Tr key={String(row.rate)} data-testid="totals-vat-row">
            <Table.Th scope="row" fw={400}>
              {t('relations.invoices.totals.vatAt', {
                rate: rateText(row.rate),
                base: money(row.taxableAmount),
              })}
            </Table.Th>
            <Table.Td ta="right">{money(row.vatAmount)}</Table.Td>
          </Table.Tr>
        ))}
        <Table.Tr>
          <Table.Th scope="row">{t('relations.invoices.totals.net')}</Table.Th>
          <Table.Td ta="right" data-testid="totals-net">
            {money(totals.taxBasisTotal)}
          </Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Th scope="row">{t('relations.invoices.totals.vat')}</Table.Th>
          <Table.Td ta="right" data-testid="totals-vat">
            {money(totals.vatTotal)}
          </Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Th scope="row">{t('relations.invoices.totals.gross')}</Table.Th>
          <Table.Td ta="right" fw={700} data-testid="totals-gross">
            {money(totals.grandTotal)}
          </Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}
