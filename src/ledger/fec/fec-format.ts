import { fromFecDate, toFecDate } from '../../kernel/dates/index.ts';
import { formatFec } from '../../kernel/money/index.ts';

/** The 18 columns of article A47 A-1 du LPF, in order (../shared/fr-data/fec-columns.json). */
export const FEC_COLUMNS = [
  'JournalCode',
  'JournalLib',
  'EcritureNum',
  'EcritureDate',
  'CompteNum',
  'CompteLib',
  'CompAuxNum',
  'CompAuxLib',
  'PieceRef',
  'PieceDate',
  'EcritureLib',
  'Debit',
  'Credit',
  'EcritureLet',
  'DateLet',
  'ValidDate',
  'Montantdevise',
  'Idevise',
] as const;

export type FecColumn = (typeof FEC_COLUMNS)[number];
export type FecRecord = Record<FecColumn, string>;

export const FEC_SEPARATOR = '\t';
export const FEC_EOL = '\r\n';

/** SIRENFECAAAAMMJJ.txt, the date being the closing date of the fiscal year. */
export function fecFileName(siren: string | null, yearEnd: string): string {
  // Without a SIREN (a training association, say) the name keeps its shape so tools still read it.
  return `${siren ?? '000000000'}FEC${toFecDate(yearEnd)}.txt`;
}

/** Field text as the FEC takes it: one line, no separator inside. */
function clean(value: string): string {
  return value.replace(/[\t\r\n]+/g, ' ').trim();
}

export function fecHeader(): string {
  return FEC_COLUMNS.join(FEC_SEPARATOR) + FEC_EOL;
}

export function formatFecRecord(record: FecRecord): string {
  return FEC_COLUMNS.map((c) => clean(record[c])).join(FEC_SEPARATOR) + FEC_EOL;
}

export type FecLine = {
  journalCode: string;
  journalLabel: string;
  number: number;
  date: string;
  account: string;
  accountLabel: string;
  auxiliary: string | null;
  auxiliaryLabel: string | null;
  voucherRef: string | null;
  voucherDate: string | null;
  label: string;
  debit: number;
  credit: number;
  lettering: string | null;
  letteredOn: string | null;
  validatedOn: string;
};

export function fecRecord(line: FecLine): FecRecord {
  return {
    JournalCode: line.journalCode,
    JournalLib: line.journalLabel,
    EcritureNum: String(line.number),
    EcritureDate: toFecDate(line.date),
    CompteNum: line.account,
    CompteLib: line.accountLabel,
    CompAuxNum: line.auxiliary ?? '',
    CompAuxLib: line.auxiliary ? (line.auxiliaryLabel ?? '') : '',
    // PieceRef is mandatory: an entry without a voucher reference is referred to by its own number.
    PieceRef: line.voucherRef || `${line.journalCode}${line.number}`,
    PieceDate: toFecDate(line.voucherDate ?? line.date),
    EcritureLib: line.label,
    Debit: formatFec(line.debit),
    Credit: formatFec(line.credit),
    EcritureLet: line.lettering ?? '',
    DateLet: line.lettering && line.letteredOn ? toFecDate(line.letteredOn) : '',
    ValidDate: toFecDate(line.validatedOn),
    Montantdevise: '',
    Idevise: '',
  };
}

// The export's formatter: the same text as formatFecRecord(fecRecord(line)) (a test compares them),
// built as one string without the intermediate record, which counts on a million lines.
const NEEDS_CLEANING = /[\t\r\n]/;
const cleanFast = (value: string) => (NEEDS_CLEANING.test(value) ? clean(value) : value.trim());
const fecDate = (date: string) =>
  date.length === 10 && date[4] === '-' && date[7] === '-'
    ? date.slice(0, 4) + date.slice(5, 7) + date.slice(8, 10)
    : toFecDate(date);

export function fastFecRecord(line: FecLine): string {
  const date = fecDate(line.date);
  return (
    `${cleanFast(line.journalCode)}\t${cleanFast(line.journalLabel)}\t${line.number}\t${date}\t` +
    `${cleanFast(line.account)}\t${cleanFast(line.accountLabel)}\t` +
    `${line.auxiliary ? `${cleanFast(line.auxiliary)}\t${cleanFast(line.auxiliaryLabel ?? '')}` : '\t'}\t` +
    `${cleanFast(line.voucherRef || `${line.journalCode}${line.number}`)}\t` +
    `${line.voucherDate ? fecDate(line.voucherDate) : date}\t${cleanFast(line.label)}\t` +
    `${formatFec(line.debit)}\t${formatFec(line.credit)}\t${line.lettering ? cleanFast(line.lettering) : ''}\t` +
    `${line.lettering && line.letteredOn ? fecDate(line.letteredOn) : ''}\t${fecDate(line.validatedOn)}\t\t${FEC_EOL}`
  );
}

const FEC_AMOUNT = /^([+-])?(\d+)(?:[,.](\d+))?([+-])?$/;

/**
 * A FEC amount into cents: decimal comma (a dot is tolerated), sign first (or last, as Test Compta
 * Demat tolerates), no thousands separator. More than two decimals only if they are zeros.
 */
export function parseFecAmount(text: string): number {
  const value = text.trim();
  if (value === '') return 0;
  const match = FEC_AMOUNT.exec(value);
  if (!match)
    throw new RangeError(`Montant illisible : « ${text} » (attendu 1234,56, sans séparateur de milliers).`);
  const [, lead, units = '', fraction = '', trail] = match;
  if (lead && trail) throw new RangeError(`Montant illisible : « ${text} » (deux signes).`);
  if (/[^0]/.test(fraction.slice(2))) throw new RangeError(`Montant au-delà du centime : « ${text} ».`);
  const cents = Number(units) * 100 + Number(fraction.slice(0, 2).padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Montant hors limites : « ${text} ».`);
  return (lead ?? trail) === '-' ? -cents : cents;
}

/** AAAAMMJJ (an optional time is ignored) → 'YYYY-MM-DD'. */
export function parseFecDate(text: string): string {
  return fromFecDate(text.trim().slice(0, 8));
}

/** Header names compared as Test Compta Demat does: case and accents ignored. */
export function normaliseColumnName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase();
}
