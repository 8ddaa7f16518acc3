import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/kernel/db/index.ts';
import { putBytes, readDocument, recordDocument } from '../../src/kernel/documents/document-store.ts';
import { setMembership } from '../../src/kernel/users/users.ts';
import type { TrainingScope } from '../../src/training/classes/access.ts';
import { type SituationDto, situationInput } from '../../src/training/situations/contract.ts';
import {
  copyTitle,
  deleteSituation,
  duplicateSituation,
  PUBLISHED_NOT_DELETABLE,
  RESULTS_NOT_DELETABLE,
} from '../../src/training/situations/duplicate-delete.ts';
import { classResults, refreshClassResults } from '../../src/training/situations/results.ts';
import { createSituation, getSituation, updateSituation } from '../../src/training/situations/situation.ts';
import { handOutBlankScenario, trainingClass } from '../../src/training/test-helpers.ts';
import { buildOrganisation, buildUser } from '../support/factories.ts';
import { createTestStore, DIALECTS, type TestStore } from '../support/test-db.ts';

const documentsDir = mkdtempSync(join(tmpdir(), 'agora-situation-copies-'));

/** What a situation is made of, everywhere in the school: a refused delete must leave all of it. */
async function schoolRows(store: TestStore, orgId: string) {
  const db = store.db;
  const rows = (table: 'training_situation' | 'training_situation_check' | 'document') =>
    db.selectFrom(table).selectAll().where('org_id', '=', orgId).orderBy('id').execute();
  return {
    situations: await rows('training_situation'),
    checks: await rows('training_situation_check'),
    documents: await rows('document'),
    links: await db
      .selectFrom('training_situation_document')
      .selectAll()
      .where('org_id', '=', orgId)
      .orderBy('situation_id')
      .orderBy('position')
      .execute(),
    results: await db
      .selectFrom('training_situation_result')
      .selectAll()
      .where('org_id', '=', orgId)
      .orderBy('check_id')
      .orderBy('student_id')
      .execute(),
    audit: await db.selectFrom('audit_event').select('seq').where('org_id', '=', orgId).execute(),
  };
}

