import { Alert, Button, Group, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type RequestDto,
  requestChannels,
  requestStatuses,
} from '../../../../src/relations/requests/contract.ts';
import { errorMessage } from '../../ui/errors.ts';
import { notify } from '../../ui/notify.ts';
import { applyServerErrors } from '../../ui/server-errors.ts';
import {
  allPartiesQuery,
  assigneesQuery,
  createRequest,
  type RequestBody,
  recordsKeys,
  updateRequest,
} from './records-api.ts';
import { newIdempotencyKey } from './relations-api.ts';

type Values = {
  channel: RequestDto['channel'];
  partyId: string;
  senderName: string;
  senderEmail: string;
  senderPhone: string;
  category: string;
  subject: string;
  message: string;
  assigneeId: string;
  dueDate: string;
  status: RequestDto['status'];
};

const orNull = (v: string) => (v.trim() === '' ? null : v.trim());

/** A new request (phone, e-mail, front desk), or the handling of an existing one. */
export function RequestForm({
  orgId,
  request,
  onDone,
}: {
  orgId: string;
  request?: RequestDto;
  onDone: (id: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const parties = useQuery(allPartiesQuery(orgId));
  const assignees = useQuery(assigneesQuery(orgId));
  const key = useRef(newIdempotencyKey());
  const [alert, setAlert] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: {
      channel: request?.channel ?? 'phone',
      partyId: request?.partyId ?? '',
      senderName: request?.senderName ?? '',
      senderEmail: request?.senderEmail ?? '',
      senderPhone: request?.senderPhone ?? '',
      category: request?.category ?? '',
      subject: request?.subject ?? '',
      message: request?.message ?? '',
      assigneeId: request?.assigneeId ?? '',
      dueDate: request?.dueDate ?? '',
      status: request?.status ?? 'new',
    },
    validate: {
      subject: (v) => (v.trim() ? null : t('records.requests.errors.subject')),
      message: (v) => (v.trim() ? null : t('records.requests.errors.message')),
      senderName: (v, all) =>
        v.trim() || all.partyId || all.senderEmail.trim() || all.senderPhone.trim()
          ? null
          : t('records.requests.errors.sender'),
    },
  });
  const save = useMutation({
    mutationFn: (v: Values) => {
      const body: RequestBody = {
        channel: v.channel,
        partyId: orNull(v.partyId),
        senderName: orNull(v.senderName),
        senderEmail: orNull(v.senderEmail),
        senderPhone: orNull(v.senderPhone),
        category: orNull(v.category),
        subject: v.subject.trim(),
        message: v.message.trim(),
        assigneeId: orNull(v.assigneeId),
        dueDate: orNull(v.dueDate),
      };
      return request
        ? updateRequest(orgId, request.id, { ...body, status: v.status })
        : createRequest(orgId, body, key.current);
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: recordsKeys.requests(orgId) });
      notify('success', t(request ? 'records.requests.saved' : 'records.requests.created'));
      onDone(saved.id);
    },
    onError: (error) => {
      const rest = applyServerErrors(form, error);
      setAlert(rest.length > 0 ? rest.join(' ') : errorMessage(error, t));
    },
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate data-testid="request-form">
      <Stack gap="sm">
        {alert ? (
          <Alert color="red" role="alert">
            {alert}
          </Alert>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('records.requests.fields.channel')}
            data={requestChannels.map((c) => ({ value: c, label: t(`records.channels.${c}`) }))}
            {...form.getInputProps('channel')}
          />
          <NativeSelect
            label={t('records.requests.fields.party')}
            data={[
              { value: '', label: t('records.requests.noParty') },
              ...(parties.data?.items ?? []).map((p) => ({ value: p.id, label: p.name })),
            ]}
            {...form.getInputProps('partyId')}
            data-testid="request-party"
          />
          <TextInput label={t('records.requests.fields.senderName')} {...form.getInputProps('senderName')} />
          <TextInput
            type="email"
            label={t('records.requests.fields.senderEmail')}
            {...form.getInputProps('senderEmail')}
          />
          <TextInput
            label={t('records.requests.fields.senderPhone')}
            {...form.getInputProps('senderPhone')}
          />
          <TextInput label={t('records.requests.fields.category')} {...form.getInputProps('category')} />
          <NativeSelect
            label={t('records.requests.fields.assignee')}
            data={[
              { value: '', label: t('records.requests.nobody') },
              ...(assignees.data ?? []).map((m) => ({ value: m.userId, label: m.name })),
            ]}
            {...form.getInputProps('assigneeId')}
            data-testid="request-assignee"
          />
          <TextInput
            type="date"
            label={t('records.requests.fields.dueDate')}
            {...form.getInputProps('dueDate')}
          />
          {request ? (
            <NativeSelect
              label={t('records.requests.fields.status')}
              data={requestStatuses.map((s) => ({ value: s, label: t(`records.requestStatuses.${s}`) }))}
              {...form.getInputProps('status')}
            />
          ) : null}
        </SimpleGrid>
        <TextInput required label={t('records.requests.fields.subject')} {...form.getInputProps('subject')} />
        <Textarea
          required
          autosize
          minRows={3}
          label={t('records.requests.fields.message')}
          {...form.getInputProps('message')}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending} data-testid="request-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
