import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildUser, TEST_PASSWORD } from '../support/factories.ts';
import { type Client, loginAs, startTestServer, type TestServer } from '../support/http.ts';
import { DIALECTS } from '../support/test-db.ts';

describe.each(DIALECTS)('documents over HTTP on %s', (dialect) => {
  let server: TestServer;
  let client: Client;
  let orgId: string;
  let otherOrgId: string;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    const user = await buildUser(server.store.db);
    orgId = (await buildOrganisation(server.store.db, user.id)).id;
    otherOrgId = (await buildOrganisation(server.store.db, null)).id;
    client = await loginAs(server.app, user.email, TEST_PASSWORD);
  });
  afterAll(async () => {
    await server?.close();
  });

  const upload = (org: string, body: Buffer | string, type: string, fileName: string) =>
    server.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${org}/documents?fileName=${encodeURIComponent(fileName)}`,
      payload: body,
      headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken, 'content-type': type },
    });

  it('stores a file under its SHA-256 and gives the same bytes back', async () => {
    const pdf = Buffer.from('%PDF-1.7\n% facture fournisseur\n%%EOF\n');
    const r = await upload(orgId, pdf, 'application/pdf', 'Facture fournisseur n°12.pdf');
    expect(r.statusCode).toBe(201);
    const doc = r.json();
    expect(doc).toMatchObject({
      sha256: createHash('sha256').update(pdf).digest('hex'),
      size: pdf.byteLength,
      mediaType: 'application/pdf',
      fileName: 'Facture fournisseur n°12.pdf',
    });
    const back = await server.app.inject({
      method: 'GET',
      url: `/api/v1/orgs/${orgId}/documents/${doc.id}`,
      headers: { cookie: client.cookie },
    });
    expect(back.statusCode).toBe(200);
    expect(back.rawPayload.equals(pdf)).toBe(true);
    expect(back.headers['content-type']).toBe('application/pdf');
    expect(String(back.headers['content-disposition'])).toContain(
      "filename*=UTF-8''Facture%20fournisseur%20n%C2%B012.pdf",
    );
    // Not reachable through another organisation's path.
    const foreign = await server.app.inject({
      method: 'GET',
      url: `/api/v1/orgs/${otherOrgId}/documents/${doc.id}`,
      headers: { cookie: client.cookie },
    });
    expect(foreign.statusCode).toBe(404);
  });

  it('refuses empty files, unknown types and bad names without writing', async () => {
    const count = async () =>
      (await server.store.db.selectFrom('document').select('id').where('org_id', '=', orgId).execute())
        .length;
    const before = await count();
    expect((await upload(orgId, Buffer.alloc(0), 'application/pdf', 'vide.pdf')).statusCode).toBe(400);
    expect((await upload(orgId, 'MZ...', 'application/x-msdownload', 'virus.exe')).statusCode).toBe(415);
    expect((await upload(orgId, 'x', 'text/plain', '../../etc/passwd')).statusCode).toBe(400);
    expect(await count()).toBe(before);
  });
});
