import { type App, type Deps, orgRoute, scopeOf } from '../http.ts';
import { listConsents, recordConsent } from './consents.ts';
import {
  consentInput,
  consentsDto,
  erasureCheckDto,
  erasureDto,
  erasureInput,
  exportQuery,
  privacyPartyParams,
} from './contract.ts';
import { eraseParty, erasureCheck } from './erasure.ts';
import { personalData, personalDataText } from './personal-data.ts';

const tags = ['RGPD'];

export function privacyRoutes(app: App, { store }: Deps) {
  app.get(
    '/api/v1/orgs/:orgId/parties/:partyId/consents',
    {
      ...orgRoute(store, 'parties.read'),
      schema: {
        tags,
        summary:
          'Consentements d’une personne (lettre d’information, prospection, photos…) et leur historique',
        params: privacyPartyParams,
        response: { 200: consentsDto },
      },
    },
    async (request) => listConsents(store.db, scopeOf(request).orgId, request.params.partyId),
  );

  app.post(
    '/api/v1/orgs/:orgId/parties/:partyId/consents',
    {
      ...orgRoute(store, 'parties.write'),
      schema: {
        tags,
        summary: 'Enregistrer un consentement donné ou retiré (date et origine)',
        params: privacyPartyParams,
        body: consentInput,
        response: { 200: consentsDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return store.db
        .transaction()
        .execute((trx) =>
          recordConsent(trx, scope.orgId, request.params.partyId, request.body, scope.userId),
        );
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/privacy/parties/:partyId/export',
    {
      ...orgRoute(store, 'privacy.manage'),
      schema: {
        tags,
        summary: 'Exporter les données d’une personne (RGPD art. 15 et 20) : json ou text',
        params: privacyPartyParams,
        querystring: exportQuery,
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const data = await personalData(store.db, scope.orgId, request.params.partyId);
      const text = request.query.format === 'text';
      return reply
        .type(text ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="donnees-personnelles-${data.person.id}.${text ? 'txt' : 'json'}"`,
        )
        .send(text ? personalDataText(data) : JSON.stringify(data, null, 2));
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/privacy/parties/:partyId/erasure',
    {
      ...orgRoute(store, 'privacy.manage'),
      schema: {
        tags,
        summary: 'Ce qui empêcherait l’effacement, et ce qui serait conservé',
        params: privacyPartyParams,
        response: { 200: erasureCheckDto },
      },
    },
    async (request) => erasureCheck(store.db, scopeOf(request).orgId, request.params.partyId),
  );

  app.post(
    '/api/v1/orgs/:orgId/privacy/parties/:partyId/erase',
    {
      ...orgRoute(store, 'privacy.manage'),
      schema: {
        tags,
        summary: 'Effacer (anonymiser) une personne, hors pièces comptables validées (conservées 10 ans)',
        params: privacyPartyParams,
        body: erasureInput,
        response: { 200: erasureDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return store.db
        .transaction()
        .execute((trx) => eraseParty(trx, scope.orgId, request.params.partyId, scope.userId));
    },
  );
}
