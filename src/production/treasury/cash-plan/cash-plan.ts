import { addMonths, startOfMonth } from '../../../kernel/dates/index.ts';
import type { Db } from '../../../kernel/db/index.ts';
import { accountBalance, type OpenItem, openItems } from '../../../ledger/index.ts';
import type { CashPlanDto, CashPlanQuery, CashPlanRow } from './contract.ts';
import { listForecasts } from './forecasts.ts';

// The cash plan (decision 0047): the cash of the books at a date, then per month what should come in and go
// out. Everything is read from the ledger, so a plan holds for documents of every module and for books
// imported from a FEC alike; what the books cannot know comes from the forecast lines.

/** Cash accounts of the PCG read for the opening cash: banks, postal cheques, other financial bodies, cash
 * in hand, less bank overdrafts (519, credit balance). */
const CASH_ACCOUNTS = [
  { account: '512', label: 'Banques' },
  { account: '514', label: 'Chèques postaux' },
  { account: '517', label: 'Autres organismes financiers' },
  { account: '53', label: 'Caisse' },
  { account: '519', label: 'Concours bancaires courants' },
] as const;

const monthOf = (date: string) => date.slice(0, 7);

/**
 * What a party's open items leave to be paid, per due date: payments and credit notes not yet matched
 * (negative items) settle the oldest amounts first, as a customer's payment is applied to its oldest
 * invoice. A party left in credit adds nothing (a refund is not assumed).
 */
export function remainingByDue(items: readonly OpenItem[]): { due: string; amount: number }[] {
  const byParty = new Map<string, OpenItem[]>();
  for (const item of items) {
    const key = `${item.account}\u0000${item.auxiliary}`;
    const list = byParty.get(key) ?? [];
    list.push(item);
    byParty.set(key, list);
  }
  const remaining: { due: string; amount: number }[] = [];
  for (const list of byParty.values()) {
    let credit = -list.filter((i) => i.amount < 0).reduce((sum, i) => sum + i.amount, 0);
    const owed = list
      .filter((i) => i.amount > 0)
      .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
    for (const item of owed) {
      const settled = Math.min(credit, item.amount);
      credit -= settled;
      if (item.amount > settled) remaining.push({ due: item.due, amount: item.amount - settled });
    }
  }
  return remaining;
}

/** The plan's months, from the month of `asOf`. */
function monthsFrom(asOf: string, count: number): string[] {
  const first = startOfMonth(asOf);
  return Array.from({ length: count }, (_, i) => monthOf(addMonths(first, i)));
}

