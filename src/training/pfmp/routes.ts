import { z } from 'zod';
import { tableToCsv } from '../../ledger/index.ts';
import { type App, type Deps, orgRoute, scopeOf } from '../http.ts';
import { attestationPdf } from './attestation-pdf.ts';
import {
  activitiesInput,
  agreementDto,
  agreementInput,
  agreementUpdate,
  assessmentInput,
  attendanceInput,
  hostDto,
  hostInput,
  periodInput,
  pfmpOverviewDto,
  pfmpOverviewExportQuery,
  pfmpOverviewQuery,
  pfmpStudentSummaryDto,
  studentPfmpDto,
  tutorInput,
} from './contract.ts';
import { classPfmpOverview, overviewTable } from './overview.ts';
import {
  addPeriod,
  addTutor,
  attestationData,
  createAgreement,
  createHost,
  deletePeriod,
  listHosts,
  listPfmpStudents,
  recordAttendance,
  saveAssessment,
  setActivities,
  studentPfmp,
  updateAgreement,
  updateHost,
} from './pfmp.ts';

const id = z.string().max(64);
const params = z.object({ orgId: id });
const hostParams = z.object({ orgId: id, hostId: id });
const studentParams = z.object({ orgId: id, studentId: id });
const agreementParams = z.object({ orgId: id, agreementId: id });
const periodParams = z.object({ orgId: id, periodId: id });
const classParams = z.object({ orgId: id, classId: id });
const tags = ['formation'];
const base = '/api/v1/orgs/:orgId/training/pfmp';

