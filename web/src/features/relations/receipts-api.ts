import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type {
  AgedReceivablesDto,
  CreditUseDto,
  CustomerCreditDto,
  DepositSlipDto,
  PaymentMethod,
  ReceiptDto,
  ReceiptPage,
} from '../../../../src/relations/receipts/contract.ts';
import type { ReminderDto } from '../../../../src/relations/reminders/contract.ts';
import { api, apiDownload, queryString } from '../../api/client.ts';
import { PAGE_SIZE } from './relations-api.ts';

// Receipts, cheque deposit slips, receivables and reminders (activity 1.2, follow-up of receipts).

const org = (orgId: string) => `/api/v1/orgs/${encodeURIComponent(orgId)}`;

export const receiptKeys = {
  all: (orgId: string) => ['orgs', orgId, 'receipts'] as const,
  receivables: (orgId: string) => ['orgs', orgId, 'receivables'] as const,
  slips: (orgId: string) => ['orgs', orgId, 'deposit-slips'] as const,
  reminders: (orgId: string) => ['orgs', orgId, 'reminders'] as const,
};

export function receiptListQuery(orgId: string, page: number, undeposited = false) {
  return queryOptions({
    queryKey: [...receiptKeys.all(orgId), 'list', page, undeposited],
    queryFn: ({ signal }) =>
      api<ReceiptPage>(
        `${org(orgId)}/receipts${queryString({
          undeposited: undeposited ? 'true' : undefined,
          limit: undeposited ? 500 : PAGE_SIZE,
          offset: undeposited ? 0 : (page - 1) * PAGE_SIZE,
        })}`,
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
}

export function receivablesQuery(orgId: string, customerId?: string) {
  return queryOptions({
    queryKey: [...receiptKeys.receivables(orgId), customerId ?? 'all'],
    queryFn: ({ signal }) =>
      api<AgedReceivablesDto>(`${org(orgId)}/receivables${queryString({ customerId })}`, { signal }),
  });
}

export type ReceiptBody = {
  customerId: string;
  date: string;
  method: PaymentMethod;
  amount: number;
  reference: string | null;
  allocations: { invoiceId: string; amount: number }[];
  excess: 'keep_as_credit' | null;
};

export function recordReceipt(orgId: string, body: ReceiptBody, idempotencyKey: string) {
  return api<ReceiptDto>(`${org(orgId)}/receipts`, {
    method: 'POST',
    body,
    headers: { 'idempotency-key': idempotencyKey },
  });
}

export function cancelReceipt(orgId: string, receiptId: string, date: string) {
  return api<ReceiptDto>(`${org(orgId)}/receipts/${encodeURIComponent(receiptId)}/cancel`, {
    method: 'POST',
    body: { date },
  });
}

export function depositSlipsQuery(orgId: string) {
  return queryOptions({
    queryKey: receiptKeys.slips(orgId),
    queryFn: ({ signal }) => api<{ items: DepositSlipDto[] }>(`${org(orgId)}/deposit-slips`, { signal }),
  });
}

export function createDepositSlip(orgId: string, date: string, receiptIds: string[], idempotencyKey: string) {
  return api<DepositSlipDto>(`${org(orgId)}/deposit-slips`, {
    method: 'POST',
    body: { date, receiptIds },
    headers: { 'idempotency-key': idempotencyKey },
  });
}

export function downloadDepositSlip(orgId: string, slipId: string) {
  return apiDownload(`${org(orgId)}/deposit-slips/${encodeURIComponent(slipId)}/pdf`);
}

export function remindersQuery(orgId: string, customerId: string | undefined) {
  return queryOptions({
    queryKey: [...receiptKeys.reminders(orgId), customerId ?? 'all'],
    queryFn: ({ signal }) =>
      api<{ items: ReminderDto[] }>(`${org(orgId)}/reminders${queryString({ customerId })}`, { signal }),
  });
}

export type ReminderBody = {
  customerId: string;
  level: 1 | 2 | 3;
  date: string | null;
  channel: 'letter' | 'email';
  emailTo: string | null;
};

export function createReminder(orgId: string, body: ReminderBody, idempotencyKey: string) {
  return api<ReminderDto>(`${org(orgId)}/reminders`, {
    method: 'POST',
    body,
    headers: { 'idempotency-key': idempotencyKey },
  });
}

export function downloadReminder(orgId: string, reminderId: string) {
  return apiDownload(`${org(orgId)}/reminders/${encodeURIComponent(reminderId)}/pdf`);
}

/** A customer's credit not used yet (payments kept as credit). */
export function customerCreditQuery(orgId: string, customerId: string) {
  return queryOptions({
    queryKey: [...receiptKeys.all(orgId), 'credit', customerId],
    queryFn: ({ signal }) =>
      api<CustomerCreditDto>(`${org(orgId)}/customers/${encodeURIComponent(customerId)}/credit`, { signal }),
  });
}

/** « Imputer le crédit client » on a validated invoice. */
export function applyCustomerCredit(orgId: string, invoiceId: string, amount: number) {
  return api<CreditUseDto>(`${org(orgId)}/invoices/${encodeURIComponent(invoiceId)}/customer-credit`, {
    method: 'POST',
    body: { amount },
  });
}
