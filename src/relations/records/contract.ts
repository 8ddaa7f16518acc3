import { z } from 'zod';
import { calendarDate, idField } from '../shared/contract-fields.ts';

// The customer file, the anomaly report and the commercial dashboard: read models over the relations
// module (and the ledger for what is settled). Amounts in cents, excluding VAT unless said otherwise.

export const fileItemDto = z.object({
  id: z.string(),
  date: z.string().nullable(),
  reference: z.string().nullable(),
  label: z.string(),
  status: z.string(),
  /** Cents; signed (a credit note is negative), null when the item has no amount. */
  amount: z.number().int().nullable(),
});
export type FileItemDto = z.infer<typeof fileItemDto>;

/** One part of the file; other modules (receipts…) add theirs to FILE_SECTIONS in customer-file.ts. */
export const fileSectionDto = z.object({
  key: z.string(),
  title: z.string(),
  count: z.number().int(),
  items: z.array(fileItemDto),
});
export type FileSectionDto = z.infer<typeof fileSectionDto>;

export const customerFileDto = z.object({
  party: z.object({
    id: z.string(),
    kind: z.string(),
    name: z.string(),
    roles: z.array(z.string()),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    siren: z.string().nullable(),
    archivedAt: z.string().nullable(),
  }),
  sections: z.array(fileSectionDto),
});
export type CustomerFileDto = z.infer<typeof customerFileDto>;

export const anomalyKinds = [
  'duplicate_siren',
  'duplicate_name_postcode',
  'duplicate_email',
  'missing_siren',
  'invalid_email',
  'invalid_phone',
  'overdue_invoice',
] as const;
export type AnomalyKind = (typeof anomalyKinds)[number];

export const anomalyDto = z.object({
  kind: z.enum(anomalyKinds),
  message: z.string(),
  partyIds: z.array(z.string()),
  invoiceId: z.string().nullable(),
});
export type AnomalyDto = z.infer<typeof anomalyDto>;

export const anomalyReportDto = z.object({
  asOf: z.string(),
  items: z.array(anomalyDto),
  counts: z.record(z.string(), z.number().int()),
});
export type AnomalyReportDto = z.infer<typeof anomalyReportDto>;

export const dashboardQuery = z
  .object({
    from: calendarDate('Date de début').optional(),
    to: calendarDate('Date de fin').optional(),
    top: z.coerce.number().int('Nombre entier attendu.').min(1).max(50).default(10),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: 'La date de début doit précéder la date de fin.',
    path: ['to'],
  });
export type DashboardQuery = z.output<typeof dashboardQuery>;

const agedBuckets = z.object({
  notDue: z.number().int(),
  days1to30: z.number().int(),
  days31to60: z.number().int(),
  days61to90: z.number().int(),
  over90: z.number().int(),
  total: z.number().int(),
});

export const dashboardDto = z.object({
  from: z.string(),
  to: z.string(),
  /** Validated invoices minus validated credit notes, excluding VAT, by issue date. */
  turnover: z.number().int(),
  turnoverByMonth: z.array(z.object({ month: z.string(), amount: z.number().int() })),
  turnoverByProduct: z.array(z.object({ key: z.string(), label: z.string(), amount: z.number().int() })),
  topCustomers: z.array(z.object({ partyId: z.string(), name: z.string(), amount: z.number().int() })),
  /** Open receivables (incl. VAT) from the ledger's aged balance at `to`. */
  receivablesByAge: agedBuckets.extend({ asOf: z.string() }),
  quoteConversion: z.object({
    rate: z.number().nullable(),
    quotes: z.number().int().nullable(),
    accepted: z.number().int().nullable(),
    note: z.string().nullable(),
  }),
});
export type DashboardDto = z.infer<typeof dashboardDto>;

export const partyFileParams = z.object({ orgId: z.string().max(64), partyId: idField });
