import { type Db, selectArrays } from '../../kernel/db/index.ts';
import { DomainError } from '../../kernel/errors/domain-error.ts';
import { letteringLabel } from '../entries/entry-read.ts';
import {
  type FiscalYearRow,
  findFiscalYear,
  fiscalYearName,
  organisationCalendar,
} from '../fiscal-years/fiscal-year.ts';
import { checkFecYear } from './fec-check.ts';
import { fastFecRecord, fecFileName, fecHeader } from './fec-format.ts';

export type FecExport = {
  fileName: string;
  year: FiscalYearRow;
  /** Number of entry lines (the header not counted). */
  lineCount: number;
  /** The file as text chunks, header first, read from the database in batches. */
  chunks: (onProgress?: (done: number, total: number) => void) => AsyncGenerator<string>;
};

// Entries per query: a keyset range of numbers read through the number index, each entry's lines through
// theirs. 500 entries (~1,350 lines, 160 KB of text): a batch's rows and text die young; with 5,000 the
// process peaked at 390 MB on a 1M-line export, with 500 at 240 MB, in the same time. Journals, accounts and letterings are few and are read once into maps rather than joined on
// every line, which was most of the export's time (issue 3 §7: 1M lines under 5 s).
const BATCH = 500;

type Named = { code: string; label: string };

/** A line of the export, as an array (a million of them: no object per row), in select order. */
type BatchRow = [
  journal_id: string,
  number: number,
  entry_date: string,
  position: number,
  account_id: string,
  auxiliary_id: string | null,
  voucher_ref: string | null,
  voucher_date: string | null,
  label: string,
  debit: number,
  credit: number,
  lettering_id: string | null,
  validated_on: string,
];

async function batchOfNumbers(db: Db, orgId: string, year: FiscalYearRow, first: number) {
  const query = db
    .selectFrom('ledger_entry as e')
    .innerJoin('ledger_line as l', (j) =>
      j.onRef('l.org_id', '=', 'e.org_id').onRef('l.entry_id', '=', 'e.id'),
    )
    .leftJoin('ledger_lettering_line as ll', (j) =>
      j.onRef('ll.org_id', '=', 'l.org_id').onRef('ll.line_id', '=', 'l.id'),
    )
    .select([
      'e.journal_id',
      'e.number',
      'e.entry_date',
      'l.position',
      'l.account_id',
      'l.auxiliary_id',
      'e.voucher_ref',
      'e.voucher_date',
      'l.label',
      'l.debit',
      'l.credit',
      'll.lettering_id',
      'e.validated_on',
    ])
    .where('e.org_id', '=', orgId)
    .where('e.fiscal_year_id', '=', year.id)
    .where('e.status', '=', 'validated')
    .where('e.number', '>=', first)
    .where('e.number', '<', first + BATCH)
    // Lines come per entry through their (entry, position) index; ordering by position in SQL would sort
    // the whole batch in a temporary B-tree, so the positions are put in order below, per entry.
    .orderBy('e.number')
    .compile();
  return inLineOrder((await selectArrays(db, query)) as BatchRow[]);
}

/** Puts each entry's lines in position order (they nearly always already are). */
function inLineOrder(rows: BatchRow[]): BatchRow[] {
  for (let start = 0; start < rows.length; ) {
    let end = start + 1;
    let sorted = true;
    while (end < rows.length && rows[end]![1] === rows[start]![1]) {
      if (rows[end]![3] < rows[end - 1]![3]) sorted = false;
      end++;
    }
    if (!sorted) {
      const lines = rows.slice(start, end).sort((a, b) => a[3] - b[3]);
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
 * Prepares the FEC of a fiscal year ('2026' or an id): refuses, with the list of problems, a year that
 * breaks a rule; otherwise gives the file name and a generator of the file's text, entries in the order
 * of their numbers (the order of validation), lines in their order.
 */
export async function prepareFecExport(db: Db, orgId: string, fiscalYear: string): Promise<FecExport> {
  const year = await findFiscalYear(db, orgId, fiscalYear);
  const { problems, lineCount } = await checkFecYear(db, orgId, year);
  if (problems.length > 0)
    throw new DomainError(
      'rule-broken',
      `Le FEC de l’exercice ${fiscalYearName(year.start_date, year.end_date)} ne peut pas être produit : ${problems.length} anomalie(s).`,
      problems,
      'fec-refused',
    );
  const org = await organisationCalendar(db, orgId);
  const { last } = await db
    .selectFrom('ledger_entry')
    .select((eb) => eb.fn.max('number').as('last'))
    .where('org_id', '=', orgId)
    .where('fiscal_year_id', '=', year.id)
    .executeTakeFirstOrThrow();
  const lastNumber = Number(last ?? 0);
  return {
    fileName: fecFileName(org.siren, year.end_date),
    year,
    lineCount,
    async *chunks(onProgress) {
      yield fecHeader();
      let done = 0;
      // Numbers run 1…last without a gap (checked above), so ranges of numbers cover every entry once.
      const { journals, accounts } = await namesOf(db, orgId);
      // Kept for the whole export; bounded by the letterings of the organisation, not by its lines.
      const letterings = new Map<string, Lettering>();
      // Numbers run 1…last without a gap (checked above), so ranges of numbers cover every entry once.
      for (let first = 1; first <= lastNumber; first += BATCH) {
        const rows = await batchOfNumbers(db, orgId, year, first);
        const letteringIds = rows.flatMap((r) => (r[11] ? [r[11]] : []));
        if (letteringIds.length > 0) await letteringsOf(db, orgId, letteringIds, letterings);
        let text = '';
        for (const r of rows) {
          const [journalId, number, entryDate, , accountId, auxiliaryId, voucherRef, voucherDate] = r;
          const [, , , , , , , , label, debit, credit, letteringId, validatedOn] = r;
          const journal = journals.get(journalId)!;
          const account = accounts.get(accountId)!;
          const auxiliary = auxiliaryId ? accounts.get(auxiliaryId)! : null;
          const lettering = letteringId ? letterings.get(letteringId)! : null;
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
        done += rows.length;
        onProgress?.(done, lineCount);
        yield text;
      }
    },
  };
}

/** The whole FEC as one string (tests, small organisations); large ones stream `chunks()` instead. */
export async function exportFecText(db: Db, orgId: string, fiscalYear: string) {
  const fec = await prepareFecExport(db, orgId, fiscalYear);
  let text = '';
  for await (const chunk of fec.chunks()) text += chunk;
  return { fileName: fec.fileName, text, lineCount: fec.lineCount };
}
