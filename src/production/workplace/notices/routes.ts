import { z } from 'zod';
import { getOrganisation } from '../../../kernel/organisations/organisation.ts';
import { renderReport } from '../../../ledger/index.ts';
import { type App, createOnce, type Deps, orgRoute, scopeOf } from '../../http.ts';
import {
  acknowledgementInput,
  noticeDto,
  noticeInput,
  noticeList,
  noticeListQuery,
  postingChecklist,
  postingInput,
} from './contract.ts';
import {
  acknowledgeNotice,
  createNotice,
  getNotice,
  listNotices,
  publishNotice,
  updateNotice,
} from './notice.ts';
import { noticeTable } from './notice-document.ts';
import { postingChecklist as checklist, recordPosting } from './staff-postings.ts';

const params = z.object({ orgId: z.string().max(64) });
const noticeParams = params.extend({ noticeId: z.string().max(64) });
const postingParams = params.extend({ code: z.string().max(64) });
const tags = ['production'];
const base = '/api/v1/orgs/:orgId/notices';

export function noticeRoutes(app: App, { store }: Deps) {
  const read = orgRoute(store, 'production.read');
  const write = orgRoute(store, 'production.write');
  const inTrx = <T>(fn: (trx: typeof store.db) => Promise<T>) => store.db.transaction().execute(fn);

  app.get(
    base,
    {
      ...read,
      schema: {
        tags,
        summary: 'Notes de service et notes internes (filtres : catégorie, affichées à une date)',
        params,
        querystring: noticeListQuery,
        response: { 200: noticeList },
      },
    },
    async (request) => listNotices(store.db, scopeOf(request).orgId, request.query),
  );
  app.post(
    base,
    {
      ...write,
      schema: {
        tags,
        summary: 'Rédiger une note (brouillon)',
        params,
        body: noticeInput,
        response: { 201: noticeDto },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const { status, body } = await createOnce(store, request, scope, (trx) =>
        createNotice(trx, scope.orgId, request.body, scope.userId),
      );
      return reply.code(status as 201).send(body);
    },
  );
  app.get(
    `${base}/:noticeId`,
    {
      ...read,
      schema: {
        tags,
        summary: 'Une note, qui l’a lue et qui ne l’a pas lue',
        params: noticeParams,
        response: { 200: noticeDto },
      },
    },
    async (request) => getNotice(store.db, scopeOf(request).orgId, request.params.noticeId),
  );
  app.put(
    `${base}/:noticeId`,
    {
      ...write,
      schema: {
        tags,
        summary: 'Modifier un brouillon de note',
        params: noticeParams,
        body: noticeInput,
        response: { 200: noticeDto },
      },
    },
    async (request) => {
      const s = scopeOf(request);
      return inTrx((trx) => updateNotice(trx, s.orgId, request.params.noticeId, request.body, s.userId));
    },
  );
  app.post(
    `${base}/:noticeId/publish`,
    {
      ...write,
      schema: {
        tags,
        summary: 'Publier une note : elle reçoit son numéro NS-année-n°',
        params: noticeParams,
        response: { 200: noticeDto },
      },
    },
    async (request) => {
      const s = scopeOf(request);
      return inTrx((trx) => publishNotice(trx, s.orgId, request.params.noticeId, s.userId));
    },
  );
  app.post(
    `${base}/:noticeId/acknowledgements`,
    {
      ...write,
      schema: {
        tags,
        summary: 'Enregistrer qu’un salarié a pris connaissance de la note',
        params: noticeParams,
        body: acknowledgementInput,
        response: { 200: noticeDto },
      },
    },
    async (request) => {
      const s = scopeOf(request);
      return inTrx((trx) =>
        acknowledgeNotice(trx, s.orgId, request.params.noticeId, request.body.employeeId, s.userId),
      );
    },
  );
  app.get(
    `${base}/:noticeId/pdf`,
    { ...read, schema: { tags, summary: 'La note de service en PDF', params: noticeParams } },
    async (request, reply) => {
      const orgId = scopeOf(request).orgId;
      const [notice, org] = await Promise.all([
        getNotice(store.db, orgId, request.params.noticeId),
        getOrganisation(store.db, orgId),
      ]);
      const file = await renderReport(noticeTable(notice), 'pdf', org.name);
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.body);
    },
  );
  app.get(
    '/api/v1/orgs/:orgId/staff-postings',
    {
      ...read,
      schema: {
        tags,
        summary: 'Affichages obligatoires : faits, manquants, à vérifier',
        params,
        response: { 200: postingChecklist },
      },
    },
    async (request) => checklist(store.db, scopeOf(request).orgId),
  );
  app.put(
    '/api/v1/orgs/:orgId/staff-postings/:code',
    {
      ...write,
      schema: {
        tags,
        summary: 'Enregistrer un affichage obligatoire (date, emplacement)',
        params: postingParams,
        body: postingInput,
        response: { 200: postingChecklist },
      },
    },
    async (request) => {
      const s = scopeOf(request);
      return inTrx((trx) => recordPosting(trx, s.orgId, request.params.code, request.body, s.userId));
    },
  );
}
