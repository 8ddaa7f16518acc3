import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, DIALECTS, type TestStore } from '../../../test/support/test-db.ts';
import { copyTransaction } from './copy-transaction.ts';

// The copy skips foreign-key checks for its own transaction only: inside, rows whose parents are missing go
// in (the template guarantees them in real copies); after it, the database checks again.
describe.each(DIALECTS)('sandbox copy transaction on %s', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore(dialect);
  });
  afterAll(async () => store?.drop());

  const orphanMembership = (db: typeof store.db, orgId: string) =>
    db
      .insertInto('membership')
      .values({ org_id: orgId, user_id: 'no-such-user', role: 'owner', created_at: new Date().toISOString() })
      .execute();

  it('lets the copy skip the checks, then checks again', async () => {
    const orgId = 'no-such-organisation';
    await copyTransaction(store, async (trx) => {
      await orphanMembership(trx, orgId);
      await trx.deleteFrom('membership').where('org_id', '=', orgId).execute();
    });
    await expect(orphanMembership(store.db, orgId)).rejects.toThrow();
    if (dialect === 'postgres') {
      const after = await sql<{
        role: string;
      }>`select current_setting('session_replication_role') as role`.execute(store.db);
      expect(after.rows[0]?.role).toBe('origin');
    }
  });
});
