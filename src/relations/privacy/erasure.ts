import { recordAudit } from '../../kernel/audit/audit.ts';
import { formatDateFr } from '../../kernel/dates/index.ts';
import type { Db } from '../../kernel/db/index.ts';
import { ruleBroken } from '../../kernel/errors/domain-error.ts';
import { formatAmount } from '../../kernel/money/index.ts';
import { getParty, setPartyArchived, updateParty } from '../../kernel/parties/party.ts';
import { settledEntryIds } from '../../ledger/index.ts';
import { orgToday } from '../requests/request.ts';
import type { ErasureCheckDto, ErasureDto } from './contract.ts';

// GDPR art. 17 (right to erasure), within what French law requires the organisation to keep. See
// docs/decisions/0016-records-and-gdpr.md for the grounds.

export const ERASED_NAME = 'Personne effacée';
const ERASED_TEXT = '[Effacé à la demande de la personne (RGPD, art. 17)]';

/** What stops an erasure now, and what will stay after it. */
export async function erasureCheck(db: Db, orgId: string, partyId: string): Promise<ErasureCheckDto> {
  const party = await getParty(db, orgId, partyId);
  const obstacles: string[] = [];
  const kept: string[] = [];
  if (party.kind !== 'person')
    obstacles.push(
      'Le RGPD protège les personnes physiques : une organisation ne s’efface pas. Retirez plutôt de sa fiche les contacts qui le demandent.',
    );
  if (party.name === ERASED_NAME && party.archivedAt)
    obstacles.push('Les données de cette personne ont déjà été effacées.');
  const invoices = await db
    .selectFrom('relations_invoice')
    .select(['id', 'kind', 'status', 'number', 'issue_date', 'total', 'ledger_entry_id'])
    .where('org_id', '=', orgId)
    .where('customer_id', '=', partyId)
    .execute();
  const drafts = invoices.filter((i) => i.status === 'draft');
  if (drafts.length > 0)
    obstacles.push(
      `${drafts.length} facture(s) ou avoir(s) en brouillon : validez-les ou supprimez-les avant l’effacement.`,
    );
  const validated = invoices.filter((i) => i.status === 'validated');
  const today = await orgToday(db, orgId);
  const settled = await settledEntryIds(
    db,
    orgId,
    validated.flatMap((i) => (i.ledger_entry_id ? [i.ledger_entry_id] : [])),
    { accountPrefix: '411', asOf: today },
  );
  const open = validated.filter((i) => i.ledger_entry_id && !settled.has(i.ledger_entry_id));
  if (open.length > 0)
    obstacles.push(
      `Pièces non soldées (${open.map((i) => `${i.number} : ${formatAmount(Number(i.total))}`).join(', ')}) : la créance doit pouvoir être recouvrée ou l’avoir remboursé. L’effacement n’est pas dû tant que ces données servent à faire valoir un droit en justice (RGPD, art. 17, § 3, e).`,
    );
  const openComplaints = await db
    .selectFrom('relations_complaint')
    .select('number')
    .where('org_id', '=', orgId)
    .where('party_id', '=', partyId)
    .where('status', 'in', ['open', 'in_progress'])
    .execute();
  if (openComplaints.length > 0)
    obstacles.push(
      `Réclamation(s) en cours (${openComplaints.map((c) => c.number).join(', ')}) : terminez leur traitement avant l’effacement (RGPD, art. 17, § 3, e).`,
    );
  if (validated.length > 0) {
    const last = validated
      .map((i) => String(i.issue_date))
      .sort()
      .at(-1)!;
    kept.push(
      `${validated.length} facture(s) et avoir(s) validés gardent leur exemplaire émis, nom et adresse compris, jusqu’au ${formatDateFr(`${Number(last.slice(0, 4)) + 10}${last.slice(4)}`)} : les documents comptables et pièces justificatives se conservent dix ans (Code de commerce, art. L123-22 ; RGPD, art. 17, § 3, b). Les écritures comptables restent inchangées.`,
    );
  }
  kept.push(
    'L’historique des consentements reste (preuve du consentement, RGPD, art. 7, § 1), sans coordonnées.',
  );
  kept.push(
    'Le journal d’audit, chaîné et inaltérable, garde la trace des modifications passées (sécurité du traitement, RGPD, art. 32).',
  );
  return { allowed: obstacles.length === 0, obstacles, kept };
}

/**
 * Anonymises a person: the party's name and coordinates, the messages of their requests and complaints.
 * Refused, with the reasons in French, when the law still requires the data. Validated invoices are
 * never touched: they keep the copy issued at validation.
 */
export async function eraseParty(
  trx: Db,
  orgId: string,
  partyId: string,
  actorId: string | null,
): Promise<ErasureDto> {
  const check = await erasureCheck(trx, orgId, partyId);
  if (!check.allowed)
    throw ruleBroken(`Effacement impossible : ${check.obstacles.join(' ')}`, 'erasure-refused');
  const party = await getParty(trx, orgId, partyId);
  await updateParty(
    trx,
    orgId,
    partyId,
    {
      kind: 'person',
      name: ERASED_NAME,
      roles: party.roles,
      legalForm: null,
      siren: null,
      siret: null,
      vatNumber: null,
      email: null,
      phone: null,
      website: null,
      iban: null,
      bic: null,
      notes: null,
      contacts: [],
      addresses: [],
    },
    actorId,
  );
  if (!party.archivedAt) await setPartyArchived(trx, orgId, partyId, true, actorId);
  await trx
    .updateTable('relations_request')
    .set({
      sender_name: null,
      sender_email: null,
      sender_phone: null,
      message: ERASED_TEXT,
      answer: (eb) => eb.case().when('answer', 'is not', null).then(ERASED_TEXT).else(null).end(),
      updated_at: new Date().toISOString(),
    })
    .where('org_id', '=', orgId)
    .where('party_id', '=', partyId)
    .execute();
  const complaints = trx
    .selectFrom('relations_complaint')
    .select('id')
    .where('org_id', '=', orgId)
    .where('party_id', '=', partyId);
  await trx
    .updateTable('relations_complaint_step')
    .set({ note: ERASED_TEXT })
    .where('org_id', '=', orgId)
    .where('complaint_id', 'in', complaints)
    .execute();
  await trx
    .updateTable('relations_complaint')
    .set({
      description: ERASED_TEXT,
      resolution_note: (eb) =>
        eb.case().when('resolution_note', 'is not', null).then(ERASED_TEXT).else(null).end(),
      updated_at: new Date().toISOString(),
    })
    .where('org_id', '=', orgId)
    .where('party_id', '=', partyId)
    .execute();
  const erasedAt = new Date().toISOString();
  // The audit event names nothing personal: only that an erasure happened and what was kept.
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'party.erased',
    entity: 'party',
    entityId: partyId,
    after: { erasedAt, kept: check.kept },
  });
  return { ...check, erasedAt };
}
