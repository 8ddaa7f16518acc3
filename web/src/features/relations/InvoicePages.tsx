import { Alert, Button, Group, List, Loader, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvoiceDto } from '../../../../src/relations/invoices/contract.ts';
import { useOrgRole } from '../../auth/session.ts';
import { INVOICING_SERVE } from '../../referentiel/activities.ts';
import { errorMessage } from '../../ui/errors.ts';
import { ButtonLink } from '../../ui/links.tsx';
import { notify } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { LoadError } from '../../ui/StatusPages.tsx';
import { CustomerCreditBox } from './CustomerCreditBox.tsx';
import { DocumentBlock, DocumentLines, withDraftCustomer } from './DocumentParts.tsx';
import { day, money } from './format.ts';
import { InvoiceForm, TotalsTable } from './InvoiceForm.tsx';
import { StatusBadge } from './InvoiceListPage.tsx';
import { PaymentBadge } from './PaymentBadge.tsx';
import {
  catalogueListQuery,
  createCreditNote,
  customersQuery,
  deleteInvoiceDraft,
  downloadInvoicePdf,
  type InvoiceDraftBody,
  invoiceQuery,
  newIdempotencyKey,
  relationsKeys,
  saveFile,
  saveInvoiceDraft,
  validateInvoice,
} from './relations-api.ts';

const newRoute = getRouteApi('/orgs/$orgId/relations/invoices/new');
const oneRoute = getRouteApi('/orgs/$orgId/relations/invoices/$invoiceId');

function useFormData(orgId: string) {
  const customers = useQuery(customersQuery(orgId));
  const items = useQuery(catalogueListQuery(orgId, {}, 500));
  return { customers, items, pending: customers.isPending || items.isPending };
}

