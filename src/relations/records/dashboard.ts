import { addMonths, startOfMonth } from '../../kernel/dates/index.ts';
import type { Db } from '../../kernel/db/index.ts';
import { allocate } from '../../kernel/money/index.ts';
import { agedBalance } from '../../ledger/index.ts';
import { orgToday } from '../requests/request.ts';
import type { DashboardDto, DashboardQuery } from './contract.ts';

// The commercial dashboard. Turnover is the validated invoices minus the validated credit notes,
// excluding VAT, by issue date: what the sales journal (70x) records, read from the invoices so it can be
// split by product and customer.

type Sale = {
  id: string;
  kind: 'invoice' | 'credit_note';
  customer_id: string;
  customer_name: string;
  issue_date: string;
  total_net: number;
};
type SaleLine = {
  invoice_id: string;
  item_id: string | null;
  code: string | null;
  label: string;
  net_amount: number;
};

/** Each line's share of the invoice's net total: the document discount spread as the ledger posts it. */
export function lineNets(totalNet: number, lines: readonly number[]): number[] {
  const sum = lines.reduce((a, b) => a + b, 0);
  const discount = sum - totalNet;
  if (discount === 0 || lines.length === 0) return [...lines];
  if (lines.every((n) => n >= 0) && lines.some((n) => n > 0)) {
    const shares = allocate(discount, lines);
    return lines.map((n, i) => n - shares[i]!);
  }
  const largest = lines.reduce((best, n, i) => (Math.abs(n) > Math.abs(lines[best]!) ? i : best), 0);
  return lines.map((n, i) => (i === largest ? n - discount : n));
}

/** Every month from `from` to `to`, as 'YYYY-MM'. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let d = startOfMonth(from); d <= to; d = addMonths(d, 1)) months.push(d.slice(0, 7));
  return months;
}

/**
 * Quotes are another feature; until it exists the rate is unknown. Kept one small function so the
 * quotes module can answer here (accepted ÷ sent over the period) without touching the rest.
 */
/**
 * Quotes issued in the period that reached the customer (sent, then accepted, refused or expired; drafts
 * do not count) and the share of them accepted.
 */
export async function quoteConversion(
  db: Db,
  orgId: string,
  period: { from: string; to: string },
): Promise<DashboardDto['quoteConversion']> {
  const rows = await db
    .selectFrom('relations_sales_document')
    .select(['status', (eb) => eb.cast<number>(eb.fn.countAll(), 'bigint').as('count')])
    .where('org_id', '=', orgId)
    .where('kind', '=', 'quote')
    .where('status', 'in', ['sent', 'accepted', 'refused', 'expired'])
    .where('issue_date', '>=', period.from)
    .where('issue_date', '<=', period.to)
    .groupBy('status')
    .execute();
  const quotes = rows.reduce((sum, r) => sum + Number(r.count), 0);
  const accepted = Number(rows.find((r) => r.status === 'accepted')?.count ?? 0);
  if (quotes === 0) return { rate: null, quotes: 0, accepted: 0, note: 'Aucun devis envoyé sur la période.' };
  return { rate: accepted / quotes, quotes, accepted, note: null };
}

export async function dashboard(db: Db, orgId: string, query: DashboardQuery): Promise<DashboardDto> {
  const today = await orgToday(db, orgId);
  const to = query.to ?? today;
  const from = query.from ?? `${to.slice(0, 4)}-01-01`;
  const sales = (await db
    .selectFrom('relations_invoice as i')
    .innerJoin('party as p', (j) => j.onRef('p.org_id', '=', 'i.org_id').onRef('p.id', '=', 'i.customer_id'))
    .select(['i.id', 'i.kind', 'i.customer_id', 'p.name as customer_name', 'i.issue_date', 'i.total_net'])
    .where('i.org_id', '=', orgId)
    .where('i.status', '=', 'validated')
    .where('i.issue_date', '>=', from)
    .where('i.issue_date', '<=', to)
    .execute()) as Sale[];
  const lines: SaleLine[] = [];
  const ids = sales.map((s) => s.id);
  for (let i = 0; i < ids.length; i += 500)
    lines.push(
      ...((await db
        .selectFrom('relations_invoice_line')
        .select(['invoice_id', 'item_id', 'code', 'label', 'net_amount'])
        .where('org_id', '=', orgId)
        .where('invoice_id', 'in', ids.slice(i, i + 500))
        .orderBy('invoice_id')
        .orderBy('position')
        .execute()) as SaleLine[]),
    );
  const linesOf = new Map<string, SaleLine[]>();
  for (const l of lines) linesOf.set(l.invoice_id, [...(linesOf.get(l.invoice_id) ?? []), l]);

  const byMonth = new Map(monthsBetween(from, to).map((m) => [m, 0]));
  const byProduct = new Map<string, { label: string; amount: number }>();
  const byCustomer = new Map<string, { name: string; amount: number }>();
  let turnover = 0;
  for (const sale of sales) {
    const sign = sale.kind === 'credit_note' ? -1 : 1;
    const net = sign * Number(sale.total_net);
    turnover += net;
    const month = String(sale.issue_date).slice(0, 7);
    byMonth.set(month, (byMonth.get(month) ?? 0) + net);
    const customer = byCustomer.get(sale.customer_id) ?? { name: sale.customer_name, amount: 0 };
    customer.amount += net;
    byCustomer.set(sale.customer_id, customer);
    const saleLines = linesOf.get(sale.id) ?? [];
    const nets = lineNets(
      Number(sale.total_net),
      saleLines.map((l) => Number(l.net_amount)),
    );
    saleLines.forEach((l, i) => {
      // A catalogue item is one product whatever its label says; free lines group by their label.
      const key = l.item_id ? `item:${l.item_id}` : `label:${l.label.trim().toLowerCase()}`;
      const product = byProduct.get(key) ?? { label: l.code ? `${l.code} – ${l.label}` : l.label, amount: 0 };
      product.amount += sign * nets[i]!;
      byProduct.set(key, product);
    });
  }
  const aged = await agedBalance(db, orgId, { kind: 'receivables', asOf: to });
  const desc = <T extends { amount: number }>(a: T, b: T) => b.amount - a.amount;
  return {
    from,
    to,
    turnover,
    turnoverByMonth: [...byMonth].map(([month, amount]) => ({ month, amount })),
    turnoverByProduct: [...byProduct].map(([key, p]) => ({ key, ...p })).sort(desc),
    topCustomers: [...byCustomer]
      .map(([partyId, c]) => ({ partyId, ...c }))
      .sort(desc)
      .slice(0, query.top),
    receivablesByAge: { asOf: aged.asOf, ...aged.totals },
    quoteConversion: await quoteConversion(db, orgId, { from, to }),
  };
}
