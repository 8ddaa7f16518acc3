import { Table, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StatementDto } from '../../../../../src/ledger/reports/contract.ts';
import { money } from '../format.ts';

/**
 * One side of a PCG statement: its sections, their lines (all of them, as the model shows them, empty
 * ones included) and totals. The headings are the PCG's, in French, as the server names them (ADR 0008).
 */
export function StatementTable({
  statement,
  caption,
  totalLabel,
  testId,
}: {
  statement: StatementDto;
  caption: string;
  totalLabel: string;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Table verticalSpacing={4} withTableBorder data-testid={testId} mb="lg">
      <caption>
        <VisuallyHidden>{caption}</VisuallyHidden>
      </caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{caption}</Table.Th>
          <Table.Th scope="col" ta="right" w={160}>
            {t('accounting.statements.amount')}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      {statement.sections.map((section) => (
        <Table.Tbody key={section.key} data-testid={`${testId}-section`} data-section={section.key}>
          <Table.Tr>
            <Table.Th scope="rowgroup" colSpan={2} bg="gray.0">
              {section.label}
            </Table.Th>
          </Table.Tr>
          {section.lines.map((line) => (
            <Table.Tr key={line.key} data-testid="statement-line" data-line={line.key}>
              <Table.Td pl="xl" title={line.accounts.join(', ') || undefined}>
                {line.label}
              </Table.Td>
              <Table.Td ta="right">{line.amount === 0 ? '' : money(line.amount)}</Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Th scope="row" fw={600}>
              {t('accounting.statements.sectionTotal', { section: section.label })}
            </Table.Th>
            <Table.Td ta="right" fw={600}>
              {money(section.total)}
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      ))}
      <Table.Tfoot>
        <Table.Tr>
          <Table.Th scope="row">{totalLabel}</Table.Th>
          <Table.Td ta="right" fw={700} data-testid={`${testId}-total`}>
            {money(statement.total)}
          </Table.Td>
        </Table.Tr>
      </Table.Tfoot>
    </Table>
  );
}
