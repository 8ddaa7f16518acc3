import { compareDates } from '../../kernel/dates/index.ts';
import type { Db } from '../../kernel/db/index.ts';
import { ruleBroken } from '../../kernel/errors/domain-error.ts';
import { formatNumber, takeNextNumber } from '../../kernel/numbering/numbering.ts';
import { listFiscalYears } from '../../ledger/index.ts';

/**
 * The next gap-free number of a series per fiscal year (named by the year it ends in, as invoices are):
 * RC-2026-0001 for receipts, BR-2026-0001 for deposit slips. Inside the recording transaction.
 */
export async function nextDocumentNumber(trx: Db, orgId: string, prefix: string, date: string) {
  const year = (await listFiscalYears(trx, orgId)).find(
    (y) => compareDates(y.start_date, date) <= 0 && compareDates(date, y.end_date) <= 0,
  );
  if (!year)
    throw ruleBroken(
      `Aucun exercice comptable ne contient le ${date} : ouvrez l’exercice d’abord.`,
      'no-fiscal-year',
    );
  if (year.status !== 'open')
    throw ruleBroken(`L’exercice contenant le ${date} est clôturé.`, 'fiscal-year-closed');
  const label = year.end_date.slice(0, 4);
  return formatNumber(prefix, label, await takeNextNumber(trx, orgId, `relations.${prefix}:${label}`), 4);
}
