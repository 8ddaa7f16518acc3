import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { type Dialect, migrateToLatest, openStore, type Store } from '../../src/kernel/db/index.ts';

// The admin connection used to create one throw-away database per test file.
export const PG_ADMIN_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function postgresReachable(): Promise<boolean> {
  const probe = openStore(PG_ADMIN_URL, { poolSize: 1 });
  try {
    await probe.db.selectNoFrom((eb) => eb.lit(1).as('one')).execute();
    return true;
  } catch {
    return false;
  } finally {
    await probe.close().catch(() => {});
  }
}

const pgUp = await postgresReachable();
if (!pgUp && process.env.CI === 'true')
  throw new Error(`PostgreSQL est obligatoire en CI (CI=true) mais ${PG_ADMIN_URL} ne répond pas.`);

/** The databases every integration suite runs on: SQLite always, PostgreSQL when reachable (always in CI). */
export const DIALECTS: Dialect[] = pgUp ? ['sqlite', 'postgres'] : ['sqlite'];

export type TestStore = Store & { drop: () => Promise<void>; url: string };

/** A fresh, migrated database: a SQLite file in a temp dir, or a new PostgreSQL database. */
export async function createTestStore(dialect: Dialect): Promise<TestStore> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'agora-test-'));
    const file = join(dir, 'agora.sqlite');
    const store = openStore(file);
    await migrateToLatest(store);
    return {
      ...store,
      url: file,
      drop: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `agora_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = openStore(PG_ADMIN_URL, { poolSize: 1 });
  await sql.raw(`create database ${name}`).execute(admin.db);
  await admin.close();
  const url = PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
  const store = openStore(url);
  await migrateToLatest(store);
  return {
    ...store,
    url,
    drop: async () => {
      await store.close();
      const cleanup = openStore(PG_ADMIN_URL, { poolSize: 1 });
      await sql.raw(`drop database if exists ${name} with (force)`).execute(cleanup.db);
      await cleanup.close();
    },
  };
}
