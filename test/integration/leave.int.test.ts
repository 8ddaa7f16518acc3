import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/kernel/audit/audit.ts';
import type { Db } from '../../src/kernel/db/index.ts';
import {
  approveLeaveRequest,
  cancelLeaveRequest,
  createEmployee,
  createLeaveRequest,
  employeeInput,
  employeeLeaveBalance,
  getLeaveRequest,
  leaveBalances,
  leavePlanning,
  leaveRequestInput,
  listLeaveRequests,
  recordDeparture,
  refuseLeaveRequest,
  unpaidAbsenceHours,
} from '../../src/personnel/index.ts';
import { buildOrganisation } from '../support/factories.ts';
import { countRows } from '../support/schema.ts';
import { createTestStore, DIALECTS, type TestStore } from '../support/test-db.ts';

const employee = (overrides: Record<string, unknown> = {}) =>
  employeeInput.parse({
    lastName: 'Durand',
    firstName: 'Léa',
    sex: 'F',
    birthDate: '1992-03-04',
    nationality: 'Française',
    jobTitle: 'Assistante administrative',
    category: 'employee',
    contractType: 'cdi',
    weeklyHours: 3500,
    monthlyGross: 220000,
    hireDate: '2025-09-01',
    ...overrides,
  });
const leave = (
  employeeId: string,
  type: string,
  from: string,
  to: string,
  extra: Record<string, unknown> = {},
) => leaveRequestInput.parse({ employeeId, type, from, to, ...extra });

