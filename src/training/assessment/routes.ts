import { z } from 'zod';
import { type App, type Deps, orgRoute, scopeOf } from '../http.ts';
import { classSynthesis, confirmLevel, studentAssessment } from './assessment.ts';
import {
  classSynthesisDto,
  confirmLevelInput,
  indicatorAssessmentDto,
  studentAssessmentDto,
} from './contract.ts';

const studentParams = z.object({ orgId: z.string().max(64), studentId: z.string().max(64) });
const indicatorParams = studentParams.extend({ indicatorCode: z.string().max(60) });
const classParams = z.object({ orgId: z.string().max(64), classId: z.string().max(64) });
const tags = ['formation'];

export function assessmentRoutes(app: App, { store }: Deps) {
  app.get(
    '/api/v1/orgs/:orgId/training/students/:studentId/assessment',
    {
      ...orgRoute(store, 'training.read'),
      schema: {
        tags,
        summary: 'Grilles d’évaluation d’un élève (par bloc et par épreuve) : niveaux proposés et confirmés',
        params: studentParams,
        response: { 200: studentAssessmentDto },
      },
    },
    async (request) => studentAssessment(store.db, scopeOf(request), request.params.studentId),
  );

  app.put(
    '/api/v1/orgs/:orgId/training/students/:studentId/assessment/:indicatorCode',
    {
      ...orgRoute(store, 'training.manage'),
      schema: {
        tags,
        summary: 'Confirmer ou changer le niveau d’un indicateur (enseignant de la classe)',
        params: indicatorParams,
        body: confirmLevelInput,
        response: { 200: indicatorAssessmentDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const { studentId, indicatorCode } = request.params;
      return store.db
        .transaction()
        .execute((trx) => confirmLevel(trx, scope, studentId, indicatorCode, request.body));
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/training/classes/:classId/assessment',
    {
      ...orgRoute(store, 'training.manage'),
      schema: {
        tags,
        summary: 'Synthèse de la classe : niveau de chaque élève par compétence (carte de chaleur)',
        params: classParams,
        response: { 200: classSynthesisDto },
      },
    },
    async (request) => classSynthesis(store.db, scopeOf(request), request.params.classId),
  );
}
