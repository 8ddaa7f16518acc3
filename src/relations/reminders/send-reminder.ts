// The one place a reminder leaves by email. It takes the SMTP settings as an argument so the general
// outbox (per-organisation SMTP settings) can call it, or replace it, without touching the reminders.

export type SmtpSettings = {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); false lets STARTTLS upgrade when the server offers it. */
  secure: boolean;
  user: string | null;
  pass: string | null;
  /** The sender, e.g. "Atelier Dupont <compta@atelier-dupont.fr>". */
  from: string;
};

export type ReminderEmail = {
  to: string;
  subject: string;
  text: string;
  attachment: { fileName: string; bytes: Uint8Array };
};

/** Sends one email; resolves with the server's message id, rejects with the SMTP error. */
export async function sendReminder(smtp: SmtpSettings, email: ReminderEmail): Promise<string> {
  // Loaded on first use: every CLI command and server start would otherwise pay for it.
  const { default: nodemailer } = await import('nodemailer');
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.user ? { user: smtp.user, pass: smtp.pass ?? '' } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  try {
    const info = await transport.sendMail({
      from: smtp.from,
      to: email.to,
      subject: email.subject,
      text: email.text,
      attachments: [
        {
          filename: email.attachment.fileName,
          content: Buffer.from(email.attachment.bytes),
          contentType: 'application/pdf',
        },
      ],
    });
    return info.messageId;
  } finally {
    transport.close();
  }
}

/**
 * Until the outbox brings per-organisation settings, the server's own SMTP relay, from the environment:
 * AGORA_SMTP_HOST, AGORA_SMTP_PORT (587), AGORA_SMTP_SECURE ("true" for 465), AGORA_SMTP_USER,
 * AGORA_SMTP_PASS, AGORA_SMTP_FROM. Null when no host is set.
 */
export function smtpSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): SmtpSettings | null {
  const host = env.AGORA_SMTP_HOST;
  if (!host) return null;
  return {
    host,
    port: Number(env.AGORA_SMTP_PORT ?? 587),
    secure: env.AGORA_SMTP_SECURE === 'true',
    user: env.AGORA_SMTP_USER ?? null,
    pass: env.AGORA_SMTP_PASS ?? null,
    from: env.AGORA_SMTP_FROM ?? `Agora <no-reply@${host}>`,
  };
}