export function pfmpRoutes(app: App, { store }: Deps) {
  const write = <T>(fn: (trx: typeof store.db) => Promise<T>) => store.db.transaction().execute(fn);

  app.get(
    `${base}/hosts`,
    {
      ...orgRoute(store, 'training.manage'),
      schema: {
        tags,
        summary: 'Organisations d’accueil de PFMP et leurs tuteurs',
        params,
        response: { 200: z.object({ items: z.array(hostDto) }) },
      },
    },
    async (request) => ({ items: await listHosts(store.db, scopeOf(request)) }),
  );

  app.post(
    `${base}/hosts`,
    {
      ...orgRoute(store, 'training.manage'),
      schema: {
        tags,
        summary: 'Enregistrer une organisation d’accueil',
        params,
        body: hostInput,
        response: { 201: hostDto },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      return reply.code(201).send(await write((trx) => createHost(trx, scope, request.body)));
    },
  );

  app.put(
    `${base}/hosts/:hostId`,
    {
      ...orgRoute(store, 'training.manage'),
      schema: {
        tags,
        summary: 'Modifier une organisation d’accueil',
        params: hostParams,
        body: hostInput,
        response: { 200: hostDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return write((trx) => updateHost(trx, scope, request.params.hostId, request.body));
    },
  );

  app.post(
    `${base}/hosts/:hostId/tutors`,
    {
      ...orgRoute(store, 'training.manage'),
      schema: {
        tags,
        summary: 'Ajouter un tuteur à une organisation d’accueil',
        params: hostParams,
        body: tutorInput,
        response: { 201: hostDto },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      return reply
        .code(201)
        .send(await write((trx) => addTutor(trx, scope, request.params.hostId, request.body)));
    },
  );

  app.get(
    `${base}/students`,
    {
      ...orgRoute(store, 'training.read'),
      schema: {
        tags,
        summary: 'Élèves dont on peut suivre les PFMP (ceux de ses classes ; soi-même pour un élève)',
        params,
        response: { 200: z.object({ items: z.array(pfmpStudentSummaryDto) }) },
      },
    },
    async (request) => ({ items: await listPfmpStudents(store.db, scopeOf(request)) }),
  );

  app.get(
    `${base}/students/:studentId`,
    {
      ...orgRoute(store, 'training.read'),
      schema: {
        tags,
        summary: 'Les PFMP d’un élève : conventions, semaines, allocation, alertes',
        params: studentParams,
        response: { 200: studentPfmpDto },
      },
    },
    async (request) => studentPfmp(store.db, scopeOf(request), request.params.studentId),
  );

  app.get(
    `${base}/classes/:classId`,
    {
      ...orgRoute(store, 'training.manage'),
      schema: {
        tags,
        summary:
          'Les PFMP d’une classe : un élève par ligne, semaines, période, convention, présence, évaluation, allocation',
        params: classParams,
        querystring: pfmpOverviewQuery,
        response: { 200: pfmpOverviewDto },
      },
    },
    async (request) =>
      classPfmpOverview(store.db, scopeOf(request), request.params.classId, {
        filter: request.query.filter,
      }),
  );

  app.get(
    `${base}/classes/:classId/export`,
    {
      ...orgRoute(store, 'training.manage'),
      schema: {
        tags,
        summary: 'Les PFMP d’une classe en CSV (UTF-8, point-virgule, virgule décimale)',
        params: classParams,
        querystring: pfmpOverviewExportQuery,
      },
    },
    async (request, reply) => {
      const overview = await classPfmpOverview(store.db, scopeOf(request), request.params.classId, {
        filter: request.query.filter,
      });
      const table = overviewTable(overview);
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(`${table.fileName}.csv`)}`,
        )
        .send(tableToCsv(table));
    },
  );

  app.post(
    `${base}/students/:studentId/agreements`,
    {
      ...orgRoute(store, 'training.manage'),
      schema: {
        tags,
        summary: 'Créer une convention de PFMP (avec ses périodes)',
        params: studentParams,
        body: agreementInput,
        response: { 201: agreementDto },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      return reply
        .code(201)
        .send(await write((trx) => createAgreement(trx, scope, request.params.studentId, request.body)));
    },
  );

  app.put(
    `${base}/agreements/:agreementId`,
    {
      ...orgRoute(store, 'training.manage'),
      schema: {
        tags,
        summary: 'Modifier une convention (statut, signature, tuteur, référent, activités prévues)',
        params: agreementParams,
        body: agreementUpdate,
        response: { 200: agreementDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return write((trx) => updateAgreement(trx, scope, request.params.agreementId, request.body));
    },
  );

  app.post(
    `${base}/agreements/:agreementId/periods`,
    {
      ...orgRoute(store, 'training.manage'),
      schema: {
        tags,
        summary: 'Ajouter une période à une convention',
        params: agreementParams,
        body: periodInput,
        response: { 201: agreementDto },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      return reply
        .code(201)
        .send(await write((trx) => addPeriod(trx, scope, request.params.agreementId, request.body)));
    },
  );

  app.delete(
    `${base}/periods/:periodId`,
    {
      ...orgRoute(store, 'training.manage'),
      schema: {
        tags,
        summary: 'Supprimer une période (et sa présence)',
        params: periodParams,
        response: { 200: agreementDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return write((trx) => deletePeriod(trx, scope, request.params.periodId));
    },
  );

  app.put(
    `${base}/periods/:periodId/attendance`,
    {
      ...orgRoute(store, 'training.manage'),
      schema: {
        tags,
        summary: 'Saisir la présence jour par jour (présent, absent justifié, absent non justifié)',
        params: periodParams,
        body: attendanceInput,
        response: { 200: agreementDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return write((trx) => recordAttendance(trx, scope, request.params.periodId, request.body));
    },
  );

  app.put(
    `${base}/agreements/:agreementId/activities`,
    {
      ...orgRoute(store, 'training.read'),
      schema: {
        tags,
        summary: 'Cocher les tâches du référentiel réalisées (l’élève pour lui-même, ou ses enseignants)',
        params: agreementParams,
        body: activitiesInput,
        response: { 200: agreementDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return write((trx) => setActivities(trx, scope, request.params.agreementId, request.body.taskCodes));
    },
  );

  app.put(
    `${base}/agreements/:agreementId/assessment`,
    {
      ...orgRoute(store, 'training.manage'),
      schema: {
        tags,
        summary: 'Saisir l’évaluation du tuteur sur les indicateurs du référentiel (1 à 4)',
        params: agreementParams,
        body: assessmentInput,
        response: { 200: agreementDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return write((trx) => saveAssessment(trx, scope, request.params.agreementId, request.body));
    },
  );

  app.get(
    `${base}/agreements/:agreementId/attestation`,
    {
      ...orgRoute(store, 'training.read'),
      schema: { tags, summary: 'L’attestation de PFMP (PDF)', params: agreementParams },
    },
    async (request, reply) => {
      const data = await attestationData(store.db, scopeOf(request), request.params.agreementId);
      const bytes = await attestationPdf(data);
      const fileName = `attestation-pfmp-${data.student.name.replace(/[^\p{L}\p{N}]+/gu, '-')}.pdf`;
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
        .send(Buffer.from(bytes));
    },
  );
}
