import { sql } from 'kysely';
import { recordAudit } from '../audit/audit.ts';
import type { Db } from '../db/index.ts';
import { readDocument } from '../documents/document-store.ts';
import { newId } from '../ids.ts';
import { getMailSettingsRow, smtpAccountOf } from './settings.ts';
import { type SendOutcome, sendWithSmtp } from './smtp.ts';
import type { MailMessageTable } from './tables.ts';

// The outbox worker runs in the server process. Every state lives in mail_message, so a restart loses
// nothing: a pending message is simply picked up again. Sending is at most once: a message is claimed by
// an atomic "update … where status = 'pending'" (SQLite has one writer; PostgreSQL re-checks the condition
// after a concurrent update, so two workers or two processes never both win), the SMTP conversation happens
// outside any transaction, and a message left "sending" by a crash is NOT sent again automatically — the
// server may already have accepted it — but shown as failed, for a person to decide (see decision 0014).

export const MAX_ATTEMPTS = 10;
const FIRST_DELAY_MS = 60_000;
const LONGEST_DELAY_MS = 6 * 3600_000;
export const INTERRUPTED =
  'Envoi interrompu (arrêt du serveur) : le message a peut-être été remis. Vérifiez avant de le relancer.';
const COPIED = 'Message copié depuis une autre organisation : il n’est jamais envoyé.';

/** 1 min, 2, 4, 8… capped at 6 h: a server down for a night is retried a few times, not hammered. */
export function backoffMs(attempts: number): number {
  return Math.min(FIRST_DELAY_MS * 2 ** Math.max(0, attempts - 1), LONGEST_DELAY_MS);
}

export type MailWorkerOptions = {
  db: Db;
  documentsDir: string;
  key: Uint8Array;
  intervalMs?: number;
  batch?: number;
  /** A "sending" claim older than this is an interrupted send. */
  staleAfterMs?: number;
  now?: () => Date;
  onError?: (error: unknown) => void;
};

export type RunReport = { sent: number; retrying: number; failed: number };

export function createMailWorker(options: MailWorkerOptions) {
  const { db, documentsDir, key } = options;
  const clock = options.now ?? (() => new Date());
  const staleAfterMs = options.staleAfterMs ?? 15 * 60_000;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<RunReport> | null = null;

  async function finish(row: MailMessageTable, token: string, outcome: SendOutcome, attempts: number) {
    const now = clock().toISOString();
    await db.transaction().execute(async (trx) => {
      if (outcome.ok) {
        await trx
          .updateTable('mail_message')
          .set({
            status: 'sent',
            sent_at: now,
            smtp_response: outcome.response,
            last_error: null,
            claim_token: null,
            updated_at: now,
          })
          .where('org_id', '=', row.org_id)
          .where('id', '=', row.id)
          .where('claim_token', '=', token)
          .execute();
      } else {
        const giveUp = outcome.permanent || attempts >= MAX_ATTEMPTS;
        const next = new Date(clock().getTime() + backoffMs(attempts)).toISOString();
        await trx
          .updateTable('mail_message')
          .set({
            status: giveUp ? 'failed' : 'pending',
            next_attempt_at: giveUp ? now : next,
            last_error: outcome.error,
            claim_token: null,
            updated_at: now,
          })
          .where('org_id', '=', row.org_id)
          .where('id', '=', row.id)
          .where('claim_token', '=', token)
          .execute();
      }
      await recordAudit(trx, {
        orgId: row.org_id,
        actorId: null,
        action: outcome.ok ? 'mail.sent' : 'mail.attempt_failed',
        entity: 'mail_message',
        entityId: row.id,
        after: outcome.ok ? { response: outcome.response } : { error: outcome.error, attempts },
      });
    });
    return outcome.ok ? 'sent' : outcome.permanent || attempts >= MAX_ATTEMPTS ? 'failed' : 'retrying';
  }

  async function deliver(row: MailMessageTable): Promise<SendOutcome> {
    if (row.origin_org_id !== row.org_id) return { ok: false, permanent: true, error: COPIED };
    const account = smtpAccountOf(key, row.org_id, await getMailSettingsRow(db, row.org_id));
    if (typeof account === 'string') return { ok: false, permanent: false, error: account };
    const links = await db
      .selectFrom('mail_attachment')
      .select('document_id')
      .where('org_id', '=', row.org_id)
      .where('message_id', '=', row.id)
      .orderBy('position')
      .execute();
    const attachments = [];
    for (const link of links) {
      try {
        const doc = await readDocument(db, documentsDir, row.org_id, link.document_id);
        attachments.push({ filename: doc.fileName, contentType: doc.mediaType, content: doc.bytes });
      } catch {
        return { ok: false, permanent: true, error: 'Une pièce jointe est introuvable dans les documents.' };
      }
    }
    return sendWithSmtp(account, {
      messageId: `<${row.id}@${row.org_id}.agora>`,
      to: JSON.parse(row.to_addresses) as string[],
      subject: row.subject,
      text: row.text_body,
      replyTo: row.reply_to,
      attachments,
    });
  }

  async function runOnce(): Promise<RunReport> {
    const report: RunReport = { sent: 0, retrying: 0, failed: 0 };
    const now = clock();
    const nowIso = now.toISOString();
    await db
      .updateTable('mail_message')
      .set({ status: 'failed', last_error: INTERRUPTED, claim_token: null, updated_at: nowIso })
      .where('status', '=', 'sending')
      .where('claimed_at', '<', new Date(now.getTime() - staleAfterMs).toISOString())
      .execute();
    const due = await db
      .selectFrom('mail_message')
      .select(['org_id', 'id'])
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', nowIso)
      .orderBy('next_attempt_at')
      .limit(options.batch ?? 20)
      .execute();
    for (const candidate of due) {
      const token = newId();
      const claimed = await db
        .updateTable('mail_message')
        .set({
          status: 'sending',
          claim_token: token,
          claimed_at: nowIso,
          attempts: sql`attempts + 1`,
          updated_at: nowIso,
        })
        .where('org_id', '=', candidate.org_id)
        .where('id', '=', candidate.id)
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', nowIso)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) continue; // another worker took it
      const row = await db
        .selectFrom('mail_message')
        .selectAll()
        .where('org_id', '=', candidate.org_id)
        .where('id', '=', candidate.id)
        .executeTakeFirstOrThrow();
      let outcome: SendOutcome;
      try {
        outcome = await deliver(row);
      } catch (error) {
        outcome = { ok: false, permanent: false, error: `Erreur interne : ${String(error).slice(0, 200)}` };
      }
      report[await finish(row, token, outcome, Number(row.attempts))]++;
    }
    return report;
  }

  /** One run at a time: a run still going when the timer fires is waited for, not doubled. */
  function run(): Promise<RunReport> {
    running ??= runOnce().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    runOnce: run,
    start() {
      if (timer) return;
      timer = setInterval(() => {
        run().catch((error) => options.onError?.(error));
      }, options.intervalMs ?? 5000);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running?.catch(() => {});
    },
  };
}

export type MailWorker = ReturnType<typeof createMailWorker>;
