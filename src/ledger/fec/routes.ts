import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { invalid } from '../../kernel/errors/domain-error.ts';
import { text } from '../../kernel/validation/text.ts';
import { type App, type Deps, orgRoute, scopeOf } from '../http.ts';
import { fecExportQuery, fecImportDto } from './contract.ts';
import { prepareFecExport } from './fec-export.ts';
import { importFecFile } from './fec-io.ts';
import { encodeLatin9 } from './latin9.ts';

const params = z.object({ orgId: text().max(64) });
const tags = ['comptabilité'];
// The body goes to a temporary file, never into memory, so a FEC of a million lines (120 MB) fits.
const MAX_FEC_BYTES = 256 * 1024 * 1024;
const LISTED = 1000;

export function fecRoutes(app: App, { store }: Deps) {
  // Stable route (ARCHITECTURE.md §4): the FEC file itself, Latin-9, SIRENFECAAAAMMJJ.txt.
  app.get(
    '/api/v1/orgs/:orgId/ledger/fec',
    {
      ...orgRoute(store, 'ledger.read'),
      schema: {
        tags,
        summary: 'Fichier des écritures comptables (FEC) d’un exercice ; refusé avec la liste des anomalies',
        params,
        querystring: fecExportQuery,
      },
    },
    async (request, reply) => {
      const fec = await prepareFecExport(store.db, scopeOf(request).orgId, request.query.fiscalYear);
      const bytes = (async function* () {
        for await (const chunk of fec.chunks()) yield encodeLatin9(chunk);
      })();
      return reply
        .type('text/plain; charset=iso-8859-15')
        .header('content-disposition', `attachment; filename="${fec.fileName}"`)
        .header('x-fec-lines', String(fec.lineCount))
        .send(Readable.from(bytes));
    },
  );

  // The import takes the raw file, streamed to a temporary file (bounded memory whatever its size), so it
  // lives in its own scope with its own body parsers; the file is removed once the response is sent.
  app.register(async (scope) => {
    for (const type of ['application/octet-stream', 'text/plain', 'text/tab-separated-values']) {
      if (scope.hasContentTypeParser(type)) scope.removeContentTypeParser(type);
      scope.addContentTypeParser(type, async (_request: unknown, payload: NodeJS.ReadableStream) =>
        spool(payload),
      );
    }
    scope.addHook('onResponse', async (request) => {
      const body = request.body as Spooled | undefined;
      if (body?.spooled) await rm(body.spooled, { force: true });
    });
    scope.post(
      '/api/v1/orgs/:orgId/ledger/fec/import',
      {
        ...orgRoute(store, 'ledger.close'),
        schema: {
          tags,
          summary: 'Importer un FEC (corps = le fichier) : rapport des lignes rejetées et de leurs motifs',
          params,
          response: { 200: fecImportDto },
        },
      },
      async (request) => {
        const body = request.body as Spooled | undefined;
        if (!body?.spooled || body.bytes === 0)
          throw invalid('Envoyez le fichier FEC comme corps de la requête (application/octet-stream).');
        const scopeOfRequest = scopeOf(request);
        const report = await importFecFile(
          store.db,
          scopeOfRequest.orgId,
          body.spooled,
          scopeOfRequest.userId,
        );
        return {
          ...report,
          rejectedCount: report.rejected.length,
          rejected: report.rejected.slice(0, LISTED),
        };
      },
    );
  });
}

type Spooled = { spooled: string; bytes: number };

/** The request body into a temporary file, refused beyond MAX_FEC_BYTES. */
async function spool(payload: NodeJS.ReadableStream): Promise<Spooled> {
  const path = join(tmpdir(), `agora-fec-${randomUUID()}.txt`);
  let bytes = 0;
  const count = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.byteLength;
      if (bytes > MAX_FEC_BYTES)
        done(invalid(`Fichier FEC trop volumineux (plus de ${MAX_FEC_BYTES / 2 ** 20} Mo).`));
      else done(null, chunk);
    },
  });
  try {
    await pipeline(payload, count, createWriteStream(path));
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
  return { spooled: path, bytes };
}
