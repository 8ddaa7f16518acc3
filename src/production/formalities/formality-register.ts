import { recordAudit } from '../../kernel/audit/audit.ts';
import { formatDateFr, nowInstant } from '../../kernel/dates/index.ts';
import type { Db } from '../../kernel/db/index.ts';
import { invalid, notFound } from '../../kernel/errors/domain-error.ts';
import { newId } from '../../kernel/ids.ts';
import type { CompletionInput, FormalityDto, FormalityInput } from './contract.ts';
import { getFormality, nextDueOf } from './formality-read.ts';

// The formalities register: entered, then each occurrence completed (decision 0048). Nothing is posted
// to the ledger: paying what a declaration says is the purchases' or the payroll's business.

const ENTITY = 'production_formality';

async function checkPartner(trx: Db, orgId: string, input: FormalityInput) {
  if (input.partyId) {
    const party = await trx
      .selectFrom('party')
      .select('id')
      .where('org_id', '=', orgId)
      .where('id', '=', input.partyId)
      .executeTakeFirst();
    if (!party) throw notFound('Partenaire');
    return;
  }
  if (!input.partnerName)
    throw invalid('Partenaire : choisissez un tiers ou saisissez le nom de l’organisme.', [
      { field: 'partnerName', message: 'Partenaire : champ obligatoire.' },
    ]);
}

export async function createFormality(
  trx: Db,
  orgId: string,
  input: FormalityInput,
  asOf: string,
  actorId: string | null,
): Promise<FormalityDto> {
  await checkPartner(trx, orgId, input);
  const id = newId();
  const now = nowInstant();
  const columns = {
    title: input.title,
    party_id: input.partyId ?? null,
    partner_name: input.partyId ? null : input.partnerName,
    category: input.category,
    periodicity: input.periodicity,
    first_due_on: input.dueOn,
    responsible: input.responsible,
    reminder_days: input.reminderDays,
    notes: input.notes,
  };
  await trx
    .insertInto('production_formality')
    .values({
      org_id: orgId,
      id,
      ...columns,
      done_count: 0,
      status: 'active',
      created_at: now,
      created_by: actorId,
      updated_at: now,
    })
    .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'production.formality.created',
    entity: ENTITY,
    entityId: id,
    after: columns,
  });
  return getFormality(trx, orgId, id, asOf);
}

/**
 * Completes the occurrence due next: records it in the history and moves the next due date by the
 * periodicity; a one-off formality becomes done. The row is locked first, so two completions serialise.
 */
export async function completeFormality(
  trx: Db,
  orgId: string,
  id: string,
  input: CompletionInput,
  asOf: string,
  actorId: string | null,
): Promise<FormalityDto> {
  await trx
    .updateTable('production_formality')
    .set((eb) => ({ updated_at: eb.ref('updated_at') }))
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
  const row = await trx
    .selectFrom('production_formality')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Formalité');
  const due = nextDueOf(row);
  if (due === null) throw invalid('Cette formalité ponctuelle est déjà terminée.');
  if (input.doneOn > asOf)
    throw invalid(`Date de réalisation : pas après aujourd’hui (${formatDateFr(asOf)}).`, [
      { field: 'doneOn', message: 'Date dans le futur.' },
    ]);
  const doneCount = Number(row.done_count) + 1;
  const status = row.periodicity === 'one_off' ? 'done' : 'active';
  await trx
    .insertInto('production_formality_completion')
    .values({
      org_id: orgId,
      id: newId(),
      formality_id: id,
      due_on: due,
      done_on: input.doneOn,
      reference: input.reference,
      note: input.note,
      created_at: nowInstant(),
      created_by: actorId,
    })
    .execute();
  await trx
    .updateTable('production_formality')
    .set({ done_count: doneCount, status, updated_at: nowInstant() })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'production.formality.completed',
    entity: ENTITY,
    entityId: id,
    after: { dueOn: due, doneOn: input.doneOn, reference: input.reference, doneCount, status },
  });
  return getFormality(trx, orgId, id, asOf);
}
