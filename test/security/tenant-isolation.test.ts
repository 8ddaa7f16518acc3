import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putBytes, recordDocument } from '../../src/kernel/documents/document-store.ts';
import { ensureLedger } from '../../src/ledger/index.ts';
import { createEmployee, employeeInput } from '../../src/personnel/index.ts';
import { getStatement, importQuery, importStatementFile } from '../../src/production/index.ts';
import { catalogueItem, draftInvoice } from '../../src/relations/test-helpers.ts';
import { buildOrganisation, buildParty, buildUser, TEST_PASSWORD } from '../support/factories.ts';
import { type Client, loginAs, startTestServer, type TestServer } from '../support/http.ts';
import { countRows, tablesWithOrgId } from '../support/schema.ts';
import { sampleFromSchema } from '../support/schema-sample.ts';
import { DIALECTS } from '../support/test-db.ts';

// For every organisation route of the OpenAPI document — enumerated here, so a new route is covered
// without anyone remembering — a user of A aims at B: B's organisation id, or B's entity ids under A.
describe.each(DIALECTS)('tenant isolation over every org route on %s', (dialect) => {
  let server: TestServer;
  let alice: Client;
  let orgA: string;
  let orgB: string;
  const secretName = 'Secret-de-B-7f3a';
  const idsOfB: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const userA = await buildUser(server.store.db);
    const userB = await buildUser(server.store.db);
    orgA = (await buildOrganisation(server.store.db, userA.id)).id;
    orgB = (await buildOrganisation(server.store.db, userB.id, { name: secretName })).id;
    const party = await buildParty(server.store.db, orgB, { name: secretName });
    const bytes = Buffer.from(secretName);
    const sha256 = await putBytes('/tmp/agora-isolation-docs', bytes);
    const doc = await server.store.db.transaction().execute((trx) =>
      recordDocument(trx, {
        orgId: orgB,
        sha256,
        fileName: 'b.txt',
        mediaType: 'text/plain',
        size: 5,
        actorId: null,
      }),
    );
    const item = await catalogueItem(server.store.db, orgB, { label: secretName });
    const invoice = await draftInvoice(server.store.db, orgB, party.id, { notes: secretName });
    // A bank statement of B (its chart of accounts first: the statement's account is reconciled with 512).
    const statement = await server.store.db.transaction().execute(async (trx) => {
      await ensureLedger(trx, orgB);
      const file = readFileSync(new URL('../support/bank/releve-2026-03.camt053.xml', import.meta.url));
      const report = await importStatementFile(trx, orgB, file, importQuery.parse({}), null);
      return getStatement(trx, orgB, report.statements[0]!.id!);
    });
    const employee = await server.store.db.transaction().execute((trx) =>
      createEmployee(
        trx,
        orgB,
        employeeInput.parse({
          lastName: secretName,
          firstName: 'Claire',
          sex: 'F',
          birthDate: '1990-04-12',
          nationality: 'Française',
          jobTitle: 'Assistante',
          category: 'employee',
          contractType: 'cdi',
          weeklyHours: 3500,
          monthlyGross: 210000,
          hireDate: '2026-01-05',
        }),
        null,
      ),
    );
    Object.assign(idsOfB, {
      statementId: statement.id,
      lineId: statement.lines[0]!.id,
      employeeId: employee.id,
      partyId: party.id,
      userId: userB.id,
      documentId: doc.id,
      itemId: item.id,
      invoiceId: invoice.id,
      // Not an id: a VAT return's month. B's is asked under B (404); under A it is A's own month.
      period: '2026-06',
    });
    alice = await loginAs(server.app, userA.email, TEST_PASSWORD);
  });
  afterAll(async () => {
    await server?.close();
  });

  async function snapshotOfB(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const table of await tablesWithOrgId(server.store.db, dialect))
      counts[table] = await countRows(server.store.db, table, orgB);
    const head = await server.store.db
      .selectFrom('audit_head')
      .selectAll()
      .where('org_id', '=', orgB)
      .executeTakeFirst();
    counts.audit_seq = Number(head?.last_seq ?? 0);
    return counts;
  }

  it('answers 404 everywhere and leaves B untouched', async () => {
    const openapi = (await server.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const routes = server.app.routeTable.filter((r) => r.url.includes(':orgId'));
    expect(routes.length).toBeGreaterThanOrEqual(15);
    const before = await snapshotOfB();
    const failures: string[] = [];
    for (const route of routes) {
      const openapiPath = route.url.replace(/:(\w+)/g, '{$1}');
      const operation = openapi.paths[openapiPath]?.[route.method.toLowerCase()];
      expect(operation, `${route.method} ${route.url} missing from OpenAPI`).toBeDefined();
      const body = sampleFromSchema(operation.requestBody?.content?.['application/json']?.schema);
      const params = [...route.url.matchAll(/:(\w+)/g)]
        .map((m) => m[1]!)
        .filter((p) => p !== 'orgId' && p !== 'period');
      const fill = (orgId: string) =>
        route.url
          .replace(':orgId', orgId)
          .replace(/:(\w+)/g, (_, name: string) => idsOfB[name] ?? idsOfB.partyId!);
      const attempts = [fill(orgB)];
      if (params.length > 0) attempts.push(fill(orgA));
      for (const url of attempts) {
        const r = await alice.request(
          route.method as 'GET',
          url,
          route.method === 'GET' || route.method === 'DELETE' ? undefined : body,
        );
        if (r.status !== 404) failures.push(`${route.method} ${url} → ${r.status}`);
        if (r.raw.includes(secretName)) failures.push(`${route.method} ${url} leaks B's data`);
      }
    }
    expect(failures).toEqual([]);
    expect(await snapshotOfB()).toEqual(before);
  });
});
