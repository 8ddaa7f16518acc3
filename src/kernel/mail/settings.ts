import { recordAudit } from '../audit/audit.ts';
import type { Db } from '../db/index.ts';
import type { MailSettingsDto, MailSettingsInput } from './contract.ts';
import { openSecret, sealSecret } from './secret-box.ts';
import type { MailSettingsTable } from './tables.ts';

const EMPTY: MailSettingsDto = {
  configured: false,
  host: null,
  port: null,
  security: null,
  username: null,
  hasPassword: false,
  fromAddress: null,
  fromName: null,
  updatedAt: null,
};

function toDto(row: MailSettingsTable | undefined): MailSettingsDto {
  if (!row) return EMPTY;
  return {
    configured: true,
    host: row.host,
    port: Number(row.port),
    security: row.security,
    username: row.username,
    hasPassword: row.password_sealed !== null,
    fromAddress: row.from_address,
    fromName: row.from_name,
    updatedAt: row.updated_at,
  };
}

export async function getMailSettingsRow(db: Db, orgId: string): Promise<MailSettingsTable | undefined> {
  return db.selectFrom('mail_settings').selectAll().where('org_id', '=', orgId).executeTakeFirst();
}

export async function getMailSettings(db: Db, orgId: string): Promise<MailSettingsDto> {
  return toDto(await getMailSettingsRow(db, orgId));
}

export async function saveMailSettings(
  trx: Db,
  key: Uint8Array,
  orgId: string,
  input: MailSettingsInput,
  actorId: string | null,
): Promise<MailSettingsDto> {
  const before = await getMailSettingsRow(trx, orgId);
  const password_sealed =
    input.password === undefined || input.password === null
      ? (before?.password_sealed ?? null)
      : input.password === ''
        ? null
        : sealSecret(key, orgId, input.password);
  const row: MailSettingsTable = {
    org_id: orgId,
    host: input.host,
    port: input.port,
    security: input.security,
    username: input.username,
    password_sealed,
    from_address: input.fromAddress,
    from_name: input.fromName,
    updated_at: new Date().toISOString(),
  };
  if (before) await trx.updateTable('mail_settings').set(row).where('org_id', '=', orgId).execute();
  else await trx.insertInto('mail_settings').values(row).execute();
  const after = toDto(row);
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'mail.settings.saved',
    entity: 'mail_settings',
    entityId: orgId,
    // The DTO carries no password: the audit trail never holds a secret.
    before: before ? toDto(before) : null,
    after,
  });
  return after;
}

export type SmtpAccount = {
  host: string;
  port: number;
  security: MailSettingsTable['security'];
  auth: { user: string; pass: string } | null;
  from: { address: string; name: string | null };
};

/** The account to send with, or a French reason why there is none usable. */
export function smtpAccountOf(
  key: Uint8Array,
  orgId: string,
  row: MailSettingsTable | undefined,
): SmtpAccount | string {
  if (!row) return 'Aucun serveur SMTP n’est paramétré pour cette organisation (Paramètres › Messagerie).';
  let auth: SmtpAccount['auth'] = null;
  if (row.username) {
    const pass = row.password_sealed ? openSecret(key, orgId, row.password_sealed) : '';
    if (pass === null)
      return 'Le mot de passe SMTP enregistré ne peut pas être relu sur ce serveur : saisissez-le de nouveau.';
    auth = { user: row.username, pass };
  }
  return {
    host: row.host,
    port: Number(row.port),
    security: row.security,
    auth,
    from: { address: row.from_address, name: row.from_name },
  };
}
