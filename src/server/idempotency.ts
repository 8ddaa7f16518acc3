import type { FastifyRequest } from 'fastify';
import type { Db, Store } from '../kernel/db/index.ts';
import { invalid } from '../kernel/errors/domain-error.ts';
import type { Scope } from './types.ts';

/**
 * Runs a creating command once per Idempotency-Key: the first answer is stored in the same transaction
 * as the creation, and a replay (same key, same route) gets it back without creating anything.
 */
export async function createOnce<T>(
  store: Store,
  request: FastifyRequest,
  scope: Scope,
  create: (trx: Db) => Promise<T>,
): Promise<{ status: number; body: T; replayed: boolean }> {
  const key = request.headers['idempotency-key'];
  if (key === undefined) {
    const body = await store.db.transaction().execute(create);
    return { status: 201, body, replayed: false };
  }
  if (typeof key !== 'string' || key.length < 8 || key.length > 200)
    throw invalid('L’en-tête Idempotency-Key doit comporter de 8 à 200 caractères.');
  const route = `${request.method} ${request.routeOptions.url}`;
  return store.db.transaction().execute(async (trx) => {
    const previous = await trx
      .selectFrom('idempotency_record')
      .selectAll()
      .where('org_id', '=', scope.orgId)
      .where('id', '=', key)
      .executeTakeFirst();
    if (previous) {
      if (previous.route !== route || previous.user_id !== scope.userId)
        throw invalid('Cette clé Idempotency-Key a déjà servi pour une autre requête.');
      return { status: Number(previous.status), body: JSON.parse(previous.body) as T, replayed: true };
    }
    const body = await create(trx);
    await trx
      .insertInto('idempotency_record')
      .values({
        org_id: scope.orgId,
        id: key,
        user_id: scope.userId,
        route,
        status: 201,
        body: JSON.stringify(body),
        created_at: new Date().toISOString(),
      })
      .execute();
    return { status: 201, body, replayed: false };
  });
}
