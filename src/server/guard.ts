import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Store } from '../kernel/db/index.ts';
import { DomainError, forbidden, notFound } from '../kernel/errors/domain-error.ts';
import { isCopiedOrganisation, membershipRole } from '../kernel/organisations/organisation.ts';
import { can, type Permission, STUDENT_IN_SCHOOL } from '../kernel/roles/permissions.ts';
import type { Scope } from './types.ts';

export function requireSession(request: FastifyRequest) {
  if (!request.session) throw new DomainError('unauthenticated', 'Connectez-vous pour continuer.');
  return request.session;
}

/**
 * The one permission check of every organisation route. A user who is not a member gets 404, exactly
 * as for an organisation that does not exist: nothing tells them it does.
 */
export function orgGuard(store: Store, permission: Permission) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const session = requireSession(request);
    const orgId = (request.params as { orgId?: string }).orgId;
    if (!orgId) throw notFound('Organisation');
    // Read with the session when the request came in (app.ts); the query remains for any other path.
    const role =
      session.membership?.orgId === orgId
        ? session.membership.role
        : await membershipRole(store.db, orgId, session.userId);
    if (!role) throw notFound('Organisation');
    if (!can(role, permission)) throw forbidden();
    if (
      role === 'student' &&
      !STUDENT_IN_SCHOOL.has(permission) &&
      !(await isCopiedOrganisation(store.db, orgId))
    )
      throw forbidden();
    request.scope = { orgId, userId: session.userId, role };
  };
}

export function scopeOf(request: FastifyRequest): Scope {
  if (!request.scope) throw new Error('route without orgGuard');
  return request.scope;
}

/**
 * Every org route declares its permission here. The guard runs before validation, so a stranger to the
 * organisation gets 404 whatever they send, and learns nothing from validation messages.
 */
export function orgRoute(store: Store, permission: Permission) {
  return { preValidation: orgGuard(store, permission), config: { permission } };
}
