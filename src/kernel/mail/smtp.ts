import nodemailer from 'nodemailer';
import type { SmtpAccount } from './settings.ts';

export type OutgoingMail = {
  messageId: string;
  to: string[];
  subject: string;
  text: string;
  replyTo: string | null;
  attachments: { filename: string; contentType: string; content: Buffer }[];
};

export type SendOutcome = { ok: true; response: string } | { ok: false; permanent: boolean; error: string };

function transportOf(account: SmtpAccount) {
  return nodemailer.createTransport({
    host: account.host,
    port: account.port,
    secure: account.security === 'tls',
    requireTLS: account.security === 'starttls',
    ignoreTLS: account.security === 'none',
    auth: account.auth ?? undefined,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
}

type SmtpError = Error & { code?: string; responseCode?: number; response?: string };

/** The French sentence the outbox shows for a failure, and whether retrying can help. */
export function describeSmtpError(error: unknown): { permanent: boolean; error: string } {
  const e = error as SmtpError;
  const detail = (e.response ?? e.message ?? String(error)).slice(0, 300);
  if (typeof e.responseCode === 'number') {
    if (e.responseCode >= 500 && e.code !== 'EAUTH')
      return {
        permanent: true,
        error: `Le serveur SMTP a refusé le message (code ${e.responseCode}) : ${detail}`,
      };
    if (e.code === 'EAUTH')
      return { permanent: false, error: `Identifiant ou mot de passe SMTP refusé (code ${e.responseCode}).` };
    return {
      permanent: false,
      error: `Refus temporaire du serveur SMTP (code ${e.responseCode}) : ${detail}`,
    };
  }
  // Nodemailer wraps socket errors (code ESOCKET / ECONNECTION); the system code stays in the message.
  const code = /ECONNREFUSED|ETIMEDOUT|ENOTFOUND|EAI_AGAIN/.exec(e.message ?? '')?.[0] ?? e.code;
  switch (code) {
    case 'ECONNREFUSED':
      return { permanent: false, error: 'Serveur SMTP injoignable : connexion refusée (serveur arrêté ?).' };
    case 'ETIMEDOUT':
    case 'ECONNECTION':
      return { permanent: false, error: `Serveur SMTP injoignable : ${detail}` };
    case 'EDNS':
    case 'EAI_AGAIN':
    case 'ENOTFOUND':
      return { permanent: false, error: 'Serveur SMTP introuvable : vérifiez son nom.' };
    case 'ETLS':
      return { permanent: false, error: `Échec de la connexion chiffrée (TLS) : ${detail}` };
    case 'EAUTH':
      return { permanent: false, error: 'Identifiant ou mot de passe SMTP refusé.' };
    case 'EENVELOPE':
      return { permanent: true, error: `Destinataire refusé : ${detail}` };
    default:
      return { permanent: false, error: `Échec de l’envoi : ${detail}` };
  }
}

export async function sendWithSmtp(account: SmtpAccount, mail: OutgoingMail): Promise<SendOutcome> {
  const transport = transportOf(account);
  try {
    const info = await transport.sendMail({
      // A stable Message-ID: should a receiver see the same message twice, it can tell.
      messageId: mail.messageId,
      from: account.from.name
        ? { name: account.from.name, address: account.from.address }
        : account.from.address,
      to: mail.to,
      replyTo: mail.replyTo ?? undefined,
      subject: mail.subject,
      text: mail.text,
      attachments: mail.attachments,
    });
    return { ok: true, response: String(info.response ?? '').slice(0, 300) };
  } catch (error) {
    return { ok: false, ...describeSmtpError(error) };
  } finally {
    transport.close();
  }
}
