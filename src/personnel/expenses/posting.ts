import type { EntryLineInput, PostingInput } from '../../ledger/index.ts';

// The entries of expense reports, pure (decision 0037). A validated report goes to the OD journal — it is
// not a supplier's invoice and the employee is not a supplier: debit 6251/6256 excl. recoverable VAT,
// debit 44566 the VAT of the receipts, credit 467 the employee's claim. 467 rather than 421: 421 is what
// payroll owes as net pay and is reconciled with the payslips; expenses paid by transfer outside the payslip
// would blur it. The travel order's advance debits the same 467, so advance, report and reimbursement
// letter together on one account.

export const GENERAL_JOURNAL = 'OD';
export const BANK_JOURNAL = 'BQ';
export const EMPLOYEE_ACCOUNT = '467';
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

export function reportPosting(report: {
  id: string;
  number: string;
  employeeName: string;
  reportDate: string;
  lines: readonly { account: string; amount: number; vat: number }[];
}): PostingInput {
  const label = `Note de frais ${report.number} – ${report.employeeName}`.slice(0, 200);
  const byAccount = new Map<string, number>();
  let vat = 0;
  let total = 0;
  for (const l of report.lines) {
    byAccount.set(l.account, (byAccount.get(l.account) ?? 0) + l.amount - l.vat);
    vat += l.vat;
    total += l.amount;
  }
  const lines = [...byAccount]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([a, amount]) => line(a, amount, 0, label));
  lines.push(line(INPUT_VAT_ACCOUNT, vat, 0, `TVA déductible – ${report.number}`));
  lines.push(line(EMPLOYEE_ACCOUNT, 0, total, label));
  return {
    journal: GENERAL_JOURNAL,
    date: report.reportDate,
    label,
    voucherRef: report.number,
    voucherDate: report.reportDate,
    lines: lines.filter((l) => l.debit !== 0 || l.credit !== 0),
    sourceRef: `personnel.expense_report:${report.id}`,
  };
}

const METHODS = { transfer: 'Virement', cheque: 'Chèque' } as const;

/**
 * A bank movement with the employee on 467: `amount` > 0 is paid to the employee (debit 467, credit 512),
 * < 0 is paid back by the employee (debit 512, credit 467).
 */
export function bankPosting(p: {
  sourceRef: string;
  voucherRef: string;
  label: string;
  date: string;
  method: keyof typeof METHODS;
  amount: number;
}): PostingInput {
  const label = `${METHODS[p.method]} ${p.label}`.slice(0, 200);
  const abs = Math.abs(p.amount);
  const out = p.amount > 0;
  return {
    journal: BANK_JOURNAL,
    date: p.date,
    label,
    voucherRef: p.voucherRef,
    voucherDate: p.date,
    lines: [
      line(EMPLOYEE_ACCOUNT, out ? abs : 0, out ? 0 : abs, label),
      line(BANK_ACCOUNT, out ? 0 : abs, out ? abs : 0, label),
    ],
    sourceRef: p.sourceRef,
  };
}
