import { createHash } from 'node:crypto';
import type { Db } from '../db/index.ts';

export type AuditInput = {
  orgId: string;
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
};

export const GENESIS_HASH = '0'.repeat(64);

/** Canonical JSON (sorted keys) so a hash does not depend on property order or on the database. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export type HashedFields = {
  seq: number;
  at: string;
  actor_id: string | null;
  action: string;
  entity: string;
  entity_id: string;
  before_json: string | null;
  after_json: string | null;
};

// The organisation id is left out of the hash on purpose: a copied organisation (template, sandbox)
// keeps a history that still verifies.
export function eventHash(prevHash: string, fields: HashedFields): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(fields)).digest('hex');
}

/**
 * Appends one event to the organisation's chain. Call it inside the transaction that makes the change,
 * so the change and its trace commit or vanish together.
 */
export async function recordAudit(trx: Db, input: AuditInput): Promise<void> {
  await trx
    .insertInto('audit_head')
    .values({ org_id: input.orgId, last_seq: 0, last_hash: GENESIS_HASH })
    .onConflict((oc) => oc.column('org_id').doNothing())
    .execute();
  const head = await trx
    .updateTable('audit_head')
    .set((eb) => ({ last_seq: eb('last_seq', '+', 1) }))
    .where('org_id', '=', input.orgId)
    .returning(['last_seq', 'last_hash'])
    .executeTakeFirstOrThrow();
  const fields: HashedFields = {
    seq: Number(head.last_seq),
    at: new Date().toISOString(),
    actor_id: input.actorId,
    action: input.action,
    entity: input.entity,
    entity_id: input.entityId,
    before_json: input.before === undefined ? null : canonicalJson(input.before),
    after_json: input.after === undefined ? null : canonicalJson(input.after),
  };
  const hash = eventHash(head.last_hash, fields);
  await trx
    .insertInto('audit_event')
    .values({ org_id: input.orgId, ...fields, prev_hash: head.last_hash, hash })
    .execute();
  await trx.updateTable('audit_head').set({ last_hash: hash }).where('org_id', '=', input.orgId).execute();
}

export type ChainReport = { orgId: string; events: number; ok: boolean; problems: string[] };

/** Re-hashes the whole chain of an organisation and reports the first breaks found. */
export async function verifyAuditChain(db: Db, orgId: string, batchSize = 5000): Promise<ChainReport> {
  const problems: string[] = [];
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_event')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(batchSize)
      .execute();
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq) problems.push(`Évènement ${expectedSeq} manquant (suivant trouvé : ${seq}).`);
      if (row.prev_hash !== prevHash)
        problems.push(`Évènement ${seq} : chaînage rompu (empreinte précédente).`);
      const fields: HashedFields = {
        seq,
        at: row.at,
        actor_id: row.actor_id,
        action: row.action,
        entity: row.entity,
        entity_id: row.entity_id,
        before_json: row.before_json,
        after_json: row.after_json,
      };
      if (eventHash(row.prev_hash, fields) !== row.hash) problems.push(`Évènement ${seq} : contenu modifié.`);
      prevHash = row.hash;
      expectedSeq = seq + 1;
      count++;
      if (problems.length >= 20) return { orgId, events: count, ok: false, problems };
    }
    if (rows.length < batchSize) break;
  }
  const head = await db.selectFrom('audit_head').selectAll().where('org_id', '=', orgId).executeTakeFirst();
  if (head && (Number(head.last_seq) !== count || head.last_hash !== prevHash)) {
    problems.push(
      `La tête de chaîne (n° ${head.last_seq}) ne correspond pas au dernier évènement (${count}).`,
    );
  }
  return { orgId, events: count, ok: problems.length === 0, problems };
}
