import { Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EntryDto } from '../../../../src/ledger/entries/contract.ts';
import { day, money, moneyOrBlank } from './format.ts';
import { ScrollTable } from './ScrollTable.tsx';

/** The lines of one entry with their totals (entry page, opening entry after a closing, journal listing). */
export function EntryLinesTable({ entry, caption }: { entry: EntryDto; caption?: string }) {
  const { t } = useTranslation();
  const withDueDates = entry.lines.some((l) => l.dueDate);
  const withLettering = entry.lines.some((l) => l.lettering);
  return (
    <ScrollTable minWidth={640} label={caption ?? t('accounting.entry.linesCaption')}>
      <Table striped verticalSpacing="xs" withTableBorder data-testid="entry-lines-table">
        <caption>
          <VisuallyHidden>{caption ?? t('accounting.entry.linesCaption')}</VisuallyHidden>
        </caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('accounting.fields.account')}</Table.Th>
            <Table.Th>{t('accounting.fields.lineLabel')}</Table.Th>
            {withDueDates ? <Table.Th>{t('accounting.fields.dueDate')}</Table.Th> : null}
            {withLettering ? <Table.Th>{t('accounting.fields.lettering')}</Table.Th> : null}
            <Table.Th ta="right">{t('accounting.fields.debit')}</Table.Th>
            <Table.Th ta="right">{t('accounting.fields.credit')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entry.lines.map((line) => (
            <Table.Tr key={line.id} data-testid="entry-detail-line">
              <Table.Td>
                <Text span ff="monospace" fw={600}>
                  {line.account}
                </Text>
                {line.auxiliary ? (
                  <Text span ff="monospace">
                    {' '}
                    / {line.auxiliary}
                  </Text>
                ) : null}
                <Text size="xs" c="dimmed">
                  {line.auxiliaryLabel ?? line.accountLabel}
                </Text>
              </Table.Td>
              <Table.Td>{line.label ?? ''}</Table.Td>
              {withDueDates ? <Table.Td>{day(line.dueDate)}</Table.Td> : null}
              {withLettering ? <Table.Td ff="monospace">{line.lettering ?? ''}</Table.Td> : null}
              <Table.Td ta="right">{moneyOrBlank(line.debit)}</Table.Td>
              <Table.Td ta="right">{moneyOrBlank(line.credit)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row" colSpan={2 + (withDueDates ? 1 : 0) + (withLettering ? 1 : 0)} ta="right">
              {t('accounting.grid.totals')}
            </Table.Th>
            <Table.Td ta="right" fw={700} data-testid="entry-total-debit">
              {money(entry.totalDebit)}
            </Table.Td>
            <Table.Td ta="right" fw={700} data-testid="entry-total-credit">
              {money(entry.totalCredit)}
            </Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </ScrollTable>
  );
}
