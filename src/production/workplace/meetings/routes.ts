import { z } from 'zod';
import { getOrganisation } from '../../../kernel/organisations/organisation.ts';
import { renderReport } from '../../../ledger/index.ts';
import { type App, createOnce, type Deps, orgRoute, scopeOf } from '../../http.ts';
import {
  actionDto,
  actionList,
  actionListQuery,
  attendanceInput,
  cancelInput,
  conveneInput,
  meetingDto,
  meetingInput,
  meetingList,
  meetingListQuery,
  minutesInput,
} from './contract.ts';
import { conveneMeeting, convocationPdf, invitationIcs } from './convocation.ts';
import { cancelMeeting, createMeeting, updateMeeting } from './meeting.ts';
import { minutesTable } from './meeting-documents.ts';
import { getMeeting, getMeetingRow, listMeetingActions, listMeetings } from './meeting-read.ts';
import { approveMinutes, recordAttendance, recordMinutes, setActionDone } from './meeting-session.ts';

const params = z.object({ orgId: z.string().max(64) });
const meetingParams = params.extend({ meetingId: z.string().max(64) });
const actionParams = params.extend({ actionId: z.string().max(64) });
const tags = ['production'];
const base = '/api/v1/orgs/:orgId/meetings';
const conveneDto = meetingDto.extend({ queued: z.number() });
const doneInput = z.object({ done: z.boolean('Oui ou non attendu.') });

