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

export type ParsedFec = {
  entries: ParsedEntry[];
  /** Every rejected line, with its number in the file (the header is line 1) and why. */
  rejected: FecIssue[];
  /** Lines taken with a remark (zero amounts, dropped). */
  warnings: FecIssue[];
  lineCount: number;
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

function columnIndex(header: string[]) {
  const names = header.map(normaliseColumnName);
  // Resolved once per name: the parser asks for every column of every line.
  const cache = new Map<string, number>();
  const index = (name: string) => {
    let k = cache.get(name);
    if (k === undefined) {
      k = names.indexOf(normaliseColumnName(name));
      cache.set(name, k);
    }
    return k;
  };
  const missing = REQUIRED.filter((c) => index(c) < 0);
  const debitCredit = index('Debit') >= 0 && index('Credit') >= 0;
  // The Montant + Sens variant the regulation allows instead of Debit and Credit.
  const amountSense = index('Montant') >= 0 && index('Sens') >= 0;
  if (!debitCredit && !amountSense) missing.push('Debit', 'Credit');
  if (missing.length > 0)
    throw invalid('L’en-tête du fichier ne contient pas toutes les colonnes du FEC.', [
      { field: 'ligne 1', message: `Colonnes manquantes : ${missing.join(', ')}.` },
    ]);
  return { index, debitCredit };
}

/**
 * Reads a FEC (text already decoded) into entries grouped by JournalCode + EcritureNum. Pure: nothing is
 * written. A line that breaks a rule is rejected with its reason, and so is the rest of its entry, since
 * half an entry cannot be imported.
 */
export function parseFec(text: string): ParsedFec {
  const lines = text.split(/\r\n|\n|\r/);
  while (lines.length > 0 && lines.at(-1)!.trim() === '') lines.pop();
  const headerLine = (lines[0] ?? '').replace(/^\uFEFF/, '');
  const separator = headerLine.includes('\t') ? '\t' : headerLine.includes('|') ? '|' : null;
  if (separator === null)
    throw invalid(
      'Fichier non reconnu : le FEC sépare ses colonnes par des tabulations ou des barres verticales.',
      [{ field: 'ligne 1', message: 'Aucun séparateur tabulation ou | dans l’en-tête.' }],
    );
  const header = headerLine.split(separator);
  const { index, debitCredit } = columnIndex(header);
  const rejected: FecIssue[] = [];
  const warnings: FecIssue[] = [];
  const rows: Row[] = [];
  for (let i = 1; i < lines.length; i++) {
    const lineNumber = i + 1;
    const raw = lines[i]!;
    if (raw.trim() === '') {
      rejected.push({ line: lineNumber, reason: 'Ligne vide.' });
      continue;
    }
    const fields = raw.split(separator);
    if (fields.length !== header.length) {
      rejected.push({
        line: lineNumber,
        reason: `${fields.length} champs au lieu de ${header.length} (séparateur dans un libellé ?).`,
      });
      continue;
    }
    const get = (name: string) => {
      const k = index(name);
      return k < 0 ? '' : fields[k]!.trim();
    };
    const journalCode = get('JournalCode').toUpperCase();
    const number = get('EcritureNum');
    const key = `${journalCode}\u0000${number}`;
    const reasons: string[] = [];
    const date = (name: string, required: boolean) => {
      const value = get(name);
      if (value === '') {
        if (required) reasons.push(`${name} vide.`);
        return null;
      }
      try {
        return parseFecDate(value);
      } catch {
        reasons.push(`${name} invalide : « ${value} » (AAAAMMJJ attendu).`);
        return null;
      }
    };
    if (!/^[0-9A-Z_-]{1,20}$/.test(journalCode)) reasons.push(`JournalCode invalide : « ${journalCode} ».`);
    if (number === '') reasons.push('EcritureNum vide.');
    const entryDate = date('EcritureDate', true);
    const validatedOn = date('ValidDate', true);
    const voucherDate = date('PieceDate', false);
    const letteredOn = date('DateLet', false);
    const account = get('CompteNum').toUpperCase();
    if (!isFecAccountNumber(account) || account[0] === '0')
      reasons.push(`CompteNum invalide : « ${account} » (trois chiffres en tête, classe 1 à 9).`);
    const auxiliary = get('CompAuxNum').toUpperCase().replace(/\s+/g, '') || null;
    if (auxiliary !== null && !isAuxiliaryNumber(auxiliary))
      reasons.push(`CompAuxNum invalide : « ${auxiliary} ».`);
    const label = get('EcritureLib');
    if (label === '') reasons.push('EcritureLib vide.');
    let debit = 0;
    let credit = 0;
    try {
      if (debitCredit) {
        const d = parseFecAmount(get('Debit'));
        const c = parseFecAmount(get('Credit'));
        if (d !== 0 && c !== 0) reasons.push('Débit et crédit renseignés sur la même ligne.');
        const net = d - c;
        debit = Math.max(net, 0);
        credit = Math.max(-net, 0);
      } else {
        const amount = parseFecAmount(get('Montant'));
        const sense = get('Sens').toUpperCase();
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
      journalLabel: get('JournalLib') || journalCode,
      number,
      date: entryDate ?? '',
      label,
      voucherRef: get('PieceRef') || null,
      voucherDate,
      validatedOn: validatedOn ?? '',
    };
    if (reasons.length > 0) {
      rejected.push({ line: lineNumber, reason: reasons.join(' ') });
      rows.push({ line: lineNumber, key, entry, parsed: null });
      continue;
    }
    if (debit === 0 && credit === 0) {
      warnings.push({ line: lineNumber, reason: 'Ligne sans montant : ignorée.' });
      continue;
    }
    const lettering = get('EcritureLet') || null;
    rows.push({
      line: lineNumber,
      key,
      entry,
      parsed: {
        line: lineNumber,
        account,
        accountLabel: get('CompteLib'),
        auxiliary,
        auxiliaryLabel: get('CompAuxLib'),
        label,
        debit,
        credit,
        lettering,
        letteredOn: lettering ? letteredOn : null,
      },
    });
  }
  return { ...groupEntries(rows, rejected), warnings, lineCount: lines.length - 1 };
}

function groupEntries(rows: Row[], rejected: FecIssue[]) {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const group = groups.get(row.key);
    if (group) group.push(row);
    else groups.set(row.key, [row]);
  }
  const entries: ParsedEntry[] = [];
  const rejectAll = (group: Row[], reason: string) => {
    for (const row of group) if (row.parsed) rejected.push({ line: row.line, reason });
  };
  for (const group of groups.values()) {
    const first = group[0]!;
    const name = `Écriture ${first.entry.journalCode} ${first.entry.number}`;
    const bad = group.filter((r) => r.parsed === null);
    if (bad.length > 0) {
      rejectAll(group, `${name} rejetée : ligne(s) ${bad.map((r) => r.line).join(', ')} invalide(s).`);
      continue;
    }
    if (group.some((r) => r.entry.date !== first.entry.date)) {
      rejectAll(group, `${name} rejetée : ses lignes portent des dates différentes.`);
      continue;
    }
    const parsed = group.map((r) => r.parsed!);
    const problems = entryProblems(parsed);
    if (problems.length > 0) {
      rejectAll(group, `${name} rejetée : ${problems.map((p) => p.message).join(' ')}`);
      continue;
    }
    entries.push({ ...first.entry, line: first.line, lines: parsed });
  }
  rejected.sort((a, b) => a.line - b.line);
  return { entries, rejected };
}
