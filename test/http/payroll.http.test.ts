import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setMembership } from '../../src/kernel/users/users.ts';
import { createEmployee, employeeInput } from '../../src/personnel/index.ts';
import { salesOrganisation } from '../../src/relations/test-helpers.ts';
import { buildUser, TEST_PASSWORD } from '../support/factories.ts';
import { type Client, loginAs, startTestServer, type TestServer } from '../support/http.ts';
import { pdfText } from '../support/pdf-text.ts';
import { countRows } from '../support/schema.ts';
import { DIALECTS } from '../support/test-db.ts';

describe.each(DIALECTS)('payroll over HTTP on %s', (dialect) => {
  let server: TestServer;
  let owner: Client;
  let outsider: Client;
  let accountant: Client;
  let orgId: string;
  let otherOrgId: string;
  let base: string;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const db = server.store.db;
    const user = await buildUser(db);
    orgId = (await salesOrganisation(db, { name: 'Menuiserie Roux' }, user.id)).id;
    const other = await buildUser(db);
    otherOrgId = (await salesOrganisation(db, {}, other.id)).id;
    const keeper = await buildUser(db);
    await db
      .transaction()
      .execute((trx) => setMembership(trx, { orgId, userId: keeper.id, role: 'accountant', actorId: null }));
    await db.transaction().execute((trx) =>
      createEmployee(
        trx,
        orgId,
        employeeInput.parse({
          lastName: 'Martin',
          firstName: 'Claire',
          sex: 'F',
          birthDate: '1990-04-12',
          nationality: 'Française',
          jobTitle: 'Assistante de gestion',
          qualification: 'Employée niveau 2',
          category: 'employee',
          contractType: 'cdi',
          weeklyHours: 3500,
          monthlyGross: 182303,
          taxRate: 0,
          hireDate: '2026-01-05',
        }),
        null,
      ),
    );
    owner = await loginAs(server.app, user.email, TEST_PASSWORD);
    outsider = await loginAs(server.app, other.email, TEST_PASSWORD);
    accountant = await loginAs(server.app, keeper.email, TEST_PASSWORD);
    base = `/api/v1/orgs/${orgId}/pay-runs`;
  });
  afterAll(async () => {
    await server?.close();
  });

  it('prepares, validates and pays March; the payslip PDF carries the simplified payslip’s figures', async () => {
    const created = await owner.request('POST', base, {
      month: '2026-03',
      headcountBand: 'lt11',
      atMpRate: 70,
    });
    expect(created.status).toBe(201);
    const run = created.body;
    expect(run.payslips).toHaveLength(1);
    const slip = run.payslips[0];
    const items = await owner.request('PUT', `${base}/${run.id}/payslips/${slip.id}/items`, {
      overtime25Hours: 0,
      overtime50Hours: 0,
      bonus: 0,
      absenceHours: 0,
    });
    expect(items.status).toBe(200);
    const validated = await owner.request('POST', `${base}/${run.id}/validate`);
    expect(validated.status).toBe(200);
    expect(validated.body.payslips[0].number).toBe('BP-2026-0001');
    expect((await owner.request('POST', `${base}/${run.id}/validate`)).status).toBe(409);

    const pdf = await server.app.inject({
      method: 'GET',
      url: `${base}/${run.id}/payslips/${slip.id}/pdf`,
      headers: { cookie: owner.cookie },
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toContain('bulletin-2026-03-martin-BP-2026-0001.pdf');
    const text = pdfText(pdf.rawPayload).replace(/\s+/g, ' ');
    expect(text).toContain('Bulletin de paie – mars 2026');
    expect(text).toContain('Menuiserie Roux');
    expect(text).toContain('SIRET 81234567600017');
    expect(text).toContain('MARTIN Claire');
    expect(text).toContain('Période du 01/03/2026 au 31/03/2026');
    expect(text).toMatch(/SALAIRE BRUT 1 823,03/);
    expect(text).toMatch(/Sécurité sociale plafonnée 1 823,03 6,90 % -125,79 8,55 % 155,87/);
    expect(text).toMatch(/CSG déductible de l’impôt sur le revenu 1 791,13 6,80 % -121,80/);
    expect(text).toContain('EXONÉRATIONS DE COTISATIONS EMPLOYEUR');
    expect(text).toMatch(/NET À PAYER AVANT IMPÔT SUR LE REVENU 1 443,09/);
    expect(text).toMatch(/NET PAYÉ 1 443,09/);
    expect(text).toMatch(/coût employeur\) 1 854,14/);
    expect(text).toContain('conservez ce bulletin de paie sans limitation de durée');

    // The PA entry is the payroll's: the ledger screen refuses to reverse it and says where to cancel.
    const fromLedger = await owner.request(
      'POST',
      `/api/v1/orgs/${orgId}/ledger/entries/${validated.body.ledgerEntryId}/reverse`,
      { date: '2026-04-01' },
    );
    expect(fromLedger.status).toBe(422);
    expect(fromLedger.body.detail).toMatch(/annulez la paie \(Personnel › Paie\)/);

    const paid = await owner.request('POST', `${base}/${run.id}/payment`, { date: '2026-03-31' });
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({ paid: true, paidOn: '2026-03-31' });
    const cancel = await owner.request('POST', `${base}/${run.id}/cancel`, { date: '2026-04-02' });
    expect(cancel.status).toBe(422);
    expect(cancel.body.detail).toMatch(/ont été payés/);
    const list = await owner.request('GET', base);
    expect(list.body.items[0]).toMatchObject({ month: '2026-03', paid: true, payslipCount: 1 });
  });

  it('answers bad input and refusals in French and writes nothing', async () => {
    const before = await countRows(server.store.db, 'personnel_pay_run', orgId);
    const bad = await owner.request('POST', base, { month: '2026-13', headcountBand: 'lt11', atMpRate: 70 });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('Mois attendu au format AAAA-MM');
    const badRate = await owner.request('POST', base, { month: '2026-04', headcountBand: 'x', atMpRate: -1 });
    expect(badRate.status).toBe(400);
    expect(JSON.stringify(badRate.body)).toMatch(/Effectif|taux AT\/MP/i);
    const twice = await owner.request('POST', base, {
      month: '2026-03',
      headcountBand: 'lt11',
      atMpRate: 70,
    });
    expect(twice.status).toBe(409);
    expect(twice.body.detail).toMatch(/La paie de mars 2026 existe déjà/);
    const otherYear = await owner.request('POST', base, {
      month: '2025-12',
      headcountBand: 'lt11',
      atMpRate: 70,
    });
    expect(otherYear.status).toBe(422);
    expect(otherYear.body.detail).toMatch(/taux de paie connus sont ceux de 2026/);
    expect(await countRows(server.store.db, 'personnel_pay_run', orgId)).toBe(before);

    // A draft takes pay items in the API's units and refuses others; it may be deleted whole.
    const april = await owner.request('POST', base, {
      month: '2026-04',
      headcountBand: '11to49',
      atMpRate: 70,
    });
    expect(april.status).toBe(201);
    const slipUrl = `${base}/${april.body.id}/payslips/${april.body.payslips[0].id}/items`;
    const badItems = await owner.request('PUT', slipUrl, { overtime25Hours: 1.5, bonus: -1 });
    expect(badItems.status).toBe(400);
    expect(JSON.stringify(badItems.body)).toMatch(/centièmes d’heure entiers|prime ne peut être négative/);
    const unknownSlip = await owner.request('PUT', `${base}/${april.body.id}/payslips/nope/items`, {});
    expect(unknownSlip.status).toBe(404);
    const removed = await owner.request('DELETE', `${base}/${april.body.id}`);
    expect(removed.status).toBe(204);
    expect((await owner.request('GET', `${base}/${april.body.id}`)).status).toBe(404);
    expect(await countRows(server.store.db, 'personnel_payslip', orgId)).toBe(1);
  });

  it('hides one organisation’s pay runs from another (404) and from roles without personnel.read (403)', async () => {
    const run = (await owner.request('GET', base)).body.items[0];
    const detail = await owner.request('GET', `${base}/${run.id}`);
    const slipId = detail.body.payslips[0].id;
    const foreign = `/api/v1/orgs/${otherOrgId}/pay-runs/${run.id}`;
    expect((await outsider.request('GET', foreign)).status).toBe(404);
    expect((await outsider.request('GET', `${foreign}/payslips/${slipId}/pdf`)).status).toBe(404);
    expect((await outsider.request('POST', `${foreign}/validate`)).status).toBe(404);
    expect((await outsider.request('GET', `/api/v1/orgs/${orgId}/pay-runs`)).status).toBe(404);
    const denied = await accountant.request('GET', base);
    expect(denied.status).toBe(403);
    expect((await accountant.request('GET', `${base}/${run.id}/payslips/${slipId}/pdf`)).status).toBe(403);
  });
});
