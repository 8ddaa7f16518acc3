import { sql } from 'kysely';
import { recordAudit } from '../audit/audit.ts';
import type { Db, Dialect } from '../db/index.ts';
import { notFound } from '../errors/domain-error.ts';
import { newId } from '../ids.ts';
import { discoverOrgTables, type OrgTable } from './org-tables.ts';

export type CopyProgress = (done: number, total: number, table: string) => void;

/**
 * Copies every row of every organisation table to a new org_id, in the caller's transaction: the basis
 * of templates and student sandboxes. Ids stay the same (keys are (org_id, id)), so references between
 * rows hold without rewriting. Files are shared, being content-addressed.
 */
export async function copyOrganisation(
  trx: Db,
  dialect: Dialect,
  input: {
    sourceOrgId: string;
    name?: string;
    actorId: string | null;
    targetOrgId?: string;
    /** The schema, found once by the caller that copies many times (a class of sandboxes). */
    tables?: OrgTable[];
  },
  onProgress?: CopyProgress,
): Promise<{ orgId: string; rows: Record<string, number> }> {
  const source = await trx
    .selectFrom('organisation')
    .select(['org_id', 'name'])
    .where('org_id', '=', input.sourceOrgId)
    .executeTakeFirst();
  if (!source) throw notFound('Organisation');
  const orgId = input.targetOrgId ?? newId();
  const tables = input.tables ?? (await discoverOrgTables(trx, dialect));
  const rows: Record<string, number> = {};
  let done = 0;
  for (const table of tables) {
    const selected = table.columns.map((column) => {
      if (column === 'org_id') return sql`${orgId}`;
      if (table.name === 'organisation' && column === 'name')
        return sql`${input.name ?? `${source.name} (copie)`}`;
      if (table.name === 'organisation' && column === 'copied_from') return sql`${input.sourceOrgId}`;
      // A copy of a scenario's template is where work happens (a sandbox), never a template itself.
      if (table.name === 'organisation' && column === 'is_template') return sql`0`;
      return sql.ref(column);
    });
    const result = await sql`
      insert into ${sql.table(table.name)} (${sql.join(table.columns.map((c) => sql.ref(c)))})
      select ${sql.join(selected)} from ${sql.table(table.name)} where org_id = ${input.sourceOrgId}`.execute(
      trx,
    );
    rows[table.name] = Number(result.numAffectedRows ?? 0);
    onProgress?.(++done, tables.length, table.name);
  }
  await recordAudit(trx, {
    orgId,
    actorId: input.actorId,
    action: 'organisation.copied',
    entity: 'organisation',
    entityId: orgId,
    after: { copiedFrom: input.sourceOrgId, rows },
  });
  return { orgId, rows };
}

/** Removes an organisation and all its rows (a discarded sandbox); tables in reverse dependency order. */
export async function deleteOrganisation(
  trx: Db,
  dialect: Dialect,
  orgId: string,
  known?: OrgTable[],
): Promise<void> {
  const tables = known ?? (await discoverOrgTables(trx, dialect));
  for (const table of [...tables].reverse()) {
    await sql`delete from ${sql.table(table.name)} where org_id = ${orgId}`.execute(trx);
  }
}
