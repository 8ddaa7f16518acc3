import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/kernel/audit/audit.ts';
import { todayIn } from '../../src/kernel/dates/index.ts';
import { openStore } from '../../src/kernel/db/index.ts';
import { ensureLedger } from '../../src/ledger/index.ts';
import { buildOrganisation } from '../support/factories.ts';
import { createTestStore, DIALECTS, type TestStore } from '../support/test-db.ts';

const KILLS = 50;
const WRITER = join(import.meta.dirname, 'crash-writer.ts');

function startWriter(location: string, orgId: string, date: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn('node', ['--import', 'tsx', WRITER, location, orgId, date], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.stdout.on('data', (d) => {
      if (String(d).includes('wrote')) resolve(child);
    });
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer exited ${code}: ${err}`));
    });
  });
}

// A writer is killed with SIGKILL at random moments; after each kill the database must reopen with the
// audit chain intact, every validated entry whole and balanced, and numbers without gap or duplicate.
describe.each(DIALECTS)('crash safety on %s', (dialect) => {
  let store: TestStore;
  let orgId: string;
  const date = todayIn('Europe/Paris');
  const figures: number[] = [];
  beforeAll(async () => {
    store = await createTestStore(dialect);
    orgId = (await buildOrganisation(store.db, null)).id;
    await store.db.transaction().execute((trx) => ensureLedger(trx, orgId));
  });
  afterAll(async () => {
    await store?.drop();
  });

  it(`survives ${KILLS} SIGKILLs in the middle of writing`, { timeout: 600_000 }, async () => {
    for (let kill = 0; kill < KILLS; kill++) {
      const writer = await startWriter(store.url, orgId, date);
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 250));
      writer.kill('SIGKILL');
      await new Promise((r) => writer.once('exit', r));

      // Reopen from scratch, as a restarted server would.
      const reopened = openStore(store.url, { poolSize: 2 });
      try {
        const chain = await verifyAuditChain(reopened.db, orgId);
        expect(chain.problems).toEqual([]);
        const entries = await reopened.db
          .selectFrom('ledger_entry')
          .select(['id', 'number'])
          .where('org_id', '=', orgId)
          .where('status', '=', 'validated')
          .orderBy('number')
          .execute();
        expect(entries.map((e) => Number(e.number))).toEqual(entries.map((_, i) => i + 1));
        const unbalanced = await sql<{ entry_id: string }>`
          select entry_id from ledger_line where org_id = ${orgId}
          group by entry_id having sum(debit) <> sum(credit) or count(*) <> 3`.execute(reopened.db);
        expect(unbalanced.rows).toEqual([]);
        const counter = await reopened.db
          .selectFrom('numbering_counter')
          .select('next_value')
          .where('org_id', '=', orgId)
          .where('sequence', '=', 'crash-invoice')
          .executeTakeFirst();
        const parties = await reopened.db
          .selectFrom('party')
          .select('name')
          .where('org_id', '=', orgId)
          .execute();
        // The document number, the entry and the party were written in one transaction: same count.
        expect(parties).toHaveLength(entries.length);
        expect(Number(counter?.next_value ?? 1) - 1).toBe(entries.length);
        figures.push(entries.length);
      } finally {
        await reopened.close();
      }
    }
    // At least one committed transaction before each kill (the writer says so before it is killed).
    expect(figures.at(-1)).toBeGreaterThanOrEqual(KILLS);
    console.log(
      `crash ${dialect}: ${KILLS} SIGKILLs, ${figures.at(-1)} entries intact, numbers 1..${figures.at(-1)} without gap`,
    );
  });
});
