import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, DIALECTS, type TestStore } from '../../test/support/test-db.ts';
import { reverse } from './entries/entry.ts';
import { letter, unletter } from './lettering/lettering.ts';
import { trialBalance } from './reports/trial-balance.ts';
import { ledgerOrganisation, postEntry } from './test-helpers.ts';

const ACCOUNTS = ['512', '411', '401', '706', '607', '44571', '44566', '6064', '101', '627'];
const YEAR = { from: '2026-01-01', to: '2026-12-31', auxiliary: false };

/** A random balanced entry: a few debits, their total split into a few credits. */
const balancedEntry = fc
  .record({
    debits: fc.array(fc.integer({ min: 1, max: 10_000_000 }), { minLength: 1, maxLength: 3 }),
    cuts: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 2 }),
    accounts: fc.array(fc.constantFrom(...ACCOUNTS), { minLength: 6, maxLength: 6 }),
    day: fc.integer({ min: 1, max: 28 }),
    month: fc.integer({ min: 1, max: 12 }),
  })
  .map(({ debits, cuts, accounts, day, month }) => {
    const total = debits.reduce((a, b) => a + b, 0);
    const points = [
      ...new Set(cuts.map((c) => Math.floor(c * total)).filter((p) => p > 0 && p < total)),
    ].sort((a, b) => a - b);
    const credits = [...points, total].map((p, i, all) => p - (i === 0 ? 0 : all[i - 1]!));
    return {
      journal: 'OD',
      date: `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      label: 'Écriture générée',
      lines: [
        ...debits.map((debit, i) => ({ account: accounts[i]!, debit })),
        ...credits.map((credit, i) => ({ account: accounts[3 + i]!, credit })),
      ],
    };
  });

/** Closing balance per account, accounts that end at zero left out. */
const closing = (tb: Awaited<ReturnType<typeof trialBalance>>) =>
  Object.fromEntries(
    tb.rows
      .map((r) => [r.account, r.closingDebit - r.closingCredit] as const)
      .filter(([, balance]) => balance !== 0),
  );

describe.each(DIALECTS)('ledger properties on %s', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore(dialect);
  });
  afterAll(async () => {
    await store?.drop();
  });

  it('any sequence of valid postings keeps every trial balance balanced, and sums each account exactly', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(balancedEntry, { minLength: 1, maxLength: 6 }), async (entries) => {
        const { orgId } = await ledgerOrganisation(store.db);
        const expected: Record<string, number> = {};
        for (const entry of entries) {
          await postEntry(store.db, orgId, entry);
          for (const l of entry.lines)
            expected[l.account] = (expected[l.account] ?? 0) + ('debit' in l ? l.debit! : -l.credit!);
        }
        const tb = await trialBalance(store.db, orgId, YEAR);
        // The daily totals the trial balance reads agree with the lines themselves.
        expect(tb).toEqual(await trialBalance(store.db, orgId, YEAR, { fromLines: true }));
        expect(tb.totals.periodDebit).toBe(tb.totals.periodCredit);
        expect(tb.totals.closingDebit).toBe(tb.totals.closingCredit);
        const mid = await trialBalance(store.db, orgId, { ...YEAR, from: '2026-07-01' });
        expect(mid).toEqual(
          await trialBalance(store.db, orgId, { ...YEAR, from: '2026-07-01' }, { fromLines: true }),
        );
        expect(mid.totals.openingDebit).toBe(mid.totals.openingCredit);
        expect(mid.totals.closingDebit).toBe(mid.totals.closingCredit);
        expect(closing(mid)).toEqual(closing(tb));
        expect(closing(tb)).toEqual(Object.fromEntries(Object.entries(expected).filter(([, v]) => v !== 0)));
      }),
      { numRuns: 12 },
    );
  });

  it('a reversal brings every balance back', async () => {
    const { orgId } = await ledgerOrganisation(store.db);
    await fc.assert(
      fc.asyncProperty(balancedEntry, async (entry) => {
        const before = closing(await trialBalance(store.db, orgId, YEAR));
        const posted = await postEntry(store.db, orgId, entry);
        await store.db.transaction().execute((trx) => reverse(trx, orgId, posted.id, entry.date, null));
        const after = closing(await trialBalance(store.db, orgId, YEAR));
        const zeroless = (m: Record<string, number>) =>
          Object.fromEntries(Object.entries(m).filter(([, v]) => v !== 0));
        expect(zeroless(after)).toEqual(zeroless(before));
      }),
      { numRuns: 15 },
    );
  });

  it('lettering never letters an unbalanced set', async () => {
    const { orgId } = await ledgerOrganisation(store.db);
    // Lines on 471 (suspense account) with random amounts on either side.
    const amounts = [500, 700, 1200, 300, 900, 1200, 400, 2000];
    const lineIds: { id: string; signed: number }[] = [];
    for (const [i, amount] of amounts.entries()) {
      const side = i % 2 === 0 ? 1 : -1;
      const entry = await postEntry(store.db, orgId, {
        journal: 'OD',
        date: '2026-05-01',
        label: `Attente ${i}`,
        lines: [
          { account: '471', ...(side > 0 ? { debit: amount } : { credit: amount }) },
          { account: '512', ...(side > 0 ? { credit: amount } : { debit: amount }) },
        ],
      });
      lineIds.push({ id: entry.lines[0]!.id, signed: side * amount });
    }
    await fc.assert(
      fc.asyncProperty(fc.subarray(lineIds, { minLength: 2 }), fc.boolean(), async (subset, partial) => {
        const sum = subset.reduce((a, l) => a + l.signed, 0);
        const hasBothSides = subset.some((l) => l.signed > 0) && subset.some((l) => l.signed < 0);
        const result = await store.db
          .transaction()
          .execute((trx) => letter(trx, orgId, { lineIds: subset.map((l) => l.id), partial }, null))
          .then(
            (lettering) => ({ ok: true as const, lettering }),
            (error) => ({ ok: false as const, error }),
          );
        if (result.ok) {
          expect(result.lettering.complete).toBe(
            result.lettering.totalDebit === result.lettering.totalCredit,
          );
          if (!partial) expect(result.lettering.totalDebit).toBe(result.lettering.totalCredit);
          await store.db.transaction().execute((trx) => unletter(trx, orgId, result.lettering.id, null));
        } else {
          expect(sum !== 0 && (!partial || !hasBothSides)).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });
});
