import { recordAudit } from '../../kernel/audit/audit.ts';
import type { Db } from '../../kernel/db/index.ts';
import { conflict } from '../../kernel/errors/domain-error.ts';
import { newId } from '../../kernel/ids.ts';
import { addPartyRole } from '../../kernel/parties/party.ts';
import type { QuoteInput, SalesDocumentDto } from '../sales/contract.ts';
import { createSalesDraft } from '../sales/documents.ts';
import { getCampaign, getTarget } from './campaign.ts';
import type { ActionInput, CampaignDto } from './contract.ts';

/**
 * Records a call, letter, visit or e-mail to a target; an outcome given becomes the target's current one.
 * "Devis demandé" is an outcome here; « Établir un devis » (quoteForTarget below) drafts the quote itself.
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

/**
 * « Établir un devis » from a campaign target: a new quote draft for that party, linked to the target so
 * the campaign shows it (decision 0025). One quote per target while it is alive: a second is refused
 * unless the first was refused or expired.
 */
export async function quoteForTarget(
  trx: Db,
  orgId: string,
  campaignId: string,
  partyId: string,
  input: Omit<QuoteInput, 'partyId'>,
  actorId: string | null,
): Promise<{ quote: SalesDocumentDto; campaign: CampaignDto }> {
  const target = await getTarget(trx, orgId, campaignId, partyId);
  if (target.quote_id) {
    const existing = await trx
      .selectFrom('relations_sales_document')
      .select(['number', 'status'])
      .where('org_id', '=', orgId)
      .where('id', '=', target.quote_id)
      .executeTakeFirst();
    if (existing && existing.status !== 'refused' && existing.status !== 'expired')
      throw conflict(
        `Un devis ${existing.number ?? '(brouillon)'} est déjà établi pour ce prospect dans cette campagne : ouvrez-le ou attendez sa réponse.`,
      );
  }
  const quote = await createSalesDraft(trx, orgId, 'quote', { ...input, partyId }, actorId);
  const now = new Date().toISOString();
  await trx
    .updateTable('relations_campaign_target')
    .set({
      quote_id: quote.id,
      quoted_at: now,
      outcome: target.outcome ?? 'quote_requested',
      updated_at: now,
    })
    .where('org_id', '=', orgId)
    .where('campaign_id', '=', campaignId)
    .where('party_id', '=', partyId)
    .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'relations.campaign.quoted',
    entity: 'relations_campaign',
    entityId: campaignId,
    after: { partyId, quoteId: quote.id },
  });
  return { quote, campaign: await getCampaign(trx, orgId, campaignId) };
}
