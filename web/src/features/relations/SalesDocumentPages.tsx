import { Alert, Button, Group, List, Loader, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SalesDocumentDto } from '../../../../src/relations/sales/contract.ts';
import { useOrgRole } from '../../auth/session.ts';
import { INVOICING_SERVE } from '../../referentiel/activities.ts';
import { errorMessage } from '../../ui/errors.ts';
import { AnchorLink, ButtonLink } from '../../ui/links.tsx';
import { notify } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { LoadError } from '../../ui/StatusPages.tsx';
import { DocumentBlock, DocumentLines, withDraftCustomer } from './DocumentParts.tsx';
import { day, money } from './format.ts';
import { InvoiceForm } from './InvoiceForm.tsx';
import { frenchDecimal } from './invoice-form-model.ts';
import { OrderActions } from './OrderActions.tsx';
import { campaignKeys, quoteForTarget } from './prospecting/campaigns-api.ts';
import { catalogueListQuery, type InvoiceDraftBody, newIdempotencyKey, saveFile } from './relations-api.ts';
import { SALES_ROUTES, SalesStatusBadge, useOpenDocument } from './SalesListPage.tsx';
import {
  acceptQuote,
  asInvoiceDraft,
  deleteSalesDraft,
  downloadSalesPdf,
  type SalesKind,
  salesDocumentQuery,
  salesKeys,
  salesPartiesQuery,
  salesStep,
  saveSalesDraft,
  toSalesBody,
} from './sales-api.ts';

const LIST_ROUTES = {
  quote: '/orgs/$orgId/relations/quotes',
  order: '/orgs/$orgId/relations/orders',
  delivery_note: '/orgs/$orgId/relations/delivery-notes',
} as const;

function BackToList({ orgId, kind }: { orgId: string; kind: SalesKind }) {
  const { t } = useTranslation();
  return (
    <ButtonLink variant="subtle" to={LIST_ROUTES[kind]} params={{ orgId }}>
      {t(`relations.sales.${kind}.backToList`)}
    </ButtonLink>
  );
}

function useFormData(orgId: string) {
  const customers = useQuery(salesPartiesQuery(orgId));
  const items = useQuery(catalogueListQuery(orgId, {}, 500));
  return { customers, items, pending: customers.isPending || items.isPending };
}

/** A new quote or sales order, typed in the invoice form (same lines, same totals). */
export function NewSalesPage({
  kind,
  fromCampaign,
}: {
  kind: 'quote' | 'order';
  /** « Établir un devis » from a campaign target: the quote is drafted for that party and linked to it. */
  fromCampaign?: { partyId: string; campaignId: string };
}) {
  const { t } = useTranslation();
  const { orgId } = useParams({ strict: false }) as { orgId: string };
  const queryClient = useQueryClient();
  const open = useOpenDocument(orgId);
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [created, setCreated] = useState<string | null>(null);
  const { customers, items, pending } = useFormData(orgId);
  const save = async (body: InvoiceDraftBody) => {
    const doc =
      !created && fromCampaign && body.customerId === fromCampaign.partyId
        ? (
            await quoteForTarget(
              orgId,
              fromCampaign.campaignId,
              fromCampaign.partyId,
              toSalesBody('quote', body),
              idempotencyKey,
            )
          ).quote
        : await saveSalesDraft(orgId, kind, created, body, idempotencyKey);
    if (!created && fromCampaign) await queryClient.invalidateQueries({ queryKey: campaignKeys.all(orgId) });
    setCreated(doc.id);
    await queryClient.invalidateQueries({ queryKey: salesKeys.all(orgId) });
    return doc;
  };
  return (
    <>
      <PageHeader title={t(`relations.sales.${kind}.new`)} served={INVOICING_SERVE} />
      {fromCampaign ? (
        <Alert color="blue" mb="md" data-testid="quote-from-campaign">
          {t('campaigns.quoteFromCampaign')}
        </Alert>
      ) : null}
      {pending ? (
        <Loader aria-label={t('common.loading')} />
      ) : customers.isError ? (
        <LoadError error={customers.error} />
      ) : (
        <InvoiceForm
          variant={kind}
          validateLabel={t(`relations.sales.${kind}.validate`)}
          confirmBody={t(`relations.sales.${kind}.confirmBody`)}
          customers={customers.data?.items ?? []}
          items={items.data?.items ?? []}
          initialCustomerId={fromCampaign?.partyId}
          actions={<BackToList orgId={orgId} kind={kind} />}
          onSave={async (body) => {
            const doc = await save(body);
            notify('success', t('relations.invoices.draftSaved'));
            await open(kind, doc.id);
          }}
          onValidate={async (body) => {
            const draft = await save(body);
            const doc = await salesStep(orgId, kind, draft.id, kind === 'quote' ? 'send' : 'confirm');
            await queryClient.invalidateQueries({ queryKey: salesKeys.all(orgId) });
            notify('success', t('relations.sales.numbered', { number: doc.number }));
            await open(kind, doc.id);
          }}
        />
      )}
    </>
  );
}

