import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/kernel/audit/audit.ts';
import type { Db } from '../../src/kernel/db/index.ts';
import { type EntryLineInput, getEntry, post, renderReport, reverse } from '../../src/ledger/index.ts';
import {
  autoMatchAccount,
  getStatement,
  getWorkspace,
  importQuery,
  importStatementFile,
  listStatements,
  matchManually,
  postBankLine,
  postLineInput,
  reconciliationAt,
  reconciliationTable,
  unmatch,
} from '../../src/production/index.ts';
import { invoiceSettingsInput, saveInvoiceSettings } from '../../src/relations/index.ts';
import { salesOrganisation } from '../../src/relations/test-helpers.ts';
import { BANK_SAMPLES, BANK_SAMPLES_PRESENT } from '../support/bank/samples.ts';
import { buildParty } from '../support/factories.ts';
import { pdfText } from '../support/pdf-text.ts';
import { createTestStore, DIALECTS, type TestStore } from '../support/test-db.ts';

// The statement of test/support/bank/releve-2026-03.camt053.xml (valid against the ISO camt.053.001.02
// schema), against books kept by hand. Figures worked out by hand:
//   bank:  5 000,00 + 1 200,00 − 480,00 − 95,40 − 18,00 = 5 606,60 (closing balance in the file)
//   books: 5 000,00 + 1 200,00 − 480,00 − 150,00 (cheque not cashed) − 480,00 (payment of 20 March) = 5 090,00
//   after « Comptabiliser » of the 18,00 fee (627 + 20 % VAT: 18 × 20/120 = 3,00, net 15,00): 5 072,00
//   état at 31/03: bank 5 606,60 − 150,00 − 480,00 = 4 976,60; books 5 072,00 − 95,40 = 4 976,60; 0 left.

const FIXTURE = readFileSync(new URL('../support/bank/releve-2026-03.camt053.xml', import.meta.url));
const SAMPLES = BANK_SAMPLES;
const IBAN = 'FR7630006000011234567890189';

