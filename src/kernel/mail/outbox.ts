import { recordAudit } from '../audit/audit.ts';
import type { Db } from '../db/index.ts';
import { conflict, invalid, notFound } from '../errors/domain-error.ts';
import { newId } from '../ids.ts';
import {
  type EmailMessage,
  emailMessage,
  type OutboxMessageDto,
  type OutboxPage,
  type OutboxQuery,
} from './contract.ts';
import type { MailMessageTable } from './tables.ts';

/**
 * Puts a message in the organisation's outbox, in the caller's transaction: the message exists if and
 * only if the business write that made it commits. Nothing is sent here; the worker sends it later,
 * retrying while the SMTP server is away. Attachments are documents already in the documents store.
 */
export async function enqueueEmail(
  trx: Db,
  orgId: string,
  message: EmailMessage,
  actorId: string | null = null,
): Promise<{ id: string }> {
  const parsed = emailMessage.safeParse(message);
  if (!parsed.success)
    throw invalid(
      'Message invalide.',
      parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
    );
  const m = parsed.data;
  const id = newId();
  const now = new Date().toISOString();
  await trx
    .insertInto('mail_message')
    .values({
      org_id: orgId,
      id,
      origin_org_id: orgId,
      status: 'pending',
      to_addresses: JSON.stringify(m.to),
      subject: m.subject,
      text_body: m.text,
      reply_to: m.replyTo ?? null,
      source: m.source ?? null,
      attempts: 0,
      next_attempt_at: now,
      last_error: null,
      claim_token: null,
      claimed_at: null,
      sent_at: null,
      smtp_response: null,
      created_by: actorId,
      created_at: now,
      updated_at: now,
    })
    .execute();
  if (m.attachments.length > 0)
    await trx
      .insertInto('mail_attachment')
      .values(
        m.attachments.map((a, position) => ({
          org_id: orgId,
          message_id: id,
          position,
          document_id: a.documentId,
        })),
      )
      .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'mail.enqueued',
    entity: 'mail_message',
    entityId: id,
    after: { to: m.to, subject: m.subject, source: m.source ?? null, attachments: m.attachments.length },
  });
  return { id };
}

async function attachmentsOf(db: Db, orgId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, { documentId: string; fileName: string }[]>();
  const rows = await db
    .selectFrom('mail_attachment as a')
    .innerJoin('document as d', (j) =>
      j.onRef('d.org_id', '=', 'a.org_id').onRef('d.id', '=', 'a.document_id'),
    )
    .select(['a.message_id', 'a.document_id', 'd.file_name'])
    .where('a.org_id', '=', orgId)
    .where('a.message_id', 'in', ids)
    .orderBy('a.message_id')
    .orderBy('a.position')
    .execute();
  const byMessage = new Map<string, { documentId: string; fileName: string }[]>();
  for (const r of rows) {
    const list = byMessage.get(r.message_id) ?? [];
    list.push({ documentId: r.document_id, fileName: r.file_name });
    byMessage.set(r.message_id, list);
  }
  return byMessage;
}

function toDto(row: MailMessageTable, attachments: OutboxMessageDto['attachments']): OutboxMessageDto {
  return {
    id: row.id,
    status: row.status,
    to: JSON.parse(row.to_addresses) as string[],
    subject: row.subject,
    source: row.source,
    attempts: Number(row.attempts),
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    sentAt: row.sent_at,
    attachments,
    createdAt: row.created_at,
  };
}

export async function listOutbox(db: Db, orgId: string, query: OutboxQuery): Promise<OutboxPage> {
  let base = db.selectFrom('mail_message').where('org_id', '=', orgId);
  if (query.status) base = base.where('status', '=', query.status);
  const { total } = await base
    .select((eb) => eb.cast<number>(eb.fn.countAll(), 'bigint').as('total'))
    .executeTakeFirstOrThrow();
  const rows = await base
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  const attachments = await attachmentsOf(
    db,
    orgId,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => toDto(r, attachments.get(r.id) ?? [])), total: Number(total) };
}

export async function getOutboxMessage(db: Db, orgId: string, id: string): Promise<OutboxMessageDto> {
  const row = await db
    .selectFrom('mail_message')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Message');
  const attachments = await attachmentsOf(db, orgId, [id]);
  return toDto(row, attachments.get(id) ?? []);
}

/**
 * "Retry now": a pending or failed message becomes due at once. One being sent or already sent is
 * refused, so a click can never make a second copy of an accepted message.
 */
export async function retryMessage(trx: Db, orgId: string, id: string, actorId: string | null) {
  const before = await getOutboxMessage(trx, orgId, id);
  const now = new Date().toISOString();
  const result = await trx
    .updateTable('mail_message')
    .set({ status: 'pending', next_attempt_at: now, updated_at: now })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('status', 'in', ['pending', 'failed'])
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1)
    throw conflict(
      before.status === 'sent'
        ? 'Ce message a déjà été envoyé : il ne sera pas renvoyé.'
        : 'Ce message ne peut pas être relancé dans son état actuel.',
    );
  await recordAudit(trx, { orgId, actorId, action: 'mail.retried', entity: 'mail_message', entityId: id });
  return getOutboxMessage(trx, orgId, id);
}

export async function cancelMessage(trx: Db, orgId: string, id: string, actorId: string | null) {
  const before = await getOutboxMessage(trx, orgId, id);
  const now = new Date().toISOString();
  const result = await trx
    .updateTable('mail_message')
    .set({ status: 'cancelled', updated_at: now })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('status', 'in', ['pending', 'failed'])
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1)
    throw conflict(
      before.status === 'sending'
        ? 'Ce message est en cours d’envoi : il ne peut plus être annulé.'
        : 'Seul un message en attente ou en échec peut être annulé.',
    );
  await recordAudit(trx, { orgId, actorId, action: 'mail.cancelled', entity: 'mail_message', entityId: id });
  return getOutboxMessage(trx, orgId, id);
}
