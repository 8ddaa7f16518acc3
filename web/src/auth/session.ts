import { type QueryClient, queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { redirect } from '@tanstack/react-router';
import { can, type Permission, type Role, STUDENT_IN_SCHOOL } from '../../../src/kernel/roles/permissions.ts';
import { api, isApiError, setCsrfToken } from '../api/client.ts';

export type MeOrganisation = {
  id: string;
  name: string;
  kind: string;
  role: Role;
  /** The scenario's "today" in a training sandbox (forms default to it). */
  simulatedToday?: string | null;
  /** A copy of another organisation (a student's sandbox). */
  copy: boolean;
};
export type Me = {
  user: { id: string; email: string; name: string; locale: string };
  organisations: MeOrganisation[];
  csrfToken: string;
  expiresAt: string;
};

// Not a secret, only a hint that a session cookie may exist: without it the app goes straight to the
// login page instead of asking /me for a 401 that the browser would log as an error.
const HINT_KEY = 'agora.session';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function rememberSession(): void {
  storage()?.setItem(HINT_KEY, '1');
}

export function forgetSession(queryClient: QueryClient): void {
  storage()?.removeItem(HINT_KEY);
  setCsrfToken(null);
  queryClient.removeQueries();
}

export function mayHaveSession(): boolean {
  return storage()?.getItem(HINT_KEY) === '1';
}

export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: async () => {
    const me = await api<Me>('/api/v1/me');
    setCsrfToken(me.csrfToken);
    return me;
  },
  staleTime: 5 * 60_000,
  retry: false,
});

/** Accepts only an in-app path, so a crafted link cannot send the user elsewhere after login. */
export function safeRedirect(target: unknown): string {
  return typeof target === 'string' && target.startsWith('/') && !target.startsWith('//') ? target : '/';
}

/** For `beforeLoad`: the logged-in user, or a redirect to the login page that comes back here. */
export async function requireMe(queryClient: QueryClient, here: string): Promise<Me> {
  const toLogin = () =>
    redirect({ to: '/login', search: { redirect: here === '/' ? undefined : here }, replace: true });
  if (!mayHaveSession() && !queryClient.getQueryData(meQuery.queryKey)) throw toLogin();
  try {
    return await queryClient.ensureQueryData(meQuery);
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      forgetSession(queryClient);
      throw toLogin();
    }
    throw error;
  }
}

export function useMe(): Me {
  return useSuspenseQuery(meQuery).data;
}

/** The current user's role in an organisation, and what it allows. */
export function useOrgRole(orgId: string): { role: Role | null; can: (permission: Permission) => boolean } {
  const me = useMe();
  const org = me.organisations.find((o) => o.id === orgId);
  const role = org?.role ?? null;
  return { role, can: (permission) => org !== undefined && mayIn(org, permission) };
}

/**
 * The scenario's "today" when the organisation is a training template or sandbox (issue 5 §4): forms
 * propose it as their default date instead of the real one. Null for a real organisation.
 */
export function useSimulatedToday(orgId: string): string | null {
  const me = useMe();
  return me.organisations.find((o) => o.id === orgId)?.simulatedToday ?? null;
}

// A student in the school's own organisation (not a copy) may only read it and its training pages; the
// server's guard refuses the rest (STUDENT_IN_SCHOOL). The interface follows the same rule.
const schoolStudent = (org: MeOrganisation) => org.role === 'student' && !org.copy;

function mayIn(org: MeOrganisation, permission: Permission): boolean {
  return can(org.role, permission) && (!schoolStudent(org) || STUDENT_IN_SCHOOL.has(permission));
}

/** The page an organisation opens on: the contacts, or the training pages for a student in the school. */
export function homePageOf(org: MeOrganisation): '/orgs/$orgId/training' | '/orgs/$orgId/parties' {
  return schoolStudent(org) ? '/orgs/$orgId/training' : '/orgs/$orgId/parties';
}

const LAST_ORG_KEY = 'agora.lastOrganisation';

export function rememberOrganisation(orgId: string): void {
  storage()?.setItem(LAST_ORG_KEY, orgId);
}

export function lastOrganisation(): string | null {
  return storage()?.getItem(LAST_ORG_KEY) ?? null;
}
