import { z } from 'zod';
import { type App, createOnce, type Deps, orgRoute, scopeOf } from '../http.ts';
import {
  contractDto,
  contractInput,
  contractListQuery,
  contractPage,
  generatedInvoicesDto,
  generateInvoicesInput,
} from './contract.ts';
import { createContract, getContract, listContracts, updateContract } from './contracts.ts';
import { generateContractInvoices } from './periodic-invoicing.ts';

const params = z.object({ orgId: z.string().max(64) });
const idParams = z.object({ orgId: z.string().max(64), id: z.string().max(64) });
const tags = ['contrats'];

export function contractRoutes(app: App, { store }: Deps) {
  app.get(
    '/api/v1/orgs/:orgId/contracts',
    {
      ...orgRoute(store, 'sales.read'),
      schema: {
        tags,
        summary: 'Contrats et conventions',
        params,
        querystring: contractListQuery,
        response: { 200: contractPage },
      },
    },
    async (request) => listContracts(store.db, scopeOf(request).orgId, request.query),
  );
  app.post(
    '/api/v1/orgs/:orgId/contracts',
    {
      ...orgRoute(store, 'sales.write'),
      schema: {
        tags,
        summary: 'Créer un contrat à facturation périodique (accepte Idempotency-Key)',
        params,
        body: contractInput,
        response: { 201: contractDto },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const { status, body } = await createOnce(store, request, scope, (trx) =>
        createContract(trx, scope.orgId, request.body, scope.userId),
      );
      return reply.code(status as 201).send(body);
    },
  );
  app.get(
    '/api/v1/orgs/:orgId/contracts/:id',
    {
      ...orgRoute(store, 'sales.read'),
      schema: {
        tags,
        summary: 'Un contrat et ses factures par période',
        params: idParams,
        response: { 200: contractDto },
      },
    },
    async (request) => getContract(store.db, scopeOf(request).orgId, request.params.id),
  );
  app.put(
    '/api/v1/orgs/:orgId/contracts/:id',
    {
      ...orgRoute(store, 'sales.write'),
      schema: {
        tags,
        summary: 'Modifier un contrat (les factures déjà faites gardent leurs lignes)',
        params: idParams,
        body: contractInput,
        response: { 200: contractDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return store.db
        .transaction()
        .execute((trx) => updateContract(trx, scope.orgId, request.params.id, request.body, scope.userId));
    },
  );
  app.post(
    '/api/v1/orgs/:orgId/contracts/generate-invoices',
    {
      ...orgRoute(store, 'sales.write'),
      schema: {
        tags,
        summary: 'Créer les brouillons de factures des périodes échues jusqu’à une date (jamais deux fois)',
        params,
        body: generateInvoicesInput,
        response: { 200: generatedInvoicesDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return store.db
        .transaction()
        .execute((trx) => generateContractInvoices(trx, scope.orgId, request.body, scope.userId));
    },
  );
}
