import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { SessionInOrg } from '../kernel/auth/sessions.ts';
import type { Store } from '../kernel/db/index.ts';
import type { Permission, Role } from '../kernel/roles/permissions.ts';

export type App = FastifyInstance<
  Server,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export type AppOptions = {
  store: Store;
  /** Where documents' bytes live (content-addressed). */
  documentsDir: string;
  /** Built web app to serve; omitted in API-only tests. */
  webDir?: string;
  /** Secure cookies need HTTPS; off for http://localhost. */
  secureCookies?: boolean;
  loginRateLimit?: { max: number; timeWindowMs: number };
  /** Submissions of the public request form per address (default 5 per 10 minutes). */
  publicFormRateLimit?: { max: number; timeWindowMs: number };
  /** Requests to the PFMP tutor's page per address (default 60 reads and 10 sendings per 10 minutes). */
  publicTutorRateLimit?: { max: number; timeWindowMs: number };
  logger?: boolean;
  /** Seals stored secrets (SMTP passwords); from AGORA_SECRET_KEY or the data directory. */
  secretKey?: Uint8Array;
  /** Run the outbox worker in this process (the server does; API tests drive it themselves). */
  mailWorker?: boolean;
};

export type Deps = AppOptions;

/** The caller's organisation scope, set by the guard of every org route. */
export type Scope = { orgId: string; userId: string; role: Role };

/** One line per route, collected at registration: the security tests enumerate them. */
export type RouteInfo = { method: string; url: string; permission: Permission | undefined };

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteInfo[];
  }
  interface FastifyContextConfig {
    /** The permission an org route requires; read by the role-matrix tests. */
    permission?: Permission;
  }
  interface FastifyRequest {
    session: SessionInOrg | null;
    scope: Scope | null;
  }
}
