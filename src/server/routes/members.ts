import { z } from 'zod';
import { revokeUserSessions } from '../../kernel/auth/sessions.ts';
import { invalid, notFound } from '../../kernel/errors/domain-error.ts';
import { ROLES, type Role } from '../../kernel/roles/permissions.ts';
import {
  createUser,
  findUserByEmail,
  listMembers,
  removeMembership,
  setMembership,
} from '../../kernel/users/users.ts';
import { text } from '../../kernel/validation/text.ts';
import { orgRoute, scopeOf } from '../guard.ts';
import type { App, Deps } from '../types.ts';

const roleEnum = z.enum(ROLES as [Role, ...Role[]], 'Rôle inconnu.');
const memberDto = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleEnum,
  since: z.string(),
});
const params = z.object({ orgId: z.string().max(64) });
const memberParams = z.object({ orgId: z.string().max(64), userId: z.string().max(64) });

export function memberRoutes(app: App, { store }: Deps) {
  app.get(
    '/api/v1/orgs/:orgId/members',
    {
      ...orgRoute(store, 'users.read'),
      schema: {
        tags: ['utilisateurs'],
        summary: 'Utilisateurs et rôles',
        params,
        response: { 200: z.array(memberDto) },
      },
    },
    async (request) => (await listMembers(store.db, scopeOf(request).orgId)).map(({ locale: _, ...m }) => m),
  );

  app.post(
    '/api/v1/orgs/:orgId/members',
    {
      ...orgRoute(store, 'users.manage'),
      schema: {
        tags: ['utilisateurs'],
        summary: 'Donner accès à un utilisateur (le crée s’il n’existe pas)',
        params,
        body: z.object({
          email: text().email('Adresse e-mail invalide.').max(320),
          name: text().min(1, 'Le nom est obligatoire.').max(200),
          role: roleEnum,
          password: z.string().max(200).optional(),
        }),
        response: { 201: memberDto },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const member = await store.db.transaction().execute(async (trx) => {
        const existing = await findUserByEmail(trx, request.body.email);
        const user =
          existing ??
          (await createUser(trx, {
            email: request.body.email,
            name: request.body.name,
            password: request.body.password ?? '',
          }));
        await setMembership(trx, {
          orgId: scope.orgId,
          userId: user.id,
          role: request.body.role,
          actorId: scope.userId,
        });
        return (await listMembers(trx, scope.orgId)).find((m) => m.id === user.id)!;
      });
      const { locale: _, ...dto } = member;
      return reply.code(201).send(dto);
    },
  );

  app.put(
    '/api/v1/orgs/:orgId/members/:userId',
    {
      ...orgRoute(store, 'users.manage'),
      schema: {
        tags: ['utilisateurs'],
        summary: 'Changer le rôle d’un utilisateur',
        params: memberParams,
        body: z.object({ role: roleEnum }),
        response: { 200: memberDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return store.db.transaction().execute(async (trx) => {
        const members = await listMembers(trx, scope.orgId);
        const target = members.find((m) => m.id === request.params.userId);
        if (!target) throw notFound('Membre');
        if (
          target.role === 'owner' &&
          request.body.role !== 'owner' &&
          members.filter((m) => m.role === 'owner').length === 1
        )
          throw invalid('Une organisation doit garder au moins un responsable.');
        await setMembership(trx, {
          orgId: scope.orgId,
          userId: target.id,
          role: request.body.role,
          actorId: scope.userId,
        });
        const { locale: _, ...dto } = { ...target, role: request.body.role };
        return dto;
      });
    },
  );

  app.delete(
    '/api/v1/orgs/:orgId/members/:userId',
    {
      ...orgRoute(store, 'users.manage'),
      schema: { tags: ['utilisateurs'], summary: 'Retirer l’accès d’un utilisateur', params: memberParams },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      await store.db.transaction().execute(async (trx) => {
        await removeMembership(trx, {
          orgId: scope.orgId,
          userId: request.params.userId,
          actorId: scope.userId,
        });
        // A user with no organisation left has nothing to do logged in.
        const remaining = await trx
          .selectFrom('membership')
          .select('org_id')
          .where('user_id', '=', request.params.userId)
          .executeTakeFirst();
        if (!remaining) await revokeUserSessions(trx, request.params.userId);
      });
      return reply.code(204).send();
    },
  );
}
