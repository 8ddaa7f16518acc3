import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  NativeSelect,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { complaintStatuses } from '../../../../src/relations/complaints/contract.ts';
import { useOrgRole } from '../../auth/session.ts';
import { COMPLAINTS_SERVE } from '../../referentiel/activities.ts';
import { errorMessage } from '../../ui/errors.ts';
import { AnchorLink } from '../../ui/links.tsx';
import { notify } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { LoadError } from '../../ui/StatusPages.tsx';
import { day } from './format.ts';
import { allPartiesQuery, complaintListQuery, createComplaint, recordsKeys } from './records-api.ts';
import { parseComplaintSearch } from './records-search.ts';
import { newIdempotencyKey } from './relations-api.ts';

const route = getRouteApi('/orgs/$orgId/relations/complaints/');

export function ComplaintStatusBadge({ status }: { status: (typeof complaintStatuses)[number] }) {
  const { t } = useTranslation();
  const color = { open: 'blue', in_progress: 'orange', resolved: 'teal', closed: 'gray' }[status];
  return (
    <Badge size="sm" variant="light" color={color} data-testid="complaint-status">
      {t(`records.complaints.statuses.${status}`)}
    </Badge>
  );
}

function NewComplaint({ orgId, onDone }: { orgId: string; onDone: (id: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const parties = useQuery(allPartiesQuery(orgId));
  const key = useRef(newIdempotencyKey());
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { partyId: '', subject: '', description: '', receivedOn: '' },
    validate: {
      partyId: (v) => (v ? null : t('records.complaints.errors.party')),
      subject: (v) => (v.trim() ? null : t('records.complaints.errors.subject')),
      description: (v) => (v.trim() ? null : t('records.complaints.errors.description')),
    },
  });
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
      createComplaint(
        orgId,
        {
          partyId: v.partyId,
          subject: v.subject.trim(),
          description: v.description.trim(),
          receivedOn: v.receivedOn || null,
          deadline: null,
          invoiceIds: [],
          documentIds: [],
        },
        key.current,
      ),
    onSuccess: async (c) => {
      await queryClient.invalidateQueries({ queryKey: recordsKeys.complaints(orgId) });
      notify('success', t('records.complaints.created'));
      onDone(c.id);
    },
    onError: (e) => setError(errorMessage(e, t)),
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack gap="sm">
        {error ? (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        ) : null}
        <NativeSelect
          required
          label={t('records.complaints.fields.party')}
          data={[
            { value: '', label: '—' },
            ...(parties.data?.items ?? []).map((p) => ({ value: p.id, label: p.name })),
          ]}
          {...form.getInputProps('partyId')}
        />
        <TextInput
          required
          label={t('records.complaints.fields.subject')}
          {...form.getInputProps('subject')}
        />
        <Textarea
          required
          autosize
          minRows={3}
          label={t('records.complaints.fields.description')}
          {...form.getInputProps('description')}
        />
        <TextInput
          type="date"
          label={t('records.complaints.fields.receivedOn')}
          {...form.getInputProps('receivedOn')}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function ComplaintListPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const { can } = useOrgRole(orgId);
  const [creating, setCreating] = useState(false);
  const query = useQuery(complaintListQuery(orgId, search));
  return (
    <>
      <PageHeader
        title={t('records.complaints.title')}
        served={COMPLAINTS_SERVE}
        actions={
          can('sales.write') ? (
            <Button onClick={() => setCreating(true)} data-testid="complaint-new">
              {t('records.complaints.new')}
            </Button>
          ) : null
        }
      />
      <Group mb="md" role="search" aria-label={t('relations.filters')}>
        <NativeSelect
          label={t('records.complaints.fields.status')}
          value={search.status ?? ''}
          onChange={(e) =>
            void navigate({ search: parseComplaintSearch({ status: e.currentTarget.value }), replace: true })
          }
          data={[
            { value: '', label: t('relations.all') },
            ...complaintStatuses.map((s) => ({ value: s, label: t(`records.complaints.statuses.${s}`) })),
          ]}
        />
      </Group>
      {query.isError ? (
        <LoadError error={query.error} />
      ) : query.isPending ? (
        <Loader />
      ) : (
        <>
          <Text size="sm" mb="xs">
            {t('records.complaints.total', { count: query.data.total })}
          </Text>
          <Table.ScrollContainer minWidth={700}>
            <Table striped>
              <Table.Caption>{t('records.complaints.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('records.complaints.fields.number')}</Table.Th>
                  <Table.Th>{t('records.complaints.fields.receivedOn')}</Table.Th>
                  <Table.Th>{t('records.complaints.fields.party')}</Table.Th>
                  <Table.Th>{t('records.complaints.fields.subject')}</Table.Th>
                  <Table.Th>{t('records.complaints.fields.deadline')}</Table.Th>
                  <Table.Th>{t('records.complaints.fields.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {query.data.items.length === 0 ? (
                  <Table.Tr>
                    <Table.Td colSpan={6}>{t('records.complaints.empty')}</Table.Td>
                  </Table.Tr>
                ) : (
                  query.data.items.map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Td>
                        <AnchorLink
                          to="/orgs/$orgId/relations/complaints/$complaintId"
                          params={{ orgId, complaintId: c.id }}
                        >
                          {c.number}
                        </AnchorLink>
                      </Table.Td>
                      <Table.Td>{day(c.receivedOn)}</Table.Td>
                      <Table.Td>{c.partyName}</Table.Td>
                      <Table.Td>{c.subject}</Table.Td>
                      <Table.Td>
                        {day(c.deadline)}{' '}
                        {c.overdue ? (
                          <Badge size="xs" color="red" variant="light">
                            {t('records.complaints.overdue')}
                          </Badge>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        <ComplaintStatusBadge status={c.status} />
                      </Table.Td>
                    </Table.Tr>
                  ))
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
      <Modal
        closeButtonProps={{ 'aria-label': t('common.close') }}
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('records.complaints.new')}
        size="lg"
      >
        <NewComplaint
          orgId={orgId}
          onDone={(id) =>
            void navigate({
              to: '/orgs/$orgId/relations/complaints/$complaintId',
              params: { orgId, complaintId: id },
            })
          }
        />
      </Modal>
    </>
  );
}
