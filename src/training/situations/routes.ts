import { z } from 'zod';
import { type App, type Deps, orgRoute, scopeOf } from '../http.ts';
import { classResultsDto, mySituationDto, situationDto, situationInput } from './contract.ts';
import { deleteSituation, duplicateSituation } from './duplicate-delete.ts';
import {
  checkMyResults,
  classResults,
  mySituation,
  mySituations,
  refreshClassResults,
  situationAttachment,
} from './results.ts';
import { createSituation, getSituation, listSituations, updateSituation } from './situation.ts';

const params = z.object({ orgId: z.string().max(64) });
const classParams = z.object({ orgId: z.string().max(64), classId: z.string().max(64) });
const situationParams = z.object({ orgId: z.string().max(64), situationId: z.string().max(64) });
const attachmentParams = situationParams.extend({ documentId: z.string().max(64) });
const tags = ['formation'];

export function situationRoutes(app: App, { store, documentsDir }: Deps) {
  app.get(
    '/api/v1/orgs/:orgId/training/classes/:classId/situations',
    {
      ...orgRoute(store, 'training.read'),
      schema: {
        tags,
        summary: 'Situations professionnelles de la classe (publiées seulement pour un élève)',
        params: classParams,
        response: { 200: z.object({ items: z.array(situationDto) }) },
      },
    },
    async (request) => ({
      items: await listSituations(store.db, scopeOf(request), request.params.classId),
    }),
  );

  app.post(
    '/api/v1/orgs/:orgId/training/classes/:classId/situations',
    {
      ...orgRoute(store, 'training.manage'),
      schema: {
        tags,
        summary: 'Créer une situation professionnelle : énoncé, pièces jointes, compétences, vérifications',
        params: classParams,
        body: situationInput,
        response: { 201: situationDto },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const created = await store.db
        .transaction()
        .execute((trx) => createSituation(trx, scope, request.params.classId, request.body));
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/training/situations/:situationId',
    {
      ...orgRoute(store, 'training.read'),
      schema: {
        tags,
        summary: 'Une situation professionnelle',
        params: situationParams,
        response: { 200: situationDto },
      },
    },
    async (request) => getSituation(store.db, scopeOf(request), request.params.situationId),
  );

  app.put(
    '/api/v1/orgs/:orgId/training/situations/:situationId',
    {
      ...orgRoute(store, 'training.manage'),
      schema: {
        tags,
        summary: 'Modifier une situation (une vérification modifiée perd ses résultats)',
        params: situationParams,
        body: situationInput,
        response: { 200: situationDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return store.db
        .transaction()
        .execute((trx) => updateSituation(trx, scope, request.params.situationId, request.body));
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/training/situations/:situationId/duplicate',
    {
      ...orgRoute(store, 'training.manage'),
      schema: {
        tags,
        summary:
          'Dupliquer une situation : un brouillon « (copie) » avec ses vérifications et pièces jointes',
        params: situationParams,
        response: { 201: situationDto },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const copy = await store.db
        .transaction()
        .execute((trx) => duplicateSituation(trx, scope, request.params.situationId));
      return reply.code(201).send(copy);
    },
  );

  app.delete(
    '/api/v1/orgs/:orgId/training/situations/:situationId',
    {
      ...orgRoute(store, 'training.manage'),
      schema: {
        tags,
        summary: 'Supprimer un brouillon sans résultat d’élève (409 sinon)',
        params: situationParams,
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      await store.db.transaction().execute((trx) => deleteSituation(trx, scope, request.params.situationId));
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/training/situations/:situationId/results',
    {
      ...orgRoute(store, 'training.manage'),
      schema: {
        tags,
        summary: 'Résultats de la classe (élèves × vérifications), tels que dernièrement évalués',
        params: situationParams,
        response: { 200: classResultsDto },
      },
    },
    async (request) => classResults(store.db, scopeOf(request), request.params.situationId),
  );

  app.post(
    '/api/v1/orgs/:orgId/training/situations/:situationId/results/refresh',
    {
      ...orgRoute(store, 'training.manage'),
      schema: {
        tags,
        summary: 'Actualiser la classe : évaluer les vérifications dans le bac à sable de chaque élève',
        params: situationParams,
        response: { 200: classResultsDto },
      },
    },
    async (request) => refreshClassResults(store.db, scopeOf(request), request.params.situationId),
  );

  app.get(
    '/api/v1/orgs/:orgId/training/my/situations',
    {
      ...orgRoute(store, 'training.read'),
      schema: {
        tags,
        summary: 'Mes situations professionnelles publiées, avec mes derniers résultats',
        params,
        response: { 200: z.object({ items: z.array(mySituationDto) }) },
      },
    },
    async (request) => ({ items: await mySituations(store.db, scopeOf(request)) }),
  );

  app.get(
    '/api/v1/orgs/:orgId/training/my/situations/:situationId',
    {
      ...orgRoute(store, 'training.read'),
      schema: {
        tags,
        summary: 'Une de mes situations, avec mes derniers résultats',
        params: situationParams,
        response: { 200: mySituationDto },
      },
    },
    async (request) => mySituation(store.db, scopeOf(request), request.params.situationId),
  );

  app.post(
    '/api/v1/orgs/:orgId/training/my/situations/:situationId/check',
    {
      ...orgRoute(store, 'training.read'),
      schema: {
        tags,
        summary: 'Vérifier mes résultats : évaluer les vérifications dans mon bac à sable',
        params: situationParams,
        response: { 200: mySituationDto },
      },
    },
    async (request) => checkMyResults(store.db, scopeOf(request), request.params.situationId),
  );

  app.get(
    '/api/v1/orgs/:orgId/training/situations/:situationId/attachments/:documentId',
    {
      ...orgRoute(store, 'training.read'),
      schema: { tags, summary: 'Télécharger une pièce jointe de la situation', params: attachmentParams },
    },
    async (request, reply) => {
      const { situationId, documentId } = request.params;
      const document = await situationAttachment(
        store.db,
        documentsDir,
        scopeOf(request),
        situationId,
        documentId,
      );
      return reply
        .type(document.mediaType)
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(document.fileName)}`,
        )
        .header('x-content-type-options', 'nosniff')
        .send(document.bytes);
    },
  );
}
