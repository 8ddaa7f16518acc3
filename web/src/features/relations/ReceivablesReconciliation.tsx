import { Alert, Paper, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AgedReceivablesDto } from '../../../../src/relations/receipts/contract.ts';
import { useOrgRole } from '../../auth/session.ts';
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
  const { can } = useOrgRole(orgId);
  const r = data.reconciliation;
  const account = r.account;
  const row = (label: string, amount: string, testId: string, strong = false) => (
    <Table.Tr data-testid={testId}>
      <Table.Th scope="row" fw={strong ? 700 : 400}>
        {label}
      </Table.Th>
      <Table.Td ta="right" fw={strong ? 700 : 400}>
        {amount}
      </Table.Td>
    </Table.Tr>
  );
  return (
    <Paper withBorder p="md" data-testid="receivables-reconciliation">
      <Title order={2} size="h4" mb="sm">
        {t('relations.receivables.reconciliation.title')}
      </Title>
      <Table verticalSpacing="xs" maw={560} mb="sm">
        <caption>
          <VisuallyHidden>{t('relations.receivables.reconciliation.caption')}</VisuallyHidden>
        </caption>
        <Table.Tbody>
          {row(
            t('relations.receivables.reconciliation.openInvoices'),
            money(r.openInvoices),
            'reconciliation-open',
          )}
          {row(
            t('relations.receivables.reconciliation.credits'),
            money(r.credits === 0 ? 0 : -r.credits),
            'reconciliation-credits',
          )}
          {row(t('relations.receivables.reconciliation.netDue'), money(r.netDue), 'reconciliation-net', true)}
          {row(
            t('relations.receivables.reconciliation.ledgerBalance', { account, date: day(data.asOf) }),
            money(r.ledgerBalance),
            'reconciliation-ledger',
          )}
        </Table.Tbody>
      </Table>
      <Alert
        color={r.difference === 0 ? 'teal' : 'red'}
        role="status"
        data-testid="reconciliation-check"
        data-reconciled={r.difference === 0}
      >
        {r.difference === 0
          ? t('relations.receivables.reconciliation.matches', { account })
          : t('relations.receivables.reconciliation.differs', {
              account,
              gap: money(Math.abs(r.difference)),
              net: money(r.netDue),
              balance: money(r.ledgerBalance),
            })}
      </Alert>
      {can('ledger.read') ? (
        <Text size="sm" mt="sm">
          <AnchorLink
            to="/orgs/$orgId/accounting/reports/general-ledger"
            params={{ orgId }}
            search={{ account, to: data.asOf }}
          >
            {t('relations.receivables.reconciliation.ledgerLink', { account })}
          </AnchorLink>
        </Text>
      ) : null}
    </Paper>
  );
}
