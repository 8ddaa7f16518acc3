// The PCG's abridged financial statements (système abrégé), as data: which accounts feed which line.
// Sources: PCG (règlement ANC n° 2014-03 consolidé au 1er janvier 2025), titre VIII « Modèles de documents
// de synthèse » — art. 822-1 (bilan du système abrégé) and art. 822-2 (compte de résultat du système
// abrégé); the accounts of each line follow the list of accounts (art. 932-1) and the « tableau de
// correspondance » of the base model (art. 821-1 and 821-3), which the abridged model only groups.
// Matching is by the LONGEST prefix, so « 6817 » beats « 681 » beats « 68 » beats « 6 »: every account of
// classes 1 to 7 lands on exactly one line, which is what makes the balance sheet balance by construction.

export type StatementSide = 'assets' | 'liabilities' | 'expenses' | 'income';

export type StatementLine = { key: string; label: string; section: string };

/** A prefix of account numbers and its line; `credit` when the line depends on the sign of the balance. */
export type Mapping = { prefix: string; line: string; credit?: string };

export const SECTIONS: Record<StatementSide, { key: string; label: string }[]> = {
  // Art. 822-2: charges and produits each split into exploitation, financier, exceptionnel.
  expenses: [
    { key: 'operatingExpenses', label: 'Charges d’exploitation' },
    { key: 'financialExpenses', label: 'Charges financières' },
    { key: 'exceptionalExpenses', label: 'Charges exceptionnelles' },
    { key: 'taxAndParticipation', label: 'Participation et impôts sur les bénéfices' },
  ],
  income: [
    { key: 'operatingIncome', label: 'Produits d’exploitation' },
    { key: 'financialIncome', label: 'Produits financiers' },
    { key: 'exceptionalIncome', label: 'Produits exceptionnels' },
  ],
  // Art. 822-1: actif immobilisé / circulant; capitaux propres, provisions, dettes.
  assets: [
    { key: 'fixedAssets', label: 'Actif immobilisé' },
    { key: 'currentAssets', label: 'Actif circulant' },
  ],
  liabilities: [
    { key: 'equity', label: 'Capitaux propres' },
    { key: 'provisions', label: 'Provisions' },
    { key: 'debts', label: 'Dettes' },
  ],
};

