import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildUser } from '../../../test/support/factories.ts';
import { pdfText } from '../../../test/support/pdf-text.ts';
import { createTestStore, DIALECTS, type TestStore } from '../../../test/support/test-db.ts';
import type { Db } from '../../kernel/db/index.ts';
import { organisationInput } from '../../kernel/organisations/contract.ts';
import { getOrganisation, updateOrganisation } from '../../kernel/organisations/organisation.ts';
import { partyInput } from '../../kernel/parties/contract.ts';
import { createParty } from '../../kernel/parties/party.ts';
import { setMembership } from '../../kernel/users/users.ts';
import {
  createInvoiceDraft,
  invoiceDraftInput,
  invoiceSettingsInput,
  receiptInput,
  recordReceipt,
  saveInvoiceSettings,
  validateInvoice,
} from '../../relations/index.ts';
import type { TrainingScope } from '../classes/access.ts';
import { portfolioEntryInput } from '../portfolio/contract.ts';
import {
  addPortfolioEntry,
  deletePortfolioEntry,
  myPortfolio,
  studentPortfolio,
  updatePortfolioEntry,
} from '../portfolio/portfolio.ts';
import { portfolioPdf } from '../portfolio/portfolio-pdf.ts';
import { eraseStudent, exportStudent } from '../privacy/student-privacy.ts';
import { loadReferentiel } from '../referentiel/referentiel.ts';
import { listClassSandboxes } from '../sandboxes/sandbox.ts';
import { handOutBlankScenario, trainingClass } from '../test-helpers.ts';
import {
  buildStudentAssessment,
  classSynthesis,
  confirmLevel,
  examUnitsByBlock,
  studentAssessment,
} from './assessment.ts';

/** A student's morning in their sandbox, through the domain functions, as their own login. */
async function invoiceAndCollect(db: Db, sandboxOrgId: string, userId: string) {
  return db.transaction().execute(async (trx) => {
    // First the blank company's missing address and RCS city, as the student would in the settings.
    const org = await getOrganisation(trx, sandboxOrgId);
    await updateOrganisation(
      trx,
      sandboxOrgId,
      organisationInput.parse({
        name: org.name,
        kind: org.kind,
        legalForm: org.legalForm,
        siren: org.siren,
        vatNumber: org.vatNumber,
        vatRegime: org.vatRegime,
        addressLine1: '1 place du Marché',
        postalCode: '69001',
        city: 'Lyon',
      }),
      userId,
    );
    await saveInvoiceSettings(trx, sandboxOrgId, invoiceSettingsInput.parse({ rcsCity: 'Lyon' }), userId);
    const customer = await createParty(
      trx,
      sandboxOrgId,
      partyInput.parse({
        kind: 'organisation',
        name: 'SAS Martin',
        roles: ['customer'],
        legalForm: 'SAS',
        siren: '901456780',
        addresses: [{ kind: 'billing', line1: '12 rue de la République', postalCode: '69002', city: 'Lyon' }],
      }),
      userId,
    );
    const draft = await createInvoiceDraft(
      trx,
      sandboxOrgId,
      invoiceDraftInput.parse({
        customerId: customer.id,
        issueDate: '2026-11-20',
        lines: [{ label: 'Conseil', quantity: '2', unitPrice: '500', vatRate: '20' }],
      }),
      userId,
    );
    const invoice = await validateInvoice(trx, sandboxOrgId, draft.id, userId);
    await recordReceipt(
      trx,
      sandboxOrgId,
      receiptInput.parse({
        customerId: customer.id,
        date: '2026-11-25',
        method: 'transfer',
        amount: 120000,
        allocations: [{ invoiceId: invoice.id, amount: 120000 }],
      }),
      userId,
    );
    return invoice;
  });
}