export function SalesDocumentPage({ kind }: { kind: SalesKind }) {
  const { t } = useTranslation();
  const { orgId, documentId } = useParams({ strict: false }) as { orgId: string; documentId: string };
  const query = useQuery(salesDocumentQuery(orgId, kind, documentId));
  if (query.isPending) return <Loader aria-label={t('common.loading')} />;
  if (query.isError)
    return (
      <>
        <PageHeader title={t(`relations.sales.${kind}.title`)} served={INVOICING_SERVE} />
        <LoadError error={query.error} />
      </>
    );
  return query.data.status === 'draft' && kind !== 'delivery_note' ? (
    <DraftPage doc={query.data} kind={kind} orgId={orgId} />
  ) : (
    <IssuedPage doc={query.data} kind={kind} orgId={orgId} />
  );
}

function DraftPage({ doc, kind, orgId }: { doc: SalesDocumentDto; kind: 'quote' | 'order'; orgId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const open = useOpenDocument(orgId);
  const { customers, items, pending } = useFormData(orgId);
  const refresh = () => queryClient.invalidateQueries({ queryKey: salesKeys.all(orgId) });
  const remove = useMutation({
    mutationFn: () => deleteSalesDraft(orgId, kind, doc.id),
    onSuccess: async () => {
      await refresh();
      notify('success', t('relations.invoices.deleted'));
      await navigate({ to: LIST_ROUTES[kind], params: { orgId } });
    },
    onError: (error) => notify('error', errorMessage(error, t)),
  });
  return (
    <>
      <PageHeader
        title={t(`relations.sales.${kind}.draftTitle`)}
        served={INVOICING_SERVE}
        actions={<SalesStatusBadge status="draft" />}
      />
      {pending ? (
        <Loader aria-label={t('common.loading')} />
      ) : (
        <InvoiceForm
          key={doc.updatedAt}
          variant={kind}
          validateLabel={t(`relations.sales.${kind}.validate`)}
          confirmBody={t(`relations.sales.${kind}.confirmBody`)}
          invoice={asInvoiceDraft(doc)}
          customers={withDraftCustomer(customers.data?.items ?? [], { id: doc.partyId, name: doc.partyName })}
          items={items.data?.items ?? []}
          actions={
            <>
              <BackToList orgId={orgId} kind={kind} />
              <Button
                variant="subtle"
                color="red"
                loading={remove.isPending}
                onClick={() => remove.mutate()}
                data-testid="sales-delete"
              >
                {t('relations.invoices.actions.delete')}
              </Button>
            </>
          }
          onSave={async (body) => {
            await saveSalesDraft(orgId, kind, doc.id, body, '');
            await refresh();
            notify('success', t('relations.invoices.draftSaved'));
          }}
          onValidate={async (body) => {
            await saveSalesDraft(orgId, kind, doc.id, body, '');
            const done = await salesStep(orgId, kind, doc.id, kind === 'quote' ? 'send' : 'confirm');
            await refresh();
            notify('success', t('relations.sales.numbered', { number: done.number }));
            await open(kind, doc.id);
          }}
        />
      )}
    </>
  );
}

function QuoteActions({ doc, orgId }: { doc: SalesDocumentDto; orgId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const open = useOpenDocument(orgId);
  const onError = (error: unknown) => notify('error', errorMessage(error, t));
  const accept = useMutation({
    mutationFn: () => acceptQuote(orgId, doc.id),
    onSuccess: async ({ order }) => {
      await queryClient.invalidateQueries({ queryKey: salesKeys.all(orgId) });
      // A prospect who accepts becomes a customer: every party list and picker must see the new role.
      await queryClient.invalidateQueries({ queryKey: ['orgs', orgId, 'parties'] });
      notify('success', t('relations.sales.quote.accepted', { number: order.number }));
      await open('order', order.id);
    },
    onError,
  });
  const refuse = useMutation({
    mutationFn: () => salesStep(orgId, 'quote', doc.id, 'refuse'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: salesKeys.all(orgId) }),
    onError,
  });
  const expire = useMutation({
    mutationFn: () => salesStep(orgId, 'quote', doc.id, 'expire'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: salesKeys.all(orgId) }),
    onError,
  });
  if (doc.status !== 'sent') return null;
  // Past its validity date (compared as text: both are YYYY-MM-DD), a quote can only expire.
  const today = new Date().toISOString().slice(0, 10);
  if (doc.validityDate && doc.validityDate < today)
    return (
      <Button
        variant="default"
        loading={expire.isPending}
        onClick={() => expire.mutate()}
        data-testid="quote-expire"
      >
        {t('relations.sales.quote.expire')}
      </Button>
    );
  return (
    <>
      <Button loading={accept.isPending} onClick={() => accept.mutate()} data-testid="quote-accept">
        {t('relations.sales.quote.accept')}
      </Button>
      <Button
        variant="default"
        loading={refuse.isPending}
        onClick={() => refuse.mutate()}
        data-testid="quote-refuse"
      >
        {t('relations.sales.quote.refuse')}
      </Button>
    </>
  );
}

