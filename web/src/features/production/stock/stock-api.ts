import { queryOptions } from '@tanstack/react-query';
import type {
  DeliveriesToIssueDto,
  ReorderDto,
  StockCardDto,
  StockCountDto,
  StockItemDto,
  StockStatusDto,
  VariationDto,
} from '../../../../../src/production/stock/contract.ts';
import { api, apiDownload, queryString } from '../../../api/client.ts';

// Stock and supplies (area 2, tasks 2.1.t1 and 2.3.t2; decision 0042).

export type {
  DeliveriesToIssueDto,
  ReorderDto,
  StockCardDto,
  StockCountDto,
  StockItemDto,
  StockStatusDto,
  VariationDto,
};

const base = (orgId: string) => `/api/v1/orgs/${encodeURIComponent(orgId)}/stock`;
const item = (orgId: string, itemId: string) => `${base(orgId)}/items/${encodeURIComponent(itemId)}`;
type Format = 'pdf' | 'xlsx' | 'csv';

export const stockKeys = { all: (orgId: string) => ['orgs', orgId, 'stock'] as const };

export const stockStatusQuery = (orgId: string, asOf?: string) =>
  queryOptions({
    queryKey: [...stockKeys.all(orgId), 'status', asOf ?? 'today'],
    queryFn: ({ signal }) => api<StockStatusDto>(`${base(orgId)}/items${queryString({ asOf })}`, { signal }),
  });

export const reorderQuery = (orgId: string, asOf?: string) =>
  queryOptions({
    queryKey: [...stockKeys.all(orgId), 'reorder', asOf ?? 'today'],
    queryFn: ({ signal }) => api<ReorderDto>(`${base(orgId)}/reorder${queryString({ asOf })}`, { signal }),
  });

export const stockCardQuery = (orgId: string, itemId: string) =>
  queryOptions({
    queryKey: [...stockKeys.all(orgId), 'card', itemId],
    queryFn: ({ signal }) => api<StockCardDto>(`${item(orgId, itemId)}/card`, { signal }),
  });

export const countsQuery = (orgId: string) =>
  queryOptions({
    queryKey: [...stockKeys.all(orgId), 'counts'],
    queryFn: ({ signal }) =>
      api<{ items: { id: string; date: string; status: 'open' | 'validated'; note: string | null }[] }>(
        `${base(orgId)}/counts`,
        { signal },
      ),
  });

export const countQuery = (orgId: string, countId: string) =>
  queryOptions({
    queryKey: [...stockKeys.all(orgId), 'count', countId],
    queryFn: ({ signal }) =>
      api<StockCountDto>(`${base(orgId)}/counts/${encodeURIComponent(countId)}`, { signal }),
  });

export const deliveriesQuery = (orgId: string) =>
  queryOptions({
    queryKey: [...stockKeys.all(orgId), 'deliveries'],
    queryFn: ({ signal }) => api<DeliveriesToIssueDto>(`${base(orgId)}/deliveries`, { signal }),
  });

export const variationsQuery = (orgId: string) =>
  queryOptions({
    queryKey: [...stockKeys.all(orgId), 'variations'],
    queryFn: ({ signal }) => api<{ items: VariationDto[] }>(`${base(orgId)}/variations`, { signal }),
  });

export type StockItemBody = {
  code: string;
  label: string;
  category: 'goods' | 'supplies';
  catalogueItemId: string | null;
  unit: string;
  reorderPoint: string;
  safetyStock: string;
  reorderQuantity: string;
  supplierId: string | null;
  location: string | null;
};
export const createStockItem = (orgId: string, body: StockItemBody) =>
  api<StockItemDto>(`${base(orgId)}/items`, { method: 'POST', body });

export type MovementBody = {
  kind: 'entry' | 'exit';
  date: string;
  quantity: string;
  unitCost: number | null;
  partyId: string | null;
  recipient: string | null;
  reference: string | null;
};
export const recordMovement = (orgId: string, itemId: string, body: MovementBody) =>
  api<StockCardDto>(`${item(orgId, itemId)}/movements`, { method: 'POST', body });
export const correctMovement = (orgId: string, itemId: string, movementId: string) =>
  api<StockCardDto>(`${item(orgId, itemId)}/movements/${encodeURIComponent(movementId)}/correction`, {
    method: 'POST',
    body: {},
  });

export const openCount = (orgId: string, date: string) =>
  api<StockCountDto>(`${base(orgId)}/counts`, { method: 'POST', body: { date } });
export const saveCount = (
  orgId: string,
  countId: string,
  lines: { itemId: string; countedQuantity: string | null }[],
) =>
  api<StockCountDto>(`${base(orgId)}/counts/${encodeURIComponent(countId)}/lines`, {
    method: 'PUT',
    body: { lines },
  });
export const validateCount = (orgId: string, countId: string) =>
  api<StockCountDto>(`${base(orgId)}/counts/${encodeURIComponent(countId)}/validate`, { method: 'POST' });

export const issueDeliveries = (orgId: string, lineIds: string[]) =>
  api<{ issued: number }>(`${base(orgId)}/deliveries/issue`, { method: 'POST', body: { lineIds } });

export const postVariation = (orgId: string, date: string, includeSupplies: boolean) =>
  api<VariationDto>(`${base(orgId)}/variations`, { method: 'POST', body: { date, includeSupplies } });

export const downloadStockCard = (orgId: string, itemId: string, format: Format) =>
  apiDownload(`${item(orgId, itemId)}/card/export${queryString({ format })}`);
export const downloadStatus = (orgId: string, asOf: string | undefined, format: Format) =>
  apiDownload(`${base(orgId)}/items/export${queryString({ asOf, format })}`);
export const downloadReorder = (orgId: string, asOf: string | undefined, format: Format) =>
  apiDownload(`${base(orgId)}/reorder/export${queryString({ asOf, format })}`);

/** « 2.5 » → « 2,5 ». */
export const quantityFr = (text: string) => text.replace('.', ',').replace('-', '−');

/** « 12,50 » typed in the form → 1250 cents; null when it is not an amount. */
export function centsOf(text: string): number | null {
  const match = /^\s*(\d+)(?:[.,](\d{1,2}))?\s*$/.exec(text.replace(/\s/g, ''));
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** Parties with the supplier role: the preferred supplier of an item, the supplier of a receipt. */
export const stockSuppliersQuery = (orgId: string) =>
  queryOptions({
    queryKey: ['orgs', orgId, 'parties', 'list', 'suppliers-for-stock'],
    queryFn: ({ signal }) =>
      api<{ items: { id: string; name: string }[]; total: number }>(
        `/api/v1/orgs/${encodeURIComponent(orgId)}/parties${queryString({ role: 'supplier', archived: 'exclude', sort: 'name', limit: 500 })}`,
        { signal },
      ),
  });

export const updateStockItem = (orgId: string, itemId: string, body: StockItemBody) =>
  api<StockItemDto>(item(orgId, itemId), { method: 'PUT', body });
