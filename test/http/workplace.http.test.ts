import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIn } from '../../src/kernel/dates/index.ts';
import { setMembership } from '../../src/kernel/users/users.ts';
import { createEmployee, employeeInput } from '../../src/personnel/index.ts';
import { buildOrganisation, buildParty, buildUser, TEST_PASSWORD } from '../support/factories.ts';
import { type Client, loginAs, startTestServer, type TestServer } from '../support/http.ts';
import { pdfText } from '../support/pdf-text.ts';
import { countRows } from '../support/schema.ts';
import { DIALECTS } from '../support/test-db.ts';

// The workplace over HTTP: the contracts register and its termination letter, shared resources and the
// registre des prêts — French errors, 404 across organisations, permissions.

describe.each(DIALECTS)('the workplace over HTTP on %s', (dialect) => {
  let server: TestServer;
  let owner: Client;
  let accountant: Client;
  let stranger: Client;
  let orgId: string;
  let otherOrgId: string;
  let providerId: string;
  let employeeId: string;
  const today = todayIn();
  const api = (path: string) => `/api/v1/orgs/${orgId}${path}`;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const db = server.store.db;
    const user = await buildUser(db);
    orgId = (
      await buildOrganisation(db, user.id, {
        name: 'Association Les Tilleuls',
        kind: 'association',
        addressLine1: '3 place de la Mairie',
        postalCode: '38000',
        city: 'Grenoble',
      })
    ).id;
    const counting = await buildUser(db);
    await db
      .transaction()
      .execute((trx) =>
        setMembership(trx, { orgId, userId: counting.id, role: 'accountant', actorId: null }),
      );
    const other = await buildUser(db);
    otherOrgId = (await buildOrganisation(db, other.id)).id;
    providerId = (
      await buildParty(db, orgId, {
        name: 'Bureau Services SARL',
        roles: ['provider'],
        addresses: [
          { kind: 'head_office', line1: '12 rue des Alpes', postalCode: '38100', city: 'Grenoble' },
        ],
      })
    ).id;
    employeeId = (
      await db.transaction().execute((trx) =>
        createEmployee(
          trx,
          orgId,
          employeeInput.parse({
            lastName: 'Morel',
            firstName: 'Julie',
            sex: 'F',
            birthDate: '1991-07-08',
            nationality: 'Française',
            jobTitle: 'Secrétaire',
            category: 'employee',
            contractType: 'cdi',
            weeklyHours: 3500,
            monthlyGross: 210000,
            hireDate: '2022-09-01',
          }),
          null,
        ),
      )
    ).id;
    owner = await loginAs(server.app, user.email, TEST_PASSWORD);
    accountant = await loginAs(server.app, counting.email, TEST_PASSWORD);
    stranger = await loginAs(server.app, other.email, TEST_PASSWORD);
  });
  afterAll(async () => {
    await server?.close();
  });

  const contractBody = {
    providerId: '',
    kind: 'subscription',
    object: 'Abonnement logiciel de paie',
    reference: 'ABO-2025-114',
    startDate: '2025-04-01',
    durationMonths: 12,
    tacitRenewal: true,
    noticeValue: 2,
    noticeUnit: 'months',
    amount: 3900,
    periodicity: 'monthly',
    vatRate: 2000,
    seats: 3,
  };

  it('registers a contract, terminates it and prints the registered letter', async () => {
    const created = await owner.request(
      'POST',
      api('/workplace-contracts'),
      { ...contractBody, providerId },
      {
        'idempotency-key': 'contrat-abo-114',
      },
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ providerName: 'Bureau Services SARL', seats: 3, yearlyNet: 46800 });
    const replay = await owner.request(
      'POST',
      api('/workplace-contracts'),
      { ...contractBody, providerId },
      {
        'idempotency-key': 'contrat-abo-114',
      },
    );
    expect(replay.body.id).toBe(created.body.id);
    const id = created.body.id;
    // Terms of one year from 1 April: the one ending 31 March 2027 has its deadline on 31 January 2027.
    const terminated = await owner.request('POST', api(`/workplace-contracts/${id}/terminate`), {
      sentOn: '2027-01-20',
      reason: 'Logiciel de paie remplacé',
    });
    expect(terminated.status).toBe(200);
    expect(terminated.body).toMatchObject({ status: 'terminated', terminatedOn: '2027-03-31' });
    const pdf = await server.app.inject({
      method: 'GET',
      url: api(`/workplace-contracts/${id}/termination-letter`),
      headers: { cookie: owner.cookie },
    });
    expect(pdf.statusCode).toBe(200);
    expect(String(pdf.headers['content-type'])).toContain('application/pdf');
    expect(String(pdf.headers['content-disposition'])).toContain('resiliation-ABO-2025-114.pdf');
    const text = pdfText(pdf.rawPayload).replace(/\s+/g, ' ');
    expect(text).toContain('Lettre recommandée avec accusé de réception');
    expect(text).toContain('Objet : Résiliation du contrat n° ABO-2025-114');
    expect(text).toContain('Bureau Services SARL 12 rue des Alpes 38100 Grenoble');
    expect(text).toContain('Grenoble, le 20 janvier 2027');
    expect(text).toMatch(/préavis de 2 mois .* date limite était le 31 janvier 2027/);
    expect(text).toContain('à l’échéance du 31 mars 2027');
    const frozen = await owner.request('PUT', api(`/workplace-contracts/${id}`), {
      ...contractBody,
      providerId,
    });
    expect(frozen.status).toBe(409);
    expect(frozen.body.detail).toMatch(/résilié depuis le 31\/03\/2027 : il ne se modifie plus/);
    const list = await owner.request('GET', api('/workplace-contracts?status=terminated'));
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([id]);
  });

  it('shows the échéancier and the costs', async () => {
    const created = await owner.request('POST', api('/workplace-contracts'), {
      ...contractBody,
      providerId,
      kind: 'maintenance',
      object: 'Maintenance de la chaudière',
      reference: 'CH-1',
      startDate: addDays(today, -300),
      seats: null,
      periodicity: 'yearly',
      amount: 60000,
      noticeValue: 30,
      noticeUnit: 'days',
    });
    expect(created.status).toBe(201);
    const corrected = await owner.request('PUT', api(`/workplace-contracts/${created.body.id}`), {
      ...contractBody,
      providerId,
      kind: 'maintenance',
      object: 'Maintenance de la chaudière',
      reference: 'CH-1',
      startDate: addDays(today, -300),
      seats: null,
      periodicity: 'yearly',
      amount: 64000,
      noticeValue: 30,
      noticeUnit: 'days',
    });
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({ amount: 64000, yearlyNet: 64000 });
    const schedule = await owner.request('GET', api('/workplace-contract-deadlines?days=90'));
    expect(schedule.status).toBe(200);
    const ours = schedule.body.items.filter((d: { reference: string }) => d.reference === 'CH-1');
    expect(ours.map((d: { kind: string }) => d.kind)).toEqual(['notice_deadline', 'renewal']);
    expect(ours[0].date).toBe(created.body.noticeDeadline);
    const costs = await owner.request('GET', api(`/workplace-contract-costs?year=${today.slice(0, 4)}`));
    expect(costs.status).toBe(200);
    expect(costs.body.rows.some((r: { kind: string }) => r.kind === 'maintenance')).toBe(true);
    const bad = await owner.request('GET', api('/workplace-contract-deadlines?days=0'));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('Au moins 1 jour.');
  });

  it('answers bad contracts in French, writing nothing', async () => {
    const before = await countRows(server.store.db, 'production_workplace_contract', orgId);
    const noObject = await owner.request('POST', api('/workplace-contracts'), {
      ...contractBody,
      providerId,
      object: '',
      startDate: '2026-02-30',
    });
    expect(noObject.status).toBe(400);
    expect(JSON.stringify(noObject.body)).toMatch(/Objet : champ obligatoire/);
    expect(JSON.stringify(noObject.body)).toMatch(/Date de début : date réelle/);
    const seats = await owner.request('POST', api('/workplace-contracts'), {
      ...contractBody,
      providerId,
      kind: 'insurance',
    });
    expect(seats.status).toBe(400);
    expect(JSON.stringify(seats.body)).toMatch(/ne concerne que les licences et les abonnements/);
    const vat = await owner.request('POST', api('/workplace-contracts'), {
      ...contractBody,
      providerId,
      vatRate: 1960,
    });
    expect(vat.status).toBe(400);
    expect(JSON.stringify(vat.body)).toContain('Taux de TVA : 0, 2,1, 5,5, 10 ou 20 %');
    const customer = (await buildParty(server.store.db, orgId, { name: 'Famille Roux', roles: ['customer'] }))
      .id;
    const notProvider = await owner.request('POST', api('/workplace-contracts'), {
      ...contractBody,
      providerId: customer,
    });
    expect(notProvider.status).toBe(400);
    expect(notProvider.body.detail).toMatch(/n’est ni prestataire, ni fournisseur, ni sous-traitant/);
    expect(await countRows(server.store.db, 'production_workplace_contract', orgId)).toBe(before);
  });

  it('lends a projector, refuses a second loan in French, takes it back and exports the register', async () => {
    const created = await owner.request('POST', api('/shared-resources'), {
      name: 'Vidéoprojecteur Epson',
      category: 'equipment',
      identifier: 'SN-X4451',
      location: 'Armoire du secrétariat',
    });
    expect(created.status).toBe(201);
    const resourceId = created.body.id;
    const lent = await owner.request('POST', api('/resource-loans'), {
      resourceId,
      employeeId,
      outOn: addDays(today, -3),
      dueOn: addDays(today, -1),
      remarks: 'Avec sa télécommande',
    });
    expect(lent.status).toBe(201);
    expect(lent.body).toMatchObject({ borrowerName: 'Morel Julie', overdue: true });
    const twice = await owner.request('POST', api('/resource-loans'), {
      resourceId,
      borrowerName: 'M. Petit',
      outOn: today,
      dueOn: today,
    });
    expect(twice.status).toBe(409);
    expect(twice.body.detail).toMatch(/« Vidéoprojecteur Epson » est déjà prêtée à Morel Julie depuis le/);
    expect(await countRows(server.store.db, 'production_resource_loan', orgId)).toBe(1);
    const nobody = await owner.request('POST', api('/resource-loans'), {
      resourceId,
      outOn: today,
      dueOn: today,
    });
    expect(nobody.status).toBe(400);
    expect(JSON.stringify(nobody.body)).toMatch(/Emprunteur : choisissez un salarié ou saisissez le nom/);
    const future = await owner.request('POST', api('/resource-loans'), {
      resourceId,
      borrowerName: 'M. Petit',
      outOn: addDays(today, 3),
      dueOn: addDays(today, 4),
    });
    expect(future.status).toBe(400);
    expect(future.body.detail).toMatch(/réservez la ressource/);

    const overdue = await owner.request('GET', api('/resource-loans?state=overdue'));
    expect(overdue.body.items.map((l: { id: string }) => l.id)).toEqual([lent.body.id]);
    const csv = await owner.request('GET', api('/resource-loans/export?format=csv'));
    expect(csv.status).toBe(200);
    expect(String(csv.headers['content-disposition'])).toContain('registre-des-prets.csv');
    expect(csv.raw).toMatch(/Vidéoprojecteur Epson.*Matériel.*SN-X4451.*Morel Julie.*EN RETARD/);
    const back = await owner.request('POST', api(`/resource-loans/${lent.body.id}/return`), {
      returnedOn: today,
      state: 'damaged',
      remarks: 'Lampe grillée',
    });
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ stateReturned: 'damaged', overdue: false });
    const resource = await owner.request('GET', api(`/shared-resources/${resourceId}`));
    expect(resource.body).toMatchObject({ state: 'damaged', loan: null });
    const pdf = await server.app.inject({
      method: 'GET',
      url: api(`/resource-loans/export?format=pdf&resourceId=${resourceId}`),
      headers: { cookie: owner.cookie },
    });
    expect(pdf.statusCode).toBe(200);
    const text = pdfText(pdf.rawPayload).replace(/\s+/g, ' ');
    expect(text).toContain('Registre des prêts de ressources partagées');
    expect(text).toMatch(
      /Vidéoprojecteur Epson Matériel SN-X4451 Morel Julie .* Bon état Endommagé Avec sa télécommande/,
    );
    const xlsx = await server.app.inject({
      method: 'GET',
      url: api('/resource-loans/export?format=xlsx'),
      headers: { cookie: owner.cookie },
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const booked = await owner.request('POST', api('/resource-bookings'), {
      resourceId,
      employeeId,
      from: addDays(today, 7),
      to: addDays(today, 8),
      purpose: 'Assemblée générale',
    });
    expect(booked.status).toBe(201);
    const overlap = await owner.request('POST', api('/resource-bookings'), {
      resourceId,
      borrowerName: 'Club photo',
      from: addDays(today, 8),
      to: addDays(today, 9),
    });
    expect(overlap.status).toBe(409);
    expect(overlap.body.detail).toMatch(/déjà réservée du .* par Morel Julie/);
  });

  it('answers 404 for another organisation’s ids and 403 without production.write', async () => {
    const contracts = (await owner.request('GET', api('/workplace-contracts'))).body.items;
    const contractId = contracts[0].id;
    const loans = (await owner.request('GET', api('/resource-loans'))).body.items;
    const loanId = loans[0].id;
    const resourceId = loans[0].resourceId;
    const foreign = (path: string) => `/api/v1/orgs/${otherOrgId}${path}`;
    expect((await stranger.request('GET', foreign(`/workplace-contracts/${contractId}`))).status).toBe(404);
    expect(
      (await stranger.request('GET', foreign(`/workplace-contracts/${contractId}/termination-letter`)))
        .status,
    ).toBe(404);
    expect(
      (
        await stranger.request('POST', foreign(`/workplace-contracts/${contractId}/terminate`), {
          sentOn: today,
          reason: 'x',
        })
      ).status,
    ).toBe(404);
    expect((await stranger.request('GET', foreign(`/shared-resources/${resourceId}`))).status).toBe(404);
    expect(
      (
        await stranger.request('POST', foreign('/resource-loans'), {
          resourceId,
          borrowerName: 'X',
          outOn: today,
          dueOn: today,
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await stranger.request('POST', foreign(`/resource-loans/${loanId}/return`), {
          returnedOn: today,
          state: 'good',
        })
      ).status,
    ).toBe(404);
    expect((await stranger.request('GET', api(`/shared-resources/${resourceId}`))).status).toBe(404);
    // The accountant reads the register and the costs, and changes nothing.
    expect((await accountant.request('GET', api('/workplace-contracts'))).status).toBe(200);
    expect((await accountant.request('GET', api('/resource-loans'))).status).toBe(200);
    const denied = await accountant.request('POST', api('/resource-loans'), {
      resourceId,
      borrowerName: 'X',
      outOn: today,
      dueOn: today,
    });
    expect(denied.status).toBe(403);
    expect(denied.body.title).toBe('Accès refusé');
    expect(
      (
        await accountant.request('POST', api(`/workplace-contracts/${contractId}/terminate`), {
          sentOn: today,
          reason: 'x',
        })
      ).status,
    ).toBe(403);
  });
});
