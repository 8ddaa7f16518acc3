import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, loginAs, startTestServer, type TestServer } from '../../../test/support/http.ts';
import { DIALECTS } from '../../../test/support/test-db.ts';
import { createUser, setMembership } from '../../kernel/users/users.ts';

const PASSWORD = 'Compte-De-Resultat-2026!';
const REPORTS = [
  'trial-balance',
  'general-ledger',
  'journal-listing',
  'aged-balance',
  'income-statement',
  'balance-sheet',
];

describe.each(DIALECTS)('PCG statements and report exports over HTTP on %s', (dialect) => {
  let server: TestServer;
  let owner: Client;
  let hr: Client;
  let base: string;
  let start: string;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const stamp = Date.now().toString(36);
    const [o, h] = await Promise.all(
      ['owner', 'hr'].map((role) =>
        createUser(server.store.db, { email: `${role}-${stamp}@agora.test`, name: role, password: PASSWORD }),
      ),
    );
    owner = await loginAs(server.app, o!.email, PASSWORD);
    const created = await owner.request('POST', '/api/v1/orgs', {
      name: 'Ateliers du Bilan',
      kind: 'company',
      siren: '552100554',
      vatRegime: 'normal_monthly',
    });
    const orgId = created.body.id;
    base = `/api/v1/orgs/${orgId}/ledger`;
    await server.store.db
      .transaction()
      .execute((trx) => setMembership(trx, { orgId, userId: h!.id, role: 'hr', actorId: null }));
    hr = await loginAs(server.app, h!.email, PASSWORD);
    start = (await owner.request('GET', `${base}/fiscal-years`)).body.items[0].start;
    const sale = await owner.request('POST', `${base}/entries`, {
      journal: 'VE',
      date: start,
      label: 'Facture FA-1',
      lines: [
        { account: '411', debit: 1200000 },
        { account: '706', credit: 1000000 },
        { account: '44571', credit: 200000 },
      ],
    });
    expect((await owner.request('POST', `${base}/entries/${sale.body.id}/validate`)).status).toBe(200);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('serves the income statement and the balance sheet', async () => {
    const is = await owner.request('GET', `${base}/income-statement`);
    expect(is.status).toBe(200);
    expect(is.body.result).toBe(1000000);
    const bs = await owner.request('GET', `${base}/balance-sheet?at=${start}`);
    expect(bs.status).toBe(200);
    expect(bs.body.assets.total).toBe(1200000);
    expect(bs.body.liabilities.total).toBe(1200000);
    expect(bs.body.periodResult).toBe(1000000);
  });

  it.each(REPORTS)('exports %s as PDF, XLSX and CSV with a French file name', async (report) => {
    for (const format of ['pdf', 'xlsx', 'csv']) {
      const response = await server.app.inject({
        method: 'GET',
        url: `${base}/${report}/export?format=${format}`,
        headers: { cookie: owner.cookie },
      });
      expect(response.statusCode, `${report} ${format}`).toBe(200);
      expect(response.headers['content-disposition']).toMatch(
        new RegExp(`^attachment; filename="[a-z0-9-]+\\.${format}"$`),
      );
      if (format === 'pdf') expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      if (format === 'xlsx') {
        const book = new ExcelJS.Workbook();
        await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
        expect(book.worksheets).toHaveLength(1);
      }
    }
  });

  it('names the files in French, refuses an unknown format, and keeps the role checks', async () => {
    const bs = await server.app.inject({
      method: 'GET',
      url: `${base}/balance-sheet/export?format=pdf&at=${start}`,
      headers: { cookie: owner.cookie },
    });
    expect(bs.headers['content-disposition']).toBe(`attachment; filename="bilan-${start}.pdf"`);
    const bad = await owner.request('GET', `${base}/income-statement/export?format=docx`);
    expect(bad.status).toBe(400);
    expect((await hr.request('GET', `${base}/income-statement`)).status).toBe(403);
    expect((await hr.request('GET', `${base}/balance-sheet/export?format=csv`)).status).toBe(403);
  });
});
