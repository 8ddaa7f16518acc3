import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, loginAs, startTestServer, type TestServer } from '../../test/support/http.ts';
import { DIALECTS } from '../../test/support/test-db.ts';
import { createUser, setMembership } from '../kernel/users/users.ts';
import { entryInput } from './entries/contract.ts';
import { post } from './entries/entry.ts';
import { decodeLatin9 } from './fec/latin9.ts';

const PASSWORD = 'Grand-Livre-2026!';

describe.each(DIALECTS)('ledger over HTTP on %s', (dialect) => {
  let server: TestServer;
  let owner: Client;
  let viewer: Client;
  let hr: Client;
  let orgId: string;
  let base: string;
  let yearStart: string;
  let yearId: string;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const stamp = Date.now().toString(36);
    const users = await Promise.all(
      ['owner', 'viewer', 'hr'].map((role) =>
        createUser(server.store.db, { email: `${role}-${stamp}@agora.test`, name: role, password: PASSWORD }),
      ),
    );
    owner = await loginAs(server.app, users[0]!.email, PASSWORD);
    const created = await owner.request('POST', '/api/v1/orgs', {
      name: 'Ateliers du Grand Livre',
      kind: 'company',
      siren: '552100554',
      vatRegime: 'normal_monthly',
    });
    expect(created.status).toBe(201);
    orgId = created.body.id;
    base = `/api/v1/orgs/${orgId}/ledger`;
    await server.store.db.transaction().execute(async (trx) => {
      await setMembership(trx, { orgId, userId: users[1]!.id, role: 'viewer', actorId: null });
      await setMembership(trx, { orgId, userId: users[2]!.id, role: 'hr', actorId: null });
    });
    viewer = await loginAs(server.app, users[1]!.email, PASSWORD);
    hr = await loginAs(server.app, users[2]!.email, PASSWORD);
    const years = await owner.request('GET', `${base}/fiscal-years`);
    yearStart = years.body.items[0].start;
    yearId = years.body.items[0].id;
  });
  afterAll(async () => {
    await server?.close();
  });

  const day = (n: number) => {
    const d = new Date(`${yearStart}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + n);
    return d.toISOString().slice(0, 10);
  };

  it('a new organisation comes with the chart, the journals and its current fiscal year', async () => {
    const accounts = await owner.request('GET', `${base}/accounts?q=4457`);
    expect(accounts.body.items.map((a: { number: string }) => a.number)).toEqual(['4457', '44571']);
    const journals = await owner.request('GET', `${base}/journals`);
    expect(journals.body.items).toHaveLength(7);
    expect((await viewer.request('GET', `${base}/fiscal-years`)).body.items).toHaveLength(1);
  });

  it('drafts, refuses an unbalanced entry with a French problem, validates, reverses', async () => {
    const unbalanced = await owner.request('POST', `${base}/entries`, {
      journal: 'VE',
      date: day(10),
      label: 'Facture FA-1',
      voucherRef: 'FA-1',
      lines: [
        { account: '411', debit: 120000 },
        { account: '706', credit: 100000 },
      ],
    });
    expect(unbalanced.status).toBe(201);
    const refused = await owner.request('POST', `${base}/entries/${unbalanced.body.id}/validate`);
    expect(refused.status).toBe(422);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body.detail).toMatch(/n’est pas équilibrée.*200,00/);
    const fixed = await owner.request('PUT', `${base}/entries/${unbalanced.body.id}`, {
      ...unbalanced.body,
      journal: 'VE',
      lines: [
        { account: '411', debit: 120000 },
        { account: '706', credit: 100000 },
        { account: '44571', credit: 20000 },
      ],
    });
    expect(fixed.status).toBe(200);
    const validated = await owner.request('POST', `${base}/entries/${unbalanced.body.id}/validate`);
    expect(validated.body).toMatchObject({ status: 'validated', number: 1 });
    const reversal = await owner.request('POST', `${base}/entries/${unbalanced.body.id}/reverse`, {
      date: day(11),
    });
    expect(reversal.status).toBe(201);
    expect(reversal.body).toMatchObject({ number: 2, reversalOf: unbalanced.body.id });
    const badInput = await owner.request('POST', `${base}/entries`, {
      journal: 'VE',
      date: '2026-02-30',
      label: 'x',
      lines: [{ account: '411', debit: 1.5 }],
    });
    expect(badInput.status).toBe(400);
    expect(badInput.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'date',
      'lines.0.debit',
    ]);
  });

  it('serves the trial balance and the FEC on their stable routes', async () => {
    const sale = await owner.request('POST', `${base}/entries`, {
      journal: 'VE',
      date: day(20),
      label: 'Facture FA-2',
      voucherRef: 'FA-2',
      lines: [
        { account: '411', debit: 60000 },
        { account: '706', credit: 50000 },
        { account: '44571', credit: 10000 },
      ],
    });
    await owner.request('POST', `${base}/entries/${sale.body.id}/validate`);
    const tb = await viewer.request('GET', `${base}/trial-balance?from=${day(0)}&to=${day(60)}`);
    expect(tb.status).toBe(200);
    expect(tb.body.rows.find((r: { account: string }) => r.account === '706')).toMatchObject({
      periodDebit: 100000,
      periodCredit: 150000,
      closingCredit: 50000,
    });
    expect(tb.body.totals.closingDebit).toBe(tb.body.totals.closingCredit);
    const year =
      yearStart <= day(0) ? (await owner.request('GET', `${base}/fiscal-years`)).body.items[0] : null;
    const fec = await server.app.inject({
      method: 'GET',
      url: `${base}/fec?fiscalYear=${yearId}`,
      headers: { cookie: viewer.cookie },
    });
    expect(fec.statusCode).toBe(200);
    expect(fec.headers['content-disposition']).toBe(
      `attachment; filename="552100554FEC${year.end.replaceAll('-', '')}.txt"`,
    );
    const text = decodeLatin9(fec.rawPayload);
    expect(text.split('\r\n')[0]).toMatch(/^JournalCode\tJournalLib\tEcritureNum/);
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(1 + 9);
    expect(fec.headers['x-fec-lines']).toBe('9');
  });

  it('imports a FEC into another organisation through the API', async () => {
    const exported = await server.app.inject({
      method: 'GET',
      url: `${base}/fec?fiscalYear=${yearId}`,
      headers: { cookie: owner.cookie },
    });
    const target = await owner.request('POST', '/api/v1/orgs', {
      name: 'Copie par FEC',
      kind: 'company',
      siren: '552100554',
      vatRegime: 'normal_monthly',
    });
    const response = await server.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${target.body.id}/ledger/fec/import`,
      payload: exported.rawPayload,
      headers: {
        cookie: owner.cookie,
        'x-csrf-token': owner.csrfToken,
        'content-type': 'application/octet-stream',
      },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ entries: 3, lines: 9, rejectedCount: 0 });
    const range = `from=${day(0)}&to=${day(60)}`;
    const a = await owner.request('GET', `${base}/trial-balance?${range}`);
    const b = await owner.request('GET', `/api/v1/orgs/${target.body.id}/ledger/trial-balance?${range}`);
    expect(b.body.rows).toEqual(a.body.rows);
  });

  it('letters through the API', async () => {
    const lines = await owner.request('GET', `${base}/lettering/lines?account=411`);
    expect(lines.body.items).toHaveLength(3);
    const auto = await owner.request('POST', `${base}/lettering/auto`, { account: '411' });
    expect(auto.body.letterings).toHaveLength(1);
    expect((await owner.request('GET', `${base}/lettering/lines?account=411`)).body.items).toHaveLength(1);
    const removed = await owner.request('DELETE', `${base}/lettering/${auto.body.letterings[0].id}`);
    expect(removed.status).toBe(204);
  });

  it('applies the roles: viewers read, HR sees nothing, closing is for accountants', async () => {
    expect((await viewer.request('POST', `${base}/entries`, {})).status).toBe(403);
    expect((await hr.request('GET', `${base}/trial-balance`)).status).toBe(403);
    expect((await viewer.request('POST', `${base}/fiscal-years/${yearId}/close`)).status).toBe(403);
    const stranger = await owner.request(
      'GET',
      `/api/v1/orgs/00000000-0000-0000-0000-000000000000/ledger/accounts`,
    );
    expect(stranger.status).toBe(404);
  });

  it('refuses to reverse from the ledger an entry a document owns, and writes nothing', async () => {
    const posted = await server.store.db.transaction().execute((trx) =>
      post(
        trx,
        orgId,
        {
          ...entryInput.parse({
            journal: 'AC',
            date: day(20),
            label: 'Facture fournisseur ACH-2026-0001',
            voucherRef: 'ACH-2026-0001',
            lines: [
              { account: '607', debit: 10000 },
              { account: '44566', debit: 2000 },
              { account: '512', credit: 12000 },
            ],
          }),
          sourceRef: 'production.supplier_bill:0190d1c2-0000-7000-8000-000000000001',
        },
        null,
      ),
    );
    const before = (await owner.request('GET', `${base}/entries`)).body;
    const refused = await owner.request('POST', `${base}/entries/${posted.id}/reverse`, { date: day(21) });
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toBe(
      `L’écriture n° ${posted.number} ne s’extourne pas depuis la comptabilité : elle comptabilise une facture fournisseur : annulez la facture (Production › Achats), ce qui extourne son écriture.`,
    );
    expect((await owner.request('GET', `${base}/entries`)).body).toEqual(before);
    expect((await owner.request('GET', `${base}/entries/${posted.id}`)).body.reversedBy).toBeNull();
  });

  it('refuses the FEC of a broken year with the list of problems, and leaves no file behind', async () => {
    const created = await owner.request('POST', '/api/v1/orgs', {
      name: 'Registre abîmé',
      kind: 'company',
      siren: '552100554',
      vatRegime: 'normal_monthly',
    });
    const brokenId = created.body.id as string;
    const brokenBase = `/api/v1/orgs/${brokenId}/ledger`;
    const years = (await owner.request('GET', `${brokenBase}/fiscal-years`)).body.items;
    const entry = (date: string) =>
      server.store.db.transaction().execute((trx) =>
        post(
          trx,
          brokenId,
          entryInput.parse({
            journal: 'BQ',
            date,
            label: 'Apport',
            lines: [
              { account: '512', debit: 5000 },
              { account: '101', credit: 5000 },
            ],
          }),
          null,
        ),
      );
    await entry(years[0].start);
    const emptied = await entry(years[0].start);
    // A hand edit the ledger's rules would never make: a validated entry loses its lines.
    await server.store.db
      .deleteFrom('ledger_line')
      .where('org_id', '=', brokenId)
      .where('entry_id', '=', emptied.id)
      .execute();
    const spooled = () => readdirSync(tmpdir()).filter((f) => f.startsWith('agora-fec-')).length;
    const before = spooled();
    const refused = await owner.request('GET', `${brokenBase}/fec?fiscalYear=${years[0].id}`);
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toMatch(/ne peut pas être produit : 1 anomalie/);
    expect(refused.body.errors).toEqual([{ field: 'écriture 2', message: 'Écriture validée sans ligne.' }]);
    expect(spooled()).toBe(before);
  });
});
