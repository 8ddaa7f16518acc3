import type { EntryLineInput, PostingInput } from '../../ledger/index.ts';
import type { Collector } from './payslip-calc.ts';

// The payroll entry of a validated month, pure (decision 0036), in journal PA on the last day of the month:
//   debit 6411 the gross pay;
//   debit each employer-contribution account its share — 6451 URSSAF, 6453 retraite complémentaire,
//     6454 assurance chômage and AGS, 6333 formation professionnelle and taxe d'apprentissage, 6331 versement
//     mobilité — the RGDU reducing 6451 and 6453 (its URSSAF and Agirc-Arrco parts);
//   credit 431 everything URSSAF collects (employee and employer contributions, CSG/CRDS, chômage, AGS,
//     formation, apprentissage, mobilité, less the RGDU), 437 what Agirc-Arrco collects;
//   credit 4421 the withholding tax and 421 each employee's net to pay.
// The payment: debit 421 per employee, credit 512 the total; the 421 lines are lettered together.

export const PAYROLL_JOURNAL = 'PA';
export const BANK_JOURNAL = 'BQ';
export const GROSS_ACCOUNT = '6411';
export const NET_PAY_ACCOUNT = '421';
export const WITHHOLDING_ACCOUNT = '4421';
export const BANK_ACCOUNT = '512';
export const COLLECTOR_ACCOUNTS: Record<Collector, string> = { urssaf: '431', agirc_arrco: '437' };

const ACCOUNT_LABELS: Record<string, string> = {
  '6451': 'Cotisations URSSAF',
  '6453': 'Cotisations retraite complémentaire',
  '6454': 'Cotisations assurance chômage et AGS',
  '6333': 'Formation professionnelle et taxe d’apprentissage',
  '6331': 'Versement mobilité',
  '431': 'URSSAF',
  '437': 'Agirc-Arrco',
};

type PostedPayslip = {
  number: string;
  name: string;
  gross: number;
  withholdingTax: number;
  netToPay: number;
  lines: readonly {
    collector: Collector;
    expenseAccount: string;
    employeeAmount: number;
    employerAmount: number;
  }[];
};

const line = (account: string, amount: number, label: string): EntryLineInput => ({
  account,
  partyId: null,
  label: label.slice(0, 200),
  // A negative sum (a rounding cent of the RGDU above the pension contributions) goes to the other side.
  debit: Math.max(amount, 0),
  credit: Math.max(-amount, 0),
  dueDate: null,
});

export function payRunPosting(run: {
  id: string;
  monthLabel: string;
  date: string;
  payslips: readonly PostedPayslip[];
}): PostingInput {
  const label = `Salaires ${run.monthLabel}`;
  const expense = new Map<string, number>();
  const collected = new Map<string, number>();
  let gross = 0;
  let withholding = 0;
  for (const p of run.payslips) {
    gross += p.gross;
    withholding += p.withholdingTax;
    for (const l of p.lines) {
      expense.set(l.expenseAccount, (expense.get(l.expenseAccount) ?? 0) + l.employerAmount);
      const account = COLLECTOR_ACCOUNTS[l.collector];
      collected.set(account, (collected.get(account) ?? 0) + l.employeeAmount + l.employerAmount);
    }
  }
  const lines: EntryLineInput[] = [line(GROSS_ACCOUNT, gross, `Salaires bruts ${run.monthLabel}`)];
  for (const [account, amount] of [...expense].sort(([a], [b]) => a.localeCompare(b)))
    lines.push(line(account, amount, `${ACCOUNT_LABELS[account] ?? account} ${run.monthLabel}`));
  for (const [account, amount] of [...collected].sort(([a], [b]) => a.localeCompare(b)))
    lines.push(line(account, -amount, `${ACCOUNT_LABELS[account] ?? account} ${run.monthLabel}`));
  lines.push(line(WITHHOLDING_ACCOUNT, -withholding, `Prélèvement à la source ${run.monthLabel}`));
  for (const p of run.payslips)
    lines.push(line(NET_PAY_ACCOUNT, -p.netToPay, `Net à payer ${p.name} – ${p.number}`));
  return {
    journal: PAYROLL_JOURNAL,
    date: run.date,
    label,
    voucherRef: run.payslips.length === 1 ? run.payslips[0]!.number : `Paie ${run.monthLabel}`,
    voucherDate: run.date,
    lines: lines.filter((l) => l.debit !== 0 || l.credit !== 0),
    sourceRef: `personnel.pay_run:${run.id}`,
  };
}

export function payRunPaymentPosting(run: {
  id: string;
  monthLabel: string;
  date: string;
  payslips: readonly { number: string; name: string; netToPay: number }[];
}): PostingInput {
  const label = `Virement des salaires ${run.monthLabel}`;
  const total = run.payslips.reduce((s, p) => s + p.netToPay, 0);
  return {
    journal: BANK_JOURNAL,
    date: run.date,
    label,
    voucherRef: `Paie ${run.monthLabel}`,
    voucherDate: run.date,
    lines: [
      ...run.payslips.map((p) => line(NET_PAY_ACCOUNT, p.netToPay, `Salaire ${p.name} – ${p.number}`)),
      line(BANK_ACCOUNT, -total, label),
    ].filter((l) => l.debit !== 0 || l.credit !== 0),
    sourceRef: `personnel.pay_run_payment:${run.id}`,
  };
}
