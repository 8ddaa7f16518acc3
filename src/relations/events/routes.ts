import { z } from 'zod';
import { type App, createOnce, type Deps, orgRoute, scopeOf } from '../http.ts';
import {
  eventDto,
  eventInput,
  eventListQuery,
  eventPage,
  guestStatusInput,
  guestsInput,
  invitationInput,
  invitationResult,
} from './contract.ts';
import {
  addGuests,
  createEvent,
  deleteEvent,
  getEvent,
  listEvents,
  removeGuest,
  setGuestStatus,
  updateEvent,
} from './event.ts';
import { attendanceSheetPdf, inviteGuests } from './event-mail.ts';

const params = z.object({ orgId: z.string().max(64) });
const eventParams = params.extend({ eventId: z.string().max(64) });
const guestParams = eventParams.extend({ partyId: z.string().max(64) });
const tags = ['événements'];

export function eventRoutes(app: App, { store }: Deps) {
  const write = <T>(work: (trx: typeof store.db) => Promise<T>) => store.db.transaction().execute(work);

  app.get(
    '/api/v1/orgs/:orgId/events',
    {
      ...orgRoute(store, 'prospecting.read'),
      schema: {
        tags,
        summary: 'Événements (salons, portes ouvertes, AG…)',
        params,
        querystring: eventListQuery,
        response: { 200: eventPage },
      },
    },
    async (request) => listEvents(store.db, scopeOf(request).orgId, request.query),
  );

  app.post(
    '/api/v1/orgs/:orgId/events',
    {
      ...orgRoute(store, 'prospecting.write'),
      schema: {
        tags,
        summary: 'Créer un événement (accepte Idempotency-Key)',
        params,
        body: eventInput,
        response: { 201: eventDto },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const { status, body } = await createOnce(store, request, scope, (trx) =>
        createEvent(trx, scope.orgId, request.body, scope.userId),
      );
      return reply.code(status as 201).send(body);
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/events/:eventId',
    {
      ...orgRoute(store, 'prospecting.read'),
      schema: {
        tags,
        summary: 'Un événement, ses coûts et ses invités',
        params: eventParams,
        response: { 200: eventDto },
      },
    },
    async (request) => getEvent(store.db, scopeOf(request).orgId, request.params.eventId),
  );

  app.put(
    '/api/v1/orgs/:orgId/events/:eventId',
    {
      ...orgRoute(store, 'prospecting.write'),
      schema: {
        tags,
        summary: 'Modifier un événement',
        params: eventParams,
        body: eventInput,
        response: { 200: eventDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return write((trx) =>
        updateEvent(trx, scope.orgId, request.params.eventId, request.body, scope.userId),
      );
    },
  );

  app.delete(
    '/api/v1/orgs/:orgId/events/:eventId',
    {
      ...orgRoute(store, 'prospecting.write'),
      schema: { tags, summary: 'Supprimer un événement', params: eventParams },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      await write((trx) => deleteEvent(trx, scope.orgId, request.params.eventId, scope.userId));
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/events/:eventId/guests',
    {
      ...orgRoute(store, 'prospecting.write'),
      schema: {
        tags,
        summary: 'Inviter des tiers (statut « invité »)',
        params: eventParams,
        body: guestsInput,
        response: { 200: eventDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return write((trx) =>
        addGuests(trx, scope.orgId, request.params.eventId, request.body.partyIds, scope.userId),
      );
    },
  );

  app.put(
    '/api/v1/orgs/:orgId/events/:eventId/guests/:partyId',
    {
      ...orgRoute(store, 'prospecting.write'),
      schema: {
        tags,
        summary: 'Inscription, présence, absence ou annulation d’un invité',
        params: guestParams,
        body: guestStatusInput,
        response: { 200: eventDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const { eventId, partyId } = request.params;
      return write((trx) =>
        setGuestStatus(trx, scope.orgId, eventId, partyId, request.body.status, scope.userId),
      );
    },
  );

  app.delete(
    '/api/v1/orgs/:orgId/events/:eventId/guests/:partyId',
    {
      ...orgRoute(store, 'prospecting.write'),
      schema: { tags, summary: 'Retirer un invité', params: guestParams, response: { 200: eventDto } },
    },
    async (request) => {
      const scope = scopeOf(request);
      const { eventId, partyId } = request.params;
      return write((trx) => removeGuest(trx, scope.orgId, eventId, partyId, scope.userId));
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/events/:eventId/invitations',
    {
      ...orgRoute(store, 'prospecting.write'),
      schema: {
        tags,
        summary: 'Envoyer l’invitation par e-mail (publipostage, via la boîte d’envoi)',
        params: eventParams,
        body: invitationInput,
        response: { 200: invitationResult },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return write((trx) =>
        inviteGuests(trx, scope.orgId, request.params.eventId, request.body, scope.userId),
      );
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/events/:eventId/attendance-sheet',
    {
      ...orgRoute(store, 'prospecting.read'),
      schema: { tags, summary: 'Feuille d’émargement (PDF)', params: eventParams },
    },
    async (request, reply) => {
      const { pdf, fileName } = await attendanceSheetPdf(
        store.db,
        scopeOf(request).orgId,
        request.params.eventId,
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .send(Buffer.from(pdf));
    },
  );
}
