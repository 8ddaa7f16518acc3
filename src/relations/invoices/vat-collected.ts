import { addDays } from '../../kernel/dates/index.ts';
import type { Db } from '../../kernel/db/index.ts';
import { divideRounded } from '../../kernel/money/index.ts';
import type { IssuedInvoice } from './factur-x/model.ts';
import { issuedInvoiceOf } from './invoice-read.ts';
import type { RelationsInvoiceLineTable, RelationsInvoiceTable } from './tables.ts';

// The output VAT that falls due over a period, from the sales documents (the ledger's 44571 holds the VAT
// invoiced, not when it falls due). CGI art. 269: the VAT of goods falls due on delivery — the invoice —
// and that of services on payment, unless the organisation opted for debits (the option is recorded on each
// invoice at validation, in its settings). So:
//  - goods, and services invoiced under the option: the invoice's (or credit note's) VAT on its issue date;
//  - services without the option: the share of the invoice paid during the period. The share is taken as
//    cumulative amounts (VAT × paid by the end / total − VAT × paid before the start, each rounded), so the
//    parts of several payments add up to the invoice's VAT to the cent, and a receipt cancelled later takes
//    its share back in the period of its cancellation.
// A credit note on services without the option changes no VAT by itself (no money came in for what it
// cancels); if it refunds a paid invoice, the refund is a regularisation the accountant enters (listed).

/** Output VAT of one rate over the period: base excl. VAT and VAT, in cents. */
export type CollectedRate = { rate: number; base: number; vat: number };

export type CollectedVat = {
  /** Standard-rated operations, one row per rate, highest first. */
  rates: CollectedRate[];
  /** Exempt operations (VAT category E), excl. VAT: CA3 line E2. */
  exemptBase: number;
  /** Credit notes on services without the option for debits: left to the accountant. */
  creditNotesToReview: { number: string; issueDate: string; vat: number }[];
};

type Share = { goodsBase: number; goodsVat: number; servicesBase: number; servicesVat: number };

const shareOf = (amount: number, part: number, whole: number) =>
  whole === 0 ? 0 : Number(divideRounded(BigInt(amount) * BigInt(part), BigInt(whole), 'halfUp'));

/** Per VAT group of the invoice, its base and VAT split between goods and services in proportion to nets. */
function splitByNature(invoice: IssuedInvoice): Map<string, Share & { category: string; rate: number }> {
  const groups = new Map<string, Share & { category: string; rate: number }>();
  for (const group of invoice.totals.vatBreakdown) {
    const members = invoice.lines.filter(
      (l) => l.vat.category === group.category && l.vat.rate === group.rate,
    );
    const servicesNet = members.filter((l) => l.kind === 'service').reduce((s, l) => s + l.amounts.net, 0);
    const net = members.reduce((s, l) => s + l.amounts.net, 0);
    const servicesBase = shareOf(group.taxableAmount, servicesNet, net);
    const servicesVat = shareOf(group.vatAmount, servicesNet, net);
    groups.set(`${group.category}:${group.rate}`, {
      category: group.category,
      rate: group.rate,
      servicesBase,
      servicesVat,
      goodsBase: group.taxableAmount - servicesBase,
      goodsVat: group.vatAmount - servicesVat,
    });
  }
  return groups;
}

