import { Alert, Paper, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOrgRole } from '../auth/session.ts';
import { money } from '../features/relations/format.ts';
import { AnchorLink } from './links.tsx';

export type ReconciliationRow = { label: string; amount: number; testId?: string; strong?: boolean };

/**
 * How a page's documents add up to a ledger account (receivables → 411, payables → 401; decisions 0027,
 * 0033): the figures, a green or red status, and the account's general ledger on the same date for the
 * roles that read the ledger.
 */
export function LedgerReconciliation({
  orgId,
  title,
  caption,
  rows,
  reconciled,
  message,
  account,
  asOf,
  testId,
  checkTestId,
}: {
  orgId: string;
  title: string;
  caption: string;
  rows: ReconciliationRow[];
  reconciled: boolean;
  message: string;
  account: string;
  asOf: string;
  testId: string;
  checkTestId: string;
}) {
  const { t } = useTranslation();
  const { can } = useOrgRole(orgId);
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      <Table verticalSpacing="xs" maw={560} mb="sm">
        <caption>
          <VisuallyHidden>{caption}</VisuallyHidden>
        </caption>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.label} data-testid={row.testId}>
              <Table.Th scope="row" fw={row.strong ? 700 : 400}>
                {row.label}
              </Table.Th>
              <Table.Td ta="right" fw={row.strong ? 700 : 400}>
                {money(row.amount)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Alert
        color={reconciled ? 'teal' : 'red'}
        role="status"
        data-testid={checkTestId}
        data-reconciled={reconciled}
      >
        {message}
      </Alert>
      {can('ledger.read') ? (
        <Text size="sm" mt="sm">
          <AnchorLink
            to="/orgs/$orgId/accounting/reports/general-ledger"
            params={{ orgId }}
            search={{ account, to: asOf }}
          >
            {t('relations.receivables.reconciliation.ledgerLink', { account })}
          </AnchorLink>
        </Text>
      ) : null}
    </Paper>
  );
}