function BackToList({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  return (
    <ButtonLink variant="subtle" to="/orgs/$orgId/relations/invoices" params={{ orgId }}>
      {t('relations.invoices.backToList')}
    </ButtonLink>
  );
}

export function NewInvoicePage() {
  const { t } = useTranslation();
  const { orgId } = newRoute.useParams();
  const navigate = newRoute.useNavigate();
  const queryClient = useQueryClient();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const { customers, items, pending } = useFormData(orgId);
  // Once created, later saves of this screen update the same draft.
  const [created, setCreated] = useState<string | null>(null);

  const save = async (body: InvoiceDraftBody) => {
    const invoice = await saveInvoiceDraft(orgId, created, body, idempotencyKey);
    setCreated(invoice.id);
    queryClient.setQueryData(invoiceQuery(orgId, invoice.id).queryKey, invoice);
    await queryClient.invalidateQueries({ queryKey: [...relationsKeys.invoices(orgId), 'list'] });
    return invoice;
  };
  const open = (invoice: InvoiceDto) =>
    navigate({ to: '/orgs/$orgId/relations/invoices/$invoiceId', params: { orgId, invoiceId: invoice.id } });

  return (
    <>
      <PageHeader title={t('relations.invoices.newTitle')} served={INVOICING_SERVE} />
      {pending ? (
        <Loader aria-label={t('common.loading')} />
      ) : customers.isError ? (
        <LoadError error={customers.error} />
      ) : (
        <InvoiceForm
          customers={customers.data?.items ?? []}
          items={items.data?.items ?? []}
          actions={<BackToList orgId={orgId} />}
          onSave={async (body) => {
            const invoice = await save(body);
            notify('success', t('relations.invoices.draftSaved'));
            await open(invoice);
          }}
          onValidate={async (body) => {
            const draft = await save(body);
            const invoice = await validateInvoice(orgId, draft.id);
            queryClient.setQueryData(invoiceQuery(orgId, invoice.id).queryKey, invoice);
            await queryClient.invalidateQueries({ queryKey: relationsKeys.invoices(orgId) });
            notify('success', t('relations.invoices.validated', { number: invoice.number }));
            await open(invoice);
          }}
        />
      )}
    </>
  );
}

export function InvoicePage() {
  const { t } = useTranslation();
  const { orgId, invoiceId } = oneRoute.useParams();
  const query = useQuery(invoiceQuery(orgId, invoiceId));
  if (query.isPending) return <Loader aria-label={t('common.loading')} />;
  if (query.isError)
    return (
      <>
        <PageHeader title={t('relations.invoices.title')} served={INVOICING_SERVE} />
        <LoadError error={query.error} />
      </>
    );
  return query.data.status === 'draft' ? (
    <DraftPage invoice={query.data} orgId={orgId} />
  ) : (
    <ValidatedPage invoice={query.data} orgId={orgId} />
  );
}

function DraftPage({ invoice, orgId }: { invoice: InvoiceDto; orgId: string }) {
  const { t } = useTranslation();
  const navigate = oneRoute.useNavigate();
  const queryClient = useQueryClient();
  const { can } = useOrgRole(orgId);
  const { customers, items, pending } = useFormData(orgId);
  const creditNote = invoice.kind === 'credit_note';
  const remove = useMutation({
    mutationFn: () => deleteInvoiceDraft(orgId, invoice.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: relationsKeys.invoices(orgId) });
      notify('success', t('relations.invoices.deleted'));
      await navigate({ to: '/orgs/$orgId/relations/invoices', params: { orgId } });
    },
    onError: (error) => notify('error', errorMessage(error, t)),
  });
  const save = async (body: InvoiceDraftBody) => {
    const saved = await saveInvoiceDraft(orgId, invoice.id, body, '');
    queryClient.setQueryData(invoiceQuery(orgId, saved.id).queryKey, saved);
    await queryClient.invalidateQueries({ queryKey: [...relationsKeys.invoices(orgId), 'list'] });
    return saved;
  };
  return (
    <>
      <PageHeader
        title={t(
          creditNote
            ? 'relations.invoices.creditNoteDraftTitle'
            : invoice.downPayment
              ? 'relations.invoices.downPaymentDraftTitle'
              : 'relations.invoices.draftTitle',
        )}
        served={INVOICING_SERVE}
        actions={<StatusBadge status="draft" />}
      />
      {creditNote && invoice.creditedInvoiceNumber ? (
        <Alert color="blue" mb="md" data-testid="credit-note-of">
          {t('relations.invoices.creditNoteOf', { number: invoice.creditedInvoiceNumber })}
        </Alert>
      ) : null}
      {!can('sales.write') ? (
        <Alert color="blue" mb="md">
          {t('common.readOnly')}
        </Alert>
      ) : null}
      {pending ? (
        <Loader aria-label={t('common.loading')} />
      ) : (
        <InvoiceForm
          key={invoice.updatedAt}
          invoice={invoice}
          customers={withDraftCustomer(customers.data?.items ?? [], {
            id: invoice.customerId,
            name: invoice.customerName,
          })}
          items={items.data?.items ?? []}
          actions={
            <>
              <BackToList orgId={orgId} />
              <Button
                variant="subtle"
                color="red"
                loading={remove.isPending}
                onClick={() => remove.mutate()}
                data-testid="invoice-delete"
              >
                {t('relations.invoices.actions.delete')}
              </Button>
            </>
          }
          onSave={async (body) => {
            await save(body);
            notify('success', t('relations.invoices.draftSaved'));
          }}
          onValidate={async (body) => {
            await save(body);
            const validated = await validateInvoice(orgId, invoice.id);
            queryClient.setQueryData(invoiceQuery(orgId, validated.id).queryKey, validated);
            await queryClient.invalidateQueries({ queryKey: relationsKeys.invoices(orgId) });
            notify('success', t('relations.invoices.validated', { number: validated.number }));
          }}
        />
      )}
    </>
  );
}

