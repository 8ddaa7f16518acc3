import { queryOptions } from '@tanstack/react-query';
import type { AccountDto } from '../../../../src/ledger/accounts/contract.ts';
import type {
  AgedPayablesDto,
  BillDto,
  BillList,
  SupplierPaymentMethod,
} from '../../../../src/production/purchases/contract.ts';
import { api, queryString } from '../../api/client.ts';

// Supplier bills and their payments (area 2, activities 2.1 and 2.2).

const org = (orgId: string) => `/api/v1/orgs/${encodeURIComponent(orgId)}`;
const bill = (orgId: string, billId: string) => `${org(orgId)}/supplier-bills/${encodeURIComponent(billId)}`;

export const purchaseKeys = {
  all: (orgId: string) => ['orgs', orgId, 'supplier-bills'] as const,
};

export type BillFilter = 'draft' | 'to_pay' | 'partially_paid' | 'paid' | 'cancelled';

export function billListQuery(orgId: string, status: BillFilter | undefined) {
  return queryOptions({
    queryKey: [...purchaseKeys.all(orgId), 'list', status ?? 'all'],
    queryFn: ({ signal }) =>
      api<BillList>(`${org(orgId)}/supplier-bills${queryString({ status })}`, { signal }),
  });
}

export function billQuery(orgId: string, billId: string) {
  return queryOptions({
    queryKey: [...purchaseKeys.all(orgId), 'one', billId],
    queryFn: ({ signal }) => api<BillDto>(bill(orgId, billId), { signal }),
  });
}

type PartyItem = { id: string; name: string };

/** The roles that send bills (decision 0033); the parties list takes one role at a time. */
export const BILLING_ROLES = ['supplier', 'provider', 'subcontractor'] as const;

/** Merges the parties of each role: each once, by name. */
export function mergeParties(lists: readonly (readonly PartyItem[])[]): PartyItem[] {
  const byId = new Map<string, PartyItem>();
  for (const list of lists) for (const p of list) byId.set(p.id, p);
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'fr') || a.id.localeCompare(b.id));
}

export function suppliersQuery(orgId: string) {
  return queryOptions({
    queryKey: ['orgs', orgId, 'parties', 'list', 'suppliers-for-bills'],
    queryFn: async ({ signal }) => {
      const lists = await Promise.all(
        BILLING_ROLES.map((role) =>
          api<{ items: PartyItem[]; total: number }>(
            `${org(orgId)}/parties${queryString({ role, archived: 'exclude', sort: 'name', limit: 500 })}`,
            { signal },
          ),
        ),
      );
      const items = mergeParties(lists.map((l) => l.items));
      return { items, total: items.length };
    },
  });
}

export function payablesQuery(orgId: string) {
  return queryOptions({
    queryKey: [...purchaseKeys.all(orgId), 'payables'],
    queryFn: ({ signal }) => api<AgedPayablesDto>(`${org(orgId)}/payables`, { signal }),
  });
}

/** The chart's postable class 6 and class 2 accounts, for the lines of a bill. */
export function expenseAccountsQuery(orgId: string) {
  return queryOptions({
    queryKey: ['orgs', orgId, 'ledger', 'accounts', 'expense'],
    queryFn: async ({ signal }) => {
      const { items } = await api<{ items: AccountDto[] }>(
        `${org(orgId)}/ledger/accounts${queryString({ kind: 'general' })}`,
        { signal },
      );
      return items.filter((a) => a.postable && (a.class === 6 || a.class === 2));
    },
  });
}

export type BillBody = {
  supplierId: string;
  supplierRef: string;
  billDate: string;
  dueDate: string | null;
  lines: { label: string; account: string; netAmount: number; vatRate: number }[];
};

export const createBill = (orgId: string, body: BillBody) =>
  api<BillDto>(`${org(orgId)}/supplier-bills`, { method: 'POST', body });

export const validateBill = (orgId: string, billId: string) =>
  api<BillDto>(`${bill(orgId, billId)}/validate`, { method: 'POST' });

export const payBill = (
  orgId: string,
  billId: string,
  body: { date: string; method: SupplierPaymentMethod; amount: number; reference: string | null },
) => api<BillDto>(`${bill(orgId, billId)}/payments`, { method: 'POST', body });

export const cancelBill = (orgId: string, billId: string, date: string) =>
  api<BillDto>(`${bill(orgId, billId)}/cancel`, { method: 'POST', body: { date } });

export const cancelPayment = (orgId: string, billId: string, paymentId: string, date: string) =>
  api<BillDto>(`${bill(orgId, billId)}/payments/${encodeURIComponent(paymentId)}/cancel`, {
    method: 'POST',
    body: { date },
  });
