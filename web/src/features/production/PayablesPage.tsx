import { Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PURCHASES_SERVE } from '../../referentiel/activities.ts';
import { LedgerReconciliation } from '../../ui/LedgerReconciliation.tsx';
import { AnchorLink } from '../../ui/links.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { LoadError } from '../../ui/StatusPages.tsx';
import { day, money } from '../relations/format.ts';
import { payablesQuery } from './purchases-api.ts';

// Aged payables (« dettes fournisseurs »): open bills per supplier in age buckets, then how they add up to
// the credit balance of 401 (decision 0033).

const route = getRouteApi('/orgs/$orgId/production/purchases/payables');
const BUCKETS = ['notDue', 'days0to30', 'days31to60', 'days61to90', 'over90', 'total'] as const;

export function PayablesPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const query = useQuery(payablesQuery(orgId));
  const data = query.data;
  const r = data?.reconciliation;
  return (
    <>
      <PageHeader title={t('production.payables.title')} served={PURCHASES_SERVE} />
      {query.isError ? <LoadError error={query.error} /> : null}
      <Stack gap="md">
        <Paper withBorder p="md">
          <Text size="sm" mb="xs">
            {data ? t('production.payables.asOf', { date: day(data.asOf) }) : t('common.loading')}
          </Text>
          <Table.ScrollContainer minWidth={760}>
            <Table striped verticalSpacing="xs" data-testid="payables-table">
              <caption>
                <VisuallyHidden>{t('production.payables.caption')}</VisuallyHidden>
              </caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('production.purchases.fields.supplier')}</Table.Th>
                  {BUCKETS.map((b) => (
                    <Table.Th key={b} ta="right">
                      {t(`production.payables.buckets.${b}`)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data?.suppliers.length === 0 ? (
                  <Table.Tr>
                    <Table.Td colSpan={7}>
                      <Text size="sm" py="md">
                        {t('production.payables.empty')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ) : null}
                {data?.suppliers.map((s) => (
                  <Table.Tr key={s.supplierId} data-testid="payables-row">
                    <Table.Td fw={600}>{s.supplierName}</Table.Td>
                    {BUCKETS.map((b) => (
                      <Table.Td key={b} ta="right">
                        {s[b] ? money(s[b]) : ''}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
              {data && data.suppliers.length > 0 ? (
                <Table.Tfoot>
                  <Table.Tr>
                    <Table.Th scope="row">{t('production.payables.totals')}</Table.Th>
                    {BUCKETS.map((b) => (
                      <Table.Th key={b} ta="right" data-testid={`payables-total-${b}`}>
                        {money(data.totals[b])}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Tfoot>
              ) : null}
            </Table>
          </Table.ScrollContainer>
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t('production.payables.openBills')}
          </Title>
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="xs" data-testid="payables-bills">
              <caption>
                <VisuallyHidden>{t('production.payables.openBills')}</VisuallyHidden>
              </caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('production.purchases.fields.number')}</Table.Th>
                  <Table.Th>{t('production.purchases.fields.supplier')}</Table.Th>
                  <Table.Th>{t('production.purchases.fields.supplierRef')}</Table.Th>
                  <Table.Th>{t('production.purchases.fields.dueDate')}</Table.Th>
                  <Table.Th ta="right">{t('production.payables.daysLate')}</Table.Th>
                  <Table.Th ta="right">{t('production.purchases.fields.leftToPay')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data?.bills.map((b) => (
                  <Table.Tr key={b.billId}>
                    <Table.Td>
                      <AnchorLink
                        to="/orgs/$orgId/production/purchases/$billId"
                        params={{ orgId, billId: b.billId }}
                      >
                        {b.number}
                      </AnchorLink>
                    </Table.Td>
                    <Table.Td>{b.supplierName}</Table.Td>
                    <Table.Td>{b.supplierRef}</Table.Td>
                    <Table.Td>{day(b.dueDate ?? b.billDate)}</Table.Td>
                    <Table.Td ta="right">{b.daysLate || ''}</Table.Td>
                    <Table.Td ta="right">{money(b.leftToPay)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
        {data && r ? (
          <LedgerReconciliation
            orgId={orgId}
            title={t('production.payables.reconciliation.title')}
            caption={t('production.payables.reconciliation.title')}
            rows={[
              { label: t('production.payables.reconciliation.openBills'), amount: r.openBills },
              {
                label: t('production.payables.reconciliation.ledgerBalance', {
                  account: r.account,
                  date: day(data.asOf),
                }),
                amount: r.ledgerBalance,
              },
            ]}
            reconciled={r.difference === 0}
            message={
              r.difference === 0
                ? t('production.payables.reconciliation.matches', { account: r.account })
                : t('production.payables.reconciliation.differs', {
                    account: r.account,
                    gap: money(Math.abs(r.difference)),
                    open: money(r.openBills),
                    balance: money(r.ledgerBalance),
                  })
            }
            account={r.account}
            asOf={data.asOf}
            testId="payables-reconciliation"
            checkTestId="payables-check"
          />
        ) : null}
      </Stack>
    </>
  );
}