function ValidatedPage({ invoice, orgId }: { invoice: InvoiceDto; orgId: string }) {
  const { t } = useTranslation();
  const navigate = oneRoute.useNavigate();
  const queryClient = useQueryClient();
  const { can } = useOrgRole(orgId);
  const [idempotencyKey] = useState(newIdempotencyKey);
  const creditNote = invoice.kind === 'credit_note';
  const download = useMutation({
    mutationFn: () => downloadInvoicePdf(orgId, invoice.id),
    onSuccess: ({ blob, fileName }) => saveFile(blob, fileName ?? `${invoice.number ?? 'facture'}.pdf`),
    onError: (error) => notify('error', errorMessage(error, t)),
  });
  const credit = useMutation({
    mutationFn: () => createCreditNote(orgId, invoice.id, idempotencyKey),
    onSuccess: async (note) => {
      queryClient.setQueryData(invoiceQuery(orgId, note.id).queryKey, note);
      await queryClient.invalidateQueries({ queryKey: [...relationsKeys.invoices(orgId), 'list'] });
      notify('success', t('relations.invoices.creditNoteCreated'));
      await navigate({
        to: '/orgs/$orgId/relations/invoices/$invoiceId',
        params: { orgId, invoiceId: note.id },
      });
    },
    onError: (error) => notify('error', errorMessage(error, t)),
  });
  const title = t(
    creditNote
      ? 'relations.invoices.creditNoteTitle'
      : invoice.downPayment
        ? 'relations.invoices.downPaymentTitle'
        : 'relations.invoices.invoiceTitle',
    {
      number: invoice.number,
    },
  );
  return (
    <>
      <PageHeader
        title={title}
        served={INVOICING_SERVE}
        actions={
          <>
            <StatusBadge status="validated" />
            <Button loading={download.isPending} onClick={() => download.mutate()} data-testid="invoice-pdf">
              {t('relations.invoices.actions.downloadPdf')}
            </Button>
            {invoice.payment && invoice.payment.remaining > 0 && can('sales.write') ? (
              <ButtonLink
                to="/orgs/$orgId/relations/receipts/new"
                params={{ orgId }}
                search={{ customerId: invoice.customerId, invoiceId: invoice.id }}
                data-testid="invoice-record-payment"
              >
                {t('relations.payment.record')}
              </ButtonLink>
            ) : null}
            {!creditNote && can('sales.write') ? (
              <Button
                variant="default"
                loading={credit.isPending}
                onClick={() => credit.mutate()}
                data-testid="invoice-credit-note"
              >
                {t('relations.invoices.actions.creditNote')}
              </Button>
            ) : null}
          </>
        }
      />
      <Text size="sm" mb="md" data-testid="invoice-number">
        {t('relations.invoices.numberLine', { number: invoice.number, date: day(invoice.issueDate) })}
      </Text>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <DocumentBlock title={t('relations.invoices.fields.customer')}>
            <Text fw={600} data-testid="invoice-customer-name">
              {invoice.customerName}
            </Text>
            {invoice.customerOrderRef ? (
              <Text size="sm">
                {t('relations.invoices.fields.customerOrderRef')} : {invoice.customerOrderRef}
              </Text>
            ) : null}
            {invoice.deliveryAddress ? (
              <Text size="sm" mt="xs">
                {t('relations.invoices.fields.deliveryAddress')} : {invoice.deliveryAddress.line1},{' '}
                {invoice.deliveryAddress.postalCode} {invoice.deliveryAddress.city}
              </Text>
            ) : null}
            {creditNote && invoice.creditedInvoiceNumber ? (
              <Text size="sm" mt="xs">
                {t('relations.invoices.creditNoteOf', { number: invoice.creditedInvoiceNumber })}
              </Text>
            ) : null}
          </DocumentBlock>
          <DocumentBlock title={t('relations.invoices.form.dates')}>
            <Text size="sm">
              {t('relations.invoices.fields.issueDate')} : {day(invoice.issueDate)}
            </Text>
            {invoice.deliveryDate ? (
              <Text size="sm">
                {t('relations.invoices.fields.deliveryDate')} : {day(invoice.deliveryDate)}
              </Text>
            ) : null}
            <Text size="sm">
              {t('relations.invoices.fields.dueDate')} : {day(invoice.dueDate)}
            </Text>
            {invoice.payment ? (
              <Group gap="xs" mt="xs" data-testid="invoice-payment">
                <PaymentBadge payment={invoice.payment} />
                <Text size="sm">
                  {t('relations.payment.summary', {
                    paid: money(invoice.payment.paid + invoice.payment.credited),
                    remaining: money(invoice.payment.remaining),
                  })}
                  {invoice.payment.daysLate > 0
                    ? ` · ${t('relations.payment.late', { count: invoice.payment.daysLate })}`
                    : ''}
                </Text>
              </Group>
            ) : null}
          </DocumentBlock>
        </SimpleGrid>
        {!creditNote && invoice.payment && invoice.payment.remaining > 0 && can('sales.write') ? (
          <CustomerCreditBox orgId={orgId} invoice={invoice} />
        ) : null}
        <DocumentLines titleId="validated-lines-title" testId="invoice-view-lines" lines={invoice.lines} />
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <DocumentBlock title={t('relations.invoices.legalMentions')} testId="invoice-legal-mentions">
            <List size="sm" spacing={4}>
              {invoice.legalMentions.map((mention) => (
                <List.Item key={mention}>{mention}</List.Item>
              ))}
            </List>
            {invoice.notes ? (
              <Text size="sm" mt="sm">
                {invoice.notes}
              </Text>
            ) : null}
          </DocumentBlock>
          <DocumentBlock title={t('relations.invoices.totals.title')} testId="invoice-totals">
            <TotalsTable totals={invoice.totals} />
          </DocumentBlock>
        </SimpleGrid>
        <Group>
          <BackToList orgId={orgId} />
        </Group>
      </Stack>
    </>
  );
}