export function meetingRoutes(app: App, { store, documentsDir }: Deps) {
  const read = orgRoute(store, 'production.read');
  const write = orgRoute(store, 'production.write');
  const inTrx = <T>(fn: (trx: typeof store.db) => Promise<T>) => store.db.transaction().execute(fn);

  app.get(
    base,
    {
      ...read,
      schema: {
        tags,
        summary: 'Réunions (filtres : période, statut)',
        params,
        querystring: meetingListQuery,
        response: { 200: meetingList },
      },
    },
    async (request) => listMeetings(store.db, scopeOf(request).orgId, request.query),
  );
  app.post(
    base,
    {
      ...write,
      schema: {
        tags,
        summary: 'Planifier une réunion (participants, ordre du jour)',
        params,
        body: meetingInput,
        response: { 201: meetingDto },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const { status, body } = await createOnce(store, request, scope, (trx) =>
        createMeeting(trx, scope.orgId, request.body, scope.userId),
      );
      return reply.code(status as 201).send(body);
    },
  );
  app.get(
    `${base}/:meetingId`,
    {
      ...read,
      schema: { tags, summary: 'Une réunion', params: meetingParams, response: { 200: meetingDto } },
    },
    async (request) => getMeeting(store.db, scopeOf(request).orgId, request.params.meetingId),
  );
  app.put(
    `${base}/:meetingId`,
    {
      ...write,
      // Another organisation's meeting answers 404 before its body is validated (times, room).
      preValidation: [
        write.preValidation,
        async (request) => {
          const { meetingId } = request.params as { meetingId: string };
          await getMeetingRow(store.db, scopeOf(request).orgId, meetingId);
        },
      ],
      schema: {
        tags,
        summary: 'Modifier une réunion pas encore tenue',
        params: meetingParams,
        body: meetingInput,
        response: { 200: meetingDto },
      },
    },
    async (request) => {
      const s = scopeOf(request);
      return inTrx((trx) => updateMeeting(trx, s.orgId, request.params.meetingId, request.body, s.userId));
    },
  );
  app.post(
    `${base}/:meetingId/convene`,
    {
      ...write,
      schema: {
        tags,
        summary: 'Convoquer : convocation PDF et invitation .ics, envoyées par courriel si demandé',
        params: meetingParams,
        body: conveneInput,
        response: { 200: conveneDto },
      },
    },
    async (request) => {
      const s = scopeOf(request);
      return conveneMeeting(
        store.db,
        documentsDir,
        s.orgId,
        request.params.meetingId,
        request.body.sendEmails,
        s.userId,
      );
    },
  );
  app.put(
    `${base}/:meetingId/attendance`,
    {
      ...write,
      schema: {
        tags,
        summary: 'Saisir les présences (présent, excusé, absent, représenté avec pouvoir)',
        params: meetingParams,
        body: attendanceInput,
        response: { 200: meetingDto },
      },
    },
    async (request) => {
      const s = scopeOf(request);
      return inTrx((trx) => recordAttendance(trx, s.orgId, request.params.meetingId, request.body, s.userId));
    },
  );
  app.put(
    `${base}/:meetingId/minutes`,
    {
      ...write,
      schema: {
        tags,
        summary: 'Rédiger le compte rendu : décisions par point, actions',
        params: meetingParams,
        body: minutesInput,
        response: { 200: meetingDto },
      },
    },
    async (request) => {
      const s = scopeOf(request);
      return inTrx((trx) => recordMinutes(trx, s.orgId, request.params.meetingId, request.body, s.userId));
    },
  );
  app.post(
    `${base}/:meetingId/approve-minutes`,
    {
      ...write,
      schema: {
        tags,
        summary: 'Approuver le compte rendu (il ne change plus)',
        params: meetingParams,
        response: { 200: meetingDto },
      },
    },
    async (request) => {
      const s = scopeOf(request);
      return inTrx((trx) => approveMinutes(trx, s.orgId, request.params.meetingId, s.userId));
    },
  );
  app.post(
    `${base}/:meetingId/cancel`,
    {
      ...write,
      schema: {
        tags,
        summary: 'Annuler une réunion (motif obligatoire)',
        params: meetingParams,
        body: cancelInput,
        response: { 200: meetingDto },
      },
    },
    async (request) => {
      const s = scopeOf(request);
      return inTrx((trx) =>
        cancelMeeting(trx, s.orgId, request.params.meetingId, request.body.reason, s.userId),
      );
    },
  );
  app.get(
    `${base}/:meetingId/convocation`,
    {
      ...read,
      schema: { tags, summary: 'La convocation en PDF, avec l’ordre du jour', params: meetingParams },
    },
    async (request, reply) => {
      const file = await convocationPdf(store.db, scopeOf(request).orgId, request.params.meetingId);
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.body);
    },
  );
  app.get(
    `${base}/:meetingId/invitation.ics`,
    {
      ...read,
      schema: {
        tags,
        summary: 'L’invitation à ajouter à un agenda (iCalendar, RFC 5545)',
        params: meetingParams,
      },
    },
    async (request, reply) => {
      const meeting = await getMeeting(store.db, scopeOf(request).orgId, request.params.meetingId);
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', 'attachment; filename="invitation.ics"')
        .send(invitationIcs(meeting));
    },
  );
  app.get(
    `${base}/:meetingId/minutes`,
    {
      ...read,
      schema: { tags, summary: 'Le compte rendu (ou procès-verbal) en PDF', params: meetingParams },
    },
    async (request, reply) => {
      const orgId = scopeOf(request).orgId;
      const [meeting, org] = await Promise.all([
        getMeeting(store.db, orgId, request.params.meetingId),
        getOrganisation(store.db, orgId),
      ]);
      const file = await renderReport(minutesTable(meeting), 'pdf', org.name);
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.body);
    },
  );
  app.get(
    '/api/v1/orgs/:orgId/meeting-actions',
    {
      ...read,
      schema: {
        tags,
        summary: 'Les actions décidées en réunion et leur suivi',
        params,
        querystring: actionListQuery,
        response: { 200: actionList },
      },
    },
    async (request) => {
      const open = request.query.open === undefined ? undefined : request.query.open === 'true';
      return listMeetingActions(store.db, scopeOf(request).orgId, open);
    },
  );
  app.post(
    '/api/v1/orgs/:orgId/meeting-actions/:actionId/done',
    {
      ...write,
      schema: {
        tags,
        summary: 'Marquer une action comme faite (ou la rouvrir)',
        params: actionParams,
        body: doneInput,
        response: { 200: actionDto },
      },
    },
    async (request) => {
      const s = scopeOf(request);
      return inTrx((trx) =>
        setActionDone(trx, s.orgId, request.params.actionId, request.body.done, s.userId),
      );
    },
  );
}
