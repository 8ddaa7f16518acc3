import { compareDates, formatDateFr } from '../../kernel/dates/index.ts';
import type { Db } from '../../kernel/db/index.ts';
import { ruleBroken } from '../../kernel/errors/domain-error.ts';
import { formatNumber, takeNextNumber } from '../../kernel/numbering/numbering.ts';
import { listFiscalYears } from '../../ledger/index.ts';

/**
 * The next gap-free number of a series per fiscal year (named by the year it ends in, as the sales and
 * purchase series): NDF-2026-0001. Must run in the validating transaction, before anything is read that
 * depends on the order of validations (the counter's lock serialises them).
 */
export async function nextNumber(trx: Db, orgId: string, prefix: string, date: string): Promise<string> {
  const year = (await listFiscalYears(trx, orgId)).find(
    (y) => compareDates(y.start_date, date) <= 0 && compareDates(date, y.end_date) <= 0,
  );
  if (!year)
    throw ruleBroken(
      `Aucun exercice comptable ne contient le ${formatDateFr(date)} : ouvrez l’exercice d’abord.`,
      'no-fiscal-year',
    );
  if (year.status !== 'open')
    throw ruleBroken(`L’exercice contenant le ${formatDateFr(date)} est clôturé.`, 'fiscal-year-closed');
  const label = year.end_date.slice(0, 4);
  return formatNumber(prefix, label, await takeNextNumber(trx, orgId, `personnel.${prefix}:${label}`), 4);
}
