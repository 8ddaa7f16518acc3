import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/kernel/audit/audit.ts';
import { addYears, todayIn } from '../../src/kernel/dates/index.ts';
import type { Db } from '../../src/kernel/db/index.ts';
import {
  addApplicant,
  applicantInput,
  createOpening,
  createStaffTrainingAction,
  employeeInput,
  enrolInStaffTraining,
  generateChecklist,
  getOpening,
  getTemplate,
  hireApplicant,
  listChecklistItems,
  openingInput,
  personnelRegister,
  publishOpening,
  purgeApplicants,
  recordDeparture,
  retentionDue,
  reviewsDue,
  saveTemplate,
  staffTrainingActionInput,
  staffTrainingSummary,
  templateInput,
  updateStaffTrainingEnrolment,
} from '../../src/personnel/index.ts';
import { buildOrganisation } from '../support/factories.ts';
import { countRows } from '../support/schema.ts';
import { createTestStore, DIALECTS, type TestStore } from '../support/test-db.ts';

const newHire = (overrides: Record<string, unknown> = {}) =>
  employeeInput.parse({
    lastName: 'Bernard',
    firstName: 'Nora',
    sex: 'F',
    birthDate: '1996-02-11',
    nationality: 'Française',
    jobTitle: 'Secrétaire de mairie',
    category: 'employee',
    contractType: 'cdi',
    weeklyHours: 3500,
    monthlyGross: 215000,
    hireDate: '2026-03-02',
    ...overrides,
  });

