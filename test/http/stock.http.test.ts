import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setMembership } from '../../src/kernel/users/users.ts';
import { salesOrganisation } from '../../src/relations/test-helpers.ts';
import { buildOrganisation, buildParty, buildUser, TEST_PASSWORD } from '../support/factories.ts';
import { type Client, loginAs, startTestServer, type TestServer } from '../support/http.ts';
import { pdfText } from '../support/pdf-text.ts';
import { countRows } from '../support/schema.ts';
import { DIALECTS } from '../support/test-db.ts';

describe.each(DIALECTS)('stock over HTTP on %s', (dialect) => {
  let server: TestServer;
  let owner: Client;
  let viewer: Client;
  let hr: Client;
  let stranger: Client;
  let orgId: string;
  let otherOrgId: string;
  let supplierId: string;
  let base: string;
  let itemId: string;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const db = server.store.db;
    const user = await buildUser(db);
    orgId = (await salesOrganisation(db, { name: 'Mairie de Saint-Alban' }, user.id)).id;
    for (const [role, set] of [
      ['viewer', (c: Client) => (viewer = c)],
      ['hr', (c: Client) => (hr = c)],
    ] as const) {
      const member = await buildUser(db);
      await db
        .transaction()
        .execute((trx) => setMembership(trx, { orgId, userId: member.id, role, actorId: null }));
      set(await loginAs(server.app, member.email, TEST_PASSWORD));
    }
    const other = await buildUser(db);
    otherOrgId = (await buildOrganisation(db, other.id)).id;
    supplierId = (await buildParty(db, orgId, { name: 'Bureau Vallée', roles: ['supplier'] })).id;
    owner = await loginAs(server.app, user.email, TEST_PASSWORD);
    stranger = await loginAs(server.app, other.email, TEST_PASSWORD);
    base = `/api/v1/orgs/${orgId}/stock`;
  });
  afterAll(async () => {
    await server?.close();
  });

  it('creates an item once per Idempotency-Key, receives, issues and shows the stock card at the CUMP', async () => {
    const body = {
      code: 'PAP-A4',
      label: 'Ramette papier A4 80 g',
      category: 'supplies',
      unit: 'ramette',
      reorderPoint: '10',
      reorderQuantity: '25',
      supplierId,
    };
    const created = await owner.request('POST', `${base}/items`, body, {
      'idempotency-key': 'stock-item-0001',
    });
    expect(created.status).toBe(201);
    const replay = await owner.request('POST', `${base}/items`, body, {
      'idempotency-key': 'stock-item-0001',
    });
    expect(replay.body.id).toBe(created.body.id);
    itemId = created.body.id;
    const twice = await owner.request('POST', `${base}/items`, body);
    expect(twice.status).toBe(409);
    expect(twice.body.detail ?? twice.body.title).toMatch(/La référence « PAP-A4 » est déjà utilisée/);

    const move = (b: Record<string, unknown>) =>
      owner.request('POST', `${base}/items/${itemId}/movements`, b);
    expect(
      (await move({ kind: 'entry', date: '2026-03-02', quantity: '10', unitCost: 420, partyId: supplierId }))
        .status,
    ).toBe(201);
    expect(
      (await move({ kind: 'entry', date: '2026-03-09', quantity: '30', unitCost: 450, reference: 'BL 5521' }))
        .status,
    ).toBe(201);
    const exit = await move({
      kind: 'exit',
      date: '2026-03-10',
      quantity: '32',
      recipient: 'Service état civil',
    });
    expect(exit.status).toBe(201);
    // (10 × 4,20 + 30 × 4,50) / 40 = 177,00 / 40 = 4,425 → 4,43; 32 × 4,43 = 141,76; 8 left, 35,24.
    expect(exit.body.lines.map((l: { cump: number; stockValue: number }) => [l.cump, l.stockValue])).toEqual([
      [420, 4200],
      [443, 17700],
      [443, 3524],
    ]);
    expect(exit.body.item).toMatchObject({ quantity: '8', toReorder: true });

    const reorder = await owner.request('GET', `${base}/reorder?asOf=2026-03-31`);
    expect(reorder.body.lines).toMatchObject([
      { quantity: '25', item: { code: 'PAP-A4', supplier: { name: 'Bureau Vallée' } } },
    ]);

    const pdf = await server.app.inject({
      method: 'GET',
      url: `${base}/items/${itemId}/card/export?format=pdf`,
      headers: { cookie: owner.cookie },
    });
    expect(pdf.statusCode).toBe(200);
    const text = pdfText(pdf.rawPayload).replace(/\s+/g, ' ');
    expect(text).toContain('Fiche de stock — PAP-A4 Ramette papier A4 80 g');
    expect(text).toMatch(/10\/03\/2026 Sortie — Service état civil 32 4,43 141,76 8 4,43 35,24/);
    const csv = await owner.request('GET', `${base}/items/export?format=csv&asOf=2026-03-31`);
    expect(String(csv.headers['content-disposition'])).toContain('etat-des-stocks-2026-03-31.csv');
    expect(csv.raw).toContain(
      'PAP-A4;Ramette papier A4 80 g;Fourniture;8;ramette;10;4,43;35,24;À réapprovisionner',
    );
  });

  it('refuses bad input in French and writes nothing', async () => {
    const before = await countRows(server.store.db, 'production_stock_movement', orgId);
    const short = await owner.request('POST', `${base}/items/${itemId}/movements`, {
      kind: 'exit',
      date: '2026-03-12',
      quantity: 9,
      recipient: 'Accueil',
    });
    expect(short.status).toBe(422);
    expect(short.body.detail ?? short.body.title).toBe(
      'Stock insuffisant pour « Ramette papier A4 80 g » : 8 ramette en stock, sortie de 9 ramette refusée.',
    );
    const badQuantity = await owner.request('POST', `${base}/items/${itemId}/movements`, {
      kind: 'entry',
      date: '2026-03-12',
      quantity: 'douze',
      unitCost: 100,
    });
    expect(badQuantity.status).toBe(400);
    expect(JSON.stringify(badQuantity.body)).toMatch(/Quantité : nombre avec 3 décimales au plus attendu/);
    const noCost = await owner.request('POST', `${base}/items/${itemId}/movements`, {
      kind: 'entry',
      date: '2026-03-12',
      quantity: 1,
    });
    expect(noCost.status).toBe(400);
    expect(JSON.stringify(noCost.body)).toMatch(/Coût unitaire HT obligatoire pour une entrée/);
    const noItem = await owner.request('POST', `${base}/items`, { code: '', category: 'x', unit: '' });
    expect(noItem.status).toBe(400);
    expect(JSON.stringify(noItem.body)).toMatch(/Référence : champ obligatoire/);
    expect(await countRows(server.store.db, 'production_stock_movement', orgId)).toBe(before);
  });

  it('counts the stock: open, type, validate into an adjustment, then the count is closed', async () => {
    const opened = await owner.request('POST', `${base}/counts`, { date: '2026-03-20' });
    expect(opened.status).toBe(201);
    expect(opened.body.lines).toMatchObject([
      { item: { code: 'PAP-A4' }, expectedQuantity: '8', countedQuantity: null },
    ]);
    const second = await owner.request('POST', `${base}/counts`, { date: '2026-03-21' });
    expect(second.status).toBe(422);
    expect(second.body.detail ?? second.body.title).toMatch(
      /Un inventaire est déjà en cours \(au 20\/03\/2026\)/,
    );
    const typed = await owner.request('PUT', `${base}/counts/${opened.body.id}/lines`, {
      lines: [{ itemId, countedQuantity: '7' }],
    });
    expect(typed.body.lines[0]).toMatchObject({ differenceQuantity: '-1', cump: 443, differenceValue: -443 });
    const validated = await owner.request('POST', `${base}/counts/${opened.body.id}/validate`);
    expect(validated.status).toBe(200);
    expect(validated.body.status).toBe('validated');
    const again = await owner.request('PUT', `${base}/counts/${opened.body.id}/lines`, {
      lines: [{ itemId, countedQuantity: '6' }],
    });
    expect(again.status).toBe(422);
    expect(again.body.detail ?? again.body.title).toBe('Cet inventaire est validé : il ne se modifie plus.');
    const card = await owner.request('GET', `${base}/items/${itemId}/card`);
    expect(card.body.lines.at(-1)).toMatchObject({
      kind: 'adjustment',
      date: '2026-03-20',
      quantity: '-1',
      value: -443,
      stockQuantity: '7',
      stockValue: 3081,
    });
    expect((await owner.request('GET', `${base}/deliveries`)).body).toEqual({ lines: [] });
  });

  it('posts the stock variation once per date (201, then 200 with the same entry)', async () => {
    const first = await owner.request('POST', `${base}/variations`, {
      date: '2026-03-31',
      includeSupplies: true,
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ goodsValue: 0, suppliesValue: 3081 });
    const again = await owner.request('POST', `${base}/variations`, {
      date: '2026-03-31',
      includeSupplies: true,
    });
    expect(again.status).toBe(200);
    expect(again.body.entry).toEqual(first.body.entry);
    const trial = await owner.request(
      'GET',
      `/api/v1/orgs/${orgId}/ledger/trial-balance?from=2026-01-01&to=2026-12-31`,
    );
    const balanceOf = (n: string) => trial.body.rows.find((l: { account: string }) => l.account === n);
    expect(balanceOf('322')).toMatchObject({ periodDebit: 3081, periodCredit: 0 });
    expect(balanceOf('6032')).toMatchObject({ periodDebit: 0, periodCredit: 3081 });
  });

  it('answers 404 for another organisation’s ids and 403 to roles without the permission', async () => {
    const foreign = `/api/v1/orgs/${otherOrgId}/stock`;
    expect((await stranger.request('GET', `${foreign}/items/${itemId}`)).status).toBe(404);
    expect((await stranger.request('GET', `${foreign}/items/${itemId}/card`)).status).toBe(404);
    expect(
      (
        await stranger.request('POST', `${foreign}/items/${itemId}/movements`, {
          kind: 'exit',
          date: '2026-03-12',
          quantity: 1,
          recipient: 'X',
        })
      ).status,
    ).toBe(404);
    expect((await stranger.request('GET', `${base}/items/${itemId}`)).status).toBe(404);
    expect(
      (await owner.request('GET', `${base}/items/0190f0a0-0000-7000-8000-000000000000/card`)).status,
    ).toBe(404);
    expect((await owner.request('GET', `${base}/counts/0190f0a0-0000-7000-8000-000000000000`)).status).toBe(
      404,
    );

    expect((await viewer.request('GET', `${base}/items/${itemId}/card`)).status).toBe(200);
    expect(
      (
        await viewer.request('POST', `${base}/items/${itemId}/movements`, {
          kind: 'exit',
          date: '2026-03-12',
          quantity: 1,
          recipient: 'X',
        })
      ).status,
    ).toBe(403);
    expect((await viewer.request('POST', `${base}/variations`, { date: '2026-04-30' })).status).toBe(403);
    expect((await hr.request('GET', `${base}/items`)).status).toBe(403);
  });
});
