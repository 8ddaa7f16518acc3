import type {
  AgedBalanceDto,
  BalanceSheetDto,
  GeneralLedgerDto,
  IncomeStatementDto,
  JournalListingDto,
  StatementDto,
  TrialBalanceDto,
} from './contract.ts';
import { dateFr, periodFr, type ReportTable, type Row } from './report-table.ts';

// Each report's DTO as a ReportTable, in French (the exports are French documents, like the FEC).
const amount = (header: string) => ({ header, kind: 'amount' as const });
const text = (header: string, width?: number) => ({ header, kind: 'text' as const, width });
const stamp = (...dates: string[]) => dates.join('-');

export function trialBalanceTable(tb: TrialBalanceDto): ReportTable {
  const t = tb.totals;
  return {
    title: 'Balance générale',
    subtitle: periodFr(tb.from, tb.to),
    fileName: `balance-generale-${stamp(tb.from, tb.to)}`,
    landscape: true,
    columns: [
      text('Compte', 1.3),
      text('Libellé', 2.7),
      amount('À-nouveaux débit'),
      amount('À-nouveaux crédit'),
      amount('Mouvements débit'),
      amount('Mouvements crédit'),
      amount('Solde débiteur'),
      amount('Solde créditeur'),
    ],
    rows: [
      ...tb.rows.map((r) => ({
        cells: [
          r.auxiliary ? `${r.account} / ${r.auxiliary}` : r.account,
          r.auxiliaryLabel ?? r.label,
          r.openingDebit,
          r.openingCredit,
          r.periodDebit,
          r.periodCredit,
          r.closingDebit,
          r.closingCredit,
        ],
      })),
      {
        cells: [
          'Total',
          '',
          t.openingDebit,
          t.openingCredit,
          t.periodDebit,
          t.periodCredit,
          t.closingDebit,
          t.closingCredit,
        ],
        emphasis: true,
      },
    ],
  };
}

export function generalLedgerTable(gl: GeneralLedgerDto): ReportTable {
  const rows: Row[] = [];
  let debit = 0;
  let credit = 0;
  for (const a of gl.accounts) {
    const name = a.auxiliary
      ? `${a.account} / ${a.auxiliary} ${a.auxiliaryLabel ?? ''}`
      : `${a.account} ${a.label}`;
    rows.push({ cells: ['', '', '', name.trim(), null, null, a.opening], emphasis: true });
    for (const l of a.lines)
      rows.push({
        cells: [dateFr(l.date), l.journal, String(l.number), l.label, l.debit, l.credit, l.balance],
      });
    rows.push({
      cells: ['', '', '', `Total ${a.account}`, a.totalDebit, a.totalCredit, a.closing],
      emphasis: true,
    });
    debit += a.totalDebit;
    credit += a.totalCredit;
  }
  rows.push({ cells: ['', '', '', 'Total général', debit, credit, null], emphasis: true });
  return {
    title: 'Grand livre',
    subtitle: periodFr(gl.from, gl.to),
    fileName: `grand-livre-${stamp(gl.from, gl.to)}`,
    landscape: true,
    columns: [
      text('Date', 1),
      text('Journal', 0.7),
      text('N°', 0.7),
      text('Libellé', 4),
      amount('Débit'),
      amount('Crédit'),
      amount('Solde'),
    ],
    rows,
  };
}

