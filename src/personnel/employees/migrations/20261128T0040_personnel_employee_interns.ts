import type { Kysely } from 'kysely';
import { columnTypes } from '../../../kernel/db/columns.ts';
import type { Dialect } from '../../../kernel/db/connect.ts';

// A trainee (stagiaire) stands in a part of the registre unique du personnel of their own, with their
// tutor's names and the place where they are present (C. trav. L1221-13, D1221-23-1 — decision 0035).
// biome-ignore lint/suspicious/noExplicitAny: frozen migration
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema.alterTable('personnel_employee').addColumn('tutor_name', t.text).execute();
  await db.schema.alterTable('personnel_employee').addColumn('workplace', t.text).execute();
}
