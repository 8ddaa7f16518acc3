import { Paper, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AgedReceivablesDto } from '../../../../src/relations/receipts/contract.ts';
import { LedgerReconciliation } from '../../ui/LedgerReconciliation.tsx';
import { AnchorLink } from '../../ui/links.tsx';
import { day, money } from './format.ts';

// Under the open invoices: the customers' available credits, then how the page adds up to the ledger —
// open invoices − available credits = net amount due, next to the balance of 411 (decision 0027).

export function AvailableCredits({ orgId, data }: { orgId: string; data: AgedReceivablesDto }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        {t('relations.receivables.credits.title')}
      </Title>
      <Text size="sm" mb="sm">
        {t('relations.receivables.credits.intro')}
      </Text>
      <Table.ScrollContainer minWidth={620}>
        <Table verticalSpacing="xs" data-testid="receivables-credits">
          <caption>
            <VisuallyHidden>{t('relations.receivables.credits.caption')}</VisuallyHidden>
          </caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('relations.receipts.fields.customer')}</Table.Th>
              <Table.Th>{t('relations.receivables.credits.source')}</Table.Th>
              <Table.Th>{t('relations.receivables.credits.date')}</Table.Th>
              <Table.Th ta="right">{t('relations.receivables.credits.amount')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.credits.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={4}>
                  <Text size="sm">{t('relations.receivables.credits.empty')}</Text>
                </Table.Td>
              </Table.Tr>
            ) : null}
            {data.credits.map((c) => (
              <Table.Tr key={`${c.source}-${c.documentId}`} data-testid="receivables-credit-row">
                <Table.Td>{c.customerName}</Table.Td>
                <Table.Td>
                  {c.source === 'receipt' ? (
                    t('relations.receivables.credits.receipt', { number: c.number })
                  ) : (
                    <AnchorLink
                      to="/orgs/$orgId/relations/invoices/$invoiceId"
                      params={{ orgId, invoiceId: c.documentId }}
                    >
                      {t('relations.receivables.credits.creditNote', {
                        number: c.number,
                        invoice: c.invoiceNumber ?? '',
                      })}
                    </AnchorLink>
                  )}
                </Table.Td>
                <Table.Td>{day(c.date)}</Table.Td>
                <Table.Td ta="right">{money(c.amount)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          {data.credits.length > 0 ? (
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th colSpan={3}>{t('relations.receivables.credits.total')}</Table.Th>
                <Table.Th ta="right">{money(data.reconciliation.credits)}</Table.Th>
              </Table.Tr>
            </Table.Tfoot>
          ) : null}
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

export function ReceivablesReconciliation({ orgId, data }: { orgId: string; data: AgedReceivablesDto }) {
  const { t } = useTranslation();
  const r = data.reconciliation;
  const account = r.account;
  return (
    <LedgerReconciliation
      orgId={orgId}
      title={t('relations.receivables.reconciliation.title')}
      caption={t('relations.receivables.reconciliation.caption')}
      rows={[
        {
          label: t('relations.receivables.reconciliation.openInvoices'),
          amount: r.openInvoices,
          testId: 'reconciliation-open',
        },
        {
          label: t('relations.receivables.reconciliation.credits'),
          amount: r.credits === 0 ? 0 : -r.credits,
          testId: 'reconciliation-credits',
        },
        {
          label: t('relations.receivables.reconciliation.netDue'),
          amount: r.netDue,
          testId: 'reconciliation-net',
          strong: true,
        },
        {
          label: t('relations.receivables.reconciliation.ledgerBalance', { account, date: day(data.asOf) }),
          amount: r.ledgerBalance,
          testId: 'reconciliation-ledger',
        },
      ]}
      reconciled={r.difference === 0}
      message={
        r.difference === 0
          ? t('relations.receivables.reconciliation.matches', { account })
          : t('relations.receivables.reconciliation.differs', {
              account,
              gap: money(Math.abs(r.difference)),
              net: money(r.netDue),
              balance: money(r.ledgerBalance),
            })
      }
      account={account}
      asOf={data.asOf}
      testId="receivables-reconciliation"
      checkTestId="reconciliation-check"
    />
  );
}
