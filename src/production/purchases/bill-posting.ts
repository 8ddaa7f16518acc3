import type { EntryLineInput, PostingInput } from '../../ledger/index.ts';
import { formatRate } from '../../relations/index.ts';
import type { BillTotals } from './bill-totals.ts';

// The purchase entry of a validated supplier bill, pure: debit the expense (or fixed-asset) accounts
// excl. VAT, debit 44566 for the deductible VAT of each rate, credit 401 on the supplier's auxiliary
// account for the total incl. VAT. Its payment: debit 401 (the supplier), credit 512.

export const PURCHASES_JOURNAL = 'AC';
export const BANK_JOURNAL = 'BQ';
export const PAYABLE_ACCOUNT = '401';
/** « TVA déductible sur autres biens et services ». */
export const INPUT_VAT_ACCOUNT = '44566';
export const BANK_ACCOUNT = '512';

const line = (account: string, debit: number, credit: number, label: string): EntryLineInput => ({
  account,
  partyId: null,
  label,
  debit,
  credit,
  dueDate: null,
});

export function billPosting(bill: {
  id: string;
  number: string;
  supplierId: string;
  supplierName: string;
  supplierRef: string;
  billDate: string;
  dueDate: string | null;
  lines: readonly { account: string; netAmount: number }[];
  totals: BillTotals;
}): PostingInput {
  const label = `Facture ${bill.supplierRef} – ${bill.supplierName}`.slice(0, 200);
  const byAccount = new Map<string, number>();
  for (const l of bill.lines) byAccount.set(l.account, (byAccount.get(l.account) ?? 0) + l.netAmount);
  const lines: EntryLineInput[] = [];
  // In the order the accounts first appear on the bill.
  for (const [account, amount] of byAccount) lines.push(line(account, amount, 0, label));
  for (const group of bill.totals.vatBreakdown)
    lines.push(
      line(
        INPUT_VAT_ACCOUNT,
        group.vat,
        0,
        `TVA déductible ${formatRate(group.rate)} % – ${bill.supplierRef}`,
      ),
    );
  lines.push({
    ...line(PAYABLE_ACCOUNT, 0, bill.totals.total, label),
    partyId: bill.supplierId,
    dueDate: bill.dueDate,
  });
  return {
    journal: PURCHASES_JOURNAL,
    date: bill.billDate,
    label,
    voucherRef: bill.number,
    voucherDate: bill.billDate,
    lines: lines.filter((l) => l.debit !== 0 || l.credit !== 0),
    sourceRef: `production.supplier_bill:${bill.id}`,
  };
}

const METHOD_LABELS = { transfer: 'Virement', cheque: 'Chèque', direct_debit: 'Prélèvement' } as const;

export function paymentPosting(payment: {
  id: string;
  billNumber: string;
  supplierId: string;
  supplierName: string;
  supplierRef: string;
  date: string;
  method: keyof typeof METHOD_LABELS;
  amount: number;
}): PostingInput {
  const label =
    `${METHOD_LABELS[payment.method]} ${payment.supplierName} – facture ${payment.supplierRef}`.slice(0, 200);
  return {
    journal: BANK_JOURNAL,
    date: payment.date,
    label,
    voucherRef: payment.billNumber,
    voucherDate: payment.date,
    lines: [
      { ...line(PAYABLE_ACCOUNT, payment.amount, 0, label), partyId: payment.supplierId },
      line(BANK_ACCOUNT, 0, payment.amount, label),
    ],
    sourceRef: `production.supplier_payment:${payment.id}`,
  };
}
