import { z } from 'zod';
import { type App, type Deps, orgRoute, scopeOf } from '../http.ts';
import { departureInput, employeeDto, employeeInput, employeeList, employeeListQuery } from './contract.ts';
import { createEmployee, getEmployee, listEmployees, recordDeparture } from './employee.ts';

const params = z.object({ orgId: z.string().max(64) });
const employeeParams = params.extend({ employeeId: z.string().max(64) });
const tags = ['personnel'];

export function employeeRoutes(app: App, { store }: Deps) {
  app.get(
    '/api/v1/orgs/:orgId/employees',
    {
      ...orgRoute(store, 'personnel.read'),
      schema: {
        tags,
        summary: 'Salariés, dans l’ordre du registre unique du personnel (filtre : présents à une date)',
        params,
        querystring: employeeListQuery,
        response: { 200: employeeList },
      },
    },
    async (request) => listEmployees(store.db, scopeOf(request).orgId, request.query),
  );

  app.post(
    '/api/v1/orgs/:orgId/employees',
    {
      ...orgRoute(store, 'personnel.write'),
      schema: {
        tags,
        summary: 'Enregistrer l’entrée d’un salarié',
        params,
        body: employeeInput,
        response: { 201: employeeDto },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const employee = await store.db
        .transaction()
        .execute((trx) => createEmployee(trx, scope.orgId, request.body, scope.userId));
      return reply.code(201).send(employee);
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/employees/:employeeId',
    {
      ...orgRoute(store, 'personnel.read'),
      schema: {
        tags,
        summary: 'Dossier d’un salarié',
        params: employeeParams,
        response: { 200: employeeDto },
      },
    },
    async (request) => getEmployee(store.db, scopeOf(request).orgId, request.params.employeeId),
  );

  app.post(
    '/api/v1/orgs/:orgId/employees/:employeeId/departure',
    {
      ...orgRoute(store, 'personnel.write'),
      schema: {
        tags,
        summary: 'Enregistrer la sortie d’un salarié (date et motif)',
        params: employeeParams,
        body: departureInput,
        response: { 200: employeeDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return store.db
        .transaction()
        .execute((trx) =>
          recordDeparture(trx, scope.orgId, request.params.employeeId, request.body, scope.userId),
        );
    },
  );
}
