import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, DIALECTS, type TestStore } from '../../../test/support/test-db.ts';
import { verifyAuditChain } from '../../kernel/audit/audit.ts';
import { ledgerOrganisation, ledgerParty, postEntry, textbookSale } from '../test-helpers.ts';
import { entryInput } from './contract.ts';
import { createDraft, deleteDraft, updateDraft, validateEntry } from './draft.ts';
import { reverse } from './entry.ts';
import { getEntry, listEntries } from './entry-read.ts';

describe.each(DIALECTS)('entries on %s', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore(dialect);
  });
  afterAll(async () => {
    await store?.drop();
  });

  it('posts the textbook sale, numbered 1, validated, on the customer’s auxiliary account', async () => {
    const { orgId } = await ledgerOrganisation(store.db);
    const customer = await ledgerParty(store.db, orgId, 'Boulangerie Martin');
    const entry = await postEntry(store.db, orgId, textbookSale('2026-03-10', customer.id));
    expect(entry).toMatchObject({
      number: 1,
      status: 'validated',
      origin: 'posting',
      journal: 'VE',
      totalDebit: 120000,
      totalCredit: 120000,
    });
    expect(entry.lines.map((l) => [l.account, l.auxiliary, l.debit, l.credit, l.label])).toEqual([
      ['411', 'CBOULANGERI', 120000, 0, 'Facture FA-001'],
      ['706', null, 0, 100000, 'Facture FA-001'],
      ['44571', null, 0, 20000, 'Facture FA-001'],
    ]);
    expect(entry.lines[0]!.partyId).toBe(customer.id);
    const second = await postEntry(store.db, orgId, textbookSale('2026-03-11', customer.id, 'FA-002'));
    expect(second.number).toBe(2);
    expect(second.lines[0]!.auxiliary).toBe('CBOULANGERI');
    expect(await verifyAuditChain(store.db, orgId)).toMatchObject({ ok: true });
  });

  it('refuses an unbalanced entry, an unknown account, a heading account, a date outside any year', async () => {
    const { orgId } = await ledgerOrganisation(store.db);
    const sale = textbookSale('2026-03-10');
    await expect(
      postEntry(store.db, orgId, { ...sale, lines: sale.lines.slice(0, 2) }),
    ).rejects.toMatchObject({ kind: 'rule-broken', message: expect.stringMatching(/pas équilibrée/) });
    await expect(
      postEntry(store.db, orgId, {
        ...sale,
        lines: [
          { account: '999', debit: 1 },
          { account: '706', credit: 1 },
        ],
      }),
    ).rejects.toMatchObject({
      kind: 'invalid',
      issues: [{ field: 'lines.0.account', message: 'Compte 999 inconnu.' }],
    });
    await expect(
      postEntry(store.db, orgId, {
        ...sale,
        lines: [
          { account: '41', debit: 1 },
          { account: '706', credit: 1 },
        ],
      }),
    ).rejects.toMatchObject({ kind: 'invalid' });
    await expect(postEntry(store.db, orgId, textbookSale('2027-01-05'))).rejects.toMatchObject({
      kind: 'rule-broken',
      message: expect.stringMatching(/Aucun exercice/),
    });
    await expect(
      postEntry(store.db, orgId, {
        ...sale,
        lines: [
          { account: '706', partyId: 'x', debit: 1 },
          { account: '411', credit: 1 },
        ],
      }),
    ).rejects.toMatchObject({ kind: 'invalid', message: expect.stringMatching(/n’accepte pas de tiers/) });
    // Nothing was written by the refused postings: numbering starts at 1.
    expect((await postEntry(store.db, orgId, sale)).number).toBe(1);
  });

  it('keeps drafts editable and unnumbered, then validates them in sequence', async () => {
    const { orgId } = await ledgerOrganisation(store.db);
    const input = entryInput.parse({
      journal: 'OD',
      date: '2026-04-01',
      label: 'Brouillon',
      lines: [
        { account: '6064', debit: 5000 },
        { account: '512', credit: 4000 },
      ],
    });
    const draft = await store.db.transaction().execute((trx) => createDraft(trx, orgId, input, null));
    expect(draft).toMatchObject({ status: 'draft', number: null, totalDebit: 5000, totalCredit: 4000 });
    await expect(
      store.db.transaction().execute((trx) => validateEntry(trx, orgId, draft.id, null)),
    ).rejects.toMatchObject({ kind: 'rule-broken' });
    const fixed = { ...input, lines: [input.lines[0]!, { ...input.lines[1]!, credit: 5000 }] };
    await store.db.transaction().execute((trx) => updateDraft(trx, orgId, draft.id, fixed, null));
    await postEntry(store.db, orgId, textbookSale('2026-04-02'));
    const validated = await store.db
      .transaction()
      .execute((trx) => validateEntry(trx, orgId, draft.id, null));
    expect(validated).toMatchObject({ status: 'validated', number: 2, fiscalYearId: expect.any(String) });
    expect(validated.validatedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await expect(
      store.db.transaction().execute((trx) => updateDraft(trx, orgId, draft.id, fixed, null)),
    ).rejects.toMatchObject({ kind: 'rule-broken' });
    await expect(
      store.db.transaction().execute((trx) => deleteDraft(trx, orgId, draft.id, null)),
    ).rejects.toMatchObject({ kind: 'rule-broken' });
    const other = await store.db.transaction().execute((trx) => createDraft(trx, orgId, input, null));
    await store.db.transaction().execute((trx) => deleteDraft(trx, orgId, other.id, null));
    await expect(getEntry(store.db, orgId, other.id)).rejects.toMatchObject({ kind: 'not-found' });
    const page = await listEntries(store.db, orgId, { limit: 10, offset: 0 });
    // Listed by date: the draft of 1 April was validated after the sale of 2 April.
    expect(page.items.map((e) => [e.date, e.number])).toEqual([
      ['2026-04-01', 2],
      ['2026-04-02', 1],
    ]);
  });

  it('reverses a validated entry once, with sides swapped, referencing the original', async () => {
    const { orgId } = await ledgerOrganisation(store.db);
    const sale = await postEntry(store.db, orgId, textbookSale('2026-05-01'));
    const reversal = await store.db
      .transaction()
      .execute((trx) => reverse(trx, orgId, sale.id, '2026-05-03', null));
    expect(reversal).toMatchObject({
      number: 2,
      origin: 'reversal',
      reversalOf: sale.id,
      date: '2026-05-03',
    });
    expect(reversal.lines.map((l) => [l.account, l.debit, l.credit])).toEqual([
      ['411', 0, 120000],
      ['706', 100000, 0],
      ['44571', 20000, 0],
    ]);
    expect((await getEntry(store.db, orgId, sale.id)).reversedBy).toBe(reversal.id);
    await expect(
      store.db.transaction().execute((trx) => reverse(trx, orgId, sale.id, '2026-05-04', null)),
    ).rejects.toMatchObject({ kind: 'conflict' });
  });

  it('reverses an entry once when two reversals race (the database refuses the second)', async () => {
    const { orgId } = await ledgerOrganisation(store.db);
    const sale = await postEntry(store.db, orgId, textbookSale('2026-05-05'));
    const results = await Promise.allSettled(
      ['2026-05-06', '2026-05-07'].map((date) =>
        store.db.transaction().execute((trx) => reverse(trx, orgId, sale.id, date, null)),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({
      reason: { kind: 'conflict', message: 'Cette écriture a déjà été extournée.' },
    });
    const reversals = await store.db
      .selectFrom('ledger_entry')
      .select('id')
      .where('org_id', '=', orgId)
      .where('reversal_of', '=', sale.id)
      .execute();
    expect(reversals).toHaveLength(1);
  });

  it('numbers without gaps under concurrent postings', async () => {
    const { orgId } = await ledgerOrganisation(store.db);
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) =>
        postEntry(store.db, orgId, textbookSale('2026-06-01', null, `C-${i}`)),
      ),
    );
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    const page = await listEntries(store.db, orgId, { limit: 50, offset: 0 });
    expect(page.items.map((e) => e.number).sort((a, b) => a! - b!)).toEqual(
      Array.from({ length: 12 }, (_, i) => i + 1),
    );
  });

  it('never lets a validated entry or any line be updated, even by hand', async () => {
    const { orgId } = await ledgerOrganisation(store.db);
    const sale = await postEntry(store.db, orgId, textbookSale('2026-07-01'));
    await expect(
      sql`update ledger_line set debit = debit + 1 where org_id = ${orgId}`.execute(store.db),
    ).rejects.toThrow(/immutable/);
    await expect(
      sql`update ledger_entry set label = 'changé' where org_id = ${orgId} and id = ${sale.id}`.execute(
        store.db,
      ),
    ).rejects.toThrow(/immutable/);
    expect((await getEntry(store.db, orgId, sale.id)).label).toBe('Facture FA-001');
  });

  it('opening entries (AN) must be dated on the first day of the fiscal year', async () => {
    const { orgId } = await ledgerOrganisation(store.db);
    const opening = {
      journal: 'AN',
      date: '2026-02-01',
      label: 'Reprise des soldes',
      lines: [
        { account: '512', debit: 1000 },
        { account: '101', credit: 1000 },
      ],
    };
    await expect(postEntry(store.db, orgId, opening)).rejects.toMatchObject({ kind: 'rule-broken' });
    expect((await postEntry(store.db, orgId, { ...opening, date: '2026-01-01' })).number).toBe(1);
  });
});

describe('the code never updates validated rows', () => {
  it('has no UPDATE on ledger_line anywhere in src/, and updates ledger_entry only through the draft guard', () => {
    const root = join(import.meta.dirname, '..', '..');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true }))
        if (e.isDirectory()) walk(join(dir, e.name));
        else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) files.push(join(dir, e.name));
    };
    walk(root);
    const offenders: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      if (/updateTable\(\s*'ledger_line'/.test(text) || /update\s+ledger_line\b/i.test(text))
        offenders.push(file);
      const entryUpdates = text.match(/updateTable\(\s*'ledger_entry'/g)?.length ?? 0;
      if (entryUpdates > 0 && !file.endsWith(join('entries', 'draft.ts'))) offenders.push(file);
      if (entryUpdates > 1) offenders.push(`${file} (more than the one guarded update)`);
    }
    expect(offenders).toEqual([]);
  });
});
