// The SQLite store reads outside transactions on a second, read-only connection: a read never waits for
// a transaction of the same process and sees the last committed state; writes still wait for each other.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildUser } from '../../../test/support/factories.ts';
import { createTestStore, type TestStore } from '../../../test/support/test-db.ts';

describe('SQLite store: reads beside an open transaction', () => {
  let store: TestStore;
  beforeEach(async () => {
    store = await createTestStore('sqlite');
  });
  afterEach(async () => {
    await store.drop();
  });

  const names = async () =>
    (await store.db.selectFrom('app_user').select('name').orderBy('name').execute()).map((u) => u.name);

  it('reads the committed state while a transaction is open, without waiting for it', async () => {
    await buildUser(store.db, { name: 'Avant' });
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let inside!: () => void;
    const started = new Promise<void>((resolve) => {
      inside = resolve;
    });
    const transaction = store.db.transaction().execute(async (trx) => {
      await trx.updateTable('app_user').set({ name: 'Pendant' }).execute();
      inside();
      await held;
    });
    await started;
    // With one connection behind a mutex, this read would wait for the transaction (here: for ever).
    expect(await names()).toEqual(['Avant']);
    let writeDone = false;
    const write = store.db
      .updateTable('app_user')
      .set({ name: 'Après' })
      .execute()
      .then(() => {
        writeDone = true;
      });
    await new Promise((r) => setTimeout(r, 50));
    expect(writeDone).toBe(false);
    release();
    await transaction;
    await write;
    expect(await names()).toEqual(['Après']);
  });

  it('rolls back a failed transaction and lets the next one write', async () => {
    await expect(
      store.db.transaction().execute(async (trx) => {
        await trx.updateTable('app_user').set({ name: 'Perdu' }).execute();
        throw new Error('refus');
      }),
    ).rejects.toThrow('refus');
    await buildUser(store.db, { name: 'Suivant' });
    expect(await names()).toEqual(['Suivant']);
  });
});
