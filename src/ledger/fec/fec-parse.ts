import { invalid } from '../../kernel/errors/domain-error.ts';
import { isAuxiliaryNumber, isFecAccountNumber } from '../accounts/account-number.ts';
import { entryProblems } from '../entries/entry-rules.ts';
import { type FecColumn, normaliseColumnName, parseFecAmount, parseFecDate } from './fec-format.ts';

export type FecIssue = { line: number; reason: string };

export type ParsedLine = {
  line: number;
  account: string;
  accountLabel: string;
  auxiliary: string | null;
  auxiliaryLabel: string;
  label: string;
  debit: number;
  credit: number;
  lettering: string | null;
  letteredOn: string | null;
};

export type ParsedEntry = {
  /** Line number of the entry's first line in the file. */
  line: number;
  journalCode: string;
  journalLabel: string;
  number: string;
  date: string;
  label: string;
  voucherRef: string | null;
  voucherDate: string | null;
  validatedOn: string;
  lines: ParsedLine[];
};

export type FecIssues = {
  /** Every rejected line, with its number in the file (the header is line 1) and why. */
  rejected: FecIssue[];
  /** Lines taken with a remark (zero amounts, dropped). */
  warnings: FecIssue[];
};

const REQUIRED: FecColumn[] = [
  'JournalCode',
  'JournalLib',
  'EcritureNum',
  'EcritureDate',
  'CompteNum',
  'CompteLib',
  'PieceRef',
  'PieceDate',
  'EcritureLib',
  'ValidDate',
];

type Row = {
  line: number;
  key: string;
  entry: Omit<ParsedEntry, 'lines' | 'line'>;
  parsed: ParsedLine | null;
};

// Column positions resolved once from the header (-1 when the file does not have the column): the
// parser reads every column of every line of files of a million lines.
const COLUMNS = {
  journalCode: 'JournalCode',
  journalLabel: 'JournalLib',
  number: 'EcritureNum',
  date: 'EcritureDate',
  account: 'CompteNum',
  accountLabel: 'CompteLib',
  auxiliary: 'CompAuxNum',
  auxiliaryLabel: 'CompAuxLib',
  voucherRef: 'PieceRef',
  voucherDate: 'PieceDate',
  label: 'EcritureLib',
  debit: 'Debit',
  credit: 'Credit',
  lettering: 'EcritureLet',
  letteredOn: 'DateLet',
  validatedOn: 'ValidDate',
  amount: 'Montant',
  sense: 'Sens',
} as const;

type Positions = Record<keyof typeof COLUMNS, number>;

function columnPositions(header: string[]): { at: Positions; debitCredit: boolean } {
  const names = header.map(normaliseColumnName);
  const index = (name: string) => names.indexOf(normaliseColumnName(name));
  const missing = REQUIRED.filter((c) => index(c) < 0);
  const at = Object.fromEntries(
    Object.entries(COLUMNS).map(([key, name]) => [key, index(name)]),
  ) as Positions;
  const debitCredit = at.debit >= 0 && at.credit >= 0;
  // The Montant + Sens variant the regulation allows instead of Debit and Credit.
  const amountSense = at.amount >= 0 && at.sense >= 0;
  if (!debitCredit && !amountSense) missing.push('Debit', 'Credit');
  if (missing.length > 0)
    throw invalid('L’en-tête du fichier ne contient pas toutes les colonnes du FEC.', [
      { field: 'ligne 1', message: `Colonnes manquantes : ${missing.join(', ')}.` },
    ]);
  return { at, debitCredit };
}

type Columns = ReturnType<typeof columnPositions> & {
  separator: string;
  width: number;
  /** Dates already read: a FEC repeats a few hundred days over its million lines. */
  dates: Map<string, string | null>;
};

function readHeader(headerLine: string): Columns {
  const line = headerLine.replace(/^\uFEFF/, '');
  const separator = line.includes('\t') ? '\t' : line.includes('|') ? '|' : null;
  if (separator === null)
    throw invalid(
      'Fichier non reconnu : le FEC sépare ses colonnes par des tabulations ou des barres verticales.',
      [{ field: 'ligne 1', message: 'Aucun séparateur tabulation ou | dans l’en-tête.' }],
    );
  const header = line.split(separator);
  return { ...columnPositions(header), separator, width: header.length, dates: new Map() };
}

