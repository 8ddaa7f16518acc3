import { z } from 'zod';
import { getOrganisation } from '../../../kernel/organisations/organisation.ts';
import { renderReport } from '../../../ledger/index.ts';
import { type App, createOnce, type Deps, orgRoute, scopeOf } from '../../http.ts';
import { orgToday } from '../contracts/contract-read.ts';
import { cancelBooking, createBooking, listBookings } from './booking.ts';
import { listBorrowers } from './borrower.ts';
import {
  bookingDto,
  bookingInput,
  bookingList,
  bookingListQuery,
  borrowerList,
  loanDto,
  loanExportQuery,
  loanInput,
  loanList,
  loanListQuery,
  resourceDto,
  resourceInput,
  resourceList,
  resourceListQuery,
  returnInput,
} from './contract.ts';
import { lendResource, returnLoan } from './loan.ts';
import { getLoan, listLoans } from './loan-read.ts';
import { loanRegisterTable } from './loan-register.ts';
import { createResource, getResource, listResources, updateResource } from './resource.ts';

const params = z.object({ orgId: z.string().max(64) });
const resourceParams = params.extend({ resourceId: z.string().max(64) });
const loanParams = params.extend({ loanId: z.string().max(64) });
const bookingParams = params.extend({ bookingId: z.string().max(64) });
const tags = ['production'];
const resources = '/api/v1/orgs/:orgId/shared-resources';
const loans = '/api/v1/orgs/:orgId/resource-loans';
const bookings = '/api/v1/orgs/:orgId/resource-bookings';

