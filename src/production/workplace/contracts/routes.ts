import { z } from 'zod';
import { type App, createOnce, type Deps, orgRoute, scopeOf } from '../../http.ts';
import {
  contractDto,
  contractInput,
  contractList,
  contractListQuery,
  costsDto,
  costsQuery,
  scheduleDto,
  scheduleQuery,
  terminationInput,
} from './contract.ts';
import { getContract, listContracts, orgToday } from './contract-read.ts';
import { createContract, terminateContract, updateContract } from './contract-register.ts';
import { contractCosts, contractSchedule } from './schedule.ts';
import { terminationLetterPdf } from './termination-letter.ts';

const params = z.object({ orgId: z.string().max(64) });
const contractParams = params.extend({ contractId: z.string().max(64) });
const tags = ['production'];
const base = '/api/v1/orgs/:orgId/workplace-contracts';

export function workplaceContractRoutes(app: App, { store }: Deps) {
  app.get(
    base,
    {
      ...orgRoute(store, 'production.read'),
      schema: {
        tags,
        summary: 'Registre des contrats : maintenance, abonnements, licences, assurances, locations',
        params,
        querystring: contractListQuery,
        response: { 200: contractList },
      },
    },
    async (request) => {
      const { orgId } = scopeOf(request);
      const asOf = request.query.asOf ?? (await orgToday(store.db, orgId));
      return { asOf, items: await listContracts(store.db, orgId, request.query, asOf) };
    },
  );

  app.post(
    base,
    {
      ...orgRoute(store, 'production.write'),
      schema: {
        tags,
        summary: 'Enregistrer un contrat (accepte Idempotency-Key)',
        params,
        body: contractInput,
        response: { 201: contractDto },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const asOf = await orgToday(store.db, scope.orgId);
      const { status, body } = await createOnce(store, request, scope, (trx) =>
        createContract(trx, scope.orgId, request.body, asOf, scope.userId),
      );
      return reply.code(status as 201).send(body);
    },
  );

  app.get(
    `${base}/:contractId`,
    {
      ...orgRoute(store, 'production.read'),
      schema: {
        tags,
        summary: 'Un contrat et ses échéances',
        params: contractParams,
        response: { 200: contractDto },
      },
    },
    async (request) => {
      const { orgId } = scopeOf(request);
      return getContract(store.db, orgId, request.params.contractId, await orgToday(store.db, orgId));
    },
  );

  app.put(
    `${base}/:contractId`,
    {
      ...orgRoute(store, 'production.write'),
      schema: {
        tags,
        summary: 'Corriger un contrat en cours',
        params: contractParams,
        body: contractInput,
        response: { 200: contractDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const asOf = await orgToday(store.db, scope.orgId);
      return store.db
        .transaction()
        .execute((trx) =>
          updateContract(trx, scope.orgId, request.params.contractId, request.body, asOf, scope.userId),
        );
    },
  );

  app.post(
    `${base}/:contractId/terminate`,
    {
      ...orgRoute(store, 'production.write'),
      schema: {
        tags,
        summary:
          'Résilier un contrat : la date de fin suit le préavis (ou l’article L215-1 du Code de la consommation)',
        params: contractParams,
        body: terminationInput,
        response: { 200: contractDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const asOf = await orgToday(store.db, scope.orgId);
      return store.db
        .transaction()
        .execute((trx) =>
          terminateContract(trx, scope.orgId, request.params.contractId, request.body, asOf, scope.userId),
        );
    },
  );

  app.get(
    `${base}/:contractId/termination-letter`,
    {
      ...orgRoute(store, 'production.read'),
      schema: {
        tags,
        summary: 'La lettre de résiliation (PDF, recommandé avec accusé de réception)',
        params: contractParams,
      },
    },
    async (request, reply) => {
      const { orgId } = scopeOf(request);
      const asOf = await orgToday(store.db, orgId);
      const file = await terminationLetterPdf(store.db, orgId, request.params.contractId, asOf);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(Buffer.from(file.bytes));
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/workplace-contract-deadlines',
    {
      ...orgRoute(store, 'production.read'),
      schema: {
        tags,
        summary: 'Échéancier des contrats : préavis, reconductions et fins dans les prochains jours',
        params,
        querystring: scheduleQuery,
        response: { 200: scheduleDto },
      },
    },
    async (request) => {
      const { orgId } = scopeOf(request);
      const asOf = request.query.asOf ?? (await orgToday(store.db, orgId));
      return contractSchedule(store.db, orgId, asOf, request.query.days);
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/workplace-contract-costs',
    {
      ...orgRoute(store, 'production.read'),
      schema: {
        tags,
        summary: 'Coût annuel des contrats par type (HT, TVA, TTC)',
        params,
        querystring: costsQuery,
        response: { 200: costsDto },
      },
    },
    async (request) => {
      const { orgId } = scopeOf(request);
      const year = request.query.year ?? Number((await orgToday(store.db, orgId)).slice(0, 4));
      return contractCosts(store.db, orgId, year);
    },
  );
}
