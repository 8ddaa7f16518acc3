import { Alert, Button, Group, Modal, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIn } from '../../../../src/kernel/dates/index.ts';
import { errorMessage } from '../../ui/errors.ts';
import { notify } from '../../ui/notify.ts';
import { money } from './format.ts';
import { createReminder, downloadReminder, receiptKeys } from './receipts-api.ts';
import { newIdempotencyKey, saveFile } from './relations-api.ts';

/** « Relancer » a customer: the level follows the last one sent; a letter is downloaded at once. */
export function ReminderDialog({
  orgId,
  customer,
  onClose,
}: {
  orgId: string;
  customer: { customerId: string; customerName: string; lastReminderLevel: number };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [level, setLevel] = useState(String(Math.min(customer.lastReminderLevel + 1, 3)));
  const [channel, setChannel] = useState<'letter' | 'email'>('letter');
  const [emailTo, setEmailTo] = useState('');
  const [date, setDate] = useState(todayIn());
  const [key] = useState(newIdempotencyKey);
  const send = useMutation({
    mutationFn: async () => {
      const reminder = await createReminder(
        orgId,
        {
          customerId: customer.customerId,
          level: Number(level) as 1 | 2 | 3,
          date,
          channel,
          emailTo: channel === 'email' && emailTo.trim() ? emailTo.trim() : null,
        },
        key,
      );
      if (channel === 'letter') {
        const { blob, fileName } = await downloadReminder(orgId, reminder.id);
        saveFile(blob, fileName ?? 'relance.pdf');
      }
      return reminder;
    },
    onSuccess: async (reminder) => {
      await queryClient.invalidateQueries({ queryKey: receiptKeys.reminders(orgId) });
      await queryClient.invalidateQueries({ queryKey: receiptKeys.receivables(orgId) });
      if (reminder.sendError) notify('error', reminder.sendError);
      else
        notify(
          'success',
          t(reminder.channel === 'email' ? 'relations.reminders.queued' : 'relations.reminders.created', {
            level: reminder.levelLabel,
            amount: money(reminder.total),
          }),
        );
      onClose();
    },
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('relations.reminders.dialogTitle', { name: customer.customerName })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          send.mutate();
        }}
        data-testid="reminder-form"
      >
        <Stack gap="sm">
          <NativeSelect
            label={t('relations.reminders.level')}
            value={level}
            onChange={(e) => setLevel(e.currentTarget.value)}
            data={(['1', '2', '3'] as const).map((l) => ({
              value: l,
              label: t(`relations.reminders.levels.${l}`),
            }))}
            data-testid="reminder-level"
          />
          <TextInput
            type="date"
            label={t('relations.reminders.date')}
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
          />
          <NativeSelect
            label={t('relations.reminders.channel')}
            value={channel}
            onChange={(e) => setChannel(e.currentTarget.value as 'letter' | 'email')}
            data={[
              { value: 'letter', label: t('relations.reminders.channels.letter') },
              { value: 'email', label: t('relations.reminders.channels.email') },
            ]}
            data-testid="reminder-channel"
          />
          {channel === 'email' ? (
            <TextInput
              type="email"
              label={t('relations.reminders.emailTo')}
              description={t('relations.reminders.emailHint')}
              value={emailTo}
              onChange={(e) => setEmailTo(e.currentTarget.value)}
            />
          ) : null}
          {send.isError ? (
            <Alert color="red" data-testid="reminder-error">
              {errorMessage(send.error, t)}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={send.isPending} data-testid="reminder-send">
              {t('relations.reminders.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