export async function cashPlan(
  db: Db,
  orgId: string,
  query: CashPlanQuery,
  today: string,
): Promise<CashPlanDto> {
  const asOf = query.asOf ?? today;
  const months = monthsFrom(asOf, query.months);
  const index = new Map(months.map((m, i) => [m, i]));
  const balance = (accountPrefix: string) => accountBalance(db, orgId, { accountPrefix, asOf });
  const zeros = () => months.map(() => 0);
  const rows: CashPlanRow[] = [];

  const cashAccounts = [];
  for (const { account, label } of CASH_ACCOUNTS) {
    const amount = await balance(account);
    if (amount !== 0 || account === '512') cashAccounts.push({ account, label, balance: amount });
  }
  const opening = cashAccounts.reduce((sum, a) => sum + a.balance, 0);

  // Open items by due date: what is due by `asOf` (late) is counted in the first month.
  const fromItems = async (
    kind: 'receivables' | 'payables',
    key: string,
    label: string,
    direction: 'in' | 'out',
  ) => {
    const amounts = zeros();
    let overdue = 0;
    for (const { due, amount } of remainingByDue(await openItems(db, orgId, { kind, asOf }))) {
      if (due < asOf) overdue += amount;
      const at = due <= asOf ? 0 : index.get(monthOf(due));
      if (at !== undefined) amounts[at]! += amount;
    }
    rows.push({
      key,
      label,
      direction,
      amounts,
      source: 'ledger',
      accounts: [kind === 'receivables' ? '41' : '40'],
      forecastId: null,
      overdue,
    });
  };
  // A balance owed at `asOf`, paid in one month of the plan.
  const fromBalance = (
    key: string,
    label: string,
    direction: 'in' | 'out',
    accounts: string[],
    amount: number,
    at: number,
  ) => {
    if (amount <= 0 || at >= months.length) return;
    const amounts = zeros();
    amounts[at] = amount;
    rows.push({ key, label, direction, amounts, source: 'ledger', accounts, forecastId: null, overdue: 0 });
  };

  await fromItems(
    'receivables',
    'customers',
    'Clients et autres débiteurs (créances échues et à échoir)',
    'in',
  );
  fromBalance('to-cash', 'Chèques et effets remis à l’encaissement', 'in', ['511'], await balance('511'), 0);
  await fromItems('payables', 'suppliers', 'Fournisseurs (dettes échues et à échoir)', 'out');
  // Credit balances are what is owed: minus the balance (debit − credit).
  fromBalance(
    'vat-due',
    'TVA à décaisser (déclaration déposée)',
    'out',
    ['44551'],
    -(await balance('44551')),
    0,
  );
  // The VAT of the period not yet declared: collected less deductible, paid with next month's return.
  const vatOfPeriod = -((await balance('4457')) + (await balance('4456')));
  fromBalance(
    'vat-period',
    'TVA de la période en cours (estimation)',
    'out',
    ['4457', '4456'],
    vatOfPeriod,
    1,
  );
  fromBalance('net-pay', 'Salaires nets à payer', 'out', ['421'], -(await balance('421')), 0);
  // Social contributions and the withholding tax are paid on the 15th of the month after the pay (DSN):
  // after the 15th, what is owed is the month's own pay, paid next month.
  const social = -((await balance('431')) + (await balance('437')) + (await balance('4421')));
  fromBalance(
    'social',
    'Cotisations sociales et prélèvement à la source',
    'out',
    ['431', '437', '4421'],
    social,
    Number(asOf.slice(8, 10)) <= 15 ? 0 : 1,
  );

  const forecasts = await listForecasts(db, orgId);
  for (const f of forecasts) {
    const amounts = zeros();
    for (let k = 0; k < f.occurrences; k++) {
      const at = index.get(monthOf(addMonths(`${f.firstMonth}-01`, k)));
      if (at !== undefined) amounts[at]! += f.amount;
    }
    if (amounts.some((a) => a !== 0))
      rows.push({
        key: `forecast:${f.id}`,
        label: f.label,
        direction: f.direction,
        amounts,
        source: 'forecast',
        accounts: [],
        forecastId: f.id,
        overdue: 0,
      });
  }
  // Receipts first, then disbursements, each in the order above.
  rows.sort((a, b) => (a.direction === b.direction ? 0 : a.direction === 'in' ? -1 : 1));
  const { totals, shortfall } = totalsOf(rows, months.length, opening);
  const firstShortfall = shortfall >= 0 ? months[shortfall]! : null;
  return { asOf, months, opening, cashAccounts, rows, totals, firstShortfall, forecasts };
}

function totalsOf(rows: readonly CashPlanRow[], count: number, opening: number) {
  const sum = (direction: 'in' | 'out') =>
    Array.from({ length: count }, (_, i) =>
      rows.filter((r) => r.direction === direction).reduce((total, r) => total + r.amounts[i]!, 0),
    );
  const receipts = sum('in');
  const disbursements = sum('out');
  const net = receipts.map((r, i) => r - disbursements[i]!);
  const start: number[] = [];
  const end: number[] = [];
  let cash = opening;
  for (const n of net) {
    start.push(cash);
    cash += n;
    end.push(cash);
  }
  return { totals: { receipts, disbursements, net, start, end }, shortfall: end.findIndex((e) => e < 0) };
}
