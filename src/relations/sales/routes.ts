import { z } from 'zod';
import { type App, createOnce, type Deps, orgRoute, scopeOf } from '../http.ts';
import { invoiceDto } from '../invoices/contract.ts';
import {
  deliveryInput,
  downPaymentInput,
  orderInput,
  quoteInput,
  salesDocumentDto,
  salesDocumentPage,
  salesListQuery,
} from './contract.ts';
import { createDeliveryNote } from './delivery-notes.ts';
import { getSalesDocument, listSalesDocuments } from './document-read.ts';
import { createSalesDraft, deleteSalesDraft, updateSalesDraft } from './documents.ts';
import { createDownPaymentInvoice, invoiceOrder } from './order-invoicing.ts';
import { acceptQuote, confirmOrder, expireQuote, refuseQuote, sendQuote } from './quotes.ts';
import { salesDocumentPdf } from './sales-pdf.ts';

const params = z.object({ orgId: z.string().max(64) });
const idParams = z.object({ orgId: z.string().max(64), id: z.string().max(64) });
const tags = ['ventes'];
const acceptedDto = z.object({ quote: salesDocumentDto, order: salesDocumentDto });

export function salesRoutes(app: App, { store }: Deps) {
  const inTransaction = <T>(work: (trx: typeof store.db) => Promise<T>) =>
    store.db.transaction().execute(work);

  // Quotes and orders drafts: the same CRUD, each under its own path.
  for (const [path, kind, input, name] of [
    ['quotes', 'quote', quoteInput, 'devis'],
    ['sales-orders', 'order', orderInput, 'commande'],
  ] as const) {
    app.get(
      `/api/v1/orgs/:orgId/${path}`,
      {
        ...orgRoute(store, 'sales.read'),
        schema: {
          tags,
          summary: `Liste des ${name}s`,
          params,
          querystring: salesListQuery,
          response: { 200: salesDocumentPage },
        },
      },
      async (request) => listSalesDocuments(store.db, scopeOf(request).orgId, kind, request.query),
    );
    app.post(
      `/api/v1/orgs/:orgId/${path}`,
      {
        ...orgRoute(store, 'sales.write'),
        schema: {
          tags,
          summary: `Rédiger un(e) ${name} (brouillon ; accepte Idempotency-Key)`,
          params,
          body: input,
          response: { 201: salesDocumentDto },
        },
      },
      async (request, reply) => {
        const scope = scopeOf(request);
        const { status, body } = await createOnce(store, request, scope, (trx) =>
          createSalesDraft(trx, scope.orgId, kind, request.body, scope.userId),
        );
        return reply.code(status as 201).send(body);
      },
    );
    app.get(
      `/api/v1/orgs/:orgId/${path}/:id`,
      {
        ...orgRoute(store, 'sales.read'),
        schema: { tags, summary: `Un(e) ${name}`, params: idParams, response: { 200: salesDocumentDto } },
      },
      async (request) => getSalesDocument(store.db, scopeOf(request).orgId, request.params.id, kind),
    );
    app.put(
      `/api/v1/orgs/:orgId/${path}/:id`,
      {
        ...orgRoute(store, 'sales.write'),
        schema: {
          tags,
          summary: `Modifier un brouillon de ${name}`,
          params: idParams,
          body: input,
          response: { 200: salesDocumentDto },
        },
      },
      async (request) => {
        const scope = scopeOf(request);
        return inTransaction((trx) =>
          updateSalesDraft(trx, scope.orgId, kind, request.params.id, request.body, scope.userId),
        );
      },
    );
    app.delete(
      `/api/v1/orgs/:orgId/${path}/:id`,
      {
        ...orgRoute(store, 'sales.write'),
        schema: { tags, summary: `Supprimer un brouillon de ${name}`, params: idParams },
      },
      async (request, reply) => {
        const scope = scopeOf(request);
        await inTransaction((trx) =>
          deleteSalesDraft(trx, scope.orgId, kind, request.params.id, scope.userId),
        );
        return reply.code(204).send();
      },
    );
  }

  for (const [path, kind, name] of [
    ['quotes', 'quote', 'du devis'],
    ['sales-orders', 'order', 'de la commande'],
    ['delivery-notes', 'delivery_note', 'du bon de livraison'],
  ] as const)
    app.get(
      `/api/v1/orgs/:orgId/${path}/:id/pdf`,
      {
        ...orgRoute(store, 'sales.read'),
        schema: { tags, summary: `Le PDF ${name} (une fois numéroté)`, params: idParams },
      },
      async (request, reply) => {
        const { bytes, fileName } = await salesDocumentPdf(
          store.db,
          scopeOf(request).orgId,
          request.params.id,
          kind,
        );
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
          .send(bytes);
      },
    );

  const step = (
    path: string,
    summary: string,
    work: (trx: typeof store.db, orgId: string, id: string, actor: string | null) => Promise<unknown>,
  ) =>
    app.post(
      `/api/v1/orgs/:orgId/${path}`,
      {
        ...orgRoute(store, 'sales.write'),
        schema: { tags, summary, params: idParams, response: { 200: salesDocumentDto } },
      },
      async (request) => {
        const scope = scopeOf(request);
        return inTransaction((trx) => work(trx, scope.orgId, request.params.id, scope.userId)) as Promise<
          z.infer<typeof salesDocumentDto>
        >;
      },
    );
  step('quotes/:id/send', 'Envoyer le devis (il reçoit son numéro DE-… et ne change plus)', sendQuote);
  step('quotes/:id/refuse', 'Le client refuse le devis', refuseQuote);
  step('quotes/:id/expire', 'Le devis a dépassé sa date de validité', expireQuote);
  step('sales-orders/:id/confirm', 'Confirmer une commande saisie directement (numéro BC-…)', confirmOrder);

  app.post(
    '/api/v1/orgs/:orgId/quotes/:id/accept',
    {
      ...orgRoute(store, 'sales.write'),
      schema: {
        tags,
        summary: 'Le client accepte le devis : il devient une commande (BC-…) avec les mêmes lignes',
        params: idParams,
        response: { 200: acceptedDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return inTransaction((trx) => acceptQuote(trx, scope.orgId, request.params.id, scope.userId));
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/sales-orders/:id/delivery-notes',
    {
      ...orgRoute(store, 'sales.write'),
      schema: {
        tags,
        summary: 'Livrer tout ou partie d’une commande : bon de livraison BL-… (accepte Idempotency-Key)',
        params: idParams,
        body: deliveryInput,
        response: { 201: salesDocumentDto },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const { status, body } = await createOnce(store, request, scope, (trx) =>
        createDeliveryNote(trx, scope.orgId, request.params.id, request.body, scope.userId),
      );
      return reply.code(status as 201).send(body);
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/sales-orders/:id/down-payment',
    {
      ...orgRoute(store, 'sales.write'),
      schema: {
        tags,
        summary: 'Facture d’acompte (brouillon) sur une commande : pourcentage ou montant TTC',
        params: idParams,
        body: downPaymentInput,
        response: { 201: invoiceDto },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const { status, body } = await createOnce(store, request, scope, (trx) =>
        createDownPaymentInvoice(trx, scope.orgId, request.params.id, request.body, scope.userId),
      );
      return reply.code(status as 201).send(body);
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/sales-orders/:id/invoice',
    {
      ...orgRoute(store, 'sales.write'),
      schema: {
        tags,
        summary:
          'Facturer ce qui reste à facturer (biens livrés, services commandés), acomptes déduits (brouillon)',
        params: idParams,
        response: { 201: invoiceDto },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const { status, body } = await createOnce(store, request, scope, (trx) =>
        invoiceOrder(trx, scope.orgId, request.params.id, scope.userId),
      );
      return reply.code(status as 201).send(body);
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/delivery-notes',
    {
      ...orgRoute(store, 'sales.read'),
      schema: {
        tags,
        summary: 'Bons de livraison',
        params,
        querystring: salesListQuery,
        response: { 200: salesDocumentPage },
      },
    },
    async (request) => listSalesDocuments(store.db, scopeOf(request).orgId, 'delivery_note', request.query),
  );
  app.get(
    '/api/v1/orgs/:orgId/delivery-notes/:id',
    {
      ...orgRoute(store, 'sales.read'),
      schema: { tags, summary: 'Un bon de livraison', params: idParams, response: { 200: salesDocumentDto } },
    },
    async (request) => getSalesDocument(store.db, scopeOf(request).orgId, request.params.id, 'delivery_note'),
  );
}
