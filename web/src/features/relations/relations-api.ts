import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { CatalogueItemDto, CatalogueItemPage } from '../../../../src/relations/catalogue/contract.ts';
import type { InvoiceSettingsDto } from '../../../../src/relations/invoice-settings/contract.ts';
import type { InvoiceDto, InvoicePage } from '../../../../src/relations/invoices/contract.ts';
import { api, apiDownload, queryString } from '../../api/client.ts';

// The relations module's API: catalogue, invoices and invoicing settings. Inputs go as the contract's
// input shapes (decimals as text, the server reads "12,5").

const org = (orgId: string) => `/api/v1/orgs/${encodeURIComponent(orgId)}`;

export const PAGE_SIZE = 25;

export const relationsKeys = {
  catalogue: (orgId: string) => ['orgs', orgId, 'catalogue'] as const,
  invoices: (orgId: string) => ['orgs', orgId, 'invoices'] as const,
  settings: (orgId: string) => ['orgs', orgId, 'invoice-settings'] as const,
};

export type CatalogueSearch = {
  q?: string;
  kind?: 'goods' | 'service';
  archived?: 'exclude' | 'include' | 'only';
  page?: number;
};

export type InvoiceSearch = {
  status?: 'draft' | 'validated';
  kind?: 'invoice' | 'credit_note';
  customerId?: string;
  from?: string;
  to?: string;
  page?: number;
};

