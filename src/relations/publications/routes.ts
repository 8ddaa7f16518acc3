import { z } from 'zod';
import { type App, createOnce, type Deps, orgRoute, scopeOf } from '../http.ts';
import { publicationDto, publicationIdParams, publicationInput, publicationListQuery } from './contract.ts';
import { deletePublication, getPublication, listPublications, savePublication } from './publication.ts';

const params = z.object({ orgId: z.string().max(64) });
const tags = ['publications'];

export function publicationRoutes(app: App, { store }: Deps) {
  app.get(
    '/api/v1/orgs/:orgId/publications',
    {
      ...orgRoute(store, 'sales.read'),
      schema: {
        tags,
        summary: 'Calendrier des publications (site, réseaux sociaux, lettre, affichage)',
        params,
        querystring: publicationListQuery,
        response: { 200: z.array(publicationDto) },
      },
    },
    async (request) => listPublications(store.db, scopeOf(request).orgId, request.query),
  );

  app.post(
    '/api/v1/orgs/:orgId/publications',
    {
      ...orgRoute(store, 'sales.write'),
      schema: {
        tags,
        summary: 'Préparer une publication (accepte Idempotency-Key)',
        params,
        body: publicationInput,
        response: { 201: publicationDto },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const { status, body } = await createOnce(store, request, scope, (trx) =>
        savePublication(trx, scope.orgId, null, request.body, scope.userId),
      );
      return reply.code(status as 201).send(body);
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/publications/:publicationId',
    {
      ...orgRoute(store, 'sales.read'),
      schema: {
        tags,
        summary: 'Une publication',
        params: publicationIdParams,
        response: { 200: publicationDto },
      },
    },
    async (request) => getPublication(store.db, scopeOf(request).orgId, request.params.publicationId),
  );

  app.put(
    '/api/v1/orgs/:orgId/publications/:publicationId',
    {
      ...orgRoute(store, 'sales.write'),
      schema: {
        tags,
        summary: 'Modifier, planifier, marquer publiée ou annuler une publication',
        params: publicationIdParams,
        body: publicationInput,
        response: { 200: publicationDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return store.db
        .transaction()
        .execute((trx) =>
          savePublication(trx, scope.orgId, request.params.publicationId, request.body, scope.userId),
        );
    },
  );

  app.delete(
    '/api/v1/orgs/:orgId/publications/:publicationId',
    {
      ...orgRoute(store, 'sales.write'),
      schema: { tags, summary: 'Supprimer une publication non parue', params: publicationIdParams },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      await store.db
        .transaction()
        .execute((trx) => deletePublication(trx, scope.orgId, request.params.publicationId, scope.userId));
      return reply.code(204).send();
    },
  );
}
