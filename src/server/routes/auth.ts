import { z } from 'zod';
import { login, logout, revokeUserSessions, SESSION_IDLE_MS } from '../../kernel/auth/sessions.ts';
import { invalid } from '../../kernel/errors/domain-error.ts';
import { listUserOrganisations } from '../../kernel/organisations/organisation.ts';
import { ROLES } from '../../kernel/roles/permissions.ts';
import { hashPassword, passwordProblem, verifyPassword } from '../../kernel/users/passwords.ts';
import { getUser } from '../../kernel/users/users.ts';
import { text } from '../../kernel/validation/text.ts';
import { joinInput, joinWithCode } from '../../training/index.ts';
import { requireSession } from '../guard.ts';
import type { App, Deps } from '../types.ts';

export const SESSION_COOKIE = 'agora_session';

const meDto = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string(), locale: z.string() }),
  organisations: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: z.string(),
      role: z.enum(ROLES as [string, ...string[]]),
      /** The scenario's "today" in a training sandbox: forms default to it instead of the real date. */
      simulatedToday: z.string().nullable(),
      /** A copy of another organisation (a sandbox): a student works there, and only reads training in the school's. */
      copy: z.boolean(),
    }),
  ),
  csrfToken: z.string(),
  expiresAt: z.string(),
});

export function authRoutes(app: App, deps: Deps) {
  const { store } = deps;
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: deps.secureCookies ?? false,
  };

  app.post(
    '/api/v1/auth/login',
    {
      schema: {
        tags: ['authentification'],
        summary: 'Ouvrir une session (pose le cookie de session)',
        body: z.object({
          email: text().min(1, 'L’adresse e-mail est obligatoire.').max(320),
          password: z.string().min(1, 'Le mot de passe est obligatoire.').max(200),
        }),
        response: { 200: meDto },
      },
      config: {
        rateLimit: {
          max: deps.loginRateLimit?.max ?? 10,
          timeWindow: deps.loginRateLimit?.timeWindowMs ?? 60_000,
          // Per address and per account: a botnet cannot hammer one account, one host cannot spray many.
          keyGenerator: (request) =>
            `${request.ip}|${String((request.body as { email?: unknown } | undefined)?.email ?? '').toLowerCase()}`,
        },
      },
    },
    async (request, reply) => {
      const { token, session } = await login(store.db, request.body.email, request.body.password);
      reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions, maxAge: SESSION_IDLE_MS / 1000 });
      return {
        user: await getUser(store.db, session.userId),
        organisations: await listUserOrganisations(store.db, session.userId),
        csrfToken: session.csrfToken,
        expiresAt: session.expiresAt,
      };
    },
  );

  // A student's first visit: their invitation code opens an account in their class (issue 5 §3).
  app.post(
    '/api/v1/auth/join',
    {
      schema: {
        tags: ['authentification'],
        summary: 'Rejoindre sa classe avec un code d’invitation (crée le compte élève, ouvre la session)',
        body: joinInput,
        response: { 200: meDto },
      },
      config: {
        rateLimit: {
          max: deps.loginRateLimit?.max ?? 10,
          timeWindow: deps.loginRateLimit?.timeWindowMs ?? 60_000,
        },
      },
    },
    async (request, reply) => {
      await store.db.transaction().execute((trx) => joinWithCode(trx, request.body));
      const { token, session } = await login(store.db, request.body.email, request.body.password);
      reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions, maxAge: SESSION_IDLE_MS / 1000 });
      return {
        user: await getUser(store.db, session.userId),
        organisations: await listUserOrganisations(store.db, session.userId),
        csrfToken: session.csrfToken,
        expiresAt: session.expiresAt,
      };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { schema: { tags: ['authentification'], summary: 'Fermer la session' } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await logout(store.db, token);
      reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/v1/me',
    {
      schema: {
        tags: ['authentification'],
        summary: 'L’utilisateur connecté et ses organisations',
        response: { 200: meDto },
      },
    },
    async (request) => {
      const session = requireSession(request);
      return {
        user: await getUser(store.db, session.userId),
        organisations: await listUserOrganisations(store.db, session.userId),
        csrfToken: session.csrfToken,
        expiresAt: session.expiresAt,
      };
    },
  );

  app.post(
    '/api/v1/me/password',
    {
      schema: {
        tags: ['authentification'],
        summary: 'Changer son mot de passe (ferme les autres sessions)',
        body: z.object({ currentPassword: z.string().max(200), newPassword: z.string().max(200) }),
      },
    },
    async (request, reply) => {
      const session = requireSession(request);
      const user = await store.db
        .selectFrom('app_user')
        .selectAll()
        .where('id', '=', session.userId)
        .executeTakeFirstOrThrow();
      if (!(await verifyPassword(user.password_hash, request.body.currentPassword)))
        throw invalid('Mot de passe actuel incorrect.', [
          { field: 'currentPassword', message: 'Mot de passe actuel incorrect.' },
        ]);
      const problemText = passwordProblem(request.body.newPassword, user.email);
      if (problemText) throw invalid(problemText, [{ field: 'newPassword', message: problemText }]);
      const password_hash = await hashPassword(request.body.newPassword);
      await store.db.transaction().execute(async (trx) => {
        await trx.updateTable('app_user').set({ password_hash }).where('id', '=', user.id).execute();
        await revokeUserSessions(trx, user.id);
        // Keep the session that made the change.
        await trx.updateTable('session').set({ revoked_at: null }).where('id', '=', session.id).execute();
      });
      return reply.code(204).send();
    },
  );
}
