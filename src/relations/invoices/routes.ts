import { z } from 'zod';
import { type App, createOnce, type Deps, orgRoute, readCacheOf, scopeOf } from '../http.ts';
import { invoiceDraftInput, invoiceDto, invoiceListQuery, invoicePage } from './contract.ts';
import { createCreditNote, createInvoiceDraft, deleteInvoiceDraft, updateInvoiceDraft } from './invoice.ts';
import { invoicePdf, issueInvoiceDocument } from './invoice-document.ts';
import { getInvoice, listInvoices } from './invoice-read.ts';
import { validateInvoice } from './invoice-validation.ts';

const params = z.object({ orgId: z.string().max(64) });
const invoiceParams = z.object({ orgId: z.string().max(64), invoiceId: z.string().max(64) });
const tags = ['factures'];

export function invoiceRoutes(app: App, { store, documentsDir }: Deps) {
  // A stable route (ARCHITECTURE.md §4): outside tools rely on it.
  app.get(
    '/api/v1/orgs/:orgId/invoices',
    {
      ...orgRoute(store, 'sales.read'),
      schema: {
        tags,
        summary: 'Factures et avoirs (filtres : statut, type, client, période ; pagination)',
        params,
        querystring: invoiceListQuery,
        response: { 200: invoicePage },
      },
    },
    // Serialised here, as the response schema would (encode, then JSON), so that the text can be kept until
    // the database changes (read-cache.ts); the URL holds the organisation and the query.
    async (request, reply) => {
      const page = await readCacheOf(store)(request.url, async () =>
        JSON.stringify(
          invoicePage.encode(await listInvoices(store.db, scopeOf(request).orgId, request.query)),
        ),
      );
      return reply.type('application/json; charset=utf-8').send(page as never);
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/invoices',
    {
      ...orgRoute(store, 'sales.write'),
      schema: {
        tags,
        summary: 'Rédiger une facture (brouillon ; accepte Idempotency-Key)',
        params,
        body: invoiceDraftInput,
        response: { 201: invoiceDto },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const { status, body } = await createOnce(store, request, scope, (trx) =>
        createInvoiceDraft(trx, scope.orgId, request.body, scope.userId),
      );
      return reply.code(status as 201).send(body);
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/invoices/:invoiceId',
    {
      ...orgRoute(store, 'sales.read'),
      schema: {
        tags,
        summary: 'Une facture ou un avoir',
        params: invoiceParams,
        response: { 200: invoiceDto },
      },
    },
    async (request) => getInvoice(store.db, scopeOf(request).orgId, request.params.invoiceId),
  );

  app.put(
    '/api/v1/orgs/:orgId/invoices/:invoiceId',
    {
      ...orgRoute(store, 'sales.write'),
      schema: {
        tags,
        summary: 'Modifier un brouillon (une facture validée ne change plus)',
        params: invoiceParams,
        body: invoiceDraftInput,
        response: { 200: invoiceDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return store.db
        .transaction()
        .execute((trx) =>
          updateInvoiceDraft(trx, scope.orgId, request.params.invoiceId, request.body, scope.userId),
        );
    },
  );

  app.delete(
    '/api/v1/orgs/:orgId/invoices/:invoiceId',
    {
      ...orgRoute(store, 'sales.write'),
      schema: { tags, summary: 'Supprimer un brouillon', params: invoiceParams },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      await store.db
        .transaction()
        .execute((trx) => deleteInvoiceDraft(trx, scope.orgId, request.params.invoiceId, scope.userId));
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/invoices/:invoiceId/validate',
    {
      ...orgRoute(store, 'sales.write'),
      schema: {
        tags,
        summary:
          'Valider : numéro, écriture au journal des ventes, PDF Factur-X ; plus aucune modification ensuite',
        params: invoiceParams,
        response: { 200: invoiceDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const { invoiceId } = request.params;
      await store.db
        .transaction()
        .execute((trx) => validateInvoice(trx, scope.orgId, invoiceId, scope.userId));
      try {
        await issueInvoiceDocument(store.db, documentsDir, scope.orgId, invoiceId, scope.userId);
      } catch (error) {
        // The invoice is validated; its PDF will be made at the first download.
        request.log.error({ err: error }, 'invoice PDF not issued');
      }
      return getInvoice(store.db, scope.orgId, invoiceId);
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/invoices/:invoiceId/credit-note',
    {
      ...orgRoute(store, 'sales.write'),
      schema: {
        tags,
        summary: 'Rédiger un avoir sur une facture validée (reprend ses lignes ; accepte Idempotency-Key)',
        params: invoiceParams,
        response: { 201: invoiceDto },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const { status, body } = await createOnce(store, request, scope, (trx) =>
        createCreditNote(trx, scope.orgId, request.params.invoiceId, scope.userId),
      );
      return reply.code(status as 201).send(body);
    },
  );

  // A stable route (ARCHITECTURE.md §4).
  app.get(
    '/api/v1/orgs/:orgId/invoices/:invoiceId/pdf',
    {
      ...orgRoute(store, 'sales.read'),
      schema: {
        tags,
        summary: 'Le PDF Factur-X (PDF/A-3 avec le XML CII EN 16931) d’une facture validée',
        params: invoiceParams,
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const document = await invoicePdf(
        store.db,
        documentsDir,
        scope.orgId,
        request.params.invoiceId,
        scope.userId,
      );
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(document.fileName)}`,
        )
        .header('x-content-sha256', document.sha256)
        .send(document.bytes);
    },
  );
}
