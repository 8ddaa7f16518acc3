import type { Kysely } from 'kysely';
import { columnTypes } from '../../kernel/db/columns.ts';
import type { Dialect } from '../../kernel/db/connect.ts';

/**
 * The tutor's assessment link (decision 0029): a teacher hands the placement's tutor a secret link to
 * enter the assessment without an account. Only the SHA-256 of the link's token is kept, never the token.
 * A link expires, may be revoked, and is spent once the tutor has sent the assessment.
 */
// biome-ignore lint/suspicious/noExplicitAny: frozen migration
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);

  await db.schema
    .createTable('training_pfmp_tutor_link')
    .addColumn('org_id', t.id, (c) => c.notNull())
    .addColumn('id', t.id, (c) => c.notNull())
    .addColumn('agreement_id', t.id, (c) => c.notNull())
    .addColumn('token_hash', t.text, (c) => c.notNull())
    .addColumn('expires_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('revoked_at', t.instant)
    .addColumn('revoked_by', t.id)
    .addColumn('used_at', t.instant)
    // Who sent the assessment through the link, as they typed it (the tutor has no account).
    .addColumn('signer_name', t.text)
    .addColumn('signer_function', t.text)
    .addPrimaryKeyConstraint('training_pfmp_tutor_link_pk', ['org_id', 'id'])
    .addForeignKeyConstraint(
      'training_pfmp_tutor_link_agreement_fk',
      ['org_id', 'agreement_id'],
      'training_pfmp_agreement',
      ['org_id', 'id'],
    )
    .execute();
  // The public page finds its link by the token's hash, across schools (not unique: a copied organisation
  // carries its rows, hashes included; the lookup keeps to organisations that are not copies).
  await db.schema
    .createIndex('training_pfmp_tutor_link_hash_idx')
    .on('training_pfmp_tutor_link')
    .column('token_hash')
    .execute();
  await db.schema
    .createIndex('training_pfmp_tutor_link_agreement_idx')
    .on('training_pfmp_tutor_link')
    .columns(['org_id', 'agreement_id'])
    .execute();
}
