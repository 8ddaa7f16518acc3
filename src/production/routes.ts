import { formalityRoutes } from './formalities/routes.ts';
import type { App, Deps } from './http.ts';
import { purchaseRoutes } from './purchases/routes.ts';
import { stockRoutes } from './stock/routes.ts';
import { cashPlanRoutes } from './treasury/cash-plan/routes.ts';
import { treasuryRoutes } from './treasury/routes.ts';
import { vatReturnRoutes } from './vat-returns/routes.ts';
import { workplaceContractRoutes } from './workplace/contracts/routes.ts';
import { meetingRoutes } from './workplace/meetings/routes.ts';
import { noticeRoutes } from './workplace/notices/routes.ts';
import { sharedResourceRoutes } from './workplace/resources/routes.ts';

/** Every HTTP route of the production module (area 2); mounted by src/server/app.ts. */
export function productionRoutes(app: App, deps: Deps) {
  purchaseRoutes(app, deps);
  vatReturnRoutes(app, deps);
  treasuryRoutes(app, deps);
  cashPlanRoutes(app, deps);
  stockRoutes(app, deps);
  meetingRoutes(app, deps);
  noticeRoutes(app, deps);
  workplaceContractRoutes(app, deps);
  sharedResourceRoutes(app, deps);
  formalityRoutes(app, deps);
}
