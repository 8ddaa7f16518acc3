import {
  Alert,
  Button,
  FileInput,
  Group,
  List,
  Loader,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ComplaintDto, complaintResolutions } from '../../../../src/relations/complaints/contract.ts';
import { useOrgRole } from '../../auth/session.ts';
import { COMPLAINTS_SERVE } from '../../referentiel/activities.ts';
import { errorMessage } from '../../ui/errors.ts';
import { AnchorLink, ButtonLink } from '../../ui/links.tsx';
import { notify } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { LoadError } from '../../ui/StatusPages.tsx';
import { ComplaintStatusBadge } from './ComplaintListPage.tsx';
import { day, money } from './format.ts';
import {
  addComplaintStep,
  attachToComplaint,
  closeComplaint,
  complaintQuery,
  downloadDocument,
  type ResolveBody,
  recordsKeys,
  resolveComplaint,
} from './records-api.ts';
import { invoiceListQuery, saveFile } from './relations-api.ts';

const route = getRouteApi('/orgs/$orgId/relations/complaints/$complaintId');

function useSave(orgId: string, complaintId: string, success: string) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const onSuccess = async (saved: ComplaintDto) => {
    queryClient.setQueryData(complaintQuery(orgId, complaintId).queryKey, saved);
    await queryClient.invalidateQueries({ queryKey: recordsKeys.complaints(orgId) });
    setError(null);
    notify('success', success);
  };
  return { error, onSuccess, onError: (e: unknown) => setError(errorMessage(e, t)) };
}