/** Output VAT due from `from` to `to` (inclusive ISO dates), per rate. */
export async function collectedVat(db: Db, orgId: string, from: string, to: string): Promise<CollectedVat> {
  const rates = new Map<number, CollectedRate>();
  let exemptBase = 0;
  const creditNotesToReview: CollectedVat['creditNotesToReview'] = [];
  const add = (category: string, rate: number, base: number, vat: number) => {
    if (category === 'E') exemptBase += base;
    if (category !== 'S' || (base === 0 && vat === 0)) return;
    const row = rates.get(rate) ?? { rate, base: 0, vat: 0 };
    row.base += base;
    row.vat += vat;
    rates.set(rate, row);
  };

  // Documents issued in the period, and invoices with a payment or a cancelled payment in it.
  const issued = await db
    .selectFrom('relations_invoice')
    .select('id')
    .where('org_id', '=', orgId)
    .where('status', '=', 'validated')
    .where('issue_date', '>=', from)
    .where('issue_date', '<=', to)
    .execute();
  const paid = await db
    .selectFrom('relations_receipt_allocation as a')
    .innerJoin('relations_receipt as r', (j) =>
      j.onRef('r.org_id', '=', 'a.org_id').onRef('r.id', '=', 'a.receipt_id'),
    )
    .select('a.invoice_id as id')
    .distinct()
    .where('a.org_id', '=', orgId)
    .where((eb) =>
      eb.or([
        eb.and([eb('r.receipt_date', '>=', from), eb('r.receipt_date', '<=', to)]),
        eb.and([eb('r.cancelled_on', '>=', from), eb('r.cancelled_on', '<=', to)]),
      ]),
    )
    .execute();
  const ids = [...new Set([...issued, ...paid].map((r) => r.id))];
  if (ids.length === 0) return { rates: [], exemptBase: 0, creditNotesToReview };

  const rows: RelationsInvoiceTable[] = [];
  const lines = new Map<string, RelationsInvoiceLineTable[]>();
  const allocations = new Map<
    string,
    { amount: number; receipt_date: string; cancelled_on: string | null }[]
  >();
  // In slices: SQLite takes at most 32,766 parameters, and a year of invoices may exceed them.
  for (let start = 0; start < ids.length; start += 500) {
    const slice = ids.slice(start, start + 500);
    rows.push(
      ...(await db
        .selectFrom('relations_invoice')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('id', 'in', slice)
        .execute()),
    );
    for (const line of await db
      .selectFrom('relations_invoice_line')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('invoice_id', 'in', slice)
      .orderBy('position')
      .execute())
      lines.set(line.invoice_id, [...(lines.get(line.invoice_id) ?? []), line]);
    for (const a of await db
      .selectFrom('relations_receipt_allocation as a')
      .innerJoin('relations_receipt as r', (j) =>
        j.onRef('r.org_id', '=', 'a.org_id').onRef('r.id', '=', 'a.receipt_id'),
      )
      .select(['a.invoice_id', 'a.amount', 'r.receipt_date', 'r.cancelled_on'])
      .where('a.org_id', '=', orgId)
      .where('a.invoice_id', 'in', slice)
      .execute())
      allocations.set(a.invoice_id, [
        ...(allocations.get(a.invoice_id) ?? []),
        { amount: Number(a.amount), receipt_date: a.receipt_date, cancelled_on: a.cancelled_on },
      ]);
  }

  // Paid on `asOf`: allocations of receipts dated by then and not cancelled by then.
  const paidBy = (id: string, asOf: string) =>
    (allocations.get(id) ?? [])
      .filter((a) => a.receipt_date <= asOf && !(a.cancelled_on !== null && a.cancelled_on <= asOf))
      .reduce((s, a) => s + a.amount, 0);
  const dayBefore = addDays(from, -1);

  for (const row of rows.sort((a, b) => (a.number ?? '').localeCompare(b.number ?? ''))) {
    const invoice = issuedInvoiceOf({ row, lines: lines.get(row.id) ?? [] }, null);
    const sign = invoice.kind === 'credit_note' ? -1 : 1;
    const onDebits = invoice.issued.settings.vatOnDebits;
    const inPeriod = invoice.issueDate >= from && invoice.issueDate <= to;
    const total = invoice.totals.grandTotal;
    for (const share of splitByNature(invoice).values()) {
      if (inPeriod)
        add(
          share.category,
          share.rate,
          sign * (share.goodsBase + (onDebits ? share.servicesBase : 0)),
          sign * (share.goodsVat + (onDebits ? share.servicesVat : 0)),
        );
      if (onDebits || (share.servicesBase === 0 && share.servicesVat === 0)) continue;
      if (invoice.kind === 'credit_note') {
        if (inPeriod) {
          // One row per credit note, its services' VAT of every rate added up.
          const listed = creditNotesToReview.find((c) => c.number === invoice.number);
          if (listed) listed.vat += share.servicesVat;
          else
            creditNotesToReview.push({
              number: invoice.number,
              issueDate: invoice.issueDate,
              vat: share.servicesVat,
            });
        }
        continue;
      }
      // Services without the option: what the period's payments (net of cancellations) paid of them.
      const after = Math.min(paidBy(row.id, to), total);
      const before = Math.min(paidBy(row.id, dayBefore), total);
      if (after === before) continue;
      add(
        share.category,
        share.rate,
        shareOf(share.servicesBase, after, total) - shareOf(share.servicesBase, before, total),
        shareOf(share.servicesVat, after, total) - shareOf(share.servicesVat, before, total),
      );
    }
  }
  return { rates: [...rates.values()].sort((a, b) => b.rate - a.rate), exemptBase, creditNotesToReview };
}
