import { Badge, Button, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../ui/errors.ts';
import { notify } from '../../ui/notify.ts';
import { LoadError } from '../../ui/StatusPages.tsx';
import { day, money } from './format.ts';
import { downloadReminder, remindersQuery } from './receipts-api.ts';
import { saveFile } from './relations-api.ts';

/** The reminders sent to one customer, newest first, each with its letter. */
export function ReminderHistory({ orgId, customerId }: { orgId: string; customerId: string }) {
  const { t } = useTranslation();
  const history = useQuery(remindersQuery(orgId, customerId));
  const download = useMutation({
    mutationFn: (id: string) => downloadReminder(orgId, id),
    onSuccess: ({ blob, fileName }) => saveFile(blob, fileName ?? 'relance.pdf'),
    onError: (error) => notify('error', errorMessage(error, t)),
  });
  if (history.isError) return <LoadError error={history.error} />;
  const items = history.data?.items ?? [];
  if (items.length === 0) return <Text size="sm">{t('relations.reminders.noHistory')}</Text>;
  return (
    <Table verticalSpacing="xs" data-testid="reminder-history">
      <caption>
        <VisuallyHidden>{t('relations.reminders.history')}</VisuallyHidden>
      </caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('relations.reminders.date')}</Table.Th>
          <Table.Th>{t('relations.reminders.level')}</Table.Th>
          <Table.Th>{t('relations.reminders.channel')}</Table.Th>
          <Table.Th>{t('relations.reminders.invoices')}</Table.Th>
          <Table.Th ta="right">{t('relations.reminders.penalties')}</Table.Th>
          <Table.Th ta="right">{t('relations.reminders.total')}</Table.Th>
          <Table.Th>
            <VisuallyHidden>{t('relations.reminders.letter')}</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((r) => (
          <Table.Tr key={r.id} data-testid="reminder-row">
            <Table.Td>{day(r.date)}</Table.Td>
            <Table.Td>{r.levelLabel}</Table.Td>
            <Table.Td>
              {t(`relations.reminders.channels.${r.channel}`)}
              {r.sendError ? (
                <Badge ml={4} size="xs" color="red" variant="light">
                  {t('relations.reminders.failed')}
                </Badge>
              ) : null}
            </Table.Td>
            <Table.Td>{r.invoices.map((i) => i.number).join(', ')}</Table.Td>
            <Table.Td ta="right">{money(r.penalties + r.recoveryFees)}</Table.Td>
            <Table.Td ta="right">{money(r.total)}</Table.Td>
            <Table.Td>
              <Button size="compact-xs" variant="default" onClick={() => download.mutate(r.id)}>
                {t('relations.reminders.letter')}
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
