import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type {
  ContractDto,
  ContractPage,
  GeneratedInvoicesDto,
} from '../../../../src/relations/contracts/contract.ts';
import type { InvoiceDto } from '../../../../src/relations/invoices/contract.ts';
import type { SalesDocumentDto, SalesDocumentPage } from '../../../../src/relations/sales/contract.ts';
import { api, apiDownload, queryString } from '../../api/client.ts';
import type { InvoiceDraftBody, InvoiceLineBody } from './relations-api.ts';

// The sales pipeline's API: quotes, sales orders, delivery notes, contracts.

const org = (orgId: string) => `/api/v1/orgs/${encodeURIComponent(orgId)}`;

export type SalesKind = 'quote' | 'order' | 'delivery_note';
export const SALES_PATH: Record<SalesKind, string> = {
  quote: 'quotes',
  order: 'sales-orders',
  delivery_note: 'delivery-notes',
};

export const salesKeys = {
  all: (orgId: string) => ['orgs', orgId, 'sales'] as const,
  contracts: (orgId: string) => ['orgs', orgId, 'contracts'] as const,
};

export function salesListQuery(orgId: string, kind: SalesKind, page = 1, limit = 25) {
  return queryOptions({
    queryKey: [...salesKeys.all(orgId), kind, 'list', page, limit],
    queryFn: ({ signal }) =>
      api<SalesDocumentPage>(
        `${org(orgId)}/${SALES_PATH[kind]}${queryString({ limit, offset: (page - 1) * limit })}`,
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
}

export function salesDocumentQuery(orgId: string, kind: SalesKind, id: string) {
  return queryOptions({
    queryKey: [...salesKeys.all(orgId), kind, 'one', id],
    queryFn: ({ signal }) =>
      api<SalesDocumentDto>(`${org(orgId)}/${SALES_PATH[kind]}/${encodeURIComponent(id)}`, { signal }),
  });
}

/** The invoice form's body, read as a quote or an order (the due date field holds the validity date). */
export function toSalesBody(kind: 'quote' | 'order', body: InvoiceDraftBody) {
  return {
    partyId: body.customerId,
    issueDate: body.issueDate,
    ...(kind === 'quote' ? { validityDate: body.dueDate } : {}),
    customerRef: body.customerOrderRef,
    notes: body.notes,
    documentDiscountPercent: body.documentDiscountPercent,
    lines: body.lines,
  };
}

/** A sales document in the shape the invoice form edits. */
export function asInvoiceDraft(doc: SalesDocumentDto): InvoiceDto {
  return {
    customerId: doc.partyId,
    customerName: doc.partyName,
    issueDate: doc.issueDate,
    deliveryDate: null,
    dueDate: doc.validityDate,
    paymentTerms: null,
    customerOrderRef: doc.customerRef,
    deliveryAddress: null,
    notes: doc.notes,
    documentDiscountPercent: doc.documentDiscountPercent,
    lines: doc.lines,
    kind: 'invoice',
  } as unknown as InvoiceDto;
}

export function saveSalesDraft(
  orgId: string,
  kind: 'quote' | 'order',
  id: string | null,
  body: InvoiceDraftBody,
  idempotencyKey: string,
) {
  const path = `${org(orgId)}/${SALES_PATH[kind]}`;
  const payload = toSalesBody(kind, body);
  return id
    ? api<SalesDocumentDto>(`${path}/${encodeURIComponent(id)}`, { method: 'PUT', body: payload })
    : api<SalesDocumentDto>(path, {
        method: 'POST',
        body: payload,
        headers: { 'idempotency-key': idempotencyKey },
      });
}

export function deleteSalesDraft(orgId: string, kind: 'quote' | 'order', id: string) {
  return api<void>(`${org(orgId)}/${SALES_PATH[kind]}/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** send / refuse / expire a quote, confirm an order. */
export function salesStep(orgId: string, kind: 'quote' | 'order', id: string, step: string) {
  return api<SalesDocumentDto>(`${org(orgId)}/${SALES_PATH[kind]}/${encodeURIComponent(id)}/${step}`, {
    method: 'POST',
  });
}

export function acceptQuote(orgId: string, id: string) {
  return api<{ quote: SalesDocumentDto; order: SalesDocumentDto }>(
    `${org(orgId)}/quotes/${encodeURIComponent(id)}/accept`,
    { method: 'POST' },
  );
}

export function deliverOrder(
  orgId: string,
  id: string,
  lines: { orderLineId: string; quantity: string }[],
  idempotencyKey: string,
) {
  return api<SalesDocumentDto>(`${org(orgId)}/sales-orders/${encodeURIComponent(id)}/delivery-notes`, {
    method: 'POST',
    body: { lines },
    headers: { 'idempotency-key': idempotencyKey },
  });
}

export function downPayment(
  orgId: string,
  id: string,
  body: { percent: string } | { amount: string },
  idempotencyKey: string,
) {
  return api<InvoiceDto>(`${org(orgId)}/sales-orders/${encodeURIComponent(id)}/down-payment`, {
    method: 'POST',
    body,
    headers: { 'idempotency-key': idempotencyKey },
  });
}

export function invoiceOrder(orgId: string, id: string, idempotencyKey: string) {
  return api<InvoiceDto>(`${org(orgId)}/sales-orders/${encodeURIComponent(id)}/invoice`, {
    method: 'POST',
    headers: { 'idempotency-key': idempotencyKey },
  });
}

export function contractListQuery(orgId: string) {
  return queryOptions({
    queryKey: [...salesKeys.contracts(orgId), 'list'],
    queryFn: ({ signal }) =>
      api<ContractPage>(`${org(orgId)}/contracts${queryString({ limit: 500 })}`, { signal }),
  });
}

export function contractQuery(orgId: string, id: string) {
  return queryOptions({
    queryKey: [...salesKeys.contracts(orgId), 'one', id],
    queryFn: ({ signal }) =>
      api<ContractDto>(`${org(orgId)}/contracts/${encodeURIComponent(id)}`, { signal }),
  });
}

export type ContractBody = {
  partyId: string;
  label: string;
  periodicity: 'monthly' | 'quarterly' | 'yearly';
  startDate: string;
  endDate: string | null;
  notes: string | null;
  documentDiscountPercent: string;
  lines: (InvoiceLineBody & { vatExemptionReason: string | null })[];
};

export function createContract(orgId: string, body: ContractBody, idempotencyKey: string) {
  return api<ContractDto>(`${org(orgId)}/contracts`, {
    method: 'POST',
    body,
    headers: { 'idempotency-key': idempotencyKey },
  });
}

export function generateContractInvoices(orgId: string, upTo: string) {
  return api<GeneratedInvoicesDto>(`${org(orgId)}/contracts/generate-invoices`, {
    method: 'POST',
    body: { upTo },
  });
}

export function downloadSalesPdf(orgId: string, kind: SalesKind, id: string) {
  return apiDownload(`${org(orgId)}/${SALES_PATH[kind]}/${encodeURIComponent(id)}/pdf`);
}

type PartyOption = { id: string; name: string; kind: string; siren: string | null };

/**
 * The parties a sales document may address: customers, prospects (quotes are often for them) and members
 * (an association's dues contracts), archived ones left out, by name.
 */
export function salesPartiesQuery(orgId: string) {
  return queryOptions({
    queryKey: ['orgs', orgId, 'parties', 'list', 'sales-parties'],
    queryFn: async ({ signal }) => {
      const pages = await Promise.all(
        (['customer', 'prospect', 'member'] as const).map((role) =>
          api<{ items: PartyOption[]; total: number }>(
            `${org(orgId)}/parties${queryString({ role, archived: 'exclude', sort: 'name', limit: 500 })}`,
            { signal },
          ),
        ),
      );
      const byId = new Map(pages.flatMap((p) => p.items).map((p) => [p.id, p]));
      const items = [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
      return { items, total: items.length };
    },
  });
}
