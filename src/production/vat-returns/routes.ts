import { z } from 'zod';
import { getOrganisation } from '../../kernel/organisations/organisation.ts';
import { exportFormat, renderReport } from '../../ledger/index.ts';
import { type App, type Deps, orgRoute, scopeOf } from '../http.ts';
import { vatPaymentInput, vatPeriodQuery, vatReturnDto, vatReturnInput, vatReturnList } from './contract.ts';
import { fileVatReturn, getVatReturn, listVatReturns, payVatReturn } from './vat-return.ts';
import { vatReturnTable } from './vat-return-table.ts';

const params = z.object({ orgId: z.string().max(64) });
const periodParams = params.extend({ period: vatPeriodQuery.shape.period });
const tags = ['tva'];

export function vatReturnRoutes(app: App, { store }: Deps) {
  app.get(
    '/api/v1/orgs/:orgId/vat-returns',
    {
      ...orgRoute(store, 'ledger.read'),
      schema: {
        tags,
        summary: 'Déclarations de TVA (CA3) déposées, et la période à déclarer ensuite',
        params,
        response: { 200: vatReturnList },
      },
    },
    async (request) => listVatReturns(store.db, scopeOf(request).orgId),
  );

  app.get(
    '/api/v1/orgs/:orgId/vat-returns/:period',
    {
      ...orgRoute(store, 'ledger.read'),
      schema: {
        tags,
        summary: 'La déclaration de TVA (CA3) d’un mois ou d’un trimestre : déposée, ou calculée maintenant',
        params: periodParams,
        response: { 200: vatReturnDto },
      },
    },
    async (request) => getVatReturn(store.db, scopeOf(request).orgId, request.params.period),
  );

  app.get(
    '/api/v1/orgs/:orgId/vat-returns/:period/export',
    {
      ...orgRoute(store, 'ledger.read'),
      schema: {
        tags,
        summary: 'La déclaration de TVA d’une période : export PDF, XLSX ou CSV',
        params: periodParams,
        querystring: exportFormat,
      },
    },
    async (request, reply) => {
      const { orgId } = scopeOf(request);
      const [dto, organisation] = await Promise.all([
        getVatReturn(store.db, orgId, request.params.period),
        getOrganisation(store.db, orgId),
      ]);
      const file = await renderReport(vatReturnTable(dto), request.query.format, organisation.name);
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.body);
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/vat-returns',
    {
      ...orgRoute(store, 'ledger.write'),
      schema: {
        tags,
        summary: 'Déposer la déclaration de TVA d’une période : chiffres figés, écriture de liquidation (OD)',
        params,
        body: vatReturnInput,
        response: { 201: vatReturnDto },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const filed = await store.db
        .transaction()
        .execute((trx) => fileVatReturn(trx, scope.orgId, request.body.period, scope.userId));
      return reply.code(201).send(filed);
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/vat-returns/:period/payment',
    {
      ...orgRoute(store, 'ledger.write'),
      schema: {
        tags,
        summary: 'Payer la TVA due d’une déclaration déposée : écriture de banque, 44551 lettré',
        params: periodParams,
        body: vatPaymentInput,
        response: { 200: vatReturnDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return store.db
        .transaction()
        .execute((trx) => payVatReturn(trx, scope.orgId, request.params.period, request.body, scope.userId));
    },
  );
}
