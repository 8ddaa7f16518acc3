import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, DIALECTS, type TestStore } from '../../../test/support/test-db.ts';
import { closeFiscalYear } from '../fiscal-years/closing.ts';
import { ledgerOrganisation, ledgerParty, postEntry, textbookSale } from '../test-helpers.ts';
import { accountBalance } from './account-balance.ts';
import { trialBalance } from './trial-balance.ts';

// The balance of 411 on a date (what the receivables page compares its net amount due with, decision
// 0027), against the trial balance's closing column, over one year and across a year not closed yet.

describe.each(DIALECTS)('account balance on %s', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore(dialect);
  });
  afterAll(async () => {
    await store?.drop();
  });

  const closing411 = async (orgId: string, to: string, auxiliaryLabel?: string) =>
    (await trialBalance(store.db, orgId, { to, auxiliary: auxiliaryLabel !== undefined })).rows
      .filter((r) => r.account.startsWith('411'))
      .filter((r) => auxiliaryLabel === undefined || r.auxiliaryLabel === auxiliaryLabel)
      .reduce((s, r) => s + r.closingDebit - r.closingCredit, 0);

  it('is the trial balance’s closing 411 on any date, per customer too, and counts a year not closed yet', async () => {
    const { orgId, years } = await ledgerOrganisation(store.db, {
      years: [
        ['2026-01-01', '2026-12-31'],
        ['2027-01-01', '2027-12-31'],
      ],
    });
    const durand = await ledgerParty(store.db, orgId, 'Client Durand');
    const martin = await ledgerParty(store.db, orgId, 'Client Martin');
    await postEntry(store.db, orgId, textbookSale('2026-03-05', durand.id, 'FA-1'));
    await postEntry(store.db, orgId, textbookSale('2026-04-01', martin.id, 'FA-2'));
    await postEntry(store.db, orgId, {
      journal: 'BQ',
      date: '2026-05-10',
      label: 'Règlement partiel FA-1',
      lines: [
        { account: '512', debit: 100000 },
        { account: '411', partyId: durand.id, credit: 100000 },
      ],
    });
    await postEntry(store.db, orgId, textbookSale('2027-01-15', durand.id, 'FA-3'));

    const balance = (asOf: string, partyId?: string) =>
      accountBalance(store.db, orgId, { accountPrefix: '411', asOf, partyId });
    expect(await balance('2026-03-31')).toBe(120000);
    expect(await balance('2026-04-15')).toBe(await closing411(orgId, '2026-04-15'));
    expect(await balance('2026-12-31')).toBe(140000);
    expect(await balance('2026-12-31')).toBe(await closing411(orgId, '2026-12-31'));
    expect(await balance('2026-12-31', durand.id)).toBe(20000);
    expect(await balance('2026-12-31', durand.id)).toBe(
      await closing411(orgId, '2026-12-31', 'Client Durand'),
    );
    expect(await balance('2026-12-31', martin.id)).toBe(120000);

    // 2026 not closed: its balances are not in 2027's AN yet, so they count with 2027's lines — where
    // the 2027 trial balance alone shows FA-3 only.
    expect(await closing411(orgId, '2027-01-31')).toBe(120000);
    expect(await balance('2027-01-31')).toBe(260000);
    expect(await balance('2027-01-31', durand.id)).toBe(140000);

    // Once 2026 is closed its balances are 2027's AN: counted once, and the trial balance agrees again.
    await store.db.transaction().execute((trx) => closeFiscalYear(trx, orgId, years[0]!.id, null));
    expect(await closing411(orgId, '2027-01-31')).toBe(260000);
    expect(await balance('2027-01-31')).toBe(260000);
    expect(await balance('2027-01-31', durand.id)).toBe(
      await closing411(orgId, '2027-01-31', 'Client Durand'),
    );
    expect(await balance('2026-12-31')).toBe(140000);
  });
});
