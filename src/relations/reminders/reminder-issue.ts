import { recordAudit } from '../../kernel/audit/audit.ts';
import { formatDateFr } from '../../kernel/dates/index.ts';
import type { Db } from '../../kernel/db/index.ts';
import { putBytes, readDocument, recordDocument } from '../../kernel/documents/document-store.ts';
import { getOrganisation } from '../../kernel/organisations/organisation.ts';
import { getParty } from '../../kernel/parties/party.ts';
import type { ReminderDto } from './contract.ts';
import { getReminder } from './reminder.ts';
import { reminderEmailText, reminderPdfBytes } from './reminder-letter.ts';
import { type SmtpSettings, sendReminder } from './send-reminder.ts';

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
 * Emails a reminder with its letter attached. A failure is recorded on the reminder (send_error) and
 * returned, not thrown: the reminder exists and can be sent again.
 */
export async function emailReminder(
  db: Db,
  documentsDir: string,
  orgId: string,
  reminderId: string,
  smtp: SmtpSettings,
  actorId: string | null,
): Promise<ReminderDto> {
  const reminder = await getReminder(db, orgId, reminderId);
  if (!reminder.emailTo) return reminder;
  const org = await getOrganisation(db, orgId);
  const letter = await issueReminderDocument(db, documentsDir, orgId, reminderId, actorId);
  let sentAt: string | null = null;
  let error: string | null = null;
  try {
    await sendReminder(smtp, {
      to: reminder.emailTo,
      subject: `${reminder.levelLabel} – ${org.name} – ${formatDateFr(reminder.date)}`,
      text: reminderEmailText(reminder, org),
      attachment: { fileName: letter.fileName, bytes: letter.bytes },
    });
    sentAt = new Date().toISOString();
  } catch (e) {
    error = `Envoi impossible : ${e instanceof Error ? e.message : String(e)}`.slice(0, 500);
  }
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('relations_reminder')
      .set({ sent_at: sentAt, send_error: error })
      .where('org_id', '=', orgId)
      .where('id', '=', reminderId)
      .execute();
    await recordAudit(trx, {
      orgId,
      actorId,
      action: sentAt ? 'relations.reminder.sent' : 'relations.reminder.send_failed',
      entity: 'relations_reminder',
      entityId: reminderId,
      after: { to: reminder.emailTo, sentAt, error },
    });
  });
  return getReminder(db, orgId, reminderId);
}
