import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'kysely';
import { type Db, selectArrays } from '../../kernel/db/index.ts';
import { DomainError } from '../../kernel/errors/domain-error.ts';
import { letteringLabel } from '../entries/entry-read.ts';
import {
  type FiscalYearRow,
  findFiscalYear,
  fiscalYearName,
  organisationCalendar,
} from '../fiscal-years/fiscal-year.ts';
import { fecYearChecker } from './fec-check.ts';
import { fastFecRecord, fecFileName, fecHeader } from './fec-format.ts';
import { encodeLatin9 } from './latin9.ts';

export type FecExport = {
  fileName: string;
  year: FiscalYearRow;
  /** Entries of the year (the last number): the unit of `chunks`' progress. */
  entryCount: number;
  /** Entry lines written so far (the header not counted): the file's total once `chunks` has ended. */
  readonly lineCount: number;
  /**
   * The file as text chunks, header first, read from the database in batches and checked as they are
   * read: after the last chunk the generator throws the refusal, with the list of problems, when the year
   * breaks a rule. A caller keeps what it wrote only when the generator ends without error (exportFecFile).
   */
  chunks: (onProgress?: (done: number, total: number) => void) => AsyncGenerator<string>;
};

// Entries per query: a keyset range of numbers read through the number index, each entry's lines through
// theirs. 500 entries (~1,350 lines, 160 KB of text): a batch's rows and text die young; with 5,000 the
// process peaked at 390 MB on a 1M-line export, with 500 at 240 MB, in the same time. Journals, accounts and letterings are few and are read once into maps rather than joined on
// every line, which was most of the export's time (issue 3 §7: 1M lines under 5 s).
const BATCH = 500;

type Named = { code: string; label: string };

/** An entry of the export, as an array, in select order. */
type EntryRow = [
  number: number,
  journal_id: string,
  entry_date: string,
  voucher_ref: string | null,
  voucher_date: string | null,
  validated_on: string,
];

/** A line of the export, as an array (a million of them: no object per row), in select order. */
type LineRow = [
  number: number,
  position: number,
  account_id: string,
  auxiliary_id: string | null,
  label: string,
  debit: number,
  credit: number,
  lettering_id: string | null,
];

// A batch's entries and their lines are read apart: the entry's six columns then come once per entry, not
// once per line — turning a million rows' values into JavaScript strings is most of what reading costs
// (decision 0046).
async function batchOfNumbers(db: Db, orgId: string, year: FiscalYearRow, first: number, last: number) {
  // The same entries for both reads: numbers first…last of the year's validated entries. Entries
  // validated while the export runs take numbers above the last one read at its start, so both reads see
  // the same entries.
  const inBatch = sql<boolean>`e.org_id = ${orgId} and e.fiscal_year_id = ${year.id} and e.status = 'validated' and e.number >= ${first} and e.number <= ${last}`;
  const entries = db
    .selectFrom('ledger_entry as e')
    .select(['e.number', 'e.journal_id', 'e.entry_date', 'e.voucher_ref', 'e.voucher_date', 'e.validated_on'])
    .where(inBatch)
    .orderBy('e.number')
    .compile();
  const lines = db
    .selectFrom('ledger_entry as e')
    .innerJoin('ledger_line as l', (j) =>
      j.onRef('l.org_id', '=', 'e.org_id').onRef('l.entry_id', '=', 'e.id'),
    )
    .leftJoin('ledger_lettering_line as ll', (j) =>
      j.onRef('ll.org_id', '=', 'l.org_id').onRef('ll.line_id', '=', 'l.id'),
    )
    .select([
      'e.number',
      'l.position',
      'l.account_id',
      'l.auxiliary_id',
      'l.label',
      'l.debit',
      'l.credit',
      'll.lettering_id',
    ])
    .where(inBatch)
    .orderBy('e.number')
    .compile();
  return {
    entries: (await selectArrays(db, entries)) as EntryRow[],
    // Lines come per entry through their (entry, position) index; ordering by position in SQL would sort
    // the whole batch in a temporary B-tree, so the positions are put in order below, per entry.
    lines: inLineOrder((await selectArrays(db, lines)) as LineRow[]),
  };
}

/** Puts each entry's lines in position order (they nearly always already are). */
function inLineOrder(rows: LineRow[]): LineRow[] {
  for (let start = 0; start < rows.length; ) {
    let end = start + 1;
    let sorted = true;
    while (end < rows.length && rows[end]![0] === rows[start]![0]) {
      if (rows[end]![1] < rows[end - 1]![1]) sorted = false;
      end++;
    }
    if (!sorted) {
      const lines = rows.slice(start, end).sort((a, b) => a[1] - b[1]);
      rows.splice(start, lines.length, ...lines);
    }
    start = end;
  }
  return rows;
}

async function namesOf(db: Db, orgId: string) {
  const journals = new Map<string, Named>();
  for (const j of await db
    .selectFrom('ledger_journal')
    .select(['id', 'code', 'label'])
    .where('org_id', '=', orgId)
    .execute())
    journals.set(j.id, { code: j.code, label: j.label });
  const accounts = new Map<string, Named>();
  for (const a of await db
    .selectFrom('ledger_account')
    .select(['id', 'number', 'label'])
    .where('org_id', '=', orgId)
    .execute())
    accounts.set(a.id, { code: a.number, label: a.label });
  return { journals, accounts };
}

type Lettering = { label: string; letteredOn: string | null };

