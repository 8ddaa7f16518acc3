import { z } from 'zod';
import { type App, type Deps, orgRoute, scopeOf } from '../http.ts';
import { portfolioDto, portfolioEntryDto, portfolioEntryInput } from './contract.ts';
import {
  addPortfolioEntry,
  deletePortfolioEntry,
  myPortfolio,
  studentPortfolio,
  updatePortfolioEntry,
} from './portfolio.ts';
import { portfolioPdf } from './portfolio-pdf.ts';

const params = z.object({ orgId: z.string().max(64) });
const studentParams = params.extend({ studentId: z.string().max(64) });
const entryParams = params.extend({ entryId: z.string().max(64) });
const tags = ['formation'];

const fileName = (name: string) =>
  `portfolio-${name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/-+$/, '')}.pdf`;

export function portfolioRoutes(app: App, { store }: Deps) {
  app.get(
    '/api/v1/orgs/:orgId/training/my/portfolio',
    {
      ...orgRoute(store, 'training.read'),
      schema: { tags, summary: 'Mon portfolio (élève)', params, response: { 200: portfolioDto } },
    },
    async (request) => myPortfolio(store.db, scopeOf(request)),
  );

  app.get(
    '/api/v1/orgs/:orgId/training/my/portfolio/pdf',
    {
      ...orgRoute(store, 'training.read'),
      schema: { tags, summary: 'Mon portfolio (PDF)', params },
    },
    async (request, reply) => {
      const portfolio = await myPortfolio(store.db, scopeOf(request));
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(fileName(portfolio.student.name))}`,
        )
        .send(Buffer.from(await portfolioPdf(portfolio)));
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/training/my/portfolio/entries',
    {
      ...orgRoute(store, 'training.read'),
      schema: {
        tags,
        summary: 'Ajouter une entrée à mon portfolio (travail en PFMP, réflexion…)',
        params,
        body: portfolioEntryInput,
        response: { 201: portfolioEntryDto },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const entry = await store.db
        .transaction()
        .execute((trx) => addPortfolioEntry(trx, scope, request.body));
      return reply.code(201).send(entry);
    },
  );

  app.put(
    '/api/v1/orgs/:orgId/training/my/portfolio/entries/:entryId',
    {
      ...orgRoute(store, 'training.read'),
      schema: {
        tags,
        summary: 'Modifier une entrée de mon portfolio',
        params: entryParams,
        body: portfolioEntryInput,
        response: { 200: portfolioEntryDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return store.db
        .transaction()
        .execute((trx) => updatePortfolioEntry(trx, scope, request.params.entryId, request.body));
    },
  );

  app.delete(
    '/api/v1/orgs/:orgId/training/my/portfolio/entries/:entryId',
    {
      ...orgRoute(store, 'training.read'),
      schema: { tags, summary: 'Supprimer une entrée de mon portfolio', params: entryParams },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      await store.db.transaction().execute((trx) => deletePortfolioEntry(trx, scope, request.params.entryId));
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/training/students/:studentId/portfolio',
    {
      ...orgRoute(store, 'training.read'),
      schema: {
        tags,
        summary: 'Le portfolio d’un élève (ses enseignants ; l’élève lui-même)',
        params: studentParams,
        response: { 200: portfolioDto },
      },
    },
    async (request) => studentPortfolio(store.db, scopeOf(request), request.params.studentId),
  );

  app.get(
    '/api/v1/orgs/:orgId/training/students/:studentId/portfolio/pdf',
    {
      ...orgRoute(store, 'training.read'),
      schema: { tags, summary: 'Le portfolio d’un élève (PDF)', params: studentParams },
    },
    async (request, reply) => {
      const portfolio = await studentPortfolio(store.db, scopeOf(request), request.params.studentId);
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(fileName(portfolio.student.name))}`,
        )
        .send(Buffer.from(await portfolioPdf(portfolio)));
    },
  );
}