export function sharedResourceRoutes(app: App, { store }: Deps) {
  const today = (orgId: string) => orgToday(store.db, orgId);

  app.get(
    resources,
    {
      ...orgRoute(store, 'production.read'),
      schema: {
        tags,
        summary: 'Ressources partagées (matériel, clés, véhicules, salles) et leur prêt en cours',
        params,
        querystring: resourceListQuery,
        response: { 200: resourceList },
      },
    },
    async (request) => {
      const { orgId } = scopeOf(request);
      return { items: await listResources(store.db, orgId, request.query, await today(orgId)) };
    },
  );

  app.post(
    resources,
    {
      ...orgRoute(store, 'production.write'),
      schema: {
        tags,
        summary: 'Ajouter une ressource partagée (accepte Idempotency-Key)',
        params,
        body: resourceInput,
        response: { 201: resourceDto },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const asOf = await today(scope.orgId);
      const { status, body } = await createOnce(store, request, scope, (trx) =>
        createResource(trx, scope.orgId, request.body, asOf, scope.userId),
      );
      return reply.code(status as 201).send(body);
    },
  );

  app.get(
    `${resources}/:resourceId`,
    {
      ...orgRoute(store, 'production.read'),
      schema: {
        tags,
        summary: 'Une ressource partagée',
        params: resourceParams,
        response: { 200: resourceDto },
      },
    },
    async (request) => {
      const { orgId } = scopeOf(request);
      return getResource(store.db, orgId, request.params.resourceId, await today(orgId));
    },
  );

  app.put(
    `${resources}/:resourceId`,
    {
      ...orgRoute(store, 'production.write'),
      schema: {
        tags,
        summary: 'Modifier une ressource partagée',
        params: resourceParams,
        body: resourceInput,
        response: { 200: resourceDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const asOf = await today(scope.orgId);
      return store.db
        .transaction()
        .execute((trx) =>
          updateResource(trx, scope.orgId, request.params.resourceId, request.body, asOf, scope.userId),
        );
    },
  );

  app.get(
    loans,
    {
      ...orgRoute(store, 'production.read'),
      schema: {
        tags,
        summary: 'Registre des prêts (filtres : ressource, salarié, en cours, en retard, rendus, période)',
        params,
        querystring: loanListQuery,
        response: { 200: loanList },
      },
    },
    async (request) => {
      const { orgId } = scopeOf(request);
      const asOf = await today(orgId);
      return { asOf, items: await listLoans(store.db, orgId, request.query, asOf) };
    },
  );

  app.get(
    `${loans}/export`,
    {
      ...orgRoute(store, 'production.read'),
      schema: {
        tags,
        summary: 'Registre des prêts : export CSV, XLSX ou PDF',
        params,
        querystring: loanExportQuery,
      },
    },
    async (request, reply) => {
      const { orgId } = scopeOf(request);
      const { format, ...query } = request.query;
      const asOf = await today(orgId);
      const [list, organisation] = await Promise.all([
        listLoans(store.db, orgId, query, asOf),
        getOrganisation(store.db, orgId),
      ]);
      const file = await renderReport(loanRegisterTable(list, query, asOf), format, organisation.name);
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.body);
    },
  );

  app.post(
    loans,
    {
      ...orgRoute(store, 'production.write'),
      schema: {
        tags,
        summary: 'Prêter une ressource (sortie ; refusé si elle est déjà prêtée ; accepte Idempotency-Key)',
        params,
        body: loanInput,
        response: { 201: loanDto },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const asOf = await today(scope.orgId);
      const { status, body } = await createOnce(store, request, scope, (trx) =>
        lendResource(trx, scope.orgId, request.body, asOf, scope.userId),
      );
      return reply.code(status as 201).send(body);
    },
  );

  app.get(
    `${loans}/:loanId`,
    {
      ...orgRoute(store, 'production.read'),
      schema: { tags, summary: 'Un prêt', params: loanParams, response: { 200: loanDto } },
    },
    async (request) => {
      const { orgId } = scopeOf(request);
      return getLoan(store.db, orgId, request.params.loanId, await today(orgId));
    },
  );

  app.post(
    `${loans}/:loanId/return`,
    {
      ...orgRoute(store, 'production.write'),
      schema: {
        tags,
        summary: 'Enregistrer le retour d’un prêt (état au retour, remarques)',
        params: loanParams,
        body: returnInput,
        response: { 200: loanDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const asOf = await today(scope.orgId);
      return store.db
        .transaction()
        .execute((trx) =>
          returnLoan(trx, scope.orgId, request.params.loanId, request.body, asOf, scope.userId),
        );
    },
  );

  app.get(
    bookings,
    {
      ...orgRoute(store, 'production.read'),
      schema: {
        tags,
        summary: 'Réservations en cours et à venir',
        params,
        querystring: bookingListQuery,
        response: { 200: bookingList },
      },
    },
    async (request) => ({ items: await listBookings(store.db, scopeOf(request).orgId, request.query) }),
  );

  app.post(
    bookings,
    {
      ...orgRoute(store, 'production.write'),
      schema: {
        tags,
        summary: 'Réserver une ressource pour une période à venir (chevauchement refusé)',
        params,
        body: bookingInput,
        response: { 201: bookingDto },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const asOf = await today(scope.orgId);
      const { status, body } = await createOnce(store, request, scope, (trx) =>
        createBooking(trx, scope.orgId, request.body, asOf, scope.userId),
      );
      return reply.code(status as 201).send(body);
    },
  );

  app.post(
    `${bookings}/:bookingId/cancel`,
    {
      ...orgRoute(store, 'production.write'),
      schema: {
        tags,
        summary: 'Annuler une réservation',
        params: bookingParams,
        response: { 200: bookingDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return store.db
        .transaction()
        .execute((trx) => cancelBooking(trx, scope.orgId, request.params.bookingId, scope.userId));
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/resource-borrowers',
    {
      ...orgRoute(store, 'production.read'),
      schema: {
        tags,
        summary: 'Les salariés présents, à qui prêter (noms seulement)',
        params,
        response: { 200: borrowerList },
      },
    },
    async (request) => {
      const { orgId } = scopeOf(request);
      return listBorrowers(store.db, orgId, await today(orgId));
    },
  );
}
