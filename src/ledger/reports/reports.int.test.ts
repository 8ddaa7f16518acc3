import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, DIALECTS, type TestStore } from '../../../test/support/test-db.ts';
import { letter } from '../lettering/lettering.ts';
import { ledgerOrganisation, ledgerParty, postEntry, textbookSale } from '../test-helpers.ts';
import { agedBalance } from './aged-balance.ts';
import { generalLedger } from './general-ledger.ts';
import { journalListing } from './journal-listing.ts';
import { trialBalance } from './trial-balance.ts';

describe.each(DIALECTS)('reports on %s', (dialect) => {
  let store: TestStore;
  let orgId: string;
  let customerId: string;
  beforeAll(async () => {
    store = await createTestStore(dialect);
    ({ orgId } = await ledgerOrganisation(store.db));
    customerId = (await ledgerParty(store.db, orgId, 'Client Durand')).id;
    await postEntry(store.db, orgId, {
      journal: 'AN',
      date: '2026-01-01',
      label: 'Reprise des soldes',
      lines: [
        { account: '512', debit: 500000 },
        { account: '101', credit: 500000 },
      ],
    });
    await postEntry(store.db, orgId, {
      ...textbookSale('2026-01-20', customerId, 'FA-1'),
      lines: textbookSale('2026-01-20', customerId).lines.map((l) =>
        l.account === '411' ? { ...l, dueDate: '2026-02-19' } : l,
      ),
    });
    await postEntry(store.db, orgId, textbookSale('2026-03-05', customerId, 'FA-2'));
    await postEntry(store.db, orgId, {
      journal: 'BQ',
      date: '2026-03-10',
      label: 'Règlement FA-1',
      voucherRef: 'FA-1',
      lines: [
        { account: '512', debit: 120000 },
        { account: '411', partyId: customerId, credit: 120000 },
      ],
    });
  });
  afterAll(async () => {
    await store?.drop();
  });

  it('trial balance: AN in the opening column, period movements, closing balances, all balanced', async () => {
    const tb = await trialBalance(store.db, orgId, {
      from: '2026-02-01',
      to: '2026-12-31',
      auxiliary: false,
    });
    const byAccount = Object.fromEntries(tb.rows.map((r) => [r.account, r]));
    // Before the period: the AN entry and the January sale.
    expect(byAccount['512']).toMatchObject({
      openingDebit: 500000,
      periodDebit: 120000,
      closingDebit: 620000,
    });
    expect(byAccount['411']).toMatchObject({
      openingDebit: 120000,
      periodDebit: 120000,
      periodCredit: 120000,
      closingDebit: 120000,
    });
    expect(byAccount['706']).toMatchObject({
      openingCredit: 100000,
      periodCredit: 100000,
      closingCredit: 200000,
    });
    expect(byAccount['44571']).toMatchObject({ closingCredit: 40000 });
    expect(tb.totals.openingDebit).toBe(tb.totals.openingCredit);
    expect(tb.totals.periodDebit).toBe(tb.totals.periodCredit);
    expect(tb.totals.closingDebit).toBe(tb.totals.closingCredit);
    expect(tb.totals.closingDebit).toBe(620000 + 120000);
    const detailed = await trialBalance(store.db, orgId, {
      auxiliary: true,
      from: '2026-01-01',
      to: '2026-12-31',
    });
    expect(detailed.rows.find((r) => r.account === '411')).toMatchObject({
      auxiliary: 'CCLIENTDURA',
      closingDebit: 120000,
    });
  });

  it('refuses a period that leaves the fiscal year', async () => {
    await expect(
      trialBalance(store.db, orgId, { from: '2026-06-01', to: '2027-01-31', auxiliary: false }),
    ).rejects.toMatchObject({ kind: 'invalid' });
    await expect(
      trialBalance(store.db, orgId, { from: '2030-01-01', auxiliary: false }),
    ).rejects.toMatchObject({ kind: 'invalid' });
  });

  it('general ledger of one account with running balance', async () => {
    const gl = await generalLedger(store.db, orgId, { account: '512', from: '2026-01-01', to: '2026-12-31' });
    expect(gl.accounts).toHaveLength(1);
    const [bank] = gl.accounts;
    expect(bank).toMatchObject({ account: '512', opening: 500000, totalDebit: 120000, closing: 620000 });
    expect(bank!.lines.map((l) => [l.date, l.journal, l.debit, l.balance])).toEqual([
      ['2026-03-10', 'BQ', 120000, 620000],
    ]);
    const all = await generalLedger(store.db, orgId, {});
    expect(all.accounts.map((a) => a.account)).toEqual(['101', '411', '44571', '512', '706']);
    const customer = await generalLedger(store.db, orgId, { account: '411', auxiliary: 'CCLIENTDURA' });
    expect(customer.accounts[0]!.lines).toHaveLength(3);
  });

  it('journal listing with totals per journal', async () => {
    const listing = await journalListing(store.db, orgId, { limit: 10, offset: 0 });
    expect(listing.journals.map((j) => [j.code, j.entries, j.totalDebit, j.totalCredit])).toEqual([
      ['AN', 1, 500000, 500000],
      ['BQ', 1, 120000, 120000],
      ['VE', 2, 240000, 240000],
    ]);
    expect(listing.total).toBe(4);
    const sales = await journalListing(store.db, orgId, { journal: 'VE', limit: 10, offset: 0 });
    expect(sales.items.map((e) => e.voucherRef)).toEqual(['FA-1', 'FA-2']);
  });

  it('aged balance of receivables: lettered items drop out, the rest is aged by due date', async () => {
    const before = await agedBalance(store.db, orgId, { kind: 'receivables', asOf: '2026-04-30' });
    // Until lettered, FA-1 (due 19 Feb: 70 days late) and its payment (10 March: 51 days) both count,
    // the payment offsetting FA-2 (5 March: 56 days) in the 31–60 column.
    expect(before.rows).toHaveLength(1);
    expect(before.rows[0]).toMatchObject({
      auxiliary: 'CCLIENTDURA',
      total: 120000,
      days61to90: 120000,
      days31to60: 0,
    });
    const gl = await generalLedger(store.db, orgId, { account: '411', auxiliary: 'CCLIENTDURA' });
    const ids = gl.accounts[0]!.lines.filter((l) => l.voucherRef === 'FA-1').map((l) => l.entryId);
    expect(ids).toHaveLength(2);
    const lines = await store.db
      .selectFrom('ledger_line')
      .select('id')
      .where('org_id', '=', orgId)
      .where('entry_id', 'in', ids)
      .where('auxiliary_id', 'is not', null)
      .execute();
    await store.db.transaction().execute((trx) =>
      letter(trx, orgId, { lineIds: lines.map((l) => l.id), partial: false }, null, {
        letteredOn: '2026-03-10',
      }),
    );
    const after = await agedBalance(store.db, orgId, { kind: 'receivables', asOf: '2026-04-30' });
    // Only FA-2 (5 March, no due date) is left: 56 days old.
    expect(after.rows[0]).toMatchObject({ total: 120000, days31to60: 120000, notDue: 0, days1to30: 0 });
    expect(after.totals.total).toBe(120000);
    const payables = await agedBalance(store.db, orgId, { kind: 'payables', asOf: '2026-04-30' });
    expect(payables.rows).toEqual([]);
  });
});
