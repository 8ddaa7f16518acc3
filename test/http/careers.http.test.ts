import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setMembership } from '../../src/kernel/users/users.ts';
import { buildOrganisation, buildUser, TEST_PASSWORD } from '../support/factories.ts';
import { type Client, loginAs, startTestServer, type TestServer } from '../support/http.ts';
import { pdfText } from '../support/pdf-text.ts';
import { countRows } from '../support/schema.ts';
import { DIALECTS } from '../support/test-db.ts';

const offer = {
  title: 'Assistant de gestion H/F',
  service: 'Administration',
  contractType: 'cdd',
  weeklyHours: 3500,
  salaryMin: 200000,
  salaryMax: 230000,
  place: 'Lyon',
  description: 'Accueil, devis, factures. Débutant accepté, 2 à 3 ans d’expérience appréciés.',
  channels: ['france_travail', 'website'],
};
const hire = {
  lastName: 'Morel',
  firstName: 'Yanis',
  sex: 'M',
  birthDate: '1999-01-20',
  nationality: 'Française',
  jobTitle: 'Assistant de gestion',
  category: 'employee',
  contractType: 'cdd',
  contractEnd: '2027-03-31',
  weeklyHours: 3500,
  monthlyGross: 210000,
  hireDate: '2026-10-01',
};

