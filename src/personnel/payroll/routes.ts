import { z } from 'zod';
import { getOrganisation } from '../../kernel/organisations/organisation.ts';
import { renderReport } from '../../ledger/index.ts';
import { type App, type Deps, orgRoute, scopeOf } from '../http.ts';
import { dateInput, payItemsInput, payRunDto, payRunInput, payRunList } from './contract.ts';
import {
  cancelPayRun,
  createPayRun,
  deleteDraftPayRun,
  payPayRun,
  updatePayItems,
  validatePayRun,
} from './pay-run.ts';
import { getPayRun, getPayslip, listPayRuns } from './pay-run-read.ts';
import { payslipTable } from './payslip-table.ts';

const params = z.object({ orgId: z.string().max(64) });
const runParams = params.extend({ payRunId: z.string().max(64) });
const slipParams = runParams.extend({ payslipId: z.string().max(64) });
const tags = ['paie'];

export function payrollRoutes(app: App, { store }: Deps) {
  app.get(
    '/api/v1/orgs/:orgId/pay-runs',
    {
      ...orgRoute(store, 'personnel.read'),
      schema: {
        tags,
        summary: 'Paies mensuelles, du mois le plus récent au plus ancien',
        params,
        response: { 200: payRunList },
      },
    },
    async (request) => listPayRuns(store.db, scopeOf(request).orgId),
  );

  app.post(
    '/api/v1/orgs/:orgId/pay-runs',
    {
      ...orgRoute(store, 'personnel.write'),
      schema: {
        tags,
        summary: 'Préparer la paie d’un mois : un bulletin par salarié présent (brouillon)',
        params,
        body: payRunInput,
        response: { 201: payRunDto },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const run = await store.db
        .transaction()
        .execute((trx) => createPayRun(trx, scope.orgId, request.body, scope.userId));
      return reply.code(201).send(run);
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/pay-runs/:payRunId',
    {
      ...orgRoute(store, 'personnel.read'),
      schema: {
        tags,
        summary: 'La paie d’un mois et ses bulletins',
        params: runParams,
        response: { 200: payRunDto },
      },
    },
    async (request) => getPayRun(store.db, scopeOf(request).orgId, request.params.payRunId),
  );

  app.delete(
    '/api/v1/orgs/:orgId/pay-runs/:payRunId',
    {
      ...orgRoute(store, 'personnel.write'),
      schema: { tags, summary: 'Supprimer une paie en préparation', params: runParams },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      await store.db
        .transaction()
        .execute((trx) => deleteDraftPayRun(trx, scope.orgId, request.params.payRunId, scope.userId));
      return reply.code(204).send();
    },
  );

  app.put(
    '/api/v1/orgs/:orgId/pay-runs/:payRunId/payslips/:payslipId/items',
    {
      ...orgRoute(store, 'personnel.write'),
      schema: {
        tags,
        summary: 'Saisir les éléments variables d’un salarié (heures supplémentaires, prime, absence)',
        params: slipParams,
        body: payItemsInput,
        response: { 200: payRunDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const { payRunId, payslipId } = request.params;
      return store.db
        .transaction()
        .execute((trx) => updatePayItems(trx, scope.orgId, payRunId, payslipId, request.body, scope.userId));
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/pay-runs/:payRunId/validate',
    {
      ...orgRoute(store, 'personnel.write'),
      schema: {
        tags,
        summary: 'Valider la paie du mois : bulletins numérotés, écriture au journal de paie',
        params: runParams,
        response: { 200: payRunDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return store.db
        .transaction()
        .execute((trx) => validatePayRun(trx, scope.orgId, request.params.payRunId, scope.userId));
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/pay-runs/:payRunId/payment',
    {
      ...orgRoute(store, 'personnel.write'),
      schema: {
        tags,
        summary: 'Payer les salaires nets du mois (virement, écriture de banque lettrée)',
        params: runParams,
        body: dateInput,
        response: { 200: payRunDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return store.db
        .transaction()
        .execute((trx) => payPayRun(trx, scope.orgId, request.params.payRunId, request.body, scope.userId));
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/pay-runs/:payRunId/cancel',
    {
      ...orgRoute(store, 'personnel.write'),
      schema: {
        tags,
        summary: 'Annuler une paie validée non payée (extourne)',
        params: runParams,
        body: dateInput,
        response: { 200: payRunDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return store.db
        .transaction()
        .execute((trx) =>
          cancelPayRun(trx, scope.orgId, request.params.payRunId, request.body, scope.userId),
        );
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/pay-runs/:payRunId/payslips/:payslipId/pdf',
    {
      ...orgRoute(store, 'personnel.read'),
      schema: { tags, summary: 'Le bulletin de paie d’un salarié en PDF', params: slipParams },
    },
    async (request, reply) => {
      const { orgId } = scopeOf(request);
      const [run, organisation] = await Promise.all([
        getPayRun(store.db, orgId, request.params.payRunId),
        getOrganisation(store.db, orgId),
      ]);
      const slip = await getPayslip(store.db, orgId, run.id, request.params.payslipId);
      const file = await renderReport(payslipTable(run, slip, organisation), 'pdf', organisation.name);
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.body);
    },
  );
}
