import { allocate } from '../../kernel/money/index.ts';
import type { EntryLineInput, PostingInput } from '../../ledger/index.ts';
import { formatRate } from '../shared/vat-rates.ts';
import type { IssuedInvoice } from './factur-x/model.ts';
import { vatGroupKey } from './invoice-totals.ts';

// The sales entry of an issued invoice, pure: 411 (the customer's auxiliary account) for the total incl.
// VAT, 70x for the amounts excl. VAT per revenue account, 44571 for the VAT of each rate. A credit note is
// the same entry the other way round.

export const SALES_JOURNAL = 'VE';
export const RECEIVABLE_ACCOUNT = '411';
/** The chart (data/pcg.json) has 44571 « TVA collectée » only; one line per rate keeps the detail. */
export const OUTPUT_VAT_ACCOUNT = '44571';

function line(
  account: string,
  amount: number,
  label: string,
  extra: Partial<EntryLineInput> = {},
): EntryLineInput {
  // A negative amount (a credit note, or a negative line) goes to the other column: the ledger takes none.
  return {
    account,
    partyId: null,
    label,
    debit: Math.max(-amount, 0),
    credit: Math.max(amount, 0),
    dueDate: null,
    ...extra,
  };
}

/**
 * Revenue per account: each rate's document discount is spread over that rate's lines in proportion to
 * their net amounts (kernel `allocate`, so not a cent is lost), then summed per account.
 */
function revenueByAccount(invoice: IssuedInvoice, accounts: readonly string[]): Map<string, number> {
  const revenue = new Map<string, number>();
  for (const group of invoice.totals.vatBreakdown) {
    const key = vatGroupKey(group.category, group.rate);
    const members = invoice.lines
      .map((l, i) => ({
        net: l.amounts.net,
        account: accounts[i]!,
        key: vatGroupKey(l.vat.category, l.vat.rate),
      }))
      .filter((m) => m.key === key);
    let shares: number[];
    if (group.allowance === 0) shares = members.map(() => 0);
    else if (members.every((m) => m.net >= 0) && members.some((m) => m.net > 0))
      shares = allocate(
        group.allowance,
        members.map((m) => m.net),
      );
    else {
      // Mixed signs (a credit note line that re-bills): the whole discount goes on the largest line.
      const largest = members.reduce(
        (best, m, i) => (Math.abs(m.net) > Math.abs(members[best]!.net) ? i : best),
        0,
      );
      shares = members.map((_, i) => (i === largest ? group.allowance : 0));
    }
    members.forEach((m, i) => {
      revenue.set(m.account, (revenue.get(m.account) ?? 0) + m.net - shares[i]!);
    });
  }
  return revenue;
}

/** The posting of an issued invoice, or null when every amount is zero (nothing to record). */
export function invoicePosting(
  invoice: IssuedInvoice,
  refs: { invoiceId: string; customerId: string; revenueAccounts: readonly string[] },
): PostingInput | null {
  const sign = invoice.kind === 'credit_note' ? -1 : 1;
  const title = invoice.kind === 'credit_note' ? 'Avoir' : 'Facture';
  const label = `${title} ${invoice.number} – ${invoice.issued.customer.name}`.slice(0, 200);
  const lines: EntryLineInput[] = [];
  lines.push(
    line(RECEIVABLE_ACCOUNT, -sign * invoice.totals.grandTotal, label, {
      partyId: refs.customerId,
      dueDate: invoice.kind === 'invoice' ? invoice.dueDate : null,
    }),
  );
  for (const [account, amount] of [...revenueByAccount(invoice, refs.revenueAccounts)].sort(([a], [b]) =>
    a.localeCompare(b),
  ))
    lines.push(line(account, sign * amount, label));
  for (const group of invoice.totals.vatBreakdown)
    lines.push(
      line(
        OUTPUT_VAT_ACCOUNT,
        sign * group.vatAmount,
        `TVA collectée ${formatRate(group.rate)} % – ${invoice.number}`,
      ),
    );
  const nonZero = lines.filter((l) => l.debit !== 0 || l.credit !== 0);
  if (nonZero.length === 0) return null;
  return {
    journal: SALES_JOURNAL,
    date: invoice.issueDate,
    label,
    voucherRef: invoice.number,
    voucherDate: invoice.issueDate,
    lines: nonZero,
    sourceRef: `relations.invoice:${refs.invoiceId}`,
  };
}
