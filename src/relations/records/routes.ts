import { z } from 'zod';
import { type App, type Deps, orgRoute, scopeOf } from '../http.ts';
import { anomalyReport } from './anomalies.ts';
import {
  anomalyReportDto,
  customerFileDto,
  dashboardDto,
  dashboardQuery,
  partyFileParams,
} from './contract.ts';
import { customerFile } from './customer-file.ts';
import { dashboard } from './dashboard.ts';

const params = z.object({ orgId: z.string().max(64) });
const tags = ['suivi commercial'];

export function recordRoutes(app: App, { store }: Deps) {
  app.get(
    '/api/v1/orgs/:orgId/parties/:partyId/file',
    {
      ...orgRoute(store, 'sales.read'),
      schema: {
        tags,
        summary: 'Dossier client : factures et avoirs, demandes, réclamations…',
        params: partyFileParams,
        response: { 200: customerFileDto },
      },
    },
    async (request) => customerFile(store.db, scopeOf(request).orgId, request.params.partyId),
  );

  app.get(
    '/api/v1/orgs/:orgId/anomalies',
    {
      ...orgRoute(store, 'sales.read'),
      schema: {
        tags,
        summary: 'Anomalies : doublons de tiers, SIREN manquants, contacts invalides, factures échues',
        params,
        response: { 200: anomalyReportDto },
      },
    },
    async (request) => anomalyReport(store.db, scopeOf(request).orgId),
  );

  app.get(
    '/api/v1/orgs/:orgId/dashboard',
    {
      ...orgRoute(store, 'sales.read'),
      schema: {
        tags,
        summary:
          'Tableau de bord commercial : CA par mois et par produit, meilleurs clients, créances par âge',
        params,
        querystring: dashboardQuery,
        response: { 200: dashboardDto },
      },
    },
    async (request) => dashboard(store.db, scopeOf(request).orgId, request.query),
  );
}
