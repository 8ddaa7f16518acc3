import { Readable } from 'node:stream';
import { z } from 'zod';
import { invalid } from '../../kernel/errors/domain-error.ts';
import { text } from '../../kernel/validation/text.ts';
import { type App, type Deps, orgRoute, scopeOf } from '../http.ts';
import { fecExportQuery, fecImportDto } from './contract.ts';
import { prepareFecExport } from './fec-export.ts';
import { importFec } from './fec-io.ts';
import { encodeLatin9 } from './latin9.ts';

const params = z.object({ orgId: text().max(64) });
const tags = ['comptabilité'];
const MAX_FEC_BYTES = 64 * 1024 * 1024;
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

  // The import takes the raw file, so it lives in its own scope with its own body parsers.
  app.register(async (scope) => {
    for (const type of ['application/octet-stream', 'text/plain', 'text/tab-separated-values']) {
      if (scope.hasContentTypeParser(type)) scope.removeContentTypeParser(type);
      scope.addContentTypeParser(
        type,
        { parseAs: 'buffer', bodyLimit: MAX_FEC_BYTES },
        (_request, body, done) => done(null, body),
      );
    }
    scope.post(
      '/api/v1/orgs/:orgId/ledger/fec/import',
      {
        ...orgRoute(store, 'ledger.close'),
        bodyLimit: MAX_FEC_BYTES,
        schema: {
          tags,
          summary: 'Importer un FEC (corps = le fichier) : rapport des lignes rejetées et de leurs motifs',
          params,
          response: { 200: fecImportDto },
        },
      },
      async (request) => {
        const body = request.body;
        if (!Buffer.isBuffer(body) || body.byteLength === 0)
          throw invalid('Envoyez le fichier FEC comme corps de la requête (application/octet-stream).');
        const scopeOfRequest = scopeOf(request);
        const report = await importFec(store.db, scopeOfRequest.orgId, body, scopeOfRequest.userId);
        return {
          ...report,
          rejectedCount: report.rejected.length,
          rejected: report.rejected.slice(0, LISTED),
        };
      },
    );
  });
}
