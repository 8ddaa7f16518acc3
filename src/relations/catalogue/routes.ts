import { z } from 'zod';
import { type App, createOnce, type Deps, orgRoute, scopeOf } from '../http.ts';
import {
  createCatalogueItem,
  deleteCatalogueItem,
  getCatalogueItem,
  listCatalogueItems,
  setCatalogueItemArchived,
  updateCatalogueItem,
} from './catalogue.ts';
import { catalogueItemDto, catalogueItemInput, catalogueItemPage, catalogueListQuery } from './contract.ts';

const params = z.object({ orgId: z.string().max(64) });
const itemParams = z.object({ orgId: z.string().max(64), itemId: z.string().max(64) });
const tags = ['catalogue'];

export function catalogueRoutes(app: App, { store }: Deps) {
  app.get(
    '/api/v1/orgs/:orgId/catalogue',
    {
      ...orgRoute(store, 'sales.read'),
      schema: {
        tags,
        summary: 'Catalogue des produits et services (recherche, pagination)',
        params,
        querystring: catalogueListQuery,
        response: { 200: catalogueItemPage },
      },
    },
    async (request) => listCatalogueItems(store.db, scopeOf(request).orgId, request.query),
  );

  app.post(
    '/api/v1/orgs/:orgId/catalogue',
    {
      ...orgRoute(store, 'sales.write'),
      schema: {
        tags,
        summary: 'Ajouter un produit ou un service (accepte Idempotency-Key)',
        params,
        body: catalogueItemInput,
        response: { 201: catalogueItemDto },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const { status, body } = await createOnce(store, request, scope, (trx) =>
        createCatalogueItem(trx, scope.orgId, request.body, scope.userId),
      );
      return reply.code(status as 201).send(body);
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/catalogue/:itemId',
    {
      ...orgRoute(store, 'sales.read'),
      schema: {
        tags,
        summary: 'Fiche d’un article',
        params: itemParams,
        response: { 200: catalogueItemDto },
      },
    },
    async (request) => getCatalogueItem(store.db, scopeOf(request).orgId, request.params.itemId),
  );

  app.put(
    '/api/v1/orgs/:orgId/catalogue/:itemId',
    {
      ...orgRoute(store, 'sales.write'),
      schema: {
        tags,
        summary: 'Modifier un article (les factures déjà rédigées gardent leurs lignes)',
        params: itemParams,
        body: catalogueItemInput,
        response: { 200: catalogueItemDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return store.db
        .transaction()
        .execute((trx) =>
          updateCatalogueItem(trx, scope.orgId, request.params.itemId, request.body, scope.userId),
        );
    },
  );

  for (const [action, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    app.post(
      `/api/v1/orgs/:orgId/catalogue/:itemId/${action}`,
      {
        ...orgRoute(store, 'sales.write'),
        schema: {
          tags,
          summary: archived ? 'Archiver un article' : 'Désarchiver un article',
          params: itemParams,
          response: { 200: catalogueItemDto },
        },
      },
      async (request) => {
        const scope = scopeOf(request);
        return store.db
          .transaction()
          .execute((trx) =>
            setCatalogueItemArchived(trx, scope.orgId, request.params.itemId, archived, scope.userId),
          );
      },
    );
  }

  app.delete(
    '/api/v1/orgs/:orgId/catalogue/:itemId',
    {
      ...orgRoute(store, 'sales.write'),
      schema: {
        tags,
        summary: 'Supprimer un article jamais facturé (sinon : archivez-le)',
        params: itemParams,
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      await store.db
        .transaction()
        .execute((trx) => deleteCatalogueItem(trx, scope.orgId, request.params.itemId, scope.userId));
      return reply.code(204).send();
    },
  );
}