function IssuedPage({ doc, kind, orgId }: { doc: SalesDocumentDto; kind: SalesKind; orgId: string }) {
  const { t } = useTranslation();
  const { can } = useOrgRole(orgId);
  const writable = can('sales.write');
  const isOrder = kind === 'order';
  const sourceKind = kind === 'order' ? 'quote' : 'order';
  const download = useMutation({
    mutationFn: () => downloadSalesPdf(orgId, kind, doc.id),
    onSuccess: ({ blob, fileName }) => saveFile(blob, fileName ?? `${doc.number ?? 'document'}.pdf`),
    onError: (error) => notify('error', errorMessage(error, t)),
  });
  return (
    <>
      <PageHeader
        title={t(`relations.sales.${kind}.numberTitle`, { number: doc.number })}
        served={INVOICING_SERVE}
        actions={
          <>
            <SalesStatusBadge status={doc.status} />
            <Button
              variant="default"
              loading={download.isPending}
              onClick={() => download.mutate()}
              data-testid="sales-pdf"
            >
              {t('relations.invoices.actions.downloadPdf')}
            </Button>
            {writable && kind === 'quote' ? <QuoteActions doc={doc} orgId={orgId} /> : null}
          </>
        }
      />
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <DocumentBlock title={t('relations.invoices.fields.customer')}>
            <Text fw={600} data-testid="sales-party">
              {doc.partyName}
            </Text>
            {doc.customerRef ? (
              <Text size="sm">
                {t('relations.invoices.fields.customerOrderRef')} : {doc.customerRef}
              </Text>
            ) : null}
            {doc.sourceId && doc.sourceNumber ? (
              <Text size="sm" mt="xs" data-testid="sales-source">
                {t(`relations.sales.from.${sourceKind}`)}{' '}
                <AnchorLink to={SALES_ROUTES[sourceKind]} params={{ orgId, documentId: doc.sourceId }}>
                  {doc.sourceNumber}
                </AnchorLink>
              </Text>
            ) : null}
          </DocumentBlock>
          <DocumentBlock title={t('relations.invoices.form.dates')}>
            <Text size="sm">
              {t('relations.sales.fields.date')} : {day(doc.issueDate)}
            </Text>
            {doc.validityDate ? (
              <Text size="sm">
                {t('relations.sales.fields.validityDate')} : {day(doc.validityDate)}
              </Text>
            ) : null}
            <Text size="sm" mt="xs">
              {t('relations.invoices.totals.net')} : {money(doc.totalNet)} ·{' '}
              {t('relations.invoices.totals.gross')} :{' '}
              <strong data-testid="sales-total-amount">{money(doc.total)}</strong>
            </Text>
          </DocumentBlock>
        </SimpleGrid>
        <DocumentLines
          titleId="sales-lines-title"
          testId="sales-lines"
          lines={doc.lines}
          rowTestId="sales-line"
          extraHeaders={
            isOrder ? (
              <>
                <Table.Th ta="right">{t('relations.sales.lines.delivered')}</Table.Th>
                <Table.Th ta="right">{t('relations.sales.lines.invoiced')}</Table.Th>
              </>
            ) : null
          }
          extraCells={(line) =>
            isOrder ? (
              <>
                <Table.Td ta="right" data-testid="line-delivered">
                  {line.kind === 'goods' ? frenchDecimal(line.delivered ?? '0') : '—'}
                </Table.Td>
                <Table.Td ta="right" data-testid="line-invoiced">
                  {frenchDecimal(line.invoiced ?? '0')}
                </Table.Td>
              </>
            ) : null
          }
        >
          {doc.notes ? (
            <Text size="sm" mt="sm">
              {doc.notes}
            </Text>
          ) : null}
        </DocumentLines>
        {isOrder && writable && doc.status === 'confirmed' ? (
          <OrderActions order={doc} orgId={orgId} />
        ) : null}
        {doc.linked.length > 0 ? (
          <DocumentBlock title={t('relations.sales.linked')} testId="sales-linked">
            <List size="sm" spacing={4}>
              {doc.linked.map((l) => (
                <List.Item key={l.id}>
                  {t(`relations.sales.linkedKinds.${l.kind}`)}{' '}
                  {l.kind === 'invoice' || l.kind === 'down_payment' || l.kind === 'credit_note' ? (
                    <AnchorLink
                      to="/orgs/$orgId/relations/invoices/$invoiceId"
                      params={{ orgId, invoiceId: l.id }}
                    >
                      {l.number ?? t('relations.invoices.draftNumber')}
                    </AnchorLink>
                  ) : (
                    <AnchorLink to={SALES_ROUTES[l.kind]} params={{ orgId, documentId: l.id }}>
                      {l.number ?? t('relations.invoices.draftNumber')}
                    </AnchorLink>
                  )}{' '}
                  · {money(l.total)}
                </List.Item>
              ))}
            </List>
          </DocumentBlock>
        ) : null}
        {doc.status === 'refused' || doc.status === 'expired' ? (
          <Alert color="gray">{t(`relations.sales.statuses.${doc.status}`)}</Alert>
        ) : null}
        <Group>
          <BackToList orgId={orgId} kind={kind} />
        </Group>
      </Stack>
    </>
  );
}
