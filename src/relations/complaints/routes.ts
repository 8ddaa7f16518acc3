import { z } from 'zod';
import { type App, createOnce, type Deps, orgRoute, scopeOf } from '../http.ts';
import {
  addComplaintStep,
  closeComplaint,
  createComplaint,
  getComplaint,
  listComplaints,
  resolveComplaint,
  updateComplaint,
} from './complaint.ts';
import {
  complaintDto,
  complaintIdParams,
  complaintInput,
  complaintListQuery,
  complaintPage,
  complaintResolveInput,
  complaintStepInput,
  complaintUpdateInput,
} from './contract.ts';

const params = z.object({ orgId: z.string().max(64) });
const tags = ['réclamations'];

export function complaintRoutes(app: App, { store }: Deps) {
  app.get(
    '/api/v1/orgs/:orgId/complaints',
    {
      ...orgRoute(store, 'sales.read'),
      schema: {
        tags,
        summary: 'Réclamations et litiges (filtres : statut, tiers)',
        params,
        querystring: complaintListQuery,
        response: { 200: complaintPage },
      },
    },
    async (request) => listComplaints(store.db, scopeOf(request).orgId, request.query),
  );

  app.post(
    '/api/v1/orgs/:orgId/complaints',
    {
      ...orgRoute(store, 'sales.write'),
      schema: {
        tags,
        summary: 'Ouvrir une réclamation (numéro RE-AAAA-NNNNN ; accepte Idempotency-Key)',
        params,
        body: complaintInput,
        response: { 201: complaintDto },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const { status, body } = await createOnce(store, request, scope, (trx) =>
        createComplaint(trx, scope.orgId, request.body, scope.userId),
      );
      return reply.code(status as 201).send(body);
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/complaints/:complaintId',
    {
      ...orgRoute(store, 'sales.read'),
      schema: {
        tags,
        summary: 'Une réclamation',
        params: complaintIdParams,
        response: { 200: complaintDto },
      },
    },
    async (request) => getComplaint(store.db, scopeOf(request).orgId, request.params.complaintId),
  );

  app.put(
    '/api/v1/orgs/:orgId/complaints/:complaintId',
    {
      ...orgRoute(store, 'sales.write'),
      schema: {
        tags,
        summary: 'Modifier une réclamation en cours (pièces liées, délai)',
        params: complaintIdParams,
        body: complaintUpdateInput,
        response: { 200: complaintDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return store.db
        .transaction()
        .execute((trx) =>
          updateComplaint(trx, scope.orgId, request.params.complaintId, request.body, scope.userId),
        );
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/complaints/:complaintId/steps',
    {
      ...orgRoute(store, 'sales.write'),
      schema: {
        tags,
        summary: 'Ajouter une étape datée au suivi',
        params: complaintIdParams,
        body: complaintStepInput,
        response: { 200: complaintDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return store.db
        .transaction()
        .execute((trx) =>
          addComplaintStep(trx, scope.orgId, request.params.complaintId, request.body, scope.userId),
        );
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/complaints/:complaintId/resolve',
    {
      ...orgRoute(store, 'sales.write'),
      schema: {
        tags,
        summary: 'Résoudre : avoir (existant ou rédigé sur une facture), remplacement ou refus motivé',
        params: complaintIdParams,
        body: complaintResolveInput,
        response: { 200: complaintDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return store.db
        .transaction()
        .execute((trx) =>
          resolveComplaint(trx, scope.orgId, request.params.complaintId, request.body, scope.userId),
        );
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/complaints/:complaintId/close',
    {
      ...orgRoute(store, 'sales.write'),
      schema: {
        tags,
        summary: 'Clore une réclamation résolue',
        params: complaintIdParams,
        response: { 200: complaintDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return store.db
        .transaction()
        .execute((trx) => closeComplaint(trx, scope.orgId, request.params.complaintId, scope.userId));
    },
  );
}
