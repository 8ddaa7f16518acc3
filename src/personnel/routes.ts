import { socialDashboardRoutes } from './dashboard/routes.ts';
import { employeeRoutes } from './employees/routes.ts';
import { expenseRoutes } from './expenses/routes.ts';
import type { App, Deps } from './http.ts';
import { leaveRoutes } from './leave/routes.ts';
import { payrollRoutes } from './payroll/routes.ts';

/** Every HTTP route of the personnel module (area 3); mounted by src/server/app.ts. */
export function personnelRoutes(app: App, deps: Deps) {
  employeeRoutes(app, deps);
  expenseRoutes(app, deps);
  leaveRoutes(app, deps);
  payrollRoutes(app, deps);
  socialDashboardRoutes(app, deps);
}
