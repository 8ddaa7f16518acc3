import { z } from 'zod';
import { invalid } from '../../kernel/errors/domain-error.ts';
import { getOrganisation } from '../../kernel/organisations/organisation.ts';
import { text } from '../../kernel/validation/text.ts';
import { exportFormat, renderReport } from '../../ledger/index.ts';
import { type App, createOnce, type Deps, orgRoute, scopeOf } from '../http.ts';
import { calendarTable, formalityCalendar } from './calendar.ts';
import {
  calendarDto,
  calendarQuery,
  completionInput,
  formalityDto,
  formalityInput,
  formalityList,
  formalityListQuery,
} from './contract.ts';
import { getFormality, listFormalities, orgToday } from './formality-read.ts';
import { completeFormality, createFormality } from './formality-register.ts';

// The formalities with the organisation's partners (2.1.t3, decision 0048): production.read to read,
// production.write to enter and complete.

const params = z.object({ orgId: text().max(64) });
const formalityParams = params.extend({ formalityId: text().max(64) });
const tags = ['production'];
const base = '/api/v1/orgs/:orgId/formalities';

export function formalityRoutes(app: App, { store }: Deps) {
  app.get(
    base,
    {
      ...orgRoute(store, 'production.read'),
      schema: {
        tags,
        summary: 'Registre des formalités administratives avec les partenaires (URSSAF, SIE, greffe…)',
        params,
        querystring: formalityListQuery,
        response: { 200: formalityList },
      },
    },
    async (request) => {
      const { orgId } = scopeOf(request);
      const asOf = request.query.asOf ?? (await orgToday(store.db, orgId));
      return { asOf, items: await listFormalities(store.db, orgId, request.query, asOf) };
    },
  );

  app.post(
    base,
    {
      ...orgRoute(store, 'production.write'),
      schema: {
        tags,
        summary: 'Enregistrer une formalité (accepte Idempotency-Key)',
        params,
        body: formalityInput,
        response: { 201: formalityDto },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const asOf = await orgToday(store.db, scope.orgId);
      const { status, body } = await createOnce(store, request, scope, (trx) =>
        createFormality(trx, scope.orgId, request.body, asOf, scope.userId),
      );
      return reply.code(status as 201).send(body);
    },
  );

  app.get(
    `${base}/:formalityId`,
    {
      ...orgRoute(store, 'production.read'),
      schema: {
        tags,
        summary: 'Une formalité et l’historique de ses échéances accomplies',
        params: formalityParams,
        response: { 200: formalityDto },
      },
    },
    async (request) => {
      const { orgId } = scopeOf(request);
      return getFormality(store.db, orgId, request.params.formalityId, await orgToday(store.db, orgId));
    },
  );

  // The body is validated in the handler, after the formality is found: another organisation's id
  // answers 404 whatever the body.
  app.post(
    `${base}/:formalityId/complete`,
    {
      ...orgRoute(store, 'production.write'),
      schema: {
        tags,
        summary: 'Marquer l’échéance accomplie : date, référence (n° de dépôt, accusé de réception), note',
        params: formalityParams,
        body: z.unknown(),
        response: { 200: formalityDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const asOf = await orgToday(store.db, scope.orgId);
      const id = request.params.formalityId;
      await getFormality(store.db, scope.orgId, id, asOf);
      const parsed = completionInput.safeParse(request.body ?? {});
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
        throw invalid(issues.map((i) => i.message).join(' '), issues);
      }
      const input = parsed.data;
      return store.db
        .transaction()
        .execute((trx) => completeFormality(trx, scope.orgId, id, input, asOf, scope.userId));
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/formality-calendar',
    {
      ...orgRoute(store, 'production.read'),
      schema: {
        tags,
        summary: 'Calendrier des formalités : les échéances des prochains jours, retards compris',
        params,
        querystring: calendarQuery,
        response: { 200: calendarDto },
      },
    },
    async (request) => {
      const { orgId } = scopeOf(request);
      const asOf = request.query.asOf ?? (await orgToday(store.db, orgId));
      return formalityCalendar(store.db, orgId, asOf, request.query.days);
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/formality-calendar/export',
    {
      ...orgRoute(store, 'production.read'),
      schema: {
        tags,
        summary: 'Calendrier des formalités : export PDF, XLSX ou CSV',
        params,
        querystring: calendarQuery.extend(exportFormat.shape),
      },
    },
    async (request, reply) => {
      const { orgId } = scopeOf(request);
      const asOf = request.query.asOf ?? (await orgToday(store.db, orgId));
      const [dto, organisation] = await Promise.all([
        formalityCalendar(store.db, orgId, asOf, request.query.days),
        getOrganisation(store.db, orgId),
      ]);
      const file = await renderReport(calendarTable(dto), request.query.format, organisation.name);
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.body);
    },
  );
}
