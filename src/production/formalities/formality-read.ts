import { daysBetween, todayIn } from '../../kernel/dates/index.ts';
import type { Db } from '../../kernel/db/index.ts';
import { notFound } from '../../kernel/errors/domain-error.ts';
import { getOrganisation } from '../../kernel/organisations/organisation.ts';
import type { FormalityDto, FormalityListQuery } from './contract.ts';
import { formalityStatus, nextDue } from './due-dates.ts';
import type { ProductionFormalityCompletionTable, ProductionFormalityTable } from './tables.ts';

// Reading the register: each formality with its next due date and its status computed on a date.

export type FormalityRow = ProductionFormalityTable & { party_name: string | null };

export function formalityRows(db: Db, orgId: string) {
  return db
    .selectFrom('production_formality as f')
    .leftJoin('party as p', (j) => j.onRef('p.org_id', '=', 'f.org_id').onRef('p.id', '=', 'f.party_id'))
    .selectAll('f')
    .select('p.name as party_name')
    .where('f.org_id', '=', orgId);
}

export const partnerOf = (row: FormalityRow) => row.party_name ?? row.partner_name ?? '';
export const nextDueOf = (row: ProductionFormalityTable) =>
  row.status === 'done' ? null : nextDue(row.first_due_on, row.periodicity, Number(row.done_count));

export function toFormalityDto(
  row: FormalityRow,
  asOf: string,
  completions: ProductionFormalityCompletionTable[] = [],
): FormalityDto {
  const due = nextDueOf(row);
  return {
    id: row.id,
    title: row.title,
    partyId: row.party_id,
    partner: partnerOf(row),
    category: row.category,
    periodicity: row.periodicity,
    nextDueOn: due,
    responsible: row.responsible,
    reminderDays: Number(row.reminder_days),
    notes: row.notes,
    status: formalityStatus(due, Number(row.reminder_days), asOf),
    asOf,
    inDays: due === null ? null : daysBetween(asOf, due),
    completions: completions.map((c) => ({
      id: c.id,
      dueOn: c.due_on,
      doneOn: c.done_on,
      reference: c.reference,
      note: c.note,
      createdAt: c.created_at,
    })),
    createdAt: row.created_at,
  };
}

export async function getFormality(db: Db, orgId: string, id: string, asOf: string): Promise<FormalityDto> {
  const row = await formalityRows(db, orgId).where('f.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Formalité');
  const completions = await db
    .selectFrom('production_formality_completion')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('formality_id', '=', id)
    .orderBy('due_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return toFormalityDto(row, asOf, completions);
}

/** The register, soonest due first; the done ones last. */
export async function listFormalities(
  db: Db,
  orgId: string,
  query: FormalityListQuery,
  asOf: string,
): Promise<FormalityDto[]> {
  let q = formalityRows(db, orgId);
  if (query.category) q = q.where('f.category', '=', query.category);
  const rows = await q.orderBy('f.title').orderBy('f.id').execute();
  const items = rows
    .map((r) => toFormalityDto(r, asOf))
    .sort((a, b) => (a.nextDueOn ?? '9999').localeCompare(b.nextDueOn ?? '9999'));
  return query.status ? items.filter((f) => f.status === query.status) : items;
}

/** Today for the organisation (its simulated day in a training sandbox). */
export async function orgToday(db: Db, orgId: string): Promise<string> {
  const org = await getOrganisation(db, orgId);
  return org.simulatedToday ?? todayIn(org.timeZone);
}
