import { z } from 'zod';
import { text } from '../../kernel/validation/text.ts';
import { idField, optionalDate, optionalId, pageQuery, requiredText } from '../shared/contract-fields.ts';
import { optionalText } from '../shared/fields.ts';

export const complaintStatuses = ['open', 'in_progress', 'resolved', 'closed'] as const;
export const complaintResolutions = ['credit_note', 'replacement', 'refusal'] as const;

const ids = (what: string) => z.array(idField).max(50, `${what} : 50 au maximum.`).default([]);

export const complaintInput = z.object({
  partyId: idField,
  subject: requiredText('Objet', 200),
  description: requiredText('Description', 10000),
  /** Left empty: today. */
  receivedOn: optionalDate('Date de réception'),
  /** Left empty: 30 days after reception. */
  deadline: optionalDate('Date limite de traitement'),
  invoiceIds: ids('Factures liées'),
  documentIds: ids('Documents liés'),
});
export type ComplaintInput = z.output<typeof complaintInput>;

export const complaintUpdateInput = complaintInput.extend({
  status: z.enum(
    ['open', 'in_progress'],
    'Statut inconnu : open ou in_progress (résoudre a sa propre action).',
  ),
});
export type ComplaintUpdateInput = z.output<typeof complaintUpdateInput>;

export const complaintStepInput = z.object({
  stepDate: optionalDate('Date de l’étape'),
  note: requiredText('Note', 5000),
});
export type ComplaintStepInput = z.output<typeof complaintStepInput>;

export const complaintResolveInput = z.object({
  resolution: z.enum(complaintResolutions, 'Issue inconnue : credit_note, replacement ou refusal.'),
  /** The reasons; required for a refusal. */
  note: optionalText(5000),
  /** An existing credit note to the same customer. */
  creditNoteId: optionalId,
  /** Or: draft a credit note on this validated invoice now (the invoices module's createCreditNote). */
  creditInvoiceId: optionalId,
});
// The cross-field rules (reasons of a refusal, the credit note) are checked by resolveComplaint, after
// the complaint is found: an unknown complaint answers 404 whatever the body.
export type ComplaintResolveInput = z.output<typeof complaintResolveInput>;

export const complaintListQuery = z.object({
  status: z.enum(complaintStatuses, 'Statut inconnu.').optional(),
  partyId: text().max(64).optional(),
  ...pageQuery,
});
export type ComplaintListQuery = z.output<typeof complaintListQuery>;

export const complaintSummaryDto = z.object({
  id: z.string(),
  number: z.string(),
  partyId: z.string(),
  partyName: z.string(),
  subject: z.string(),
  receivedOn: z.string(),
  deadline: z.string().nullable(),
  overdue: z.boolean(),
  status: z.enum(complaintStatuses),
  resolution: z.enum(complaintResolutions).nullable(),
});
export type ComplaintSummaryDto = z.infer<typeof complaintSummaryDto>;

export const complaintDto = complaintSummaryDto.extend({
  description: z.string(),
  resolutionNote: z.string().nullable(),
  resolvedOn: z.string().nullable(),
  creditNote: z
    .object({ id: z.string(), number: z.string().nullable(), status: z.string(), total: z.number().int() })
    .nullable(),
  invoices: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      number: z.string().nullable(),
      issueDate: z.string().nullable(),
      total: z.number().int(),
    }),
  ),
  documents: z.array(z.object({ id: z.string(), fileName: z.string(), size: z.number().int() })),
  steps: z.array(z.object({ id: z.string(), stepDate: z.string(), note: z.string(), createdAt: z.string() })),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ComplaintDto = z.infer<typeof complaintDto>;

export const complaintPage = z.object({ items: z.array(complaintSummaryDto), total: z.number().int() });
export type ComplaintPage = z.infer<typeof complaintPage>;

export const complaintIdParams = z.object({ orgId: z.string().max(64), complaintId: idField });
