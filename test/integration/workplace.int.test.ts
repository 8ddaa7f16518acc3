import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/kernel/audit/audit.ts';
import { addDays, todayIn } from '../../src/kernel/dates/index.ts';
import type { Db } from '../../src/kernel/db/index.ts';
import { createEmployee, employeeInput } from '../../src/personnel/index.ts';
import {
  bookingInput,
  cancelBooking,
  contractCosts,
  contractInput,
  contractSchedule,
  createBooking,
  createContract,
  createResource,
  getContract,
  getResource,
  lendResource,
  listContracts,
  listLoans,
  loanInput,
  resourceInput,
  returnLoan,
  terminateContract,
} from '../../src/production/index.ts';
import { buildOrganisation, buildParty } from '../support/factories.ts';
import { countRows } from '../support/schema.ts';
import { createTestStore, DIALECTS, type TestStore } from '../support/test-db.ts';

// The workplace (2.3): contracts and their deadlines, shared resources, loans and bookings, on both databases.

const contract = (providerId: string, overrides: Record<string, unknown> = {}) =>
  contractInput.parse({
    providerId,
    kind: 'maintenance',
    object: 'Maintenance du copieur',
    reference: 'CT-77',
    startDate: '2026-01-01',
    durationMonths: 12,
    tacitRenewal: true,
    noticeValue: 3,
    amount: 12000,
    periodicity: 'quarterly',
    vatRate: 2000,
    ...overrides,
  });

