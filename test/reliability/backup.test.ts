import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/kernel/audit/audit.ts';
import { todayIn } from '../../src/kernel/dates/index.ts';
import { type Db, openStore } from '../../src/kernel/db/index.ts';
import { ensureLedger, trialBalance } from '../../src/ledger/index.ts';
import { trialBalanceQuery } from '../../src/ledger/reports/contract.ts';
import { buildOrganisation } from '../support/factories.ts';
import { createTestStore, DIALECTS, PG_ADMIN_URL, type TestStore } from '../support/test-db.ts';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '../../bin/agora.js');
const WRITER = join(import.meta.dirname, 'crash-writer.ts');

function startWriter(location: string, orgId: string, date: string): Promise<ChildProcess> {
  return new Promise((resolve) => {
    const child = spawn('node', ['--import', 'tsx', WRITER, location, orgId, date], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout.on('data', (d) => {
      if (String(d).includes('ready')) resolve(child);
    });
  });
}

/** Debit and credit per account number, from the lines of entries numbered up to `upTo`. */
async function sumsUpTo(db: Db, orgId: string, upTo: number) {
  const rows = await sql<{ account: string; debit: number; credit: number }>`
    select a.number as account, cast(sum(l.debit) as bigint) as debit, cast(sum(l.credit) as bigint) as credit
    from ledger_line l
    join ledger_entry e on e.org_id = l.org_id and e.id = l.entry_id
    join ledger_account a on a.org_id = l.org_id and a.id = l.account_id
    where l.org_id = ${orgId} and e.number <= ${upTo}
    group by a.number order by a.number`.execute(db);
  return rows.rows.map((r) => ({ account: r.account, debit: Number(r.debit), credit: Number(r.credit) }));
}

// A backup taken while a writer keeps validating entries restores to a consistent database: the audit
// chain verifies, numbers are contiguous, and the trial balance equals the source's at the same point.
describe.each(DIALECTS)('backup under write load on %s', (dialect) => {
  let store: TestStore;
  let restoredUrl = '';
  beforeAll(async () => {
    store = await createTestStore(dialect);
  });
  afterAll(async () => {
    await store?.drop();
    if (dialect === 'postgres' && restoredUrl) {
      const admin = openStore(PG_ADMIN_URL, { poolSize: 1 });
      await sql.raw(`drop database if exists ${restoredUrl.split('/').pop()} with (force)`).execute(admin.db);
      await admin.close();
    }
  });

  it('restores elsewhere with the same trial balance and a valid audit chain', {
    timeout: 120_000,
  }, async () => {
    const orgId = (await buildOrganisation(store.db, null)).id;
    await store.db.transaction().execute((trx) => ensureLedger(trx, orgId));
    const date = todayIn('Europe/Paris');
    const writer = await startWriter(store.url, orgId, date);
    const dir = mkdtempSync(join(tmpdir(), 'agora-backup-'));
    try {
      await new Promise((r) => setTimeout(r, 700));
      if (dialect === 'sqlite') {
        const target = join(dir, 'sauvegarde.sqlite');
        await run('node', [BIN, 'backup', target], { env: { ...process.env, DATABASE_URL: store.url } });
        restoredUrl = target;
      } else {
        const dump = join(dir, 'agora.dump');
        await run('pg_dump', ['--format=custom', `--file=${dump}`, store.url]);
        const name = `agora_restored_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
        const admin = openStore(PG_ADMIN_URL, { poolSize: 1 });
        await sql.raw(`create database ${name}`).execute(admin.db);
        await admin.close();
        restoredUrl = PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
        await run('pg_restore', ['--no-owner', `--dbname=${restoredUrl}`, dump]);
      }
      // Still writing after the backup: the restored copy must stop at a consistent point.
      await new Promise((r) => setTimeout(r, 300));
    } finally {
      writer.kill('SIGKILL');
    }

    const restored = openStore(restoredUrl, { poolSize: 2 });
    try {
      expect(await verifyAuditChain(restored.db, orgId)).toMatchObject({ ok: true });
      const numbers = (
        await restored.db
          .selectFrom('ledger_entry')
          .select('number')
          .where('org_id', '=', orgId)
          .orderBy('number')
          .execute()
      ).map((e) => Number(e.number));
      expect(numbers.length).toBeGreaterThan(0);
      expect(numbers).toEqual(numbers.map((_, i) => i + 1));
      const sourceCount = Number(
        (
          await store.db
            .selectFrom('ledger_entry')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('org_id', '=', orgId)
            .executeTakeFirstOrThrow()
        ).n,
      );
      expect(sourceCount).toBeGreaterThan(numbers.length);

      // The product's trial balance on the restored copy = the source's lines up to the same number.
      const balance = await trialBalance(restored.db, orgId, trialBalanceQuery.parse({}));
      const fromRestored = balance.rows
        .filter((r) => r.periodDebit !== 0 || r.periodCredit !== 0)
        .map((r) => ({ account: r.account, debit: r.periodDebit, credit: r.periodCredit }))
        .sort((a, b) => a.account.localeCompare(b.account));
      expect(fromRestored).toEqual(await sumsUpTo(store.db, orgId, numbers.length));
      console.log(
        `backup ${dialect}: ${numbers.length} of ${sourceCount} entries at backup time, trial balance identical`,
      );
    } finally {
      await restored.close();
    }
  });
});
