import { recordAudit } from '../../kernel/audit/audit.ts';
import { addDays, addMonths, compareDates } from '../../kernel/dates/index.ts';
import type { Db } from '../../kernel/db/index.ts';
import { createInvoiceDraft } from '../invoices/invoice.ts';
import { invoiceLineFrom } from '../sales/documents.ts';
import type { Periodicity } from '../sales/tables.ts';
import type { GeneratedInvoicesDto, GenerateInvoicesInput } from './contract.ts';
import { loadContract } from './contracts.ts';

// "Generate the invoices due up to date X": every period of every contract that has started by X and
// has no invoice yet gets an invoice draft. Idempotent: the unique index (contract, period start) of
// relations_sales_invoice refuses a second invoice for a period, and the loop skips periods already
// invoiced. Deleting a draft frees its period again.

const MONTHS: Record<Periodicity, number> = { monthly: 1, quarterly: 3, yearly: 12 };
/** A safety bound: a contract started 50 years ago invoiced monthly still stays well below it. */
const MAX_PERIODS = 1000;

export function periodsUpTo(
  contract: { start_date: string; end_date: string | null; periodicity: Periodicity },
  upTo: string,
): { start: string; end: string }[] {
  const periods: { start: string; end: string }[] = [];
  const step = MONTHS[contract.periodicity];
  for (let i = 0; i < MAX_PERIODS; i++) {
    // From the start date each time (not period after period), so 31 January stays the anchor.
    const start = addMonths(contract.start_date, i * step);
    if (compareDates(start, upTo) > 0) break;
    if (contract.end_date && compareDates(start, contract.end_date) > 0) break;
    let end = addDays(addMonths(contract.start_date, (i + 1) * step), -1);
    if (contract.end_date && compareDates(end, contract.end_date) > 0) end = contract.end_date;
    periods.push({ start, end });
  }
  return periods;
}

const fr = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

export async function generateContractInvoices(
  trx: Db,
  orgId: string,
  input: GenerateInvoicesInput,
  actorId: string | null,
  contractId?: string,
): Promise<GeneratedInvoicesDto> {
  let query = trx.selectFrom('relations_contract').select('id').where('org_id', '=', orgId);
  if (contractId) query = query.where('id', '=', contractId);
  const ids = (await query.orderBy('id').execute()).map((c) => c.id);
  if (contractId && ids.length === 0) await loadContract(trx, orgId, contractId); // 404
  // A write that changes nothing but locks the contracts (row locks on PostgreSQL, the write lock on
  // SQLite): a second run at the same moment waits, then finds the periods invoiced.
  if (ids.length > 0)
    await trx
      .updateTable('relations_contract')
      .set((eb) => ({ updated_at: eb.ref('updated_at') }))
      .where('org_id', '=', orgId)
      .where('id', 'in', ids)
      .execute();
  const created: GeneratedInvoicesDto['created'] = [];
  for (const id of ids) {
    const { row, lines } = await loadContract(trx, orgId, id);
    const done = new Set(
      (
        await trx
          .selectFrom('relations_sales_invoice')
          .select('period_start')
          .where('org_id', '=', orgId)
          .where('contract_id', '=', id)
          .execute()
      ).map((p) => String(p.period_start)),
    );
    for (const period of periodsUpTo(row, input.upTo)) {
      if (done.has(period.start)) continue;
      const label = `Période du ${fr(period.start)} au ${fr(period.end)}`;
      const invoice = await createInvoiceDraft(
        trx,
        orgId,
        {
          customerId: row.party_id,
          issueDate: null,
          deliveryDate: period.end,
          dueDate: null,
          paymentTerms: null,
          customerOrderRef: null,
          deliveryAddress: null,
          notes: `${row.label} – ${label}.${row.notes ? ` ${row.notes}` : ''}`.slice(0, 2000),
          documentDiscountPercent: Number(row.document_discount),
          lines: lines.map((l) => ({
            ...invoiceLineFrom(l, Number(l.quantity)),
            description: [l.description, label].filter(Boolean).join(' – ').slice(0, 1000),
          })),
        },
        actorId,
      );
      await trx
        .insertInto('relations_sales_invoice')
        .values({
          org_id: orgId,
          invoice_id: invoice.id,
          purpose: 'contract',
          order_id: null,
          contract_id: id,
          period_start: period.start,
          period_end: period.end,
        })
        .execute();
      created.push({
        invoiceId: invoice.id,
        contractId: id,
        periodStart: period.start,
        periodEnd: period.end,
      });
    }
  }
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'relations.contract.invoices_generated',
    entity: 'relations_contract',
    entityId: contractId ?? orgId,
    after: { upTo: input.upTo, created: created.length },
  });
  return { created };
}
