import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setMembership } from '../../src/kernel/users/users.ts';
import { salesOrganisation } from '../../src/relations/test-helpers.ts';
import { BANK_SAMPLES, BANK_SAMPLES_PRESENT } from '../support/bank/samples.ts';
import { buildUser, TEST_PASSWORD } from '../support/factories.ts';
import { type Client, loginAs, startTestServer, type TestServer } from '../support/http.ts';
import { pdfText } from '../support/pdf-text.ts';
import { countRows } from '../support/schema.ts';
import { DIALECTS } from '../support/test-db.ts';

// Roles: reading needs ledger.read, importing and matching ledger.write (decision 0040): a viewer reads,
// a member of another organisation gets 404.
const FIXTURE = readFileSync(new URL('../support/bank/releve-2026-03.camt053.xml', import.meta.url));
// The invalid sample (no statement), or the same defect written here when the samples are absent.
const WRONG = BANK_SAMPLES_PRESENT
  ? readFileSync(`${BANK_SAMPLES}/camt053/samples/genkgo-camt053.v2.wrong.xml`)
  : Buffer.from(
      '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><GrpHdr><MsgId>X</MsgId></GrpHdr></BkToCstmrStmt></Document>',
    );

describe.each(DIALECTS)('bank statements over HTTP on %s', (dialect) => {
  let server: TestServer;
  let owner: Client;
  let viewer: Client;
  let stranger: Client;
  let orgId: string;
  let otherOrgId: string;
  let base: string;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const user = await buildUser(server.store.db);
    const reader = await buildUser(server.store.db);
    const other = await buildUser(server.store.db);
    orgId = (await salesOrganisation(server.store.db, { name: 'Atelier Lumière' }, user.id)).id;
    otherOrgId = (await salesOrganisation(server.store.db, {}, other.id)).id;
    await server.store.db
      .transaction()
      .execute((trx) => setMembership(trx, { orgId, userId: reader.id, role: 'viewer', actorId: null }));
    owner = await loginAs(server.app, user.email, TEST_PASSWORD);
    viewer = await loginAs(server.app, reader.email, TEST_PASSWORD);
    stranger = await loginAs(server.app, other.email, TEST_PASSWORD);
    base = `/api/v1/orgs/${orgId}`;
  });
  afterAll(async () => {
    await server?.close();
  });

  const upload = (client: Client, bytes: Buffer, org = orgId, query = '') =>
    client.request('POST', `/api/v1/orgs/${org}/bank-statements/import${query}`, bytes, {
      'content-type': 'application/xml',
    });

  it('refuses a bad file in French and writes nothing; an empty body too', async () => {
    const before = await countRows(server.store.db, 'production_bank_statement', orgId);
    const wrong = await upload(owner, WRONG);
    expect(wrong.status).toBe(400);
    expect(wrong.body.detail).toBe('Relevé refusé : Le fichier CAMT.053 ne contient aucun relevé (Stmt).');
    const empty = await owner.request('POST', `${base}/bank-statements/import`, Buffer.alloc(0), {
      'content-type': 'application/octet-stream',
    });
    expect(empty.status).toBe(400);
    expect(empty.body.detail).toContain('Envoyez le fichier du relevé');
    expect(await countRows(server.store.db, 'production_bank_statement', orgId)).toBe(before);
  });

  it('imports, lists, posts the fee, and exports the état de rapprochement', async () => {
    const imported = await upload(owner, FIXTURE, orgId, '?fileName=releve-mars.xml');
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({
      newAccount: true,
      account: { iban: 'FR7630006000011234567890189', ledgerAccount: '512' },
      statements: [{ imported: 4, balanceGap: 0, alreadyImported: false }],
    });
    const list = await viewer.request('GET', `${base}/bank-statements`);
    expect(list.status).toBe(200);
    expect(list.body.statements).toHaveLength(1);
    const statement = await viewer.request('GET', `${base}/bank-statements/${list.body.statements[0].id}`);
    expect(statement.body.lines).toHaveLength(4);
    const fee = statement.body.lines[3];

    // The viewer reads but does not write.
    expect((await upload(viewer, FIXTURE)).status).toBe(403);
    expect((await viewer.request('POST', `${base}/bank-reconciliation/auto`, {})).status).toBe(403);

    const invalidPost = await owner.request('POST', `${base}/bank-reconciliation/lines/${fee.id}/post`, {
      account: '',
    });
    expect(invalidPost.status).toBe(400);
    const posted = await owner.request('POST', `${base}/bank-reconciliation/lines/${fee.id}/post`, {
      account: '627',
      vatRate: 2000,
    });
    expect(posted.status).toBe(200);
    expect(posted.body.line.matches).toHaveLength(1);

    // The books hold only the fee; the bank's other three lines and the opening balance explain the rest:
    // bank 5 606,60 = books −18,00 + (1 200,00 − 480,00 − 95,40) + 5 000,00 (opening not in these books).
    const report = await owner.request('GET', `${base}/bank-reconciliation/report?date=2026-03-31`);
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({
      bankBalance: 560660,
      bookBalance: -1800,
      openingGap: -500000,
      unexplained: 0,
    });
    const pdf = await server.app.inject({
      method: 'GET',
      url: `${base}/bank-reconciliation/report/export?date=2026-03-31&format=pdf`,
      headers: { cookie: owner.cookie },
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('État de rapprochement bancaire au 31/03/2026');
    expect(text).toContain('Atelier Lumière');
    expect(text).toMatch(/Solde bancaire rapproché 5 606,60/);
    const xlsx = await server.app.inject({
      method: 'GET',
      url: `${base}/bank-reconciliation/report/export?date=2026-03-31&format=xlsx`,
      headers: { cookie: owner.cookie },
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toContain('etat-de-rapprochement-2026-03-31.xlsx');
    const badDate = await owner.request('GET', `${base}/bank-reconciliation/report?date=2026-02-30`);
    expect(badDate.status).toBe(400);
  });

  it('answers 404 to another organisation, for its routes and for our ids', async () => {
    expect((await stranger.request('GET', `${base}/bank-statements`)).status).toBe(404);
    expect((await upload(stranger, FIXTURE)).status).toBe(404);
    const list = await owner.request('GET', `${base}/bank-statements`);
    const id = list.body.statements[0].id;
    const other = `/api/v1/orgs/${otherOrgId}`;
    expect((await stranger.request('GET', `${other}/bank-statements/${id}`)).status).toBe(404);
    const line = (await owner.request('GET', `${base}/bank-statements/${id}`)).body.lines[0].id;
    const post = await stranger.request('POST', `${other}/bank-reconciliation/lines/${line}/post`, {
      account: '627',
    });
    expect(post.status).toBe(404);
    expect(post.body.detail).toBe('Ligne de relevé introuvable.');
    expect(
      (await stranger.request('DELETE', `${other}/bank-reconciliation/lines/${line}/match`)).status,
    ).toBe(404);
  });
});
