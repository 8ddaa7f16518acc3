import { z } from 'zod';
import { getOrganisation } from '../../kernel/organisations/organisation.ts';
import { renderReport } from '../../ledger/index.ts';
import { getEmployee } from '../employees/employee.ts';
import { type App, type Deps, orgRoute, scopeOf } from '../http.ts';
import {
  cancellationInput,
  expenseReportDto,
  expenseReportInput,
  expenseReportList,
  expenseReportListQuery,
  mileageYearDto,
  mileageYearQuery,
  paymentInput,
  travelOrderDto,
  travelOrderInput,
  travelOrderList,
  travelOrderListQuery,
} from './contract.ts';
import { expenseReportTable } from './expense-pdf.ts';
import { getExpenseReport, listExpenseReports, mileageYear } from './expense-read.ts';
import {
  cancelExpenseReport,
  createExpenseReport,
  reimburseExpenseReport,
  updateExpenseReport,
  validateExpenseReport,
} from './expense-report.ts';
import {
  approveTravelOrder,
  cancelTravelOrder,
  completeTravelOrder,
  createTravelOrder,
  getTravelOrder,
  listTravelOrders,
  payAdvance,
} from './travel-order.ts';

const params = z.object({ orgId: z.string().max(64) });
const orderParams = params.extend({ orderId: z.string().max(64) });
const reportParams = params.extend({ reportId: z.string().max(64) });
const tags = ['personnel'];

