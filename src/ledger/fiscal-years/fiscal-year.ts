import { recordAudit } from '../../kernel/audit/audit.ts';
import { addDays, addMonths, compareDates, fiscalYearContaining, todayIn } from '../../kernel/dates/index.ts';
import { type Db, isUniqueViolation } from '../../kernel/db/index.ts';
import { conflict, invalid, notFound, ruleBroken } from '../../kernel/errors/domain-error.ts';
import { newId } from '../../kernel/ids.ts';
import type { FiscalYearDto, FiscalYearInput } from './contract.ts';
import type { LedgerFiscalYearTable } from './tables.ts';

export type FiscalYearRow = LedgerFiscalYearTable;

export function fiscalYearName(start: string, end: string): string {
  return start.slice(0, 4) === end.slice(0, 4)
    ? start.slice(0, 4)
    : `${start.slice(0, 4)}-${end.slice(0, 4)}`;
}

export function toFiscalYearDto(row: FiscalYearRow): FiscalYearDto {
  return {
    id: row.id,
    name: fiscalYearName(row.start_date, row.end_date),
    start: row.start_date,
    end: row.end_date,
    status: row.status,
    closedAt: row.closed_at,
  };
}

export async function organisationCalendar(db: Db, orgId: string) {
  const org = await db
    .selectFrom('organisation')
    .select(['fiscal_year_start', 'time_zone', 'siren', 'name'])
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  if (!org) throw notFound('Organisation');
  return org;
}

export async function listFiscalYears(db: Db, orgId: string): Promise<FiscalYearRow[]> {
  return db
    .selectFrom('ledger_fiscal_year')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('start_date')
    .execute();
}

export async function getFiscalYear(db: Db, orgId: string, fiscalYearId: string): Promise<FiscalYearRow> {
  const row = await db
    .selectFrom('ledger_fiscal_year')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', fiscalYearId)
    .executeTakeFirst();
  if (!row) throw notFound('Exercice');
  return row;
}

/**
 * A fiscal year named the way users and the FEC name it: '2026' is the year that closes in 2026 (the FEC
 * file is named by its closing date); anything else is taken as an id.
 */
export async function findFiscalYear(db: Db, orgId: string, reference: string): Promise<FiscalYearRow> {
  if (/^\d{4}$/.test(reference)) {
    const row = await db
      .selectFrom('ledger_fiscal_year')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('end_date', '>=', `${reference}-01-01`)
      .where('end_date', '<=', `${reference}-12-31`)
      .orderBy('end_date', 'desc')
      .executeTakeFirst();
    if (!row) throw notFound(`Exercice ${reference}`);
    return row;
  }
  return getFiscalYear(db, orgId, reference);
}

export async function fiscalYearOf(db: Db, orgId: string, date: string): Promise<FiscalYearRow | undefined> {
  return db
    .selectFrom('ledger_fiscal_year')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('start_date', '<=', date)
    .where('end_date', '>=', date)
    .executeTakeFirst();
}

/** The fiscal year an entry dated `date` can be validated in, or a clear refusal. */
export async function requireOpenFiscalYear(db: Db, orgId: string, date: string): Promise<FiscalYearRow> {
  const year = await fiscalYearOf(db, orgId, date);
  if (!year)
    throw ruleBroken(
      `Aucun exercice ne contient la date du ${date} : ouvrez d’abord l’exercice.`,
      'no-fiscal-year',
    );
  if (year.status !== 'open')
    throw ruleBroken(
      `L’exercice ${fiscalYearName(year.start_date, year.end_date)} est clôturé : aucune écriture ne peut y être validée.`,
      'fiscal-year-closed',
    );
  return year;
}

/** The open fiscal year that contains today, or else the latest open one: the default period of reports. */
export async function currentFiscalYear(db: Db, orgId: string): Promise<FiscalYearRow | undefined> {
  const org = await organisationCalendar(db, orgId);
  const today = todayIn(org.time_zone);
  const containing = await fiscalYearOf(db, orgId, today);
  if (containing) return containing;
  return db
    .selectFrom('ledger_fiscal_year')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('start_date', 'desc')
    .executeTakeFirst();
}

