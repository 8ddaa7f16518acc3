import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { Dialect, Store } from './connect.ts';

/** A frozen migration: written against Kysely<any>, never against the app's current types. */
export type AgoraMigration = {
  // biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not see current types
  up: (db: Kysely<any>, dialect: Dialect) => Promise<void>;
};

const sourceRoot = fileURLToPath(new URL('../../', import.meta.url));

async function findMigrationFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'migrations') {
        for (const file of await readdir(path)) {
          if (/^\d{8}T\d{4}_.+\.ts$/.test(file) && !file.endsWith('.test.ts')) found.push(join(path, file));
        }
      } else {
        found.push(...(await findMigrationFiles(path)));
      }
    }
  }
  return found;
}

/** Collects every module's `migrations/<timestamp>_<module>_<what>.ts`, ordered by name across modules. */
class ModuleMigrationProvider implements MigrationProvider {
  constructor(private readonly dialect: Dialect) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    const files = await findMigrationFiles(sourceRoot);
    const migrations: Record<string, Migration> = {};
    for (const file of files) {
      const name = file.split('/').pop()!.replace(/\.ts$/, '');
      if (migrations[name]) throw new Error(`Migration en double : ${name} (${relative(sourceRoot, file)})`);
      const module = (await import(pathToFileURL(file).href)) as AgoraMigration;
      migrations[name] = { up: (db) => module.up(db, this.dialect) };
    }
    return migrations;
  }
}

export async function migrateToLatest(store: Store): Promise<string[]> {
  const migrator = new Migrator({
    db: store.db,
    provider: new ModuleMigrationProvider(store.dialect),
    migrationTableName: 'schema_migration',
    migrationLockTableName: 'schema_migration_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
