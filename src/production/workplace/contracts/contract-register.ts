import { recordAudit } from '../../../kernel/audit/audit.ts';
import { formatDateFr, nowInstant } from '../../../kernel/dates/index.ts';
import type { Db } from '../../../kernel/db/index.ts';
import { conflict, invalid, notFound, ruleBroken } from '../../../kernel/errors/domain-error.ts';
import { newId } from '../../../kernel/ids.ts';
import { type ContractDto, type ContractInput, contractIssues, type TerminationInput } from './contract.ts';
import { getContract, termsOf } from './contract-read.ts';
import { period, terminationEnd } from './deadlines.ts';

// The contracts register: entered, corrected while running, terminated. Nothing is posted to the ledger:
// the provider's invoices come in as supplier bills (decision 0043).

const ENTITY = 'production_workplace_contract';
/** The parties a contract of the workplace is signed with (decision 0033's billing roles). */
const PROVIDER_ROLES = ['supplier', 'provider', 'subcontractor'] as const;

async function checkInput(trx: Db, orgId: string, input: ContractInput) {
  const issues = contractIssues(input);
  if (issues.length) throw invalid(issues.map((i) => i.message).join(' '), issues);
  await requireProvider(trx, orgId, input.providerId);
}

async function requireProvider(trx: Db, orgId: string, providerId: string) {
  const party = await trx
    .selectFrom('party')
    .select(['id', 'name'])
    .where('org_id', '=', orgId)
    .where('id', '=', providerId)
    .executeTakeFirst();
  if (!party) throw notFound('Prestataire');
  const role = await trx
    .selectFrom('party_role')
    .select('role')
    .where('org_id', '=', orgId)
    .where('party_id', '=', providerId)
    .where('role', 'in', PROVIDER_ROLES)
    .executeTakeFirst();
  if (!role)
    throw invalid(
      `« ${party.name} » n’est ni prestataire, ni fournisseur, ni sous-traitant : ajoutez-lui l’un de ces rôles sur sa fiche pour enregistrer ses contrats.`,
      [{ field: 'providerId', message: 'Tiers sans le rôle prestataire, fournisseur ou sous-traitant.' }],
    );
}

const columnsOf = (input: ContractInput) => ({
  provider_id: input.providerId,
  kind: input.kind,
  object: input.object,
  reference: input.reference,
  start_date: input.startDate,
  duration_months: input.durationMonths,
  tacit_renewal: input.tacitRenewal ? 1 : 0,
  renewal_months: input.renewalMonths ?? input.durationMonths,
  notice_value: input.noticeValue,
  notice_unit: input.noticeUnit,
  consumer_protection: input.consumerProtection ? 1 : 0,
  alert_days: input.alertDays,
  amount: input.amount,
  periodicity: input.periodicity,
  vat_rate: input.vatRate,
  seats: input.seats,
  covered: input.covered,
  notes: input.notes,
});

export async function createContract(
  trx: Db,
  orgId: string,
  input: ContractInput,
  asOf: string,
  actorId: string | null,
): Promise<ContractDto> {
  await checkInput(trx, orgId, input);
  const id = newId();
  const now = nowInstant();
  await trx
    .insertInto('production_workplace_contract')
    .values({
      org_id: orgId,
      id,
      ...columnsOf(input),
      status: 'active',
      termination_sent_on: null,
      terminated_on: null,
      termination_reason: null,
      termination_chatel: 0,
      created_at: now,
      created_by: actorId,
      updated_at: now,
    })
    .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'production.contract.created',
    entity: ENTITY,
    entityId: id,
    after: columnsOf(input),
  });
  return getContract(trx, orgId, id, asOf);
}

/** Reads the row under a write lock (a no-op update), so two terminations or edits serialise. */
async function lockedContract(trx: Db, orgId: string, id: string) {
  await trx
    .updateTable('production_workplace_contract')
    .set((eb) => ({ updated_at: eb.ref('updated_at') }))
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
  const row = await trx
    .selectFrom('production_workplace_contract')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Contrat');
  return row;
}

export async function updateContract(
  trx: Db,
  orgId: string,
  id: string,
  input: ContractInput,
  asOf: string,
  actorId: string | null,
): Promise<ContractDto> {
  const before = await lockedContract(trx, orgId, id);
  if (before.status === 'terminated')
    throw conflict(
      `Ce contrat est résilié depuis le ${formatDateFr(before.terminated_on!)} : il ne se modifie plus.`,
    );
  await checkInput(trx, orgId, input);
  await trx
    .updateTable('production_workplace_contract')
    .set({ ...columnsOf(input), updated_at: nowInstant() })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'production.contract.updated',
    entity: ENTITY,
    entityId: id,
    before,
    after: columnsOf(input),
  });
  return getContract(trx, orgId, id, asOf);
}

/**
 * Records the termination sent on `sentOn`: the contract's last day is the end of the first term whose
 * notice the letter meets (or `sentOn` itself under L215-1 al. 2). A fixed-term contract already over
 * has nothing to terminate.
 */
export async function terminateContract(
  trx: Db,
  orgId: string,
  id: string,
  input: TerminationInput,
  asOf: string,
  actorId: string | null,
): Promise<ContractDto> {
  const row = await lockedContract(trx, orgId, id);
  if (row.status === 'terminated')
    throw conflict(`Ce contrat est déjà résilié (fin le ${formatDateFr(row.terminated_on!)}).`);
  const terms = termsOf(row);
  if (input.sentOn < row.start_date)
    throw invalid(`La lettre ne peut précéder le début du contrat (${formatDateFr(row.start_date)}).`, [
      { field: 'sentOn', message: 'Date antérieure au début du contrat.' },
    ]);
  const firstEnd = period(terms, 0).end;
  if (!terms.tacitRenewal && input.sentOn > firstEnd)
    throw ruleBroken(`Ce contrat a pris fin le ${formatDateFr(firstEnd)} : il n’y a plus rien à résilier.`);
  if (input.providerDidNotInform && row.consumer_protection !== 1)
    throw ruleBroken(
      'La résiliation à tout moment faute d’information du prestataire (article L215-1 du Code de la consommation) ne vaut que pour un contrat conclu en consommateur ou non-professionnel (L215-3) : cochez-le sur le contrat s’il y a lieu.',
    );
  const chatel = input.providerDidNotInform && terms.tacitRenewal && input.sentOn > firstEnd;
  const end = terminationEnd(terms, input.sentOn, chatel);
  await trx
    .updateTable('production_workplace_contract')
    .set({
      status: 'terminated',
      termination_sent_on: input.sentOn,
      terminated_on: end,
      termination_reason: input.reason,
      termination_chatel: chatel ? 1 : 0,
      updated_at: nowInstant(),
    })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'production.contract.terminated',
    entity: ENTITY,
    entityId: id,
    before: { status: 'active' },
    after: { status: 'terminated', sentOn: input.sentOn, terminatedOn: end, reason: input.reason, chatel },
  });
  return getContract(trx, orgId, id, asOf);
}
