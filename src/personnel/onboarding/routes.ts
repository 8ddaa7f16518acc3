import { z } from 'zod';
import type { Db } from '../../kernel/db/index.ts';
import { type App, type Deps, orgRoute, scopeOf } from '../http.ts';
import {
  generateChecklist,
  getTemplate,
  listChecklistItems,
  saveTemplate,
  updateChecklistItem,
} from './checklist.ts';
import { checklistQuery, generateInput, itemUpdateInput, templateInput, templateQuery } from './contract.ts';

const params = z.object({ orgId: z.string().max(64) });
const employeeParams = params.extend({ employeeId: z.string().max(64) });
const itemParams = params.extend({ itemId: z.string().max(64) });
const tags = ['personnel'];
const base = '/api/v1/orgs/:orgId';

export function checklistRoutes(app: App, { store }: Deps) {
  const read = orgRoute(store, 'personnel.read');
  const write = orgRoute(store, 'personnel.write');
  const tx = <T>(fn: (trx: Db) => Promise<T>) => store.db.transaction().execute(fn);

  app.get(
    `${base}/checklist-template`,
    {
      ...read,
      schema: {
        tags,
        summary: 'Modèle de liste d’intégration ou de départ',
        params,
        querystring: templateQuery,
      },
    },
    async (request) => getTemplate(store.db, scopeOf(request).orgId, request.query.kind),
  );

  app.put(
    `${base}/checklist-template`,
    { ...write, schema: { tags, summary: 'Enregistrer le modèle de liste', params, body: templateInput } },
    async (request) => {
      const scope = scopeOf(request);
      return tx((trx) => saveTemplate(trx, scope.orgId, request.body, scope.userId));
    },
  );

  app.get(
    `${base}/checklists`,
    {
      ...read,
      schema: {
        tags,
        summary: 'Tâches d’intégration et de départ (échéances, retards)',
        params,
        querystring: checklistQuery,
      },
    },
    async (request) => listChecklistItems(store.db, scopeOf(request).orgId, request.query),
  );

  app.post(
    `${base}/employees/:employeeId/checklists`,
    {
      ...write,
      schema: {
        tags,
        summary: 'Créer la liste d’un salarié depuis le modèle',
        params: employeeParams,
        body: generateInput,
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const body = await tx((trx) =>
        generateChecklist(trx, scope.orgId, request.params.employeeId, request.body.kind, scope.userId),
      );
      return reply.code(201).send(body);
    },
  );

  app.post(
    `${base}/checklist-items/:itemId`,
    {
      ...write,
      schema: {
        tags,
        summary: 'Cocher, écarter ou rouvrir une tâche',
        params: itemParams,
        body: itemUpdateInput,
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return tx((trx) =>
        updateChecklistItem(trx, scope.orgId, request.params.itemId, request.body, scope.userId),
      );
    },
  );
}
