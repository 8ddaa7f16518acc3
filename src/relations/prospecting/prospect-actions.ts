import { recordAudit } from '../../kernel/audit/audit.ts';
import type { Db } from '../../kernel/db/index.ts';
import { newId } from '../../kernel/ids.ts';
import { addPartyRole } from '../../kernel/parties/party.ts';
import { getCampaign, getTarget } from './campaign.ts';
import type { ActionInput } from './contract.ts';

/**
 * Records a call, letter, visit or e-mail to a target; an outcome given becomes the target's current one.
 * "Devis demandé" is an outcome here: the quote itself is made in the quotes module from the same party.
 */
export async function recordAction(
  trx: Db,
  orgId: string,
  campaignId: string,
  partyId: string,
  input: ActionInput,
  actorId: string | null,
) {
  await getTarget(trx, orgId, campaignId, partyId);
  const now = new Date().toISOString();
  const id = newId();
  await trx
    .insertInto('relations_campaign_action')
    .values({
      org_id: orgId,
      id,
      campaign_id: campaignId,
      party_id: partyId,
      kind: input.kind,
      date: input.date,
      outcome: input.outcome,
      notes: input.notes,
      created_by: actorId,
      created_at: now,
    })
    .execute();
  if (input.outcome)
    await trx
      .updateTable('relations_campaign_target')
      .set({ outcome: input.outcome, updated_at: now })
      .where('org_id', '=', orgId)
      .where('campaign_id', '=', campaignId)
      .where('party_id', '=', partyId)
      .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'relations.campaign.action_recorded',
    entity: 'relations_campaign_action',
    entityId: id,
    after: { campaignId, partyId, ...input },
  });
  return getCampaign(trx, orgId, campaignId);
}

/** The prospect becomes a customer: the party gains the customer role (kept if it had it already). */
export async function convertTarget(
  trx: Db,
  orgId: string,
  campaignId: string,
  partyId: string,
  actorId: string | null,
) {
  const target = await getTarget(trx, orgId, campaignId, partyId);
  await addPartyRole(trx, orgId, partyId, 'customer', actorId);
  if (!target.converted_at) {
    const now = new Date().toISOString();
    await trx
      .updateTable('relations_campaign_target')
      .set({ converted_at: now, updated_at: now })
      .where('org_id', '=', orgId)
      .where('campaign_id', '=', campaignId)
      .where('party_id', '=', partyId)
      .execute();
    await recordAudit(trx, {
      orgId,
      actorId,
      action: 'relations.campaign.converted',
      entity: 'relations_campaign',
      entityId: campaignId,
      after: { partyId },
    });
  }
  return getCampaign(trx, orgId, campaignId);
}
