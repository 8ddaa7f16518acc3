import { z } from 'zod';
import { type App, type Deps, orgRoute, scopeOf } from '../http.ts';
import { addClassTeacher, createClass, createGroup, getClass, listClasses } from './class.ts';
import {
  classDto,
  classInput,
  groupInput,
  studentDto,
  studentImportInput,
  studentInput,
  teacherInput,
} from './contract.ts';
import { addStudent, importStudents, listStudents } from './students.ts';

const params = z.object({ orgId: z.string().max(64) });
const classParams = z.object({ orgId: z.string().max(64), classId: z.string().max(64) });
const tags = ['formation'];

export function classRoutes(app: App, { store }: Deps) {
  app.get(
    '/api/v1/orgs/:orgId/training/classes',
    {
      ...orgRoute(store, 'training.read'),
      schema: {
        tags,
        summary: 'Classes visibles (toutes pour le responsable, les siennes pour un enseignant ou un élève)',
        params,
        response: { 200: z.object({ items: z.array(classDto) }) },
      },
    },
    async (request) => ({ items: await listClasses(store.db, scopeOf(request)) }),
  );

  app.post(
    '/api/v1/orgs/:orgId/training/classes',
    {
      ...orgRoute(store, 'training.manage'),
      schema: { tags, summary: 'Créer une classe', params, body: classInput, response: { 201: classDto } },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const created = await store.db.transaction().execute((trx) => createClass(trx, scope, request.body));
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/training/classes/:classId',
    {
      ...orgRoute(store, 'training.read'),
      schema: { tags, summary: 'Une classe', params: classParams, response: { 200: classDto } },
    },
    async (request) => getClass(store.db, scopeOf(request), request.params.classId),
  );

  app.post(
    '/api/v1/orgs/:orgId/training/classes/:classId/teachers',
    {
      ...orgRoute(store, 'training.manage'),
      schema: {
        tags,
        summary: 'Ajouter un(e) enseignant(e) à la classe',
        params: classParams,
        body: teacherInput,
        response: { 200: classDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return store.db
        .transaction()
        .execute((trx) => addClassTeacher(trx, scope, request.params.classId, request.body.userId));
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/training/classes/:classId/groups',
    {
      ...orgRoute(store, 'training.manage'),
      schema: {
        tags,
        summary: 'Créer un groupe',
        params: classParams,
        body: groupInput,
        response: { 201: classDto },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const updated = await store.db
        .transaction()
        .execute((trx) => createGroup(trx, scope, request.params.classId, request.body.name));
      return reply.code(201).send(updated);
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/training/classes/:classId/students',
    {
      ...orgRoute(store, 'training.manage'),
      schema: {
        tags,
        summary: 'Élèves de la classe, avec leur code d’invitation tant qu’ils n’ont pas rejoint',
        params: classParams,
        response: { 200: z.object({ items: z.array(studentDto) }) },
      },
    },
    async (request) => ({ items: await listStudents(store.db, scopeOf(request), request.params.classId) }),
  );

  app.post(
    '/api/v1/orgs/:orgId/training/classes/:classId/students',
    {
      ...orgRoute(store, 'training.manage'),
      schema: {
        tags,
        summary: 'Inscrire un élève (reçoit un code d’invitation)',
        params: classParams,
        body: studentInput,
        response: { 201: studentDto },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const created = await store.db
        .transaction()
        .execute((trx) => addStudent(trx, scope, request.params.classId, request.body));
      return reply.code(201).send(created);
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/training/classes/:classId/students/import',
    {
      ...orgRoute(store, 'training.manage'),
      schema: {
        tags,
        summary: 'Importer une liste d’élèves (CSV : prénom, nom, e-mail, groupe) — tout ou rien',
        params: classParams,
        body: studentImportInput,
        response: { 201: z.object({ items: z.array(studentDto) }) },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const items = await store.db
        .transaction()
        .execute((trx) => importStudents(trx, scope, request.params.classId, request.body.csv));
      return reply.code(201).send({ items });
    },
  );
}
