import { z } from 'zod';
import { type App, type Deps, orgRoute, scopeOf } from '../../http.ts';
import {
  createdTutorLinkDto,
  publicTutorAssessmentDto,
  tutorLinkDto,
  tutorLinkInput,
  tutorSubmissionAck,
  tutorSubmissionInput,
} from '../contract.ts';
import { createTutorLink, currentTutorLink, revokeTutorLink } from './links.ts';
import { publicTutorAssessment, submitTutorAssessment } from './public.ts';

const id = z.string().max(64);
const agreementParams = z.object({ orgId: id, agreementId: id });
// Any string up to a bound: a malformed token answers the same 404 as an unknown one, not a 400.
const tokenParams = z.object({ token: z.string().max(200) });
const tags = ['formation'];
const base = '/api/v1/orgs/:orgId/training/pfmp/agreements/:agreementId/tutor-link';
const publicBase = '/api/v1/public/pfmp/tutor-assessments/:token';

/** The tutor's page routes: no session (see app.ts publicRoutes), limited per address. */
export const PUBLIC_TUTOR_ROUTES = [`GET ${publicBase}`, `POST ${publicBase}`] as const;

/**
 * The web's origin for the e-mailed link (decision 0031): the browser's Origin header (sent with every
 * POST, and right behind a proxy), else this server's own scheme and host.
 */
function appOriginOf(request: { headers: { origin?: string }; protocol: string; host: string }): string {
  const header = request.headers.origin;
  if (header) {
    try {
      const url = new URL(header);
      if ((url.protocol === 'https:' || url.protocol === 'http:') && url.origin === header) return header;
    } catch {
      // not an origin: fall back to the server's own address
    }
  }
  return `${request.protocol}://${request.host}`;
}

export function pfmpTutorRoutes(app: App, deps: Deps) {
  const { store } = deps;
  const write = <T>(fn: (trx: typeof store.db) => Promise<T>) => store.db.transaction().execute(fn);
  const limit = deps.publicTutorRateLimit;
  // Counted before validation (onRequest), so a flood of malformed requests is limited too.
  const rateLimit = (kind: string, max: number) => ({
    max: limit?.max ?? max,
    timeWindow: limit?.timeWindowMs ?? 10 * 60_000,
    hook: 'onRequest' as const,
    keyGenerator: (request: { ip: string }) => `pfmp-tutor-${kind}|${request.ip}`,
  });

  app.get(
    base,
    {
      ...orgRoute(store, 'training.manage'),
      schema: {
        tags,
        summary:
          'Le dernier lien d’évaluation du tuteur d’une convention et son état (sans le lien lui-même)',
        params: agreementParams,
        response: { 200: z.object({ link: tutorLinkDto.nullable() }) },
      },
    },
    async (request) => ({
      link: await currentTutorLink(store.db, scopeOf(request), request.params.agreementId),
    }),
  );

  app.post(
    base,
    {
      ...orgRoute(store, 'training.manage'),
      schema: {
        tags,
        summary:
          'Créer un lien d’évaluation pour le tuteur (30 jours par défaut, 90 au plus) ; le précédent est révoqué. Le lien n’est montré qu’une fois.',
        params: agreementParams,
        body: tutorLinkInput,
        response: { 201: createdTutorLinkDto },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const origin = appOriginOf(request);
      return reply
        .code(201)
        .send(
          await write((trx) =>
            createTutorLink(trx, scope, request.params.agreementId, request.body, new Date(), origin),
          ),
        );
    },
  );

  app.delete(
    base,
    {
      ...orgRoute(store, 'training.manage'),
      schema: {
        tags,
        summary: 'Révoquer le lien d’évaluation actif du tuteur',
        params: agreementParams,
        response: { 200: tutorLinkDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return write((trx) => revokeTutorLink(trx, scope, request.params.agreementId));
    },
  );

  app.get(
    publicBase,
    {
      schema: {
        tags,
        summary: 'Page d’évaluation du tuteur (sans connexion, par son lien ; limitée par adresse IP)',
        params: tokenParams,
        response: { 200: publicTutorAssessmentDto },
        security: [],
      },
      config: { rateLimit: rateLimit('read', 60) },
    },
    async (request) => publicTutorAssessment(store.db, request.params.token),
  );

  app.post(
    publicBase,
    {
      schema: {
        tags,
        summary: 'Le tuteur envoie son évaluation (une seule fois par lien ; limitée par adresse IP)',
        params: tokenParams,
        body: tutorSubmissionInput,
        response: { 201: tutorSubmissionAck },
        security: [],
      },
      config: { rateLimit: rateLimit('submit', 10) },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await write((trx) => submitTutorAssessment(trx, request.params.token, request.body))),
  );
}
