import { z } from 'zod';
import { todayIn } from '../../kernel/dates/index.ts';
import { getOrganisation } from '../../kernel/organisations/organisation.ts';
import { renderReport } from '../../ledger/index.ts';
import { type App, type Deps, orgRoute, scopeOf } from '../http.ts';
import {
  approvalInput,
  balanceQuery,
  cancellationInput,
  leaveBalanceDto,
  leaveBalanceList,
  leaveExportQuery,
  leaveListQuery,
  leaveRequestDto,
  leaveRequestInput,
  leaveRequestList,
  planningDto,
  planningQuery,
  refusalInput,
  unpaidHoursDto,
  unpaidHoursQuery,
} from './contract.ts';
import { approveLeaveRequest, cancelLeaveRequest, createLeaveRequest, refuseLeaveRequest } from './leave.ts';
import {
  employeeLeaveBalance,
  getLeaveRequest,
  leaveBalances,
  leavePlanning,
  listLeaveRequests,
  unpaidAbsenceHours,
} from './leave-read.ts';
import { leaveRequestsTable } from './leave-table.ts';

const params = z.object({ orgId: z.string().max(64) });
const requestParams = params.extend({ requestId: z.string().max(64) });
const employeeParams = params.extend({ employeeId: z.string().max(64) });
const tags = ['personnel'];
const base = '/api/v1/orgs/:orgId/leave-requests';

export function leaveRoutes(app: App, { store }: Deps) {
  app.get(
    base,
    {
      ...orgRoute(store, 'personnel.read'),
      schema: {
        tags,
        summary: 'Demandes de congés et d’absences (filtres : salarié, statut, type, période)',
        params,
        querystring: leaveListQuery,
        response: { 200: leaveRequestList },
      },
    },
    async (request) => listLeaveRequests(store.db, scopeOf(request).orgId, request.query),
  );

  app.get(
    `${base}/export`,
    {
      ...orgRoute(store, 'personnel.read'),
      schema: {
        tags,
        summary: 'Les demandes de congés et d’absences filtrées : export CSV, XLSX ou PDF',
        params,
        querystring: leaveExportQuery,
      },
    },
    async (request, reply) => {
      const { orgId } = scopeOf(request);
      const { format, ...query } = request.query;
      const [list, organisation] = await Promise.all([
        listLeaveRequests(store.db, orgId, query),
        getOrganisation(store.db, orgId),
      ]);
      const file = await renderReport(leaveRequestsTable(list, query), format, organisation.name);
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.body);
    },
  );

  app.post(
    base,
    {
      ...orgRoute(store, 'personnel.write'),
      schema: {
        tags,
        summary: 'Enregistrer une demande de congé ou d’absence',
        params,
        body: leaveRequestInput,
        response: { 201: leaveRequestDto },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const created = await store.db
        .transaction()
        .execute((trx) => createLeaveRequest(trx, scope.orgId, request.body, scope.userId));
      return reply.code(201).send(created);
    },
  );

  app.get(
    `${base}/:requestId`,
    {
      ...orgRoute(store, 'personnel.read'),
      schema: {
        tags,
        summary: 'Une demande d’absence',
        params: requestParams,
        response: { 200: leaveRequestDto },
      },
    },
    async (request) => getLeaveRequest(store.db, scopeOf(request).orgId, request.params.requestId),
  );

  app.post(
    `${base}/:requestId/approve`,
    {
      ...orgRoute(store, 'personnel.write'),
      schema: {
        tags,
        summary: 'Accepter une demande d’absence (le solde de congés payés est vérifié à nouveau)',
        params: requestParams,
        body: approvalInput,
        response: { 200: leaveRequestDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return store.db
        .transaction()
        .execute((trx) =>
          approveLeaveRequest(trx, scope.orgId, request.params.requestId, request.body, scope.userId),
        );
    },
  );

  app.post(
    `${base}/:requestId/refuse`,
    {
      ...orgRoute(store, 'personnel.write'),
      schema: {
        tags,
        summary: 'Refuser une demande d’absence (motif obligatoire)',
        params: requestParams,
        body: refusalInput,
        response: { 200: leaveRequestDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return store.db
        .transaction()
        .execute((trx) =>
          refuseLeaveRequest(trx, scope.orgId, request.params.requestId, request.body, scope.userId),
        );
    },
  );

  app.post(
    `${base}/:requestId/cancel`,
    {
      ...orgRoute(store, 'personnel.write'),
      schema: {
        tags,
        summary: 'Annuler une demande, ou un congé accepté',
        params: requestParams,
        body: cancellationInput,
        response: { 200: leaveRequestDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return store.db
        .transaction()
        .execute((trx) =>
          cancelLeaveRequest(trx, scope.orgId, request.params.requestId, request.body, scope.userId),
        );
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/leave-balances',
    {
      ...orgRoute(store, 'personnel.read'),
      schema: {
        tags,
        summary: 'Soldes de congés payés des salariés à une date (acquis, en cours, pris, restant)',
        params,
        querystring: balanceQuery,
        response: { 200: leaveBalanceList },
      },
    },
    async (request) => leaveBalances(store.db, scopeOf(request).orgId, request.query.asOf ?? todayIn()),
  );

  app.get(
    '/api/v1/orgs/:orgId/employees/:employeeId/leave-balance',
    {
      ...orgRoute(store, 'personnel.read'),
      schema: {
        tags,
        summary: 'Solde de congés payés d’un salarié à une date',
        params: employeeParams,
        querystring: balanceQuery,
        response: { 200: leaveBalanceDto },
      },
    },
    async (request) =>
      employeeLeaveBalance(
        store.db,
        scopeOf(request).orgId,
        request.params.employeeId,
        request.query.asOf ?? todayIn(),
      ),
  );

  app.get(
    '/api/v1/orgs/:orgId/employees/:employeeId/unpaid-absence-hours',
    {
      ...orgRoute(store, 'personnel.read'),
      schema: {
        tags,
        summary: 'Heures d’absence non rémunérées d’un salarié sur un mois (pour la paie)',
        params: employeeParams,
        querystring: unpaidHoursQuery,
        response: { 200: unpaidHoursDto },
      },
    },
    async (request) =>
      unpaidAbsenceHours(
        store.db,
        scopeOf(request).orgId,
        request.params.employeeId,
        request.query.month ?? todayIn().slice(0, 7),
      ),
  );

  app.get(
    '/api/v1/orgs/:orgId/leave-planning',
    {
      ...orgRoute(store, 'personnel.read'),
      schema: {
        tags,
        summary: 'Planning des absences d’un mois : salariés × jours',
        params,
        querystring: planningQuery,
        response: { 200: planningDto },
      },
    },
    async (request) =>
      leavePlanning(store.db, scopeOf(request).orgId, request.query.month ?? todayIn().slice(0, 7)),
  );
}
