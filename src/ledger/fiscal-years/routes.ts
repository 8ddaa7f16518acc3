import { z } from 'zod';
import { text } from '../../kernel/validation/text.ts';
import { ensureLedger } from '../ensure-ledger.ts';
import { type App, type Deps, orgRoute, scopeOf } from '../http.ts';
import { closeFiscalYear } from './closing.ts';
import { closingDto, fiscalYearDto, fiscalYearInput, fiscalYearList } from './contract.ts';
import { listFiscalYears, openFiscalYear, toFiscalYearDto } from './fiscal-year.ts';

const params = z.object({ orgId: text().max(64) });
const tags = ['comptabilité'];

export function fiscalYearRoutes(app: App, { store }: Deps) {
  app.post(
    '/api/v1/orgs/:orgId/ledger/setup',
    {
      ...orgRoute(store, 'ledger.close'),
      schema: {
        tags,
        summary:
          'Préparer la comptabilité : plan comptable, journaux, premier exercice (sans effet si déjà fait)',
        params,
        response: {
          200: z.object({ accounts: z.number(), journals: z.number(), fiscalYearId: z.string().nullable() }),
        },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return store.db.transaction().execute((trx) => ensureLedger(trx, scope.orgId, scope.userId));
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/ledger/fiscal-years',
    {
      ...orgRoute(store, 'ledger.read'),
      schema: { tags, summary: 'Exercices', params, response: { 200: fiscalYearList } },
    },
    async (request) => ({
      items: (await listFiscalYears(store.db, scopeOf(request).orgId)).map(toFiscalYearDto),
    }),
  );

  app.post(
    '/api/v1/orgs/:orgId/ledger/fiscal-years',
    {
      ...orgRoute(store, 'ledger.close'),
      schema: {
        tags,
        summary: 'Ouvrir un exercice (sans dates : l’exercice suivant)',
        params,
        body: fiscalYearInput,
        response: { 201: fiscalYearDto },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const year = await store.db
        .transaction()
        .execute((trx) => openFiscalYear(trx, scope.orgId, request.body, scope.userId));
      return reply.code(201).send(toFiscalYearDto(year));
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/ledger/fiscal-years/:fiscalYearId/close',
    {
      ...orgRoute(store, 'ledger.close'),
      schema: {
        tags,
        summary: 'Clôturer un exercice (à-nouveaux de l’exercice suivant, verrouillage)',
        params: params.extend({ fiscalYearId: text().max(64) }),
        response: { 200: closingDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return store.db
        .transaction()
        .execute((trx) => closeFiscalYear(trx, scope.orgId, request.params.fiscalYearId, scope.userId));
    },
  );
}
