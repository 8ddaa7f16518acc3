import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// Secrets an organisation gives us (its SMTP password) are sealed with AES-256-GCM under a server key
// that never enters the database, so a stolen database or backup does not hand out mailboxes. The
// organisation id is the additional data: a row copied into another organisation (a student sandbox made
// from a template) cannot be opened there, and the copy must type its own password.

export function sealSecret(key: Uint8Array, orgId: string, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(orgId, 'utf8'));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

/** null when the seal does not open (other key, other organisation, altered row). */
export function openSecret(key: Uint8Array, orgId: string, sealed: string): string | null {
  try {
    const bytes = Buffer.from(sealed, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
    decipher.setAAD(Buffer.from(orgId, 'utf8'));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

/**
 * The server key: AGORA_SECRET_KEY (32 bytes, base64 or hex) or, failing that, `secret.key` in the data
 * directory, made on first start with owner-only rights. Losing it loses the stored SMTP passwords only.
 */
export function loadSecretKey(env: NodeJS.ProcessEnv, dataDir: string): Buffer {
  const given = env.AGORA_SECRET_KEY?.trim();
  if (given) {
    const key = /^[0-9a-f]{64}$/i.test(given) ? Buffer.from(given, 'hex') : Buffer.from(given, 'base64');
    if (key.length !== 32)
      throw new Error('AGORA_SECRET_KEY doit contenir 32 octets (base64 ou hexadécimal).');
    return key;
  }
  const file = join(dataDir, 'secret.key');
  if (!existsSync(file)) {
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
  }
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new Error(`${file} ne contient pas une clé de 32 octets.`);
  return key;
}
