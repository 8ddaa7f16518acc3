import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../../src/kernel/dates/index.ts';
import { setMembership } from '../../src/kernel/users/users.ts';
import { buildOrganisation, buildUser, TEST_PASSWORD } from '../support/factories.ts';
import { type Client, loginAs, startTestServer, type TestServer } from '../support/http.ts';
import { pdfText } from '../support/pdf-text.ts';
import { countRows } from '../support/schema.ts';
import { DIALECTS } from '../support/test-db.ts';

// The personnel file and the register over HTTP: French refusals with their fields, nothing written on a
// refusal, 404 for another organisation, 403 for a role without personnel.read, the register's files.
describe.each(DIALECTS)('employees over HTTP on %s', (dialect) => {
  let server: TestServer;
  let owner: Client;
  let assistant: Client;
  let stranger: Client;
  let orgId: string;
  let otherOrgId: string;
  let base: string;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const db = server.store.db;
    const user = await buildUser(db);
    orgId = (await buildOrganisation(db, user.id, { name: 'Menuiserie Roux' })).id;
    const helper = await buildUser(db);
    await db
      .transaction()
      .execute((trx) => setMembership(trx, { orgId, userId: helper.id, role: 'assistant', actorId: null }));
    const other = await buildUser(db);
    otherOrgId = (await buildOrganisation(db, other.id)).id;
    owner = await loginAs(server.app, user.email, TEST_PASSWORD);
    assistant = await loginAs(server.app, helper.email, TEST_PASSWORD);
    stranger = await loginAs(server.app, other.email, TEST_PASSWORD);
    base = `/api/v1/orgs/${orgId}/employees`;
  });
  afterAll(async () => {
    await server?.close();
  });

  const body = (overrides: Record<string, unknown> = {}) => ({
    lastName: 'Santoni',
    firstName: 'Marc',
    sex: 'M',
    birthDate: '1987-05-03',
    nationality: 'Française',
    socialSecurityNumber: '1 87 05 2A 004 112 66',
    jobTitle: 'Menuisier',
    qualification: 'Ouvrier qualifié',
    category: 'employee',
    contractType: 'cdi',
    weeklyHours: 3500,
    monthlyGross: 230000,
    hireDate: '2026-02-02',
    ...overrides,
  });

  it('hires, corrects the file, records and takes back a departure', async () => {
    const created = await owner.request('POST', base, body());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ registerNumber: 1, socialSecurityNumber: '187052A00411266' });
    const id = created.body.id;
    const updated = await owner.request('PUT', `${base}/${id}`, body({ jobTitle: 'Chef d’atelier' }));
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ jobTitle: 'Chef d’atelier', registerNumber: 1 });
    const moved = await owner.request('PUT', `${base}/${id}`, body({ hireDate: '2026-02-03' }));
    expect(moved.status).toBe(400);
    expect(moved.body.errors).toEqual([
      { field: 'hireDate', message: 'La date d’entrée inscrite au registre (02/02/2026) ne se modifie pas.' },
    ]);
    const left = await owner.request('POST', `${base}/${id}/departure`, {
      leftOn: '2026-05-31',
      reason: 'resignation',
    });
    expect(left.status).toBe(200);
    expect(left.body).toMatchObject({ leftOn: '2026-05-31', departureReason: 'resignation' });
    const again = await owner.request('POST', `${base}/${id}/departure`, {
      leftOn: '2026-06-30',
      reason: 'other',
    });
    expect(again.status).toBe(409);
    expect(again.body.detail).toBe('Marc Santoni a déjà quitté l’organisation le 31/05/2026.');
    const back = await owner.request('DELETE', `${base}/${id}/departure`);
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ leftOn: null, departureReason: null });
    expect((await owner.request('DELETE', `${base}/${id}/departure`)).status).toBe(409);
  });

  it('refuses bad input in French, field by field, and writes nothing', async () => {
    const before = await countRows(server.store.db, 'personnel_employee', orgId);
    const bad = await owner.request(
      'POST',
      base,
      body({
        lastName: '',
        birthDate: '1987-02-30',
        socialSecurityNumber: '1 87 05 2A 004 112 65',
      }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.title).toBe('Données invalides');
    const fields = Object.fromEntries(
      (bad.body.errors as { field: string; message: string }[]).map((e) => [e.field, e.message]),
    );
    expect(fields).toMatchObject({
      lastName: 'Nom : champ obligatoire.',
      birthDate: 'Date de naissance : date réelle au format AAAA-MM-JJ attendue.',
      socialSecurityNumber:
        'Numéro de sécurité sociale invalide : 15 caractères dont la clé (ex. 2 84 05 75 123 456 72).',
    });
    // The rules across fields come once every field is right.
    const noEnd = await owner.request('POST', base, body({ contractType: 'cdd' }));
    expect(noEnd.status).toBe(400);
    expect(noEnd.body.errors).toEqual([
      {
        field: 'contractEnd',
        message: 'Un CDD, un apprentissage ou un stage a une fin prévue : indiquez-la.',
      },
    ]);
    const mismatch = await owner.request('POST', base, body({ sex: 'F' }));
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.errors[0].message).toContain('ne correspond pas au sexe indiqué');
    const early = await owner.request('POST', `${base}/inconnu/departure`, {
      leftOn: '2026-13-01',
      reason: 'x',
    });
    expect(early.status).toBe(400);
    expect(early.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['leftOn', 'reason']);
    expect(await countRows(server.store.db, 'personnel_employee', orgId)).toBe(before);
  });

  it('answers 404 to another organisation and 403 to a role without personnel.read', async () => {
    const created = await owner.request(
      'POST',
      base,
      body({ lastName: 'Secret', socialSecurityNumber: null }),
    );
    const id = created.body.id;
    const foreign = `/api/v1/orgs/${otherOrgId}/employees/${id}`;
    expect((await stranger.request('GET', foreign)).status).toBe(404);
    expect((await stranger.request('PUT', foreign, body())).status).toBe(404);
    expect(
      (await stranger.request('POST', `${foreign}/departure`, { leftOn: '2026-06-30', reason: 'other' }))
        .status,
    ).toBe(404);
    expect((await stranger.request('GET', `${base}/${id}`)).status).toBe(404);
    expect((await stranger.request('GET', `/api/v1/orgs/${orgId}/personnel-register`)).status).toBe(404);
    for (const url of [base, `${base}/${id}`, `/api/v1/orgs/${orgId}/personnel-register/export?format=csv`]) {
      const r = await assistant.request('GET', url);
      expect(r.status, url).toBe(403);
      expect(r.raw).not.toContain('Secret');
    }
    expect((await assistant.request('POST', base, body())).status).toBe(403);
  });

  it('filters the list by name and status', async () => {
    const today = todayIn('Europe/Paris');
    const gone = await owner.request(
      'POST',
      base,
      body({
        lastName: 'Émery',
        firstName: 'Lucie',
        sex: 'F',
        socialSecurityNumber: null,
        hireDate: '2026-01-05',
      }),
    );
    await owner.request('POST', `${base}/${gone.body.id}/departure`, {
      leftOn: '2026-01-31',
      reason: 'trial_period',
    });
    const byName = await owner.request('GET', `${base}?q=emery`);
    expect(byName.body.items.map((e: { lastName: string }) => e.lastName)).toEqual(['Émery']);
    if (today > '2026-01-31') {
      const left = await owner.request('GET', `${base}?status=left`);
      expect(left.body.items.map((e: { lastName: string }) => e.lastName)).toEqual(['Émery']);
      const present = await owner.request('GET', `${base}?status=present`);
      expect(present.body.items.map((e: { lastName: string }) => e.lastName)).not.toContain('Émery');
    }
    const bad = await owner.request('GET', `${base}?status=partis`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toEqual({ field: 'querystring.status', message: 'Statut : present ou left.' });
  });

  it('exports the register as PDF (read back by pdftotext) and CSV, with trainees apart', async () => {
    await owner.request(
      'POST',
      base,
      body({
        lastName: 'Nguyen',
        firstName: 'Linh',
        sex: 'F',
        birthDate: '2005-09-14',
        nationality: 'Vietnamienne',
        socialSecurityNumber: null,
        jobTitle: 'Stagiaire gestion',
        qualification: null,
        contractType: 'internship',
        contractEnd: '2026-04-30',
        monthlyGross: 0,
        tutorName: 'Paul Girard',
        workplace: 'Atelier de Villeurbanne',
        workPermit: 'Titre de séjour étudiant n° 6901234567',
      }),
    );
    await owner.request(
      'POST',
      base,
      body({
        lastName: 'Partiel',
        firstName: 'Jean',
        socialSecurityNumber: null,
        contractType: 'cdd',
        contractEnd: '2026-08-31',
        weeklyHours: 2400,
      }),
    );
    const json = await owner.request('GET', `/api/v1/orgs/${orgId}/personnel-register`);
    expect(json.status).toBe(200);
    expect(json.body.trainees.map((l: { lastName: string }) => l.lastName)).toEqual(['Nguyen']);
    const numbers = json.body.employees.map((l: { registerNumber: number }) => l.registerNumber);
    expect(numbers).toEqual([...numbers].sort((a: number, b: number) => a - b));

    const pdf = await server.app.inject({
      method: 'GET',
      url: `/api/v1/orgs/${orgId}/personnel-register/export?format=pdf`,
      headers: { cookie: owner.cookie },
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toContain('registre-du-personnel.pdf');
    const text = pdfText(pdf.rawPayload).replace(/\s+/g, ' ');
    expect(text).toContain('Registre unique du personnel');
    expect(text).toContain('Menuiserie Roux');
    expect(text).toMatch(
      /1 SANTONI Marc M 03\/05\/1987 Française Chef d’atelier CDI 02\/02\/2026 Ouvrier qualifié 2 SECRET/,
    );
    expect(text).toMatch(
      /5 PARTIEL Jean M 03\/05\/1987 Française Menuisier Contrat à durée déterminée 02\/02\/2026 Ouvrier qualifié Salarié à temps partiel Stagiaires/,
    );
    expect(text.indexOf('Stagiaires')).toBeLessThan(text.indexOf('NGUYEN Linh'));
    expect(text).toContain(
      '4 NGUYEN Linh F 14/09/2005 Vietnamienne Stage Tuteur : Paul Girard 02/02/2026 30/04/2026',
    );
    expect(text).not.toContain('…');

    const csv = await owner.request(
      'GET',
      `/api/v1/orgs/${orgId}/personnel-register/export?format=csv&presentOn=2026-03-01`,
    );
    expect(csv.status).toBe(200);
    expect(csv.headers['content-disposition']).toContain('registre-du-personnel-presents-2026-03-01.csv');
    const lines = csv.raw.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      'N° d’ordre;Nom et prénoms;Sexe;Né(e) le;Nationalité;Emploi et qualification;Contrat et mentions;Entrée;Sortie;Titre de travail (type et n°)',
    );
    expect(lines).toContain(
      '4;NGUYEN Linh;F;14/09/2005;Vietnamienne;Stage – Lieu : Atelier de Villeurbanne;Tuteur : Paul Girard;02/02/2026;30/04/2026;Titre de séjour étudiant n° 6901234567',
    );
    expect(lines).toContain(
      '5;PARTIEL Jean;M;03/05/1987;Française;Menuisier – Ouvrier qualifié;Contrat à durée déterminée – Salarié à temps partiel;02/02/2026;;',
    );
    // Lucie Émery left on 31 January: not present on 1 March.
    expect(csv.raw).not.toContain('ÉMERY');
    const wrong = await owner.request('GET', `/api/v1/orgs/${orgId}/personnel-register/export?format=xlsx`);
    expect(wrong.status).toBe(400);
  });

  it('enters a hiring sent twice with one Idempotency-Key once', async () => {
    const before = await countRows(server.store.db, 'personnel_employee', orgId);
    const headers = { 'idempotency-key': 'embauche-ferrand-0001' };
    const hiring = body({ lastName: 'Ferrand', socialSecurityNumber: null });
    const first = await owner.request('POST', base, hiring, headers);
    const again = await owner.request('POST', base, hiring, headers);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(await countRows(server.store.db, 'personnel_employee', orgId)).toBe(before + 1);
  });
});
