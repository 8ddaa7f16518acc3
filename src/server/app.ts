import { existsSync } from 'node:fs';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { resolveSession } from '../kernel/auth/sessions.ts';
import { createMailWorker } from '../kernel/mail/worker.ts';
import { ledgerRoutes } from '../ledger/index.ts';
import { personnelRoutes } from '../personnel/index.ts';
import { productionRoutes } from '../production/index.ts';
import { PUBLIC_REQUEST_ROUTES, relationsRoutes } from '../relations/index.ts';
import { PUBLIC_TUTOR_ROUTES, trainingRoutes } from '../training/index.ts';
import { requireSession } from './guard.ts';
import { problem, sendProblem, toProblem } from './problem.ts';
import { authRoutes, SESSION_COOKIE } from './routes/auth.ts';
import { documentRoutes } from './routes/documents.ts';
import { healthRoutes } from './routes/health.ts';
import { mailRoutes } from './routes/mail.ts';
import { memberRoutes } from './routes/members.ts';
import { organisationRoutes } from './routes/organisations.ts';
import { partyRoutes } from './routes/parties.ts';
import type { App, AppOptions, RouteInfo } from './types.ts';

// Validation messages in French, for every schema of the process.
z.config(z.locales.fr());

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export async function buildApp(options: AppOptions): Promise<App> {
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: false,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine injects its CSS variables at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  // preHandler: the key includes the e-mail, so the body must be parsed first.
  await app.register(fastifyRateLimit, { global: false, hook: 'preHandler' });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Agora API',
        version: '1',
        description: 'PGI des petites organisations. Erreurs au format application/problem+json (RFC 9457).',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
      security: [{ session: [], csrf: [] }],
    },
    transform: jsonSchemaTransform,
  });

  const routeTable: RouteInfo[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD')
        routeTable.push({ method, url: route.url, permission: route.config?.permission });
    }
  });

  app.decorateRequest('session', null);
  app.decorateRequest('scope', null);

  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    // Routing ran before this hook: an organisation route's id is known, and the caller's role there is
    // read with the session (the guard then needs no query of its own).
    const orgId = (request.params as { orgId?: unknown } | undefined)?.orgId;
    request.session = token
      ? await resolveSession(
          options.store.db,
          token,
          new Date(),
          typeof orgId === 'string' ? orgId : undefined,
        )
      : null;
    // Double submit: a cross-site form cannot read the token that /me and /login hand to the page.
    // The public form writes nothing for the session: a signed-in member may use it like anyone.
    const exempt = request.url.startsWith('/api/v1/auth/login') || request.url.startsWith('/api/v1/public/');
    if (request.session && UNSAFE.has(request.method) && !exempt) {
      if (request.headers['x-csrf-token'] !== request.session.csrfToken)
        return sendProblem(reply, problem('csrf', 403, 'Rechargez la page puis recommencez.'));
    }
  });

  // Everything under /api needs a session except these; checked before validation, so an anonymous
  // caller learns nothing from validation messages either.
  const publicRoutes = new Set([
    'GET /api/health',
    'GET /api/openapi.json',
    'POST /api/v1/auth/login',
    'POST /api/v1/auth/logout',
    ...PUBLIC_REQUEST_ROUTES,
    ...PUBLIC_TUTOR_ROUTES,
    'POST /api/v1/auth/join',
  ]);
  app.addHook('preValidation', async (request) => {
    const route = `${request.method} ${request.routeOptions.url}`;
    if (request.routeOptions.url?.startsWith('/api/') && !publicRoutes.has(route)) requireSession(request);
  });

  app.setErrorHandler((error, request, reply) => {
    try {
      return sendProblem(reply, toProblem(error, request));
    } catch (failure) {
      request.log.error({ err: failure }, 'error handler failed');
      return sendProblem(reply, problem('internal', 500, 'Une erreur inattendue est survenue.'));
    }
  });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  healthRoutes(app, options);
  authRoutes(app, options);
  organisationRoutes(app, options);
  memberRoutes(app, options);
  partyRoutes(app, options);
  documentRoutes(app, options);
  mailRoutes(app, options);
  ledgerRoutes(app, options);
  relationsRoutes(app, options);
  productionRoutes(app, options);
  personnelRoutes(app, options);
  trainingRoutes(app, options);

  if (options.mailWorker) {
    if (!options.secretKey) throw new Error('The outbox worker needs the server secret key.');
    const worker = createMailWorker({
      db: options.store.db,
      documentsDir: options.documentsDir,
      key: options.secretKey,
      onError: (error) => app.log.error({ err: error }, 'outbox worker'),
    });
    app.addHook('onReady', async () => worker.start());
    app.addHook('onClose', async () => worker.stop());
  }

  const webDir = options.webDir;
  if (webDir && existsSync(webDir)) {
    await app.register(fastifyStatic, { root: webDir, wildcard: true });
  }
  app.setNotFoundHandler((request, reply) => {
    const isPage =
      request.method === 'GET' && !request.url.startsWith('/api/') && !request.url.startsWith('/assets/');
    if (isPage && webDir && existsSync(webDir)) return reply.type('text/html').sendFile('index.html');
    return sendProblem(reply, problem('not-found', 404, 'Cette adresse ne correspond à aucune ressource.'));
  });

  return app;
}
