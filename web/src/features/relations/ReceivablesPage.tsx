import { Button, Group, NativeSelect, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgedReceivablesDto } from '../../../../src/relations/receipts/contract.ts';
import { useOrgRole } from '../../auth/session.ts';
import { RECEIPTS_SERVE } from '../../referentiel/activities.ts';
import { AnchorLink, ButtonLink } from '../../ui/links.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { LoadError } from '../../ui/StatusPages.tsx';
import { day, money } from './format.ts';
import { PaymentBadge } from './PaymentBadge.tsx';
import { AvailableCredits, ReceivablesReconciliation } from './ReceivablesReconciliation.tsx';
import { ReminderDialog } from './ReminderDialog.tsx';
import { ReminderHistory } from './ReminderHistory.tsx';
import { receivablesQuery } from './receipts-api.ts';

const route = getRouteApi('/orgs/$orgId/relations/receivables');
type CustomerRow = AgedReceivablesDto['customers'][number];
const BUCKETS = ['notDue', 'days0to30', 'days31to60', 'days61to90', 'over90', 'total'] as const;

export function ReceivablesPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const { can } = useOrgRole(orgId);
  const query = useQuery(receivablesQuery(orgId));
  const [reminding, setReminding] = useState<CustomerRow | null>(null);
  const [historyOf, setHistoryOf] = useState('');
  const data = query.data;
  return (
    <>
      <PageHeader title={t('relations.receivables.title')} served={RECEIPTS_SERVE} />
      {query.isError ? <LoadError error={query.error} /> : null}
      <Stack gap="md">
        <Paper withBorder p="md">
          <Text size="sm" mb="xs">
            {data ? t('relations.receivables.asOf', { date: day(data.asOf) }) : t('common.loading')}
          </Text>
          <Table.ScrollContainer minWidth={820}>
            <Table striped verticalSpacing="xs" data-testid="receivables-table">
              <caption>
                <VisuallyHidden>{t('relations.receivables.caption')}</VisuallyHidden>
              </caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('relations.receipts.fields.customer')}</Table.Th>
                  {BUCKETS.map((b) => (
                    <Table.Th key={b} ta="right">
                      {t(`relations.receivables.buckets.${b}`)}
                    </Table.Th>
                  ))}
                  <Table.Th>{t('relations.receivables.lastReminder')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('relations.receivables.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data?.customers.length === 0 ? (
                  <Table.Tr>
                    <Table.Td colSpan={9}>
                      <Text size="sm" py="md">
                        {t('relations.receivables.empty')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ) : null}
                {data?.customers.map((c) => (
                  <Table.Tr key={c.customerId} data-testid="receivables-row">
                    <Table.Td fw={600}>{c.customerName}</Table.Td>
                    {BUCKETS.map((b) => (
                      <Table.Td key={b} ta="right">
                        {c[b] ? money(c[b]) : ''}
                      </Table.Td>
                    ))}
                    <Table.Td>
                      {c.lastReminderLevel
                        ? t(`relations.reminders.levels.${String(c.lastReminderLevel) as '1' | '2' | '3'}`)
                        : ''}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        {can('sales.write') && c.total > c.notDue ? (
                          <Button
                            size="compact-xs"
                            onClick={() => setReminding(c)}
                            aria-label={t('relations.receivables.remindOne', { name: c.customerName })}
                            data-testid="receivables-remind"
                          >
                            {t('relations.receivables.remind')}
                          </Button>
                        ) : null}
                        <Button
                          size="compact-xs"
                          variant="default"
                          onClick={() => setHistoryOf(c.customerId)}
                          aria-label={t('relations.receivables.historyOf', { name: c.customerName })}
                        >
                          {t('relations.reminders.history')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              {data && data.customers.length > 0 ? (
                <Table.Tfoot>
                  <Table.Tr>
                    <Table.Th>{t('relations.receivables.totals')}</Table.Th>
                    {BUCKETS.map((b) => (
                      <Table.Th key={b} ta="right">
                        {money(data.totals[b])}
                      </Table.Th>
                    ))}
                    <Table.Th />
                    <Table.Th />
                  </Table.Tr>
                </Table.Tfoot>
              ) : null}
            </Table>
          </Table.ScrollContainer>
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t('relations.receivables.openInvoices')}
          </Title>
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="xs" data-testid="receivables-invoices">
              <caption>
                <VisuallyHidden>{t('relations.receivables.openInvoices')}</VisuallyHidden>
              </caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('relations.invoices.fields.number')}</Table.Th>
                  <Table.Th>{t('relations.receipts.fields.customer')}</Table.Th>
                  <Table.Th>{t('relations.invoices.fields.dueDate')}</Table.Th>
                  <Table.Th ta="right">{t('relations.payment.daysLate')}</Table.Th>
                  <Table.Th ta="right">{t('relations.payment.remaining')}</Table.Th>
                  <Table.Th>{t('relations.invoices.fields.status')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('relations.receivables.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data?.invoices.map((i) => (
                  <Table.Tr key={i.invoiceId}>
                    <Table.Td>
                      <AnchorLink
                        to="/orgs/$orgId/relations/invoices/$invoiceId"
                        params={{ orgId, invoiceId: i.invoiceId }}
                      >
                        {i.number}
                      </AnchorLink>
                    </Table.Td>
                    <Table.Td>{i.customerName}</Table.Td>
                    <Table.Td>{day(i.dueDate)}</Table.Td>
                    <Table.Td ta="right">{i.daysLate || ''}</Table.Td>
                    <Table.Td ta="right">{money(i.remaining)}</Table.Td>
                    <Table.Td>
                      <PaymentBadge payment={i} />
                    </Table.Td>
                    <Table.Td>
                      {can('sales.write') ? (
                        <ButtonLink
                          size="compact-xs"
                          variant="default"
                          to="/orgs/$orgId/relations/receipts/new"
                          params={{ orgId }}
                          search={{ customerId: i.customerId, invoiceId: i.invoiceId }}
                          aria-label={t('relations.payment.recordFor', { number: i.number })}
                        >
                          {t('relations.payment.record')}
                        </ButtonLink>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
        {data ? <AvailableCredits orgId={orgId} data={data} /> : null}
        {data ? <ReceivablesReconciliation orgId={orgId} data={data} /> : null}
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t('relations.reminders.history')}
          </Title>
          <NativeSelect
            label={t('relations.receipts.fields.customer')}
            value={historyOf}
            onChange={(e) => setHistoryOf(e.currentTarget.value)}
            data={[
              { value: '', label: t('relations.receipts.chooseCustomer') },
              ...(data?.customers ?? []).map((c) => ({ value: c.customerId, label: c.customerName })),
            ]}
            maw={320}
            mb="sm"
            data-testid="reminder-history-customer"
          />
          {historyOf ? <ReminderHistory orgId={orgId} customerId={historyOf} /> : null}
        </Paper>
      </Stack>
      {reminding ? (
        <ReminderDialog orgId={orgId} customer={reminding} onClose={() => setReminding(null)} />
      ) : null}
    </>
  );
}
