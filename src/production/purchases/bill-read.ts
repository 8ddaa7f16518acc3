import type { Db } from '../../kernel/db/index.ts';
import { notFound } from '../../kernel/errors/domain-error.ts';
import { billTotals } from './bill-totals.ts';
import type { BillDto, BillList, BillListQuery, BillPaymentStatus } from './contract.ts';
import type { ProductionSupplierBillTable } from './tables.ts';

type Row = ProductionSupplierBillTable & { supplier_name: string };

function billsQuery(db: Db, orgId: string) {
  return db
    .selectFrom('production_supplier_bill as b')
    .innerJoin('party as p', (j) => j.onRef('p.org_id', '=', 'b.org_id').onRef('p.id', '=', 'b.supplier_id'))
    .selectAll('b')
    .select('p.name as supplier_name')
    .where('b.org_id', '=', orgId);
}

function paymentStatusOf(status: Row['status'], total: number, paid: number): BillPaymentStatus | null {
  if (status !== 'validated') return null;
  if (paid === 0) return 'to_pay';
  return paid >= total ? 'paid' : 'partially_paid';
}

async function toDtos(db: Db, orgId: string, rows: Row[]): Promise<BillDto[]> {
  const ids = rows.map((r) => r.id);
  const [lines, payments] =
    ids.length === 0
      ? [[], []]
      : await Promise.all([
          db
            .selectFrom('production_supplier_bill_line')
            .selectAll()
            .where('org_id', '=', orgId)
            .where('bill_id', 'in', ids)
            .orderBy('position')
            .execute(),
          db
            .selectFrom('production_supplier_payment')
            .selectAll()
            .where('org_id', '=', orgId)
            .where('bill_id', 'in', ids)
            .orderBy('payment_date')
            .orderBy('id')
            .execute(),
        ]);
  return rows.map((r) => {
    const myLines = lines
      .filter((l) => l.bill_id === r.id)
      .map((l) => ({
        label: l.label,
        account: l.account,
        netAmount: Number(l.net_amount),
        vatRate: Number(l.vat_rate),
      }));
    const myPayments = payments
      .filter((p) => p.bill_id === r.id)
      .map((p) => ({
        id: p.id,
        date: String(p.payment_date),
        method: p.method,
        amount: Number(p.amount),
        reference: p.reference,
        ledgerEntryId: p.ledger_entry_id,
        cancelledOn: p.cancelled_on === null ? null : String(p.cancelled_on),
        cancellationEntryId: p.cancellation_entry_id,
      }));
    const total = Number(r.total);
    const paid = myPayments.filter((p) => p.cancelledOn === null).reduce((s, p) => s + p.amount, 0);
    return {
      id: r.id,
      status: r.status,
      paymentStatus: paymentStatusOf(r.status, total, paid),
      number: r.number,
      supplierId: r.supplier_id,
      supplierName: r.supplier_name,
      supplierRef: r.supplier_ref,
      billDate: String(r.bill_date),
      dueDate: r.due_date === null ? null : String(r.due_date),
      totalNet: Number(r.total_net),
      totalVat: Number(r.total_vat),
      total,
      paid,
      leftToPay: r.status === 'validated' ? total - paid : 0,
      vatBreakdown: billTotals(myLines).vatBreakdown,
      lines: myLines,
      payments: myPayments,
      ledgerEntryId: r.ledger_entry_id,
      cancellationEntryId: r.cancellation_entry_id,
      cancelledOn: r.cancelled_on === null ? null : String(r.cancelled_on),
    };
  });
}

export async function getBill(db: Db, orgId: string, billId: string): Promise<BillDto> {
  const row = await billsQuery(db, orgId).where('b.id', '=', billId).executeTakeFirst();
  if (!row) throw notFound('Facture fournisseur');
  return (await toDtos(db, orgId, [row]))[0]!;
}

export async function listBills(db: Db, orgId: string, query: BillListQuery = {}): Promise<BillList> {
  let select = billsQuery(db, orgId);
  if (query.status === 'draft' || query.status === 'cancelled')
    select = select.where('b.status', '=', query.status);
  else if (query.status) select = select.where('b.status', '=', 'validated');
  const rows = await select.orderBy('b.bill_date', 'desc').orderBy('b.id', 'desc').limit(1000).execute();
  const items = (await toDtos(db, orgId, rows))
    .filter((b) => !query.status || query.status === b.status || query.status === b.paymentStatus)
    .map(({ lines: _lines, payments: _payments, ...rest }) => rest);
  return { items };
}
