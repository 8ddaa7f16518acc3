import { z } from 'zod';
import { todayIn } from '../../kernel/dates/index.ts';
import { invalid } from '../../kernel/errors/domain-error.ts';
import { getOrganisation } from '../../kernel/organisations/organisation.ts';
import { exportFormat, renderReport } from '../../ledger/index.ts';
import { type App, type Deps, orgRoute, scopeOf } from '../http.ts';
import { importStatementFile } from './bank-import.ts';
import {
  autoMatchInput,
  autoMatchResult,
  bankLineDto,
  type ImportQuery,
  importQuery,
  importReport,
  manualMatchInput,
  postLineInput,
  reconciliationDto,
  reconciliationQuery,
  statementDto,
  statementList,
  workspaceDto,
  workspaceQuery,
} from './contract.ts';
import { autoMatchAccount, getWorkspace, matchManually, postBankLine, unmatch } from './reconciliation.ts';
import { reconciliationAt, reconciliationTable } from './reconciliation-report.ts';
import { getStatement, listStatements } from './statement-read.ts';

// Treasury routes (decision 0040). Reading needs ledger.read, importing and matching ledger.write: the
// reconciliation is bookkeeping on the bank account of the books, and « Comptabiliser » posts entries.

const params = z.object({ orgId: z.string().max(64) });
const statementParams = params.extend({ statementId: z.string().max(64) });
const lineParams = params.extend({ lineId: z.string().max(64) });
const tags = ['trésorerie'];
const MAX_STATEMENT_BYTES = 20 * 1024 * 1024;
// What browsers and banks label a CAMT or OFX file with; the body is the file itself.
const FILE_TYPES = [
  'application/octet-stream',
  'application/xml',
  'text/xml',
  'application/x-ofx',
  'application/ofx',
  'text/plain',
];