export const LINES: Record<StatementSide, StatementLine[]> = {
  expenses: [
    { key: 'goodsPurchases', label: 'Achats de marchandises', section: 'operatingExpenses' },
    { key: 'goodsStockChange', label: 'Variation de stock (marchandises)', section: 'operatingExpenses' },
    {
      key: 'suppliesPurchases',
      label: 'Achats de matières premières et autres approvisionnements',
      section: 'operatingExpenses',
    },
    {
      key: 'suppliesStockChange',
      label: 'Variation de stock (matières premières et approvisionnements)',
      section: 'operatingExpenses',
    },
    { key: 'externalCharges', label: 'Autres charges externes', section: 'operatingExpenses' },
    { key: 'taxes', label: 'Impôts, taxes et versements assimilés', section: 'operatingExpenses' },
    { key: 'wages', label: 'Rémunérations du personnel', section: 'operatingExpenses' },
    { key: 'socialCharges', label: 'Charges sociales', section: 'operatingExpenses' },
    { key: 'depreciation', label: 'Dotations aux amortissements', section: 'operatingExpenses' },
    { key: 'provisionCharges', label: 'Dotations aux provisions', section: 'operatingExpenses' },
    { key: 'otherCharges', label: 'Autres charges', section: 'operatingExpenses' },
    { key: 'financialCharges', label: 'Charges financières', section: 'financialExpenses' },
    { key: 'exceptionalCharges', label: 'Charges exceptionnelles', section: 'exceptionalExpenses' },
    {
      key: 'participation',
      label: 'Participation des salariés aux résultats',
      section: 'taxAndParticipation',
    },
    { key: 'incomeTax', label: 'Impôts sur les bénéfices', section: 'taxAndParticipation' },
  ],
  income: [
    { key: 'goodsSales', label: 'Ventes de marchandises', section: 'operatingIncome' },
    { key: 'production', label: 'Production vendue (biens et services)', section: 'operatingIncome' },
    { key: 'stockedProduction', label: 'Production stockée', section: 'operatingIncome' },
    { key: 'capitalisedProduction', label: 'Production immobilisée', section: 'operatingIncome' },
    { key: 'subsidies', label: 'Subventions d’exploitation', section: 'operatingIncome' },
    { key: 'otherIncome', label: 'Autres produits', section: 'operatingIncome' },
    { key: 'financialProducts', label: 'Produits financiers', section: 'financialIncome' },
    { key: 'exceptionalProducts', label: 'Produits exceptionnels', section: 'exceptionalIncome' },
  ],
  assets: [
    { key: 'intangible', label: 'Immobilisations incorporelles', section: 'fixedAssets' },
    { key: 'tangible', label: 'Immobilisations corporelles', section: 'fixedAssets' },
    { key: 'financialAssets', label: 'Immobilisations financières', section: 'fixedAssets' },
    { key: 'stocks', label: 'Stocks et en-cours', section: 'currentAssets' },
    { key: 'advancesPaid', label: 'Avances et acomptes versés sur commandes', section: 'currentAssets' },
    { key: 'receivables', label: 'Créances clients et comptes rattachés', section: 'currentAssets' },
    { key: 'otherReceivables', label: 'Autres créances', section: 'currentAssets' },
    { key: 'securities', label: 'Valeurs mobilières de placement', section: 'currentAssets' },
    { key: 'cash', label: 'Disponibilités', section: 'currentAssets' },
    { key: 'prepaidExpenses', label: 'Charges constatées d’avance', section: 'currentAssets' },
  ],
  liabilities: [
    { key: 'capital', label: 'Capital', section: 'equity' },
    { key: 'revaluation', label: 'Écarts de réévaluation', section: 'equity' },
    { key: 'reserves', label: 'Réserves', section: 'equity' },
    { key: 'retainedEarnings', label: 'Report à nouveau', section: 'equity' },
    { key: 'result', label: 'Résultat de l’exercice', section: 'equity' },
    { key: 'investmentSubsidies', label: 'Subventions d’investissement', section: 'equity' },
    { key: 'regulatedProvisions', label: 'Provisions réglementées', section: 'equity' },
    { key: 'provisionsForRisks', label: 'Provisions pour risques et charges', section: 'provisions' },
    { key: 'borrowings', label: 'Emprunts et dettes assimilées', section: 'debts' },
    { key: 'advancesReceived', label: 'Avances et acomptes reçus sur commandes', section: 'debts' },
    { key: 'suppliers', label: 'Fournisseurs et comptes rattachés', section: 'debts' },
    { key: 'otherDebts', label: 'Autres dettes', section: 'debts' },
    { key: 'deferredIncome', label: 'Produits constatés d’avance', section: 'debts' },
  ],
};

/** Classes 6 and 7: the income statement. Amounts of a period's movements. */
export const INCOME_STATEMENT_MAP: Mapping[] = [
  { prefix: '6', line: 'otherCharges' }, // fallback: any charge not listed below
  { prefix: '60', line: 'suppliesPurchases' }, // 601, 602, 604-606, 608, 609: achats d'approvisionnements
  { prefix: '603', line: 'suppliesStockChange' },
  { prefix: '6037', line: 'goodsStockChange' },
  { prefix: '607', line: 'goodsPurchases' },
  { prefix: '6087', line: 'goodsPurchases' }, // frais accessoires sur achats de marchandises
  { prefix: '6097', line: 'goodsPurchases' }, // RRR obtenus sur achats de marchandises
  { prefix: '61', line: 'externalCharges' },
  { prefix: '62', line: 'externalCharges' },
  { prefix: '63', line: 'taxes' },
  { prefix: '64', line: 'wages' }, // 641, 644: rémunérations; 649 (PCG 2025) reduces them
  { prefix: '645', line: 'socialCharges' },
  { prefix: '646', line: 'socialCharges' },
  { prefix: '647', line: 'socialCharges' },
  { prefix: '648', line: 'socialCharges' },
  { prefix: '65', line: 'otherCharges' },
  { prefix: '66', line: 'financialCharges' },
  { prefix: '67', line: 'exceptionalCharges' },
  { prefix: '68', line: 'depreciation' },
  { prefix: '6815', line: 'provisionCharges' },
  { prefix: '6816', line: 'provisionCharges' },
  { prefix: '6817', line: 'provisionCharges' },
  { prefix: '686', line: 'financialCharges' }, // dotations financières
  { prefix: '687', line: 'exceptionalCharges' }, // dotations exceptionnelles
  { prefix: '69', line: 'incomeTax' }, // 695-699: impôts sur les bénéfices
  { prefix: '691', line: 'participation' },
  { prefix: '7', line: 'otherIncome' }, // fallback, and 75 (autres produits), 781 (reprises)
  { prefix: '70', line: 'production' }, // 701-706, 708, 709
  { prefix: '707', line: 'goodsSales' },
  { prefix: '7097', line: 'goodsSales' },
  { prefix: '713', line: 'stockedProduction' },
  { prefix: '72', line: 'capitalisedProduction' },
  { prefix: '74', line: 'subsidies' },
  { prefix: '76', line: 'financialProducts' },
  { prefix: '786', line: 'financialProducts' },
  { prefix: '77', line: 'exceptionalProducts' },
  { prefix: '787', line: 'exceptionalProducts' },
];

