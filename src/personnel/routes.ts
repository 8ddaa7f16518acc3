import { employeeRoutes } from './employees/routes.ts';
import { expenseRoutes } from './expenses/routes.ts';
import type { App, Deps } from './http.ts';

/** Every HTTP route of the personnel module (area 3); mounted by src/server/app.ts. */
export function personnelRoutes(app: App, deps: Deps) {
  employeeRoutes(app, deps);
  expenseRoutes(app, deps);
}