/**
 * Opens a fiscal year. Without dates: the year after the latest one, or the year containing today for
 * the first one, both following the organisation's fiscal year start. With dates: any span of at most
 * 24 months (French law allows a long first or last year) that overlaps no other year.
 */
export async function openFiscalYear(
  trx: Db,
  orgId: string,
  input: FiscalYearInput,
  actorId: string | null,
): Promise<FiscalYearRow> {
  const org = await organisationCalendar(trx, orgId);
  let start: string;
  let end: string;
  if (input.start && input.end) {
    start = input.start;
    end = input.end;
  } else {
    const latest = await trx
      .selectFrom('ledger_fiscal_year')
      .selectAll()
      .where('org_id', '=', orgId)
      .orderBy('end_date', 'desc')
      .executeTakeFirst();
    start = latest
      ? addDays(latest.end_date, 1)
      : fiscalYearContaining(org.fiscal_year_start, todayIn(org.time_zone)).start;
    // After a change of the fiscal year start, the next year ends where the new rhythm says.
    end = fiscalYearContaining(org.fiscal_year_start, start).end;
  }
  return insertFiscalYear(trx, orgId, start, end, actorId);
}

/** The regular fiscal year containing `date`, opened if no year covers it (FEC import). */
export async function ensureFiscalYearFor(trx: Db, orgId: string, date: string, actorId: string | null) {
  const existing = await fiscalYearOf(trx, orgId, date);
  if (existing) return existing;
  const org = await organisationCalendar(trx, orgId);
  const regular = fiscalYearContaining(org.fiscal_year_start, date);
  // Shrink the regular year so it does not overlap its neighbours.
  const before = await trx
    .selectFrom('ledger_fiscal_year')
    .select('end_date')
    .where('org_id', '=', orgId)
    .where('end_date', '<', date)
    .orderBy('end_date', 'desc')
    .executeTakeFirst();
  const after = await trx
    .selectFrom('ledger_fiscal_year')
    .select('start_date')
    .where('org_id', '=', orgId)
    .where('start_date', '>', date)
    .orderBy('start_date')
    .executeTakeFirst();
  const start =
    before && compareDates(before.end_date, regular.start) >= 0 ? addDays(before.end_date, 1) : regular.start;
  const end =
    after && compareDates(after.start_date, regular.end) <= 0 ? addDays(after.start_date, -1) : regular.end;
  return insertFiscalYear(trx, orgId, start, end, actorId);
}

async function insertFiscalYear(trx: Db, orgId: string, start: string, end: string, actorId: string | null) {
  if (compareDates(start, end) > 0)
    throw invalid('La fin de l’exercice précède son début.', [
      { field: 'end', message: 'Date de fin avant le début.' },
    ]);
  if (compareDates(end, addDays(addMonths(start, 24), -1)) > 0)
    throw invalid('Un exercice dure au plus 24 mois.', [
      { field: 'end', message: 'Exercice de plus de 24 mois.' },
    ]);
  const overlapping = await trx
    .selectFrom('ledger_fiscal_year')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('start_date', '<=', end)
    .where('end_date', '>=', start)
    .executeTakeFirst();
  if (overlapping)
    throw conflict(
      `L’exercice du ${start} au ${end} chevauche l’exercice ${fiscalYearName(overlapping.start_date, overlapping.end_date)}.`,
    );
  const row: FiscalYearRow = {
    org_id: orgId,
    id: newId(),
    start_date: start,
    end_date: end,
    status: 'open',
    closed_at: null,
    closed_by: null,
    created_at: new Date().toISOString(),
  };
  try {
    await trx.insertInto('ledger_fiscal_year').values(row).execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`Un exercice commence déjà le ${start}.`);
    throw error;
  }
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'ledger.fiscal_year.opened',
    entity: 'ledger_fiscal_year',
    entityId: row.id,
    after: { start, end },
  });
  return row;
}
