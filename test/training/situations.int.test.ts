import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationInput } from '../../src/kernel/organisations/contract.ts';
import { getOrganisation, updateOrganisation } from '../../src/kernel/organisations/organisation.ts';
import { partyInput } from '../../src/kernel/parties/contract.ts';
import { getParty, updateParty } from '../../src/kernel/parties/party.ts';
import { setMembership } from '../../src/kernel/users/users.ts';
import { reminderInput } from '../../src/relations/reminders/contract.ts';
import { createReminder } from '../../src/relations/reminders/reminder.ts';
import { issueReminderDocument } from '../../src/relations/reminders/reminder-issue.ts';
import {
  receipt,
  salesCustomer,
  salesOrganisation,
  validatedInvoice,
} from '../../src/relations/test-helpers.ts';
import type { TrainingScope } from '../../src/training/classes/access.ts';
import { eraseStudent } from '../../src/training/privacy/student-privacy.ts';
import { listClassSandboxes } from '../../src/training/sandboxes/sandbox.ts';
import { CHECK_CATALOGUE } from '../../src/training/situations/check-catalogue.ts';
import { situationInput } from '../../src/training/situations/contract.ts';
import { evaluateCheck } from '../../src/training/situations/evaluate.ts';
import { indicatorOutcomes } from '../../src/training/situations/outcomes.ts';
import {
  checkMyResults,
  classResults,
  mySituation,
  mySituations,
  refreshClassResults,
} from '../../src/training/situations/results.ts';
import { SANDBOX_READERS } from '../../src/training/situations/sandbox-rows.ts';
import {
  createSituation,
  getSituation,
  listSituations,
  updateSituation,
} from '../../src/training/situations/situation.ts';
import { handOutBlankScenario, trainingClass } from '../../src/training/test-helpers.ts';
import { buildOrganisation, buildParty, buildUser } from '../support/factories.ts';
import { populateOrganisation } from '../support/populate.ts';
import { createTestStore, DIALECTS, type TestStore } from '../support/test-db.ts';

/** The sandbox of a blank scenario lacks the seller's address an invoice needs: the student fills it. */
async function completeSeller(store: TestStore, orgId: string, actorId: string) {
  const org = await getOrganisation(store.db, orgId);
  await store.db.transaction().execute((trx) =>
    updateOrganisation(
      trx,
      orgId,
      organisationInput.parse({
        name: org.name,
        kind: org.kind,
        legalForm: org.legalForm,
        siren: org.siren,
        vatNumber: org.vatNumber ?? undefined,
        vatRegime: org.vatRegime,
        addressLine1: '1 place du Marché',
        postalCode: '69001',
        city: 'Lyon',
      }),
      actorId,
    ),
  );
}

const normalize = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

