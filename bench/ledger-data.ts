// Deterministic synthetic bookkeeping for the ledger bench: a year of sales, purchases and payments of a
// small company, written as a FEC (the import is one of the timed steps) and as an hledger journal.
import { FEC_COLUMNS } from '../src/ledger/fec/fec-format.ts';

export type Posting = { account: string; auxiliary: string | null; debit: number; credit: number };
export type SyntheticEntry = {
  journal: string;
  number: number;
  date: string;
  ref: string;
  label: string;
  lines: Posting[];
};

/** A small linear congruential generator: same data on every run and every machine. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const JOURNAL_LABELS: Record<string, string> = {
  VE: 'Ventes',
  AC: 'Achats',
  BQ: 'Banque',
  OD: 'Opérations diverses',
};
const ACCOUNT_LABELS: Record<string, string> = {
  '411': 'Clients',
  '401': 'Fournisseurs',
  '706': 'Prestations de services',
  '707': 'Ventes de marchandises',
  '607': 'Achats de marchandises',
  '6064': 'Fournitures administratives',
  '44571': 'TVA collectée',
  '44566': 'TVA sur autres biens et services',
  '512': 'Banques',
  '627': 'Services bancaires et assimilés',
};

export function* syntheticEntries(lineCount: number, year = 2026): Generator<SyntheticEntry> {
  const next = random(42);
  let lines = 0;
  let number = 0;
  while (lines < lineCount) {
    number++;
    const day = 1 + Math.floor((number / (lineCount / 2.6)) * 364);
    const date = new Date(Date.UTC(year, 0, Math.min(day, 365))).toISOString().slice(0, 10);
    const kind = next();
    const amount = 1000 + Math.floor(next() * 500_000);
    const vat = Math.round(amount * 0.2);
    let entry: SyntheticEntry;
    if (kind < 0.45) {
      const customer = `C${String(1 + Math.floor(next() * 1000)).padStart(5, '0')}`;
      entry = {
        journal: 'VE',
        number,
        date,
        ref: `FA${number}`,
        label: `Facture FA${number}`,
        lines: [
          { account: '411', auxiliary: customer, debit: amount + vat, credit: 0 },
          { account: next() < 0.5 ? '706' : '707', auxiliary: null, debit: 0, credit: amount },
          { account: '44571', auxiliary: null, debit: 0, credit: vat },
        ],
      };
    } else if (kind < 0.7) {
      const supplier = `F${String(1 + Math.floor(next() * 200)).padStart(5, '0')}`;
      entry = {
        journal: 'AC',
        number,
        date,
        ref: `FF${number}`,
        label: `Facture fournisseur ${number}`,
        lines: [
          { account: next() < 0.5 ? '607' : '6064', auxiliary: null, debit: amount, credit: 0 },
          { account: '44566', auxiliary: null, debit: vat, credit: 0 },
          { account: '401', auxiliary: supplier, debit: 0, credit: amount + vat },
        ],
      };
    } else if (kind < 0.97) {
      const customer = `C${String(1 + Math.floor(next() * 1000)).padStart(5, '0')}`;
      entry = {
        journal: 'BQ',
        number,
        date,
        ref: `VIR${number}`,
        label: `Règlement client ${number}`,
        lines: [
          { account: '512', auxiliary: null, debit: amount, credit: 0 },
          { account: '411', auxiliary: customer, debit: 0, credit: amount },
        ],
      };
    } else {
      entry = {
        journal: 'BQ',
        number,
        date,
        ref: `FR${number}`,
        label: 'Frais bancaires',
        lines: [
          { account: '627', auxiliary: null, debit: 1 + Math.floor(amount / 100), credit: 0 },
          { account: '512', auxiliary: null, debit: 0, credit: 1 + Math.floor(amount / 100) },
        ],
      };
    }
    lines += entry.lines.length;
    yield entry;
  }
}

const cents = (n: number) => `${Math.floor(n / 100)},${String(n % 100).padStart(2, '0')}`;
const fecDate = (d: string) => d.replaceAll('-', '');

export function* syntheticFec(lineCount: number): Generator<string> {
  yield `${FEC_COLUMNS.join('\t')}\r\n`;
  for (const e of syntheticEntries(lineCount)) {
    let text = '';
    for (const l of e.lines)
      text += `${[
        e.journal,
        JOURNAL_LABELS[e.journal],
        e.number,
        fecDate(e.date),
        l.account,
        ACCOUNT_LABELS[l.account],
        l.auxiliary ?? '',
        l.auxiliary ? `Tiers ${l.auxiliary}` : '',
        e.ref,
        fecDate(e.date),
        e.label,
        cents(l.debit),
        cents(l.credit),
        '',
        '',
        fecDate(e.date),
        '',
        '',
      ].join('\t')}\r\n`;
    yield text;
  }
}

/** The same postings as an hledger / ledger-cli journal, for the peers' balance report. */
export function* syntheticJournal(lineCount: number): Generator<string> {
  for (const e of syntheticEntries(lineCount)) {
    let text = `${e.date} ${e.label}\n`;
    for (const l of e.lines) {
      const name = l.auxiliary ? `${l.account}:${l.auxiliary}` : l.account;
      text += `    ${name}  ${l.debit > 0 ? cents(l.debit).replace(',', '.') : `-${cents(l.credit).replace(',', '.')}`} EUR\n`;
    }
    yield `${text}\n`;
  }
}
