import { z } from 'zod';
import { todayIn } from '../../kernel/dates/index.ts';
import { getOrganisation } from '../../kernel/organisations/organisation.ts';
import { renderReport } from '../../ledger/index.ts';
import { type App, createOnce, type Deps, orgRoute, scopeOf } from '../http.ts';
import {
  departureInput,
  employeeDto,
  employeeInput,
  employeeList,
  employeeListQuery,
  personnelRegister as personnelRegisterDto,
  registerQuery,
} from './contract.ts';
import { cancelDeparture, createEmployee, getEmployee, listEmployees, recordDeparture } from './employee.ts';
import { updateEmployee } from './employee-update.ts';
import { personnelRegister } from './register.ts';
import { registerTable } from './register-table.ts';

const params = z.object({ orgId: z.string().max(64) });
const employeeParams = params.extend({ employeeId: z.string().max(64) });
const tags = ['personnel'];
// PDF for the labour inspector's visit, CSV for a spreadsheet; the register is not a table to reckon with.
const registerExportQuery = registerQuery.extend({
  format: z.enum(['pdf', 'csv'], 'Format inconnu : pdf ou csv.').default('pdf'),
});

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
    async (request) => {
      const { orgId } = scopeOf(request);
      const organisation = await getOrganisation(store.db, orgId);
      return listEmployees(store.db, orgId, request.query, todayIn(organisation.timeZone));
    },
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
      // A hiring sent twice (a double click, a retry) must not take two register lines: they are never
      // deleted. An Idempotency-Key makes the retry give back the first answer.
      const { status, body } = await createOnce(store, request, scope, (trx) =>
        createEmployee(trx, scope.orgId, request.body, scope.userId),
      );
      return reply.code(status as 201).send(body);
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

  app.put(
    '/api/v1/orgs/:orgId/employees/:employeeId',
    {
      ...orgRoute(store, 'personnel.write'),
      schema: {
        tags,
        summary: 'Corriger le dossier d’un salarié (ni la date d’entrée ni le numéro d’ordre ne changent)',
        params: employeeParams,
        body: employeeInput,
        response: { 200: employeeDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return store.db
        .transaction()
        .execute((trx) =>
          updateEmployee(trx, scope.orgId, request.params.employeeId, request.body, scope.userId),
        );
    },
  );

  app.delete(
    '/api/v1/orgs/:orgId/employees/:employeeId/departure',
    {
      ...orgRoute(store, 'personnel.write'),
      schema: {
        tags,
        summary: 'Annuler une sortie enregistrée par erreur',
        params: employeeParams,
        response: { 200: employeeDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return store.db
        .transaction()
        .execute((trx) => cancelDeparture(trx, scope.orgId, request.params.employeeId, scope.userId));
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/personnel-register',
    {
      ...orgRoute(store, 'personnel.read'),
      schema: {
        tags,
        summary: 'Registre unique du personnel, dans l’ordre des embauches (filtre : présents à une date)',
        params,
        querystring: registerQuery,
        response: { 200: personnelRegisterDto },
      },
    },
    async (request) => personnelRegister(store.db, scopeOf(request).orgId, request.query),
  );

  app.get(
    '/api/v1/orgs/:orgId/personnel-register/export',
    {
      ...orgRoute(store, 'personnel.read'),
      schema: {
        tags,
        summary: 'Registre unique du personnel : export PDF ou CSV',
        params,
        querystring: registerExportQuery,
      },
    },
    async (request, reply) => {
      const { orgId } = scopeOf(request);
      const [register, organisation] = await Promise.all([
        personnelRegister(store.db, orgId, request.query),
        getOrganisation(store.db, orgId),
      ]);
      const format = request.query.format;
      const table = registerTable(register, todayIn(organisation.timeZone), format === 'pdf');
      const file = await renderReport(table, format, organisation.name);
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.body);
    },
  );
}
