import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/kernel/audit/audit.ts';
import { copyOrganisation, deleteOrganisation } from '../../src/kernel/copy/copy-organisation.ts';
import { readDocument } from '../../src/kernel/documents/document-store.ts';
import { getParty, updateParty } from '../../src/kernel/parties/party.ts';
import { listParties } from '../../src/kernel/parties/party-list.ts';
import { buildOrganisation, buildParty, buildUser, partyData } from '../support/factories.ts';
import { populateOrganisation } from '../support/populate.ts';
import { countRows, tablesWithOrgId } from '../support/schema.ts';
import { createTestStore, DIALECTS, type TestStore } from '../support/test-db.ts';

describe.each(DIALECTS)('copy of an organisation on %s', (dialect) => {
  let store: TestStore;
  const documentsDir = mkdtempSync(join(tmpdir(), 'agora-docs-'));
  beforeAll(async () => {
    store = await createTestStore(dialect);
  });
  afterAll(async () => {
    await store?.drop();
  });

  it('copies every row of every organisation table, and the copy is independent', async () => {
    const owner = await buildUser(store.db);
    const source = await buildOrganisation(store.db, owner.id, { name: 'Modèle' });
    await populateOrganisation(store.db, source.id, documentsDir);
    // Another organisation's rows must not come along.
    const bystander = await buildOrganisation(store.db, null);
    await buildParty(store.db, bystander.id);

    const tables = await tablesWithOrgId(store.db, dialect);
    const before: Record<string, number> = {};
    for (const table of tables) before[table] = await countRows(store.db, table, source.id);
    const empty = tables.filter((t) => before[t] === 0);
    expect(empty, 'extend test/support/populate.ts so every table has rows').toEqual([]);

    const { orgId: copyId } = await store.db
      .transaction()
      .execute((trx) =>
        copyOrganisation(trx, dialect, { sourceOrgId: source.id, name: 'Bac à sable', actorId: null }),
      );

    for (const table of tables) {
      const expected = table === 'audit_event' ? before[table]! + 1 : before[table]!;
      expect(await countRows(store.db, table, copyId), table).toBe(expected);
      expect(await countRows(store.db, table, source.id), table).toBe(before[table]);
    }
    const copy = await store.db
      .selectFrom('organisation')
      .selectAll()
      .where('org_id', '=', copyId)
      .executeTakeFirstOrThrow();
    expect(copy).toMatchObject({ name: 'Bac à sable', copied_from: source.id });
    expect(await verifyAuditChain(store.db, copyId)).toMatchObject({ ok: true });

    // Independent: a write in one never shows in the other, either way.
    const [party] = (
      await listParties(store.db, copyId, { archived: 'include', sort: 'name', limit: 1, offset: 0 })
    ).items;
    await store.db
      .transaction()
      .execute((trx) =>
        updateParty(trx, copyId, party!.id, partyData({ name: 'Renommé dans la copie' }), null),
      );
    expect((await getParty(store.db, source.id, party!.id)).name).toBe(party!.name);
    await buildParty(store.db, source.id, { name: 'Nouveau dans le modèle' });
    const inCopy = await listParties(store.db, copyId, {
      q: 'nouveau dans',
      archived: 'include',
      sort: 'name',
      limit: 5,
      offset: 0,
    });
    expect(inCopy.total).toBe(0);

    // Files are shared by content, readable from the copy.
    const [doc] = await store.db.selectFrom('document').select('id').where('org_id', '=', copyId).execute();
    expect((await readDocument(store.db, documentsDir, copyId, doc!.id)).bytes.toString()).toBe(
      `pièce ${source.id}`,
    );

    await store.db.transaction().execute((trx) => deleteOrganisation(trx, dialect, copyId));
    for (const table of tables) expect(await countRows(store.db, table, copyId), table).toBe(0);
    expect(await countRows(store.db, 'party', source.id)).toBe(before.party! + 1);
  });

  it('rolls the whole copy back when it fails midway', async () => {
    const source = await buildOrganisation(store.db, null);
    await buildParty(store.db, source.id);
    const targetOrgId = 'fixed-target-id';
    await expect(
      store.db.transaction().execute(async (trx) => {
        await copyOrganisation(trx, dialect, { sourceOrgId: source.id, actorId: null, targetOrgId });
        throw new Error('interrupted');
      }),
    ).rejects.toThrow('interrupted');
    for (const table of await tablesWithOrgId(store.db, dialect))
      expect(await countRows(store.db, table, targetOrgId)).toBe(0);
  });
});
