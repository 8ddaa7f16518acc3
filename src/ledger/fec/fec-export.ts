import type { Db } from '../../kernel/db/index.ts';
import { DomainError } from '../../kernel/errors/domain-error.ts';
import { letteringLabel } from '../entries/entry-read.ts';
import {
  type FiscalYearRow,
  findFiscalYear,
  fiscalYearName,
  organisationCalendar,
} from '../fiscal-years/fiscal-year.ts';
import { fecProblems } from './fec-check.ts';
import { type FecLine, fecFileName, fecHeader, fecRecord, formatFecRecord } from './fec-format.ts';

export type FecExport = {
  fileName: string;
  year: FiscalYearRow;
  /** Number of entry lines (the header not counted). */
  lineCount: number;
  /** The file as text chunks, header first, read from the database in batches. */
  chunks: (onProgress?: (done: number, total: number) => void) => AsyncGenerator<string>;
};

// Entries per query: a range of numbers reads the number index, then each entry's lines by their index.
const BATCH = 2000;

async function batchOfNumbers(db: Db, orgId: string, year: FiscalYearRow, first: number) {
  return db
    .selectFrom('ledger_entry as e')
    .innerJoin('ledger_line as l', (j) =>
      j.onRef('l.org_id', '=', 'e.org_id').onRef('l.entry_id', '=', 'e.id'),
    )
    .innerJoin('ledger_journal as jn', (j) =>
      j.onRef('jn.org_id', '=', 'e.org_id').onRef('jn.id', '=', 'e.journal_id'),
    )
    .innerJoin('ledger_account as a', (j) =>
      j.onRef('a.org_id', '=', 'l.org_id').onRef('a.id', '=', 'l.account_id'),
    )
    .leftJoin('ledger_account as x', (j) =>
      j.onRef('x.org_id', '=', 'l.org_id').onRef('x.id', '=', 'l.auxiliary_id'),
    )
    .leftJoin('ledger_lettering_line as ll', (j) =>
      j.onRef('ll.org_id', '=', 'l.org_id').onRef('ll.line_id', '=', 'l.id'),
    )
    .leftJoin('ledger_lettering as lt', (j) =>
      j.onRef('lt.org_id', '=', 'll.org_id').onRef('lt.id', '=', 'll.lettering_id'),
    )
    .select([
      'jn.code as journal_code',
      'jn.label as journal_label',
      'e.number',
      'l.position',
      'e.entry_date',
      'a.number as account',
      'a.label as account_label',
      'x.number as auxiliary',
      'x.label as auxiliary_label',
      'e.voucher_ref',
      'e.voucher_date',
      'l.label',
      'l.debit',
      'l.credit',
      'lt.code as lettering_code',
      'lt.complete as lettering_complete',
      'lt.lettered_on',
      'e.validated_on',
    ])
    .where('e.org_id', '=', orgId)
    .where('e.fiscal_year_id', '=', year.id)
    .where('e.status', '=', 'validated')
    .where('e.number', '>=', first)
    .where('e.number', '<', first + BATCH)
    .orderBy('e.number')
    .orderBy('l.position')
    .execute();
}

/**
 * Prepares the FEC of a fiscal year ('2026' or an id): refuses, with the list of problems, a year that
 * breaks a rule; otherwise gives the file name and a generator of the file's text, entries in the order
 * of their numbers (the order of validation), lines in their order.
 */
export async function prepareFecExport(db: Db, orgId: string, fiscalYear: string): Promise<FecExport> {
  const year = await findFiscalYear(db, orgId, fiscalYear);
  const problems = await fecProblems(db, orgId, year);
  if (problems.length > 0)
    throw new DomainError(
      'rule-broken',
      `Le FEC de l’exercice ${fiscalYearName(year.start_date, year.end_date)} ne peut pas être produit : ${problems.length} anomalie(s).`,
      problems,
      'fec-refused',
    );
  const org = await organisationCalendar(db, orgId);
  const { lines } = await db
    .selectFrom('ledger_line')
    .select((eb) => eb.cast<number>(eb.fn.countAll(), 'bigint').as('lines'))
    .where('org_id', '=', orgId)
    .where('fiscal_year_id', '=', year.id)
    .executeTakeFirstOrThrow();
  const lineCount = Number(lines);
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
      for (let first = 1; first <= lastNumber; first += BATCH) {
        const rows = await batchOfNumbers(db, orgId, year, first);
        let text = '';
        for (const r of rows) {
          const line: FecLine = {
            journalCode: r.journal_code,
            journalLabel: r.journal_label,
            number: Number(r.number),
            date: r.entry_date,
            account: r.account,
            accountLabel: r.account_label,
            auxiliary: r.auxiliary,
            auxiliaryLabel: r.auxiliary_label,
            voucherRef: r.voucher_ref,
            voucherDate: r.voucher_date,
            label: r.label,
            debit: Number(r.debit),
            credit: Number(r.credit),
            lettering: letteringLabel(r.lettering_code, r.lettering_complete),
            letteredOn: r.lettered_on,
            validatedOn: r.validated_on!,
          };
          text += formatFecRecord(fecRecord(line));
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
