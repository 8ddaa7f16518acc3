import { z } from 'zod';
import { type App, type Deps, orgRoute, scopeOf } from '../http.ts';
import { erasureDto, studentExportDto } from './contract.ts';
import { eraseStudent, exportStudent } from './student-privacy.ts';

const studentParams = z.object({ orgId: z.string().max(64), studentId: z.string().max(64) });
const tags = ['formation'];

export function privacyRoutes(app: App, { store }: Deps) {
  app.get(
    '/api/v1/orgs/:orgId/training/students/:studentId/export',
    {
      ...orgRoute(store, 'training.manage'),
      schema: {
        tags,
        summary: 'Exporter les données d’un élève (droit d’accès, JSON)',
        params: studentParams,
        response: { 200: studentExportDto },
      },
    },
    async (request, reply) => {
      const data = await exportStudent(store.db, scopeOf(request), request.params.studentId);
      reply.header('content-disposition', `attachment; filename="eleve-${data.student.id}.json"`);
      return data;
    },
  );

  app.delete(
    '/api/v1/orgs/:orgId/training/students/:studentId',
    {
      ...orgRoute(store, 'training.manage'),
      schema: {
        tags,
        summary: 'Effacer un élève : ses bacs à sable, sa fiche et les données de son compte',
        params: studentParams,
        response: { 200: erasureDto },
      },
    },
    async (request) => eraseStudent(store, scopeOf(request), request.params.studentId),
  );
}
