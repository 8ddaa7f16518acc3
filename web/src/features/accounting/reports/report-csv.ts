import type { TFunction } from 'i18next';
import type {
  AgedBalanceDto,
  GeneralLedgerDto,
  TrialBalanceDto,
} from '../../../../../src/ledger/reports/contract.ts';
import { type CsvCell, toCsv } from '../csv.ts';
import { day } from '../format.ts';
import type { JournalListingDto } from '../ledger-api.ts';

// Each report as CSV, made in the page from the JSON it shows: same rows, same totals.

const c = (cents: number): CsvCell => ({ cents });

export function trialBalanceCsv(report: TrialBalanceDto, t: TFunction): string {
  const header = [
    t('accounting.fields.account'),
    t('accounting.fields.auxiliary'),
    t('accounting.fields.accountLabel'),
    t('accounting.trialBalance.csv.openingDebit'),
    t('accounting.trialBalance.csv.openingCredit'),
    t('accounting.trialBalance.csv.periodDebit'),
    t('accounting.trialBalance.csv.periodCredit'),
    t('accounting.trialBalance.csv.closingDebit'),
    t('accounting.trialBalance.csv.closingCredit'),
  ];
  const rows: CsvCell[][] = report.rows.map((r) => [
    r.account,
    r.auxiliary ?? '',
    r.auxiliaryLabel ?? r.label,
    c(r.openingDebit),
    c(r.openingCredit),
    c(r.periodDebit),
    c(r.periodCredit),
    c(r.closingDebit),
    c(r.closingCredit),
  ]);
  const x = report.totals;
  rows.push([
    t('accounting.grid.totals'),
    '',
    '',
    c(x.openingDebit),
    c(x.openingCredit),
    c(x.periodDebit),
    c(x.periodCredit),
    c(x.closingDebit),
    c(x.closingCredit),
  ]);
  return toCsv(header, rows);
}

export function generalLedgerCsv(report: GeneralLedgerDto, t: TFunction): string {
  const header = [
    t('accounting.fields.account'),
    t('accounting.fields.auxiliary'),
    t('accounting.fields.date'),
    t('accounting.fields.journal'),
    t('accounting.fields.number'),
    t('accounting.fields.voucherRef'),
    t('accounting.fields.lineLabel'),
    t('accounting.fields.debit'),
    t('accounting.fields.credit'),
    t('accounting.fields.balance'),
    t('accounting.fields.lettering'),
  ];
  const rows: CsvCell[][] = [];
  for (const a of report.accounts) {
    rows.push([
      a.account,
      a.auxiliary ?? '',
      day(report.from),
      '',
      '',
      '',
      t('accounting.generalLedger.opening'),
      '',
      '',
      c(a.opening),
      '',
    ]);
    for (const l of a.lines)
      rows.push([
        a.account,
        l.auxiliary ?? a.auxiliary ?? '',
        day(l.date),
        l.journal,
        l.number,
        l.voucherRef ?? '',
        l.label,
        c(l.debit),
        c(l.credit),
        c(l.balance),
        l.lettering ?? '',
      ]);
    rows.push([
      a.account,
      a.auxiliary ?? '',
      day(report.to),
      '',
      '',
      '',
      t('accounting.generalLedger.totalAndClosing'),
      c(a.totalDebit),
      c(a.totalCredit),
      c(a.closing),
      '',
    ]);
  }
  return toCsv(header, rows);
}

export function journalListingCsv(report: JournalListingDto, t: TFunction): string {
  const header = [
    t('accounting.fields.journal'),
    t('accounting.fields.number'),
    t('accounting.fields.date'),
    t('accounting.fields.voucherRef'),
    t('accounting.fields.account'),
    t('accounting.fields.auxiliary'),
    t('accounting.fields.lineLabel'),
    t('accounting.fields.debit'),
    t('accounting.fields.credit'),
  ];
  const rows: CsvCell[][] = [];
  for (const e of report.items)
    for (const l of e.lines)
      rows.push([
        e.journal,
        e.number ?? '',
        day(e.date),
        e.voucherRef ?? '',
        l.account,
        l.auxiliary ?? '',
        l.label ?? e.label,
        c(l.debit),
        c(l.credit),
      ]);
  return toCsv(header, rows);
}

export function agedBalanceCsv(report: AgedBalanceDto, t: TFunction): string {
  const header = [
    t('accounting.fields.account'),
    t('accounting.fields.auxiliary'),
    t('accounting.fields.accountLabel'),
    t('accounting.agedBalance.notDue'),
    t('accounting.agedBalance.days1to30'),
    t('accounting.agedBalance.days31to60'),
    t('accounting.agedBalance.days61to90'),
    t('accounting.agedBalance.over90'),
    t('accounting.agedBalance.total'),
  ];
  const rows: CsvCell[][] = report.rows.map((r) => [
    r.account,
    r.auxiliary,
    r.label,
    c(r.notDue),
    c(r.days1to30),
    c(r.days31to60),
    c(r.days61to90),
    c(r.over90),
    c(r.total),
  ]);
  const x = report.totals;
  rows.push([
    t('accounting.grid.totals'),
    '',
    '',
    c(x.notDue),
    c(x.days1to30),
    c(x.days31to60),
    c(x.days61to90),
    c(x.over90),
    c(x.total),
  ]);
  return toCsv(header, rows);
}

/** A file name that says what and when: balance-2026-01-01-2026-12-31.csv. */
export function reportFileName(kind: string, from: string, to?: string): string {
  return `${kind}-${from}${to ? `-${to}` : ''}.csv`;
}