function Steps({
  orgId,
  complaint,
  writable,
}: {
  orgId: string;
  complaint: ComplaintDto;
  writable: boolean;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [stepDate, setStepDate] = useState('');
  const save = useSave(orgId, complaint.id, t('records.complaints.stepAdded'));
  const add = useMutation({
    mutationFn: () =>
      addComplaintStep(orgId, complaint.id, { stepDate: stepDate || null, note: note.trim() }),
    onSuccess: async (c) => {
      setNote('');
      await save.onSuccess(c);
    },
    onError: save.onError,
  });
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {t('records.complaints.steps')}
      </Title>
      {complaint.steps.length === 0 ? (
        <Text size="sm">{t('records.complaints.noSteps')}</Text>
      ) : (
        <List>
          {complaint.steps.map((s) => (
            <List.Item key={s.id}>
              {day(s.stepDate)} — {s.note}
            </List.Item>
          ))}
        </List>
      )}
      {writable && complaint.status !== 'closed' ? (
        <Stack gap="xs" mt="sm">
          {save.error ? (
            <Alert color="red" role="alert">
              {save.error}
            </Alert>
          ) : null}
          <Group align="flex-end">
            <TextInput
              type="date"
              label={t('records.complaints.stepDate')}
              value={stepDate}
              onChange={(e) => setStepDate(e.currentTarget.value)}
            />
            <TextInput
              flex={1}
              label={t('records.complaints.stepNote')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
            />
            <Button onClick={() => add.mutate()} disabled={!note.trim()} loading={add.isPending}>
              {t('records.complaints.addStep')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Paper>
  );
}

function Attachments({
  orgId,
  complaint,
  writable,
}: {
  orgId: string;
  complaint: ComplaintDto;
  writable: boolean;
}) {
  const { t } = useTranslation();
  const save = useSave(orgId, complaint.id, t('records.complaints.attached'));
  const attach = useMutation({
    mutationFn: (file: File) => attachToComplaint(orgId, complaint, file),
    onSuccess: save.onSuccess,
    onError: save.onError,
  });
  const download = async (id: string, name: string) => {
    try {
      const file = await downloadDocument(orgId, id);
      saveFile(file.blob, file.fileName ?? name);
    } catch (e) {
      save.onError(e);
    }
  };
  const open = complaint.status === 'open' || complaint.status === 'in_progress';
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {t('records.complaints.documents')}
      </Title>
      {save.error ? (
        <Alert color="red" role="alert" mb="sm">
          {save.error}
        </Alert>
      ) : null}
      {complaint.documents.length === 0 ? (
        <Text size="sm">{t('records.complaints.noDocuments')}</Text>
      ) : (
        <List>
          {complaint.documents.map((d) => (
            <List.Item key={d.id}>
              <Button
                variant="subtle"
                size="compact-sm"
                onClick={() => void download(d.id, d.fileName)}
                aria-label={t('records.complaints.download', { name: d.fileName })}
              >
                {d.fileName}
              </Button>
            </List.Item>
          ))}
        </List>
      )}
      {writable && open ? (
        <FileInput
          mt="sm"
          maw={360}
          label={t('records.complaints.attach')}
          value={null}
          onChange={(file) => {
            if (file) attach.mutate(file);
          }}
          disabled={attach.isPending}
          data-testid="complaint-attach"
        />
      ) : null}
    </Paper>
  );
}

function Resolve({ orgId, complaint }: { orgId: string; complaint: ComplaintDto }) {
  const { t } = useTranslation();
  const invoices = useQuery(
    invoiceListQuery(orgId, { customerId: complaint.partyId, status: 'validated', kind: 'invoice' }),
  );
  const [resolution, setResolution] = useState<ResolveBody['resolution']>('credit_note');
  const [note, setNote] = useState('');
  const [invoiceId, setInvoiceId] = useState(complaint.invoices.find((i) => i.kind === 'invoice')?.id ?? '');
  const save = useSave(orgId, complaint.id, t('records.complaints.resolved'));
  const resolve = useMutation({
    mutationFn: () =>
      resolveComplaint(orgId, complaint.id, {
        resolution,
        note: note.trim() || null,
        creditNoteId: null,
        creditInvoiceId: resolution === 'credit_note' ? invoiceId || null : null,
      }),
    onSuccess: save.onSuccess,
    onError: save.onError,
  });
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('records.complaints.resolveTitle')}
        </Title>
        {save.error ? (
          <Alert color="red" role="alert">
            {save.error}
          </Alert>
        ) : null}
        <NativeSelect
          label={t('records.complaints.fields.resolution')}
          value={resolution}
          onChange={(e) => setResolution(e.currentTarget.value as ResolveBody['resolution'])}
          data={complaintResolutions.map((r) => ({
            value: r,
            label: t(`records.complaints.resolutions.${r}`),
          }))}
        />
        {resolution === 'credit_note' ? (
          <NativeSelect
            label={t('records.complaints.fields.creditInvoice')}
            value={invoiceId}
            onChange={(e) => setInvoiceId(e.currentTarget.value)}
            data={[
              { value: '', label: '—' },
              ...(invoices.data?.items ?? []).map((i) => ({
                value: i.id,
                label: `${i.number} (${money(i.total)})`,
              })),
            ]}
          />
        ) : null}
        <Textarea
          label={t('records.complaints.fields.note')}
          autosize
          minRows={2}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button onClick={() => resolve.mutate()} loading={resolve.isPending}>
            {t('records.complaints.resolve')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

export function ComplaintPage() {
  const { t } = useTranslation();
  const { orgId, complaintId } = route.useParams();
  const { can } = useOrgRole(orgId);
  const query = useQuery(complaintQuery(orgId, complaintId));
  const save = useSave(orgId, complaintId, t('records.complaints.closedDone'));
  const close = useMutation({
    mutationFn: () => closeComplaint(orgId, complaintId),
    onSuccess: save.onSuccess,
    onError: save.onError,
  });
  if (query.isError) return <LoadError error={query.error} />;
  if (query.isPending) return <Loader />;
  const c = query.data;
  const writable = can('sales.write');
  return (
    <>
      <PageHeader
        title={t('records.complaints.detailTitle', { number: c.number })}
        served={COMPLAINTS_SERVE}
        actions={
          <>
            <ButtonLink
              to="/orgs/$orgId/relations/customers/$partyId"
              params={{ orgId, partyId: c.partyId }}
              variant="default"
            >
              {t('records.file.open')}
            </ButtonLink>
            <ButtonLink to="/orgs/$orgId/relations/complaints" params={{ orgId }} variant="subtle">
              {t('records.complaints.backToList')}
            </ButtonLink>
          </>
        }
      />
      <Stack gap="md">
        <Paper withBorder p="md">
          <Group gap="sm" mb="xs">
            <ComplaintStatusBadge status={c.status} />
            <Text size="sm">
              {c.partyName} · {t('records.complaints.fields.receivedOn')} {day(c.receivedOn)} ·{' '}
              {t('records.complaints.fields.deadline')} {day(c.deadline)}
            </Text>
          </Group>
          <Text fw={600}>{c.subject}</Text>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{c.description}</Text>
          {c.invoices.length > 0 ? (
            <Text size="sm" mt="sm">
              {t('records.complaints.fields.invoices')} :{' '}
              {c.invoices.map((i, n) => (
                <span key={i.id}>
                  {n > 0 ? ', ' : ''}
                  <AnchorLink
                    to="/orgs/$orgId/relations/invoices/$invoiceId"
                    params={{ orgId, invoiceId: i.id }}
                  >
                    {i.number ?? i.id}
                  </AnchorLink>
                </span>
              ))}
            </Text>
          ) : null}
          {c.resolution ? (
            <Alert mt="sm" color="teal" title={t(`records.complaints.resolutions.${c.resolution}`)}>
              {c.resolutionNote}
              {c.creditNote ? (
                <>
                  {' '}
                  <AnchorLink
                    to="/orgs/$orgId/relations/invoices/$invoiceId"
                    params={{ orgId, invoiceId: c.creditNote.id }}
                  >
                    {t('records.complaints.fields.creditNote')} {c.creditNote.number ?? ''} (
                    {money(c.creditNote.total)})
                  </AnchorLink>
                </>
              ) : null}
            </Alert>
          ) : null}
        </Paper>
        <Steps orgId={orgId} complaint={c} writable={writable} />
        <Attachments orgId={orgId} complaint={c} writable={writable && can('documents.write')} />
        {writable && (c.status === 'open' || c.status === 'in_progress') ? (
          <Resolve orgId={orgId} complaint={c} />
        ) : null}
        {writable && c.status === 'resolved' ? (
          <Group justify="flex-end">
            {save.error ? <Text c="red">{save.error}</Text> : null}
            <Button variant="default" onClick={() => close.mutate()} loading={close.isPending}>
              {t('records.complaints.close')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </>
  );
}
