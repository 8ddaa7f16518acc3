import type { Db } from '../../kernel/db/index.ts';
import { notFound } from '../../kernel/errors/domain-error.ts';
import type { ReceiptDto, ReceiptListQuery, ReceiptPage } from './contract.ts';
import type { RelationsReceiptTable } from './tables.ts';

type Row = RelationsReceiptTable & { customer_name: string; slip_number: string | null };

function receiptsQuery(db: Db, orgId: string) {
  return db
    .selectFrom('relations_receipt as r')
    .innerJoin('party as p', (j) => j.onRef('p.org_id', '=', 'r.org_id').onRef('p.id', '=', 'r.customer_id'))
    .leftJoin('relations_deposit_slip as s', (j) =>
      j.onRef('s.org_id', '=', 'r.org_id').onRef('s.id', '=', 'r.deposit_slip_id'),
    )
    .where('r.org_id', '=', orgId);
}

async function toDtos(db: Db, orgId: string, rows: Row[]): Promise<ReceiptDto[]> {
  const ids = rows.map((r) => r.id);
  const allocations =
    ids.length === 0
      ? []
      : await db
          .selectFrom('relations_receipt_allocation as a')
          .innerJoin('relations_invoice as i', (j) =>
            j.onRef('i.org_id', '=', 'a.org_id').onRef('i.id', '=', 'a.invoice_id'),
          )
          .select(['a.receipt_id', 'a.invoice_id', 'i.number', 'a.amount'])
          .where('a.org_id', '=', orgId)
          .where('a.receipt_id', 'in', ids)
          .orderBy('i.number')
          .execute();
  return rows.map((r) => {
    const mine = allocations
      .filter((a) => a.receipt_id === r.id)
      .map((a) => ({ invoiceId: a.invoice_id, invoiceNumber: a.number!, amount: Number(a.amount) }));
    return {
      id: r.id,
      number: r.number,
      customerId: r.customer_id,
      customerName: r.customer_name,
      date: r.receipt_date,
      method: r.method,
      amount: Number(r.amount),
      reference: r.reference,
      allocated: mine.reduce((s, a) => s + a.amount, 0),
      unallocated: Number(r.unallocated),
      status: r.status,
      allocations: mine,
      ledgerEntryId: r.ledger_entry_id,
      depositSlipId: r.deposit_slip_id,
      depositSlipNumber: r.slip_number,
      cancelledOn: r.cancelled_on,
      cancellationEntryId: r.cancellation_entry_id,
      createdAt: r.created_at,
    };
  });
}

export async function getReceipt(db: Db, orgId: string, receiptId: string): Promise<ReceiptDto> {
  const row = await receiptsQuery(db, orgId)
    .selectAll('r')
    .select(['p.name as customer_name', 's.number as slip_number'])
    .where('r.id', '=', receiptId)
    .executeTakeFirst();
  if (!row) throw notFound('Encaissement');
  return (await toDtos(db, orgId, [row]))[0]!;
}

export async function listReceipts(db: Db, orgId: string, query: ReceiptListQuery): Promise<ReceiptPage> {
  let base = receiptsQuery(db, orgId);
  if (query.customerId) base = base.where('r.customer_id', '=', query.customerId);
  if (query.method) base = base.where('r.method', '=', query.method);
  if (query.undeposited === 'true')
    base = base
      .where('r.method', '=', 'cheque')
      .where('r.status', '=', 'validated')
      .where('r.deposit_slip_id', 'is', null);
  if (query.from) base = base.where('r.receipt_date', '>=', query.from);
  if (query.to) base = base.where('r.receipt_date', '<=', query.to);
  const { total } = await base
    .select((eb) => eb.cast<number>(eb.fn.countAll(), 'bigint').as('total'))
    .executeTakeFirstOrThrow();
  const rows = await base
    .selectAll('r')
    .select(['p.name as customer_name', 's.number as slip_number'])
    .orderBy('r.receipt_date', 'desc')
    .orderBy('r.number', 'desc')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  return { items: await toDtos(db, orgId, rows), total: Number(total) };
}
