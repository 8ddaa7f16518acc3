import { z } from 'zod';
import { type App, createOnce, type Deps, orgRoute, scopeOf } from '../http.ts';
import { quoteInput, salesDocumentDto } from '../sales/contract.ts';
import {
  addTargets,
  createCampaign,
  getCampaign,
  listCampaigns,
  removeTarget,
  updateCampaign,
} from './campaign.ts';
import { campaignLettersPdf, sendCampaignMailing } from './campaign-letters.ts';
import {
  actionInput,
  campaignDto,
  campaignInput,
  campaignPage,
  mailingInput,
  mailingResult,
  targetFilterInput,
  targetsAdded,
} from './contract.ts';
import { convertTarget, quoteForTarget, recordAction } from './prospect-actions.ts';

const params = z.object({ orgId: z.string().max(64) });
const campaignParams = params.extend({ campaignId: z.string().max(64) });
const targetParams = campaignParams.extend({ partyId: z.string().max(64) });
const listQuery = z.object({
  limit: z.coerce.number().int('Nombre entier attendu.').min(1).max(500).default(50),
  offset: z.coerce.number().int('Nombre entier attendu.').min(0).default(0),
});
const tags = ['prospection'];

export function campaignRoutes(app: App, { store, documentsDir }: Deps) {
  const write = <T>(work: (trx: typeof store.db) => Promise<T>) => store.db.transaction().execute(work);

  app.get(
    '/api/v1/orgs/:orgId/campaigns',
    {
      ...orgRoute(store, 'prospecting.read'),
      schema: {
        tags,
        summary: 'Campagnes de prospection',
        params,
        querystring: listQuery,
        response: { 200: campaignPage },
      },
    },
    async (request) => listCampaigns(store.db, scopeOf(request).orgId, request.query),
  );

  app.post(
    '/api/v1/orgs/:orgId/campaigns',
    {
      ...orgRoute(store, 'prospecting.write'),
      schema: {
        tags,
        summary: 'Créer une campagne (accepte Idempotency-Key)',
        params,
        body: campaignInput,
        response: { 201: campaignDto },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const { status, body } = await createOnce(store, request, scope, (trx) =>
        createCampaign(trx, scope.orgId, request.body, scope.userId),
      );
      return reply.code(status as 201).send(body);
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/campaigns/:campaignId',
    {
      ...orgRoute(store, 'prospecting.read'),
      schema: {
        tags,
        summary: 'Une campagne, ses cibles, actions et résultats',
        params: campaignParams,
        response: { 200: campaignDto },
      },
    },
    async (request) => getCampaign(store.db, scopeOf(request).orgId, request.params.campaignId),
  );

  app.put(
    '/api/v1/orgs/:orgId/campaigns/:campaignId',
    {
      ...orgRoute(store, 'prospecting.write'),
      schema: {
        tags,
        summary: 'Modifier une campagne et sa lettre type',
        params: campaignParams,
        body: campaignInput,
        response: { 200: campaignDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return write((trx) =>
        updateCampaign(trx, scope.orgId, request.params.campaignId, request.body, scope.userId),
      );
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/campaigns/:campaignId/targets',
    {
      ...orgRoute(store, 'prospecting.write'),
      schema: {
        tags,
        summary: 'Ajouter des cibles filtrées parmi les tiers (rôles, ville, code postal, nom)',
        params: campaignParams,
        body: targetFilterInput,
        response: { 200: targetsAdded },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return write((trx) =>
        addTargets(trx, scope.orgId, request.params.campaignId, request.body, scope.userId),
      );
    },
  );

  app.delete(
    '/api/v1/orgs/:orgId/campaigns/:campaignId/targets/:partyId',
    {
      ...orgRoute(store, 'prospecting.write'),
      schema: {
        tags,
        summary: 'Retirer une cible (et ses actions)',
        params: targetParams,
        response: { 200: campaignDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const { campaignId, partyId } = request.params;
      return write((trx) => removeTarget(trx, scope.orgId, campaignId, partyId, scope.userId));
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/campaigns/:campaignId/targets/:partyId/actions',
    {
      ...orgRoute(store, 'prospecting.write'),
      schema: {
        tags,
        summary: 'Noter une action (appel, courrier, visite, e-mail) et son résultat',
        params: targetParams,
        body: actionInput,
        response: { 200: campaignDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const { campaignId, partyId } = request.params;
      return write((trx) => recordAction(trx, scope.orgId, campaignId, partyId, request.body, scope.userId));
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/campaigns/:campaignId/targets/:partyId/convert',
    {
      ...orgRoute(store, 'prospecting.write'),
      schema: {
        tags,
        summary: 'Transformer la cible en client',
        params: targetParams,
        response: { 200: campaignDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const { campaignId, partyId } = request.params;
      return write((trx) => convertTarget(trx, scope.orgId, campaignId, partyId, scope.userId));
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/campaigns/:campaignId/targets/:partyId/quote',
    {
      ...orgRoute(store, 'prospecting.write'),
      schema: {
        tags,
        summary:
          'Établir un devis pour la cible : brouillon de devis au nom du tiers, lié à la cible de la campagne (accepte Idempotency-Key)',
        params: targetParams,
        body: quoteInput.omit({ partyId: true }),
        response: { 201: z.object({ quote: salesDocumentDto, campaign: campaignDto }) },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const { campaignId, partyId } = request.params;
      const { status, body } = await createOnce(store, request, scope, (trx) =>
        quoteForTarget(trx, scope.orgId, campaignId, partyId, request.body, scope.userId),
      );
      return reply.code(status as 201).send(body);
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/campaigns/:campaignId/letters',
    {
      ...orgRoute(store, 'prospecting.read'),
      schema: {
        tags,
        summary: 'Publipostage : la lettre type fusionnée pour chaque cible (un PDF)',
        params: campaignParams,
      },
    },
    async (request, reply) => {
      const pdf = await campaignLettersPdf(store.db, scopeOf(request).orgId, request.params.campaignId);
      return reply
        .type('application/pdf')
        .header('content-disposition', 'attachment; filename="publipostage.pdf"')
        .send(Buffer.from(pdf));
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/campaigns/:campaignId/mailing',
    {
      ...orgRoute(store, 'prospecting.write'),
      schema: {
        tags,
        summary: 'Publipostage par e-mail via la boîte d’envoi (lettre en PDF jointe si demandé)',
        params: campaignParams,
        body: mailingInput,
        response: { 200: mailingResult },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return sendCampaignMailing(
        store.db,
        documentsDir,
        scope.orgId,
        request.params.campaignId,
        request.body,
        scope.userId,
      );
    },
  );
}
