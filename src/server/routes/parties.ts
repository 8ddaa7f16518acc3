import { z } from 'zod';
import { partyDto, partyInput, partyListQuery, partyPage } from '../../kernel/parties/contract.ts';
import { createParty, getParty, setPartyArchived, updateParty } from '../../kernel/parties/party.ts';
import { listParties } from '../../kernel/parties/party-list.ts';
import { listPartiesJson } from '../../kernel/parties/party-list-json.ts';
import { partiesToCsv, partiesToXlsx } from '../exports/parties-export.ts';
import { orgRoute, scopeOf } from '../guard.ts';
import { createOnce } from '../idempotency.ts';
import { readCacheOf } from '../read-cache.ts';
import type { App, Deps } from '../types.ts';

const params = z.object({ orgId: z.string().max(64) });
const partyParams = z.object({ orgId: z.string().max(64), partyId: z.string().max(64) });

export function partyRoutes(app: App, { store }: Deps) {
  app.get(
    '/api/v1/orgs/:orgId/parties',
    {
      ...orgRoute(store, 'parties.read'),
      schema: {
        tags: ['tiers'],
        summary: 'Liste des tiers (recherche, filtres, tri, pagination)',
        params,
        querystring: partyListQuery,
        response: { 200: partyPage },
      },
    },
    // The page comes as JSON text from the database (party-list-json.ts): sent as is, not re-serialised,
    // and kept until the database changes (read-cache.ts). The URL holds the organisation and the query.
    async (request, reply) => {
      const page = await readCacheOf(store)(request.url, () =>
        listPartiesJson(store, scopeOf(request).orgId, request.query),
      );
      return reply.type('application/json; charset=utf-8').send(page as never);
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/parties/export',
    {
      ...orgRoute(store, 'parties.read'),
      schema: {
        tags: ['tiers'],
        summary: 'Export de la liste des tiers (CSV ou XLSX), mêmes filtres que la liste',
        params,
        querystring: partyListQuery.omit({ limit: true, offset: true }).extend({
          format: z.enum(['csv', 'xlsx'], 'Format inconnu : csv ou xlsx.').default('csv'),
        }),
      },
    },
    async (request, reply) => {
      const { format, ...filters } = request.query;
      const { items } = await listParties(store.db, scopeOf(request).orgId, {
        ...filters,
        limit: 100_000,
        offset: 0,
      });
      const stamp = new Date().toISOString().slice(0, 10);
      if (format === 'xlsx') {
        reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="tiers-${stamp}.xlsx"`);
        return reply.send(await partiesToXlsx(items));
      }
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="tiers-${stamp}.csv"`);
      return reply.send(partiesToCsv(items));
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/parties',
    {
      ...orgRoute(store, 'parties.write'),
      schema: {
        tags: ['tiers'],
        summary: 'Créer un tiers (accepte Idempotency-Key)',
        params,
        body: partyInput,
        response: { 201: partyDto },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const { status, body } = await createOnce(store, request, scope, (trx) =>
        createParty(trx, scope.orgId, request.body, scope.userId),
      );
      return reply.code(status as 201).send(body);
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/parties/:partyId',
    {
      ...orgRoute(store, 'parties.read'),
      schema: {
        tags: ['tiers'],
        summary: 'Fiche d’un tiers',
        params: partyParams,
        response: { 200: partyDto },
      },
    },
    async (request) => getParty(store.db, scopeOf(request).orgId, request.params.partyId),
  );

  app.put(
    '/api/v1/orgs/:orgId/parties/:partyId',
    {
      ...orgRoute(store, 'parties.write'),
      schema: {
        tags: ['tiers'],
        summary: 'Modifier un tiers',
        params: partyParams,
        body: partyInput,
        response: { 200: partyDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return store.db
        .transaction()
        .execute((trx) => updateParty(trx, scope.orgId, request.params.partyId, request.body, scope.userId));
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/parties/:partyId/archive',
    {
      ...orgRoute(store, 'parties.write'),
      schema: {
        tags: ['tiers'],
        summary: 'Archiver un tiers',
        params: partyParams,
        response: { 200: partyDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return store.db
        .transaction()
        .execute((trx) => setPartyArchived(trx, scope.orgId, request.params.partyId, true, scope.userId));
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/parties/:partyId/restore',
    {
      ...orgRoute(store, 'parties.write'),
      schema: {
        tags: ['tiers'],
        summary: 'Désarchiver un tiers',
        params: partyParams,
        response: { 200: partyDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return store.db
        .transaction()
        .execute((trx) => setPartyArchived(trx, scope.orgId, request.params.partyId, false, scope.userId));
    },
  );
}
