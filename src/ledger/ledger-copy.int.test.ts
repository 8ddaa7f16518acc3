import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, DIALECTS, type TestStore } from '../../test/support/test-db.ts';
import { copyOrganisation, deleteOrganisation } from '../kernel/copy/copy-organisation.ts';
import { trialBalance } from './reports/trial-balance.ts';
import type { LedgerTables } from './tables.ts';
import { ledgerOrganisation, populateLedger, postEntry, textbookSale } from './test-helpers.ts';

const TABLES: (keyof LedgerTables)[] = [
  'ledger_account',
  'ledger_journal',
  'ledger_fiscal_year',
  'ledger_entry',
  'ledger_draft_line',
  'ledger_line',
  'ledger_lettering',
  'ledger_lettering_line',
  'ledger_balance',
];

// Sandboxes and templates copy whole organisations with the kernel's INSERT … SELECT per table: the
// ledger's keys, self-references and immutability triggers must allow it.
describe.each(DIALECTS)('ledger in a copied organisation on %s', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore(dialect);
  });
  afterAll(async () => {
    await store?.drop();
  });

  const count = async (table: keyof LedgerTables, orgId: string) =>
    Number(
      (
        await store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('org_id', '=', orgId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('copies every ledger row; the copy lives on independently; a sandbox can be deleted', async () => {
    const { orgId } = await ledgerOrganisation(store.db, { years: [] });
    await populateLedger(store.db, orgId);
    for (const table of TABLES) expect(await count(table, orgId), table).toBeGreaterThan(0);
    const { orgId: copyId } = await store.db
      .transaction()
      .execute((trx) => copyOrganisation(trx, dialect, { sourceOrgId: orgId, actorId: null }));
    for (const table of TABLES) expect(await count(table, copyId), table).toBe(await count(table, orgId));
    const range = { from: '2026-01-01', to: '2026-12-31', auxiliary: true };
    expect((await trialBalance(store.db, copyId, range)).rows).toEqual(
      (await trialBalance(store.db, orgId, range)).rows,
    );
    // The copy's numbering continues its own sequence.
    expect((await postEntry(store.db, copyId, textbookSale('2026-05-01'))).number).toBe(3);
    expect((await postEntry(store.db, orgId, textbookSale('2026-05-01'))).number).toBe(3);
    await store.db.transaction().execute((trx) => deleteOrganisation(trx, dialect, copyId));
    for (const table of TABLES) expect(await count(table, copyId), table).toBe(0);
  });
});
