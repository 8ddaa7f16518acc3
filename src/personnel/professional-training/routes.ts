import { z } from 'zod';
import { todayIn } from '../../kernel/dates/index.ts';
import type { Db } from '../../kernel/db/index.ts';
import { getOrganisation } from '../../kernel/organisations/organisation.ts';
import { renderReport } from '../../ledger/index.ts';
import { type App, createOnce, type Deps, orgRoute, scopeOf } from '../http.ts';
import {
  actionInput,
  enrolmentInput,
  enrolmentUpdateInput,
  reviewInput,
  summaryExportQuery,
  yearQuery,
} from './contract.ts';
import { recordReview, reviewsDue } from './reviews.ts';
import { createAction, enrolEmployee, getAction, listActions, updateEnrolment } from './staff-training.ts';
import { trainingSummary, trainingSummaryTable } from './summary.ts';

const params = z.object({ orgId: z.string().max(64) });
const actionParams = params.extend({ actionId: z.string().max(64) });
const enrolmentParams = params.extend({ enrolmentId: z.string().max(64) });
const tags = ['personnel'];
const base = '/api/v1/orgs/:orgId/staff-training';
const thisYear = () => Number(todayIn().slice(0, 4));

export function staffTrainingRoutes(app: App, { store }: Deps) {
  const read = orgRoute(store, 'personnel.read');
  const write = orgRoute(store, 'personnel.write');
  const tx = <T>(fn: (trx: Db) => Promise<T>) => store.db.transaction().execute(fn);

  app.get(
    `${base}/actions`,
    {
      ...read,
      schema: {
        tags,
        summary: 'Actions de formation professionnelle d’une année',
        params,
        querystring: yearQuery,
      },
    },
    async (request) => listActions(store.db, scopeOf(request).orgId, request.query.year),
  );

  app.post(
    `${base}/actions`,
    { ...write, schema: { tags, summary: 'Enregistrer une action de formation', params, body: actionInput } },
    async (request, reply) => {
      const scope = scopeOf(request);
      const { status, body } = await createOnce(store, request, scope, (trx) =>
        createAction(trx, scope.orgId, request.body, scope.userId),
      );
      return reply.code(status as 201).send(body);
    },
  );

  app.get(
    `${base}/actions/:actionId`,
    { ...read, schema: { tags, summary: 'Une action de formation et ses stagiaires', params: actionParams } },
    async (request) => getAction(store.db, scopeOf(request).orgId, request.params.actionId),
  );

  app.post(
    `${base}/actions/:actionId/enrolments`,
    {
      ...write,
      schema: {
        tags,
        summary: 'Inscrire un salarié à une action',
        params: actionParams,
        body: enrolmentInput,
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const body = await tx((trx) =>
        enrolEmployee(trx, scope.orgId, request.params.actionId, request.body.employeeId, scope.userId),
      );
      return reply.code(201).send(body);
    },
  );

  app.post(
    `${base}/enrolments/:enrolmentId`,
    {
      ...write,
      schema: {
        tags,
        summary: 'Statut d’une inscription (prévue, réalisée, annulée) et attestation reçue',
        params: enrolmentParams,
        body: enrolmentUpdateInput,
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return tx((trx) =>
        updateEnrolment(trx, scope.orgId, request.params.enrolmentId, request.body, scope.userId),
      );
    },
  );

  app.get(
    `${base}/summary`,
    {
      ...read,
      schema: {
        tags,
        summary: 'Bilan annuel : heures et coût par salarié et par emploi',
        params,
        querystring: yearQuery,
      },
    },
    async (request) => trainingSummary(store.db, scopeOf(request).orgId, request.query.year ?? thisYear()),
  );

  app.get(
    `${base}/summary/export`,
    {
      ...read,
      schema: {
        tags,
        summary: 'Bilan annuel de formation : PDF, CSV ou XLSX',
        params,
        querystring: summaryExportQuery,
      },
    },
    async (request, reply) => {
      const { orgId } = scopeOf(request);
      const [summary, organisation] = await Promise.all([
        trainingSummary(store.db, orgId, request.query.year ?? thisYear()),
        getOrganisation(store.db, orgId),
      ]);
      const file = await renderReport(trainingSummaryTable(summary), request.query.format, organisation.name);
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.body);
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/professional-reviews/due',
    {
      ...read,
      schema: {
        tags,
        summary: 'Entretiens professionnels et états des lieux à prévoir ou en retard',
        params,
      },
    },
    async (request) => reviewsDue(store.db, scopeOf(request).orgId),
  );

  app.post(
    '/api/v1/orgs/:orgId/professional-reviews',
    {
      ...write,
      schema: { tags, summary: 'Enregistrer un entretien professionnel tenu', params, body: reviewInput },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const body = await tx((trx) => recordReview(trx, scope.orgId, request.body, scope.userId));
      return reply.code(201).send(body);
    },
  );
}