/** The journal listing with every entry of the period (the export is not paged). */
export function journalListingTable(listing: JournalListingDto): ReportTable {
  const rows: Row[] = listing.journals.map((j) => ({
    cells: [j.code, '', '', `${j.label} (${j.entries} écritures)`, j.totalDebit, j.totalCredit],
    emphasis: true,
  }));
  rows.push({
    cells: [
      '',
      '',
      '',
      'Total des journaux',
      listing.journals.reduce((s, j) => s + j.totalDebit, 0),
      listing.journals.reduce((s, j) => s + j.totalCredit, 0),
    ],
    emphasis: true,
  });
  for (const e of listing.items) {
    rows.push({
      cells: [e.journal, dateFr(e.date), String(e.number ?? ''), e.label, null, null],
      emphasis: true,
    });
    for (const l of e.lines)
      rows.push({
        cells: [
          '',
          '',
          l.auxiliary ? `${l.account} / ${l.auxiliary}` : l.account,
          l.label ?? e.label,
          l.debit,
          l.credit,
        ],
      });
  }
  return {
    title: 'Journaux',
    subtitle: periodFr(listing.from, listing.to),
    fileName: `journaux-${stamp(listing.from, listing.to)}`,
    columns: [
      text('Journal', 0.8),
      text('Date', 1),
      text('N° / compte', 1.6),
      text('Libellé', 3.5),
      amount('Débit'),
      amount('Crédit'),
    ],
    rows,
  };
}

export function agedBalanceTable(aged: AgedBalanceDto): ReportTable {
  const t = aged.totals;
  const receivables = aged.kind === 'receivables';
  return {
    title: receivables ? 'Balance âgée des créances clients' : 'Balance âgée des dettes fournisseurs',
    subtitle: `Au ${dateFr(aged.asOf)}`,
    fileName: `balance-agee-${receivables ? 'clients' : 'fournisseurs'}-${aged.asOf}`,
    landscape: true,
    columns: [
      text('Compte', 1.6),
      text('Tiers', 2.5),
      amount('Non échu'),
      amount('1 à 30 jours'),
      amount('31 à 60 jours'),
      amount('61 à 90 jours'),
      amount('Plus de 90 jours'),
      amount('Total'),
    ],
    rows: [
      ...aged.rows.map((r) => ({
        cells: [
          `${r.account} / ${r.auxiliary}`,
          r.label,
          r.notDue,
          r.days1to30,
          r.days31to60,
          r.days61to90,
          r.over90,
          r.total,
        ],
      })),
      {
        cells: ['Total', '', t.notDue, t.days1to30, t.days31to60, t.days61to90, t.over90, t.total],
        emphasis: true,
      },
    ],
  };
}

function statementRows(side: string, statement: StatementDto): Row[] {
  const rows: Row[] = [];
  for (const s of statement.sections) {
    rows.push({ cells: [s.label, null], emphasis: true });
    for (const l of s.lines) rows.push({ cells: [`   ${l.label}`, l.amount] });
    rows.push({ cells: [`Total ${s.label.toLowerCase()}`, s.total], emphasis: true });
  }
  rows.push({ cells: [side, statement.total], emphasis: true });
  return rows;
}

export function incomeStatementTable(is: IncomeStatementDto): ReportTable {
  return {
    title: 'Compte de résultat',
    subtitle: periodFr(is.from, is.to),
    fileName: `compte-de-resultat-${stamp(is.from, is.to)}`,
    columns: [text('Rubrique', 5), amount('Montant')],
    rows: [
      ...statementRows('Total des produits', is.income),
      ...statementRows('Total des charges', is.expenses),
      { cells: ['Résultat d’exploitation', is.operatingResult] },
      { cells: ['Résultat financier', is.financialResult] },
      { cells: ['Résultat exceptionnel', is.exceptionalResult] },
      { cells: [is.result >= 0 ? 'Résultat : bénéfice' : 'Résultat : perte', is.result], emphasis: true },
    ],
  };
}

export function balanceSheetTable(bs: BalanceSheetDto): ReportTable {
  return {
    title: 'Bilan simplifié',
    subtitle: `Au ${dateFr(bs.at)}${bs.fiscalYear.status === 'open' ? ' — exercice non clôturé' : ''}`,
    fileName: `bilan-${bs.at}`,
    columns: [text('Rubrique', 5), amount('Montant net')],
    rows: [
      ...statementRows('Total de l’actif', bs.assets),
      ...statementRows('Total du passif', bs.liabilities),
    ],
  };
}