export function catalogueListQuery(orgId: string, search: CatalogueSearch, limit = PAGE_SIZE) {
  const page = search.page ?? 1;
  return queryOptions({
    queryKey: [...relationsKeys.catalogue(orgId), 'list', search, limit],
    queryFn: ({ signal }) =>
      api<CatalogueItemPage>(
        `${org(orgId)}/catalogue${queryString({
          q: search.q,
          kind: search.kind,
          archived: search.archived ?? 'exclude',
          limit,
          offset: (page - 1) * limit,
        })}`,
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
}

export function catalogueItemQuery(orgId: string, itemId: string) {
  return queryOptions({
    queryKey: [...relationsKeys.catalogue(orgId), 'one', itemId],
    queryFn: ({ signal }) =>
      api<CatalogueItemDto>(`${org(orgId)}/catalogue/${encodeURIComponent(itemId)}`, { signal }),
  });
}

export type CatalogueItemBody = {
  code: string;
  label: string;
  description: string | null;
  kind: 'goods' | 'service';
  unit: string;
  unitPrice: string;
  vatRate: string;
  vatExemptionReason: string | null;
  revenueAccount: string | null;
};

export function saveCatalogueItem(
  orgId: string,
  itemId: string | null,
  body: CatalogueItemBody,
  idempotencyKey: string,
) {
  return itemId
    ? api<CatalogueItemDto>(`${org(orgId)}/catalogue/${encodeURIComponent(itemId)}`, {
        method: 'PUT',
        body,
      })
    : api<CatalogueItemDto>(`${org(orgId)}/catalogue`, {
        method: 'POST',
        body,
        headers: { 'idempotency-key': idempotencyKey },
      });
}

export function setCatalogueItemArchived(orgId: string, itemId: string, archived: boolean) {
  return api<CatalogueItemDto>(
    `${org(orgId)}/catalogue/${encodeURIComponent(itemId)}/${archived ? 'archive' : 'restore'}`,
    { method: 'POST' },
  );
}

export function invoiceListQuery(orgId: string, search: InvoiceSearch) {
  const page = search.page ?? 1;
  return queryOptions({
    queryKey: [...relationsKeys.invoices(orgId), 'list', search],
    queryFn: ({ signal }) =>
      api<InvoicePage>(
        `${org(orgId)}/invoices${queryString({
          status: search.status,
          kind: search.kind,
          customerId: search.customerId,
          from: search.from,
          to: search.to,
          limit: PAGE_SIZE,
          offset: (page - 1) * PAGE_SIZE,
        })}`,
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
}

export function invoiceQuery(orgId: string, invoiceId: string) {
  return queryOptions({
    queryKey: [...relationsKeys.invoices(orgId), 'one', invoiceId],
    queryFn: ({ signal }) =>
      api<InvoiceDto>(`${org(orgId)}/invoices/${encodeURIComponent(invoiceId)}`, { signal }),
  });
}

export type InvoiceLineBody = {
  itemId: string | null;
  label: string | null;
  description: string | null;
  kind: 'goods' | 'service' | null;
  unit: string | null;
  quantity: string;
  unitPrice: string | null;
  discountPercent: string;
  vatRate: string | null;
};

export type InvoiceDraftBody = {
  customerId: string;
  issueDate: string | null;
  deliveryDate: string | null;
  dueDate: string | null;
  paymentTerms: string | null;
  customerOrderRef: string | null;
  deliveryAddress: {
    line1: string;
    line2: string | null;
    postalCode: string;
    city: string;
    country: string;
  } | null;
  notes: string | null;
  documentDiscountPercent: string;
  lines: InvoiceLineBody[];
};

export function saveInvoiceDraft(
  orgId: string,
  invoiceId: string | null,
  body: InvoiceDraftBody,
  idempotencyKey: string,
) {
  return invoiceId
    ? api<InvoiceDto>(`${org(orgId)}/invoices/${encodeURIComponent(invoiceId)}`, { method: 'PUT', body })
    : api<InvoiceDto>(`${org(orgId)}/invoices`, {
        method: 'POST',
        body,
        headers: { 'idempotency-key': idempotencyKey },
      });
}

export function validateInvoice(orgId: string, invoiceId: string) {
  return api<InvoiceDto>(`${org(orgId)}/invoices/${encodeURIComponent(invoiceId)}/validate`, {
    method: 'POST',
  });
}

export function deleteInvoiceDraft(orgId: string, invoiceId: string) {
  return api<void>(`${org(orgId)}/invoices/${encodeURIComponent(invoiceId)}`, { method: 'DELETE' });
}

export function createCreditNote(orgId: string, invoiceId: string, idempotencyKey: string) {
  return api<InvoiceDto>(`${org(orgId)}/invoices/${encodeURIComponent(invoiceId)}/credit-note`, {
    method: 'POST',
    headers: { 'idempotency-key': idempotencyKey },
  });
}

export function downloadInvoicePdf(orgId: string, invoiceId: string) {
  return apiDownload(`${org(orgId)}/invoices/${encodeURIComponent(invoiceId)}/pdf`);
}

export function invoiceSettingsQuery(orgId: string) {
  return queryOptions({
    queryKey: relationsKeys.settings(orgId),
    queryFn: ({ signal }) => api<InvoiceSettingsDto>(`${org(orgId)}/invoice-settings`, { signal }),
  });
}

export type InvoiceSettingsBody = {
  paymentTermsDays: number;
  latePenaltyRate: string | null;
  earlyPaymentDiscount: string | null;
  vatOnDebits: boolean;
  shareCapital: number | null;
  rcsCity: string | null;
  iban: string | null;
  bic: string | null;
  footer: string | null;
};

export function saveInvoiceSettings(orgId: string, body: InvoiceSettingsBody) {
  return api<InvoiceSettingsDto>(`${org(orgId)}/invoice-settings`, { method: 'PUT', body });
}

/** Saves a file the server made under its own name. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A key that stays the same while one form is on screen, so a double submit creates one record. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The customers an invoice may address (parties with the customer role, archived ones left out). */
export function customersQuery(orgId: string) {
  return queryOptions({
    queryKey: ['orgs', orgId, 'parties', 'list', 'customers-for-invoices'],
    queryFn: ({ signal }) =>
      api<{ items: { id: string; name: string; kind: string; siren: string | null }[]; total: number }>(
        `${org(orgId)}/parties${queryString({ role: 'customer', archived: 'exclude', sort: 'name', limit: 500 })}`,
        { signal },
      ),
  });
}
