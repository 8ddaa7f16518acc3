import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildUser } from '../../../test/support/factories.ts';
import { pdfText } from '../../../test/support/pdf-text.ts';
import { createTestStore, DIALECTS, type TestStore } from '../../../test/support/test-db.ts';
import { verifyAuditChain } from '../../kernel/audit/audit.ts';
import { setMembership } from '../../kernel/users/users.ts';
import type { TrainingScope } from '../classes/access.ts';
import { eraseStudent, exportStudent } from '../privacy/student-privacy.ts';
import { placement, trainingClass } from '../test-helpers.ts';
import { attestationPdf } from './attestation-pdf.ts';
import { agreementInput, hostInput } from './contract.ts';
import {
  addPeriod,
  attestationData,
  createAgreement,
  createHost,
  listHosts,
  listPfmpStudents,
  recordAttendance,
  setActivities,
  studentPfmp,
  tutorAssessments,
  updateAgreement,
} from './pfmp.ts';

describe.each(DIALECTS)('PFMP on %s', (dialect) => {
  let store: TestStore;
  let schoolId: string;
  let teacher: string;
  let otherTeacher: TrainingScope;
  beforeAll(async () => {
    store = await createTestStore(dialect);
    const admin = await buildUser(store.db);
    schoolId = (await buildOrganisation(store.db, admin.id, { name: 'Lycée Dupuy de Lôme' })).id;
    teacher = (await buildUser(store.db)).id;
    const other = (await buildUser(store.db)).id;
    for (const userId of [teacher, other])
      await store.db
        .transaction()
        .execute((trx) => setMembership(trx, { orgId: schoolId, userId, role: 'teacher', actorId: null }));
    otherTeacher = { orgId: schoolId, userId: other, role: 'teacher' };
  });
  afterAll(async () => {
    await store?.drop();
  });

  const write = <T>(fn: (trx: TestStore['db']) => Promise<T>) => store.db.transaction().execute(fn);

  it('counts weeks and days, the allowance owed, and the warnings, over several agreements', async () => {
    const { scope, students } = await trainingClass(store.db, schoolId, teacher, { students: 1 });
    const studentId = students[0]!.id;
    const signed = await placement(store.db, scope, studentId);
    let pfmp = await studentPfmp(store.db, scope, studentId, '2026-11-27');
    expect(pfmp.weeks).toEqual({ planned: 2, done: 0.8, daysDone: 4, required: 20, referentiel: 22 });
    // 4 days present in première at 15 € a day.
    expect(pfmp.allowance).toEqual({
      totalOwedCents: 6000,
      years: [
        {
          schoolYear: '2026-2027',
          level: 'premiere',
          daysPresent: 4,
          computedCents: 6000,
          capCents: 60000,
          owedCents: 6000,
        },
      ],
    });
    expect(pfmp.warnings.map((w) => w.code)).toEqual(['below-requirement', 'attendance-missing']);
    expect(pfmp.warnings[1]).toMatchObject({ message: 'Présence non saisie pour 5 jour(s) passé(s).' });

    // An earlier year's placement (seconde, 2025-2026), and a draft one overlapping the first.
    const host = signed.host.id;
    const seconde = await write((trx) =>
      createAgreement(
        trx,
        scope,
        studentId,
        agreementInput.parse({
          hostId: host,
          schoolYear: '2025-2026',
          level: 'seconde',
          periods: [{ startsOn: '2026-01-05', endsOn: '2026-02-13' }],
        }),
      ),
    );
    await write((trx) =>
      updateAgreement(trx, scope, seconde.id, {
        tutorId: null,
        referentUserId: null,
        status: 'signed',
        signedOn: '2025-12-01',
        activitiesPlanned: '',
      }),
    );
    const days = (from: string, n: number) =>
      Array.from({ length: n }, (_, i) => {
        const d = new Date(`${from}T00:00:00Z`);
        d.setUTCDate(d.getUTCDate() + i);
        return d.toISOString().slice(0, 10);
      }).filter((d) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()));
    await write((trx) =>
      recordAttendance(
        trx,
        scope,
        seconde.periods[0]!.id,
        { days: days('2026-01-05', 40).map((day) => ({ day, status: 'present' })) },
        '2026-11-27',
      ),
    );
    const draft = await write((trx) =>
      createAgreement(
        trx,
        scope,
        studentId,
        agreementInput.parse({ hostId: host, periods: [{ startsOn: '2026-10-12', endsOn: '2026-10-23' }] }),
      ),
    );
    pfmp = await studentPfmp(store.db, scope, studentId, '2026-11-27');
    // 2 + 6 + 2 weeks planned; 4 + 30 days done.
    expect(pfmp.weeks).toMatchObject({ planned: 10, done: 6.8, daysDone: 34 });
    // Seconde: 30 days × 10 € = 300 €, exactly its yearly cap; the draft pays nothing.
    expect(pfmp.allowance.years.map((y) => [y.schoolYear, y.level, y.owedCents])).toEqual([
      ['2025-2026', 'seconde', 30000],
      ['2026-2027', 'premiere', 6000],
    ]);
    expect(pfmp.allowance.totalOwedCents).toBe(36000);
    expect(pfmp.warnings.map((w) => w.code)).toEqual([
      'below-requirement',
      'overlap',
      'attendance-missing',
      'not-signed-before-start',
      'attendance-missing',
    ]);
    expect(pfmp.warnings.find((w) => w.code === 'overlap')?.periodIds).toEqual([
      signed.periods[0]!.id,
      draft.periods[0]!.id,
    ]);

    // Cancelling the draft removes its warnings.
    await write((trx) =>
      updateAgreement(trx, scope, draft.id, {
        tutorId: null,
        referentUserId: null,
        status: 'cancelled',
        signedOn: null,
        activitiesPlanned: '',
      }),
    );
    pfmp = await studentPfmp(store.db, scope, studentId, '2026-11-27');
    expect(pfmp.warnings.map((w) => w.code)).toEqual(['below-requirement', 'attendance-missing']);
    expect(await verifyAuditChain(store.db, schoolId)).toMatchObject({ ok: true });
  });

  it('refuses bad input in French, changing nothing', async () => {
    const { scope, students } = await trainingClass(store.db, schoolId, teacher, { students: 1 });
    const studentId = students[0]!.id;
    const agreement = await placement(store.db, scope, studentId, 'Mairie de Lorient');
    const create = (periods: { startsOn: string; endsOn: string }[]) =>
      write((trx) =>
        createAgreement(trx, scope, studentId, agreementInput.parse({ hostId: agreement.host.id, periods })),
      );
    await expect(create([{ startsOn: '2026-10-16', endsOn: '2026-10-05' }])).rejects.toMatchObject({
      kind: 'invalid',
      message: 'La date de fin précède la date de début.',
    });
    await expect(create([{ startsOn: '2027-08-23', endsOn: '2027-09-10' }])).rejects.toMatchObject({
      kind: 'invalid',
      message: 'La période doit se situer dans l’année scolaire 2026-2027 (du 01/09/2026 au 31/08/2027).',
    });
    await expect(
      write((trx) => addPeriod(trx, scope, agreement.id, { startsOn: '2027-06-10', endsOn: '2027-06-01' })),
    ).rejects.toMatchObject({ message: 'La date de fin précède la date de début.' });
    const periodId = agreement.periods[0]!.id;
    await expect(
      write((trx) =>
        recordAttendance(
          trx,
          scope,
          periodId,
          {
            days: [
              { day: '2026-10-06', status: 'absent_unjustified' },
              { day: '2026-10-19', status: 'present' },
            ],
          },
          '2026-11-27',
        ),
      ),
    ).rejects.toMatchObject({
      message: 'Le 19/10/2026 est en dehors de la période (du 05/10/2026 au 16/10/2026).',
    });
    await expect(
      write((trx) =>
        updateAgreement(trx, scope, agreement.id, {
          tutorId: null,
          referentUserId: null,
          status: 'signed',
          signedOn: null,
          activitiesPlanned: '',
        }),
      ),
    ).rejects.toMatchObject({ message: 'Indiquez la date de signature de la convention.' });
    await expect(
      write((trx) => setActivities(trx, scope, agreement.id, ['1.1.t1', '9.9.t9'])),
    ).rejects.toMatchObject({ message: 'Tâche inconnue du référentiel : 9.9.t9.' });
    expect(() => hostInput.parse({ name: 'X', address: 'Y', sector: 'Z', siret: '123' })).toThrow(/SIRET/);
    // Nothing changed: still one agreement, the first day still present, the tasks as they were.
    const pfmp = await studentPfmp(store.db, scope, studentId, '2026-11-27');
    expect(pfmp.agreements).toHaveLength(1);
    expect(pfmp.agreements[0]!.periods).toHaveLength(1);
    expect(pfmp.agreements[0]!.periods[0]!.attendance[1]).toEqual({ day: '2026-10-06', status: 'present' });
    expect(pfmp.agreements[0]!.activitiesDone).toEqual(['1.1.t1', '1.2.t2']);
    expect(pfmp.agreements[0]!.status).toBe('signed');
  });

  it('lets the student read their own PFMP and tick tasks; other teachers and students get 404', async () => {
    const { scope, students, logins } = await trainingClass(store.db, schoolId, teacher, {
      students: 2,
      joined: 2,
    });
    const agreement = await placement(store.db, scope, students[0]!.id, 'SARL Breizh Bureau');
    const me: TrainingScope = { orgId: schoolId, userId: logins[0]!.userId, role: 'student' };
    const classmate: TrainingScope = { orgId: schoolId, userId: logins[1]!.userId, role: 'student' };
    const own = await studentPfmp(store.db, me, students[0]!.id, '2026-11-27');
    expect(own.canManage).toBe(false);
    expect(own.agreements[0]!.host.name).toBe('SARL Breizh Bureau');
    const ticked = await write((trx) => setActivities(trx, me, agreement.id, ['1.1.t1', '1.1.t2', '1.3.t1']));
    expect(ticked.activitiesDone).toEqual(['1.1.t1', '1.1.t2', '1.3.t1']);
    expect((await listPfmpStudents(store.db, me)).map((s) => s.id)).toEqual([students[0]!.id]);

    for (const who of [classmate, otherTeacher]) {
      await expect(studentPfmp(store.db, who, students[0]!.id)).rejects.toMatchObject({ kind: 'not-found' });
      await expect(write((trx) => setActivities(trx, who, agreement.id, []))).rejects.toMatchObject({
        kind: 'not-found',
      });
      await expect(attestationData(store.db, who, agreement.id)).rejects.toMatchObject({ kind: 'not-found' });
    }
    // The student may not manage: no attendance, no status change, no hosts.
    await expect(
      write((trx) =>
        recordAttendance(trx, me, agreement.periods[0]!.id, {
          days: [{ day: '2026-10-12', status: 'present' }],
        }),
      ),
    ).rejects.toMatchObject({ kind: 'not-found' });
    await expect(listHosts(store.db, me)).rejects.toMatchObject({ kind: 'not-found' });
    await expect(
      write((trx) => createHost(trx, me, hostInput.parse({ name: 'X', address: 'Y', sector: 'Z' }))),
    ).rejects.toMatchObject({ kind: 'not-found' });
    expect(await listPfmpStudents(store.db, otherTeacher)).toEqual([]);
  });

  it('hands the tutor’s assessment to the assessment module, prints the attestation, exports and erases', async () => {
    const { scope, students } = await trainingClass(store.db, schoolId, teacher, { students: 1 });
    const studentId = students[0]!.id;
    const agreement = await placement(store.db, scope, studentId, 'Association Les Voiles');
    expect(await tutorAssessments(store.db, schoolId, studentId)).toEqual([
      {
        agreementId: agreement.id,
        hostName: 'Association Les Voiles',
        tutorName: 'Claire Martin',
        source: 'paper',
        assessedOn: '2026-10-16',
        indicatorCode: '1.1.1.i1',
        competencyCode: '1.1.1',
        level: 3,
        comment: 'Bon accueil téléphonique.',
      },
    ]);

    const text = pdfText(await attestationPdf(await attestationData(store.db, scope, agreement.id)));
    expect(text).toContain('Attestation de PFMP');
    expect(text).toContain('Période de formation en milieu professionnel');
    expect(text).toContain('Association Les Voiles');
    expect(text).toContain('3 rue du Port, 56100 Lorient');
    expect(text).toContain('Du 05/10/2026 au 16/10/2026 : 4 jours effectués sur 10 jours prévus');
    expect(text).toContain('Durée effectuée : 0,8 semaine (4 jours de présence).');
    expect(text).toContain('1.1.t1 — ');
    expect(text).toContain('1.2.t2 — Traitement de la livraison et de la facturation');
    expect(text).toContain('Élève1 D. (');

    const exported = await exportStudent(store.db, scope, studentId);
    expect(exported.pfmp.map((a) => a.host.name)).toEqual(['Association Les Voiles']);
    await eraseStudent(store, scope, studentId);
    const left = await store.db
      .selectFrom('training_pfmp_agreement')
      .select('id')
      .where('org_id', '=', schoolId)
      .where('student_id', '=', studentId)
      .execute();
    expect(left).toEqual([]);
    expect(await tutorAssessments(store.db, schoolId, studentId)).toEqual([]);
    // The host stays: it is the school's address book, not the student's data.
    expect((await listHosts(store.db, scope)).some((h) => h.name === 'Association Les Voiles')).toBe(true);
  });
});
