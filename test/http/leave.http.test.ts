import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setMembership } from '../../src/kernel/users/users.ts';
import { createEmployee, employeeInput } from '../../src/personnel/index.ts';
import { buildOrganisation, buildUser, TEST_PASSWORD } from '../support/factories.ts';
import { type Client, loginAs, startTestServer, type TestServer } from '../support/http.ts';
import { pdfText } from '../support/pdf-text.ts';
import { countRows } from '../support/schema.ts';
import { DIALECTS } from '../support/test-db.ts';

describe.each(DIALECTS)('leave and absences over HTTP on %s', (dialect) => {
  let server: TestServer;
  let owner: Client;
  let accountant: Client;
  let stranger: Client;
  let orgId: string;
  let otherOrgId: string;
  let employeeId: string;
  let base: string;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const db = server.store.db;
    const user = await buildUser(db);
    orgId = (await buildOrganisation(db, user.id, { name: 'Atelier Roux' })).id;
    const counting = await buildUser(db);
    await db
      .transaction()
      .execute((trx) =>
        setMembership(trx, { orgId, userId: counting.id, role: 'accountant', actorId: null }),
      );
    const other = await buildUser(db);
    otherOrgId = (await buildOrganisation(db, other.id)).id;
    employeeId = (
      await db.transaction().execute((trx) =>
        createEmployee(
          trx,
          orgId,
          employeeInput.parse({
            lastName: 'Roux',
            firstName: 'Inès',
            sex: 'F',
            birthDate: '1988-10-02',
            nationality: 'Française',
            jobTitle: 'Menuisière',
            category: 'employee',
            contractType: 'cdi',
            weeklyHours: 3500,
            monthlyGross: 230000,
            hireDate: '2025-06-02',
          }),
          null,
        ),
      )
    ).id;
    owner = await loginAs(server.app, user.email, TEST_PASSWORD);
    accountant = await loginAs(server.app, counting.email, TEST_PASSWORD);
    stranger = await loginAs(server.app, other.email, TEST_PASSWORD);
    base = `/api/v1/orgs/${orgId}/leave-requests`;
  });
  afterAll(async () => {
    await server?.close();
  });

  it('asks, approves and shows the leave in the balance, the planning and the CSV export', async () => {
    // Two weeks over 14 July 2026: 11 jours ouvrables (Experts Univers' example, see leave-days.test.ts).
    const created = await owner.request('POST', base, {
      employeeId,
      type: 'paid_leave',
      from: '2026-07-13',
      to: '2026-07-24',
      comment: 'Vacances d’été',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'requested', halfDays: 22, employeeName: 'Roux Inès' });
    const id = created.body.id;
    // No body at all: approved without a note.
    const approved = await owner.request('POST', `${base}/${id}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
    expect((await owner.request('POST', `${base}/${id}/approve`, {})).status).toBe(409);

    const balance = await owner.request(
      'GET',
      `/api/v1/orgs/${orgId}/employees/${employeeId}/leave-balance?asOf=2026-07-31`,
    );
    expect(balance.status).toBe(200);
    // Hired 2 June 2025: June 29/30 × 2,5 = 2,41, then 11 × 2,5: 29,91 → 30 days; July 2,5; 11 taken.
    expect(balance.body).toMatchObject({ entitlement: 3000, acquiring: 500, taken: 1100, remaining: 2400 });

    const planning = await owner.request('GET', `/api/v1/orgs/${orgId}/leave-planning?month=2026-07`);
    expect(planning.status).toBe(200);
    expect(planning.body.rows[0].cells[12]).toMatchObject({
      requestId: id,
      type: 'paid_leave',
      status: 'approved',
    });

    const csv = await owner.request('GET', `${base}/export?format=csv&from=2026-07-01&to=2026-07-31`);
    expect(csv.status).toBe(200);
    expect(String(csv.headers['content-type'])).toContain('text/csv');
    expect(String(csv.headers['content-disposition'])).toContain(
      'conges-et-absences-2026-07-01-2026-07-31.csv',
    );
    expect(csv.raw).toContain('Roux Inès');
    expect(csv.raw).toContain('13/07/2026');
    expect(csv.raw).toMatch(/Congés payés.*11.*jours ouvrables.*Acceptée/);
    // The same list as a PDF, read back by pdftotext.
    const pdf = await server.app.inject({
      method: 'GET',
      url: `${base}/export?format=pdf&status=approved`,
      headers: { cookie: owner.cookie },
    });
    expect(pdf.statusCode).toBe(200);
    const text = pdfText(pdf.rawPayload).replace(/\s+/g, ' ');
    expect(text).toContain('Congés et absences');
    expect(text).toMatch(/Roux Inès Congés payés 13\/07\/2026 24\/07\/2026 11 jours ouvrables Acceptée/);
  });

  it('answers bad input and broken rules in French, writing nothing', async () => {
    const before = await countRows(server.store.db, 'personnel_leave_request', orgId);
    const bad = await owner.request('POST', base, {
      employeeId,
      type: 'paid_leave',
      from: '2026-02-30',
      to: '2026-03-02',
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/Premier jour : date réelle/);
    const backwards = await owner.request('POST', base, {
      employeeId,
      type: 'sick_leave',
      from: '2026-09-10',
      to: '2026-09-01',
    });
    expect(backwards.status).toBe(400);
    expect(JSON.stringify(backwards.body)).toMatch(/Le dernier jour ne peut précéder le premier/);
    const overlap = await owner.request('POST', base, {
      employeeId,
      type: 'unpaid_leave',
      from: '2026-07-24',
      to: '2026-07-27',
    });
    expect(overlap.status).toBe(409);
    expect(overlap.body.detail).toMatch(/chevauche celle du 13\/07\/2026 au 24\/07\/2026/);
    const tooMuch = await owner.request('POST', base, {
      employeeId,
      type: 'paid_leave',
      from: '2026-08-03',
      to: '2026-09-30',
    });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.detail).toMatch(
      /Solde de congés payés insuffisant : 50 jour\(s\) ouvrable\(s\) demandé\(s\)/,
    );
    const asked = await owner.request('POST', base, {
      employeeId,
      type: 'family_event',
      from: '2026-09-07',
      to: '2026-09-07',
    });
    const noReason = await owner.request('POST', `${base}/${asked.body.id}/refuse`, { reason: '' });
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.body)).toMatch(/Motif du refus : champ obligatoire/);
    expect(await countRows(server.store.db, 'personnel_leave_request', orgId)).toBe(before + 1);
    const refused = await owner.request('POST', `${base}/${asked.body.id}/refuse`, {
      reason: 'Salon professionnel',
    });
    expect(refused.body).toMatchObject({ status: 'refused', decisionReason: 'Salon professionnel' });
    const list = await owner.request('GET', `${base}?status=refused`);
    expect(list.body.items.map((r: { id: string }) => r.id)).toEqual([asked.body.id]);
  });

  it('answers 404 for another organisation’s ids and 403 to a role without personnel.read', async () => {
    const { body } = await owner.request('GET', base);
    const id = body.items[0].id;
    const foreign = `/api/v1/orgs/${otherOrgId}/leave-requests`;
    expect((await stranger.request('GET', `${foreign}/${id}`)).status).toBe(404);
    expect((await stranger.request('POST', `${foreign}/${id}/cancel`, {})).status).toBe(404);
    expect(
      (
        await stranger.request('POST', foreign, {
          employeeId,
          type: 'other',
          from: '2026-10-05',
          to: '2026-10-05',
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await stranger.request(
          'GET',
          `/api/v1/orgs/${otherOrgId}/employees/${employeeId}/unpaid-absence-hours?month=2026-07`,
        )
      ).status,
    ).toBe(404);
    expect((await stranger.request('GET', `${base}/${id}`)).status).toBe(404);
    for (const url of [
      base,
      `/api/v1/orgs/${orgId}/leave-planning?month=2026-07`,
      `/api/v1/orgs/${orgId}/leave-balances`,
    ]) {
      const r = await accountant.request('GET', url);
      expect(r.status).toBe(403);
      expect(r.body.title).toBe('Accès refusé');
    }
    expect((await accountant.request('POST', `${base}/${id}/cancel`, {})).status).toBe(403);
  });
});
