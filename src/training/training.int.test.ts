import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildParty, buildUser } from '../../test/support/factories.ts';
import { createTestStore, DIALECTS, type TestStore } from '../../test/support/test-db.ts';
import { DEMO_SCENARIOS } from '../demo/scenarios.ts';
import { addDays } from '../kernel/dates/index.ts';
import { listUserOrganisations } from '../kernel/organisations/organisation.ts';
import { partyInput } from '../kernel/parties/contract.ts';
import { createParty } from '../kernel/parties/party.ts';
import { setMembership } from '../kernel/users/users.ts';
import {
  agedReceivables,
  createInvoiceDraft,
  invoiceDraftInput,
  validateInvoice,
} from '../relations/index.ts';
import type { TrainingScope } from './classes/access.ts';
import { getClass, listClasses } from './classes/class.ts';
import { listStudents } from './classes/students.ts';
import { eraseStudent, exportStudent } from './privacy/student-privacy.ts';
import { listClassSandboxes, myTraining, resetSandbox, setSandboxDate } from './sandboxes/sandbox.ts';
import { scenarioInput } from './scenarios/contract.ts';
import { createScenario } from './scenarios/scenario.ts';
import { handOutBlankScenario, trainingClass } from './test-helpers.ts';

const countParties = async (store: TestStore, orgId: string) =>
  Number(
    (
      await store.db
        .selectFrom('party')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('org_id', '=', orgId)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe.each(DIALECTS)('training mode on %s', (dialect) => {
  let store: TestStore;
  let schoolId: string;
  let owner: TrainingScope;
  let teacher1: string;
  let teacher2: string;
  beforeAll(async () => {
    store = await createTestStore(dialect);
    const admin = await buildUser(store.db);
    schoolId = (await buildOrganisation(store.db, admin.id, { name: 'Lycée du Val' })).id;
    owner = { orgId: schoolId, userId: admin.id, role: 'owner' };
    teacher1 = (await buildUser(store.db)).id;
    teacher2 = (await buildUser(store.db)).id;
    for (const userId of [teacher1, teacher2])
      await store.db
        .transaction()
        .execute((trx) => setMembership(trx, { orgId: schoolId, userId, role: 'teacher', actorId: null }));
  });
  afterAll(async () => {
    await store?.drop();
  });

  it('shows a teacher only their classes, a student only their own, the owner all', async () => {
    const a = await trainingClass(store.db, schoolId, teacher1, { students: 2, joined: 1 });
    const b = await trainingClass(store.db, schoolId, teacher2, { students: 1, joined: 1 });
    const names = (list: { name: string }[]) => list.map((c) => c.name).sort();
    expect(names(await listClasses(store.db, a.scope))).toEqual([a.cls.name]);
    expect(names(await listClasses(store.db, b.scope))).toEqual([b.cls.name]);
    expect(names(await listClasses(store.db, owner))).toEqual(names([a.cls, b.cls]));
    await expect(getClass(store.db, a.scope, b.cls.id)).rejects.toMatchObject({ kind: 'not-found' });
    await expect(listStudents(store.db, b.scope, a.cls.id)).rejects.toMatchObject({ kind: 'not-found' });

    const student: TrainingScope = { orgId: schoolId, userId: a.logins[0]!.userId, role: 'student' };
    expect(names(await listClasses(store.db, student))).toEqual([a.cls.name]);
    await expect(getClass(store.db, student, b.cls.id)).rejects.toMatchObject({ kind: 'not-found' });
    // A student never reaches the class list with classmates' data.
    await expect(listStudents(store.db, student, a.cls.id)).rejects.toMatchObject({ kind: 'not-found' });
    const students = await listStudents(store.db, a.scope, a.cls.id);
    expect(students.map((s) => s.joined).sort()).toEqual([false, true]);
    expect(students.find((s) => !s.joined)?.invitationCode).toMatch(/^[A-Z0-9]{10}$/);
  });

  it('gives each student a private, independent sandbox; reset goes back to the start under the same id', async () => {
    const { scope, cls, logins } = await trainingClass(store.db, schoolId, teacher1, {
      students: 3,
      joined: 2,
    });
    const { scenario, handout } = await handOutBlankScenario(store, scope, cls.id, '2026-12-01');
    const sandboxes = await listClassSandboxes(store.db, scope, cls.id);
    expect(sandboxes).toHaveLength(3);
    expect(new Set(sandboxes.map((s) => s.sandboxOrgId)).size).toBe(3);
    expect(sandboxes.every((s) => s.handoutId === handout.id && s.status === 'ready')).toBe(true);

    // The student sees their own sandbox only, with the scenario's "today".
    const [mine, theirs] = logins;
    const studentScope: TrainingScope = { orgId: schoolId, userId: mine!.userId, role: 'student' };
    const own = await myTraining(store.db, studentScope);
    expect(own.sandboxes.map((s) => s.studentId)).toEqual([mine!.studentId]);
    const sandbox = own.sandboxes[0]!;
    const orgs = await listUserOrganisations(store.db, mine!.userId);
    expect(orgs.find((o) => o.id === sandbox.sandboxOrgId)).toMatchObject({
      role: 'student',
      simulatedToday: '2026-12-01',
    });
    const other = sandboxes.find((s) => s.studentId === theirs!.studentId)!;
    expect(orgs.some((o) => o.id === other.sandboxOrgId)).toBe(false);
    // The template's author is no member of the copies as owner: teachers come in as teachers.
    const members = await store.db
      .selectFrom('membership')
      .select(['user_id', 'role'])
      .where('org_id', '=', sandbox.sandboxOrgId)
      .orderBy('role')
      .execute();
    expect(members).toEqual([
      { user_id: mine!.userId, role: 'student' },
      { user_id: teacher1, role: 'teacher' },
    ]);
    const template = await store.db
      .selectFrom('organisation')
      .select(['is_template', 'simulated_today'])
      .where('org_id', '=', scenario.templateOrgId)
      .executeTakeFirstOrThrow();
    expect(template).toEqual({ is_template: 1, simulated_today: '2026-12-01' });

    // Independent: work in one sandbox shows nowhere else.
    await buildParty(store.db, sandbox.sandboxOrgId, { name: 'Client de l’élève' });
    expect(await countParties(store, sandbox.sandboxOrgId)).toBe(1);
    expect(await countParties(store, other.sandboxOrgId)).toBe(0);
    expect(await countParties(store, scenario.templateOrgId)).toBe(0);

    // A student may not move the date; the teacher may.
    await expect(setSandboxDate(store.db, studentScope, sandbox.id, '2027-01-15')).rejects.toMatchObject({
      kind: 'not-found',
    });
    const moved = await store.db
      .transaction()
      .execute((trx) => setSandboxDate(trx, scope, sandbox.id, '2027-01-15'));
    expect(moved.simulatedToday).toBe('2027-01-15');

    // Reset (by the student themselves): back to the template, same organisation id, members kept.
    const reset = await resetSandbox(store, studentScope, sandbox.id);
    expect(reset).toMatchObject({
      sandboxOrgId: sandbox.sandboxOrgId,
      resetCount: 1,
      simulatedToday: '2026-12-01',
    });
    expect(await countParties(store, sandbox.sandboxOrgId)).toBe(0);
    expect(
      (await listUserOrganisations(store.db, mine!.userId)).some((o) => o.id === sandbox.sandboxOrgId),
    ).toBe(true);
    // Nobody resets a classmate's sandbox.
    await expect(resetSandbox(store, studentScope, other.id)).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('exports a student’s data to their teachers only, and erases it with their sandboxes', async () => {
    const { scope, cls, logins } = await trainingClass(store.db, schoolId, teacher1, {
      students: 1,
      joined: 1,
    });
    await handOutBlankScenario(store, scope, cls.id);
    const [login] = logins;
    const otherTeacher: TrainingScope = { orgId: schoolId, userId: teacher2, role: 'teacher' };
    await expect(exportStudent(store.db, otherTeacher, login!.studentId)).rejects.toMatchObject({
      kind: 'not-found',
    });
    const data = await exportStudent(store.db, scope, login!.studentId);
    expect(data.student).toMatchObject({ firstName: 'Élève1', lastInitial: 'D', className: cls.name });
    expect(data.account?.email).toBe(login!.email);
    expect(data.sandboxes).toHaveLength(1);

    await expect(eraseStudent(store, otherTeacher, login!.studentId)).rejects.toMatchObject({
      kind: 'not-found',
    });
    expect(await eraseStudent(store, scope, login!.studentId)).toEqual({
      sandboxesDeleted: 1,
      accountErased: true,
    });
    const sandboxOrg = await store.db
      .selectFrom('organisation')
      .select('org_id')
      .where('org_id', '=', data.sandboxes[0]!.organisationId)
      .executeTakeFirst();
    expect(sandboxOrg).toBeUndefined();
    const user = await store.db
      .selectFrom('app_user')
      .select(['email', 'name', 'disabled_at'])
      .where('id', '=', login!.userId)
      .executeTakeFirstOrThrow();
    expect(user.email).not.toContain(login!.email);
    expect(user.name).toBe('Compte effacé');
    expect(user.disabled_at).not.toBeNull();
    expect(await listUserOrganisations(store.db, login!.userId)).toEqual([]);
  });

  it('makes a blank company that can issue its first invoice without touching its settings', async () => {
    const scenario = await createScenario(
      store,
      { orgId: schoolId, userId: teacher1, role: 'teacher' },
      scenarioInput.parse({ title: 'Entreprise vierge', source: 'blank', simulatedStart: '2026-12-01' }),
      DEMO_SCENARIOS,
    );
    const orgId = scenario.templateOrgId;
    const invoice = await store.db.transaction().execute(async (trx) => {
      const customer = await createParty(
        trx,
        orgId,
        partyInput.parse({
          kind: 'organisation',
          name: 'SAS Martin',
          roles: ['customer'],
          siren: '901456780',
          addresses: [
            { kind: 'billing', line1: '12 rue de la République', postalCode: '69002', city: 'Lyon' },
          ],
        }),
        teacher1,
      );
      const draft = await createInvoiceDraft(
        trx,
        orgId,
        invoiceDraftInput.parse({
          customerId: customer.id,
          issueDate: '2026-12-01',
          lines: [{ label: 'Conseil', quantity: '1', unitPrice: '100', vatRate: '20' }],
        }),
        teacher1,
      );
      return validateInvoice(trx, orgId, draft.id, teacher1);
    });
    expect(invoice.status).toBe('validated');
    expect(invoice.number).toMatch(/^FA-2026-/);
  });

  it('builds the two shipped demos with a year of consistent, balanced data', async () => {
    for (const source of ['trading', 'association'] as const) {
      const scenario = await createScenario(
        store,
        { orgId: schoolId, userId: teacher1, role: 'teacher' },
        scenarioInput.parse({ title: DEMO_SCENARIOS[source].title, source, simulatedStart: '2026-12-01' }),
        DEMO_SCENARIOS,
      );
      const orgId = scenario.templateOrgId;
      const invoices = await store.db
        .selectFrom('relations_invoice')
        .select(['id', 'number', 'status', 'issue_date'])
        .where('org_id', '=', orgId)
        .execute();
      expect(invoices.length).toBe(source === 'trading' ? 44 : 40);
      expect(invoices.every((i) => i.status === 'validated' && i.issue_date! < '2026-12-01')).toBe(true);
      const totals = await store.db
        .selectFrom('ledger_line')
        .select((eb) => [
          eb.cast<number>(eb.fn.sum<number>('debit'), 'bigint').as('debit'),
          eb.cast<number>(eb.fn.sum<number>('credit'), 'bigint').as('credit'),
        ])
        .where('org_id', '=', orgId)
        .executeTakeFirstOrThrow();
      expect(Number(totals.debit)).toBeGreaterThan(0);
      expect(Number(totals.debit)).toBe(Number(totals.credit));
      // Customers pay through receipts of area 1 (trading: thirty days after the invoice, up to 30
      // November; association: ten days after), so the paid invoices are paid there too, each lettered
      // with its receipt, and the aged receivables add up to account 411 on the scenario's first day.
      const paid = invoices.filter((i) =>
        source === 'trading' ? addDays(i.issue_date!, 30) <= '2026-11-30' : true,
      );
      expect(paid.length).toBe(40);
      const aged = await agedReceivables(store.db, orgId, { asOf: '2026-12-01' });
      expect(aged.reconciliation.difference).toBe(0);
      expect(aged.reconciliation.netDue).toBe(aged.reconciliation.ledgerBalance);
      const open = aged.invoices.map((i) => i.number).sort();
      expect(open).toEqual(
        invoices
          .filter((i) => !paid.includes(i))
          .map((i) => i.number)
          .sort(),
      );
      expect(open.filter((n) => paid.some((i) => i.number === n))).toEqual([]);
      const receipts = await store.db
        .selectFrom('relations_receipt')
        .select(['status', 'unallocated'])
        .where('org_id', '=', orgId)
        .execute();
      expect(receipts).toHaveLength(paid.length);
      expect(receipts.every((r) => r.status === 'validated' && Number(r.unallocated) === 0)).toBe(true);
      const lettered = await store.db
        .selectFrom('ledger_lettering')
        .select((eb) => eb.cast<number>(eb.fn.countAll(), 'bigint').as('n'))
        .where('org_id', '=', orgId)
        .where('complete', '=', 1)
        .executeTakeFirstOrThrow();
      // Trading buys its goods through supplier bills of area 2, one a month, each paid by transfer at the
      // end of its month: validated, numbered, paid in full, lettered with its payment on 401.
      const bills = await store.db
        .selectFrom('production_supplier_bill as b')
        .leftJoin('production_supplier_payment as p', (j) =>
          j.onRef('p.org_id', '=', 'b.org_id').onRef('p.bill_id', '=', 'b.id'),
        )
        .select(['b.number', 'b.status', 'b.total'])
        .select((eb) =>
          eb.cast<number>(eb.fn.coalesce(eb.fn.sum<number>('p.amount'), eb.lit(0)), 'bigint').as('paid'),
        )
        .where('b.org_id', '=', orgId)
        .groupBy(['b.id', 'b.number', 'b.status', 'b.total'])
        .execute();
      expect(bills).toHaveLength(source === 'trading' ? 11 : 0);
      expect(bills.every((b) => b.status === 'validated' && /^ACH-2026-\d{4}$/.test(b.number!))).toBe(true);
      expect(bills.every((b) => Number(b.paid) === Number(b.total))).toBe(true);
      expect(Number(lettered.n)).toBe(paid.length + bills.length);
      if (source === 'association') {
        const members = await store.db
          .selectFrom('party_role')
          .select('party_id')
          .where('org_id', '=', orgId)
          .where('role', '=', 'member')
          .execute();
        expect(members).toHaveLength(40);
        const vat = await store.db
          .selectFrom('relations_invoice')
          .select((eb) => eb.cast<number>(eb.fn.sum<number>('total_vat'), 'bigint').as('vat'))
          .where('org_id', '=', orgId)
          .executeTakeFirstOrThrow();
        expect(Number(vat.vat)).toBe(0);
      }
    }
  }, 120_000);
});
