import { z } from 'zod';
import { text } from '../../kernel/validation/text.ts';
import { type App, type Deps, orgRoute, scopeOf } from '../http.ts';
import {
  autoLetteringDto,
  autoLetteringInput,
  letteringDto,
  letteringInput,
  letteringLines,
  letteringLinesQuery,
} from './contract.ts';
import { autoLetter, letter, letteringCandidates, unletter } from './lettering.ts';

const params = z.object({ orgId: text().max(64) });
const tags = ['comptabilité'];

export function letteringRoutes(app: App, { store }: Deps) {
  app.get(
    '/api/v1/orgs/:orgId/ledger/lettering/lines',
    {
      ...orgRoute(store, 'ledger.read'),
      schema: {
        tags,
        summary: 'Lignes d’un compte à lettrer (ouvertes) ou toutes',
        params,
        querystring: letteringLinesQuery,
        response: { 200: letteringLines },
      },
    },
    async (request) => ({
      items: await letteringCandidates(store.db, scopeOf(request).orgId, request.query),
    }),
  );

  app.post(
    '/api/v1/orgs/:orgId/ledger/lettering',
    {
      ...orgRoute(store, 'ledger.write'),
      schema: {
        tags,
        summary: 'Lettrer des lignes (partiel sur demande)',
        params,
        body: letteringInput,
        response: { 201: letteringDto },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const lettering = await store.db
        .transaction()
        .execute((trx) => letter(trx, scope.orgId, request.body, scope.userId));
      return reply.code(201).send(lettering);
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/ledger/lettering/auto',
    {
      ...orgRoute(store, 'ledger.write'),
      schema: {
        tags,
        summary: 'Lettrage automatique d’un compte (par référence, puis par montant)',
        params,
        body: autoLetteringInput,
        response: { 200: autoLetteringDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return {
        letterings: await store.db
          .transaction()
          .execute((trx) => autoLetter(trx, scope.orgId, request.body, scope.userId)),
      };
    },
  );

  app.delete(
    '/api/v1/orgs/:orgId/ledger/lettering/:letteringId',
    {
      ...orgRoute(store, 'ledger.write'),
      schema: { tags, summary: 'Délettrer', params: params.extend({ letteringId: text().max(64) }) },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      await store.db
        .transaction()
        .execute((trx) => unletter(trx, scope.orgId, request.params.letteringId, scope.userId));
      return reply.code(204).send();
    },
  );
}
