import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/index.ts';
import { DomainError } from '../errors/domain-error.ts';
import type { Role } from '../roles/permissions.ts';
import { hashPassword, verifyPassword } from '../users/passwords.ts';
import { findUserByEmail } from '../users/users.ts';

export const SESSION_IDLE_MS = 8 * 3600_000;
export const SESSION_ABSOLUTE_MS = 7 * 24 * 3600_000;
const TOUCH_EVERY_MS = 60_000;
// How long a request waits for its session's sliding expiry to be written before going on without it.
const TOUCH_WAIT_MS = 100;

export type Session = { id: string; userId: string; csrfToken: string; expiresAt: string };

/**
 * A session read for a request under /orgs/:orgId: the caller's role there came with it (null when not a
 * member), so the guard needs no second query.
 */
export type SessionInOrg = Session & { membership?: { orgId: string; role: Role | null } };

// Only the SHA-256 of the cookie value is stored: a leaked database does not yield live sessions.
const sessionId = (token: string) => createHash('sha256').update(token).digest('hex');
const randomToken = () => randomBytes(32).toString('base64url');

let dummyHash: Promise<string> | undefined;

/** Checks the credentials and opens a session. The cookie carries the returned token. */
export async function login(
  db: Db,
  email: string,
  password: string,
  now = new Date(),
): Promise<{ token: string; session: Session }> {
  const user = await findUserByEmail(db, email);
  if (!user || user.disabled_at) {
    // Spend the same time as a real check, so response times do not reveal which emails exist.
    dummyHash ??= hashPassword('agora-dummy-password');
    await verifyPassword(await dummyHash, password);
    throw new DomainError('unauthenticated', 'Adresse e-mail ou mot de passe incorrect.');
  }
  if (!(await verifyPassword(user.password_hash, password)))
    throw new DomainError('unauthenticated', 'Adresse e-mail ou mot de passe incorrect.');
  const token = randomToken();
  const session: Session = {
    id: sessionId(token),
    userId: user.id,
    csrfToken: randomToken(),
    expiresAt: new Date(now.getTime() + SESSION_IDLE_MS).toISOString(),
  };
  await db
    .insertInto('session')
    .values({
      id: session.id,
      user_id: user.id,
      csrf_token: session.csrfToken,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: session.expiresAt,
      revoked_at: null,
    })
    .execute();
  return { token, session };
}

/**
 * The live session behind a cookie token, or null (unknown, revoked, expired or user disabled). Given the
 * organisation of the request, the same query reads the caller's membership there (one statement per
 * request instead of two: the list routes are read under load, docs/performance.md).
 */
export async function resolveSession(
  db: Db,
  token: string,
  now = new Date(),
  orgId?: string,
): Promise<SessionInOrg | null> {
  const row = await db
    .selectFrom('session')
    .innerJoin('app_user', 'app_user.id', 'session.user_id')
    .leftJoin('membership', (join) =>
      join.onRef('membership.user_id', '=', 'session.user_id').on('membership.org_id', '=', orgId ?? ''),
    )
    .select([
      'session.id',
      'session.user_id',
      'session.csrf_token',
      'session.created_at',
      'session.last_seen_at',
      'session.expires_at',
      'session.revoked_at',
      'app_user.disabled_at',
      'membership.role',
    ])
    .where('session.id', '=', sessionId(token))
    .executeTakeFirst();
  if (!row || row.revoked_at || row.disabled_at || row.expires_at <= now.toISOString()) return null;
  let expiresAt = row.expires_at;
  // Sliding expiry, capped by an absolute lifetime; written at most once a minute to spare the database.
  if (now.getTime() - Date.parse(row.last_seen_at) > TOUCH_EVERY_MS) {
    const cap = Date.parse(row.created_at) + SESSION_ABSOLUTE_MS;
    expiresAt = new Date(Math.min(now.getTime() + SESSION_IDLE_MS, cap)).toISOString();
    const touch = db
      .updateTable('session')
      .set({ last_seen_at: now.toISOString(), expires_at: expiresAt })
      .where('id', '=', row.id)
      .execute()
      // A best-effort timestamp: the request does not fail for it (the next one writes it again).
      .catch(() => undefined);
    // On SQLite the write waits for the one writer: during a FEC import of a million lines (a single
    // transaction of half a minute) every request would wait with it — the import's own progress polls
    // included. After a moment the request goes on; the write happens when the writer is free.
    let waited: NodeJS.Timeout | undefined;
    await Promise.race([
      touch,
      new Promise<void>((resolve) => {
        waited = setTimeout(resolve, TOUCH_WAIT_MS);
      }),
    ]);
    clearTimeout(waited);
  }
  const session: SessionInOrg = { id: row.id, userId: row.user_id, csrfToken: row.csrf_token, expiresAt };
  if (orgId !== undefined) session.membership = { orgId, role: row.role ?? null };
  return session;
}

export async function logout(db: Db, token: string): Promise<void> {
  await db
    .updateTable('session')
    .set({ revoked_at: new Date().toISOString() })
    .where('id', '=', sessionId(token))
    .execute();
}

/** Ends every session of a user (password change, account disabled). */
export async function revokeUserSessions(db: Db, userId: string): Promise<void> {
  await db
    .updateTable('session')
    .set({ revoked_at: new Date().toISOString() })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}
