import { socialDashboardRoutes } from './dashboard/routes.ts';
import { employeeRoutes } from './employees/routes.ts';
import { expenseRoutes } from './expenses/routes.ts';
import type { App, Deps } from './http.ts';
import { leaveRoutes } from './leave/routes.ts';
import { checklistRoutes } from './onboarding/routes.ts';
import { payrollRoutes } from './payroll/routes.ts';
import { staffTrainingRoutes } from './professional-training/routes.ts';
import { recruitmentRoutes } from './recruitment/routes.ts';

/** Every HTTP route of the personnel module (area 3); mounted by src/server/app.ts. */
export function personnelRoutes(app: App, deps: Deps) {
  employeeRoutes(app, deps);
  expenseRoutes(app, deps);
  leaveRoutes(app, deps);
  payrollRoutes(app, deps);
  socialDashboardRoutes(app, deps);
  recruitmentRoutes(app, deps);
  checklistRoutes(app, deps);
  staffTrainingRoutes(app, deps);
}
