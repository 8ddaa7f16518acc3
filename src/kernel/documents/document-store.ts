import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { recordAudit } from '../audit/audit.ts';
import type { Db } from '../db/index.ts';
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
