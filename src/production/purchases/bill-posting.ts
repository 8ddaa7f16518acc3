import type { EntryLineInput, PostingInput } from '../../ledger/index.ts';
import { formatRate } from '../../relations/index.ts';
import type { BillTotals } from './bill-totals.ts';

// The purchase entry of a validated supplier bill, pure: debit the expense (or fixed-asset) accounts
// excl. VAT, debit the deductible VAT of each rate — 44562 for what is bought as a fixed asset (class 2),
// 44566 for other goods and services, as the PCG and the VAT return (lines 19 and 20 of the CA3) separate
// them — and credit 401 on the supplier's auxiliary account for the total incl. VAT. Its payment: debit 401
// (the supplier), credit 512.

export const PURCHASES_JOURNAL = 'AC';
export const BANK_JOURNAL = 'BQ';
export const PAYABLE_ACCOUNT = '401';
/** « TVA déductible sur autres biens et services ». */
export const INPUT_VAT_ACCOUNT = '44566';
/** « TVA déductible sur immobilisations ». */
export const FIXED_ASSET_VAT_ACCOUNT = '44562';
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
  lines: readonly { account: string; netAmount: number; vatRate: number }[];
  totals: BillTotals;
}): PostingInput {
  const label = `Facture ${bill.supplierRef} – ${bill.supplierName}`.slice(0, 200);
  const byAccount = new Map<string, number>();
  for (const l of bill.lines) byAccount.set(l.account, (byAccount.get(l.account) ?? 0) + l.netAmount);
  const lines: EntryLineInput[] = [];
  // In the order the accounts first appear on the bill.
  for (const [account, amount] of byAccount) lines.push(line(account, amount, 0, label));
  for (const group of bill.totals.vatBreakdown) {
    // The VAT of a rate is rounded once on the rate's total (EN 16931); its fixed-asset share is the VAT of
    // the class 2 lines, rounded half up, and the rest goes to 44566, so the two add up to the bill's VAT.
    const assetBase = bill.lines
      .filter((l) => l.vatRate === group.rate && l.account.startsWith('2'))
      .reduce((sum, l) => sum + l.netAmount, 0);
    const assetVat =
      assetBase === group.base ? group.vat : Math.floor((assetBase * group.rate + 5_000) / 10_000);
    const rate = `${formatRate(group.rate)} % – ${bill.supplierRef}`;
    lines.push(line(FIXED_ASSET_VAT_ACCOUNT, assetVat, 0, `TVA déductible sur immobilisations ${rate}`));
    lines.push(line(INPUT_VAT_ACCOUNT, group.vat - assetVat, 0, `TVA déductible ${rate}`));
  }
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
