import { z } from 'zod';
import { type App, type Deps, orgRoute, scopeOf } from '../http.ts';
import { socialDashboardDto, socialDashboardQuery } from './contract.ts';
import { socialDashboard } from './social-dashboard.ts';

const params = z.object({ orgId: z.string().max(64) });

export function socialDashboardRoutes(app: App, { store }: Deps) {
  app.get(
    '/api/v1/orgs/:orgId/social-dashboard',
    {
      ...orgRoute(store, 'personnel.read'),
      schema: {
        tags: ['personnel'],
        summary: 'Tableau de bord social : effectif, ETP, répartitions, âges, entrées et sorties, rotation',
        params,
        querystring: socialDashboardQuery,
        response: { 200: socialDashboardDto },
      },
    },
    async (request) => socialDashboard(store.db, scopeOf(request).orgId, request.query),
  );
}
