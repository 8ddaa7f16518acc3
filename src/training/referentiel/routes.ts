import { z } from 'zod';
import { coverageReportDto } from '../coverage/contract.ts';
import { coverageReport } from '../coverage/coverage.ts';
import { type App, type Deps, requireSession } from '../http.ts';
import { referentielDto, referentielSummaryDto } from './contract.ts';
import { listReferentiels, loadReferentiel } from './referentiel.ts';

const params = z.object({ referentielId: z.string().max(40) });
const tags = ['référentiel'];

/** The référentiels are shared data, not an organisation's: any signed-in user may read them. */
export function referentielRoutes(app: App, _deps: Deps) {
  app.get(
    '/api/v1/referentiels',
    {
      schema: {
        tags,
        summary: 'Référentiels de diplôme disponibles',
        response: { 200: z.object({ items: z.array(referentielSummaryDto) }) },
      },
    },
    async (request) => {
      requireSession(request);
      return { items: listReferentiels() };
    },
  );

  app.get(
    '/api/v1/referentiels/:referentielId',
    {
      schema: {
        tags,
        summary: 'Un référentiel : pôles, activités, tâches, blocs, compétences, indicateurs, épreuves',
        params,
        response: { 200: referentielDto },
      },
    },
    async (request) => {
      requireSession(request);
      return loadReferentiel(request.params.referentielId);
    },
  );

  app.get(
    '/api/v1/referentiels/:referentielId/coverage',
    {
      schema: {
        tags,
        summary: 'Couverture du référentiel par les écrans et les opérations de l’API',
        params,
        response: { 200: coverageReportDto },
      },
    },
    async (request) => {
      requireSession(request);
      return coverageReport(loadReferentiel(request.params.referentielId));
    },
  );
}
