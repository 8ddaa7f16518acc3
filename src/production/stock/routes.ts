import { z } from 'zod';
import { getOrganisation } from '../../kernel/organisations/organisation.ts';
import { exportFormat, type ReportTable, renderReport } from '../../ledger/index.ts';
import { type App, createOnce, type Deps, orgRoute, scopeOf } from '../http.ts';
import {
  asOfQuery,
  cardQuery,
  correctionInput,
  countInput,
  countLinesInput,
  deliveriesToIssueDto,
  issueDeliveriesInput,
  movementInput,
  reorderDto,
  stockCardDto,
  stockCountDto,
  stockCountList,
  stockItemDto,
  stockItemInput,
  stockStatusDto,
  variationDto,
  variationInput,
  variationList,
} from './contract.ts';
import { deliveriesToIssue, issueDeliveries } from './deliveries.ts';
import { correctMovement, recordMovement } from './movements.ts';
import { getStockCard } from './stock-card.ts';
import {
  enterCountedQuantities,
  getStockCount,
  listStockCounts,
  openStockCount,
  validateStockCount,
} from './stock-count.ts';
import { reorderTable, stockCardTable, stockStatusTable } from './stock-exports.ts';
import { createStockItem, getStockItem, updateStockItem } from './stock-items.ts';
import { reorderProposal, stockStatus } from './stock-status.ts';
import { listStockVariations, postStockVariation } from './stock-variation.ts';

const params = z.object({ orgId: z.string().max(64) });
const itemParams = params.extend({ itemId: z.string().max(64) });
const movementParams = itemParams.extend({ movementId: z.string().max(64) });
const countParams = params.extend({ countId: z.string().max(64) });
const tags = ['stock'];
const base = '/api/v1/orgs/:orgId/stock';

