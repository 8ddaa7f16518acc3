import { compareDates } from '../../kernel/dates/index.ts';
import type { Db } from '../../kernel/db/index.ts';
import { invalid, notFound } from '../../kernel/errors/domain-error.ts';
import { currentFiscalYear, type FiscalYearRow, fiscalYearOf } from '../fiscal-years/fiscal-year.ts';
import type { PeriodQuery } from './contract.ts';

export type Period = { year: FiscalYearRow; from: string; to: string };

/**
 * Reports run inside one fiscal year: the opening entries (AN) of a year already carry the earlier ones,
 * so summing across years would count them twice. Defaults: the current fiscal year, whole.
 */
export async function resolvePeriod(db: Db, orgId: string, query: PeriodQuery): Promise<Period> {
  const anchor = query.from ?? query.to;
  const year = anchor ? await fiscalYearOf(db, orgId, anchor) : await currentFiscalYear(db, orgId);
  if (!year) {
    if (anchor)
      throw invalid(`Aucun exercice ne contient le ${anchor}.`, [
        { field: 'from', message: 'Hors exercice.' },
      ]);
    throw notFound('Exercice');
  }
  const from = query.from ?? year.start_date;
  const to = query.to ?? year.end_date;
  if (compareDates(from, to) > 0)
    throw invalid('La date de fin précède la date de début.', [
      { field: 'to', message: 'Avant la date de début.' },
    ]);
  if (compareDates(to, year.end_date) > 0 || compareDates(from, year.start_date) < 0)
    throw invalid(`La période doit rester dans un exercice (du ${year.start_date} au ${year.end_date}).`, [
      { field: 'to', message: 'Hors de l’exercice de la date de début.' },
    ]);
  return { year, from, to };
}
