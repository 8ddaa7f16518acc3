import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { sql } from 'kysely';
import { recordAudit } from '../audit/audit.ts';
import { type Db, isForeignKeyViolation } from '../db/index.ts';
import { invalid, notFound } from '../errors/domain-error.ts';
import { newId } from '../ids.ts';

export type StoredDocument = {
  id: string;
  sha256: string;
  fileName: string;
  mediaType: string;
  size: number;
};

export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

const pathOf = (root: string, sha256: string) => join(root, sha256.slice(0, 2), sha256);

/**
 * Writes the bytes under their SHA-256 (same content = same file, shared by copies of an organisation).
 * The file is written before the row, atomically by rename; call it outside a long transaction and
 * pass the transaction only for the row.
 */
export async function putBytes(root: string, bytes: Uint8Array): Promise<string> {
  if (bytes.byteLength > MAX_DOCUMENT_BYTES) throw invalid('Le fichier dépasse 20 Mo.');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const path = pathOf(root, sha256);
  const exists = await stat(path).then(
    () => true,
    () => false,
  );
  if (!exists) {
    await mkdir(dirname(path), { recursive: true });
    const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(temporary, bytes);
    await rename(temporary, path);
  }
  return sha256;
}

export async function recordDocument(
  trx: Db,
  input: {
    orgId: string;
    sha256: string;
    fileName: string;
    mediaType: string;
    size: number;
    actorId: string | null;
  },
): Promise<StoredDocument> {
  const id = newId();
  await trx
    .insertInto('document')
    .values({
      org_id: input.orgId,
      id,
      sha256: input.sha256,
      file_name: input.fileName,
      media_type: input.mediaType,
      size: input.size,
      created_by: input.actorId,
      created_at: new Date().toISOString(),
    })
    .execute();
  await recordAudit(trx, {
    orgId: input.orgId,
    actorId: input.actorId,
    action: 'document.created',
    entity: 'document',
    entityId: id,
    after: { sha256: input.sha256, fileName: input.fileName, size: input.size },
  });
  return { id, sha256: input.sha256, fileName: input.fileName, mediaType: input.mediaType, size: input.size };
}

/**
 * A new document row for the same file: the copy has its own id, so deleting either row leaves the other
 * whole. The file itself is not written again: it is stored once per content and never changes.
 */
export async function copyDocument(
  trx: Db,
  orgId: string,
  documentId: string,
  actorId: string | null,
): Promise<StoredDocument> {
  const row = await trx
    .selectFrom('document')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', documentId)
    .executeTakeFirst();
  if (!row) throw notFound('Document');
  return recordDocument(trx, {
    orgId,
    sha256: row.sha256,
    fileName: row.file_name,
    mediaType: row.media_type,
    size: Number(row.size),
    actorId,
  });
}

export async function readDocument(
  db: Db,
  root: string,
  orgId: string,
  documentId: string,
): Promise<StoredDocument & { bytes: Buffer }> {
  const row = await db
    .selectFrom('document')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', documentId)
    .executeTakeFirst();
  if (!row) throw notFound('Document');
  const bytes = await readFile(pathOf(root, row.sha256));
  if (createHash('sha256').update(bytes).digest('hex') !== row.sha256)
    throw new Error(`Document ${documentId} altéré sur le disque.`);
  return {
    id: row.id,
    sha256: row.sha256,
    fileName: row.file_name,
    mediaType: row.media_type,
    size: Number(row.size),
    bytes,
  };
}

/**
 * Deletes a document row in the caller's transaction unless another row still points at it — its foreign
 * keys say so, whichever module's the row is. The delete runs in a savepoint, so a refusal leaves the
 * transaction usable (PostgreSQL would abort it otherwise). The file stays: it is stored once per content
 * and may be another row's or another organisation's (copies share files), and a rollback could not bring
 * a deleted file back. Returns whether the row went.
 */
export async function deleteDocumentIfUnused(
  trx: Db,
  orgId: string,
  documentId: string,
  actorId: string | null,
): Promise<boolean> {
  const row = await trx
    .selectFrom('document')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', documentId)
    .executeTakeFirst();
  if (!row) return false;
  await sql`savepoint document_delete`.execute(trx);
  try {
    await trx.deleteFrom('document').where('org_id', '=', orgId).where('id', '=', documentId).execute();
  } catch (error) {
    await sql`rollback to savepoint document_delete`.execute(trx);
    await sql`release savepoint document_delete`.execute(trx);
    if (isForeignKeyViolation(error)) return false;
    throw error;
  }
  await sql`release savepoint document_delete`.execute(trx);
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'document.deleted',
    entity: 'document',
    entityId: documentId,
    before: { sha256: row.sha256, fileName: row.file_name, size: Number(row.size) },
  });
  return true;
}
