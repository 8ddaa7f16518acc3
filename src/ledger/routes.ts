import { accountRoutes } from './accounts/routes.ts';
import { entryRoutes } from './entries/routes.ts';
import { fecRoutes } from './fec/routes.ts';
import { fiscalYearRoutes } from './fiscal-years/routes.ts';
import type { App, Deps } from './http.ts';
import { journalRoutes } from './journals/routes.ts';
import { letteringRoutes } from './lettering/routes.ts';
import { reportExportRoutes } from './reports/export-routes.ts';
import { reportRoutes } from './reports/routes.ts';

/** Every HTTP route of the ledger, under /api/v1/orgs/:orgId/ledger/…; mounted by src/server/app.ts. */
export function ledgerRoutes(app: App, deps: Deps) {
  accountRoutes(app, deps);
  journalRoutes(app, deps);
  fiscalYearRoutes(app, deps);
  entryRoutes(app, deps);
  letteringRoutes(app, deps);
  reportRoutes(app, deps);
  reportExportRoutes(app, deps);
  fecRoutes(app, deps);
}
