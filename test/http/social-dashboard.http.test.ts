import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setMembership } from '../../src/kernel/users/users.ts';
import { salesOrganisation } from '../../src/relations/test-helpers.ts';
import { buildUser, TEST_PASSWORD } from '../support/factories.ts';
import { type Client, loginAs, startTestServer, type TestServer } from '../support/http.ts';
import { DIALECTS } from '../support/test-db.ts';

// Three employees entered through the API, the dashboard on 31 March 2026 worked out by hand.
const employee = (over: Record<string, unknown>) => ({
  lastName: 'Durand',
  firstName: 'Léa',
  sex: 'F',
  birthDate: '1992-05-10',
  nationality: 'Française',
  jobTitle: 'Assistante de gestion',
  category: 'employee',
  contractType: 'cdi',
  weeklyHours: 3500,
  monthlyGross: 210000,
  hireDate: '2025-09-01',
  ...over,
});

describe.each(DIALECTS)('social dashboard over HTTP on %s', (dialect) => {
  let server: TestServer;
  let owner: Client;
  let assistant: Client;
  let base: string;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const [user, helper] = [await buildUser(server.store.db), await buildUser(server.store.db)];
    // With its ledger (chart, journals, fiscal year): the payroll posts in PA.
    const orgId = (await salesOrganisation(server.store.db, { name: 'Cabinet Roux' }, user.id)).id;
    await server.store.db
      .transaction()
      .execute((trx) => setMembership(trx, { orgId, userId: helper.id, role: 'assistant', actorId: null }));
    owner = await loginAs(server.app, user.email, TEST_PASSWORD);
    assistant = await loginAs(server.app, helper.email, TEST_PASSWORD);
    base = `/api/v1/orgs/${orgId}`;
    for (const body of [
      employee({}),
      employee({
        lastName: 'Petit',
        firstName: 'Hugo',
        sex: 'M',
        birthDate: '1979-03-31',
        contractType: 'cdd',
        weeklyHours: 2450,
        hireDate: '2026-02-02',
        contractEnd: '2026-04-30',
      }),
      employee({
        lastName: 'Blanc',
        firstName: 'Marc',
        sex: 'M',
        birthDate: '1960-07-01',
        hireDate: '2026-01-05',
      }),
    ]) {
      const created = await owner.request('POST', `${base}/employees`, body);
      expect(created.status).toBe(201);
    }
    const blanc = (await owner.request('GET', `${base}/employees`)).body.items[2];
    const left = await owner.request('POST', `${base}/employees/${blanc.id}/departure`, {
      leftOn: '2026-03-13',
      reason: 'resignation',
    });
    expect(left.status).toBe(200);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('counts the workforce on 31 March 2026', async () => {
    const response = await owner.request('GET', `${base}/social-dashboard?asOf=2026-03-31`);
    expect(response.status).toBe(200);
    // Present: Durand (35 h) and Petit (24,5 h); Blanc left on 13 March. FTE (35 + 24,5) ÷ 35 = 1,7.
    // Month ends: January Durand + Blanc = 2; February + Petit = 3; March Blanc gone = 2.
    // Entries in 2026: Petit, Blanc; exits: Blanc. Turnover ((2 + 1) ÷ 2) ÷ (7 ÷ 3) = 4,5 ÷ 7 = 0,6429.
    // Petit turns 47 on the day (born 31 March 1979); his CDD ends on 30 April, in 30 days.
    expect(response.body).toMatchObject({
      asOf: '2026-03-31',
      headcount: 2,
      fullTimeEquivalent: 1.7,
      monthly: [
        { month: '2026-01', headcount: 2 },
        { month: '2026-02', headcount: 3 },
        { month: '2026-03', headcount: 2 },
      ],
      entries: 2,
      exits: 1,
      turnoverRate: 0.6429,
      bySex: [
        { key: 'F', count: 1 },
        { key: 'M', count: 1 },
      ],
      endingSoon: [{ name: 'Hugo Petit', contractType: 'cdd', contractEnd: '2026-04-30', daysLeft: 30 }],
    });
    expect(response.body.ages).toContainEqual({ bracket: '45 à 54 ans', women: 0, men: 1 });
    expect(response.body.ages).toContainEqual({ bracket: '25 à 34 ans', women: 1, men: 0 });
  });

  it('sums the validated payroll of each month, from the payslips', async () => {
    const created = await owner.request('POST', `${base}/pay-runs`, {
      month: '2026-02',
      headcountBand: 'lt11',
      atMpRate: 70,
    });
    expect(created.status).toBe(201);
    const before = await owner.request('GET', `${base}/social-dashboard?asOf=2026-03-31`);
    // A draft does not count.
    expect(before.body.payroll[1]).toEqual({ month: '2026-02', gross: 0, employerCost: 0 });
    const validated = await owner.request('POST', `${base}/pay-runs/${created.body.id}/validate`);
    expect(validated.status).toBe(200);
    const slips: { gross: number; employerCost: number }[] = validated.body.payslips;
    expect(slips).toHaveLength(3);
    const after = await owner.request('GET', `${base}/social-dashboard?asOf=2026-03-31`);
    expect(after.body.payroll).toEqual([
      { month: '2026-01', gross: 0, employerCost: 0 },
      {
        month: '2026-02',
        gross: slips.reduce((s, p) => s + p.gross, 0),
        employerCost: slips.reduce((s, p) => s + p.employerCost, 0),
      },
      { month: '2026-03', gross: 0, employerCost: 0 },
    ]);
    expect(after.body.payroll[1].gross).toBe(210000 * 3);
  });

  it('refuses a bad date in French, and keeps personnel figures from roles without personnel access', async () => {
    const bad = await owner.request('GET', `${base}/social-dashboard?asOf=2026-02-30`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({
      field: 'querystring.asOf',
      message: 'Date réelle au format AAAA-MM-JJ attendue.',
    });
    expect((await assistant.request('GET', `${base}/social-dashboard`)).status).toBe(403);
  });
});
