import { z } from 'zod';
import { verifyAuditChain } from '../../kernel/audit/audit.ts';
import { copyOrganisation } from '../../kernel/copy/copy-organisation.ts';
import { organisationDto, organisationInput } from '../../kernel/organisations/contract.ts';
import {
  createOrganisation,
  getOrganisation,
  updateOrganisation,
} from '../../kernel/organisations/organisation.ts';
import { text } from '../../kernel/validation/text.ts';
import { ensureLedger } from '../../ledger/index.ts';
import { orgRoute, requireSession, scopeOf } from '../guard.ts';
import type { App, Deps } from '../types.ts';

const orgParams = z.object({ orgId: z.string().max(64) });

export function organisationRoutes(app: App, { store }: Deps) {
  app.post(
    '/api/v1/orgs',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Créer une organisation (vous en devenez responsable)',
        body: organisationInput,
        response: { 201: organisationDto },
      },
    },
    async (request, reply) => {
      const session = requireSession(request);
      const org = await store.db.transaction().execute(async (trx) => {
        const created = await createOrganisation(trx, request.body, session.userId);
        await ensureLedger(trx, created.id, session.userId);
        return created;
      });
      return reply.code(201).send(org);
    },
  );

  app.get(
    '/api/v1/orgs/:orgId',
    {
      ...orgRoute(store, 'org.read'),
      schema: {
        tags: ['organisations'],
        summary: 'Fiche de l’organisation',
        params: orgParams,
        response: { 200: organisationDto },
      },
    },
    async (request) => getOrganisation(store.db, scopeOf(request).orgId),
  );

  app.put(
    '/api/v1/orgs/:orgId',
    {
      ...orgRoute(store, 'org.manage'),
      schema: {
        tags: ['organisations'],
        summary: 'Modifier les paramètres de l’organisation',
        params: orgParams,
        body: organisationInput,
        response: { 200: organisationDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return store.db
        .transaction()
        .execute((trx) => updateOrganisation(trx, scope.orgId, request.body, scope.userId));
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/copy',
    {
      ...orgRoute(store, 'org.manage'),
      schema: {
        tags: ['organisations'],
        summary: 'Copier l’organisation entière (modèle, bac à sable)',
        params: orgParams,
        body: z.object({ name: text().min(1, 'Le nom est obligatoire.').max(200) }),
        response: { 201: organisationDto },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const copy = await store.db.transaction().execute(async (trx) => {
        const { orgId } = await copyOrganisation(trx, store.dialect, {
          sourceOrgId: scope.orgId,
          name: request.body.name,
          actorId: scope.userId,
        });
        // Whoever copies keeps full rights on the copy, whatever the memberships copied with it.
        await trx
          .insertInto('membership')
          .values({
            org_id: orgId,
            user_id: scope.userId,
            role: 'owner',
            created_at: new Date().toISOString(),
          })
          .onConflict((oc) => oc.columns(['org_id', 'user_id']).doUpdateSet({ role: 'owner' }))
          .execute();
        return getOrganisation(trx, orgId);
      });
      return reply.code(201).send(copy);
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/audit',
    {
      ...orgRoute(store, 'audit.read'),
      schema: {
        tags: ['organisations'],
        summary: 'Journal d’audit (du plus récent au plus ancien)',
        params: orgParams,
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(500).default(100),
          before: z.coerce.number().int().min(1).optional(),
        }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                seq: z.number(),
                at: z.string(),
                actorId: z.string().nullable(),
                action: z.string(),
                entity: z.string(),
                entityId: z.string(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      let query = store.db
        .selectFrom('audit_event')
        .select(['seq', 'at', 'actor_id', 'action', 'entity', 'entity_id'])
        .where('org_id', '=', scope.orgId);
      if (request.query.before) query = query.where('seq', '<', request.query.before);
      const rows = await query.orderBy('seq', 'desc').limit(request.query.limit).execute();
      return {
        items: rows.map((r) => ({
          seq: Number(r.seq),
          at: r.at,
          actorId: r.actor_id,
          action: r.action,
          entity: r.entity,
          entityId: r.entity_id,
        })),
      };
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/audit/verify',
    {
      ...orgRoute(store, 'audit.read'),
      schema: {
        tags: ['organisations'],
        summary: 'Vérifier le chaînage du journal d’audit',
        params: orgParams,
        response: { 200: z.object({ events: z.number(), ok: z.boolean(), problems: z.array(z.string()) }) },
      },
    },
    async (request) => {
      const { events, ok, problems } = await verifyAuditChain(store.db, scopeOf(request).orgId);
      return { events, ok, problems };
    },
  );
}
