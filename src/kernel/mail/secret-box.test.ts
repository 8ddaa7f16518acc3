import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSecretKey, openSecret, sealSecret } from './secret-box.ts';
import { backoffMs } from './worker.ts';

describe('secret box', () => {
  it('opens what it sealed, only with the same key and organisation, and never stores the plain text', () => {
    const key = randomBytes(32);
    const sealed = sealSecret(key, 'org-a', 'mot de passe');
    expect(sealed).not.toContain('mot');
    expect(sealSecret(key, 'org-a', 'mot de passe')).not.toBe(sealed);
    expect(openSecret(key, 'org-a', sealed)).toBe('mot de passe');
    expect(openSecret(key, 'org-b', sealed)).toBeNull();
    expect(openSecret(randomBytes(32), 'org-a', sealed)).toBeNull();
    expect(openSecret(key, 'org-a', `${sealed.slice(0, -4)}AAAA`)).toBeNull();
  });

  it('reads the key from the environment or makes an owner-only file once', () => {
    const hex = randomBytes(32).toString('hex');
    expect(loadSecretKey({ AGORA_SECRET_KEY: hex }, '/nonexistent').toString('hex')).toBe(hex);
    expect(() => loadSecretKey({ AGORA_SECRET_KEY: 'court' }, '/nonexistent')).toThrow(/32 octets/);
    const dir = mkdtempSync(join(tmpdir(), 'agora-key-'));
    const first = loadSecretKey({}, dir);
    expect(loadSecretKey({}, dir).equals(first)).toBe(true);
    expect(statSync(join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, 'secret.key'), 'utf8')).toBe(first.toString('base64'));
  });
});

describe('outbox backoff', () => {
  it('doubles from one minute and stops growing at six hours', () => {
    expect([1, 2, 3, 4].map(backoffMs)).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(backoffMs(20)).toBe(6 * 3600_000);
  });
});
