import { recordAudit } from '../audit/audit.ts';
import type { Db } from '../db/index.ts';
import { isUniqueViolation } from '../db/index.ts';
import { conflict, invalid, notFound } from '../errors/domain-error.ts';
import { newId } from '../ids.ts';
import type { Role } from '../organisations/tables.ts';
import { hashPassword, passwordProblem } from './passwords.ts';

export type User = { id: string; email: string; name: string; locale: string };

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Creates a login. `skipPolicy` is for the demo user only, whose password is printed by `npm start`.
 */
export async function createUser(
  db: Db,
  input: { email: string; name: string; password: string; locale?: string },
  options: { skipPolicy?: boolean } = {},
): Promise<User> {
  const email = normaliseEmail(input.email);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    throw invalid('Adresse e-mail invalide.', [{ field: 'email', message: 'Adresse e-mail invalide.' }]);
  const problem = options.skipPolicy ? null : passwordProblem(input.password, email);
  if (problem) throw invalid(problem, [{ field: 'password', message: problem }]);
  const user = { id: newId(), email, name: input.name.trim(), locale: input.locale ?? 'fr' };
  const password_hash = await hashPassword(input.password);
  try {
    await db
      .insertInto('app_user')
      .values({ ...user, password_hash, disabled_at: null, created_at: new Date().toISOString() })
      .execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`Un utilisateur existe déjà avec l’adresse ${email}.`);
    throw error;
  }
  return user;
}

export async function findUserByEmail(db: Db, email: string) {
  return db.selectFrom('app_user').selectAll().where('email', '=', normaliseEmail(email)).executeTakeFirst();
}

export async function getUser(db: Db, userId: string): Promise<User> {
  const user = await db
    .selectFrom('app_user')
    .select(['id', 'email', 'name', 'locale'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user) throw notFound('Utilisateur');
  return user;
}

export type Member = User & { role: Role; since: string };

export async function listMembers(db: Db, orgId: string): Promise<Member[]> {
  return db
    .selectFrom('membership')
    .innerJoin('app_user', 'app_user.id', 'membership.user_id')
    .select([
      'app_user.id',
      'app_user.email',
      'app_user.name',
      'app_user.locale',
      'membership.role',
      'membership.created_at as since',
    ])
    .where('membership.org_id', '=', orgId)
    .orderBy('app_user.name')
    .orderBy('app_user.id')
    .execute();
}

/** Gives a user a role in an organisation, or changes it. */
export async function setMembership(
  trx: Db,
  input: { orgId: string; userId: string; role: Role; actorId: string | null },
): Promise<void> {
  const before = await trx
    .selectFrom('membership')
    .select('role')
    .where('org_id', '=', input.orgId)
    .where('user_id', '=', input.userId)
    .executeTakeFirst();
  if (before) {
    await trx
      .updateTable('membership')
      .set({ role: input.role })
      .where('org_id', '=', input.orgId)
      .where('user_id', '=', input.userId)
      .execute();
  } else {
    await trx
      .insertInto('membership')
      .values({
        org_id: input.orgId,
        user_id: input.userId,
        role: input.role,
        created_at: new Date().toISOString(),
      })
      .execute();
  }
  await recordAudit(trx, {
    orgId: input.orgId,
    actorId: input.actorId,
    action: before ? 'membership.updated' : 'membership.created',
    entity: 'membership',
    entityId: input.userId,
    before: before ?? undefined,
    after: { role: input.role },
  });
}

export async function removeMembership(
  trx: Db,
  input: { orgId: string; userId: string; actorId: string | null },
): Promise<void> {
  const owners = await trx
    .selectFrom('membership')
    .select(['user_id', 'role'])
    .where('org_id', '=', input.orgId)
    .execute();
  const target = owners.find((m) => m.user_id === input.userId);
  if (!target) throw notFound('Membre');
  if (target.role === 'owner' && owners.filter((m) => m.role === 'owner').length === 1)
    throw invalid('Une organisation doit garder au moins un responsable.');
  await trx
    .deleteFrom('membership')
    .where('org_id', '=', input.orgId)
    .where('user_id', '=', input.userId)
    .execute();
  await recordAudit(trx, {
    orgId: input.orgId,
    actorId: input.actorId,
    action: 'membership.deleted',
    entity: 'membership',
    entityId: input.userId,
    before: { role: target.role },
  });
}
