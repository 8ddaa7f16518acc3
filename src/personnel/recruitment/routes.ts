import { z } from 'zod';
import type { Db } from '../../kernel/db/index.ts';
import { employeeInput } from '../employees/contract.ts';
import { type App, createOnce, type Deps, orgRoute, scopeOf } from '../http.ts';
import { addApplicant, addInterview, hireApplicant, refuseApplicant, setApplicantStep } from './applicant.ts';
import {
  applicantInput,
  applicantStepInput,
  interviewInput,
  openingInput,
  refusalInput,
  retentionQuery,
} from './contract.ts';
import {
  closeOpening,
  createOpening,
  getOpening,
  listOpenings,
  publishOpening,
  updateOpening,
} from './opening.ts';
import { refusalLetterPdf } from './refusal-letter.ts';
import { purgeApplicants, retentionDue } from './retention.ts';

const params = z.object({ orgId: z.string().max(64) });
const openingParams = params.extend({ openingId: z.string().max(64) });
const applicantParams = params.extend({ applicantId: z.string().max(64) });
const tags = ['personnel'];
const openings = '/api/v1/orgs/:orgId/job-openings';
const applicants = '/api/v1/orgs/:orgId/applicants';

export function recruitmentRoutes(app: App, { store }: Deps) {
  const read = orgRoute(store, 'personnel.read');
  const write = orgRoute(store, 'personnel.write');
  const tx = <T>(fn: (trx: Db) => Promise<T>) => store.db.transaction().execute(fn);

  app.get(openings, { ...read, schema: { tags, summary: 'Offres d’emploi', params } }, async (request) =>
    listOpenings(store.db, scopeOf(request).orgId),
  );

  app.post(
    openings,
    {
      ...write,
      schema: { tags, summary: 'Créer une offre d’emploi (brouillon)', params, body: openingInput },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const { status, body } = await createOnce(store, request, scope, (trx) =>
        createOpening(trx, scope.orgId, request.body, scope.userId),
      );
      return reply.code(status as 201).send(body);
    },
  );

  app.get(
    `${openings}/:openingId`,
    {
      ...read,
      schema: { tags, summary: 'Une offre, ses candidatures et leurs entretiens', params: openingParams },
    },
    async (request) => getOpening(store.db, scopeOf(request).orgId, request.params.openingId),
  );

  app.put(
    `${openings}/:openingId`,
    { ...write, schema: { tags, summary: 'Modifier une offre', params: openingParams, body: openingInput } },
    async (request) => {
      const scope = scopeOf(request);
      return tx((trx) =>
        updateOpening(trx, scope.orgId, request.params.openingId, request.body, scope.userId),
      );
    },
  );

  app.post(
    `${openings}/:openingId/publish`,
    {
      ...write,
      schema: {
        tags,
        summary: 'Publier une offre (refusée si le texte mentionne un critère discriminatoire, L1132-1)',
        params: openingParams,
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return tx((trx) => publishOpening(trx, scope.orgId, request.params.openingId, scope.userId));
    },
  );

  app.post(
    `${openings}/:openingId/close`,
    { ...write, schema: { tags, summary: 'Clôturer une offre', params: openingParams } },
    async (request) => {
      const scope = scopeOf(request);
      return tx((trx) => closeOpening(trx, scope.orgId, request.params.openingId, scope.userId));
    },
  );

  app.post(
    `${openings}/:openingId/applicants`,
    {
      ...write,
      schema: { tags, summary: 'Enregistrer une candidature', params: openingParams, body: applicantInput },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const { status, body } = await createOnce(store, request, scope, (trx) =>
        addApplicant(trx, scope.orgId, request.params.openingId, request.body, scope.userId),
      );
      return reply.code(status as 201).send(body);
    },
  );

  app.get(
    `${applicants}/retention`,
    {
      ...read,
      schema: {
        tags,
        summary: 'Candidatures non retenues à supprimer (2 ans après le dernier contact, CNIL)',
        params,
        querystring: retentionQuery,
      },
    },
    async (request) => retentionDue(store.db, scopeOf(request).orgId, request.query.asOf ?? undefined),
  );

  app.post(
    `${applicants}/purge`,
    { ...write, schema: { tags, summary: 'Supprimer les candidatures arrivées à échéance', params } },
    async (request) => {
      const scope = scopeOf(request);
      return tx((trx) => purgeApplicants(trx, scope.orgId, scope.userId));
    },
  );

  app.post(
    `${applicants}/:applicantId/step`,
    {
      ...write,
      schema: {
        tags,
        summary: 'Faire avancer une candidature',
        params: applicantParams,
        body: applicantStepInput,
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return tx((trx) =>
        setApplicantStep(trx, scope.orgId, request.params.applicantId, request.body, scope.userId),
      );
    },
  );

  app.post(
    `${applicants}/:applicantId/interviews`,
    {
      ...write,
      schema: { tags, summary: 'Enregistrer un entretien', params: applicantParams, body: interviewInput },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const body = await tx((trx) =>
        addInterview(trx, scope.orgId, request.params.applicantId, request.body, scope.userId),
      );
      return reply.code(201).send(body);
    },
  );

  app.post(
    `${applicants}/:applicantId/refuse`,
    {
      ...write,
      schema: { tags, summary: 'Refuser une candidature', params: applicantParams, body: refusalInput },
    },
    async (request) => {
      const scope = scopeOf(request);
      return tx((trx) =>
        refuseApplicant(trx, scope.orgId, request.params.applicantId, request.body, scope.userId),
      );
    },
  );

  app.post(
    `${applicants}/:applicantId/hire`,
    {
      ...write,
      schema: {
        tags,
        summary: 'Embaucher : crée le salarié (registre du personnel, liste d’intégration), pourvoit l’offre',
        params: applicantParams,
        body: employeeInput,
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const { status, body } = await createOnce(store, request, scope, (trx) =>
        hireApplicant(trx, scope.orgId, request.params.applicantId, request.body, scope.userId),
      );
      return reply.code(status as 201).send(body);
    },
  );

  app.get(
    `${applicants}/:applicantId/refusal-letter`,
    { ...read, schema: { tags, summary: 'Lettre de refus (PDF)', params: applicantParams } },
    async (request, reply) => {
      const { pdf, fileName } = await refusalLetterPdf(
        store.db,
        scopeOf(request).orgId,
        request.params.applicantId,
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .send(Buffer.from(pdf));
    },
  );
}