describe.each(DIALECTS)('the workplace on %s', (dialect) => {
  let store: TestStore;
  let orgId: string;
  let providerId: string;
  let employeeId: string;
  const today = todayIn();
  beforeAll(async () => {
    store = await createTestStore(dialect);
    orgId = (await buildOrganisation(store.db, null, { name: 'Mairie de Saint-Aubin' })).id;
    providerId = (await buildParty(store.db, orgId, { name: 'Copie Service', roles: ['provider'] })).id;
    employeeId = (
      await tx((trx) =>
        createEmployee(
          trx,
          orgId,
          employeeInput.parse({
            lastName: 'Garnier',
            firstName: 'Paul',
            sex: 'M',
            birthDate: '1985-02-03',
            nationality: 'Française',
            jobTitle: 'Agent technique',
            category: 'employee',
            contractType: 'cdi',
            weeklyHours: 3500,
            monthlyGross: 200000,
            hireDate: '2020-01-06',
          }),
          null,
        ),
      )
    ).id;
  });
  afterAll(async () => {
    await store?.drop();
  });
  const tx = <T>(fn: (trx: Db) => Promise<T>) => store.db.transaction().execute(fn);

  it('computes the status and deadlines of a contract on a date', async () => {
    const c = await tx((trx) => createContract(trx, orgId, contract(providerId), '2026-03-01', null));
    expect(c).toMatchObject({
      status: 'active',
      providerName: 'Copie Service',
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      noticeDeadline: '2026-09-30',
      yearlyNet: 48000,
    });
    // 60 days' alert before 30 September: notice due soon from 1 August.
    expect((await getContract(store.db, orgId, c.id, '2026-08-01')).status).toBe('to_terminate_soon');
    const later = await getContract(store.db, orgId, c.id, '2026-10-01');
    expect(later).toMatchObject({ status: 'active', periodEnd: '2027-12-31', noticeDeadline: '2027-09-30' });
    const fixed = await tx((trx) =>
      createContract(
        trx,
        orgId,
        contract(providerId, { kind: 'licence', object: 'Suite bureautique', seats: 5, tacitRenewal: false }),
        '2026-03-01',
        null,
      ),
    );
    expect(fixed).toMatchObject({ status: 'active', noticeDeadline: null, seats: 5 });
    expect((await getContract(store.db, orgId, fixed.id, '2026-12-15')).status).toBe('to_renew');
    expect((await getContract(store.db, orgId, fixed.id, '2027-01-01')).status).toBe('expired');
    const soon = await listContracts(store.db, orgId, { status: 'to_terminate_soon' }, '2026-08-01');
    expect(soon.map((x) => x.id)).toEqual([c.id]);
  });

  it('lists the échéancier and the yearly cost per kind', async () => {
    const schedule = await contractSchedule(store.db, orgId, '2026-09-01', 180);
    const ours = schedule.items.filter((d) => d.reference === 'CT-77');
    expect(ours.map((d) => [d.date, d.kind])).toEqual([
      ['2026-09-30', 'notice_deadline'],
      ['2026-12-31', 'expiry'],
      ['2027-01-01', 'renewal'],
    ]);
    expect(ours[0]!.inDays).toBe(29);
    const costs = await contractCosts(store.db, orgId, 2026);
    // Quarterly 120 € HT: 4 × 120 = 480 € on each contract, VAT 24 € each time.
    expect(costs.rows).toEqual([
      { kind: 'maintenance', contracts: 1, net: 48000, vat: 9600, gross: 57600 },
      { kind: 'licence', contracts: 1, net: 48000, vat: 9600, gross: 57600 },
    ]);
    expect((await contractCosts(store.db, orgId, 2027)).rows.map((r) => r.kind)).toEqual(['maintenance']);
  });

  it('terminates with the notice, refuses twice and the L215-1 case without consumer protection', async () => {
    const late = await tx((trx) =>
      createContract(trx, orgId, contract(providerId, { reference: 'CT-78' }), today, null),
    );
    const ended = await tx((trx) =>
      terminateContract(
        trx,
        orgId,
        late.id,
        { sentOn: '2026-10-05', reason: 'Trop cher', providerDidNotInform: false },
        today,
        null,
      ),
    );
    // Past the 30 September deadline: the contract runs one more year.
    expect(ended).toMatchObject({
      status: 'terminated',
      terminatedOn: '2027-12-31',
      terminationSentOn: '2026-10-05',
    });
    await expect(
      tx((trx) =>
        terminateContract(
          trx,
          orgId,
          late.id,
          { sentOn: '2026-10-06', reason: 'x', providerDidNotInform: false },
          today,
          null,
        ),
      ),
    ).rejects.toThrow(/déjà résilié \(fin le 31\/12\/2027\)/);
    const other = await tx((trx) =>
      createContract(trx, orgId, contract(providerId, { reference: 'CT-79' }), today, null),
    );
    await expect(
      tx((trx) =>
        terminateContract(
          trx,
          orgId,
          other.id,
          { sentOn: '2027-02-01', reason: 'x', providerDidNotInform: true },
          today,
          null,
        ),
      ),
    ).rejects.toThrow(
      /L215-1 du Code de la consommation\) ne vaut que pour un contrat conclu en consommateur ou non-professionnel/,
    );
    const association = await tx((trx) =>
      createContract(
        trx,
        orgId,
        contract(providerId, { reference: 'CT-80', consumerProtection: true }),
        today,
        null,
      ),
    );
    expect(association).toMatchObject({
      providerNoticeFrom: expect.any(String),
      providerNoticeTo: expect.any(String),
    });
    const chatel = await tx((trx) =>
      terminateContract(
        trx,
        orgId,
        association.id,
        { sentOn: '2027-02-01', reason: 'Pas d’information', providerDidNotInform: true },
        today,
        null,
      ),
    );
    expect(chatel).toMatchObject({ terminatedOn: '2027-02-01', terminationChatel: true });
  });

  it('refuses a party that is not a provider, writing nothing', async () => {
    const customer = (await buildParty(store.db, orgId, { name: 'Client Dupont', roles: ['customer'] })).id;
    const before = await countRows(store.db, 'production_workplace_contract', orgId);
    await expect(tx((trx) => createContract(trx, orgId, contract(customer), today, null))).rejects.toThrow(
      /« Client Dupont » n’est ni prestataire, ni fournisseur, ni sous-traitant/,
    );
    await expect(
      tx((trx) => createContract(trx, orgId, contract(providerId, { seats: 3 }), today, null)),
    ).rejects.toThrow(/ne concerne que les licences et les abonnements/);
    expect(await countRows(store.db, 'production_workplace_contract', orgId)).toBe(before);
  });

  it('lends a key once at a time, even to two transactions at once, then takes it back', async () => {
    const key = await tx((trx) =>
      createResource(
        trx,
        orgId,
        resourceInput.parse({ name: 'Clé salle des fêtes', category: 'key', identifier: 'K-3' }),
        today,
        null,
      ),
    );
    const outOn = addDays(today, -5);
    const lend = (who: Record<string, unknown>) =>
      tx((trx) =>
        lendResource(
          trx,
          orgId,
          loanInput.parse({ resourceId: key.id, outOn, dueOn: addDays(today, -1), ...who }),
          today,
          null,
        ),
      );
    const results = await Promise.allSettled([
      lend({ employeeId }),
      lend({ borrowerName: 'Mme Vidal, présidente du club' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(String(refused.reason.message)).toMatch(
      /« Clé salle des fêtes » (est déjà prêtée à .+ depuis le|vient d’être prêtée)/,
    );
    expect(await countRows(store.db, 'production_resource_loan', orgId)).toBe(1);
    const [loan] = await listLoans(store.db, orgId, { state: 'overdue' }, today);
    expect(loan).toMatchObject({ resourceName: 'Clé salle des fêtes', overdue: true, stateOut: 'good' });
    expect((await getResource(store.db, orgId, key.id, today)).loan?.id).toBe(loan!.id);
    await expect(
      tx((trx) =>
        returnLoan(
          trx,
          orgId,
          loan!.id,
          { returnedOn: addDays(outOn, -1), state: 'good', remarks: null },
          today,
          null,
        ),
      ),
    ).rejects.toThrow(/Le retour ne peut précéder la sortie/);
    const back = await tx((trx) =>
      returnLoan(
        trx,
        orgId,
        loan!.id,
        { returnedOn: today, state: 'worn', remarks: 'Anneau tordu' },
        today,
        null,
      ),
    );
    expect(back).toMatchObject({ returnedOn: today, stateReturned: 'worn', overdue: false });
    const after = await getResource(store.db, orgId, key.id, today);
    expect(after).toMatchObject({ state: 'worn', loan: null });
    await expect(
      tx((trx) =>
        returnLoan(trx, orgId, loan!.id, { returnedOn: today, state: 'good', remarks: null }, today, null),
      ),
    ).rejects.toThrow(/déjà été rendu/);
    // Free again: lent to an employee, whose register name is copied.
    const again = await tx((trx) =>
      lendResource(
        trx,
        orgId,
        loanInput.parse({ resourceId: key.id, employeeId, outOn: today, dueOn: addDays(today, 2) }),
        today,
        null,
      ),
    );
    expect(again.borrowerName).toBe('Garnier Paul');
    expect((await listLoans(store.db, orgId, { resourceId: key.id }, today)).length).toBe(2);
  });

  it('books a room for a coming period, refusing overlaps and loans across a booking', async () => {
    const room = await tx((trx) =>
      createResource(
        trx,
        orgId,
        resourceInput.parse({ name: 'Salle du conseil', category: 'room' }),
        today,
        null,
      ),
    );
    const book = (from: number, to: number, who = 'Association des parents') =>
      tx((trx) =>
        createBooking(
          trx,
          orgId,
          bookingInput.parse({
            resourceId: room.id,
            borrowerName: who,
            from: addDays(today, from),
            to: addDays(today, to),
          }),
          today,
          null,
        ),
      );
    const first = await book(10, 12);
    await expect(book(12, 14, 'Club de judo')).rejects.toThrow(
      /déjà réservée du .+ par Association des parents/,
    );
    await expect(book(-2, 1)).rejects.toThrow(/ne peut commencer avant aujourd’hui/);
    await expect(
      tx((trx) =>
        lendResource(
          trx,
          orgId,
          loanInput.parse({
            resourceId: room.id,
            borrowerName: 'Club de judo',
            outOn: today,
            dueOn: addDays(today, 11),
          }),
          today,
          null,
        ),
      ),
    ).rejects.toThrow(/est réservée du .+ par Association des parents/);
    await tx((trx) => cancelBooking(trx, orgId, first.id, null));
    expect((await book(12, 14, 'Club de judo')).borrowerName).toBe('Club de judo');
    expect(await verifyAuditChain(store.db, orgId)).toMatchObject({ ok: true });
  });
});