/**
 * Classes 1 to 5: the balance sheet, on closing balances. Assets lines add debit balances, liabilities lines
 * credit balances; a contra account (28x, 29x, 39x, 49x, 59x: amortissements et dépréciations; 109, 119,
 * 129) comes in negative on its line, which is the « net » column of the model. Accounts of third parties
 * and of banks go to the assets or to the debts by the sign of their balance (art. 821-1 « selon leur
 * solde »): `line` for a debit balance, `credit` for a credit one.
 */
export const BALANCE_SHEET_MAP: Mapping[] = [
  { prefix: '1', line: 'borrowings' }, // fallback: 16, 17 (emprunts, dettes rattachées à des participations)
  { prefix: '10', line: 'capital' }, // 101, 108, 109 (capital souscrit non appelé, en moins)
  { prefix: '104', line: 'capital' }, // primes liées au capital: grouped with it in the abridged model
  { prefix: '105', line: 'revaluation' },
  { prefix: '106', line: 'reserves' },
  { prefix: '11', line: 'retainedEarnings' },
  { prefix: '12', line: 'result' }, // after closing, the result sits in 120 / 129
  { prefix: '13', line: 'investmentSubsidies' },
  { prefix: '14', line: 'regulatedProvisions' },
  { prefix: '15', line: 'provisionsForRisks' },
  { prefix: '2', line: 'tangible' }, // fallback: 21, 22, 23 and their 28x / 29x
  { prefix: '20', line: 'intangible' },
  { prefix: '280', line: 'intangible' },
  { prefix: '290', line: 'intangible' },
  { prefix: '26', line: 'financialAssets' },
  { prefix: '27', line: 'financialAssets' },
  { prefix: '296', line: 'financialAssets' },
  { prefix: '297', line: 'financialAssets' },
  { prefix: '3', line: 'stocks' }, // with 39 (dépréciations) in negative
  { prefix: '4', line: 'otherReceivables', credit: 'otherDebts' }, // 42-47, 48 by their sign
  { prefix: '40', line: 'otherReceivables', credit: 'suppliers' },
  { prefix: '4091', line: 'advancesPaid' },
  { prefix: '41', line: 'receivables', credit: 'otherDebts' }, // 411-418, 491 in negative
  { prefix: '491', line: 'receivables' },
  { prefix: '4191', line: 'advancesReceived', credit: 'advancesReceived' },
  { prefix: '486', line: 'prepaidExpenses' },
  { prefix: '487', line: 'deferredIncome', credit: 'deferredIncome' },
  { prefix: '5', line: 'cash', credit: 'borrowings' }, // 512 overdrawn = concours bancaires courants
  { prefix: '50', line: 'securities' },
  { prefix: '59', line: 'securities' },
  { prefix: '519', line: 'borrowings', credit: 'borrowings' },
];

