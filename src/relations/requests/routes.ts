import { z } from 'zod';
import { listMembers } from '../../kernel/users/users.ts';
import { type App, createOnce, type Deps, orgRoute, scopeOf } from '../http.ts';
import {
  publicRequestAck,
  publicRequestFormDto,
  publicRequestInput,
  requestAnswerInput,
  requestDto,
  requestFormSettingsDto,
  requestFormSettingsInput,
  requestIdParams,
  requestInput,
  requestListQuery,
  requestPage,
  requestTemplateDto,
  requestTemplateInput,
  requestUpdateInput,
} from './contract.ts';
import { answerRequest, createRequest, getRequest, listRequests, updateRequest } from './request.ts';
import {
  getRequestFormSettings,
  publicRequestForm,
  saveRequestFormSettings,
  submitPublicRequest,
} from './request-form.ts';
import { deleteRequestTemplate, listRequestTemplates, saveRequestTemplate } from './request-templates.ts';

const params = z.object({ orgId: z.string().max(64) });
const templateParams = z.object({ orgId: z.string().max(64), templateId: z.string().min(1).max(64) });
const publicParams = z.object({ slugOrId: z.string().min(1).max(64) });
const tags = ['demandes'];

/** The public form's routes: no session, no organisation data but its name (see app.ts publicRoutes). */
export const PUBLIC_REQUEST_ROUTES = [
  'GET /api/v1/public/orgs/:slugOrId/request-form',
  'POST /api/v1/public/orgs/:slugOrId/requests',
] as const;