export function expenseRoutes(app: App, { store }: Deps) {
  const read = orgRoute(store, 'personnel.read');
  const write = orgRoute(store, 'personnel.write');
  const tx = <T>(fn: (trx: typeof store.db) => Promise<T>) => store.db.transaction().execute(fn);

  app.get(
    '/api/v1/orgs/:orgId/travel-orders',
    {
      ...read,
      schema: {
        tags,
        summary: 'Ordres de mission (filtres : salarié, statut)',
        params,
        querystring: travelOrderListQuery,
        response: { 200: travelOrderList },
      },
    },
    async (request) => listTravelOrders(store.db, scopeOf(request).orgId, request.query),
  );
  app.post(
    '/api/v1/orgs/:orgId/travel-orders',
    {
      ...write,
      schema: {
        tags,
        summary: 'Établir un ordre de mission (brouillon)',
        params,
        body: travelOrderInput,
        response: { 201: travelOrderDto },
      },
    },
    async (request, reply) => {
      const s = scopeOf(request);
      return reply.code(201).send(await tx((trx) => createTravelOrder(trx, s.orgId, request.body, s.userId)));
    },
  );
  app.get(
    '/api/v1/orgs/:orgId/travel-orders/:orderId',
    {
      ...read,
      schema: {
        tags,
        summary: 'Un ordre de mission',
        params: orderParams,
        response: { 200: travelOrderDto },
      },
    },
    async (request) => getTravelOrder(store.db, scopeOf(request).orgId, request.params.orderId),
  );
  for (const [action, summary, fn] of [
    ['approve', 'Approuver un ordre de mission (numéro OM)', approveTravelOrder],
    ['complete', 'Terminer une mission approuvée', completeTravelOrder],
    ['cancel', 'Annuler un ordre de mission (brouillon ou approuvé, avance non versée)', cancelTravelOrder],
  ] as const)
    app.post(
      `/api/v1/orgs/:orgId/travel-orders/:orderId/${action}`,
      { ...write, schema: { tags, summary, params: orderParams, response: { 200: travelOrderDto } } },
      async (request) => {
        const s = scopeOf(request);
        return tx((trx) => fn(trx, s.orgId, request.params.orderId, s.userId));
      },
    );
  app.post(
    '/api/v1/orgs/:orgId/travel-orders/:orderId/advance',
    {
      ...write,
      schema: {
        tags,
        summary: 'Verser l’avance d’un ordre de mission : écriture de banque',
        params: orderParams,
        body: paymentInput,
        response: { 200: travelOrderDto },
      },
    },
    async (request) => {
      const s = scopeOf(request);
      return tx((trx) => payAdvance(trx, s.orgId, request.params.orderId, request.body, s.userId));
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/expense-reports',
    {
      ...read,
      schema: {
        tags,
        summary: 'Notes de frais (filtres : salarié, statut)',
        params,
        querystring: expenseReportListQuery,
        response: { 200: expenseReportList },
      },
    },
    async (request) => listExpenseReports(store.db, scopeOf(request).orgId, request.query),
  );
  app.post(
    '/api/v1/orgs/:orgId/expense-reports',
    {
      ...write,
      schema: {
        tags,
        summary: 'Saisir une note de frais (brouillon)',
        params,
        body: expenseReportInput,
        response: { 201: expenseReportDto },
      },
    },
    async (request, reply) => {
      const s = scopeOf(request);
      return reply
        .code(201)
        .send(await tx((trx) => createExpenseReport(trx, s.orgId, request.body, s.userId)));
    },
  );
  app.get(
    '/api/v1/orgs/:orgId/expense-reports/mileage',
    {
      ...read,
      schema: {
        tags,
        summary: 'Kilomètres et indemnités déjà comptés à un salarié dans l’année, par véhicule',
        params,
        querystring: mileageYearQuery,
        response: { 200: mileageYearDto },
      },
    },
    async (request) => {
      const { orgId } = scopeOf(request);
      const { employeeId, year } = request.query;
      await getEmployee(store.db, orgId, employeeId);
      return mileageYear(store.db, orgId, employeeId, year);
    },
  );
  app.get(
    '/api/v1/orgs/:orgId/expense-reports/:reportId',
    {
      ...read,
      schema: {
        tags,
        summary: 'Une note de frais',
        params: reportParams,
        response: { 200: expenseReportDto },
      },
    },
    async (request) => getExpenseReport(store.db, scopeOf(request).orgId, request.params.reportId),
  );
  app.put(
    '/api/v1/orgs/:orgId/expense-reports/:reportId',
    {
      ...write,
      schema: {
        tags,
        summary: 'Modifier un brouillon de note de frais',
        params: reportParams,
        body: expenseReportInput,
        response: { 200: expenseReportDto },
      },
    },
    async (request) => {
      const s = scopeOf(request);
      return tx((trx) => updateExpenseReport(trx, s.orgId, request.params.reportId, request.body, s.userId));
    },
  );
  app.post(
    '/api/v1/orgs/:orgId/expense-reports/:reportId/validate',
    {
      ...write,
      schema: {
        tags,
        summary: 'Valider une note de frais : numéro NDF, indemnités kilométriques, écriture OD',
        params: reportParams,
        response: { 200: expenseReportDto },
      },
    },
    async (request) => {
      const s = scopeOf(request);
      return tx((trx) => validateExpenseReport(trx, s.orgId, request.params.reportId, s.userId));
    },
  );
  app.post(
    '/api/v1/orgs/:orgId/expense-reports/:reportId/reimburse',
    {
      ...write,
      schema: {
        tags,
        summary: 'Rembourser une note de frais (avance déduite) : écriture de banque, lettrage du 467',
        params: reportParams,
        body: paymentInput,
        response: { 200: expenseReportDto },
      },
    },
    async (request) => {
      const s = scopeOf(request);
      return tx((trx) =>
        reimburseExpenseReport(trx, s.orgId, request.params.reportId, request.body, s.userId),
      );
    },
  );
  app.post(
    '/api/v1/orgs/:orgId/expense-reports/:reportId/cancel',
    {
      ...write,
      schema: {
        tags,
        summary: 'Annuler une note de frais validée non remboursée (extourne)',
        params: reportParams,
        body: cancellationInput,
        response: { 200: expenseReportDto },
      },
    },
    async (request) => {
      const s = scopeOf(request);
      return tx((trx) =>
        cancelExpenseReport(trx, s.orgId, request.params.reportId, request.body.date, s.userId),
      );
    },
  );
  app.get(
    '/api/v1/orgs/:orgId/expense-reports/:reportId/pdf',
    {
      ...read,
      schema: { tags, summary: 'La note de frais en PDF, à signer par le salarié', params: reportParams },
    },
    async (request, reply) => {
      const { orgId } = scopeOf(request);
      const [report, organisation] = await Promise.all([
        getExpenseReport(store.db, orgId, request.params.reportId),
        getOrganisation(store.db, orgId),
      ]);
      const file = await renderReport(expenseReportTable(report), 'pdf', organisation.name);
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.body);
    },
  );
}
