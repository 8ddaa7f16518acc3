import { Paper, Table, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvoiceLineDto } from '../../../../src/relations/invoices/contract.ts';
import { UNITS, type UnitCode } from '../../../../src/relations/shared/units.ts';
import { money } from './format.ts';
import type { CustomerOption } from './InvoiceForm.tsx';
import { frenchDecimal } from './invoice-form-model.ts';

/** One framed block of an issued document (customer, dates, totals…) under its second-level title. */
export function DocumentBlock({
  title,
  testId,
  children,
}: {
  title: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/**
 * The lines of an issued invoice, quote, order or delivery note, read only: the columns every document has, then
 * the ones the caller adds (an order's delivered and invoiced quantities), then what follows the table (its notes).
 */
export function DocumentLines<Line extends InvoiceLineDto>({
  titleId,
  testId,
  lines,
  rowTestId,
  extraHeaders,
  extraCells,
  children,
}: {
  titleId: string;
  testId: string;
  lines: readonly Line[];
  rowTestId?: string;
  extraHeaders?: ReactNode;
  extraCells?: (line: Line) => ReactNode;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm" id={titleId}>
        {t('relations.invoices.form.lines')}
      </Title>
      <Table.ScrollContainer minWidth={700}>
        <Table verticalSpacing={4} aria-labelledby={titleId} data-testid={testId}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('relations.invoices.lines.label')}</Table.Th>
              <Table.Th ta="right">{t('relations.invoices.lines.quantity')}</Table.Th>
              <Table.Th ta="right">{t('relations.invoices.lines.unitPrice')}</Table.Th>
              <Table.Th ta="right">{t('relations.invoices.lines.discount')}</Table.Th>
              <Table.Th ta="right">{t('relations.invoices.lines.vatRate')}</Table.Th>
              <Table.Th ta="right">{t('relations.invoices.lines.net')}</Table.Th>
              {extraHeaders}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((line) => (
              <Table.Tr key={line.id} data-testid={rowTestId}>
                <Table.Td>{line.label}</Table.Td>
                <Table.Td ta="right">
                  {frenchDecimal(line.quantity)} {UNITS[line.unit as UnitCode]?.short ?? line.unit}
                </Table.Td>
                <Table.Td ta="right">{frenchDecimal(line.unitPrice, 2)} €</Table.Td>
                <Table.Td ta="right">{frenchDecimal(line.discountPercent)} %</Table.Td>
                <Table.Td ta="right">{frenchDecimal(line.vatRate)} %</Table.Td>
                <Table.Td ta="right">{money(line.netAmount)}</Table.Td>
                {extraCells?.(line)}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {children}
    </Paper>
  );
}

/** The customers a draft may be addressed to: its own stays choosable even when archived since. */
export function withDraftCustomer(
  customers: readonly CustomerOption[],
  current: CustomerOption,
): readonly CustomerOption[] {
  return customers.some((c) => c.id === current.id) ? customers : [...customers, current];
}