const DATE_COLUMNS = {
  EcritureDate: 'date',
  ValidDate: 'validatedOn',
  PieceDate: 'voucherDate',
  DateLet: 'letteredOn',
} as const;

const field = (fields: string[], k: number) => (k < 0 ? '' : fields[k]!.trim());

/** A date column: 'YYYY-MM-DD', or null when empty (a reason is added if required) or unreadable. */
function readDate(
  columns: Columns,
  fields: string[],
  name: 'EcritureDate' | 'ValidDate' | 'PieceDate' | 'DateLet',
  required: boolean,
  reasons: string[],
) {
  const value = field(fields, columns.at[DATE_COLUMNS[name]]);
  if (value === '') {
    if (required) reasons.push(`${name} vide.`);
    return null;
  }
  let date = columns.dates.get(value);
  if (date === undefined) {
    try {
      date = parseFecDate(value);
    } catch {
      date = null;
    }
    if (columns.dates.size > 10_000) columns.dates.clear();
    columns.dates.set(value, date);
  }
  if (date === null) reasons.push(`${name} invalide : « ${value} » (AAAAMMJJ attendu).`);
  return date;
}

/** One non-blank line: a row of an entry (parsed is null when the line breaks a rule), or null if dropped. */
function parseRow(columns: Columns, raw: string, lineNumber: number, issues: FecIssues): Row | null {
  const { separator, width, at, debitCredit } = columns;
  const fields = raw.split(separator);
  if (fields.length !== width) {
    issues.rejected.push({
      line: lineNumber,
      reason: `${fields.length} champs au lieu de ${width} (séparateur dans un libellé ?).`,
    });
    return null;
  }
  const journalCode = field(fields, at.journalCode).toUpperCase();
  const number = field(fields, at.number);
  const key = `${journalCode}\u0000${number}`;
  const reasons: string[] = [];
  if (!/^[0-9A-Z_-]{1,20}$/.test(journalCode)) reasons.push(`JournalCode invalide : « ${journalCode} ».`);
  if (number === '') reasons.push('EcritureNum vide.');
  const entryDate = readDate(columns, fields, 'EcritureDate', true, reasons);
  const validatedOn = readDate(columns, fields, 'ValidDate', true, reasons);
  const voucherDate = readDate(columns, fields, 'PieceDate', false, reasons);
  const letteredOn = readDate(columns, fields, 'DateLet', false, reasons);
  const account = field(fields, at.account).toUpperCase();
  if (!isFecAccountNumber(account) || account[0] === '0')
    reasons.push(`CompteNum invalide : « ${account} » (trois chiffres en tête, classe 1 à 9).`);
  const auxiliaryText = field(fields, at.auxiliary);
  const auxiliary = auxiliaryText === '' ? null : auxiliaryText.toUpperCase().replace(/\s+/g, '') || null;
  if (auxiliary !== null && !isAuxiliaryNumber(auxiliary))
    reasons.push(`CompAuxNum invalide : « ${auxiliary} ».`);
  const label = field(fields, at.label);
  if (label === '') reasons.push('EcritureLib vide.');
  let debit = 0;
  let credit = 0;
  try {
    if (debitCredit) {
      const d = parseFecAmount(field(fields, at.debit));
      const c = parseFecAmount(field(fields, at.credit));
      if (d !== 0 && c !== 0) reasons.push('Débit et crédit renseignés sur la même ligne.');
      const net = d - c;
      debit = Math.max(net, 0);
      credit = Math.max(-net, 0);
    } else {
      const amount = parseFecAmount(field(fields, at.amount));
      const sense = field(fields, at.sense).toUpperCase();
      const sign =
        sense === 'D' || sense === '+1' || sense === '1' ? 1 : sense === 'C' || sense === '-1' ? -1 : 0;
      if (sign === 0) reasons.push(`Sens invalide : « ${sense} » (D, C, +1 ou -1).`);
      debit = Math.max(sign * amount, 0);
      credit = Math.max(-sign * amount, 0);
    }
  } catch (error) {
    reasons.push((error as Error).message);
  }
  const entry = {
    journalCode,
    journalLabel: field(fields, at.journalLabel) || journalCode,
    number,
    date: entryDate ?? '',
    label,
    voucherRef: field(fields, at.voucherRef) || null,
    voucherDate,
    validatedOn: validatedOn ?? '',
  };
  if (reasons.length > 0) {
    issues.rejected.push({ line: lineNumber, reason: reasons.join(' ') });
    return { line: lineNumber, key, entry, parsed: null };
  }
  if (debit === 0 && credit === 0) {
    issues.warnings.push({ line: lineNumber, reason: 'Ligne sans montant : ignorée.' });
    return null;
  }
  const lettering = field(fields, at.lettering) || null;
  return {
    line: lineNumber,
    key,
    entry,
    parsed: {
      line: lineNumber,
      account,
      accountLabel: field(fields, at.accountLabel),
      auxiliary,
      auxiliaryLabel: field(fields, at.auxiliaryLabel),
      label,
      debit,
      credit,
      lettering,
      letteredOn: lettering ? letteredOn : null,
    },
  };
}

