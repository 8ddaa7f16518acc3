import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildUser } from '../../../../test/support/factories.ts';
import { createTestStore, DIALECTS, type TestStore } from '../../../../test/support/test-db.ts';
import { verifyAuditChain } from '../../../kernel/audit/audit.ts';
import { copyOrganisation } from '../../../kernel/copy/copy-organisation.ts';
import { setMembership } from '../../../kernel/users/users.ts';
import type { TrainingScope } from '../../classes/access.ts';
import { eraseStudent } from '../../privacy/student-privacy.ts';
import { placement, trainingClass } from '../../test-helpers.ts';
import { tutorLinkInput, tutorSubmissionInput } from '../contract.ts';
import { studentPfmp, tutorAssessments, updateAgreement } from '../pfmp.ts';
import { createTutorLink, currentTutorLink, hashToken, revokeTutorLink } from './links.ts';
import { LINK_UNAVAILABLE, publicTutorAssessment, submitTutorAssessment } from './public.ts';

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date('2026-11-20T10:00:00.000Z');

const submission = (extra: Record<string, unknown> = {}) =>
  tutorSubmissionInput.parse({
    tutorName: 'Claire Martin',
    tutorFunction: 'Assistante de direction',
    certified: true,
    comment: 'Stagiaire ponctuelle et curieuse.',
    items: [
      { indicatorCode: '1.1.1.i2', level: 4, comment: 'Accueil exemplaire.' },
      { indicatorCode: '1.2.1.i1', level: 2 },
    ],
    ...extra,
  });