describe.each(DIALECTS)('duplicating and deleting situations on %s', (dialect) => {
  let store: TestStore;
  let schoolId: string;
  let scope: TrainingScope;
  let classId: string;
  let handoutId: string;

  const upload = async (fileName: string, content: string) => {
    const bytes = new TextEncoder().encode(content);
    const sha256 = await putBytes(documentsDir, bytes);
    return store.db.transaction().execute((trx) =>
      recordDocument(trx, {
        orgId: schoolId,
        sha256,
        fileName,
        mediaType: 'text/plain',
        size: bytes.byteLength,
        actorId: scope.userId,
      }),
    );
  };
  const contentOf = async (documentId: string) =>
    (await readDocument(store.db, documentsDir, schoolId, documentId)).bytes.toString('utf8');
  const create = (input: Record<string, unknown>) =>
    store.db
      .transaction()
      .execute((trx) =>
        createSituation(
          trx,
          scope,
          classId,
          situationInput.parse({ handoutId, title: 'Situation', statement: 'Faites-le.', ...input }),
        ),
      );
  const duplicate = (id: string) =>
    store.db.transaction().execute((trx) => duplicateSituation(trx, scope, id));
  const remove = (id: string) => store.db.transaction().execute((trx) => deleteSituation(trx, scope, id));
  const withoutIds = (s: SituationDto) => ({
    ...s,
    id: undefined,
    updatedAt: undefined,
    attachments: s.attachments.map((a) => ({ ...a, id: undefined })),
    checks: s.checks.map((c) => ({ ...c, id: undefined })),
  });

  beforeAll(async () => {
    store = await createTestStore(dialect);
    const admin = await buildUser(store.db);
    schoolId = (await buildOrganisation(store.db, admin.id, { name: 'Lycée des Copies' })).id;
    const teacherId = (await buildUser(store.db)).id;
    await store.db
      .transaction()
      .execute((trx) =>
        setMembership(trx, { orgId: schoolId, userId: teacherId, role: 'teacher', actorId: null }),
      );
    const made = await trainingClass(store.db, schoolId, teacherId, { students: 2, joined: 2 });
    scope = made.scope;
    classId = made.cls.id;
    handoutId = (await handOutBlankScenario(store, scope, classId)).handout.id;
  });
  afterAll(async () => {
    await store?.drop();
  });

  it('duplicates into a draft « (copie) » with its own attachments; deleting the copy leaves the original whole', async () => {
    const order = await upload('commande.txt', 'Commande de 12 baguettes');
    const price = await upload('tarifs.txt', 'Baguette : 1,20 €');
    const original = await create({
      title: 'Commande de la Boulangerie Martin',
      statement: '# Commande\n\n**Facturez** la commande jointe.',
      competencies: ['1.2.1'],
      indicators: ['1.2.1.i1', '1.2.3.i2'],
      dueDate: '2026-12-15',
      status: 'published',
      attachmentIds: [order.id, price.id],
      checks: [
        {
          label: 'Une facture validée de 14,40 €',
          entity: 'invoice',
          conditions: [
            { field: 'status', operator: 'eq', value: 'validated' },
            { field: 'total', operator: 'eq', value: '14.40' },
          ],
          indicators: ['1.2.1.i1'],
        },
        {
          label: 'Exactement un client',
          entity: 'party',
          conditions: [{ field: 'name', operator: 'contains', value: 'Martin' }],
          countMode: 'exactly',
          expectedCount: 1,
          indicators: ['1.2.3.i2'],
        },
      ],
    });
    await refreshClassResults(store.db, scope, original.id);

    const copy = await duplicate(original.id);
    expect(copy.id).not.toBe(original.id);
    expect(copy).toMatchObject({
      title: 'Commande de la Boulangerie Martin (copie)',
      status: 'draft',
      classId,
      handoutId,
    });
    // Everything else as the original: statement, targets, due date, checks in order, attachments in order.
    expect(withoutIds(copy)).toEqual({
      ...withoutIds(original),
      title: 'Commande de la Boulangerie Martin (copie)',
      status: 'draft',
    });
    expect(copy.checks.map((c) => c.id)).not.toContain(original.checks[0]!.id);
    // Own document rows, same content.
    expect(copy.attachments.map((a) => a.id)).not.toContain(order.id);
    expect(await Promise.all(copy.attachments.map((a) => contentOf(a.id)))).toEqual([
      'Commande de 12 baguettes',
      'Baguette : 1,20 €',
    ]);
    // Results stay with the original: the copy has not been worked on.
    expect((await classResults(store.db, scope, original.id)).results).toHaveLength(4);
    expect((await classResults(store.db, scope, copy.id)).results).toEqual([]);
    const audit = await store.db
      .selectFrom('audit_event')
      .select(['action', 'after_json'])
      .where('org_id', '=', schoolId)
      .where('entity_id', '=', copy.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['training.situation.duplicated']);
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({ from: original.id, checks: 2, attachments: 2 });

    const before = await getSituation(store.db, scope, original.id);
    await remove(copy.id);
    await expect(getSituation(store.db, scope, copy.id)).rejects.toMatchObject({ kind: 'not-found' });
    expect(await getSituation(store.db, scope, original.id)).toEqual(before);
    expect(await contentOf(order.id)).toBe('Commande de 12 baguettes');
    expect(await contentOf(price.id)).toBe('Baguette : 1,20 €');
    // The copy's document rows went with it; its checks too.
    const left = await schoolRows(store, schoolId);
    for (const a of copy.attachments) expect(left.documents.map((d) => d.id)).not.toContain(a.id);
    expect(left.checks.filter((c) => c.situation_id === copy.id)).toEqual([]);
    expect(left.links.filter((l) => l.situation_id === copy.id)).toEqual([]);
  });

  it('refuses to delete a published situation, or a draft with results, and changes nothing', async () => {
    const published = await create({
      title: 'Publiée',
      status: 'published',
      checks: [
        {
          label: 'Une facture',
          entity: 'invoice',
          conditions: [{ field: 'status', operator: 'eq', value: 'validated' }],
        },
      ],
    });
    let rows = await schoolRows(store, schoolId);
    await expect(remove(published.id)).rejects.toMatchObject({
      kind: 'conflict',
      message: PUBLISHED_NOT_DELETABLE,
    });
    expect(await schoolRows(store, schoolId)).toEqual(rows);

    // Back to draft, but the class was evaluated on it.
    await refreshClassResults(store.db, scope, published.id);
    const body = situationInput.parse({ ...published, attachmentIds: [], status: 'draft' });
    await store.db.transaction().execute((trx) => updateSituation(trx, scope, published.id, body));
    rows = await schoolRows(store, schoolId);
    expect(rows.results.filter((r) => r.situation_id === published.id)).toHaveLength(2);
    await expect(remove(published.id)).rejects.toMatchObject({
      kind: 'conflict',
      message: RESULTS_NOT_DELETABLE,
    });
    expect(await schoolRows(store, schoolId)).toEqual(rows);
  });

  it('keeps a document another situation still lists', async () => {
    const shared = await upload('partagé.txt', 'Pour deux situations');
    const first = await create({ title: 'Première', attachmentIds: [shared.id] });
    const second = await create({ title: 'Seconde', attachmentIds: [shared.id] });
    await remove(first.id);
    expect((await getSituation(store.db, scope, second.id)).attachments.map((a) => a.id)).toEqual([
      shared.id,
    ]);
    expect(await contentOf(shared.id)).toBe('Pour deux situations');
    // The last one to list it takes it along.
    await remove(second.id);
    await expect(contentOf(shared.id)).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('answers 404 for another organisation’s situation and keeps a student out', async () => {
    const mine = await create({ title: 'À moi' });
    const otherAdmin = await buildUser(store.db);
    const otherSchool = (await buildOrganisation(store.db, otherAdmin.id, { name: 'Autre lycée' })).id;
    const owner: TrainingScope = { orgId: otherSchool, userId: otherAdmin.id, role: 'owner' };
    const writes: ((trx: Db, scope: TrainingScope, id: string) => Promise<unknown>)[] = [
      duplicateSituation,
      deleteSituation,
    ];
    for (const write of writes)
      await expect(store.db.transaction().execute((trx) => write(trx, owner, mine.id))).rejects.toMatchObject(
        {
          kind: 'not-found',
        },
      );
    const student: TrainingScope = { ...scope, role: 'student' };
    await expect(
      store.db.transaction().execute((trx) => deleteSituation(trx, student, mine.id)),
    ).rejects.toMatchObject({ kind: 'not-found' });
    expect((await getSituation(store.db, scope, mine.id)).title).toBe('À moi');
  });

  it('keeps a copy’s title within the limit', () => {
    expect(copyTitle('Commande')).toBe('Commande (copie)');
    const long = copyTitle('x'.repeat(160));
    expect(long).toHaveLength(160);
    expect(long.endsWith('x (copie)')).toBe(true);
    expect(situationInput.shape.title.safeParse(long).success).toBe(true);
  });
});
