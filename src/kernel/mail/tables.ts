export type MailSecurity = 'none' | 'starttls' | 'tls';
export type MailStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'cancelled';

/** One SMTP account per organisation; the password is sealed with the server key (secret-box.ts). */
export type MailSettingsTable = {
  org_id: string;
  host: string;
  port: number;
  security: MailSecurity;
  username: string | null;
  /** base64(iv | tag | ciphertext), AES-256-GCM, additional data = org_id. */
  password_sealed: string | null;
  from_address: string;
  from_name: string | null;
  updated_at: string;
};

export type MailMessageTable = {
  org_id: string;
  id: string;
  /** The organisation that enqueued it: a copied row (sandbox, template) differs and is never sent. */
  origin_org_id: string;
  status: MailStatus;
  /** JSON array of addresses. */
  to_addresses: string;
  subject: string;
  text_body: string;
  reply_to: string | null;
  /** What made it, e.g. "relations.event:<id>", for the outbox screen. */
  source: string | null;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  claim_token: string | null;
  claimed_at: string | null;
  sent_at: string | null;
  smtp_response: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
};

export type MailAttachmentTable = {
  org_id: string;
  message_id: string;
  position: number;
  document_id: string;
};
