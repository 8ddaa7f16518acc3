import { z } from 'zod';
import { DEMO_SCENARIOS } from '../../demo/scenarios.ts';
import { type App, type Deps, orgRoute, scopeOf } from '../http.ts';
import {
  getHandout,
  listClassSandboxes,
  myTraining,
  resetSandbox,
  runHandout,
  setSandboxDate,
  startHandout,
} from '../sandboxes/sandbox.ts';
import {
  handoutDto,
  handoutInput,
  myTrainingDto,
  sandboxDateInput,
  sandboxDto,
  scenarioDto,
  scenarioInput,
} from './contract.ts';
import { createScenario, listScenarios } from './scenario.ts';

const params = z.object({ orgId: z.string().max(64) });
const classParams = z.object({ orgId: z.string().max(64), classId: z.string().max(64) });
const handoutParams = z.object({ orgId: z.string().max(64), handoutId: z.string().max(64) });
const sandboxParams = z.object({ orgId: z.string().max(64), sandboxId: z.string().max(64) });
const tags = ['formation'];

export function scenarioRoutes(app: App, { store }: Deps) {
  app.get(
    '/api/v1/orgs/:orgId/training/scenarios',
    {
      ...orgRoute(store, 'training.manage'),
      schema: {
        tags,
        summary: 'Scénarios (organisations simulées) de l’établissement',
        params,
        response: { 200: z.object({ items: z.array(scenarioDto) }) },
      },
    },
    async (request) => ({ items: await listScenarios(store.db, scopeOf(request)) }),
  );

  app.post(
    '/api/v1/orgs/:orgId/training/scenarios',
    {
      ...orgRoute(store, 'training.manage'),
      schema: {
        tags,
        summary: 'Créer un scénario : organisation vierge ou copie d’une démo livrée (négoce, association)',
        params,
        body: scenarioInput,
        response: { 201: scenarioDto },
      },
    },
    async (request, reply) => {
      const created = await createScenario(store, scopeOf(request), request.body, DEMO_SCENARIOS);
      return reply.code(201).send(created);
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/training/classes/:classId/handouts',
    {
      ...orgRoute(store, 'training.manage'),
      schema: {
        tags,
        summary: 'Distribuer un scénario à la classe : un bac à sable par élève (suivre la progression)',
        params: classParams,
        body: handoutInput,
        response: { 202: handoutDto },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const handout = await startHandout(store.db, scope, request.params.classId, request.body.scenarioId);
      // The copies run after the answer; the job row tells the web how far they are.
      runHandout(store, scope.orgId, handout.id, scope.userId).catch((error) =>
        request.log.error({ err: error }, 'handout failed'),
      );
      return reply.code(202).send(handout);
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/training/handouts/:handoutId',
    {
      ...orgRoute(store, 'training.manage'),
      schema: {
        tags,
        summary: 'Progression d’une distribution',
        params: handoutParams,
        response: { 200: handoutDto },
      },
    },
    async (request) => getHandout(store.db, scopeOf(request), request.params.handoutId),
  );

  app.get(
    '/api/v1/orgs/:orgId/training/classes/:classId/sandboxes',
    {
      ...orgRoute(store, 'training.manage'),
      schema: {
        tags,
        summary: 'Bacs à sable des élèves de la classe',
        params: classParams,
        response: { 200: z.object({ items: z.array(sandboxDto) }) },
      },
    },
    async (request) => ({
      items: await listClassSandboxes(store.db, scopeOf(request), request.params.classId),
    }),
  );

  app.get(
    '/api/v1/orgs/:orgId/training/my',
    {
      ...orgRoute(store, 'training.read'),
      schema: { tags, summary: 'Ma classe et mes bacs à sable', params, response: { 200: myTrainingDto } },
    },
    async (request) => myTraining(store.db, scopeOf(request)),
  );

  app.post(
    '/api/v1/orgs/:orgId/training/sandboxes/:sandboxId/reset',
    {
      ...orgRoute(store, 'training.read'),
      schema: {
        tags,
        summary: 'Remettre un bac à sable à son point de départ (même adresse)',
        params: sandboxParams,
        response: { 200: sandboxDto },
      },
    },
    async (request) => resetSandbox(store, scopeOf(request), request.params.sandboxId),
  );

  app.put(
    '/api/v1/orgs/:orgId/training/sandboxes/:sandboxId/date',
    {
      ...orgRoute(store, 'training.manage'),
      schema: {
        tags,
        summary: 'Changer la date simulée (« aujourd’hui ») d’un bac à sable',
        params: sandboxParams,
        body: sandboxDateInput,
        response: { 200: sandboxDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return store.db
        .transaction()
        .execute((trx) => setSandboxDate(trx, scope, request.params.sandboxId, request.body.simulatedToday));
    },
  );
}