describe.each(DIALECTS)('PFMP tutor links on %s', (dialect) => {
  let store: TestStore;
  let schoolId: string;
  let teacher: string;
  let otherTeacher: TrainingScope;
  let stranger: TrainingScope;
  beforeAll(async () => {
    store = await createTestStore(dialect);
    const admin = await buildUser(store.db);
    schoolId = (await buildOrganisation(store.db, admin.id, { name: 'Lycée Colbert' })).id;
    teacher = (await buildUser(store.db)).id;
    const other = (await buildUser(store.db)).id;
    await store.db
      .transaction()
      .execute((trx) =>
        setMembership(trx, { orgId: schoolId, userId: other, role: 'teacher', actorId: null }),
      );
    otherTeacher = { orgId: schoolId, userId: other, role: 'teacher' };
    // A teacher of another school, who manages agreements there.
    const elsewhere = await buildOrganisation(store.db, null, { name: 'Lycée Ailleurs' });
    const strangerId = (await buildUser(store.db)).id;
    await trainingClass(store.db, elsewhere.id, strangerId, { students: 1 });
    stranger = { orgId: elsewhere.id, userId: strangerId, role: 'teacher' };
  });
  afterAll(async () => {
    await store?.drop();
  });

  const write = <T>(fn: (trx: TestStore['db']) => Promise<T>) => store.db.transaction().execute(fn);
  const newPlacement = async (joined = 0) => {
    const { scope, students, logins } = await trainingClass(store.db, schoolId, teacher, {
      students: 1,
      joined,
    });
    const agreement = await placement(store.db, scope, students[0]!.id, 'Cabinet Le Goff');
    return { scope, studentId: students[0]!.id, agreement, logins };
  };
  const linkRows = (agreementId: string) =>
    store.db
      .selectFrom('training_pfmp_tutor_link')
      .selectAll()
      .where('org_id', '=', schoolId)
      .where('agreement_id', '=', agreementId)
      .execute();

  it('keeps only the token’s hash, shows the tutor what they need and no more', async () => {
    const { scope, agreement } = await newPlacement();
    const created = await write((trx) =>
      createTutorLink(trx, scope, agreement.id, tutorLinkInput.parse({}), NOW),
    );
    expect(created.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created.path).toBe(`/tuteur/${created.token}`);
    expect(created.link).toMatchObject({
      status: 'active',
      expiresAt: new Date(NOW.getTime() + 30 * DAY).toISOString(),
      usedAt: null,
    });
    const rows = await linkRows(agreement.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).toBe(hashToken(created.token));
    expect(rows[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    // The token is nowhere in the database: not in the link's row, not in the audit trail.
    expect(JSON.stringify(rows)).not.toContain(created.token);
    const events = await store.db
      .selectFrom('audit_event')
      .select(['action', 'before_json', 'after_json'])
      .where('org_id', '=', schoolId)
      .execute();
    expect(events.map((e) => e.action)).toContain('training.pfmp.tutor-link.created');
    expect(JSON.stringify(events)).not.toContain(created.token);
    expect(JSON.stringify(events)).not.toContain(rows[0]!.token_hash);

    const page = await publicTutorAssessment(store.db, created.token, NOW);
    expect(page).toMatchObject({
      status: 'open',
      schoolName: 'Lycée Colbert',
      studentName: 'Élève1 D.',
      hostName: 'Cabinet Le Goff',
      schoolYear: '2026-2027',
      periods: [{ startsOn: '2026-10-05', endsOn: '2026-10-16' }],
      tutor: { name: 'Claire Martin', function: 'Assistante de direction' },
      submitted: null,
    });
    expect(page.activities.map((a) => a.code)).toEqual(['1.1.t1', '1.2.t2']);
    expect(page.activities[1]!.title).toBe('Traitement de la livraison et de la facturation');
    const first = page.competencies[0]!;
    expect(first).toMatchObject({ code: '1.1.1', blockCode: 'B1' });
    expect(first.indicators[0]!.code).toBe('1.1.1.i1');
    // Every competency with indicators, none without (the teacher's grid).
    expect(page.competencies).toHaveLength(37);
    // Data minimisation: no address, no ids, no other agreement's or person's details.
    const json = JSON.stringify(page);
    for (const secret of ['3 rue du Port', agreement.id, agreement.studentId, schoolId, 'Élève sérieuse'])
      expect(json).not.toContain(secret);
  });

  it('refuses an unknown, malformed, expired or revoked token with the same 404', async () => {
    const { scope, agreement } = await newPlacement();
    const created = await write((trx) =>
      createTutorLink(trx, scope, agreement.id, tutorLinkInput.parse({ expiresInDays: 2 }), NOW),
    );
    const gone = { kind: 'not-found', message: LINK_UNAVAILABLE };
    await expect(publicTutorAssessment(store.db, 'A'.repeat(43), NOW)).rejects.toMatchObject(gone);
    await expect(publicTutorAssessment(store.db, 'trop-court', NOW)).rejects.toMatchObject(gone);
    // Expiry: valid one second before, refused at the time.
    const expiry = new Date(NOW.getTime() + 2 * DAY);
    await expect(
      publicTutorAssessment(store.db, created.token, new Date(expiry.getTime() - 1000)),
    ).resolves.toMatchObject({ status: 'open' });
    await expect(publicTutorAssessment(store.db, created.token, expiry)).rejects.toMatchObject(gone);
    await expect(
      write((trx) => submitTutorAssessment(trx, created.token, submission(), expiry)),
    ).rejects.toMatchObject(gone);
    expect(await currentTutorLink(store.db, scope, agreement.id, expiry)).toMatchObject({
      status: 'expired',
    });

    // Revoked: gone for the tutor, shown so to the teacher; nothing left to revoke.
    const again = await write((trx) =>
      createTutorLink(trx, scope, agreement.id, tutorLinkInput.parse({}), NOW),
    );
    const revoked = await write((trx) => revokeTutorLink(trx, scope, agreement.id, NOW));
    expect(revoked).toMatchObject({ status: 'revoked', revokedAt: NOW.toISOString() });
    await expect(publicTutorAssessment(store.db, again.token, NOW)).rejects.toMatchObject(gone);
    await expect(write((trx) => revokeTutorLink(trx, scope, agreement.id, NOW))).rejects.toMatchObject({
      kind: 'rule-broken',
      message: 'Aucun lien d’évaluation actif pour cette convention.',
    });

    // 1 to 90 days, 30 by default, in French.
    expect(tutorLinkInput.parse({}).expiresInDays).toBe(30);
    expect(tutorLinkInput.safeParse({ expiresInDays: 91 }).error?.issues[0]?.message).toBe(
      'Durée de validité : de 1 à 90 jours.',
    );
    expect(tutorLinkInput.safeParse({ expiresInDays: 0 }).success).toBe(false);
  });

  it('revokes the previous link when a new one is made', async () => {
    const { scope, agreement } = await newPlacement();
    const old = await write((trx) =>
      createTutorLink(trx, scope, agreement.id, tutorLinkInput.parse({}), NOW),
    );
    const later = new Date(NOW.getTime() + 1000);
    const fresh = await write((trx) =>
      createTutorLink(trx, scope, agreement.id, tutorLinkInput.parse({}), later),
    );
    expect(fresh.token).not.toBe(old.token);
    await expect(publicTutorAssessment(store.db, old.token, later)).rejects.toMatchObject({
      kind: 'not-found',
    });
    await expect(publicTutorAssessment(store.db, fresh.token, later)).resolves.toMatchObject({
      status: 'open',
    });
    const rows = await linkRows(agreement.id);
    expect(rows.map((r) => [r.id === old.link.id, r.revoked_at !== null]).sort()).toEqual([
      [false, false],
      [true, true],
    ]);
    expect(await currentTutorLink(store.db, scope, agreement.id, later)).toMatchObject({
      id: fresh.link.id,
      status: 'active',
    });
  });

  it('stores the tutor’s sending as the assessment, origin tutor, dated in the school’s time zone, once', async () => {
    const { scope, studentId, agreement } = await newPlacement();
    const created = await write((trx) =>
      createTutorLink(trx, scope, agreement.id, tutorLinkInput.parse({}), NOW),
    );
    // 23:30 UTC on the 27th is already the 28th in Paris.
    const late = new Date('2026-11-27T23:30:00.000Z');
    const ack = await write((trx) => submitTutorAssessment(trx, created.token, submission(), late));
    expect(ack).toEqual({
      message: 'Merci : votre évaluation a bien été enregistrée et transmise à l’établissement.',
      assessedOn: '2026-11-28',
    });
    const pfmp = await studentPfmp(store.db, scope, studentId, '2026-11-28');
    expect(pfmp.agreements[0]!.assessment).toEqual({
      source: 'tutor',
      assessedOn: '2026-11-28',
      comment: 'Stagiaire ponctuelle et curieuse.',
      items: [
        { indicatorCode: '1.1.1.i2', competencyCode: '1.1.1', level: 4, comment: 'Accueil exemplaire.' },
        { indicatorCode: '1.2.1.i1', competencyCode: '1.2.1', level: 2, comment: null },
      ],
    });
    const stored = await store.db
      .selectFrom('training_pfmp_assessment')
      .select('entered_by')
      .where('org_id', '=', schoolId)
      .where('agreement_id', '=', agreement.id)
      .execute();
    expect(stored.map((s) => s.entered_by)).toEqual([null, null]);
    expect((await tutorAssessments(store.db, schoolId, studentId)).map((a) => a.source)).toEqual([
      'tutor',
      'tutor',
    ]);
    expect(await currentTutorLink(store.db, scope, agreement.id, late)).toMatchObject({
      status: 'used',
      usedAt: late.toISOString(),
      signerName: 'Claire Martin',
      signerFunction: 'Assistante de direction',
    });
    // On reload the page only thanks; a second sending is refused in French.
    const page = await publicTutorAssessment(store.db, created.token, late);
    expect(page).toMatchObject({
      status: 'submitted',
      submitted: { assessedOn: '2026-11-28', signerName: 'Claire Martin' },
      competencies: [],
      activities: [],
    });
    await expect(
      write((trx) => submitTutorAssessment(trx, created.token, submission({ comment: 'Autre' }), late)),
    ).rejects.toMatchObject({
      kind: 'conflict',
      message: expect.stringContaining('Cette évaluation a déjà été envoyée le 28/11/2026'),
    });
    expect((await studentPfmp(store.db, scope, studentId)).agreements[0]!.assessment.comment).toBe(
      'Stagiaire ponctuelle et curieuse.',
    );
    // A used link is not revoked by a new one: the teacher may still hand out another for a correction.
    const second = await write((trx) =>
      createTutorLink(trx, scope, agreement.id, tutorLinkInput.parse({}), late),
    );
    expect(second.link.status).toBe('active');
    const audit = await store.db
      .selectFrom('audit_event')
      .select(['action', 'actor_id'])
      .where('org_id', '=', schoolId)
      .where('entity_id', '=', agreement.id)
      .where('action', '=', 'training.pfmp.assessment.submitted-by-tutor')
      .execute();
    expect(audit).toEqual([{ action: 'training.pfmp.assessment.submitted-by-tutor', actor_id: null }]);
    expect(await verifyAuditChain(store.db, schoolId)).toMatchObject({ ok: true });
  });

  it('lets only the agreement’s managers make links: 404 for anyone else', async () => {
    const { scope, agreement, logins } = await newPlacement(1);
    const student: TrainingScope = { orgId: schoolId, userId: logins[0]!.userId, role: 'student' };
    // The stranger's own school with our agreement's id, and our school with a stranger's scope.
    const foreign: TrainingScope = { ...stranger };
    for (const who of [foreign, otherTeacher, student]) {
      await expect(
        write((trx) => createTutorLink(trx, who, agreement.id, tutorLinkInput.parse({}), NOW)),
      ).rejects.toMatchObject({ kind: 'not-found', message: 'Convention introuvable.' });
      await expect(currentTutorLink(store.db, who, agreement.id)).rejects.toMatchObject({
        kind: 'not-found',
      });
      await expect(write((trx) => revokeTutorLink(trx, who, agreement.id))).rejects.toMatchObject({
        kind: 'not-found',
      });
    }
    expect(await linkRows(agreement.id)).toEqual([]);
    expect(await currentTutorLink(store.db, scope, agreement.id)).toBeNull();
  });

  it('refuses bad sendings in French and writes nothing', async () => {
    const { scope, studentId, agreement } = await newPlacement();
    const created = await write((trx) =>
      createTutorLink(trx, scope, agreement.id, tutorLinkInput.parse({}), NOW),
    );
    const before = (await studentPfmp(store.db, scope, studentId)).agreements[0]!.assessment;
    expect(before.source).toBe('paper');
    await expect(
      write((trx) =>
        submitTutorAssessment(
          trx,
          created.token,
          submission({ items: [{ indicatorCode: '9.9.9.i1', level: 3 }] }),
          NOW,
        ),
      ),
    ).rejects.toMatchObject({ kind: 'invalid', message: 'Indicateur inconnu du référentiel : 9.9.9.i1.' });
    const messages = (value: Record<string, unknown>) =>
      tutorSubmissionInput.safeParse(value).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages({ tutorName: '', tutorFunction: ' ', certified: false, items: [] })).toEqual([
      'tutorName: Votre nom est obligatoire.',
      'tutorFunction: Votre fonction est obligatoire.',
      'certified: Cochez la case pour certifier cette évaluation.',
      'items: Évaluez au moins un indicateur.',
    ]);
    expect(
      messages({
        tutorName: 'A',
        tutorFunction: 'B',
        certified: true,
        items: [{ indicatorCode: '1.1.1.i1', level: 5 }],
      }),
    ).toEqual(['items.0.level: Niveau de 1 à 4.']);
    // Nothing changed: the paper assessment stays, the link is still unused.
    expect((await studentPfmp(store.db, scope, studentId)).agreements[0]!.assessment).toEqual(before);
    expect(await currentTutorLink(store.db, scope, agreement.id, NOW)).toMatchObject({
      status: 'active',
      usedAt: null,
      signerName: null,
    });
  });

  it('closes the link of a cancelled agreement, and erasing the student removes the links', async () => {
    const { scope, studentId, agreement } = await newPlacement();
    const created = await write((trx) =>
      createTutorLink(trx, scope, agreement.id, tutorLinkInput.parse({}), NOW),
    );
    const cancel = () =>
      write((trx) =>
        updateAgreement(trx, scope, agreement.id, {
          tutorId: null,
          referentUserId: null,
          status: 'cancelled',
          signedOn: null,
          activitiesPlanned: '',
        }),
      );
    await cancel();
    await expect(publicTutorAssessment(store.db, created.token, NOW)).rejects.toMatchObject({
      kind: 'not-found',
    });
    await expect(
      write((trx) => createTutorLink(trx, scope, agreement.id, tutorLinkInput.parse({}), NOW)),
    ).rejects.toMatchObject({ kind: 'rule-broken' });
    await eraseStudent(store, scope, studentId);
    expect(await linkRows(agreement.id)).toEqual([]);
  });

  it('answers for the school only when the school was copied (the copy carries the hash)', async () => {
    const { scope, studentId, agreement } = await newPlacement();
    const created = await write((trx) =>
      createTutorLink(trx, scope, agreement.id, tutorLinkInput.parse({}), NOW),
    );
    const { orgId: copyId } = await write((trx) =>
      copyOrganisation(trx, dialect, { sourceOrgId: schoolId, name: 'Copie', actorId: null }),
    );
    const copied = await store.db
      .selectFrom('training_pfmp_tutor_link')
      .select('token_hash')
      .where('org_id', '=', copyId)
      .where('agreement_id', '=', agreement.id)
      .execute();
    expect(copied).toHaveLength(1);
    expect((await publicTutorAssessment(store.db, created.token, NOW)).schoolName).toBe('Lycée Colbert');
    await write((trx) => submitTutorAssessment(trx, created.token, submission(), NOW));
    expect((await studentPfmp(store.db, scope, studentId)).agreements[0]!.assessment.source).toBe('tutor');
    const inCopy = await store.db
      .selectFrom('training_pfmp_agreement')
      .select('assessment_source')
      .where('org_id', '=', copyId)
      .where('id', '=', agreement.id)
      .executeTakeFirstOrThrow();
    expect(inCopy.assessment_source).toBe('paper');
  });
});
