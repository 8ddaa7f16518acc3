import { z } from 'zod';
import { text } from '../../kernel/validation/text.ts';
import { type App, createOnce, type Deps, orgRoute, scopeOf } from '../http.ts';
import { entryDto, entryInput, entryListQuery, entryPage, reversalInput } from './contract.ts';
import { createDraft, deleteDraft, updateDraft, validateEntry } from './draft.ts';
import { reverseFromLedger } from './entry.ts';
import { getEntry, listEntries } from './entry-read.ts';

const params = z.object({ orgId: text().max(64) });
const entryParams = params.extend({ entryId: text().max(64) });
const tags = ['comptabilité'];

export function entryRoutes(app: App, { store }: Deps) {
  app.get(
    '/api/v1/orgs/:orgId/ledger/entries',
    {
      ...orgRoute(store, 'ledger.read'),
      schema: {
        tags,
        summary: 'Écritures (filtres, pagination)',
        params,
        querystring: entryListQuery,
        response: { 200: entryPage },
      },
    },
    async (request) => listEntries(store.db, scopeOf(request).orgId, request.query),
  );

  app.get(
    '/api/v1/orgs/:orgId/ledger/entries/:entryId',
    {
      ...orgRoute(store, 'ledger.read'),
      schema: { tags, summary: 'Une écriture', params: entryParams, response: { 200: entryDto } },
    },
    async (request) => getEntry(store.db, scopeOf(request).orgId, request.params.entryId),
  );

  app.post(
    '/api/v1/orgs/:orgId/ledger/entries',
    {
      ...orgRoute(store, 'ledger.write'),
      schema: {
        tags,
        summary: 'Saisir une écriture en brouillon (montants en centimes ; accepte Idempotency-Key)',
        params,
        body: entryInput,
        response: { 201: entryDto },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const { status, body } = await createOnce(store, request, scope, (trx) =>
        createDraft(trx, scope.orgId, request.body, scope.userId),
      );
      return reply.code(status as 201).send(body);
    },
  );

  app.put(
    '/api/v1/orgs/:orgId/ledger/entries/:entryId',
    {
      ...orgRoute(store, 'ledger.write'),
      schema: {
        tags,
        summary: 'Modifier un brouillon',
        params: entryParams,
        body: entryInput,
        response: { 200: entryDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return store.db
        .transaction()
        .execute((trx) => updateDraft(trx, scope.orgId, request.params.entryId, request.body, scope.userId));
    },
  );

  app.delete(
    '/api/v1/orgs/:orgId/ledger/entries/:entryId',
    {
      ...orgRoute(store, 'ledger.write'),
      schema: { tags, summary: 'Supprimer un brouillon', params: entryParams },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      await store.db
        .transaction()
        .execute((trx) => deleteDraft(trx, scope.orgId, request.params.entryId, scope.userId));
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/ledger/entries/:entryId/validate',
    {
      ...orgRoute(store, 'ledger.write'),
      schema: {
        tags,
        summary: 'Valider un brouillon (équilibre, exercice ouvert, numéro définitif)',
        params: entryParams,
        response: { 200: entryDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return store.db
        .transaction()
        .execute((trx) => validateEntry(trx, scope.orgId, request.params.entryId, scope.userId));
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/ledger/entries/:entryId/reverse',
    {
      ...orgRoute(store, 'ledger.write'),
      schema: {
        tags,
        summary:
          'Extourner une écriture validée de la comptabilité (pas celle d’un document : elle se corrige par lui)',
        params: entryParams,
        body: reversalInput,
        response: { 201: entryDto },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const reversal = await store.db
        .transaction()
        .execute((trx) =>
          reverseFromLedger(trx, scope.orgId, request.params.entryId, request.body.date, scope.userId),
        );
      return reply.code(201).send(reversal);
    },
  );
}
