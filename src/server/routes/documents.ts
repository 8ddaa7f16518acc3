import { z } from 'zod';
import {
  MAX_DOCUMENT_BYTES,
  putBytes,
  readDocument,
  recordDocument,
} from '../../kernel/documents/document-store.ts';
import { invalid } from '../../kernel/errors/domain-error.ts';
import { orgRoute, scopeOf } from '../guard.ts';
import type { App, Deps } from '../types.ts';

// What an organisation may file: office documents, scans, exports. Anything else is refused.
export const DOCUMENT_MEDIA_TYPES = [
  'application/pdf',
  'application/xml',
  'text/xml',
  'text/plain',
  'text/csv',
  'image/png',
  'image/jpeg',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/octet-stream',
];

const documentDto = z.object({
  id: z.string(),
  sha256: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number(),
});

export function documentRoutes(app: App, { store, documentsDir }: Deps) {
  app.addContentTypeParser(
    DOCUMENT_MEDIA_TYPES.filter((t) => t !== 'application/json'),
    { parseAs: 'buffer', bodyLimit: MAX_DOCUMENT_BYTES },
    (_request, body, done) => done(null, body),
  );

  app.post(
    '/api/v1/orgs/:orgId/documents',
    {
      ...orgRoute(store, 'documents.write'),
      bodyLimit: MAX_DOCUMENT_BYTES,
      schema: {
        tags: ['documents'],
        summary: 'Déposer un document (corps = le fichier, Content-Type = son type)',
        params: z.object({ orgId: z.string().max(64) }),
        querystring: z.object({
          fileName: z
            .string()
            .trim()
            .min(1, 'Le nom du fichier est obligatoire.')
            .max(200, '200 caractères au maximum.')
            // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we refuse
            .refine((v) => !/[/\\\u0000-\u001f]/.test(v), 'Nom de fichier invalide.'),
        }),
        response: { 201: documentDto },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const bytes = request.body;
      if (!Buffer.isBuffer(bytes) || bytes.byteLength === 0) throw invalid('Le fichier est vide.');
      const mediaType = String(request.headers['content-type']).split(';')[0]!.trim();
      // The file goes to disk first (idempotent, content-addressed), the row in a short transaction.
      const sha256 = await putBytes(documentsDir, bytes);
      const document = await store.db.transaction().execute((trx) =>
        recordDocument(trx, {
          orgId: scope.orgId,
          sha256,
          fileName: request.query.fileName,
          mediaType,
          size: bytes.byteLength,
          actorId: scope.userId,
        }),
      );
      return reply.code(201).send(document);
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/documents/:documentId',
    {
      ...orgRoute(store, 'documents.read'),
      schema: {
        tags: ['documents'],
        summary: 'Télécharger un document',
        params: z.object({ orgId: z.string().max(64), documentId: z.string().max(64) }),
      },
    },
    async (request, reply) => {
      const document = await readDocument(
        store.db,
        documentsDir,
        scopeOf(request).orgId,
        request.params.documentId,
      );
      return reply
        .type(document.mediaType)
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(document.fileName)}`,
        )
        .header('x-content-sha256', document.sha256)
        .send(document.bytes);
    },
  );
}
