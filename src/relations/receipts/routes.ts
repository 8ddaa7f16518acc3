import { z } from 'zod';
import { type App, createOnce, type Deps, orgRoute, scopeOf } from '../http.ts';
import {
  agedReceivablesDto,
  creditUseDto,
  creditUseInput,
  customerCreditDto,
  depositSlipDto,
  depositSlipInput,
  depositSlipList,
  receiptCancellationInput,
  receiptDto,
  receiptInput,
  receiptListQuery,
  receiptPage,
  receivablesQuery,
} from './contract.ts';
import { customerCredit, useCustomerCredit } from './customer-credit.ts';
import { createDepositSlip, depositSlipPdf, getDepositSlip, listDepositSlips } from './deposit-slip.ts';
import { cancelReceipt, recordReceipt } from './receipt.ts';
import { getReceipt, listReceipts } from './receipt-read.ts';
import { agedReceivables } from './receivables.ts';

const params = z.object({ orgId: z.string().max(64) });
const receiptParams = params.extend({ receiptId: z.string().max(64) });
const customerParams = params.extend({ customerId: z.string().max(64) });
const invoiceParams = params.extend({ invoiceId: z.string().max(64) });
const slipParams = params.extend({ slipId: z.string().max(64) });
const tags = ['encaissements'];

export function receiptRoutes(app: App, { store }: Deps) {
  app.get(
    '/api/v1/orgs/:orgId/receipts',
    {
      ...orgRoute(store, 'sales.read'),
      schema: {
        tags,
        summary: 'Encaissements (filtres : client, mode, chèques non remis, période ; pagination)',
        params,
        querystring: receiptListQuery,
        response: { 200: receiptPage },
      },
    },
    async (request) => listReceipts(store.db, scopeOf(request).orgId, request.query),
  );

  app.post(
    '/api/v1/orgs/:orgId/receipts',
    {
      ...orgRoute(store, 'sales.write'),
      schema: {
        tags,
        summary:
          'Enregistrer un encaissement : numéro, écriture BQ ou CA, lettrage avec les factures (accepte Idempotency-Key)',
        params,
        body: receiptInput,
        response: { 201: receiptDto },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const { status, body } = await createOnce(store, request, scope, (trx) =>
        recordReceipt(trx, scope.orgId, request.body, scope.userId),
      );
      return reply.code(status as 201).send(body);
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/receipts/:receiptId',
    {
      ...orgRoute(store, 'sales.read'),
      schema: { tags, summary: 'Un encaissement', params: receiptParams, response: { 200: receiptDto } },
    },
    async (request) => getReceipt(store.db, scopeOf(request).orgId, request.params.receiptId),
  );

  app.post(
    '/api/v1/orgs/:orgId/receipts/:receiptId/cancel',
    {
      ...orgRoute(store, 'sales.write'),
      schema: {
        tags,
        summary: 'Annuler un encaissement par extourne (les factures redeviennent dues)',
        params: receiptParams,
        body: receiptCancellationInput,
        response: { 200: receiptDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return store.db
        .transaction()
        .execute((trx) =>
          cancelReceipt(trx, scope.orgId, request.params.receiptId, request.body.date, scope.userId),
        );
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/deposit-slips',
    {
      ...orgRoute(store, 'sales.read'),
      schema: {
        tags,
        summary: 'Bordereaux de remise de chèques',
        params,
        response: { 200: depositSlipList },
      },
    },
    async (request) => ({ items: await listDepositSlips(store.db, scopeOf(request).orgId) }),
  );

  app.post(
    '/api/v1/orgs/:orgId/deposit-slips',
    {
      ...orgRoute(store, 'sales.write'),
      schema: {
        tags,
        summary:
          'Remettre des chèques en banque : bordereau numéroté, écriture 512 / 5112 (accepte Idempotency-Key)',
        params,
        body: depositSlipInput,
        response: { 201: depositSlipDto },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const { status, body } = await createOnce(store, request, scope, (trx) =>
        createDepositSlip(trx, scope.orgId, request.body, scope.userId),
      );
      return reply.code(status as 201).send(body);
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/deposit-slips/:slipId',
    {
      ...orgRoute(store, 'sales.read'),
      schema: {
        tags,
        summary: 'Un bordereau de remise',
        params: slipParams,
        response: { 200: depositSlipDto },
      },
    },
    async (request) => getDepositSlip(store.db, scopeOf(request).orgId, request.params.slipId),
  );

  app.get(
    '/api/v1/orgs/:orgId/deposit-slips/:slipId/pdf',
    {
      ...orgRoute(store, 'sales.read'),
      schema: { tags, summary: 'Le PDF d’un bordereau de remise de chèques', params: slipParams },
    },
    async (request, reply) => {
      const document = await depositSlipPdf(store.db, scopeOf(request).orgId, request.params.slipId);
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(document.fileName)}`,
        )
        .send(Buffer.from(document.bytes));
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/receivables',
    {
      ...orgRoute(store, 'sales.read'),
      schema: {
        tags,
        summary:
          'Balance âgée clients : reste dû par client et par ancienneté (0–30, 31–60, 61–90, > 90 jours), crédits clients disponibles, net à recevoir rapproché du solde du compte 411',
        params,
        querystring: receivablesQuery,
        response: { 200: agedReceivablesDto },
      },
    },
    async (request) => agedReceivables(store.db, scopeOf(request).orgId, request.query),
  );

  app.get(
    '/api/v1/orgs/:orgId/customers/:customerId/credit',
    {
      ...orgRoute(store, 'sales.read'),
      schema: {
        tags,
        summary: 'Crédit client disponible (avances et trop-perçus gardés au crédit, non encore imputés)',
        params: customerParams,
        response: { 200: customerCreditDto },
      },
    },
    async (request) => customerCredit(store.db, scopeOf(request).orgId, request.params.customerId),
  );

  app.post(
    '/api/v1/orgs/:orgId/invoices/:invoiceId/customer-credit',
    {
      ...orgRoute(store, 'sales.write'),
      schema: {
        tags,
        summary:
          'Imputer le crédit client sur une facture validée : lettrage en 411 entre le crédit et la facture, sans nouvelle écriture de trésorerie',
        params: invoiceParams,
        body: creditUseInput,
        response: { 200: creditUseDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return store.db
        .transaction()
        .execute((trx) =>
          useCustomerCredit(trx, scope.orgId, request.params.invoiceId, request.body, scope.userId),
        );
    },
  );
}
