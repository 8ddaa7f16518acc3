import { z } from 'zod';
import { type App, type Deps, orgRoute, scopeOf } from '../http.ts';
import { cancelBill, cancelPayment, createBill, payBill, updateBill, validateBill } from './bill.ts';
import { getBill, listBills } from './bill-read.ts';
import {
  agedPayablesDto,
  billDto,
  billInput,
  billList,
  billListQuery,
  cancellationInput,
  payablesQuery,
  paymentInput,
} from './contract.ts';
import { agedPayables } from './payables.ts';

const params = z.object({ orgId: z.string().max(64) });
const billParams = params.extend({ billId: z.string().max(64) });
const paymentParams = billParams.extend({ paymentId: z.string().max(64) });
const tags = ['achats'];

export function purchaseRoutes(app: App, { store }: Deps) {
  app.get(
    '/api/v1/orgs/:orgId/supplier-bills',
    {
      ...orgRoute(store, 'purchases.read'),
      schema: {
        tags,
        summary: 'Factures fournisseurs (filtre : statut)',
        params,
        querystring: billListQuery,
        response: { 200: billList },
      },
    },
    async (request) => listBills(store.db, scopeOf(request).orgId, request.query),
  );

  app.post(
    '/api/v1/orgs/:orgId/supplier-bills',
    {
      ...orgRoute(store, 'purchases.write'),
      schema: {
        tags,
        summary: 'Saisir une facture fournisseur (brouillon)',
        params,
        body: billInput,
        response: { 201: billDto },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const bill = await store.db
        .transaction()
        .execute((trx) => createBill(trx, scope.orgId, request.body, scope.userId));
      return reply.code(201).send(bill);
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/supplier-bills/:billId',
    {
      ...orgRoute(store, 'purchases.read'),
      schema: { tags, summary: 'Une facture fournisseur', params: billParams, response: { 200: billDto } },
    },
    async (request) => getBill(store.db, scopeOf(request).orgId, request.params.billId),
  );

  app.put(
    '/api/v1/orgs/:orgId/supplier-bills/:billId',
    {
      ...orgRoute(store, 'purchases.write'),
      schema: {
        tags,
        summary: 'Modifier un brouillon de facture fournisseur',
        params: billParams,
        body: billInput,
        response: { 200: billDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return store.db
        .transaction()
        .execute((trx) => updateBill(trx, scope.orgId, request.params.billId, request.body, scope.userId));
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/supplier-bills/:billId/validate',
    {
      ...orgRoute(store, 'purchases.write'),
      schema: {
        tags,
        summary: 'Valider une facture fournisseur : numéro ACH, écriture au journal des achats',
        params: billParams,
        response: { 200: billDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return store.db
        .transaction()
        .execute((trx) => validateBill(trx, scope.orgId, request.params.billId, scope.userId));
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/supplier-bills/:billId/payments',
    {
      ...orgRoute(store, 'purchases.write'),
      schema: {
        tags,
        summary: 'Payer une facture fournisseur (totalement ou en partie) : écriture de banque',
        params: billParams,
        body: paymentInput,
        response: { 200: billDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return store.db
        .transaction()
        .execute((trx) => payBill(trx, scope.orgId, request.params.billId, request.body, scope.userId));
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/supplier-bills/:billId/cancel',
    {
      ...orgRoute(store, 'purchases.write'),
      schema: {
        tags,
        summary: 'Annuler une facture fournisseur non payée (extourne)',
        params: billParams,
        body: cancellationInput,
        response: { 200: billDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return store.db
        .transaction()
        .execute((trx) =>
          cancelBill(trx, scope.orgId, request.params.billId, request.body.date, scope.userId),
        );
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/supplier-bills/:billId/payments/:paymentId/cancel',
    {
      ...orgRoute(store, 'purchases.write'),
      schema: {
        tags,
        summary: 'Annuler un paiement saisi par erreur (extourne ; la facture redevient due)',
        params: paymentParams,
        body: cancellationInput,
        response: { 200: billDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const { billId, paymentId } = request.params;
      return store.db
        .transaction()
        .execute((trx) =>
          cancelPayment(trx, scope.orgId, billId, paymentId, request.body.date, scope.userId),
        );
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/payables',
    {
      ...orgRoute(store, 'purchases.read'),
      schema: {
        tags,
        summary:
          'Dettes fournisseurs : factures ouvertes par fournisseur et par ancienneté, rapprochées du 401',
        params,
        querystring: payablesQuery,
        response: { 200: agedPayablesDto },
      },
    },
    async (request) => agedPayables(store.db, scopeOf(request).orgId, request.query),
  );
}