describe.each(DIALECTS)('professional situations on %s', (dialect) => {
  let store: TestStore;
  let schoolId: string;
  let teacherId: string;
  beforeAll(async () => {
    store = await createTestStore(dialect);
    const admin = await buildUser(store.db);
    schoolId = (await buildOrganisation(store.db, admin.id, { name: 'Lycée du Val' })).id;
    teacherId = (await buildUser(store.db)).id;
    await store.db
      .transaction()
      .execute((trx) =>
        setMembership(trx, { orgId: schoolId, userId: teacherId, role: 'teacher', actorId: null }),
      );
  });
  afterAll(async () => {
    await store?.drop();
  });

  it('checks each student’s sandbox: one passes, the other fails with the reason', async () => {
    const { scope, cls, logins } = await trainingClass(store.db, schoolId, teacherId, {
      students: 2,
      joined: 2,
    });
    const { handout } = await handOutBlankScenario(store, scope, cls.id, '2026-12-01');
    const sandboxes = await listClassSandboxes(store.db, scope, cls.id);
    const [good, bad] = logins.map((l) => ({
      ...l,
      scope: { orgId: schoolId, userId: l.userId, role: 'student' } as TrainingScope,
      orgId: sandboxes.find((s) => s.studentId === l.studentId)!.sandboxOrgId,
    }));

    const situation = await store.db.transaction().execute((trx) =>
      createSituation(
        trx,
        scope,
        cls.id,
        situationInput.parse({
          handoutId: handout.id,
          title: 'Commande de la Boulangerie Martin',
          statement:
            '# Commande\n\nLa **Boulangerie Martin** commande par e-mail.\n\n- facturez\n- encaissez',
          competencies: ['1.2.1'],
          indicators: ['1.2.1.i1', '1.2.3.i2'],
          dueDate: '2026-12-15',
          status: 'published',
          checks: [
            {
              label: 'Facture validée de 1 234,56 € TTC',
              entity: 'invoice',
              conditions: [
                { field: 'party', operator: 'eq', value: 'boulangerie martin' },
                { field: 'status', operator: 'eq', value: 'validée' },
                { field: 'total', operator: 'eq', value: '1 234,56' },
              ],
              indicators: ['1.2.1.i1'],
            },
            {
              label: 'Encaissement de 500 € lettré',
              entity: 'receipt',
              conditions: [
                { field: 'amount', operator: 'eq', value: '500' },
                { field: 'invoices', operator: 'filled' },
              ],
              indicators: ['1.2.3.i2', '1.2.1.i1'],
            },
          ],
        }),
      ),
    );
    expect(situation.checks.map((c) => normalize(c.summary))).toEqual([
      'tiers (nom) = « boulangerie martin », statut = validée, total TTC = 1 234,56 €',
      'montant = 500,00 €, lettré avec la facture (numéro) renseigné',
    ]);

    // The good student: invoices the order (1 028,80 € HT + 20 % = 1 234,56 € TTC) and records 500 €.
    await completeSeller(store, good!.orgId, good!.userId);
    const martin = await salesCustomer(store.db, good!.orgId, { name: 'Boulangerie Martin' });
    const invoice = await validatedInvoice(store.db, good!.orgId, martin.id, {
      issueDate: '2026-12-01',
      lines: [{ label: 'Pains spéciaux', quantity: '1', unitPrice: '1028.80', vatRate: '20' }],
    });
    expect(invoice.total).toBe(123456);
    await receipt(store.db, good!.orgId, {
      customerId: martin.id,
      date: '2026-12-02',
      amount: 50000,
      allocations: [{ invoiceId: invoice.id, amount: 50000 }],
    });
    // The other: the wrong amount, and no receipt.
    await completeSeller(store, bad!.orgId, bad!.userId);
    const martin2 = await salesCustomer(store.db, bad!.orgId, { name: 'Boulangerie Martin' });
    const wrong = await validatedInvoice(store.db, bad!.orgId, martin2.id, {
      issueDate: '2026-12-01',
      lines: [{ label: 'Pains spéciaux', quantity: '1', unitPrice: '1000', vatRate: '20' }],
    });

    // 500 € of 1 234,56 €: lettered, not settled.
    const settled = situationInput.parse({
      handoutId: 'h',
      title: 'x',
      checks: [
        {
          label: 'Réglée',
          entity: 'invoice',
          conditions: [{ field: 'settled', operator: 'eq', value: 'non' }],
        },
      ],
    }).checks[0]!;
    expect((await evaluateCheck(store.db, good!.orgId, settled)).passed).toBe(true);

    const mine = await checkMyResults(store.db, good!.scope, situation.id);
    expect(mine.sandboxOrgId).toBe(good!.orgId);
    expect(mine.results.map((r) => r.passed)).toEqual([true, true]);
    expect(mine.results.every((r) => r.studentId === good!.studentId)).toBe(true);
    expect(mine.results[0]!.explanation).toContain(invoice.number!);

    const theirs = await checkMyResults(store.db, bad!.scope, situation.id);
    const [first, second] = theirs.results;
    expect(first!.passed).toBe(false);
    expect(normalize(first!.explanation)).toBe(
      `Aucune facture ne remplit toutes les conditions (tiers (nom) = « boulangerie martin », statut = validée, total TTC = 1 234,56 €) ; la plus proche : ${wrong.number}, total TTC 1 200,00 € au lieu de 1 234,56 €.`,
    );
    expect(second!.passed).toBe(false);
    expect(second!.explanation).toMatch(/^Aucun encaissement dans le bac à sable/);
    // Each student reads their own results only.
    expect((await mySituation(store.db, good!.scope, situation.id)).results).toHaveLength(2);
    expect(
      (await mySituations(store.db, bad!.scope)).flatMap((s) => s.results.map((r) => r.studentId)),
    ).toEqual([bad!.studentId, bad!.studentId]);
    await expect(classResults(store.db, good!.scope, situation.id)).rejects.toMatchObject({
      kind: 'not-found',
    });
    await expect(refreshClassResults(store.db, good!.scope, situation.id)).rejects.toMatchObject({
      kind: 'not-found',
    });

    // The teacher's class view, then the bad student fixes their invoice (a credit note and a new one).
    const grid = await refreshClassResults(store.db, scope, situation.id);
    expect(grid.students.map((s) => [s.id, s.passed, s.failed]).sort()).toEqual(
      [
        [good!.studentId, 2, 0],
        [bad!.studentId, 0, 2],
      ].sort(),
    );
    expect(grid.results).toHaveLength(4);

    const outcomes = await indicatorOutcomes(store.db, schoolId, cls.id);
    const outcome = (studentId: string, code: string) =>
      outcomes.find((o) => o.studentId === studentId && o.indicatorCode === code);
    expect(outcome(good!.studentId, '1.2.1.i1')).toMatchObject({
      situationId: situation.id,
      passed: 2,
      failed: 0,
    });
    expect(outcome(bad!.studentId, '1.2.1.i1')).toMatchObject({ passed: 0, failed: 2 });
    expect(outcome(bad!.studentId, '1.2.3.i2')).toMatchObject({ passed: 0, failed: 1 });

    // Editing a check's conditions drops its stale results; the label alone keeps them.
    const input = {
      handoutId: handout.id,
      title: situation.title,
      statement: situation.statement,
      competencies: situation.competencies,
      indicators: situation.indicators,
      dueDate: situation.dueDate,
      status: 'published',
      checks: situation.checks.map((c) => ({ ...c, label: `${c.label} !` })),
    };
    input.checks[1]!.conditions = [{ field: 'amount', operator: 'gte', value: 400 }];
    await store.db
      .transaction()
      .execute((trx) => updateSituation(trx, scope, situation.id, situationInput.parse(input)));
    const after = await classResults(store.db, scope, situation.id);
    expect(after.results.map((r) => r.checkId).every((id) => id === situation.checks[0]!.id)).toBe(true);
    expect(after.results).toHaveLength(2);

    // Erasing a student takes their results with them.
    await eraseStudent(store, scope, bad!.studentId);
    const left = await classResults(store.db, scope, situation.id);
    expect(left.results.every((r) => r.studentId === good!.studentId)).toBe(true);
    expect(left.students.map((s) => s.id)).toEqual([good!.studentId]);
  });

  it('counts what the student made or changed, not the scenario’s starting data', async () => {
    const { scope, cls, logins } = await trainingClass(store.db, schoolId, teacherId, {
      students: 2,
      joined: 2,
    });
    let customerId = '';
    const { handout } = await handOutBlankScenario(store, scope, cls.id, '2026-12-01', async (template) => {
      customerId = (await buildParty(store.db, template, { name: 'Client du modèle', roles: ['customer'] }))
        .id;
    });
    const sandboxes = await listClassSandboxes(store.db, scope, cls.id);
    const [active, idle] = logins.map((l) => ({
      ...l,
      scope: { orgId: schoolId, userId: l.userId, role: 'student' } as TrainingScope,
      orgId: sandboxes.find((s) => s.studentId === l.studentId)!.sandboxOrgId,
    }));
    const situation = await store.db.transaction().execute((trx) =>
      createSituation(
        trx,
        scope,
        cls.id,
        situationInput.parse({
          handoutId: handout.id,
          title: 'Fiche client',
          statement: 'Complétez la fiche du client.',
          status: 'published',
          checks: [
            {
              label: 'Client du modèle dans le fichier',
              entity: 'party',
              conditions: [{ field: 'name', operator: 'eq', value: 'Client du modèle' }],
              indicators: ['1.1.1.i1'],
            },
          ],
        }),
      ),
    );
    // The active student completes the customer's file (an e-mail); the idle one does nothing.
    await store.db.transaction().execute(async (trx) => {
      const party = await getParty(trx, active!.orgId, customerId);
      await updateParty(
        trx,
        active!.orgId,
        customerId,
        partyInput.parse({
          kind: party.kind,
          name: party.name,
          roles: party.roles,
          email: 'compta@client.test',
        }),
        active!.userId,
      );
    });
    const { results } = await refreshClassResults(store.db, scope, situation.id);
    const of = (studentId: string) => results.find((r) => r.studentId === studentId)!;
    expect(of(active!.studentId).passed).toBe(true);
    expect(of(idle!.studentId)).toMatchObject({
      passed: false,
      explanation: expect.stringContaining('Aucun'),
    });
  });

  it('keeps drafts from students, and other classes’ situations from everyone else', async () => {
    const { scope, cls, logins } = await trainingClass(store.db, schoolId, teacherId, {
      students: 1,
      joined: 1,
    });
    const { handout } = await handOutBlankScenario(store, scope, cls.id);
    const other = await trainingClass(store.db, schoolId, (await buildUser(store.db)).id, { students: 1 });
    const student: TrainingScope = { orgId: schoolId, userId: logins[0]!.userId, role: 'student' };
    const draft = await store.db.transaction().execute((trx) =>
      createSituation(
        trx,
        scope,
        cls.id,
        situationInput.parse({
          handoutId: handout.id,
          title: 'Brouillon',
          checks: [
            {
              label: 'Un client',
              entity: 'party',
              conditions: [{ field: 'roles', operator: 'eq', value: 'client' }],
            },
          ],
        }),
      ),
    );
    expect(draft.status).toBe('draft');
    expect(draft.checks[0]!.conditions[0]!.value).toBe('customer');
    await expect(getSituation(store.db, student, draft.id)).rejects.toMatchObject({ kind: 'not-found' });
    await expect(checkMyResults(store.db, student, draft.id)).rejects.toMatchObject({ kind: 'not-found' });
    expect(await listSituations(store.db, student, cls.id)).toEqual([]);
    expect(await mySituations(store.db, student)).toEqual([]);
    // Another teacher of the school sees nothing of it.
    await expect(getSituation(store.db, other.scope, draft.id)).rejects.toMatchObject({ kind: 'not-found' });
    await expect(classResults(store.db, other.scope, draft.id)).rejects.toMatchObject({ kind: 'not-found' });
    // A hand-out of another class is refused.
    const otherHandout = await handOutBlankScenario(store, other.scope, other.cls.id);
    await expect(
      store.db
        .transaction()
        .execute((trx) =>
          createSituation(
            trx,
            scope,
            cls.id,
            situationInput.parse({ handoutId: otherHandout.handout.id, title: 'X' }),
          ),
        ),
    ).rejects.toMatchObject({ kind: 'invalid' });
    // Unknown référentiel codes are refused, in French.
    await expect(
      store.db
        .transaction()
        .execute((trx) =>
          createSituation(
            trx,
            scope,
            cls.id,
            situationInput.parse({ handoutId: handout.id, title: 'X', indicators: ['9.9.9.i1'] }),
          ),
        ),
    ).rejects.toThrow('Indicateur inconnu du référentiel : « 9.9.9.i1 ».');
    // A never-evaluated check counts as failed only after the due date.
    await store.db.transaction().execute((trx) =>
      updateSituation(
        trx,
        scope,
        draft.id,
        situationInput.parse({
          handoutId: handout.id,
          title: 'Passée',
          status: 'published',
          dueDate: '2020-01-01',
          checks: [{ ...draft.checks[0]!, indicators: ['1.3.1.i1'] }],
        }),
      ),
    );
    expect(await indicatorOutcomes(store.db, schoolId, cls.id)).toEqual([
      {
        studentId: logins[0]!.studentId,
        situationId: draft.id,
        indicatorCode: '1.3.1.i1',
        passed: 0,
        failed: 1,
      },
    ]);
  });

  it('reads every entity of the catalogue, with every field it declares', async () => {
    const admin = await buildUser(store.db);
    const orgId = (await buildOrganisation(store.db, admin.id, { name: 'Bac à sable rempli' })).id;
    await populateOrganisation(store.db, orgId, mkdtempSync(join(tmpdir(), 'agora-situations-')));
    const empty: string[] = [];
    for (const entity of CHECK_CATALOGUE) {
      const rows = await SANDBOX_READERS[entity.key]!(store.db, orgId);
      if (rows.length === 0) empty.push(entity.key);
      for (const row of rows)
        expect(Object.keys(row.values).sort(), entity.key).toEqual(
          expect.arrayContaining(entity.fields.map((f) => f.key).sort()),
        );
      const first = entity.fields[0]!;
      const result = await evaluateCheck(store.db, orgId, {
        entity: entity.key,
        conditions: [
          {
            field: first.key,
            operator: first.type === 'enum' ? 'ne' : 'filled',
            value: first.type === 'enum' ? '-' : null,
          },
        ],
        countMode: 'at_least',
        expectedCount: 1,
      });
      expect(result.passed, `${entity.key}: ${result.explanation}`).toBe(rows.length > 0);
    }
    expect(empty).toEqual([]);
    // Areas 2 and 3 as populate.ts made them: a bill of 120,00 € paid 50,00 €, the March return filed, an
    // employee full time on a CDI.
    const [bill] = await SANDBOX_READERS.supplier_bill!(store.db, orgId);
    expect(bill!.values).toMatchObject({
      party: 'Fournisseur complet',
      status: 'partially_paid',
      supplierRef: 'FF-1',
      total: 12000,
      paid: 5000,
      accounts: ['607'],
    });
    const [vatReturn] = await SANDBOX_READERS.vat_return!(store.db, orgId);
    expect(vatReturn!.values).toMatchObject({ period: '2026-03', paidOn: null });
    // The toner received (5 at 60,00 €), then counted 4 (an adjustment of −1); the rent forecast.
    const movements = await SANDBOX_READERS.stock_movement!(store.db, orgId);
    expect(movements.map((m) => [m.values.kind, m.values.quantity, m.values.unitCost])).toEqual([
      ['adjustment', -1, null],
      ['entry', 5, 6000],
    ]);
    const [forecast] = await SANDBOX_READERS.cash_forecast!(store.db, orgId);
    expect(forecast!.values).toMatchObject({
      label: 'Loyer',
      direction: 'out',
      amount: 80000,
      occurrences: 12,
    });
    const [employee] = await SANDBOX_READERS.employee!(store.db, orgId);
    expect(employee!.values).toMatchObject({
      lastName: 'Martin',
      contractType: 'cdi',
      weeklyHours: 35,
      monthlyGross: 210000,
      leftOn: null,
    });
  });

  it('sees "a level-2 reminder was sent to Y" once the letter is produced', async () => {
    const org = await salesOrganisation(store.db);
    const customer = await salesCustomer(store.db, org.id, { name: 'Épicerie Dupré' });
    await validatedInvoice(store.db, org.id, customer.id, { issueDate: '2026-10-01', dueDate: '2026-10-31' });
    const remind = (level: number, date: string) =>
      store.db
        .transaction()
        .execute((trx) =>
          createReminder(
            trx,
            org.id,
            reminderInput.parse({ customerId: customer.id, level, date, channel: 'letter' }),
            null,
          ),
        );
    await remind(1, '2026-11-10');
    const reminder = await remind(2, '2026-12-01');
    const check = situationInput.parse({
      handoutId: 'h',
      title: 'Relance',
      checks: [
        {
          label: 'Relance de niveau 2 envoyée',
          entity: 'reminder',
          conditions: [
            { field: 'party', operator: 'contains', value: 'epicerie dupre' },
            { field: 'level', operator: 'eq', value: '2' },
            { field: 'sent', operator: 'eq', value: 'oui' },
          ],
        },
      ],
    }).checks[0]!;
    const before = await evaluateCheck(store.db, org.id, check);
    expect(before.passed).toBe(false);
    expect(before.explanation).toMatch(
      /la plus proche : relance de niveau 2 du 01\/12\/2026 à Épicerie Dupré, envoyée .* non au lieu de oui\.$/,
    );
    await issueReminderDocument(
      store.db,
      mkdtempSync(join(tmpdir(), 'agora-reminder-')),
      org.id,
      reminder.id,
      null,
    );
    expect((await evaluateCheck(store.db, org.id, check)).passed).toBe(true);
  });

  it('refuses malformed checks with French messages', () => {
    const base = { handoutId: 'h', title: 'T' };
    const errors = (check: unknown) => {
      const r = situationInput.safeParse({ ...base, checks: [check] });
      return r.success ? [] : r.error.issues.map((i) => i.message);
    };
    expect(errors({ label: 'A', entity: 'invoice', conditions: [] })).toEqual([
      'Une vérification a au moins une condition.',
    ]);
    expect(
      errors({ label: 'A', entity: 'facture', conditions: [{ field: 'x', operator: 'eq', value: '1' }] })[0],
    ).toMatch(/^Objet inconnu : « facture »/);
    expect(
      errors({
        label: 'A',
        entity: 'invoice',
        conditions: [{ field: 'colour', operator: 'eq', value: '1' }],
      }),
    ).toEqual(['Champ inconnu pour facture : « colour ».']);
    expect(
      errors({
        label: 'A',
        entity: 'invoice',
        conditions: [{ field: 'total', operator: 'contains', value: '1' }],
      })[0],
    ).toMatch(/^Opérateur « contains » impossible pour le champ total TTC/);
    expect(
      errors({
        label: 'A',
        entity: 'invoice',
        conditions: [{ field: 'total', operator: 'eq', value: 'mille' }],
      }),
    ).toEqual(['Montant invalide pour total TTC : « mille » (exemple : 1234,56).']);
    expect(
      errors({
        label: 'A',
        entity: 'invoice',
        conditions: [{ field: 'issueDate', operator: 'gte', value: '12/01/2026' }],
      }),
    ).toEqual(['Date au format AAAA-MM-JJ attendue pour date d’émission : « 12/01/2026 ».']);
    expect(
      errors({
        label: 'A',
        entity: 'invoice',
        conditions: [{ field: 'status', operator: 'eq', value: 'payée' }],
      }),
    ).toEqual(['Valeur inconnue pour statut : « payée » (possibles : brouillon, validée).']);
    expect(
      errors({ label: 'A', entity: 'reminder', conditions: [{ field: 'level', operator: 'eq' }] }),
    ).toEqual(['Valeur attendue pour le champ niveau.']);
  });
});