export function treasuryRoutes(app: App, { store }: Deps) {
  const today = async (orgId: string) => {
    const org = await getOrganisation(store.db, orgId);
    return org.simulatedToday ?? todayIn(org.timeZone);
  };

  app.register(async (scope) => {
    for (const type of FILE_TYPES) {
      if (scope.hasContentTypeParser(type)) scope.removeContentTypeParser(type);
      scope.addContentTypeParser(
        type,
        { parseAs: 'buffer', bodyLimit: MAX_STATEMENT_BYTES },
        (_request, body, done) => done(null, body),
      );
    }
    scope.post(
      '/api/v1/orgs/:orgId/bank-statements/import',
      {
        ...orgRoute(store, 'ledger.write'),
        bodyLimit: MAX_STATEMENT_BYTES,
        schema: {
          tags,
          summary:
            'Importer un relevé bancaire CAMT.053 ou OFX (corps = le fichier) : rapport des lignes importées, des doublons et des écarts',
          params,
          querystring: importQuery,
          response: { 200: importReport },
        },
      },
      async (request) => {
        const body = request.body;
        if (!Buffer.isBuffer(body) || body.byteLength === 0)
          throw invalid('Envoyez le fichier du relevé (CAMT.053 ou OFX) comme corps de la requête.');
        const { orgId, userId } = scopeOf(request);
        return store.db
          .transaction()
          .execute((trx) => importStatementFile(trx, orgId, body, request.query as ImportQuery, userId));
      },
    );
  });

  app.get(
    '/api/v1/orgs/:orgId/bank-statements',
    {
      ...orgRoute(store, 'ledger.read'),
      schema: {
        tags,
        summary: 'Comptes bancaires et relevés importés',
        params,
        response: { 200: statementList },
      },
    },
    async (request) => listStatements(store.db, scopeOf(request).orgId),
  );

  app.get(
    '/api/v1/orgs/:orgId/bank-statements/:statementId',
    {
      ...orgRoute(store, 'ledger.read'),
      schema: {
        tags,
        summary: 'Un relevé bancaire importé et ses lignes',
        params: statementParams,
        response: { 200: statementDto },
      },
    },
    async (request) => getStatement(store.db, scopeOf(request).orgId, request.params.statementId),
  );

  app.get(
    '/api/v1/orgs/:orgId/bank-reconciliation',
    {
      ...orgRoute(store, 'ledger.read'),
      schema: {
        tags,
        summary: 'Pointage : lignes du relevé et lignes du compte 512, les non rapprochées en premier',
        params,
        querystring: workspaceQuery,
        response: { 200: workspaceDto },
      },
    },
    async (request) => getWorkspace(store.db, scopeOf(request).orgId, request.query.accountId),
  );

  app.post(
    '/api/v1/orgs/:orgId/bank-reconciliation/auto',
    {
      ...orgRoute(store, 'ledger.write'),
      schema: {
        tags,
        summary: 'Rapprocher automatiquement : même montant, dates proches, références comparées',
        params,
        body: autoMatchInput,
        response: { 200: autoMatchResult },
      },
    },
    async (request) => {
      const { orgId, userId } = scopeOf(request);
      return store.db.transaction().execute((trx) => autoMatchAccount(trx, orgId, request.body, userId));
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/bank-reconciliation/matches',
    {
      ...orgRoute(store, 'ledger.write'),
      schema: {
        tags,
        summary: 'Rapprocher une ligne du relevé d’une ou plusieurs lignes du 512 de même total',
        params,
        body: manualMatchInput,
        response: { 200: bankLineDto },
      },
    },
    async (request) => {
      const { orgId, userId } = scopeOf(request);
      return store.db.transaction().execute((trx) => matchManually(trx, orgId, request.body, userId));
    },
  );

  app.delete(
    '/api/v1/orgs/:orgId/bank-reconciliation/lines/:lineId/match',
    {
      ...orgRoute(store, 'ledger.write'),
      schema: {
        tags,
        summary:
          'Défaire le rapprochement d’une ligne du relevé (l’écriture qu’elle a produite est extournée)',
        params: lineParams,
        response: { 200: bankLineDto },
      },
    },
    async (request) => {
      const { orgId, userId } = scopeOf(request);
      return store.db.transaction().execute((trx) => unmatch(trx, orgId, request.params.lineId, userId));
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/bank-reconciliation/lines/:lineId/post',
    {
      ...orgRoute(store, 'ledger.write'),
      schema: {
        tags,
        summary: 'Comptabiliser une ligne du relevé absente des livres (journal BQ), puis la rapprocher',
        params: lineParams,
        body: postLineInput,
        response: {
          200: z.object({ line: bankLineDto, entryId: z.string(), entryNumber: z.number().int().nullable() }),
        },
      },
    },
    async (request) => {
      const { orgId, userId } = scopeOf(request);
      return store.db
        .transaction()
        .execute((trx) => postBankLine(trx, orgId, request.params.lineId, request.body, userId));
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/bank-reconciliation/report',
    {
      ...orgRoute(store, 'ledger.read'),
      schema: {
        tags,
        summary: 'État de rapprochement à une date : soldes banque et livres, suspens de part et d’autre',
        params,
        querystring: reconciliationQuery,
        response: { 200: reconciliationDto },
      },
    },
    async (request) => {
      const { orgId } = scopeOf(request);
      return reconciliationAt(store.db, orgId, request.query, await today(orgId));
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/bank-reconciliation/report/export',
    {
      ...orgRoute(store, 'ledger.read'),
      schema: {
        tags,
        summary: 'État de rapprochement : export PDF, XLSX ou CSV',
        params,
        querystring: reconciliationQuery.extend(exportFormat.shape),
      },
    },
    async (request, reply) => {
      const { orgId } = scopeOf(request);
      const [dto, organisation] = await Promise.all([
        reconciliationAt(store.db, orgId, request.query, await today(orgId)),
        getOrganisation(store.db, orgId),
      ]);
      const file = await renderReport(reconciliationTable(dto), request.query.format, organisation.name);
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.body);
    },
  );
}
