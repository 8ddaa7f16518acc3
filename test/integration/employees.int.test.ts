import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/kernel/audit/audit.ts';
import type { Db } from '../../src/kernel/db/index.ts';
import { DomainError } from '../../src/kernel/errors/domain-error.ts';
import {
  cancelDeparture,
  createEmployee,
  departureInput,
  type EmployeeInput,
  employeeInput,
  getEmployee,
  listEmployees,
  personnelRegister,
  recordDeparture,
  updateEmployee,
} from '../../src/personnel/index.ts';
import { buildOrganisation } from '../support/factories.ts';
import { createTestStore, DIALECTS, type TestStore } from '../support/test-db.ts';

// NIRs below are real in shape; their keys were computed by the INSEE rule (97 − number mod 97) and
// checked against the published example 2 06 12 75 111 005 → 64 in nir.test.ts.
const person = (overrides: Record<string, unknown> = {}): EmployeeInput =>
  employeeInput.parse({
    lastName: 'Lefèvre',
    firstName: 'Élise',
    sex: 'F',
    birthDate: '1990-04-12',
    nationality: 'Française',
    socialSecurityNumber: '2 90 04 75 112 345 09',
    jobTitle: 'Assistante de gestion',
    qualification: 'Employée qualifiée',
    category: 'employee',
    contractType: 'cdi',
    weeklyHours: 3500,
    monthlyGross: 210000,
    hireDate: '2026-01-05',
    ...overrides,
  });