describe.each(DIALECTS)('recruitment, checklists and staff training over HTTP on %s', (dialect) => {
  let server: TestServer;
  let owner: Client;
  let accountant: Client;
  let stranger: Client;
  let orgId: string;
  let otherOrgId: string;
  let api: string;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const db = server.store.db;
    const user = await buildUser(db);
    orgId = (await buildOrganisation(db, user.id, { name: 'Mairie de Vaux' })).id;
    const counting = await buildUser(db);
    await db
      .transaction()
      .execute((trx) =>
        setMembership(trx, { orgId, userId: counting.id, role: 'accountant', actorId: null }),
      );
    const other = await buildUser(db);
    otherOrgId = (await buildOrganisation(db, other.id)).id;
    owner = await loginAs(server.app, user.email, TEST_PASSWORD);
    accountant = await loginAs(server.app, counting.email, TEST_PASSWORD);
    stranger = await loginAs(server.app, other.email, TEST_PASSWORD);
    api = `/api/v1/orgs/${orgId}`;
  });
  afterAll(async () => {
    await server?.close();
  });

  it('refuses to publish a discriminatory offer, publishes it corrected, hires, prints a refusal letter', async () => {
    const created = await owner.request('POST', `${api}/job-openings`, {
      ...offer,
      description: 'Jeune diplômé de moins de 30 ans, bonne présentation.',
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const refused = await owner.request('POST', `${api}/job-openings/${id}/publish`);
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toMatch(/critère discriminatoire interdit/);
    expect(refused.body.detail).toMatch(/« moins de 30 ans » \(âge\)/);
    expect(refused.body.detail).toMatch(/« bonne presentation » \(apparence physique\)/);
    expect((await owner.request('GET', `${api}/job-openings/${id}`)).body.status).toBe('draft');

    expect((await owner.request('PUT', `${api}/job-openings/${id}`, offer)).status).toBe(200);
    const published = await owner.request('POST', `${api}/job-openings/${id}/publish`);
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ status: 'published', channels: ['france_travail', 'website'] });

    const add = (lastName: string) =>
      owner.request('POST', `${api}/job-openings/${id}/applicants`, {
        lastName,
        firstName: 'Yanis',
        email: `${lastName.toLowerCase()}@exemple.fr`,
        cvReceivedOn: '2026-09-01',
        source: 'France Travail',
      });
    const chosen = (await add('Morel')).body;
    const other = (await add('Simon')).body;
    const interview = await owner.request('POST', `${api}/applicants/${chosen.id}/interviews`, {
      heldOn: '2026-09-10',
      interviewers: 'Le maire, la DGS',
      notes: 'Très bon contact',
    });
    expect(interview.status).toBe(201);
    expect(interview.body).toMatchObject({ status: 'interview', lastContactOn: '2026-09-10' });
    expect(interview.body.interviews).toHaveLength(1);

    const hired = await owner.request('POST', `${api}/applicants/${chosen.id}/hire`, hire, {
      'idempotency-key': `hire-${chosen.id}`,
    });
    expect(hired.status).toBe(201);
    const again = await owner.request('POST', `${api}/applicants/${chosen.id}/hire`, hire, {
      'idempotency-key': `hire-${chosen.id}`,
    });
    expect(again.body.employee.id).toBe(hired.body.employee.id);
    const employees = await owner.request('GET', `${api}/employees`);
    expect(employees.body.items.map((e: { lastName: string }) => e.lastName)).toEqual(['Morel']);
    const checklist = await owner.request('GET', `${api}/checklists?employeeId=${hired.body.employee.id}`);
    expect(checklist.body.items.length).toBeGreaterThan(3);
    const dpae = checklist.body.items.find((i: { label: string }) => /DPAE/.test(i.label));
    expect(dpae).toMatchObject({ dueOn: '2026-09-30', status: 'todo' });
    const done = await owner.request('POST', `${api}/checklist-items/${dpae.id}`, {
      status: 'done',
      doneOn: '2026-09-29',
    });
    expect(done.body).toMatchObject({ status: 'done', doneOn: '2026-09-29', overdue: false });
    expect(done.body.doneByName).toBeTruthy();

    const letter = await server.app.inject({
      method: 'GET',
      url: `${api}/applicants/${other.id}/refusal-letter`,
      headers: { cookie: owner.cookie },
    });
    expect(letter.statusCode).toBe(200);
    const text = pdfText(letter.rawPayload).replace(/\s+/g, ' ');
    expect(text).toContain('Votre candidature au poste de Assistant de gestion H/F');
    expect(text).toContain('ne pouvons pas y donner une suite favorable');
    expect((await owner.request('GET', `${api}/applicants/${chosen.id}/refusal-letter`)).status).toBe(409);
  });

  it('answers French validation errors and changes nothing', async () => {
    const before = await countRows(server.store.db, 'personnel_job_opening', orgId);
    const bad = await owner.request('POST', `${api}/job-openings`, {
      ...offer,
      salaryMin: 300000,
      salaryMax: 200000,
      closesOn: '2026-02-30',
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/Date limite de candidature : date réelle/);
    const range = await owner.request('POST', `${api}/job-openings`, { ...offer, salaryMin: 300000 });
    expect(range.status).toBe(400);
    expect(JSON.stringify(range.body)).toMatch(/Le salaire maximum ne peut être inférieur au minimum/);
    expect(await countRows(server.store.db, 'personnel_job_opening', orgId)).toBe(before);
    const action = await owner.request('POST', `${api}/staff-training/actions`, {
      title: 'SST',
      provider: 'X',
      startsOn: '2026-05-05',
      endsOn: '2026-05-04',
      hours: 1400,
      cost: 1.5,
      funding: 'opco',
    });
    expect(action.status).toBe(400);
    expect(JSON.stringify(action.body)).toMatch(/Coût en centimes entiers/);
    const backwards = await owner.request('POST', `${api}/staff-training/actions`, {
      title: 'SST',
      provider: 'X',
      startsOn: '2026-05-05',
      endsOn: '2026-05-04',
      hours: 1400,
      cost: 150,
      funding: 'opco',
    });
    expect(JSON.stringify(backwards.body)).toMatch(/Le dernier jour ne peut précéder le premier/);
    expect(await countRows(server.store.db, 'personnel_staff_training_action', orgId)).toBe(0);
    const emptyTemplate = await owner.request('PUT', `${api}/checklist-template`, {
      kind: 'onboarding',
      items: [],
    });
    expect(emptyTemplate.status).toBe(400);
    expect(JSON.stringify(emptyTemplate.body)).toMatch(/La liste doit compter au moins une tâche/);
    const noDeparture = await owner.request(
      'POST',
      `${api}/employees/${(await owner.request('GET', `${api}/employees`)).body.items[0].id}/checklists`,
      { kind: 'offboarding' },
    );
    expect(noDeparture.status).toBe(422);
    expect(noDeparture.body.detail).toMatch(/Enregistrez d’abord la sortie de Yanis Morel/);
  });

  it('records a training action, enrols, sums the year and exports it', async () => {
    const employeeId = (await owner.request('GET', `${api}/employees`)).body.items[0].id;
    const action = await owner.request('POST', `${api}/staff-training/actions`, {
      title: 'Sauveteur secouriste du travail',
      provider: 'Croix-Blanche',
      startsOn: '2026-10-12',
      endsOn: '2026-10-13',
      hours: 1400,
      cost: 45000,
      funding: 'opco',
    });
    expect(action.status).toBe(201);
    const enrolled = await owner.request(
      'POST',
      `${api}/staff-training/actions/${action.body.id}/enrolments`,
      {
        employeeId,
      },
    );
    expect(enrolled.status).toBe(201);
    const twice = await owner.request('POST', `${api}/staff-training/actions/${action.body.id}/enrolments`, {
      employeeId,
    });
    expect(twice.status).toBe(409);
    expect(twice.body.detail).toMatch(/déjà inscrit/);
    const enrolmentId = enrolled.body.enrolments[0].id;
    const attestation = await owner.request('POST', `${api}/staff-training/enrolments/${enrolmentId}`, {
      status: 'planned',
      attestationReceived: true,
    });
    expect(attestation.status).toBe(409);
    await owner.request('POST', `${api}/staff-training/enrolments/${enrolmentId}`, {
      status: 'done',
      attestationReceived: true,
    });
    const summary = await owner.request('GET', `${api}/staff-training/summary?year=2026`);
    expect(summary.body.total).toEqual({ hoursDone: 1400, hoursPlanned: 0, cost: 45000 });
    const csv = await owner.request('GET', `${api}/staff-training/summary/export?year=2026&format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.raw).toMatch(/Morel Yanis;Assistant de gestion;1;14,00 h;0,00 h;450,00/);
    const xlsx = await server.app.inject({
      method: 'GET',
      url: `${api}/staff-training/summary/export?year=2026&format=xlsx`,
      headers: { cookie: owner.cookie },
    });
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const pdf = await server.app.inject({
      method: 'GET',
      url: `${api}/staff-training/summary/export?year=2026&format=pdf`,
      headers: { cookie: owner.cookie },
    });
    expect(pdfText(pdf.rawPayload)).toContain('Bilan des actions de formation professionnelle');
    const due = await owner.request('GET', `${api}/professional-reviews/due`);
    expect(due.body.items[0]).toMatchObject({ employeeId, nextReviewOn: '2027-10-01' });
    const future = await owner.request('POST', `${api}/professional-reviews`, {
      employeeId,
      kind: 'review',
      heldOn: '2099-01-01',
    });
    expect(future.status).toBe(400);
    expect(future.body.detail).toMatch(/date est dans le futur/);
  });

  it('answers 404 for another organisation’s ids and 403 to a role without personnel rights', async () => {
    const openings = (await owner.request('GET', `${api}/job-openings`)).body.items;
    const openingId = openings[0].id;
    const applicantId = (await owner.request('GET', `${api}/job-openings/${openingId}`)).body.applicants[0]
      .id;
    const foreign = `/api/v1/orgs/${otherOrgId}`;
    expect((await stranger.request('GET', `${foreign}/job-openings/${openingId}`)).status).toBe(404);
    expect((await stranger.request('GET', `${api}/job-openings/${openingId}`)).status).toBe(404);
    expect(
      (
        await stranger.request('POST', `${foreign}/applicants/${applicantId}/refuse`, {
          refusedOn: '2026-10-01',
        })
      ).status,
    ).toBe(404);
    expect(
      (await stranger.request('GET', `${foreign}/applicants/${applicantId}/refusal-letter`)).status,
    ).toBe(404);
    expect((await accountant.request('GET', `${api}/job-openings`)).status).toBe(403);
    expect((await accountant.request('GET', `${api}/staff-training/summary`)).status).toBe(403);
    expect((await accountant.request('POST', `${api}/applicants/purge`)).status).toBe(403);
  });
});