/** The letterings a batch refers to, read once each (a lettering spans lines of many batches). */
async function letteringsOf(db: Db, orgId: string, ids: string[], known: Map<string, Lettering>) {
  const missing = [...new Set(ids)].filter((id) => !known.has(id));
  for (let i = 0; i < missing.length; i += 500)
    for (const lt of await db
      .selectFrom('ledger_lettering')
      .select(['id', 'code', 'complete', 'lettered_on'])
      .where('org_id', '=', orgId)
      .where('id', 'in', missing.slice(i, i + 500))
      .execute())
      known.set(lt.id, { label: letteringLabel(lt.code, lt.complete)!, letteredOn: lt.lettered_on });
}

/**
 * Prepares the FEC of a fiscal year ('2026' or an id): its file name and a generator of the file's text,
 * entries in the order of their numbers (the order of validation), lines in their order, checked as they
 * are written (fec-check.ts).
 */
export async function prepareFecExport(db: Db, orgId: string, fiscalYear: string): Promise<FecExport> {
  const year = await findFiscalYear(db, orgId, fiscalYear);
  const org = await organisationCalendar(db, orgId);
  const { last } = await db
    .selectFrom('ledger_entry')
    .select((eb) => eb.fn.max('number').as('last'))
    .where('org_id', '=', orgId)
    .where('fiscal_year_id', '=', year.id)
    .executeTakeFirstOrThrow();
  const lastNumber = Number(last ?? 0);
  let lineCount = 0;
  return {
    fileName: fecFileName(org.siren, year.end_date),
    year,
    entryCount: lastNumber,
    get lineCount() {
      return lineCount;
    },
    async *chunks(onProgress) {
      yield fecHeader();
      const check = fecYearChecker(year);
      const { journals, accounts } = await namesOf(db, orgId);
      // Kept for the whole export; bounded by the letterings of the organisation, not by its lines.
      const letterings = new Map<string, Lettering>();
      // Numbers are unique per year, so ranges of numbers up to the last one cover every entry once.
      for (let first = 1; first <= lastNumber; first += BATCH) {
        const last = Math.min(first + BATCH - 1, lastNumber);
        const { entries, lines } = await batchOfNumbers(db, orgId, year, first, last);
        const letteringIds = lines.flatMap((r) => (r[7] ? [r[7]] : []));
        if (letteringIds.length > 0) await letteringsOf(db, orgId, letteringIds, letterings);
        let text = '';
        let at = 0;
        for (const [number, journalId, entryDate, voucherRef, voucherDate, validatedOn] of entries) {
          const journal = journals.get(journalId)!;
          let debits = 0;
          let credits = 0;
          const from = at;
          for (; at < lines.length && lines[at]![0] === number; at++) {
            const [, , accountId, auxiliaryId, label, debit, credit, letteringId] = lines[at]!;
            const account = accounts.get(accountId)!;
            const auxiliary = auxiliaryId ? accounts.get(auxiliaryId)! : null;
            const lettering = letteringId ? letterings.get(letteringId)! : null;
            debits += Number(debit);
            credits += Number(credit);
            text += fastFecRecord({
              journalCode: journal.code,
              journalLabel: journal.label,
              number: Number(number),
              date: entryDate,
              account: account.code,
              accountLabel: account.label,
              auxiliary: auxiliary?.code ?? null,
              auxiliaryLabel: auxiliary?.label ?? null,
              voucherRef,
              voucherDate,
              label,
              debit: Number(debit),
              credit: Number(credit),
              lettering: lettering?.label ?? null,
              letteredOn: lettering?.letteredOn ?? null,
              validatedOn,
            });
          }
          check.entry({
            number: Number(number),
            date: entryDate,
            lines: at - from,
            debit: debits,
            credit: credits,
          });
        }
        lineCount += at;
        onProgress?.(last, lastNumber);
        yield text;
      }
      const problems = check.problems();
      if (problems.length > 0)
        throw new DomainError(
          'rule-broken',
          `Le FEC de l’exercice ${fiscalYearName(year.start_date, year.end_date)} ne peut pas être produit : ${problems.length} anomalie(s).`,
          problems,
          'fec-refused',
        );
    },
  };
}

/**
 * Writes the FEC of a fiscal year to a file, in Latin-9, with back-pressure. The text goes to
 * `<file>.part`, renamed to the file at the end: a year that breaks a rule leaves no file behind, only
 * the refusal with its list of problems.
 */
export async function exportFecFile(
  db: Db,
  orgId: string,
  fiscalYear: string,
  file: string | ((fileName: string) => string),
  onProgress?: (done: number, total: number) => void,
): Promise<{ path: string; fileName: string; lineCount: number }> {
  const fec = await prepareFecExport(db, orgId, fiscalYear);
  const path = typeof file === 'string' ? file : file(fec.fileName);
  const part = `${path}.part`;
  try {
    await pipeline(
      Readable.from(
        (async function* () {
          for await (const chunk of fec.chunks(onProgress)) yield encodeLatin9(chunk);
        })(),
      ),
      createWriteStream(part),
    );
    await rename(part, path);
  } catch (error) {
    await rm(part, { force: true });
    throw error;
  }
  return { path, fileName: fec.fileName, lineCount: fec.lineCount };
}

/** The whole FEC as one string (tests, small organisations); large ones stream `chunks()` instead. */
export async function exportFecText(db: Db, orgId: string, fiscalYear: string) {
  const fec = await prepareFecExport(db, orgId, fiscalYear);
  let text = '';
  for await (const chunk of fec.chunks()) text += chunk;
  return { fileName: fec.fileName, text, lineCount: fec.lineCount };
}