describe.each(DIALECTS)('assessment and portfolio on %s', (dialect) => {
  let store: TestStore;
  let schoolId: string;
  let teacherId: string;
  let otherTeacherId: string;
  beforeAll(async () => {
    store = await createTestStore(dialect);
    const admin = await buildUser(store.db);
    schoolId = (await buildOrganisation(store.db, admin.id, { name: 'Lycée du Val' })).id;
    teacherId = (await buildUser(store.db, { name: 'Claire Martin' })).id;
    otherTeacherId = (await buildUser(store.db)).id;
    for (const userId of [teacherId, otherTeacherId])
      await store.db
        .transaction()
        .execute((trx) => setMembership(trx, { orgId: schoolId, userId, role: 'teacher', actorId: null }));
  });
  afterAll(async () => {
    await store?.drop();
  });

  it('reads each student’s work from their sandbox, proposes levels from it, and keeps the teacher’s decision', async () => {
    const { scope, cls, logins } = await trainingClass(store.db, schoolId, teacherId, {
      students: 2,
      joined: 2,
    });
    await handOutBlankScenario(store, scope, cls.id, '2026-12-01');
    const sandboxes = await listClassSandboxes(store.db, scope, cls.id);
    const [active, idle] = logins;
    const activeSandbox = sandboxes.find((s) => s.studentId === active!.studentId)!;
    const invoice = await invoiceAndCollect(store.db, activeSandbox.sandboxOrgId, active!.userId);
    // The teacher's own work in the same sandbox is not the student's evidence.
    await store.db
      .transaction()
      .execute((trx) =>
        createParty(
          trx,
          activeSandbox.sandboxOrgId,
          partyInput.parse({ kind: 'person', name: 'Fournisseur du prof', roles: ['supplier'] }),
          teacherId,
        ),
      );

    const activeScope: TrainingScope = { orgId: schoolId, userId: active!.userId, role: 'student' };
    const idleScope: TrainingScope = { orgId: schoolId, userId: idle!.userId, role: 'student' };

    // Evidence: what the active student did, in order, with the documents and competencies.
    const portfolio = await myPortfolio(store.db, activeScope);
    expect(portfolio.evidence.map((e) => e.action)).toEqual([
      'party.created',
      'relations.invoice.drafted',
      'relations.invoice.validated',
      'relations.receipt.recorded',
    ]);
    const issued = portfolio.evidence.find((e) => e.action === 'relations.invoice.validated')!;
    expect(issued).toMatchObject({
      label: 'Facture émise',
      documentKind: 'Facture',
      // Named by its number and its total incl. VAT (2 × 500 € + 20 % VAT), Intl's French spaces.
      documentLabel: `${invoice.number} — 1\u202f200,00\u00a0€ TTC`,
      path: `/orgs/${activeSandbox.sandboxOrgId}/relations/invoices/${invoice.id}`,
      codes: ['1.2.t2'],
      sandboxId: activeSandbox.id,
    });
    expect(issued.competencies).toEqual(['1.2.1', '1.2.2', '1.2.3', '1.2.4']);
    expect(portfolio.evidence.find((e) => e.action === 'party.created')?.documentLabel).toBe('SAS Martin');
    expect(portfolio.competencies.find((c) => c.code === '1.2.1')).toMatchObject({ evidence: 3, entries: 0 });
    expect((await myPortfolio(store.db, idleScope)).evidence).toEqual([]);

    // Proposals differ: the active student is "en cours d'acquisition" where they worked; the idle one
    // has no proposal at all (nothing is known), not a failure.
    const activeGrid = await studentAssessment(store.db, scope, active!.studentId);
    const idleGrid = await studentAssessment(store.db, scope, idle!.studentId);
    const indicator = (grid: typeof activeGrid, code: string) =>
      grid.blocks.flatMap((b) => b.competencies.flatMap((c) => c.indicators)).find((i) => i.code === code)!;
    expect(indicator(activeGrid, '1.2.1.i1')).toMatchObject({
      proposed: 2,
      confirmed: null,
      basis: { passed: 0, failed: 0, situations: 0, evidence: 3 },
    });
    expect(indicator(idleGrid, '1.2.1.i1')).toMatchObject({ proposed: null, confirmed: null });
    expect(activeGrid.blocks.find((b) => b.code === 'B1')?.level).toBe(2);
    expect(idleGrid.blocks.find((b) => b.code === 'B1')?.level).toBeNull();
    expect(indicator(activeGrid, '2.1.1.i1').proposed).toBeNull();
    // Grids per exam unit: E31 assesses bloc B1, E2 bloc B2, E32 bloc B3.
    expect(activeGrid.examUnits.map((u) => `${u.code}:${u.block}`)).toEqual(['E2:B2', 'E31:B1', 'E32:B3']);
    expect(activeGrid.examUnits.find((u) => u.code === 'E31')?.level).toBe(2);

    // The teacher confirms a different level, with a comment; who and when are kept, and audited.
    const confirmed = await store.db
      .transaction()
      .execute((trx) =>
        confirmLevel(trx, scope, active!.studentId, '1.2.1.i1', { level: 3, comment: 'Facture juste.' }),
      );
    expect(confirmed).toMatchObject({
      proposed: 2,
      confirmed: 3,
      comment: 'Facture juste.',
      assessedBy: 'Claire Martin',
    });
    const stored = await store.db
      .selectFrom('training_assessment')
      .select(['level', 'proposed_level', 'assessed_by', 'comment'])
      .where('org_id', '=', schoolId)
      .where('student_id', '=', active!.studentId)
      .executeTakeFirstOrThrow();
    expect({ ...stored, level: Number(stored.level), proposed_level: Number(stored.proposed_level) }).toEqual(
      {
        level: 3,
        proposed_level: 2,
        assessed_by: teacherId,
        comment: 'Facture juste.',
      },
    );
    await store.db
      .transaction()
      .execute((trx) => confirmLevel(trx, scope, active!.studentId, '1.2.1.i1', { level: 4, comment: null }));
    const audit = await store.db
      .selectFrom('audit_event')
      .select(['actor_id', 'after_json', 'before_json'])
      .where('org_id', '=', schoolId)
      .where('action', '=', 'training.assessment.confirmed')
      .orderBy('seq')
      .execute();
    expect(audit).toHaveLength(2);
    expect(audit[1]).toMatchObject({ actor_id: teacherId });
    expect(JSON.parse(audit[1]!.before_json!)).toMatchObject({ level: 3 });
    expect(
      indicator(await studentAssessment(store.db, activeScope, active!.studentId), '1.2.1.i1'),
    ).toMatchObject({
      proposed: 2,
      confirmed: 4,
    });

    // Unknown indicator, another class's teacher, a student: refused, nothing stored.
    await expect(
      store.db
        .transaction()
        .execute((trx) =>
          confirmLevel(trx, scope, active!.studentId, '9.9.9.i1', { level: 2, comment: null }),
        ),
    ).rejects.toMatchObject({ kind: 'invalid' });
    const other: TrainingScope = { orgId: schoolId, userId: otherTeacherId, role: 'teacher' };
    await expect(
      store.db
        .transaction()
        .execute((trx) =>
          confirmLevel(trx, other, active!.studentId, '1.2.1.i2', { level: 2, comment: null }),
        ),
    ).rejects.toMatchObject({ kind: 'not-found' });
    await expect(
      store.db
        .transaction()
        .execute((trx) =>
          confirmLevel(trx, activeScope, active!.studentId, '1.2.1.i2', { level: 4, comment: null }),
        ),
    ).rejects.toMatchObject({ kind: 'not-found' });
    await expect(studentAssessment(store.db, other, active!.studentId)).rejects.toMatchObject({
      kind: 'not-found',
    });
    await expect(studentAssessment(store.db, idleScope, active!.studentId)).rejects.toMatchObject({
      kind: 'not-found',
    });

    // With the situations' outcomes (part 5), the same trail proposes from the checks: every check passed
    // in two situations, and three actions in the trail, is "maîtrisé"; mostly failed checks, "non acquis".
    const activeRow = await store.db
      .selectFrom('training_student')
      .selectAll()
      .where('org_id', '=', schoolId)
      .where('id', '=', active!.studentId)
      .executeTakeFirstOrThrow();
    const withChecks = await buildStudentAssessment(
      store.db,
      schoolId,
      activeRow,
      loadReferentiel('agora'),
      [
        { studentId: active!.studentId, situationId: 's1', indicatorCode: '1.2.3.i1', passed: 3, failed: 0 },
        { studentId: active!.studentId, situationId: 's2', indicatorCode: '1.2.3.i1', passed: 2, failed: 0 },
        { studentId: active!.studentId, situationId: 's1', indicatorCode: '1.2.3.i2', passed: 1, failed: 3 },
        { studentId: idle!.studentId, situationId: 's1', indicatorCode: '1.2.3.i3', passed: 5, failed: 0 },
      ],
      [],
    );
    expect(indicator(withChecks, '1.2.3.i1')).toMatchObject({
      proposed: 4,
      basis: { passed: 5, failed: 0, situations: 2, evidence: 3 },
    });
    expect(indicator(withChecks, '1.2.3.i2').proposed).toBe(1);
    expect(indicator(withChecks, '1.2.3.i3').proposed).toBe(2);

    // The class synthesis: one row per competency, one cell per student.
    const synthesis = await classSynthesis(store.db, scope, cls.id);
    const col = synthesis.students.findIndex((s) => s.id === active!.studentId);
    const idleCol = synthesis.students.findIndex((s) => s.id === idle!.studentId);
    const row = synthesis.rows.find((r) => r.code === '1.2.1')!;
    expect(row.levels[col]).toBe(4); // its one measured indicator (4); the seven only practised wait
    expect(row.levels[idleCol]).toBeNull();
    expect(synthesis.rows.find((r) => r.code === '1.2.2')?.levels[col]).toBe(2);
    await expect(classSynthesis(store.db, other, cls.id)).rejects.toMatchObject({ kind: 'not-found' });
    await expect(classSynthesis(store.db, activeScope, cls.id)).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('keeps the student’s own entries beside the evidence, readable by their teachers, exported as PDF', async () => {
    const { scope, cls, logins } = await trainingClass(store.db, schoolId, teacherId, {
      students: 2,
      joined: 2,
    });
    await handOutBlankScenario(store, scope, cls.id, '2026-12-01');
    const [me, classmate] = logins;
    const sandboxes = await listClassSandboxes(store.db, scope, cls.id);
    const mine = sandboxes.find((s) => s.studentId === me!.studentId)!;
    const invoice = await invoiceAndCollect(store.db, mine.sandboxOrgId, me!.userId);
    const meScope: TrainingScope = { orgId: schoolId, userId: me!.userId, role: 'student' };
    const classmateScope: TrainingScope = { orgId: schoolId, userId: classmate!.userId, role: 'student' };

    const entry = await store.db.transaction().execute((trx) =>
      addPortfolioEntry(
        trx,
        meScope,
        portfolioEntryInput.parse({
          kind: 'pfmp',
          title: 'Accueil téléphonique au cabinet Durand',
          body: 'J’ai pris les appels et noté les demandes des clients.',
          date: '2026-10-12',
          competencies: ['1.1.2', '1.1.1', '1.1.1'],
        }),
      ),
    );
    expect(entry.competencies).toEqual(['1.1.1', '1.1.2']);
    const reflection = await store.db
      .transaction()
      .execute((trx) =>
        addPortfolioEntry(
          trx,
          meScope,
          portfolioEntryInput.parse({ kind: 'reflection', title: 'Brouillon', date: '2026-11-01' }),
        ),
      );
    await store.db.transaction().execute((trx) =>
      updatePortfolioEntry(
        trx,
        meScope,
        reflection.id,
        portfolioEntryInput.parse({
          kind: 'reflection',
          title: 'Ce que m’a appris la relance',
          body: 'Relancer poliment mais fermement.',
          date: '2026-11-30',
          competencies: ['1.2.3'],
        }),
      ),
    );
    // Bad input: refused in French, nothing written.
    expect(() => portfolioEntryInput.parse({ kind: 'journal', title: '', date: '2026-13-01' })).toThrow(
      /Type inconnu/,
    );
    await expect(
      store.db.transaction().execute((trx) =>
        addPortfolioEntry(
          trx,
          meScope,
          portfolioEntryInput.parse({
            kind: 'other',
            title: 'X',
            date: '2026-11-01',
            competencies: ['9.9.9'],
          }),
        ),
      ),
    ).rejects.toMatchObject({ kind: 'invalid' });
    // Nobody edits someone else's entry; a teacher writes no entry.
    await expect(
      store.db.transaction().execute((trx) => deletePortfolioEntry(trx, classmateScope, entry.id)),
    ).rejects.toMatchObject({ kind: 'not-found' });
    await expect(
      store.db
        .transaction()
        .execute((trx) =>
          addPortfolioEntry(
            trx,
            scope,
            portfolioEntryInput.parse({ kind: 'other', title: 'X', date: '2026-11-01' }),
          ),
        ),
    ).rejects.toMatchObject({ kind: 'not-found' });

    // The teacher reads it; the classmate and another class's teacher do not.
    const read = await studentPortfolio(store.db, scope, me!.studentId);
    expect(read.entries.map((e) => e.title)).toEqual([
      'Accueil téléphonique au cabinet Durand',
      'Ce que m’a appris la relance',
    ]);
    expect(read.evidence).toHaveLength(4);
    expect(read.competencies.find((c) => c.code === '1.1.1')).toMatchObject({ evidence: 0, entries: 1 });
    expect(read.competencies.find((c) => c.code === '1.2.3')).toMatchObject({ evidence: 3, entries: 1 });
    await expect(studentPortfolio(store.db, classmateScope, me!.studentId)).rejects.toMatchObject({
      kind: 'not-found',
    });
    await expect(
      studentPortfolio(store.db, { orgId: schoolId, userId: otherTeacherId, role: 'teacher' }, me!.studentId),
    ).rejects.toMatchObject({ kind: 'not-found' });

    const text = pdfText(await portfolioPdf(read));
    expect(text).toContain(`Portfolio de compétences — ${read.student.name}`);
    expect(text).toContain(`Classe : ${cls.name}`);
    expect(text).toContain(`Facture émise : Facture ${invoice.number}`);
    expect(text).toContain('Encaissement enregistré');
    expect(text).toContain('Accueil téléphonique au cabinet Durand');
    expect(text).toContain('Travail en PFMP · 12/10/2026');
    expect(text).toContain('J’ai pris les appels et noté les demandes des clients.');
    expect(text).toContain('1.2.3 Assurer le suivi des enregistrements');
    expect(text).toMatch(/Compétences : 1\.1\.1, 1\.1\.2/);

    // Erasing the student takes their portfolio and assessments with them.
    await store.db
      .transaction()
      .execute((trx) => confirmLevel(trx, scope, me!.studentId, '1.1.1.i1', { level: 3, comment: null }));
    const exported = await exportStudent(store.db, scope, me!.studentId);
    expect(exported.portfolioEntries.map((e) => e.title)).toEqual([
      'Accueil téléphonique au cabinet Durand',
      'Ce que m’a appris la relance',
    ]);
    expect(exported.assessments).toEqual([
      expect.objectContaining({ indicator: '1.1.1.i1', level: 3, comment: null }),
    ]);
    await eraseStudent(store, scope, me!.studentId);
    for (const table of ['training_portfolio_entry', 'training_assessment'] as const) {
      const left = await store.db
        .selectFrom(table)
        .select('id')
        .where('org_id', '=', schoolId)
        .where('student_id', '=', me!.studentId)
        .execute();
      expect(left).toEqual([]);
    }
  });

  it('finds the exam units of each bloc in the référentiel', () => {
    expect(examUnitsByBlock(loadReferentiel('agora'))).toEqual([
      { code: 'E2', title: expect.stringContaining('production'), block: 'B2' },
      {
        code: 'E31',
        title: 'Gestion des relations avec les clients, les usagers et les adhérents',
        block: 'B1',
      },
      { code: 'E32', title: 'Administration du personnel', block: 'B3' },
    ]);
  });
});
