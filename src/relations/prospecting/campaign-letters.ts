import { recordAudit } from '../../kernel/audit/audit.ts';
import { formatDateFr, todayIn } from '../../kernel/dates/index.ts';
import type { Db } from '../../kernel/db/index.ts';
import { putBytes, recordDocument } from '../../kernel/documents/document-store.ts';
import { invalid } from '../../kernel/errors/domain-error.ts';
import { newId } from '../../kernel/ids.ts';
import { enqueueEmail } from '../../kernel/mail/index.ts';
import { getOrganisation } from '../../kernel/organisations/organisation.ts';
import type { PartyDto } from '../../kernel/parties/contract.ts';
import { getParty } from '../../kernel/parties/party.ts';
import { type Letter, lettersPdf } from '../shared/letter-pdf.ts';
import { emailOf, mergeTemplate, partyFields, postalLines } from '../shared/mail-merge.ts';
import { getCampaign, getCampaignRow } from './campaign.ts';
import type { MailingInput } from './contract.ts';

type Merged = { party: PartyDto; letter: Letter; subject: string; body: string };

/** The campaign's letter merged for each target (or the chosen ones), with the sender block of the org. */
async function mergeLetters(db: Db, orgId: string, campaignId: string, partyIds?: string[]) {
  const campaign = await getCampaignRow(db, orgId, campaignId);
  if (!campaign.letter_text)
    throw invalid('Rédigez d’abord la lettre type de la campagne.', [
      { field: 'letterText', message: 'La lettre type est vide.' },
    ]);
  const organisation = await getOrganisation(db, orgId);
  const today = todayIn(organisation.timeZone);
  const wanted = partyIds ? new Set(partyIds) : null;
  const targets = (await getCampaign(db, orgId, campaignId)).targets.filter(
    (t) => !wanted || wanted.has(t.partyId),
  );
  if (targets.length === 0) throw invalid('La campagne n’a aucune cible : ajoutez-en d’abord.');
  const sender = [
    organisation.name,
    organisation.addressLine1 ?? '',
    [organisation.postalCode, organisation.city].filter(Boolean).join(' '),
  ].filter(Boolean);
  const merged: Merged[] = [];
  for (const target of targets) {
    const party = await getParty(db, orgId, target.partyId);
    const fields = partyFields(party, organisation.name, formatDateFr(today));
    const subject = mergeTemplate(campaign.letter_subject ?? campaign.name, fields);
    const body = mergeTemplate(campaign.letter_text, fields);
    merged.push({
      party,
      subject,
      body,
      letter: {
        recipient: postalLines(party),
        dateLine: `${organisation.city ? `${organisation.city}, le` : 'Le'} ${formatDateFr(today)}`,
        subject,
        body,
      },
    });
  }
  return { campaign, sender, merged };
}

/** Every target's letter in one PDF, ready to print and post. */
export async function campaignLettersPdf(db: Db, orgId: string, campaignId: string) {
  const { campaign, sender, merged } = await mergeLetters(db, orgId, campaignId);
  return lettersPdf(
    `Publipostage — ${campaign.name}`,
    sender,
    merged.map((m) => m.letter),
  );
}

/**
 * E-mails the letter to every target with an address, through the outbox: each message and the "e-mail"
 * action that records it are written in one transaction. The PDFs (when attached) are made and stored
 * before it, as the documents store wants (a file with no row is harmless; a row never lacks its file).
 */
export async function sendCampaignMailing(
  db: Db,
  documentsDir: string,
  orgId: string,
  campaignId: string,
  input: MailingInput,
  actorId: string | null,
) {
  const { campaign, sender, merged } = await mergeLetters(db, orgId, campaignId, input.partyIds);
  const withoutEmail = merged.filter((m) => !emailOf(m.party)).map((m) => m.party.name);
  const sendable = merged.filter((m) => emailOf(m.party));
  const files = new Map<string, { sha256: string; size: number }>();
  if (input.attachLetter)
    for (const m of sendable) {
      const pdf = await lettersPdf(m.subject, sender, [m.letter]);
      files.set(m.party.id, { sha256: await putBytes(documentsDir, pdf), size: pdf.byteLength });
    }
  const today = todayIn((await getOrganisation(db, orgId)).timeZone);
  await db.transaction().execute(async (trx) => {
    for (const m of sendable) {
      const file = files.get(m.party.id);
      const attachments = file
        ? [
            {
              documentId: (
                await recordDocument(trx, {
                  orgId,
                  sha256: file.sha256,
                  fileName: `courrier-${campaign.name.replace(/[^\p{L}\p{N}]+/gu, '-').toLowerCase()}.pdf`,
                  mediaType: 'application/pdf',
                  size: file.size,
                  actorId,
                })
              ).id,
            },
          ]
        : [];
      await enqueueEmail(
        trx,
        orgId,
        {
          to: [emailOf(m.party)!],
          subject: m.subject,
          text: m.body,
          source: `relations.campaign:${campaignId}`,
          attachments,
        },
        actorId,
      );
      await trx
        .insertInto('relations_campaign_action')
        .values({
          org_id: orgId,
          id: newId(),
          campaign_id: campaignId,
          party_id: m.party.id,
          kind: 'email',
          date: today,
          outcome: null,
          notes: `Publipostage : ${m.subject}`,
          created_by: actorId,
          created_at: new Date().toISOString(),
        })
        .execute();
    }
    await recordAudit(trx, {
      orgId,
      actorId,
      action: 'relations.campaign.mailing',
      entity: 'relations_campaign',
      entityId: campaignId,
      after: { queued: sendable.length, withoutEmail, attachLetter: input.attachLetter },
    });
  });
  return { queued: sendable.length, withoutEmail };
}
