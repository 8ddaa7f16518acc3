import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, DIALECTS, type TestStore } from '../../../test/support/test-db.ts';
import { getEntry } from '../entries/entry-read.ts';
import { closeFiscalYear } from '../fiscal-years/closing.ts';
import { ledgerOrganisation, ledgerParty, postEntry, textbookSale } from '../test-helpers.ts';
import { autoLetter, letter, letteringCandidates, unletter } from './lettering.ts';

function payment(date: string, partyId: string, amount: number, ref: string) {
  return {
    journal: 'BQ',
    date,
    label: `Règlement ${ref}`,
    voucherRef: ref,
    lines: [
      { account: '512', debit: amount },
      { account: '411', partyId, credit: amount },
    ],
  };
}

describe.each(DIALECTS)('lettering on %s', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore(dialect);
  });
  afterAll(async () => {
    await store?.drop();
  });

  async function setup(years?: [string, string][]) {
    const { orgId, years: opened } = await ledgerOrganisation(store.db, { years });
    const customer = await ledgerParty(store.db, orgId, 'Client Durand');
    return { orgId, customer, years: opened };
  }

  const customerLine = async (orgId: string, entryId: string) =>
    (await getEntry(store.db, orgId, entryId)).lines.find((l) => l.account === '411')!;

  it('letters a balanced set in upper case, a partial one in lower case, and completes it under the same code', async () => {
    const { orgId, customer } = await setup();
    const sale = await postEntry(store.db, orgId, textbookSale('2026-02-01', customer.id, 'FA-1'));
    const partPay = await postEntry(store.db, orgId, payment('2026-02-10', customer.id, 100000, 'VIR-1'));
    const invoiceLine = await customerLine(orgId, sale.id);
    const payLine = await customerLine(orgId, partPay.id);
    const tx = store.db.transaction();
    await expect(
      tx.execute((trx) =>
        letter(trx, orgId, { lineIds: [invoiceLine.id, payLine.id], partial: false }, null),
      ),
    ).rejects.toMatchObject({ kind: 'rule-broken', message: expect.stringMatching(/ne s’équilibrent pas/) });
    const partial = await store.db
      .transaction()
      .execute((trx) => letter(trx, orgId, { lineIds: [invoiceLine.id, payLine.id], partial: true }, null));
    expect(partial).toMatchObject({ code: 'a', complete: false, totalDebit: 120000, totalCredit: 100000 });
    expect((await customerLine(orgId, sale.id)).lettering).toBe('a');
    const rest = await postEntry(store.db, orgId, payment('2026-02-20', customer.id, 20000, 'VIR-2'));
    const restLine = await customerLine(orgId, rest.id);
    const complete = await store.db
      .transaction()
      .execute((trx) => letter(trx, orgId, { lineIds: [restLine.id, invoiceLine.id], partial: false }, null));
    expect(complete).toMatchObject({ code: 'A', complete: true, totalDebit: 120000, totalCredit: 120000 });
    expect(complete.lineIds).toHaveLength(3);
    expect(await letteringCandidates(store.db, orgId, { account: '411', state: 'open' })).toEqual([]);
    await expect(
      store.db
        .transaction()
        .execute((trx) =>
          letter(trx, orgId, { lineIds: [invoiceLine.id, restLine.id], partial: true }, null),
        ),
    ).rejects.toMatchObject({ kind: 'conflict' });
    await store.db.transaction().execute((trx) => unletter(trx, orgId, complete.id, null));
    expect(await letteringCandidates(store.db, orgId, { account: '411', state: 'open' })).toHaveLength(3);
  });

  it('refuses lines of different accounts', async () => {
    const { orgId, customer } = await setup();
    const sale = await postEntry(store.db, orgId, textbookSale('2026-02-01', customer.id));
    const [a, b] = sale.lines;
    await expect(
      store.db
        .transaction()
        .execute((trx) => letter(trx, orgId, { lineIds: [a!.id, b!.id], partial: true }, null)),
    ).rejects.toMatchObject({ kind: 'invalid' });
  });

  it('letters automatically by reference, then by amount', async () => {
    const { orgId, customer } = await setup();
    const other = await ledgerParty(store.db, orgId, 'Client Martin');
    await postEntry(store.db, orgId, textbookSale('2026-03-01', customer.id, 'FA-10'));
    await postEntry(store.db, orgId, payment('2026-03-15', customer.id, 60000, 'FA-10'));
    await postEntry(store.db, orgId, payment('2026-03-16', customer.id, 60000, 'FA 10'));
    await postEntry(store.db, orgId, textbookSale('2026-03-02', other.id, 'FA-11'));
    await postEntry(store.db, orgId, payment('2026-03-20', other.id, 120000, 'VIR-77'));
    // Same amount as FA-11 but another customer: must stay open.
    await postEntry(store.db, orgId, payment('2026-03-21', customer.id, 120000, 'VIR-78'));
    const made = await store.db
      .transaction()
      .execute((trx) => autoLetter(trx, orgId, { account: '411' }, null));
    expect(made.map((m) => [m.auxiliary, m.code, m.lineIds.length])).toEqual([
      ['CCLIENTDURA', 'A', 3],
      ['CCLIENTMART', 'B', 2],
    ]);
    const open = await letteringCandidates(store.db, orgId, { account: '411', state: 'open' });
    expect(open.map((l) => [l.auxiliary, l.credit])).toEqual([['CCLIENTDURA', 120000]]);
  });

  it('carries open items and their letterings into the next year, and freezes the closed year', async () => {
    const { orgId, customer, years } = await setup([['2025-01-01', '2025-12-31']]);
    const sale = await postEntry(store.db, orgId, textbookSale('2025-12-01', customer.id, 'FA-20'));
    const settled = await postEntry(store.db, orgId, textbookSale('2025-11-01', customer.id, 'FA-19'));
    const settledPay = await postEntry(store.db, orgId, payment('2025-11-20', customer.id, 120000, 'FA-19'));
    const partPay = await postEntry(store.db, orgId, payment('2025-12-20', customer.id, 50000, 'VIR'));
    // Line ids are read before each transaction: on SQLite a read outside it would wait for it.
    const settledIds = [
      (await customerLine(orgId, settled.id)).id,
      (await customerLine(orgId, settledPay.id)).id,
    ];
    const full = await store.db
      .transaction()
      .execute((trx) => letter(trx, orgId, { lineIds: settledIds, partial: false }, null));
    const partialIds = [(await customerLine(orgId, sale.id)).id, (await customerLine(orgId, partPay.id)).id];
    const partial = await store.db
      .transaction()
      .execute((trx) => letter(trx, orgId, { lineIds: partialIds, partial: true }, null));
    const closing = await store.db
      .transaction()
      .execute((trx) => closeFiscalYear(trx, orgId, years[0]!.id, null));
    const opening = await getEntry(store.db, orgId, closing.openingEntryId!);
    const carried = opening.lines.filter((l) => l.account === '411');
    // The settled pair stays behind; the partially paid invoice and its payment come along, still lettered.
    expect(carried.map((l) => [l.debit, l.credit, l.lettering])).toEqual([
      [120000, 0, partial.code],
      [0, 50000, partial.code],
    ]);
    expect((await customerLine(orgId, sale.id)).lettering).toBeNull();
    expect((await customerLine(orgId, settled.id)).lettering).toBe(full.code);
    await expect(
      store.db.transaction().execute((trx) => unletter(trx, orgId, full.id, null)),
    ).rejects.toMatchObject({ kind: 'rule-broken' });
    // In the new year the rest is paid and the lettering completed.
    const rest = await postEntry(store.db, orgId, payment('2026-01-15', customer.id, 70000, 'VIR'));
    const restId = (await customerLine(orgId, rest.id)).id;
    const completed = await store.db
      .transaction()
      .execute((trx) => letter(trx, orgId, { lineIds: [carried[0]!.id, restId], partial: false }, null));
    expect(completed).toMatchObject({ complete: true, code: partial.code.toUpperCase() });
  });
});