describe.each(DIALECTS)('recruitment, checklists and staff training on %s', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore(dialect);
  });
  afterAll(async () => {
    await store?.drop();
  });
  const tx = <T>(fn: (trx: Db) => Promise<T>) => store.db.transaction().execute(fn);

  async function publishedOpening(orgId: string) {
    const opening = await tx((trx) =>
      createOpening(
        trx,
        orgId,
        openingInput.parse({
          title: 'Secrétaire de mairie H/F',
          service: 'Accueil',
          contractType: 'cdi',
          weeklyHours: 3500,
          description: 'Accueil des habitants, état civil, urbanisme.',
          channels: ['france_travail', 'website'],
        }),
        null,
      ),
    );
    await tx((trx) => publishOpening(trx, orgId, opening.id, null));
    return opening.id;
  }
  const apply = (orgId: string, openingId: string, lastName: string, cvReceivedOn = '2026-02-01') =>
    tx((trx) =>
      addApplicant(
        trx,
        orgId,
        openingId,
        applicantInput.parse({ lastName, firstName: 'A', cvReceivedOn }),
        null,
      ),
    );

  it('hires an applicant: the employee enters the register with an onboarding list; the pipeline closes', async () => {
    const { id: orgId } = await buildOrganisation(store.db, null);
    const openingId = await publishedOpening(orgId);
    const chosen = await apply(orgId, openingId, 'Bernard');
    const other = await apply(orgId, openingId, 'Lemoine');
    const { employee } = await tx((trx) => hireApplicant(trx, orgId, chosen.id, newHire(), null));

    const register = await personnelRegister(store.db, orgId, {});
    expect(register.employees.map((l) => [l.registerNumber, l.lastName])).toEqual([[1, 'Bernard']]);
    const opening = await getOpening(store.db, orgId, openingId);
    expect(opening.status).toBe('filled');
    expect(opening.applicants.map((a) => [a.lastName, a.status])).toEqual([
      ['Bernard', 'hired'],
      ['Lemoine', 'refused'],
    ]);
    expect(opening.applicants[0]!.employeeId).toBe(employee.id);
    expect(opening.applicants.find((a) => a.id === other.id)!.refusedOn).toBe(todayIn());
    const items = (await listChecklistItems(store.db, orgId, { employeeId: employee.id }, '2026-03-02'))
      .items;
    expect(items.find((i) => /DPAE/.test(i.label))).toMatchObject({ dueOn: '2026-03-01', overdue: true });
    expect(items.find((i) => /prévention/.test(i.label))).toMatchObject({
      dueOn: '2026-06-02',
      overdue: false,
    });
    expect(await verifyAuditChain(store.db, orgId)).toMatchObject({ ok: true });
  });

  it('rolls the whole hiring back when the employee is refused (nothing half-done)', async () => {
    const { id: orgId } = await buildOrganisation(store.db, null);
    const openingId = await publishedOpening(orgId);
    const chosen = await apply(orgId, openingId, 'Bernard');
    await expect(
      tx(async (trx) => {
        await hireApplicant(trx, orgId, chosen.id, newHire(), null);
        throw new Error('abandon');
      }),
    ).rejects.toThrow('abandon');
    expect(await countRows(store.db, 'personnel_employee', orgId)).toBe(0);
    expect(await countRows(store.db, 'personnel_checklist_item', orgId)).toBe(0);
    expect((await getOpening(store.db, orgId, openingId)).status).toBe('published');
  });

  it('makes the departure list from the departure date and purges only old unsuccessful applications', async () => {
    const { id: orgId } = await buildOrganisation(store.db, null);
    const openingId = await publishedOpening(orgId);
    const old = await apply(orgId, openingId, 'Ancien', addYears(todayIn(), -3));
    await apply(orgId, openingId, 'Recent', todayIn());
    const due = await retentionDue(store.db, orgId);
    expect(due.items.map((i) => i.id)).toEqual([old.id]);
    expect(await tx((trx) => purgeApplicants(trx, orgId, null))).toMatchObject({ purged: 1 });
    expect((await getOpening(store.db, orgId, openingId)).applicants.map((a) => a.lastName)).toEqual([
      'Recent',
    ]);

    const hired = await apply(orgId, openingId, 'Bernard');
    const { employee } = await tx((trx) => hireApplicant(trx, orgId, hired.id, newHire(), null));
    await expect(
      tx((trx) => generateChecklist(trx, orgId, employee.id, 'offboarding', null)),
    ).rejects.toThrow(/Enregistrez d’abord la sortie/);
    await tx((trx) =>
      recordDeparture(trx, orgId, employee.id, { leftOn: '2026-09-30', reason: 'resignation' }, null),
    );
    await tx((trx) => generateChecklist(trx, orgId, employee.id, 'offboarding', null));
    const items = (await listChecklistItems(store.db, orgId, { employeeId: employee.id })).items;
    const departure = items.filter((i) => i.kind === 'offboarding');
    expect(departure.filter((i) => i.dueOn === '2026-09-30').map((i) => i.label)).toEqual(
      expect.arrayContaining([
        'Certificat de travail remis',
        'Reçu pour solde de tout compte remis',
        'Attestation France Travail remise',
      ]),
    );
  });

  it('makes the lists from the organisation’s own template, the older lists unchanged', async () => {
    const { id: orgId } = await buildOrganisation(store.db, null);
    const openingId = await publishedOpening(orgId);
    const first = await apply(orgId, openingId, 'Premier');
    const { employee: before } = await tx((trx) => hireApplicant(trx, orgId, first.id, newHire(), null));
    await tx((trx) =>
      saveTemplate(
        trx,
        orgId,
        templateInput.parse({
          kind: 'onboarding',
          items: [
            { label: 'DPAE', offsetMonths: 0, offsetDays: -2, legalRef: 'C. trav. L1221-10' },
            { label: 'Entretien de fin de période d’essai', offsetMonths: 2, offsetDays: 0 },
          ],
        }),
        null,
      ),
    );
    expect((await getTemplate(store.db, orgId, 'onboarding')).custom).toBe(true);
    expect((await getTemplate(store.db, orgId, 'offboarding')).custom).toBe(false);
    const second = await apply(orgId, await publishedOpening(orgId), 'Second');
    const { employee: after } = await tx((trx) =>
      hireApplicant(trx, orgId, second.id, newHire({ lastName: 'Second', hireDate: '2026-05-15' }), null),
    );
    const items = (employeeId: string) =>
      listChecklistItems(store.db, orgId, { employeeId }).then((l) => l.items.map((i) => [i.label, i.dueOn]));
    expect(await items(after.id)).toEqual([
      ['DPAE', '2026-05-13'],
      ['Entretien de fin de période d’essai', '2026-07-15'],
    ]);
    expect((await items(before.id)).length).toBe(7);
  });

  it('sums the year’s training per employee and lists who is due for an interview', async () => {
    const { id: orgId } = await buildOrganisation(store.db, null);
    const openingId = await publishedOpening(orgId);
    const a = await apply(orgId, openingId, 'Bernard');
    const { employee } = await tx((trx) => hireApplicant(trx, orgId, a.id, newHire(), null));
    const action = await tx((trx) =>
      createStaffTrainingAction(
        trx,
        orgId,
        staffTrainingActionInput.parse({
          title: 'Excel perfectionnement',
          provider: 'Organisme X',
          startsOn: '2026-05-04',
          endsOn: '2026-05-05',
          hours: 1400,
          cost: 90001,
          funding: 'opco',
        }),
        null,
      ),
    );
    const enrolled = await tx((trx) => enrolInStaffTraining(trx, orgId, action.id, employee.id, null));
    await tx((trx) =>
      updateStaffTrainingEnrolment(
        trx,
        orgId,
        enrolled.enrolments[0]!.id,
        { status: 'done', attestationReceived: true },
        null,
      ),
    );
    const summary = await staffTrainingSummary(store.db, orgId, 2026);
    expect(summary.employees).toEqual([
      expect.objectContaining({
        employeeName: 'Bernard Nora',
        hoursDone: 1400,
        hoursPlanned: 0,
        cost: 90001,
      }),
    ]);
    expect(summary.byJobTitle).toEqual([
      { jobTitle: 'Secrétaire de mairie', hoursDone: 1400, hoursPlanned: 0, cost: 90001 },
    ]);
    const reviews = await reviewsDue(store.db, orgId, '2027-03-10');
    expect(reviews.items[0]).toMatchObject({ nextReviewOn: '2027-03-02', reviewState: 'overdue' });
  });
});