describe.each(DIALECTS)('employees and the personnel register on %s', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore(dialect);
  });
  afterAll(async () => {
    await store?.drop();
  });

  const tx = <T>(fn: (trx: Db) => Promise<T>) => store.db.transaction().execute(fn);
  const hire = (orgId: string, overrides: Record<string, unknown> = {}) =>
    tx((trx) => createEmployee(trx, orgId, person(overrides), null));
  const newOrg = async () => (await buildOrganisation(store.db, null)).id;
  const auditOf = (orgId: string, entityId: string) =>
    store.db
      .selectFrom('audit_event')
      .select(['action', 'before_json', 'after_json'])
      .where('org_id', '=', orgId)
      .where('entity_id', '=', entityId)
      .orderBy('seq')
      .execute();
  const auditSeq = async (orgId: string) =>
    Number(
      (
        await store.db
          .selectFrom('audit_head')
          .select('last_seq')
          .where('org_id', '=', orgId)
          .executeTakeFirst()
      )?.last_seq ?? 0,
    );
  const refusal = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  };

  it('numbers the register without gaps, in hiring order, never reusing a number', async () => {
    const orgId = await newOrg();
    const first = await hire(orgId, { lastName: 'Arnaud' });
    // A hiring whose transaction fails leaves no hole: its number goes back with it.
    await expect(
      tx(async (trx) => {
        await createEmployee(trx, orgId, person({ lastName: 'Annulé' }), null);
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    const second = await hire(orgId, { lastName: 'Bernard' });
    await tx((trx) =>
      recordDeparture(
        trx,
        orgId,
        first.id,
        departureInput.parse({ leftOn: '2026-02-28', reason: 'resignation' }),
        null,
      ),
    );
    // Hirings at the same moment each take their own number.
    const together = await Promise.all(
      ['Chevalier', 'Dupuis', 'Étienne'].map((lastName) => hire(orgId, { lastName })),
    );
    const numbers = [first, second, ...together].map((e) => e.registerNumber);
    expect(numbers.slice(0, 2)).toEqual([1, 2]);
    expect([...numbers].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
    // The one who left keeps number 1, in the register and in the list.
    const { items } = await listEmployees(store.db, orgId);
    expect(items.map((e) => e.registerNumber)).toEqual([1, 2, 3, 4, 5]);
    expect(items[0]).toMatchObject({
      lastName: 'Arnaud',
      leftOn: '2026-02-28',
      departureReason: 'resignation',
    });
    // Another organisation starts its own register at 1.
    expect((await hire(await newOrg())).registerNumber).toBe(1);
  });

  it('records a departure once, never before the entry, and takes back one entered by mistake', async () => {
    const orgId = await newOrg();
    const e = await hire(orgId);
    const seq = await auditSeq(orgId);
    const early = await refusal(
      tx((trx) =>
        recordDeparture(
          trx,
          orgId,
          e.id,
          departureInput.parse({ leftOn: '2025-12-31', reason: 'dismissal' }),
          null,
        ),
      ),
    );
    expect(early.kind).toBe('invalid');
    expect(early.message).toBe('La date de sortie ne peut précéder la date d’entrée.');
    expect(early.issues[0]).toMatchObject({
      field: 'leftOn',
      message: 'Date antérieure à l’entrée (05/01/2026).',
    });
    expect(await getEmployee(store.db, orgId, e.id)).toMatchObject({ leftOn: null, departureReason: null });
    expect(await auditSeq(orgId)).toBe(seq);

    const left = await tx((trx) =>
      recordDeparture(
        trx,
        orgId,
        e.id,
        departureInput.parse({ leftOn: '2026-06-30', reason: 'mutual_agreement' }),
        null,
      ),
    );
    expect(left).toMatchObject({ leftOn: '2026-06-30', departureReason: 'mutual_agreement' });
    const twice = await refusal(
      tx((trx) =>
        recordDeparture(
          trx,
          orgId,
          e.id,
          departureInput.parse({ leftOn: '2026-07-31', reason: 'other' }),
          null,
        ),
      ),
    );
    expect(twice.kind).toBe('conflict');
    expect(twice.message).toContain('a déjà quitté l’organisation le 30/06/2026');
    expect((await getEmployee(store.db, orgId, e.id)).leftOn).toBe('2026-06-30');

    const back = await tx((trx) => cancelDeparture(trx, orgId, e.id, null));
    expect(back).toMatchObject({ leftOn: null, departureReason: null, registerNumber: e.registerNumber });
    expect((await refusal(tx((trx) => cancelDeparture(trx, orgId, e.id, null)))).kind).toBe('conflict');
    const trail = await auditOf(orgId, e.id);
    expect(trail.map((a) => a.action)).toEqual([
      'personnel.employee.created',
      'personnel.employee.left',
      'personnel.employee.departure_cancelled',
    ]);
    expect(JSON.parse(trail[2]!.before_json!)).toEqual({ leftOn: '2026-06-30', reason: 'mutual_agreement' });
    // Another organisation's employee is unknown here.
    const other = await newOrg();
    expect((await refusal(tx((trx) => cancelDeparture(trx, other, e.id, null)))).kind).toBe('not-found');
    expect(
      (
        await refusal(
          tx((trx) =>
            recordDeparture(
              trx,
              other,
              e.id,
              departureInput.parse({ leftOn: '2026-07-31', reason: 'other' }),
              null,
            ),
          ),
        )
      ).kind,
    ).toBe('not-found');
    expect(await verifyAuditChain(store.db, orgId)).toMatchObject({ ok: true });
  });

  it('corrects a file with before and after in the audit, the NIR masked; the entry date and register part stay', async () => {
    const orgId = await newOrg();
    const e = await hire(orgId);
    const updated = await tx((trx) =>
      updateEmployee(
        trx,
        orgId,
        e.id,
        person({
          jobTitle: 'Comptable',
          weeklyHours: 2800,
          socialSecurityNumber: '2 90 04 75 112 346 08',
        }),
        null,
      ),
    );
    expect(updated).toMatchObject({
      jobTitle: 'Comptable',
      weeklyHours: 2800,
      socialSecurityNumber: '290047511234608',
      registerNumber: e.registerNumber,
      hireDate: '2026-01-05',
    });
    const last = (await auditOf(orgId, e.id)).at(-1)!;
    expect(last.action).toBe('personnel.employee.updated');
    expect(JSON.parse(last.before_json!)).toEqual({
      jobTitle: 'Assistante de gestion',
      weeklyHours: 3500,
      socialSecurityNumber: '(modifié)',
    });
    expect(JSON.parse(last.after_json!)).toEqual({
      jobTitle: 'Comptable',
      weeklyHours: 2800,
      socialSecurityNumber: '(modifié)',
    });
    expect(last.before_json).not.toContain('2900475');

    const seq = await auditSeq(orgId);
    const moved = await refusal(
      tx((trx) => updateEmployee(trx, orgId, e.id, person({ hireDate: '2026-01-06', jobTitle: 'X' }), null)),
    );
    expect(moved.kind).toBe('invalid');
    expect(moved.issues).toEqual([
      { field: 'hireDate', message: 'La date d’entrée inscrite au registre (05/01/2026) ne se modifie pas.' },
    ]);
    const toIntern = await refusal(
      tx((trx) =>
        updateEmployee(
          trx,
          orgId,
          e.id,
          person({ contractType: 'internship', contractEnd: '2026-03-31', tutorName: 'Paul Girard' }),
          null,
        ),
      ),
    );
    expect(toIntern.issues[0]!.field).toBe('contractType');
    expect(await getEmployee(store.db, orgId, e.id)).toMatchObject({
      jobTitle: 'Comptable',
      contractType: 'cdi',
    });
    expect(await auditSeq(orgId)).toBe(seq);
    // Nothing changed, nothing written.
    await tx((trx) =>
      updateEmployee(
        trx,
        orgId,
        e.id,
        person({ jobTitle: 'Comptable', weeklyHours: 2800, socialSecurityNumber: '290047511234608' }),
        null,
      ),
    );
    expect(await auditSeq(orgId)).toBe(seq);
    expect((await refusal(tx((trx) => updateEmployee(trx, orgId, 'inconnu', person(), null)))).kind).toBe(
      'not-found',
    );
  });

  it('filters the list: present on a day, present or gone today, a part of the name without accents', async () => {
    const orgId = await newOrg();
    const lefevre = await hire(orgId);
    const morel = await hire(orgId, {
      lastName: 'Morel',
      firstName: 'Hugo',
      sex: 'M',
      birthDate: '1985-05-20',
      socialSecurityNumber: null,
      hireDate: '2026-03-01',
    });
    await tx((trx) =>
      recordDeparture(
        trx,
        orgId,
        lefevre.id,
        departureInput.parse({ leftOn: '2026-03-15', reason: 'resignation' }),
        null,
      ),
    );
    const names = async (query: Parameters<typeof listEmployees>[2], today = '2026-04-01') =>
      (await listEmployees(store.db, orgId, query, today)).items.map((e) => e.lastName);
    expect(await names({ presentOn: '2026-02-01' })).toEqual(['Lefèvre']);
    // The day of the exit still counts: the exit date is the last day worked.
    expect(await names({ presentOn: '2026-03-15' })).toEqual(['Lefèvre', 'Morel']);
    expect(await names({ presentOn: '2026-03-16' })).toEqual(['Morel']);
    expect(await names({ status: 'present' })).toEqual(['Morel']);
    expect(await names({ status: 'left' })).toEqual(['Lefèvre']);
    expect(await names({ status: 'present' }, '2026-03-10')).toEqual(['Lefèvre', 'Morel']);
    expect(await names({ q: 'lefevre' })).toEqual(['Lefèvre']);
    expect(await names({ q: 'ELISE' })).toEqual(['Lefèvre']);
    expect(await names({ q: 'hugo mor' })).toEqual(['Morel']);
    expect(await names({ q: 'zzz' })).toEqual([]);
    expect(morel.registerNumber).toBe(2);
  });

  it('keeps the register in two parts with the mentions of D1221-23', async () => {
    const orgId = await newOrg();
    await hire(orgId, { lastName: 'Plein', socialSecurityNumber: null });
    await hire(orgId, {
      lastName: 'Stagiaire',
      socialSecurityNumber: null,
      contractType: 'internship',
      contractEnd: '2026-02-27',
      weeklyHours: 3500,
      monthlyGross: 0,
      tutorName: 'Paul Girard',
      workplace: 'Atelier de Villeurbanne',
    });
    await hire(orgId, {
      lastName: 'Partiel',
      socialSecurityNumber: null,
      contractType: 'cdd',
      contractEnd: '2026-06-30',
      weeklyHours: 2400,
    });
    await hire(orgId, {
      lastName: 'Apprentie',
      socialSecurityNumber: null,
      contractType: 'apprenticeship',
      contractEnd: '2028-08-31',
      nationality: 'Marocaine',
      workPermit: 'Carte de séjour temporaire « salarié » n° 6912345678',
    });
    const register = await personnelRegister(store.db, orgId);
    expect(register.employees.map((l) => [l.registerNumber, l.lastName, l.mentions])).toEqual([
      [1, 'Plein', []],
      [3, 'Partiel', ['Contrat à durée déterminée', 'Salarié à temps partiel']],
      [4, 'Apprentie', ['Apprenti']],
    ]);
    expect(register.trainees).toEqual([
      expect.objectContaining({
        registerNumber: 2,
        tutorName: 'Paul Girard',
        workplace: 'Atelier de Villeurbanne',
        contractEnd: '2026-02-27',
      }),
    ]);
    expect(register.employees[2]!.workPermit).toContain('6912345678');
    const march = await personnelRegister(store.db, orgId, { presentOn: '2026-03-02' });
    expect(march.presentOn).toBe('2026-03-02');
    // The internship ended on its planned day without a recorded exit: it still counts as present.
    expect(march.trainees).toHaveLength(1);
  });
});
