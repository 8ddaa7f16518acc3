import { compareDates, daysBetween, todayIn } from '../../kernel/dates/index.ts';
import type { Db } from '../../kernel/db/index.ts';
import { accountBalance } from '../../ledger/index.ts';
import { addToBuckets, emptyBuckets } from '../../relations/index.ts';
import { PAYABLE_ACCOUNT } from './bill-posting.ts';
import type { AgedPayablesDto, OpenBillDto, PayablesQuery } from './contract.ts';

// Aged payables (« dettes fournisseurs ») from the supplier bills, per supplier, as they stood on `asOf`,
// in the age buckets of receivables, and how they add up to the ledger: open bills = credit balance of 401
// on `asOf` (decision 0033). A gap is what was posted on 401 outside the bills (opening balances, manual
// entries).

export async function agedPayables(db: Db, orgId: string, query: PayablesQuery): Promise<AgedPayablesDto> {
  const asOf =
    query.asOf ??
    todayIn(
      (
        await db
          .selectFrom('organisation')
          .select('time_zone')
          .where('org_id', '=', orgId)
          .executeTakeFirstOrThrow()
      ).time_zone,
    );
  const rows = await db
    .selectFrom('production_supplier_bill as b')
    .innerJoin('party as p', (j) => j.onRef('p.org_id', '=', 'b.org_id').onRef('p.id', '=', 'b.supplier_id'))
    .select([
      'b.id',
      'b.number',
      'b.supplier_id',
      'p.name as supplier_name',
      'b.supplier_ref',
      'b.bill_date',
      'b.due_date',
      'b.total',
    ])
    .select((eb) =>
      eb
        .selectFrom('production_supplier_payment as sp')
        .select((e) =>
          e.cast<number>(e.fn.coalesce(e.fn.sum<number>('sp.amount'), e.lit(0)), 'bigint').as('s'),
        )
        .whereRef('sp.org_id', '=', 'b.org_id')
        .whereRef('sp.bill_id', '=', 'b.id')
        .where('sp.payment_date', '<=', asOf)
        // A payment cancelled after `asOf` had still been made on it.
        .where((e) => e.or([e('sp.cancelled_on', 'is', null), e('sp.cancelled_on', '>', asOf)]))
        .as('paid'),
    )
    .where('b.org_id', '=', orgId)
    .where('b.bill_date', '<=', asOf)
    // A bill cancelled after `asOf` was still owed on it (its reversal is dated later).
    .where((eb) =>
      eb.or([
        eb('b.status', '=', 'validated'),
        eb.and([eb('b.status', '=', 'cancelled'), eb('b.cancelled_on', '>', asOf)]),
      ]),
    )
    .$if(query.supplierId !== undefined, (q) => q.where('b.supplier_id', '=', query.supplierId!))
    .execute();

  const bills: OpenBillDto[] = [];
  for (const r of rows) {
    const total = Number(r.total);
    const paid = Number(r.paid ?? 0);
    if (total - paid <= 0) continue;
    const dueDate = r.due_date === null ? null : String(r.due_date);
    const reference = dueDate ?? String(r.bill_date);
    bills.push({
      billId: r.id,
      number: r.number!,
      supplierId: r.supplier_id,
      supplierName: r.supplier_name,
      supplierRef: r.supplier_ref,
      billDate: String(r.bill_date),
      dueDate,
      total,
      paid,
      leftToPay: total - paid,
      daysLate: compareDates(reference, asOf) < 0 ? daysBetween(reference, asOf) : 0,
    });
  }
  bills.sort(
    (a, b) =>
      a.supplierName.localeCompare(b.supplierName) ||
      (a.dueDate ?? a.billDate).localeCompare(b.dueDate ?? b.billDate) ||
      a.number.localeCompare(b.number),
  );

  const suppliers = new Map<string, AgedPayablesDto['suppliers'][number]>();
  const totals = emptyBuckets();
  for (const bill of bills) {
    let row = suppliers.get(bill.supplierId);
    if (!row) {
      row = { supplierId: bill.supplierId, supplierName: bill.supplierName, ...emptyBuckets() };
      suppliers.set(bill.supplierId, row);
    }
    addToBuckets(row, bill.leftToPay, bill.daysLate, bill.daysLate > 0);
    addToBuckets(totals, bill.leftToPay, bill.daysLate, bill.daysLate > 0);
  }

  // 401 is a liability: what is owed is its credit balance (accountBalance gives debit − credit).
  const ledgerBalance = -(await accountBalance(db, orgId, {
    accountPrefix: PAYABLE_ACCOUNT,
    asOf,
    partyId: query.supplierId,
  }));
  return {
    asOf,
    suppliers: [...suppliers.values()],
    totals,
    bills,
    reconciliation: {
      openBills: totals.total,
      account: PAYABLE_ACCOUNT,
      ledgerBalance,
      difference: totals.total - ledgerBalance,
    },
  };
}
