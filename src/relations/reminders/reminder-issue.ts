import { recordAudit } from '../../kernel/audit/audit.ts';
import { formatDateFr } from '../../kernel/dates/index.ts';
import type { Db } from '../../kernel/db/index.ts';
import { putBytes, readDocument, recordDocument } from '../../kernel/documents/document-store.ts';
import { invalid } from '../../kernel/errors/domain-error.ts';
import { enqueueEmail } from '../../kernel/mail/index.ts';
import { getMailSettingsRow } from '../../kernel/mail/settings.ts';
import { getOrganisation } from '../../kernel/organisations/organisation.ts';
import { getParty } from '../../kernel/parties/party.ts';
import type { ReminderDto } from './contract.ts';
import { getReminder } from './reminder.ts';
import { reminderEmailText, reminderPdfBytes } from './reminder-letter.ts';

// The letter of a reminder is made once, outside the recording transaction (PDF work must not hold the
// database's write lock), and stored: the history shows the very letter the customer received.

export function reminderFileName(reminder: ReminderDto): string {
  const kind = reminder.level === 3 ? 'mise-en-demeure' : 'relance';
  return `${kind}-${reminder.date}-${reminder.customerName.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 40)}.pdf`;
}

export async function issueReminderDocument(
  db: Db,
  documentsDir: string,
  orgId: string,
  reminderId: string,
  actorId: string | null,
): Promise<{ bytes: Uint8Array; fileName: string }> {
  const reminder = await getReminder(db, orgId, reminderId);
  const fileName = reminderFileName(reminder);
  if (reminder.documentId) {
    const stored = await readDocument(db, documentsDir, orgId, reminder.documentId);
    return { bytes: stored.bytes, fileName };
  }
  const [org, customer] = await Promise.all([
    getOrganisation(db, orgId),
    getParty(db, orgId, reminder.customerId),
  ]);
  const address =
    customer.addresses.find((a) => a.kind === 'billing') ??
    customer.addresses.find((a) => a.kind === 'head_office') ??
    customer.addresses[0];
  const lines = address
    ? [address.line1, address.line2, `${address.postalCode} ${address.city}`].filter((l): l is string => !!l)
    : [];
  const bytes = await reminderPdfBytes(reminder, org, lines);
  const sha256 = await putBytes(documentsDir, bytes);
  await db.transaction().execute(async (trx) => {
    const document = await recordDocument(trx, {
      orgId,
      sha256,
      fileName,
      mediaType: 'application/pdf',
      size: bytes.byteLength,
      actorId,
    });
    // Two first downloads at once: the first stored letter stays the one.
    await trx
      .updateTable('relations_reminder')
      .set({ document_id: document.id })
      .where('org_id', '=', orgId)
      .where('id', '=', reminderId)
      .where('document_id', 'is', null)
      .execute();
  });
  return { bytes, fileName };
}

/**
 * Emails a reminder with its letter attached, through the organisation's outbox (src/kernel/mail): the
 * message is queued in the same transaction that marks the reminder as handed over, and the outbox worker
 * sends it with the organisation's SMTP settings, retrying while the server is away — nothing is lost when
 * it is down. The outbox screen shows where each message stands.
 */
export async function emailReminder(
  db: Db,
  documentsDir: string,
  orgId: string,
  reminderId: string,
  actorId: string | null,
): Promise<ReminderDto> {
  const reminder = await getReminder(db, orgId, reminderId);
  if (!reminder.emailTo) return reminder;
  const org = await getOrganisation(db, orgId);
  await issueReminderDocument(db, documentsDir, orgId, reminderId, actorId);
  const { documentId } = await getReminder(db, orgId, reminderId);
  await db.transaction().execute(async (trx) => {
    const queued = await enqueueEmail(
      trx,
      orgId,
      {
        to: [reminder.emailTo!],
        subject: `${reminder.levelLabel} – ${org.name} – ${formatDateFr(reminder.date)}`,
        text: reminderEmailText(reminder, org),
        source: `relations.reminder:${reminderId}`,
        attachments: documentId ? [{ documentId }] : [],
      },
      actorId,
    );
    await trx
      .updateTable('relations_reminder')
      .set({ sent_at: new Date().toISOString(), send_error: null })
      .where('org_id', '=', orgId)
      .where('id', '=', reminderId)
      .execute();
    await recordAudit(trx, {
      orgId,
      actorId,
      action: 'relations.reminder.queued',
      entity: 'relations_reminder',
      entityId: reminderId,
      after: { to: reminder.emailTo, outboxMessage: queued.id },
    });
  });
  return getReminder(db, orgId, reminderId);
}

/** The French refusal when an organisation has no SMTP server yet: the letter channel still works. */
export async function requireMailSettings(db: Db, orgId: string): Promise<void> {
  if (!(await getMailSettingsRow(db, orgId)))
    throw invalid(
      'Aucun serveur d’envoi n’est configuré pour l’organisation (Paramètres › Messagerie) : choisissez la lettre PDF ou configurez l’envoi.',
      [{ field: 'channel', message: 'Courriel non configuré.' }],
    );
}