export function stockRoutes(app: App, { store }: Deps) {
  const sendReport = async (
    orgId: string,
    table: ReportTable,
    format: 'pdf' | 'xlsx' | 'csv',
    reply: import('fastify').FastifyReply,
  ) => {
    const organisation = await getOrganisation(store.db, orgId);
    const file = await renderReport(table, format, organisation.name);
    return reply
      .type(file.contentType)
      .header('content-disposition', `attachment; filename="${file.fileName}"`)
      .send(file.body);
  };

  app.get(
    `${base}/items`,
    {
      ...orgRoute(store, 'stock.read'),
      schema: {
        tags,
        summary: 'État des stocks à une date : quantité, CUMP, valeur, articles à réapprovisionner',
        params,
        querystring: asOfQuery,
        response: { 200: stockStatusDto },
      },
    },
    async (request) => stockStatus(store.db, scopeOf(request).orgId, request.query.asOf),
  );

  app.get(
    `${base}/items/export`,
    {
      ...orgRoute(store, 'stock.read'),
      schema: {
        tags,
        summary: 'État des stocks : export PDF, XLSX ou CSV',
        params,
        querystring: asOfQuery.extend(exportFormat.shape),
      },
    },
    async (request, reply) => {
      const { orgId } = scopeOf(request);
      const status = await stockStatus(store.db, orgId, request.query.asOf);
      return sendReport(orgId, stockStatusTable(status), request.query.format, reply);
    },
  );

  app.post(
    `${base}/items`,
    {
      ...orgRoute(store, 'stock.write'),
      schema: {
        tags,
        summary:
          'Créer un article en stock (marchandise du catalogue ou fourniture ; accepte Idempotency-Key)',
        params,
        body: stockItemInput,
        response: { 201: stockItemDto },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const { status, body } = await createOnce(store, request, scope, (trx) =>
        createStockItem(trx, scope.orgId, request.body, scope.userId),
      );
      return reply.code(status as 201).send(body);
    },
  );

  app.get(
    `${base}/items/:itemId`,
    {
      ...orgRoute(store, 'stock.read'),
      schema: { tags, summary: 'Un article en stock', params: itemParams, response: { 200: stockItemDto } },
    },
    async (request) => getStockItem(store.db, scopeOf(request).orgId, request.params.itemId),
  );

  app.put(
    `${base}/items/:itemId`,
    {
      ...orgRoute(store, 'stock.write'),
      schema: {
        tags,
        summary: 'Modifier un article en stock',
        params: itemParams,
        body: stockItemInput,
        response: { 200: stockItemDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return store.db
        .transaction()
        .execute((trx) =>
          updateStockItem(trx, scope.orgId, request.params.itemId, request.body, scope.userId),
        );
    },
  );

  app.get(
    `${base}/items/:itemId/card`,
    {
      ...orgRoute(store, 'stock.read'),
      schema: {
        tags,
        summary: 'La fiche de stock d’un article, valorisée au CUMP après chaque entrée',
        params: itemParams,
        querystring: cardQuery,
        response: { 200: stockCardDto },
      },
    },
    async (request) => getStockCard(store.db, scopeOf(request).orgId, request.params.itemId, request.query),
  );

  app.get(
    `${base}/items/:itemId/card/export`,
    {
      ...orgRoute(store, 'stock.read'),
      schema: {
        tags,
        summary: 'La fiche de stock d’un article : export PDF, XLSX ou CSV',
        params: itemParams,
        querystring: cardQuery.extend(exportFormat.shape),
      },
    },
    async (request, reply) => {
      const { orgId } = scopeOf(request);
      const { format, ...range } = request.query;
      const card = await getStockCard(store.db, orgId, request.params.itemId, range);
      return sendReport(orgId, stockCardTable(card), format, reply);
    },
  );

  app.post(
    `${base}/items/:itemId/movements`,
    {
      ...orgRoute(store, 'stock.write'),
      schema: {
        tags,
        summary: 'Enregistrer une entrée (réception) ou une sortie de stock ; accepte Idempotency-Key',
        params: itemParams,
        body: movementInput,
        response: { 201: stockCardDto },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const { itemId } = request.params;
      const { status, body } = await createOnce(store, request, scope, async (trx) => {
        await recordMovement(trx, scope.orgId, itemId, request.body, scope.userId);
        return getStockCard(trx, scope.orgId, itemId);
      });
      return reply.code(status as 201).send(body);
    },
  );

  app.post(
    `${base}/items/:itemId/movements/:movementId/correction`,
    {
      ...orgRoute(store, 'stock.write'),
      schema: {
        tags,
        summary: 'Corriger un mouvement par un contre-mouvement (le mouvement lui-même ne change pas)',
        params: movementParams,
        body: correctionInput,
        response: { 201: stockCardDto },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const { itemId, movementId } = request.params;
      const card = await store.db.transaction().execute(async (trx) => {
        await correctMovement(trx, scope.orgId, itemId, movementId, request.body.date, scope.userId);
        return getStockCard(trx, scope.orgId, itemId);
      });
      return reply.code(201).send(card);
    },
  );

  app.get(
    `${base}/reorder`,
    {
      ...orgRoute(store, 'stock.read'),
      schema: {
        tags,
        summary: 'Proposition de réapprovisionnement : articles au seuil, quantité à commander, fournisseur',
        params,
        querystring: asOfQuery,
        response: { 200: reorderDto },
      },
    },
    async (request) => reorderProposal(store.db, scopeOf(request).orgId, request.query.asOf),
  );

  app.get(
    `${base}/reorder/export`,
    {
      ...orgRoute(store, 'stock.read'),
      schema: {
        tags,
        summary: 'Proposition de réapprovisionnement : export PDF, XLSX ou CSV',
        params,
        querystring: asOfQuery.extend(exportFormat.shape),
      },
    },
    async (request, reply) => {
      const { orgId } = scopeOf(request);
      const proposal = await reorderProposal(store.db, orgId, request.query.asOf);
      return sendReport(orgId, reorderTable(proposal), request.query.format, reply);
    },
  );

  app.get(
    `${base}/counts`,
    {
      ...orgRoute(store, 'stock.read'),
      schema: {
        tags,
        summary: 'Inventaires (en cours et validés)',
        params,
        response: { 200: stockCountList },
      },
    },
    async (request) => listStockCounts(store.db, scopeOf(request).orgId),
  );

  app.post(
    `${base}/counts`,
    {
      ...orgRoute(store, 'stock.write'),
      schema: {
        tags,
        summary: 'Ouvrir un inventaire à une date (une ligne par article ; accepte Idempotency-Key)',
        params,
        body: countInput,
        response: { 201: stockCountDto },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const { status, body } = await createOnce(store, request, scope, (trx) =>
        openStockCount(trx, scope.orgId, request.body, scope.userId),
      );
      return reply.code(status as 201).send(body);
    },
  );

  app.get(
    `${base}/counts/:countId`,
    {
      ...orgRoute(store, 'stock.read'),
      schema: {
        tags,
        summary: 'Un inventaire : quantités théoriques, comptées, écarts en quantité et en valeur',
        params: countParams,
        response: { 200: stockCountDto },
      },
    },
    async (request) => getStockCount(store.db, scopeOf(request).orgId, request.params.countId),
  );

  app.put(
    `${base}/counts/:countId/lines`,
    {
      ...orgRoute(store, 'stock.write'),
      schema: {
        tags,
        summary: 'Saisir les quantités comptées d’un inventaire en cours',
        params: countParams,
        body: countLinesInput,
        response: { 200: stockCountDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return store.db
        .transaction()
        .execute((trx) =>
          enterCountedQuantities(trx, scope.orgId, request.params.countId, request.body, scope.userId),
        );
    },
  );

  app.post(
    `${base}/counts/:countId/validate`,
    {
      ...orgRoute(store, 'stock.write'),
      schema: {
        tags,
        summary: 'Valider un inventaire : un mouvement d’ajustement par écart, valorisé au CUMP',
        params: countParams,
        response: { 200: stockCountDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return store.db
        .transaction()
        .execute((trx) => validateStockCount(trx, scope.orgId, request.params.countId, scope.userId));
    },
  );

  app.get(
    `${base}/deliveries`,
    {
      ...orgRoute(store, 'stock.read'),
      schema: {
        tags,
        summary:
          'Bons de livraison à sortir du stock (lignes d’articles suivis en stock, pas encore sorties)',
        params,
        response: { 200: deliveriesToIssueDto },
      },
    },
    async (request) => deliveriesToIssue(store.db, scopeOf(request).orgId),
  );

  app.post(
    `${base}/deliveries/issue`,
    {
      ...orgRoute(store, 'stock.write'),
      schema: {
        tags,
        summary: 'Sortir du stock les lignes de bons de livraison choisies (une sortie par ligne)',
        params,
        body: issueDeliveriesInput,
        response: { 200: z.object({ issued: z.number().int() }) },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return store.db
        .transaction()
        .execute((trx) => issueDeliveries(trx, scope.orgId, request.body.lineIds, scope.userId));
    },
  );

  app.get(
    `${base}/variations`,
    {
      ...orgRoute(store, 'ledger.read'),
      schema: {
        tags,
        summary: 'Variations de stock comptabilisées',
        params,
        response: { 200: variationList },
      },
    },
    async (request) => listStockVariations(store.db, scopeOf(request).orgId),
  );

  app.post(
    `${base}/variations`,
    {
      ...orgRoute(store, 'ledger.write'),
      schema: {
        tags,
        summary:
          'Comptabiliser la variation de stock à une date (OD : 6037/37, 6032/322) ; une fois par date',
        params,
        body: variationInput,
        response: { 200: variationDto, 201: variationDto },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const { variation, created } = await store.db
        .transaction()
        .execute((trx) => postStockVariation(trx, scope.orgId, request.body, scope.userId));
      return reply.code(created ? 201 : 200).send(variation);
    },
  );
}