export function requestRoutes(app: App, deps: Deps) {
  const { store } = deps;
  app.get(
    '/api/v1/orgs/:orgId/requests',
    {
      ...orgRoute(store, 'parties.read'),
      schema: {
        tags,
        summary: 'Registre des demandes (filtres : statut, canal, tiers, chargé ; recherche)',
        params,
        querystring: requestListQuery,
        response: { 200: requestPage },
      },
    },
    async (request) => listRequests(store.db, scopeOf(request).orgId, request.query),
  );

  app.post(
    '/api/v1/orgs/:orgId/requests',
    {
      ...orgRoute(store, 'parties.write'),
      schema: {
        tags,
        summary: 'Enregistrer une demande (téléphone, e-mail, accueil ; accepte Idempotency-Key)',
        params,
        body: requestInput,
        response: { 201: requestDto },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const { status, body } = await createOnce(store, request, scope, (trx) =>
        createRequest(trx, scope.orgId, request.body, scope.userId),
      );
      return reply.code(status as 201).send(body);
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/requests/:requestId',
    {
      ...orgRoute(store, 'parties.read'),
      schema: { tags, summary: 'Une demande', params: requestIdParams, response: { 200: requestDto } },
    },
    async (request) => getRequest(store.db, scopeOf(request).orgId, request.params.requestId),
  );

  app.put(
    '/api/v1/orgs/:orgId/requests/:requestId',
    {
      ...orgRoute(store, 'parties.write'),
      schema: {
        tags,
        summary: 'Modifier une demande (tiers, catégorie, chargé, statut, échéance)',
        params: requestIdParams,
        body: requestUpdateInput,
        response: { 200: requestDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return store.db
        .transaction()
        .execute((trx) =>
          updateRequest(trx, scope.orgId, request.params.requestId, request.body, scope.userId),
        );
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/requests/:requestId/answer',
    {
      ...orgRoute(store, 'parties.write'),
      schema: {
        tags,
        summary: 'Répondre à une demande (et la clore si plus rien n’est attendu)',
        params: requestIdParams,
        body: requestAnswerInput,
        response: { 200: requestDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return store.db
        .transaction()
        .execute((trx) =>
          answerRequest(trx, scope.orgId, request.params.requestId, request.body, scope.userId),
        );
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/request-assignees',
    {
      ...orgRoute(store, 'parties.read'),
      schema: {
        tags,
        summary: 'Membres à qui confier une demande (noms seulement)',
        params,
        response: { 200: z.array(z.object({ userId: z.string(), name: z.string() })) },
      },
    },
    async (request) =>
      (await listMembers(store.db, scopeOf(request).orgId)).map((m) => ({ userId: m.id, name: m.name })),
  );

  app.get(
    '/api/v1/orgs/:orgId/request-templates',
    {
      ...orgRoute(store, 'parties.read'),
      schema: {
        tags,
        summary: 'Modèles de réponse ({{nom}}, {{objet}}, {{organisation}}, {{date}}, {{signataire}})',
        params,
        response: { 200: z.array(requestTemplateDto) },
      },
    },
    async (request) => listRequestTemplates(store.db, scopeOf(request).orgId),
  );

  app.post(
    '/api/v1/orgs/:orgId/request-templates',
    {
      ...orgRoute(store, 'parties.write'),
      schema: {
        tags,
        summary: 'Créer un modèle de réponse',
        params,
        body: requestTemplateInput,
        response: { 201: requestTemplateDto },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const template = await store.db
        .transaction()
        .execute((trx) => saveRequestTemplate(trx, scope.orgId, null, request.body, scope.userId));
      return reply.code(201).send(template);
    },
  );

  app.put(
    '/api/v1/orgs/:orgId/request-templates/:templateId',
    {
      ...orgRoute(store, 'parties.write'),
      schema: {
        tags,
        summary: 'Modifier un modèle de réponse',
        params: templateParams,
        body: requestTemplateInput,
        response: { 200: requestTemplateDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return store.db
        .transaction()
        .execute((trx) =>
          saveRequestTemplate(trx, scope.orgId, request.params.templateId, request.body, scope.userId),
        );
    },
  );

  app.delete(
    '/api/v1/orgs/:orgId/request-templates/:templateId',
    {
      ...orgRoute(store, 'parties.write'),
      schema: { tags, summary: 'Supprimer un modèle de réponse', params: templateParams },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      await store.db
        .transaction()
        .execute((trx) => deleteRequestTemplate(trx, scope.orgId, request.params.templateId, scope.userId));
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/request-form',
    {
      ...orgRoute(store, 'parties.read'),
      schema: {
        tags,
        summary: 'Réglages du formulaire public de contact',
        params,
        response: { 200: requestFormSettingsDto },
      },
    },
    async (request) => getRequestFormSettings(store.db, scopeOf(request).orgId),
  );

  app.put(
    '/api/v1/orgs/:orgId/request-form',
    {
      ...orgRoute(store, 'org.manage'),
      schema: {
        tags,
        summary: 'Ouvrir, fermer ou régler le formulaire public de contact',
        params,
        body: requestFormSettingsInput,
        response: { 200: requestFormSettingsDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return store.db
        .transaction()
        .execute((trx) => saveRequestFormSettings(trx, scope.orgId, request.body, scope.userId));
    },
  );

  // Public: anyone may read the form of an organisation that opened it, and post to it.
  app.get(
    '/api/v1/public/orgs/:slugOrId/request-form',
    {
      schema: {
        tags,
        summary: 'Formulaire public de contact d’une organisation (sans connexion)',
        params: publicParams,
        response: { 200: publicRequestFormDto },
        security: [],
      },
    },
    async (request) => publicRequestForm(store.db, request.params.slugOrId),
  );

  app.post(
    '/api/v1/public/orgs/:slugOrId/requests',
    {
      schema: {
        tags,
        summary: 'Envoyer une demande par le formulaire public (limité par adresse IP)',
        params: publicParams,
        body: publicRequestInput,
        response: { 202: publicRequestAck },
        security: [],
      },
      config: {
        rateLimit: {
          max: deps.publicFormRateLimit?.max ?? 5,
          timeWindow: deps.publicFormRateLimit?.timeWindowMs ?? 10 * 60_000,
          keyGenerator: (request) => `public-form|${request.ip}`,
        },
      },
    },
    async (request, reply) => {
      await submitPublicRequest(store.db, request.params.slugOrId, request.body);
      return reply.code(202).send({
        received: true as const,
        message: 'Votre demande a bien été envoyée. Nous vous répondrons dans les meilleurs délais.',
      });
    },
  );
}
