import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, DIALECTS, type TestStore } from '../../../test/support/test-db.ts';
import { reverse } from '../entries/entry.ts';
import { getEntry } from '../entries/entry-read.ts';
import { closeFiscalYear } from '../fiscal-years/closing.ts';
import { autoLetter, letter } from '../lettering/lettering.ts';
import { trialBalance } from '../reports/trial-balance.ts';
import { ledgerOrganisation, ledgerParty, postEntry, textbookSale } from '../test-helpers.ts';
import { exportFecText } from './fec-export.ts';
import { FEC_COLUMNS } from './fec-format.ts';
import { importFec } from './fec-io.ts';
import { encodeLatin9 } from './latin9.ts';

describe.each(DIALECTS)('FEC on %s', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore(dialect);
  });
  afterAll(async () => {
    await store?.drop();
  });

  /** Two years of a small company: sales, purchases, payments, letterings, a reversal, a closing. */
  async function bookkeeping() {
    const { orgId, years } = await ledgerOrganisation(store.db, { years: [['2025-01-01', '2025-12-31']] });
    const customer = await ledgerParty(store.db, orgId, 'Boulangerie Martin');
    const supplier = await ledgerParty(store.db, orgId, 'Papeterie Centrale', ['supplier']);
    await postEntry(store.db, orgId, {
      journal: 'BQ',
      date: '2025-01-02',
      label: 'Apport en capital',
      lines: [
        { account: '512', debit: 1_000_000 },
        { account: '101', credit: 1_000_000 },
      ],
    });
    await postEntry(store.db, orgId, textbookSale('2025-02-01', customer.id, 'FA-1'));
    await postEntry(store.db, orgId, textbookSale('2025-11-15', customer.id, 'FA-2'));
    await postEntry(store.db, orgId, {
      journal: 'AC',
      date: '2025-02-03',
      label: 'Fournitures d’œuvre',
      voucherRef: 'F-883',
      lines: [
        { account: '6064', debit: 50000 },
        { account: '44566', debit: 10000 },
        { account: '401', partyId: supplier.id, credit: 60000, dueDate: '2025-03-05' },
      ],
    });
    const pay = await postEntry(store.db, orgId, {
      journal: 'BQ',
      date: '2025-03-01',
      label: 'Règlement FA-1',
      voucherRef: 'FA-1',
      lines: [
        { account: '512', debit: 120000 },
        { account: '411', partyId: customer.id, credit: 120000 },
      ],
    });
    await store.db.transaction().execute((trx) => autoLetter(trx, orgId, { account: '411' }, null));
    await store.db.transaction().execute((trx) => reverse(trx, orgId, pay.id, '2025-03-02', null));
    await store.db.transaction().execute((trx) => closeFiscalYear(trx, orgId, years[0]!.id, null));
    await postEntry(store.db, orgId, textbookSale('2026-01-10', customer.id, 'FA-3'));
    const partPay = await postEntry(store.db, orgId, {
      journal: 'BQ',
      date: '2026-01-20',
      label: 'Acompte FA-3',
      lines: [
        { account: '512', debit: 50000 },
        { account: '411', partyId: customer.id, credit: 50000 },
      ],
    });
    const fa3 = (await getEntry(store.db, orgId, partPay.id)).lines.find((l) => l.account === '411')!;
    const invoice = await store.db
      .selectFrom('ledger_line')
      .innerJoin('ledger_entry', (j) =>
        j
          .onRef('ledger_entry.org_id', '=', 'ledger_line.org_id')
          .onRef('ledger_entry.id', '=', 'ledger_line.entry_id'),
      )
      .select('ledger_line.id')
      .where('ledger_line.org_id', '=', orgId)
      .where('ledger_entry.voucher_ref', '=', 'FA-3')
      .where('ledger_line.auxiliary_id', 'is not', null)
      .executeTakeFirstOrThrow();
    await store.db
      .transaction()
      .execute((trx) => letter(trx, orgId, { lineIds: [invoice.id, fa3.id], partial: true }, null));
    return { orgId };
  }

  it('exports a lawful FEC: header, 18 columns, AAAAMMJJ, decimal comma, lettering, file name', async () => {
    const { orgId } = await bookkeeping();
    const fec = await exportFecText(store.db, orgId, '2025');
    expect(fec.fileName).toBe('552100554FEC20251231.txt');
    const rows = fec.text.split('\r\n').filter(Boolean);
    expect(rows[0]!.split('\t')).toEqual([...FEC_COLUMNS]);
    expect(rows).toHaveLength(fec.lineCount + 1);
    for (const row of rows) expect(row.split('\t')).toHaveLength(18);
    const sale = rows.find((r) => r.includes('\tFA-1\t') && r.startsWith('VE'))!.split('\t');
    expect(sale.slice(0, 5)).toEqual(['VE', 'Ventes', '2', '20250201', '411']);
    expect(sale.slice(6, 8)).toEqual(['CBOULANGERI', 'Boulangerie Martin']);
    expect(sale.slice(11, 14)).toEqual(['1200,00', '0,00', 'A']);
    // Numbers follow the order of validation without gaps.
    const numbers = [...new Set(rows.slice(1).map((r) => Number(r.split('\t')[2])))];
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    const next = await exportFecText(store.db, orgId, '2026');
    // The opening entry of 2026 carries the partially lettered… nothing from 2025 except open items.
    expect(next.text).toMatch(/\tAN\t|^AN\t/m);
  });

  it('round trip: export → import into a new organisation → the same trial balance, the same file', async () => {
    const { orgId } = await bookkeeping();
    for (const year of ['2025', '2026']) {
      const exported = await exportFecText(store.db, orgId, year);
      const { orgId: targetId } = await ledgerOrganisation(store.db, { years: [] });
      const report = await importFec(store.db, targetId, encodeLatin9(exported.text), null);
      expect(report.rejected).toEqual([]);
      expect(report.lines).toBe(exported.lineCount);
      const range =
        year === '2025' ? { from: '2025-01-01', to: '2025-12-31' } : { from: '2026-01-01', to: '2026-12-31' };
      expect(await trialBalance(store.db, targetId, { ...range, auxiliary: false })).toEqual(
        await trialBalance(store.db, targetId, { ...range, auxiliary: false }, { fromLines: true }),
      );
      for (const auxiliary of [false, true])
        expect(await trialBalance(store.db, targetId, { ...range, auxiliary })).toEqual({
          ...(await trialBalance(store.db, orgId, { ...range, auxiliary })),
          fiscalYear: expect.anything(),
        });
      const again = await exportFecText(store.db, targetId, year);
      // Latin-9 turns ’ into ' on the way: compare what the file holds.
      expect(encodeLatin9(again.text).equals(encodeLatin9(exported.text))).toBe(true);
    }
  });

  it('refuses to export a year that breaks a rule, listing what is wrong', async () => {
    const { orgId, years } = await ledgerOrganisation(store.db);
    const a = await postEntry(store.db, orgId, textbookSale('2026-02-01'));
    await postEntry(store.db, orgId, textbookSale('2026-02-02'));
    await postEntry(store.db, orgId, textbookSale('2026-02-03'));
    const second = (await getEntry(store.db, orgId, a.id)).lines[0]!;
    // Simulate damage no function of the ledger can do: a line slipped in, an entry removed.
    await sql`insert into ledger_line (org_id, id, entry_id, position, fiscal_year_id, journal_id, entry_date,
      account_id, auxiliary_id, label, debit, credit, due_date)
      select org_id, ${'x'}, entry_id, 99, fiscal_year_id, journal_id, entry_date, account_id, auxiliary_id, label,
      1, 0, due_date from ledger_line where org_id = ${orgId} and id = ${second.id}`.execute(store.db);
    const middle = await store.db
      .selectFrom('ledger_entry')
      .select('id')
      .where('org_id', '=', orgId)
      .where('number', '=', 2)
      .executeTakeFirstOrThrow();
    await store.db
      .deleteFrom('ledger_line')
      .where('org_id', '=', orgId)
      .where('entry_id', '=', middle.id)
      .execute();
    await store.db
      .deleteFrom('ledger_entry')
      .where('org_id', '=', orgId)
      .where('id', '=', middle.id)
      .execute();
    const refusal = await exportFecText(store.db, orgId, years[0]!.id).catch((e) => e);
    expect(refusal).toMatchObject({ kind: 'rule-broken' });
    expect(refusal.issues).toEqual([
      { field: 'écriture 1', message: expect.stringMatching(/déséquilibrée/) },
      { field: 'écriture 3', message: 'Rupture de numérotation : n° 2 manquant.' },
    ]);
  });

  it('refuses a year where a validated entry lost its lines', async () => {
    const { orgId, years } = await ledgerOrganisation(store.db);
    await postEntry(store.db, orgId, textbookSale('2026-03-01'));
    const emptied = await postEntry(store.db, orgId, textbookSale('2026-03-02'));
    await store.db
      .deleteFrom('ledger_line')
      .where('org_id', '=', orgId)
      .where('entry_id', '=', emptied.id)
      .execute();
    const refusal = await exportFecText(store.db, orgId, years[0]!.id).catch((e) => e);
    expect(refusal).toMatchObject({ kind: 'rule-broken' });
    expect(refusal.issues).toEqual([{ field: 'écriture 2', message: 'Écriture validée sans ligne.' }]);
  });

  it('imports a file from another software, rejecting each bad line with its reason', async () => {
    const { orgId: targetId } = await ledgerOrganisation(store.db, { years: [] });
    const header = FEC_COLUMNS.join('|');
    const line = (fields: string[]) => fields.join('|');
    const text = [
      header,
      line([
        'VT',
        'Ventes',
        'V1',
        '20250105',
        '411000',
        'Clients',
        'DUPONT',
        'Dupont SA',
        'F1',
        '20250105',
        'Facture F1',
        '1200,00',
        '',
        'AA',
        '20250110',
        '20250106',
        '',
        '',
      ]),
      line([
        'VT',
        'Ventes',
        'V1',
        '20250105',
        '706000',
        'Prestations',
        '',
        '',
        'F1',
        '20250105',
        'Facture F1',
        '',
        '1000,00',
        '',
        '',
        '20250106',
        '',
        '',
      ]),
      line([
        'VT',
        'Ventes',
        'V1',
        '20250105',
        '445710',
        'TVA collectée',
        '',
        '',
        'F1',
        '20250105',
        'Facture F1',
        '',
        '200,00',
        '',
        '',
        '20250106',
        '',
        '',
      ]),
      line([
        'BQ',
        'Banque',
        'B1',
        '20250110',
        '512000',
        'Banque',
        '',
        '',
        'R1',
        '20250110',
        'Règlement F1',
        '1200,00',
        '',
        '',
        '',
        '20250110',
        '',
        '',
      ]),
      line([
        'BQ',
        'Banque',
        'B1',
        '20250110',
        '411000',
        'Clients',
        'DUPONT',
        'Dupont SA',
        'R1',
        '20250110',
        'Règlement F1',
        '',
        '1200,00',
        'AA',
        '20250110',
        '20250110',
        '',
        '',
      ]),
      line([
        'BQ',
        'Banque',
        'B2',
        '20250111',
        '512000',
        'Banque',
        '',
        '',
        'R2',
        '20250111',
        'Frais',
        '1 000,00',
        '',
        '',
        '',
        '20250111',
        '',
        '',
      ]),
      line([
        'BQ',
        'Banque',
        'B2',
        '20250111',
        '627000',
        'Frais',
        '',
        '',
        'R2',
        '20250111',
        'Frais',
        '',
        '10,00',
        '',
        '',
        '20250111',
        '',
        '',
      ]),
      line([
        'OD',
        'Divers',
        'O1',
        '20251301',
        '471000',
        'Attente',
        '',
        '',
        'X',
        '20250101',
        'Date fausse',
        '5,00',
        '',
        '',
        '',
        '20250101',
        '',
        '',
      ]),
      line([
        'OD',
        'Divers',
        'O1',
        '20250101',
        '471000',
        'Attente',
        '',
        '',
        'X',
        '20250101',
        'Date fausse',
        '',
        '5,00',
        '',
        '',
        '20250101',
        '',
        '',
      ]),
      line([
        'OD',
        'Divers',
        'O2',
        '20250102',
        '471000',
        'Attente',
        '',
        '',
        'X',
        '20250102',
        'Déséquilibre',
        '5,00',
        '',
        '',
        '',
        '20250102',
        '',
        '',
      ]),
      line([
        'OD',
        'Divers',
        'O2',
        '20250102',
        'ABC',
        'Attente',
        '',
        '',
        'X',
        '20250102',
        'Déséquilibre',
        '',
        '4,00',
        '',
        '',
        '20250102',
        '',
        '',
      ]),
      line(['OD', 'Divers', 'O3', '20250103', '471000', 'Attente', '', '', 'X', '20250103', 'Trop court']),
      '',
    ].join('\n');
    const report = await importFec(store.db, targetId, text, null);
    expect(report).toMatchObject({
      entries: 2,
      lines: 5,
      journalsCreated: 1,
      fiscalYearsCreated: 1,
      letterings: 1,
    });
    expect(report.rejected.map((r) => r.line)).toEqual([7, 8, 9, 10, 11, 12, 13]);
    expect(report.rejected.find((r) => r.line === 7)?.reason).toMatch(/Montant illisible/);
    expect(report.rejected.find((r) => r.line === 8)?.reason).toMatch(/B2 rejetée : ligne\(s\) 7/);
    expect(report.rejected.find((r) => r.line === 9)?.reason).toMatch(/EcritureDate invalide/);
    expect(report.rejected.find((r) => r.line === 12)?.reason).toMatch(/CompteNum invalide/);
    expect(report.rejected.find((r) => r.line === 13)?.reason).toMatch(/champs au lieu de 18/);
    const tb = await trialBalance(store.db, targetId, {
      from: '2025-01-01',
      to: '2025-12-31',
      auxiliary: true,
    });
    expect(tb.rows.map((r) => [r.account, r.auxiliary, r.closingDebit, r.closingCredit])).toEqual([
      ['411000', 'DUPONT', 0, 0],
      ['445710', null, 0, 20000],
      ['512000', null, 120000, 0],
      ['706000', null, 0, 100000],
    ]);
    const fec = await exportFecText(store.db, targetId, '2025');
    expect(fec.text).toMatch(/\tAA\t20250110\t/);
  });
});
