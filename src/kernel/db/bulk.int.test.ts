import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, DIALECTS, type TestStore } from '../../../test/support/test-db.ts';
import { insertRows, selectArrays } from './bulk.ts';

describe.each(DIALECTS)('bulk rows on %s', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore(dialect);
    await sql`create table bulk_probe (k bigint primary key, a text, b bigint, c text)`.execute(store.db);
  });
  afterAll(() => store.drop());

  // 20,000 rows × 4 columns = 80,000 parameters: more than one PostgreSQL statement may carry.
  const rows = Array.from({ length: 20_000 }, (_, k) => [k, `ligne ${k} « é€ »`, k * 3, k % 7 ? null : 'x']);

  it('inserts every row, values intact, and reads them back as arrays in select order', async () => {
    await store.db.transaction().execute((trx) => insertRows(trx, 'bulk_probe', ['k', 'a', 'b', 'c'], rows));
    const back = await selectArrays(
      store.db,
      sql`select c, b, a, k from bulk_probe where k >= ${19_990} order by k`.compile(store.db),
    );
    expect(back).toEqual(rows.slice(19_990).map(([k, a, b, c]) => [c, b, a, k]));
    const [[count]] = (await selectArrays(
      store.db,
      sql`select count(*) from bulk_probe`.compile(store.db),
    )) as [[number | string]];
    expect(Number(count)).toBe(20_000);
  });

  it('writes nothing when one row breaks a constraint (the caller’s transaction rolls back)', async () => {
    const clash = [
      [20_000, 'neuve', 1, null],
      [5, 'doublon', 1, null],
    ];
    await expect(
      store.db.transaction().execute((trx) => insertRows(trx, 'bulk_probe', ['k', 'a', 'b', 'c'], clash)),
    ).rejects.toThrow();
    const found = await selectArrays(
      store.db,
      sql`select k from bulk_probe where k = ${20_000}`.compile(store.db),
    );
    expect(found).toEqual([]);
  });
});