export type FecParser = {
  /** The next line of the file (the header first); gives the entries this line completed. */
  push(raw: string): ParsedEntry[];
  /** The end of the file: the last entry, if any. */
  end(): ParsedEntry[];
};

/**
 * Reads a FEC line by line (text already decoded) into entries grouped by JournalCode + EcritureNum, so a
 * file of any size is read in bounded memory. Pure: nothing is written. A line that breaks a rule is
 * rejected with its reason, and so is the rest of its entry, since half an entry cannot be imported. An
 * entry's lines follow each other in a FEC (Test Compta Demat refuses a file where they do not); lines of
 * one number found apart are read as separate entries, each balanced on its own or rejected.
 */
export function fecParser(issues: FecIssues): FecParser {
  let columns: Columns | null = null;
  let lineNumber = 0;
  let blanks: number[] = [];
  let group: Row[] = [];
  const close = (): ParsedEntry[] => {
    if (group.length === 0) return [];
    const entry = groupEntry(group, issues.rejected);
    group = [];
    return entry ? [entry] : [];
  };
  return {
    push(raw) {
      lineNumber++;
      if (columns === null) {
        columns = readHeader(raw);
        return [];
      }
      if (raw.trim() === '') {
        // Blank lines at the very end are not lines of the file; blank lines inside it are rejected.
        blanks.push(lineNumber);
        return [];
      }
      for (const line of blanks) issues.rejected.push({ line, reason: 'Ligne vide.' });
      blanks = [];
      const row = parseRow(columns, raw, lineNumber, issues);
      if (row === null) return [];
      const done = group.length > 0 && group[0]!.key !== row.key ? close() : [];
      group.push(row);
      return done;
    },
    end() {
      if (columns === null) readHeader('');
      return close();
    },
  };
}

function groupEntry(group: Row[], rejected: FecIssue[]): ParsedEntry | null {
  const rejectAll = (reason: string) => {
    for (const row of group) if (row.parsed) rejected.push({ line: row.line, reason });
    return null;
  };
  const first = group[0]!;
  const name = `Écriture ${first.entry.journalCode} ${first.entry.number}`;
  const bad = group.filter((r) => r.parsed === null);
  if (bad.length > 0)
    return rejectAll(`${name} rejetée : ligne(s) ${bad.map((r) => r.line).join(', ')} invalide(s).`);
  if (group.some((r) => r.entry.date !== first.entry.date))
    return rejectAll(`${name} rejetée : ses lignes portent des dates différentes.`);
  const parsed = group.map((r) => r.parsed!);
  const problems = entryProblems(parsed);
  if (problems.length > 0) return rejectAll(`${name} rejetée : ${problems.map((p) => p.message).join(' ')}`);
  return { ...first.entry, line: first.line, lines: parsed };
}