describe.each(DIALECTS)('leave and absences on %s', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore(dialect);
  });
  afterAll(async () => {
    await store?.drop();
  });
  const tx = <T>(fn: (trx: Db) => Promise<T>) => store.db.transaction().execute(fn);
  const hire = async (orgId: string, overrides: Record<string, unknown> = {}) =>
    tx((trx) => createEmployee(trx, orgId, employee(overrides), null));
  const ask = (orgId: string, input: ReturnType<typeof leave>) =>
    tx((trx) => createLeaveRequest(trx, orgId, input, null));
  const approve = (orgId: string, id: string) =>
    tx((trx) => approveLeaveRequest(trx, orgId, id, { note: null }, null));

  it('reproduces Service-Public’s worked example: two months of sick leave, 29 days acquired', async () => {
    // Service-Public.fr (F2258, quoted by https://ressources-humaines.academie-rh.com/t/conges-loi-ddadue/1260):
    // reference period 1 June 2024 – 31 May 2025, absent for non-occupational sickness in August and
    // September 2024: 2 × 2,5 + 2 × 2 + 8 × 2,5 = 29 jours ouvrables.
    const org = await buildOrganisation(store.db, null);
    const e = await hire(org.id, { hireDate: '2023-01-02' });
    const sick = await ask(org.id, leave(e.id, 'sick_leave', '2024-08-01', '2024-09-30'));
    await approve(org.id, sick.id);
    const balance = await employeeLeaveBalance(store.db, org.id, e.id, '2025-06-01');
    expect(balance).toMatchObject({
      periodFrom: '2025-06-01',
      periodTo: '2026-05-31',
      entitlement: 2900,
      taken: 0,
    });
    // Prat Éditions (https://cgos.prat.fr/2024/07/04/droit-aux-conges-payes-pour-maladie-non-professionnelle):
    // three months (August–October) give 28,5 days; the period's total is then rounded up to 29 (L3141-7).
    const other = await hire(org.id, { lastName: 'Petit', hireDate: '2023-01-02' });
    await approve(org.id, (await ask(org.id, leave(other.id, 'sick_leave', '2024-08-01', '2024-10-31'))).id);
    expect((await employeeLeaveBalance(store.db, org.id, other.id, '2025-05-31')).acquiring).toBe(2850);
    expect((await employeeLeaveBalance(store.db, org.id, other.id, '2025-06-01')).entitlement).toBe(2900);
  });

  it('prorates an entry, lets leave be taken as acquired and refuses more than the balance, with the figures', async () => {
    const org = await buildOrganisation(store.db, null);
    // Hired 1 September 2025: nine months by 31 May 2026, 9 × 2,5 = 22,5 → 23 days (L3141-7).
    const e = await hire(org.id);
    expect(await employeeLeaveBalance(store.db, org.id, e.id, '2026-05-31')).toMatchObject({
      entitlement: 0,
      acquiring: 2250,
      remaining: 2250,
    });
    // Three weeks from Monday 1 June 2026: 18 jours ouvrables out of the 23 of the last period.
    const june = await ask(org.id, leave(e.id, 'paid_leave', '2026-06-01', '2026-06-19'));
    expect(june).toMatchObject({ status: 'requested', halfDays: 36, dayBasis: 'ouvrables' });
    const before = await countRows(store.db, 'personnel_leave_request', org.id);
    // Two more weeks from 22 June: 12 days asked, 23 + 22/30 × 2,5 − 18 still pending = 6,83: refused.
    await expect(ask(org.id, leave(e.id, 'paid_leave', '2026-06-22', '2026-07-03'))).rejects.toThrow(
      'Solde de congés payés insuffisant : 12 jour(s) ouvrable(s) demandé(s), 6,83 disponible(s) au 22/06/2026 (acquis sur la période précédente : 23, en cours d’acquisition : 1,83, déjà pris : 0, demandés en attente : 18).',
    );
    expect(await countRows(store.db, 'personnel_leave_request', org.id)).toBe(before);
    await approve(org.id, june.id);
    const balance = await employeeLeaveBalance(store.db, org.id, e.id, '2026-06-30');
    // 23 − 18 + June's 2,5 = 7,5 days left.
    expect(balance).toMatchObject({
      entitlement: 2300,
      acquiring: 250,
      taken: 1800,
      pending: 0,
      remaining: 750,
    });
    // A Friday afternoon: ½ day and the Saturday before work resumes on Monday, 1,5 days.
    const friday = await ask(
      org.id,
      leave(e.id, 'paid_leave', '2026-07-03', '2026-07-03', { startsAfternoon: true }),
    );
    expect(friday.halfDays).toBe(3);
    await approve(org.id, friday.id);
    // Cancelling the three weeks gives them back.
    await tx((trx) => cancelLeaveRequest(trx, org.id, june.id, { reason: 'Report à septembre' }, null));
    expect((await employeeLeaveBalance(store.db, org.id, e.id, '2026-06-30')).remaining).toBe(
      2300 + 250 - 150,
    );
    expect((await verifyAuditChain(store.db, org.id)).ok).toBe(true);
  });

  it('refuses overlaps, leave outside the contract and decisions out of turn, writing nothing', async () => {
    const org = await buildOrganisation(store.db, null);
    const e = await hire(org.id, { hireDate: '2026-01-05' });
    const training = await ask(
      org.id,
      leave(e.id, 'training', '2026-03-09', '2026-03-11', { endsMorning: true }),
    );
    expect(training).toMatchObject({ halfDays: 5, dayBasis: 'ouvres', status: 'requested' });
    const count = () => countRows(store.db, 'personnel_leave_request', org.id);
    const before = await count();
    await expect(ask(org.id, leave(e.id, 'unpaid_leave', '2026-03-10', '2026-03-12'))).rejects.toThrow(
      'Cette absence chevauche celle du 09/03/2026 au 11/03/2026 (Formation, demandée).',
    );
    await expect(ask(org.id, leave(e.id, 'unpaid_leave', '2025-12-29', '2026-01-06'))).rejects.toThrow(
      /entré\(e\) le 05\/01\/2026/,
    );
    await expect(ask(org.id, leave(e.id, 'sick_leave', '2026-03-14', '2026-03-15'))).rejects.toThrow(
      'Aucun jour à décompter du 14/03/2026 au 15/03/2026',
    );
    expect(await count()).toBe(before);
    // The afternoon of the 11th is free: a family event may start then.
    const family = await ask(
      org.id,
      leave(e.id, 'family_event', '2026-03-11', '2026-03-12', { startsAfternoon: true }),
    );
    expect(family.halfDays).toBe(3);
    // A refusal needs a reason (contract) and only a requested leave is decided.
    const refused = await tx((trx) =>
      refuseLeaveRequest(trx, org.id, family.id, { reason: 'Inventaire' }, null),
    );
    expect(refused).toMatchObject({ status: 'refused', decisionReason: 'Inventaire' });
    await expect(approve(org.id, family.id)).rejects.toThrow('Impossible d’accepter une demande refusée.');
    await expect(
      tx((trx) => cancelLeaveRequest(trx, org.id, family.id, { reason: null }, null)),
    ).rejects.toThrow('Impossible d’annuler une demande refusée.');
    expect((await getLeaveRequest(store.db, org.id, family.id)).status).toBe('refused');
    // Another organisation's request does not exist here.
    const other = await buildOrganisation(store.db, null);
    await expect(getLeaveRequest(store.db, other.id, training.id)).rejects.toThrow('introuvable');
    await expect(approve(other.id, training.id)).rejects.toThrow('introuvable');
    // After a departure: no leave beyond it, and a pending request beyond it is not approved any more.
    const late = await ask(org.id, leave(e.id, 'paid_leave', '2026-04-27', '2026-04-28'));
    await tx((trx) =>
      recordDeparture(trx, org.id, e.id, { leftOn: '2026-04-24', reason: 'resignation' }, null),
    );
    await expect(ask(org.id, leave(e.id, 'unpaid_leave', '2026-04-23', '2026-04-27'))).rejects.toThrow(
      'Léa Durand a quitté l’organisation le 24/04/2026 : pas d’absence après cette date.',
    );
    await expect(approve(org.id, late.id)).rejects.toThrow(/a quitté l’organisation/);
    expect((await getLeaveRequest(store.db, org.id, late.id)).status).toBe('requested');
    expect((await listLeaveRequests(store.db, org.id, { status: 'refused' })).items.map((r) => r.id)).toEqual(
      [family.id],
    );
    expect((await listLeaveRequests(store.db, org.id, { type: 'training' })).items.map((r) => r.id)).toEqual([
      training.id,
    ]);
  });

  it('serialises two overlapping requests sent at once: one is recorded, the other refused', async () => {
    const org = await buildOrganisation(store.db, null);
    const e = await hire(org.id, { hireDate: '2026-01-05' });
    const results = await Promise.allSettled([
      ask(org.id, leave(e.id, 'unpaid_leave', '2026-10-05', '2026-10-07')),
      ask(org.id, leave(e.id, 'training', '2026-10-07', '2026-10-09')),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(String(refused.reason)).toMatch(/chevauche/);
    expect(await countRows(store.db, 'personnel_leave_request', org.id)).toBe(1);
  });

  it('plans the month and gives payroll the unpaid hours (a fifth of the week per worked day)', async () => {
    const org = await buildOrganisation(store.db, null);
    const full = await hire(org.id, { lastName: 'Bernard', hireDate: '2026-01-05' });
    const part = await hire(org.id, { lastName: 'Moreau', hireDate: '2026-01-05', weeklyHours: 2400 });
    // Unpaid leave over 14 July 2026 (a Tuesday): Monday 13 to Friday 17 is 4 worked days.
    await approve(org.id, (await ask(org.id, leave(full.id, 'unpaid_leave', '2026-07-13', '2026-07-17'))).id);
    await approve(org.id, (await ask(org.id, leave(part.id, 'unpaid_leave', '2026-07-13', '2026-07-17'))).id);
    // Sick from Thursday 30 July to Tuesday 4 August: 2 days in July, 2 in August.
    await approve(org.id, (await ask(org.id, leave(full.id, 'sick_leave', '2026-07-30', '2026-08-04'))).id);
    // Paid leave and a pending request are not unpaid hours.
    await approve(org.id, (await ask(org.id, leave(part.id, 'paid_leave', '2026-07-20', '2026-07-21'))).id);
    await ask(org.id, leave(full.id, 'unpaid_leave', '2026-07-22', '2026-07-22'));
    // 35 h a week: 7 h a day × (4 + 2) = 42 h; 24 h a week: 4,8 h × 4 = 19,2 h.
    expect(await unpaidAbsenceHours(store.db, org.id, full.id, '2026-07')).toEqual({
      employeeId: full.id,
      month: '2026-07',
      hours: 4200,
      halfDays: 12,
      byType: { unpaid_leave: 8, sick_leave: 4 },
    });
    expect((await unpaidAbsenceHours(store.db, org.id, part.id, '2026-07')).hours).toBe(1920);
    expect((await unpaidAbsenceHours(store.db, org.id, full.id, '2026-08')).hours).toBe(1400);

    const planning = await leavePlanning(store.db, org.id, '2026-07');
    expect(planning.days).toHaveLength(31);
    expect(planning.days[13]).toEqual({ date: '2026-07-14', weekday: 2, holiday: 'Fête nationale' });
    expect(planning.rows.map((r) => r.employeeName)).toEqual(['Bernard Léa', 'Moreau Léa']);
    const bernard = planning.rows[0]!.cells;
    expect(bernard[12]).toMatchObject({ type: 'unpaid_leave', status: 'approved', part: 'day' });
    expect(bernard[21]).toMatchObject({ type: 'unpaid_leave', status: 'requested' });
    expect(bernard[29]).toMatchObject({ type: 'sick_leave' });
    expect(bernard[0]).toBeNull();
    expect(planning.rows[1]!.cells[19]).toMatchObject({ type: 'paid_leave' });

    const balances = await leaveBalances(store.db, org.id, '2026-07-31');
    expect(balances.items.map((b) => [b.employeeName, b.taken, b.pending])).toEqual([
      ['Bernard Léa', 0, 0],
      ['Moreau Léa', 200, 0],
    ]);
  });
});
