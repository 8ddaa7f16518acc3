import { z } from 'zod';
import { todayIn } from '../../../kernel/dates/index.ts';
import { getOrganisation } from '../../../kernel/organisations/organisation.ts';
import { text } from '../../../kernel/validation/text.ts';
import { exportFormat, renderReport } from '../../../ledger/index.ts';
import { type App, type Deps, orgRoute, scopeOf } from '../../http.ts';
import { cashPlan } from './cash-plan.ts';
import { cashPlanDto, cashPlanQuery, forecastDto, forecastInput } from './contract.ts';
import { createForecast, deleteForecast } from './forecasts.ts';
import { cashPlanTable } from './table.ts';

// The cash plan (decision 0047): read with ledger.read like the rest of the treasury; its forecast lines
// are the organisation's own bookkeeping of what is to come, written with ledger.write.

const params = z.object({ orgId: text().max(64) });
const forecastParams = params.extend({ forecastId: text().max(64) });
const tags = ['trésorerie'];

export function cashPlanRoutes(app: App, { store }: Deps) {
  const today = async (orgId: string) => {
    const org = await getOrganisation(store.db, orgId);
    return org.simulatedToday ?? todayIn(org.timeZone);
  };

  app.get(
    '/api/v1/orgs/:orgId/cash-plan',
    {
      ...orgRoute(store, 'ledger.read'),
      schema: {
        tags,
        summary:
          'Plan de trésorerie : trésorerie à une date, encaissements et décaissements prévus mois par mois',
        params,
        querystring: cashPlanQuery,
        response: { 200: cashPlanDto },
      },
    },
    async (request) => {
      const { orgId } = scopeOf(request);
      return cashPlan(store.db, orgId, request.query, await today(orgId));
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/cash-plan/export',
    {
      ...orgRoute(store, 'ledger.read'),
      schema: {
        tags,
        summary: 'Plan de trésorerie : export PDF, XLSX ou CSV',
        params,
        querystring: cashPlanQuery.extend(exportFormat.shape),
      },
    },
    async (request, reply) => {
      const { orgId } = scopeOf(request);
      const [dto, organisation] = await Promise.all([
        cashPlan(store.db, orgId, request.query, await today(orgId)),
        getOrganisation(store.db, orgId),
      ]);
      const file = await renderReport(cashPlanTable(dto), request.query.format, organisation.name);
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.body);
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/cash-plan/forecasts',
    {
      ...orgRoute(store, 'ledger.write'),
      schema: {
        tags,
        summary: 'Ajouter une prévision au plan de trésorerie (une fois ou plusieurs mois de suite)',
        params,
        body: forecastInput,
        response: { 201: forecastDto },
      },
    },
    async (request, reply) => {
      const { orgId, userId } = scopeOf(request);
      const created = await store.db
        .transaction()
        .execute((trx) => createForecast(trx, orgId, request.body, userId));
      return reply.code(201).send(created);
    },
  );

  app.delete(
    '/api/v1/orgs/:orgId/cash-plan/forecasts/:forecastId',
    {
      ...orgRoute(store, 'ledger.write'),
      schema: { tags, summary: 'Supprimer une prévision du plan de trésorerie', params: forecastParams },
    },
    async (request, reply) => {
      const { orgId, userId } = scopeOf(request);
      await store.db
        .transaction()
        .execute((trx) => deleteForecast(trx, orgId, request.params.forecastId, userId));
      return reply.code(204).send();
    },
  );
}
