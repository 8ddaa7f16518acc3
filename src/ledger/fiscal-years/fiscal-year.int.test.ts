import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, DIALECTS, type TestStore } from '../../../test/support/test-db.ts';
import { entryInput } from '../entries/contract.ts';
import { createDraft, deleteDraft } from '../entries/draft.ts';
import { getEntry } from '../entries/entry-read.ts';
import { ledgerOrganisation, ledgerParty, postEntry, textbookSale } from '../test-helpers.ts';
import { closeFiscalYear } from './closing.ts';
import { findFiscalYear, listFiscalYears, openFiscalYear } from './fiscal-year.ts';

describe.each(DIALECTS)('fiscal years on %s', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore(dialect);
  });
  afterAll(async () => {
    await store?.drop();
  });

  it('opens the following year by default and refuses overlaps and years over 24 months', async () => {
    const { orgId } = await ledgerOrganisation(store.db, { years: [['2025-01-01', '2025-12-31']] });
    const next = await store.db.transaction().execute((trx) => openFiscalYear(trx, orgId, {}, null));
    expect([next.start_date, next.end_date]).toEqual(['2026-01-01', '2026-12-31']);
    await expect(
      store.db
        .transaction()
        .execute((trx) => openFiscalYear(trx, orgId, { start: '2026-06-01', end: '2027-05-31' }, null)),
    ).rejects.toMatchObject({ kind: 'conflict' });
    await expect(
      store.db
        .transaction()
        .execute((trx) => openFiscalYear(trx, orgId, { start: '2027-01-01', end: '2029-01-01' }, null)),
    ).rejects.toMatchObject({ kind: 'invalid' });
    // A long first year is lawful: 18 months before the first one.
    const long = await store.db
      .transaction()
      .execute((trx) => openFiscalYear(trx, orgId, { start: '2023-07-01', end: '2024-12-31' }, null));
    expect((await findFiscalYear(store.db, orgId, '2024')).id).toBe(long.id);
  });

  it('closes a year: opening entries carry classes 1–5 and the result, and the year is locked', async () => {
    const { orgId, years } = await ledgerOrganisation(store.db, { years: [['2025-01-01', '2025-12-31']] });
    const customer = await ledgerParty(store.db, orgId, 'Client Durand');
    const supplier = await ledgerParty(store.db, orgId, 'Papeterie Centrale', ['supplier']);
    const year = years[0]!;
    await postEntry(store.db, orgId, {
      journal: 'BQ',
      date: '2025-01-02',
      label: 'Apport en capital',
      lines: [
        { account: '512', debit: 1_000_000 },
        { account: '101', credit: 1_000_000 },
      ],
    });
    await postEntry(store.db, orgId, textbookSale('2025-03-01', customer.id));
    await postEntry(store.db, orgId, {
      journal: 'AC',
      date: '2025-03-05',
      label: 'Fournitures',
      lines: [
        { account: '6064', debit: 50000 },
        { account: '44566', debit: 10000 },
        { account: '401', partyId: supplier.id, credit: 60000, dueDate: '2025-04-05' },
      ],
    });
    const draft = await store.db.transaction().execute((trx) =>
      createDraft(
        trx,
        orgId,
        entryInput.parse({
          journal: 'OD',
          date: '2025-12-31',
          label: 'Oubli',
          lines: [{ account: '512', debit: 1 }],
        }),
        null,
      ),
    );
    await expect(
      store.db.transaction().execute((trx) => closeFiscalYear(trx, orgId, year.id, null)),
    ).rejects.toMatchObject({ kind: 'rule-broken', message: expect.stringMatching(/brouillon/) });
    await store.db.transaction().execute((trx) => deleteDraft(trx, orgId, draft.id, null));

    const closing = await store.db.transaction().execute((trx) => closeFiscalYear(trx, orgId, year.id, null));
    // Sale 1 000 − purchase 500 = profit of 500,00 €.
    expect(closing.result).toBe(50000);
    expect(closing.closed.status).toBe('closed');
    expect([closing.next.start, closing.next.end]).toEqual(['2026-01-01', '2026-12-31']);
    const opening = await getEntry(store.db, orgId, closing.openingEntryId!);
    expect(opening).toMatchObject({ journal: 'AN', date: '2026-01-01', number: 1, origin: 'opening' });
    expect(opening.totalDebit).toBe(opening.totalCredit);
    const carried = opening.lines
      .map((l) => [l.account, l.auxiliary, l.debit, l.credit])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(carried).toEqual([
      ['101', null, 0, 1_000_000],
      ['120', null, 0, 50000],
      ['401', 'FPAPETERIEC', 0, 60000],
      ['411', 'CCLIENTDURA', 120000, 0],
      ['44566', null, 10000, 0],
      ['44571', null, 0, 20000],
      ['512', null, 1_000_000, 0],
    ]);
    // The supplier's open item keeps its due date in the new year.
    expect(opening.lines.find((l) => l.account === '401')?.dueDate).toBe('2025-04-05');

    await expect(postEntry(store.db, orgId, textbookSale('2025-06-01'))).rejects.toMatchObject({
      kind: 'rule-broken',
      message: expect.stringMatching(/clôturé/),
    });
    await expect(
      store.db.transaction().execute((trx) => closeFiscalYear(trx, orgId, year.id, null)),
    ).rejects.toMatchObject({ kind: 'conflict' });
    expect((await listFiscalYears(store.db, orgId)).map((y) => y.status)).toEqual(['closed', 'open']);
  });

  it('closes years in order only, and a loss goes to 129', async () => {
    const { orgId, years } = await ledgerOrganisation(store.db, {
      years: [
        ['2024-01-01', '2024-12-31'],
        ['2025-01-01', '2025-12-31'],
      ],
    });
    await postEntry(store.db, orgId, {
      journal: 'BQ',
      date: '2025-02-01',
      label: 'Frais bancaires',
      lines: [
        { account: '627', debit: 1500 },
        { account: '512', credit: 1500 },
      ],
    });
    await expect(
      store.db.transaction().execute((trx) => closeFiscalYear(trx, orgId, years[1]!.id, null)),
    ).rejects.toMatchObject({ kind: 'rule-broken', message: expect.stringMatching(/dans l’ordre/) });
    const empty = await store.db
      .transaction()
      .execute((trx) => closeFiscalYear(trx, orgId, years[0]!.id, null));
    expect(empty).toMatchObject({ openingEntryId: null, result: 0 });
    const closing = await store.db
      .transaction()
      .execute((trx) => closeFiscalYear(trx, orgId, years[1]!.id, null));
    expect(closing.result).toBe(-1500);
    const opening = await getEntry(store.db, orgId, closing.openingEntryId!);
    expect(opening.lines.map((l) => [l.account, l.debit, l.credit])).toEqual([
      ['512', 0, 1500],
      ['129', 1500, 0],
    ]);
  });
});
