import { assessmentRoutes } from './assessment/routes.ts';
import { classRoutes } from './classes/routes.ts';
import type { App, Deps } from './http.ts';
import { pfmpRoutes } from './pfmp/routes.ts';
import { pfmpTutorRoutes } from './pfmp/tutor-link/routes.ts';
import { portfolioRoutes } from './portfolio/routes.ts';
import { privacyRoutes } from './privacy/routes.ts';
import { referentielRoutes } from './referentiel/routes.ts';
import { scenarioRoutes } from './scenarios/routes.ts';
import { situationRoutes } from './situations/routes.ts';

/** Every HTTP route of the training module; mounted by src/server/app.ts. */
export function trainingRoutes(app: App, deps: Deps) {
  referentielRoutes(app, deps);
  classRoutes(app, deps);
  scenarioRoutes(app, deps);
  privacyRoutes(app, deps);
  situationRoutes(app, deps);
  assessmentRoutes(app, deps);
  portfolioRoutes(app, deps);
  pfmpRoutes(app, deps);
  pfmpTutorRoutes(app, deps);
}