describe.each(DIALECTS)('bank statements and reconciliation on %s', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore(dialect);
  });
  afterAll(async () => {
    await store?.drop();
  });

  const tx = <T>(fn: (trx: Db) => Promise<T>) => store.db.transaction().execute(fn);
  const importFile = (orgId: string, bytes: Uint8Array, query: Record<string, unknown> = {}) =>
    tx((trx) => importStatementFile(trx, orgId, bytes, importQuery.parse(query), null));
  const entry = (orgId: string, date: string, label: string, lines: EntryLineInput[], journal = 'BQ') =>
    tx((trx) => post(trx, orgId, { journal, date, label, voucherRef: null, voucherDate: null, lines }, null));
  const l = (
    account: string,
    debit: number,
    credit: number,
    partyId: string | null = null,
  ): EntryLineInput => ({
    account,
    partyId,
    label: null,
    debit,
    credit,
    dueDate: null,
  });
  const counts = async (orgId: string) => {
    const n = async (
      table:
        | 'production_bank_statement'
        | 'production_bank_line'
        | 'production_bank_match'
        | 'production_bank_account'
        | 'ledger_entry',
    ) => (await store.db.selectFrom(table).select('org_id').where('org_id', '=', orgId).execute()).length;
    return {
      accounts: await n('production_bank_account'),
      statements: await n('production_bank_statement'),
      lines: await n('production_bank_line'),
      matches: await n('production_bank_match'),
      entries: await n('ledger_entry'),
    };
  };

  /** An organisation with the books of the worked example. */
  async function booksOrganisation() {
    const org = await salesOrganisation(store.db);
    const customer = await buildParty(store.db, org.id, { name: 'Dupont SARL', roles: ['customer'] });
    const supplier = await buildParty(store.db, org.id, { name: 'Grossiste Rhône', roles: ['supplier'] });
    await entry(org.id, '2026-01-02', 'Apport en capital', [l('512', 500000, 0), l('101', 0, 500000)], 'OD');
    const receipt = await entry(org.id, '2026-03-02', 'Encaissement Dupont FA-2026-0012', [
      l('512', 120000, 0),
      l('411', 0, 120000, customer.id),
    ]);
    const payment = await entry(org.id, '2026-03-05', 'Règlement Grossiste Rhône ACH-2026-0003', [
      l('401', 48000, 0, supplier.id),
      l('512', 0, 48000),
    ]);
    const cheque = await entry(org.id, '2026-03-28', 'Chèque n° 1234567 Papeterie', [
      l('6064', 15000, 0),
      l('512', 0, 15000),
    ]);
    // Same amount as the supplier payment but 14 days from the bank line: outside the ±5-day window.
    const late = await entry(org.id, '2026-03-20', 'Règlement Grossiste Rhône ACH-2026-0007', [
      l('401', 48000, 0, supplier.id),
      l('512', 0, 48000),
    ]);
    const bankLine = (e: { lines: { id: string; account: string }[] }) =>
      e.lines.find((x) => x.account === '512')!.id;
    return {
      org,
      supplier,
      receipt: bankLine(receipt),
      payment: bankLine(payment),
      cheque: bankLine(cheque),
      late: bankLine(late),
    };
  }

  it('imports the statement, matches, posts the fee and reconciles to zero, PDF included', async () => {
    const books = await booksOrganisation();
    const orgId = books.org.id;

    const report = await importFile(orgId, FIXTURE, { fileName: 'releve-mars.xml' });
    expect(report.newAccount).toBe(true);
    expect(report.account).toMatchObject({ account: IBAN, iban: IBAN, ledgerAccount: '512' });
    expect(report.statements).toEqual([
      expect.objectContaining({
        alreadyImported: false,
        imported: 4,
        duplicates: [],
        balanceGap: 0,
        warnings: [],
      }),
    ]);
    const list = await listStatements(store.db, orgId);
    expect(list.statements).toHaveLength(1);
    expect(list.statements[0]).toMatchObject({
      fromDate: '2026-03-01',
      toDate: '2026-03-31',
      openingBalance: 500000,
      closingBalance: 560660,
      lineCount: 4,
      matchedCount: 0,
      fileName: 'releve-mars.xml',
    });
    const statement = await getStatement(store.db, orgId, list.statements[0]!.id);
    expect(statement.lines.map((x) => [x.bookingDate, x.amount, x.transactionCode])).toEqual([
      ['2026-03-04', 120000, 'PMNT/RCDT/ESCT'],
      ['2026-03-06', -48000, 'PMNT/ICDT/ESCT'],
      ['2026-03-15', -9540, 'PMNT/RDDT/ESDD'],
      ['2026-03-31', -1800, 'ACMT/MDOP/CHRG'],
    ]);
    const [receiptLine, paymentLine, edfLine, feeLine] = statement.lines;
    expect(feeLine!.suggestion).toEqual({ account: '627', vatRate: 0 });
    expect(edfLine!.suggestion.account).toBe('401');

    // The same file again: nothing new, and said so.
    const again = await importFile(orgId, FIXTURE);
    expect(again.statements[0]).toMatchObject({ alreadyImported: true, imported: 0 });
    // Another statement repeating the lines (one under a new bank reference): all four are duplicates.
    const repeated = new TextDecoder()
      .decode(FIXTURE)
      .replace('<Id>2026-03-FR', '<Id>2026-03bis-FR')
      .replace('20260331-000404', '20260331-999999');
    const dup = await importFile(orgId, new TextEncoder().encode(repeated));
    expect(dup.statements[0]).toMatchObject({ alreadyImported: false, imported: 0 });
    expect(dup.statements[0]!.duplicates.map((d) => d.amount)).toEqual([120000, -48000, -9540, -1800]);
    expect((await counts(orgId)).lines).toBe(4);

    // Automatic matching: the receipt and the first supplier payment; the 20 March payment is too far.
    const auto = await tx((trx) => autoMatchAccount(trx, orgId, { windowDays: 5 }, null));
    expect(auto.pairs.sort((a, b) => a.ledgerLineId.localeCompare(b.ledgerLineId))).toEqual(
      [
        { bankLineId: receiptLine!.id, ledgerLineId: books.receipt },
        { bankLineId: paymentLine!.id, ledgerLineId: books.payment },
      ].sort((a, b) => a.ledgerLineId.localeCompare(b.ledgerLineId)),
    );
    expect((await tx((trx) => autoMatchAccount(trx, orgId, { windowDays: 5 }, null))).matched).toBe(0);

    // Manual matching: the total must equal the bank line; a line is matched once.
    await expect(
      tx((trx) =>
        matchManually(trx, orgId, { bankLineId: edfLine!.id, ledgerLineIds: [books.cheque] }, null),
      ),
    ).rejects.toMatchObject({ kind: 'rule-broken', message: expect.stringContaining('le même montant') });
    await expect(
      tx((trx) =>
        matchManually(trx, orgId, { bankLineId: edfLine!.id, ledgerLineIds: [books.receipt] }, null),
      ),
    ).rejects.toMatchObject({ kind: 'conflict' });
    const manual = await tx((trx) =>
      matchManually(trx, orgId, { bankLineId: paymentLine!.id, ledgerLineIds: [books.late] }, null),
    ).catch((e: Error) => e);
    expect(manual).toMatchObject({ kind: 'conflict', message: expect.stringContaining('déjà rapprochée') });
    // Undo the automatic match of the payment, match it by hand with the 20 March line instead, and back.
    await tx((trx) => unmatch(trx, orgId, paymentLine!.id, null));
    const byHand = await tx((trx) =>
      matchManually(trx, orgId, { bankLineId: paymentLine!.id, ledgerLineIds: [books.late] }, null),
    );
    expect(byHand.matches).toEqual([{ ledgerLineId: books.late, kind: 'manual' }]);
    await tx((trx) => unmatch(trx, orgId, paymentLine!.id, null));
    await tx((trx) =>
      matchManually(trx, orgId, { bankLineId: paymentLine!.id, ledgerLineIds: [books.payment] }, null),
    );

    // « Comptabiliser » the fee: 627 and 20 % VAT included in 18,00 → 15,00 + 3,00, journal BQ, matched.
    await expect(
      tx((trx) => postBankLine(trx, orgId, feeLine!.id, postLineInput.parse({ account: '401' }), null)),
    ).rejects.toMatchObject({ kind: 'invalid', message: expect.stringContaining('tiers') });
    const before = await counts(orgId);
    const posted = await tx((trx) =>
      postBankLine(trx, orgId, feeLine!.id, postLineInput.parse({ account: '627', vatRate: 2000 }), null),
    );
    const fee = await getEntry(store.db, orgId, posted.entryId);
    expect(fee).toMatchObject({
      journal: 'BQ',
      date: '2026-03-31',
      label: 'FRAIS TENUE DE COMPTE MARS 2026',
    });
    expect(fee.lines.map((x) => [x.account, x.debit, x.credit])).toEqual([
      ['512', 0, 1800],
      ['627', 1500, 0],
      ['44566', 300, 0],
    ]);
    expect(posted.line.matches).toEqual([{ ledgerLineId: fee.lines[0]!.id, kind: 'posted' }]);
    expect(await counts(orgId)).toMatchObject({ entries: before.entries + 1, matches: before.matches + 1 });
    await expect(
      tx((trx) => postBankLine(trx, orgId, feeLine!.id, postLineInput.parse({ account: '627' }), null)),
    ).rejects.toMatchObject({ kind: 'conflict' });

    // The état at 31 March: everything explained.
    const etat = await reconciliationAt(store.db, orgId, { date: '2026-03-31' }, '2026-04-15');
    expect(etat).toMatchObject({
      bankBalance: 560660,
      bookBalance: 507200,
      openingGap: 0,
      adjustedBank: 497660,
      adjustedBook: 497660,
      unexplained: 0,
    });
    expect(etat.bankOnly.map((i) => [i.date, i.amount])).toEqual([['2026-03-15', -9540]]);
    expect(etat.bookOnly.map((i) => [i.date, i.amount])).toEqual([
      ['2026-03-20', -48000],
      ['2026-03-28', -15000],
    ]);
    const pdf = await renderReport(reconciliationTable(etat), 'pdf', books.org.name);
    const text = pdfText(pdf.body as Uint8Array);
    expect(text).toContain('État de rapprochement bancaire au 31/03/2026');
    expect(text).toMatch(/Solde du relevé .* 5 606,60/);
    expect(text).toMatch(/Solde bancaire rapproché 4 976,60/);
    expect(text).toMatch(/Solde comptable rapproché 4 976,60/);
    expect(text).toMatch(/PRLV SEPA EDF CONTRAT 4000123 -95,40/);
    expect(text).toContain('Écart inexpliqué : aucun');

    // Undoing the posted match reverses the fee's entry: the fee is open again, the état still adds up.
    await tx((trx) => unmatch(trx, orgId, feeLine!.id, null));
    const reversed = await getEntry(store.db, orgId, posted.entryId);
    expect(reversed.reversedBy).not.toBeNull();
    const after = await reconciliationAt(store.db, orgId, { date: '2026-03-31' }, '2026-04-15');
    expect(after.unexplained).toBe(0);
    expect(after.bankOnly.map((i) => i.amount)).toEqual([-9540, -1800]);
    const workspace = await getWorkspace(store.db, orgId);
    expect(workspace.bankLines.slice(0, 2).map((x) => x.matches.length)).toEqual([0, 0]);
    expect(workspace.ledgerLines.filter((x) => x.bankLineId === null).map((x) => x.amount)).toEqual([
      -15000, -48000,
    ]);

    expect(await verifyAuditChain(store.db, orgId)).toMatchObject({ ok: true });
  });

  it('imports an OFX 1.x statement in euros; a cheque written before it and cashed in it is matched', async () => {
    // OFX gives no opening balance: 4 852,35 − (−150,00 + 2,35) = 5 000,00, derived. The cheque of 28/03,
    // before the statement (from 01/04), is cashed on 02/04: matched, and the opening then agrees with
    // the books (5 000,00 of capital), so the état has no opening gap.
    const org = await salesOrganisation(store.db);
    await entry(org.id, '2026-01-02', 'Apport en capital', [l('512', 500000, 0), l('101', 0, 500000)], 'OD');
    const cheque = await entry(org.id, '2026-03-28', 'Chèque n° 1234567 Papeterie', [
      l('6064', 15000, 0),
      l('512', 0, 15000),
    ]);
    const ofx = [
      'OFXHEADER:100',
      'DATA:OFXSGML',
      'VERSION:102',
      'CHARSET:1252',
      '',
      '<OFX><BANKMSGSRSV1><STMTTRNRS><TRNUID>1<STMTRS><CURDEF>EUR',
      '<BANKACCTFROM><BANKID>30004<BRANCHID>00828<ACCTID>00012345678<ACCTTYPE>CHECKING</BANKACCTFROM>',
      '<BANKTRANLIST><DTSTART>20260401<DTEND>20260405',
      '<STMTTRN><TRNTYPE>CHECK<DTPOSTED>20260402<TRNAMT>-150.00<FITID>A1<CHECKNUM>1234567<NAME>CHEQUE 1234567</STMTTRN>',
      '<STMTTRN><TRNTYPE>INT<DTPOSTED>20260403<TRNAMT>2.35<FITID>A2<NAME>INTERETS CREDITEURS</STMTTRN>',
      '</BANKTRANLIST><LEDGERBAL><BALAMT>4852.35<DTASOF>20260405</LEDGERBAL></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>',
    ].join('\r\n');
    const report = await importFile(org.id, new TextEncoder().encode(ofx));
    expect(report.account).toMatchObject({
      account: '30004 00828 00012345678',
      iban: null,
      ledgerAccount: '512',
    });
    expect(report.statements[0]!.warnings).toEqual([
      expect.stringContaining('ne donne pas de solde d’ouverture'),
    ]);
    const [stored] = (await listStatements(store.db, org.id)).statements;
    expect(stored).toMatchObject({
      format: 'ofx',
      openingBalance: 500000,
      openingDerived: true,
      balanceGap: 0,
    });
    const lines = (await getStatement(store.db, org.id, stored!.id)).lines;
    expect(lines.map((x) => [x.amount, x.endToEndRef, x.suggestion.account])).toEqual([
      [-15000, '1234567', '401'],
      [235, null, '768'],
    ]);
    const before = await reconciliationAt(store.db, org.id, {}, '2026-04-30');
    expect(before).toMatchObject({ date: '2026-04-05', openingGap: -15000, unexplained: 0 });
    const auto = await tx((trx) => autoMatchAccount(trx, org.id, { windowDays: 5 }, null));
    expect(auto.pairs).toEqual([
      { bankLineId: lines[0]!.id, ledgerLineId: cheque.lines.find((x) => x.account === '512')!.id },
    ]);
    const after = await reconciliationAt(store.db, org.id, {}, '2026-04-30');
    expect(after).toMatchObject({ bankBalance: 485235, bookBalance: 485000, openingGap: 0, unexplained: 0 });
    expect(after.bankOnly.map((i) => [i.label, i.amount])).toEqual([['INTERETS CREDITEURS', 235]]);
    expect(after.bookOnly).toEqual([]);
  });

  it.runIf(BANK_SAMPLES_PRESENT)(
    'imports the OCA statement that does not reconcile, with its gap as a warning',
    async () => {
      const org = await salesOrganisation(store.db);
      const report = await importFile(
        org.id,
        readFileSync(`${SAMPLES}/camt053/samples/oca-test-camt053.xml`),
      );
      const s = report.statements[0]!;
      // 15 568,27 − 754,25 − 664,05 + 1 405,31 = 15 555,28; the file says 15 121,12: 434,16 unexplained.
      expect(s.balanceGap).toBe(43416);
      expect(s.warnings[0]).toContain('ne boucle pas');
      expect(s.warnings[0]).toContain('434,16');
      const [stored] = (await listStatements(store.db, org.id)).statements;
      expect(stored!.balanceGap).toBe(43416);
      const lines = (await getStatement(store.db, org.id, stored!.id)).lines;
      expect(lines.map((x) => x.reversal)).toEqual([false, true, false]);
    },
  );

  it.runIf(BANK_SAMPLES_PRESENT)(
    'refuses bad files, foreign currencies and unknown accounts, writing nothing',
    async () => {
      const books = await booksOrganisation();
      const orgId = books.org.id;
      const before = await counts(orgId);
      const refusals: [Uint8Array, Record<string, unknown>, string, RegExp][] = [
        [
          readFileSync(`${SAMPLES}/camt053/samples/genkgo-camt053.v2.wrong.xml`),
          {},
          'invalid',
          /aucun relevé \(Stmt\)/,
        ],
        [
          readFileSync(`${SAMPLES}/ofx/ofxparse-checking.ofx`),
          {},
          'invalid',
          /est en USD ; seuls les relevés en euros/,
        ],
        [
          readFileSync(`${SAMPLES}/camt053/samples/genkgo-camt053.v2.minimal.xml`),
          {},
          'invalid',
          /est en SEK/,
        ],
        [
          new TextEncoder().encode('<Document><oops></Document>'),
          {},
          'invalid',
          /Format de relevé non reconnu/,
        ],
        [FIXTURE.subarray(0, 900), {}, 'invalid', /mal formé/],
      ];
      for (const [bytes, query, kind, message] of refusals)
        await expect(importFile(orgId, bytes, query)).rejects.toMatchObject({
          kind,
          message: expect.stringMatching(message),
        });
      expect(await counts(orgId)).toEqual(before);

      await importFile(orgId, FIXTURE);
      // A second account: which 512x of the books? Asked, then checked against the chart.
      const other = readFileSync(`${SAMPLES}/camt053/samples/genkgo-camt053.v2.multi.statement.xml`);
      const middle = await counts(orgId);
      await expect(importFile(orgId, other)).rejects.toMatchObject({
        kind: 'rule-broken',
        code: 'bank-account-unknown',
        message: expect.stringContaining('NL26 VAYB 8060 4768 90'),
      });
      await expect(importFile(orgId, other, { ledgerAccount: '512' })).rejects.toMatchObject({
        kind: 'conflict',
      });
      await expect(importFile(orgId, other, { ledgerAccount: '5129' })).rejects.toMatchObject({
        kind: 'invalid',
        message: expect.stringContaining('n’existe pas dans le plan comptable'),
      });
      expect(await counts(orgId)).toEqual(middle);
    },
  );

  it('asks which account when the first file is not of the IBAN the invoices print', async () => {
    const org = await salesOrganisation(store.db);
    await tx((trx) =>
      saveInvoiceSettings(
        trx,
        org.id,
        invoiceSettingsInput.parse({ paymentTermsDays: 30, iban: 'FR1420041010050500013M02606' }),
        null,
      ),
    );
    await expect(importFile(org.id, FIXTURE)).rejects.toMatchObject({
      kind: 'rule-broken',
      issues: [{ field: 'ledgerAccount', message: expect.any(String) }],
      message: expect.stringContaining('FR14 2004 1010 0505 0001 3M02 606'),
    });
    expect((await counts(org.id)).accounts).toBe(0);
    const confirmed = await importFile(org.id, FIXTURE, { ledgerAccount: '512' });
    expect(confirmed).toMatchObject({ newAccount: true, account: { ledgerAccount: '512' } });
  });

  it('answers 404 for another organisation’s statement, line or account', async () => {
    const a = await booksOrganisation();
    const b = await salesOrganisation(store.db);
    await importFile(a.org.id, FIXTURE);
    const [s] = (await listStatements(store.db, a.org.id)).statements;
    const line = (await getStatement(store.db, a.org.id, s!.id)).lines[3]!;
    await expect(getStatement(store.db, b.id, s!.id)).rejects.toMatchObject({ kind: 'not-found' });
    await expect(
      tx((trx) => postBankLine(trx, b.id, line.id, postLineInput.parse({ account: '627' }), null)),
    ).rejects.toMatchObject({ kind: 'not-found' });
    await expect(
      tx((trx) => matchManually(trx, b.id, { bankLineId: line.id, ledgerLineIds: [a.cheque] }, null)),
    ).rejects.toMatchObject({ kind: 'not-found' });
    await expect(tx((trx) => unmatch(trx, b.id, line.id, null))).rejects.toMatchObject({ kind: 'not-found' });
    await expect(getWorkspace(store.db, b.id, s!.bankAccountId)).rejects.toMatchObject({ kind: 'not-found' });
    // b's books have no statement: its workspace is empty, a's lines untouched.
    expect((await getWorkspace(store.db, b.id)).bankLines).toEqual([]);
    expect((await listStatements(store.db, b.id)).statements).toEqual([]);
    void reverse;
  });
});
