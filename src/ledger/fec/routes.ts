import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { invalid } from '../../kernel/errors/domain-error.ts';
import { text } from '../../kernel/validation/text.ts';
import { type App, type Deps, orgRoute, scopeOf } from '../http.ts';
import {
  type FecImportDto,
  fecExportQuery,
  fecImportDto,
  fecImportJobDto,
  fecImportJobParams,
  fecImportJobStarted,
} from './contract.ts';
import { exportFecFile } from './fec-export.ts';
import type { FecImportReport } from './fec-import.ts';
import { importFecFile } from './fec-io.ts';
import { importJobs } from './import-jobs.ts';

const params = z.object({ orgId: text().max(64) });
const tags = ['comptabilité'];
// The body goes to a temporary file, never into memory, so a FEC of a million lines (120 MB) fits.
const MAX_FEC_BYTES = 256 * 1024 * 1024;
const LISTED = 1000;

export function fecRoutes(app: App, { store }: Deps) {
  const jobs = importJobs<FecImportDto>({
    onUnexpected: (error) => app.log.error({ err: error }, 'import FEC en tâche de fond'),
  });
  // A running import gives up and rolls back: the database is closed right after.
  app.addHook('onClose', async () => jobs.stop());

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
      // Written to a temporary file first: the year is checked while its lines are read, so a refusal
      // (422 with the list of problems) can only come once all of them are, before a byte is sent.
      const path = join(tmpdir(), `agora-fec-${randomUUID()}.txt`);
      const fec = await exportFecFile(store.db, scopeOf(request).orgId, request.query.fiscalYear, path);
      const file = createReadStream(path);
      file.once('close', () => void rm(path, { force: true }));
      return reply
        .type('text/plain; charset=iso-8859-15')
        .header('content-disposition', `attachment; filename="${fec.fileName}"`)
        .header('x-fec-lines', String(fec.lineCount))
        .send(file);
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
      if (body?.spooled && !body.handedOver) await rm(body.spooled, { force: true });
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
        const body = spooledFile(request.body);
        const { orgId, userId } = scopeOf(request);
        return reportDto(await importFecFile(store.db, orgId, body.spooled, userId));
      },
    );

    // The same import, answered at once with a job the page polls for its progress (decision 0026).
    scope.post(
      '/api/v1/orgs/:orgId/ledger/fec/imports',
      {
        ...orgRoute(store, 'ledger.close'),
        schema: {
          tags,
          summary:
            'Lancer l’import d’un FEC en tâche de fond (corps = le fichier) : suivre sa progression par son id',
          params,
          response: { 202: fecImportJobStarted },
        },
      },
      async (request, reply) => {
        const body = spooledFile(request.body);
        const { orgId, userId } = scopeOf(request);
        const path = body.spooled;
        const id = jobs.start(
          orgId,
          body.bytes,
          async (onProgress) => reportDto(await importFecFile(store.db, orgId, path, userId, onProgress)),
          () => rm(path, { force: true }),
        );
        // From here the job owns the file and removes it when it ends.
        body.handedOver = true;
        return reply.code(202).send({ id });
      },
    );
  });

  app.get(
    '/api/v1/orgs/:orgId/ledger/fec/imports/:id',
    {
      ...orgRoute(store, 'ledger.close'),
      schema: {
        tags,
        summary:
          'Progression d’un import de FEC : octets lus sur la taille du fichier, puis rapport ou erreur',
        params: fecImportJobParams,
        response: { 200: fecImportJobDto },
      },
    },
    async (request) => jobs.get(scopeOf(request).orgId, request.params.id),
  );
}

/** The report as the API gives it: the first LISTED rejected lines, and how many there were. */
function reportDto(report: FecImportReport): FecImportDto {
  return { ...report, rejectedCount: report.rejected.length, rejected: report.rejected.slice(0, LISTED) };
}

function spooledFile(body: unknown): Spooled {
  const spooled = body as Spooled | undefined;
  if (!spooled?.spooled || spooled.bytes === 0)
    throw invalid('Envoyez le fichier FEC comme corps de la requête (application/octet-stream).');
  return spooled;
}

/** `handedOver`: an import job removes the file when it ends, not the request when it is answered. */
type Spooled = { spooled: string; bytes: number; handedOver?: boolean };

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