/** The mapping of the longest prefix of `account`, or undefined (classes 8 and 9: off the statements). */
export function mappingOf(account: string, table: readonly Mapping[]): Mapping | undefined {
  let best: Mapping | undefined;
  for (const m of table)
    if (account.startsWith(m.prefix) && (!best || m.prefix.length > best.prefix.length)) best = m;
  return best;
}

const sideOf = (line: string): StatementSide =>
  (Object.keys(LINES) as StatementSide[]).find((s) => LINES[s].some((l) => l.key === line))!;

export type Balance = { account: string /** Debit positive, in cents. */; balance: number };

export type Statement = {
  sections: {
    key: string;
    label: string;
    lines: { key: string; label: string; amount: number; accounts: string[] }[];
    total: number;
  }[];
  total: number;
};

/** Lines → sections of one side, amounts by line key; empty lines kept, the model shows them all. */
function statementOf(
  side: StatementSide,
  amounts: Map<string, number>,
  accounts: Map<string, string[]>,
): Statement {
  const sections = SECTIONS[side].map((s) => {
    const lines = LINES[side]
      .filter((l) => l.section === s.key)
      .map((l) => ({
        key: l.key,
        label: l.label,
        amount: amounts.get(l.key) ?? 0,
        accounts: accounts.get(l.key) ?? [],
      }));
    return { ...s, lines, total: lines.reduce((sum, l) => sum + l.amount, 0) };
  });
  return { sections, total: sections.reduce((sum, s) => sum + s.total, 0) };
}

function accumulate(
  targets: Map<string, number>,
  accounts: Map<string, string[]>,
  line: string,
  amount: number,
  account: string,
) {
  targets.set(line, (targets.get(line) ?? 0) + amount);
  const list = accounts.get(line) ?? [];
  if (!list.includes(account)) list.push(account);
  accounts.set(line, list);
}

/**
 * The income statement from the period's balances of classes 6 and 7 (a pure function: tests feed it
 * hand-made balances). Charges are shown debit positive, produits credit positive; the result is
 * produits − charges.
 */
export function incomeStatementOf(balances: readonly Balance[]) {
  const amounts = new Map<string, number>();
  const accounts = new Map<string, string[]>();
  for (const b of balances) {
    if (b.account[0] !== '6' && b.account[0] !== '7') continue;
    const m = mappingOf(b.account, INCOME_STATEMENT_MAP);
    if (!m) continue;
    const side = sideOf(m.line);
    accumulate(amounts, accounts, m.line, side === 'expenses' ? b.balance : -b.balance, b.account);
  }
  const expenses = statementOf('expenses', amounts, accounts);
  const income = statementOf('income', amounts, accounts);
  const total = (s: Statement, key: string) => s.sections.find((x) => x.key === key)?.total ?? 0;
  return {
    expenses,
    income,
    operatingResult: total(income, 'operatingIncome') - total(expenses, 'operatingExpenses'),
    financialResult: total(income, 'financialIncome') - total(expenses, 'financialExpenses'),
    exceptionalResult: total(income, 'exceptionalIncome') - total(expenses, 'exceptionalExpenses'),
    result: income.total - expenses.total,
  };
}

/**
 * The balance sheet from the closing balances of every account. Classes 6 and 7 still open (year not
 * closed) are the result of the period, shown in the equity: the model requires the result there, and
 * without it the two sides could not be equal. After closing they are zero and 12x carries the result.
 */
export function balanceSheetOf(balances: readonly Balance[]) {
  const amounts = new Map<string, number>();
  const accounts = new Map<string, string[]>();
  let periodResult = 0;
  for (const b of balances) {
    const cls = b.account[0];
    if (cls === '6' || cls === '7') {
      periodResult -= b.balance;
      continue;
    }
    const m = mappingOf(b.account, BALANCE_SHEET_MAP);
    if (!m || b.balance === 0) continue;
    const line = b.balance < 0 && m.credit ? m.credit : m.line;
    accumulate(amounts, accounts, line, sideOf(line) === 'assets' ? b.balance : -b.balance, b.account);
  }
  if (periodResult !== 0) amounts.set('result', (amounts.get('result') ?? 0) + periodResult);
  const assets = statementOf('assets', amounts, accounts);
  const liabilities = statementOf('liabilities', amounts, accounts);
  return { assets, liabilities, periodResult };
}
