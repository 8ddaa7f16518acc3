import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BANK_SAMPLES, BANK_SAMPLES_PRESENT } from '../../../test/support/bank/samples.ts';
import { parseStatementFile } from './parse-file.ts';
import { BankFileError } from './statement-file.ts';

// The outside truth: for each genkgo sample, *.expected.json is what the genkgo/camt PHP library decodes
// from the same file (amounts in cents, signed by the library). Every statement, balance and entry it
// reports must come out of our parser with the same values. See ../shared/validators/bank/README.md.

const BANK = BANK_SAMPLES;
const CAMT = join(BANK, 'camt053/samples');
const read = (path: string) => parseStatementFile(readFileSync(path));

// biome-ignore lint/suspicious/noExplicitAny: the oracle is untyped JSON
type Json = any;
const day = (d: Json) => (d ? String(d[0]).slice(0, 10) : null);
const BALANCE_TYPE: Record<string, 'opening' | 'closing'> = { opening: 'opening', closing: 'closing' };

describe.runIf(BANK_SAMPLES_PRESENT)('CAMT.053 against the genkgo/camt decoding', () => {
  const samples = readdirSync(CAMT).filter((f) => f.endsWith('.expected.json'));
  it('has the five decoded samples', () => expect(samples).toHaveLength(5));

  it.each(samples)('%s', (name) => {
    const expected: Json = JSON.parse(readFileSync(join(CAMT, name), 'utf8'));
    const statements = read(join(CAMT, name.replace('.expected.json', '.xml')));
    expect(expected.getEntries.length).toBeGreaterThan(0);
    for (const entry of expected.getEntries) {
      const record = entry.getRecord;
      const statement = statements.find((s) => s.reference === record.getId);
      expect(statement, record.getId).toBeDefined();
      expect(statement!.account).toBe(record.getAccount.getIdentification);
      // The booked opening and closing balances, the ones the import keeps, amount, sign and currency.
      for (const balance of record.getBalances) {
        const kind = BALANCE_TYPE[balance.getType];
        if (!kind) continue;
        if (kind === 'opening' && record.getBalances.filter((b: Json) => b.getType === 'opening').length > 1)
          continue; // two "opening" types (OPBD and PRCD): checked below through the first one
        expect(statement![kind]).toEqual({
          amount: Number(balance.getAmount.getAmount),
          currency: balance.getAmount.getCurrency.getCode,
          date: day(balance.getDate),
        });
      }
      const line = statement!.lines[entry.getIndex];
      expect(line).toBeDefined();
      expect(line!.amount).toBe(Number(entry.getAmount.getAmount));
      expect(line!.currency).toBe(entry.getAmount.getCurrency.getCode);
      expect(line!.amount < 0 ? 'DBIT' : 'CRDT').toBe(entry.getCreditDebitIndicator);
      expect(line!.bookingDate).toBe(day(entry.getBookingDate));
      expect(line!.valueDate).toBe(day(entry.getValueDate));
      expect(line!.reversal).toBe(entry.getReversalIndicator);
      expect(line!.bankRef).toBe(entry.getAccountServicerReference);
      const code = entry.getBankTransactionCode;
      const expectedCode = code.getDomain
        ? [
            code.getDomain.getCode,
            code.getDomain.getFamily.getCode,
            code.getDomain.getFamily.getSubFamilyCode,
          ].join('/')
        : code.getProprietary.getCode;
      expect(line!.transactionCode).toBe(expectedCode);
      const detail = entry.getTransactionDetail;
      if (detail) {
        const e2e = detail.getReference?.getEndToEndId;
        if (e2e) expect(line!.endToEndRef).toBe(e2e);
        // The other side: the debtor of a credit, the creditor of a debit.
        const role = entry.getCreditDebitIndicator === 'CRDT' ? 'Debtor' : 'Creditor';
        const party = (detail.getRelatedParties ?? []).find((p: Json) =>
          String(p.getRelatedPartyType.__CLASS__).endsWith(`\\${role}`),
        );
        if (party) {
          expect(line!.counterparty).toBe(party.getRelatedPartyType.getName);
          expect(line!.counterpartyIban).toBe(party.getAccount?.getIban?.getIban ?? null);
        }
        const message = detail.getRemittanceInformation?.getMessage;
        if (message) expect(`${line!.label} ${line!.endToEndRef}`).toContain(message);
      }
    }
  });

  it('reads both statements of the multi-statement message, which reconcile (README)', () => {
    const [first, second] = read(join(CAMT, 'genkgo-camt053.v2.multi.statement.xml'));
    expect(first!.opening!.amount + first!.lines.reduce((s, l) => s + l.amount, 0)).toBe(
      first!.closing!.amount,
    );
    expect(second!.opening!.amount + second!.lines.reduce((s, l) => s + l.amount, 0)).toBe(2000);
    expect([first!.closing!.amount, second!.closing!.amount]).toEqual([2700, 2000]);
  });

  it('reads the OCA bank day: direct debit, returned direct debit (RvslInd), transfer; the gap the README gives', () => {
    const [s] = read(join(CAMT, 'oca-test-camt053.xml'));
    expect(s!.iban).toBe('NL77ABNA0574908765');
    expect(s!.lines.map((l) => [l.amount, l.reversal, l.transactionCode])).toEqual([
      [-75425, false, 'PMNT/RDDT/ESDD'],
      [-66405, true, 'PMNT/IDDT/UPDD'],
      [140531, false, 'PMNT/RCDT/ESCT'],
    ]);
    expect(s!.lines[0]!.endToEndRef).toBe('435005714488-ABNO33052620');
    expect(s!.lines[0]!.counterparty).toBe('INSURANCE COMPANY TESTX');
    // The file does not reconcile: opening 15 568,27 + lines ≠ closing 15 121,12.
    const sum = s!.lines.reduce((t, l) => t + l.amount, 0);
    expect(s!.opening!.amount).toBe(1556827);
    expect(s!.closing!.amount).toBe(1512112);
    expect(s!.opening!.amount + sum).not.toBe(s!.closing!.amount);
  });

  it('refuses the invalid sample (no statement) with a French message', () => {
    expect(() => read(join(CAMT, 'genkgo-camt053.v2.wrong.xml'))).toThrowError(
      new BankFileError('Le fichier CAMT.053 ne contient aucun relevé (Stmt).'),
    );
  });

  it('refuses malformed XML, a foreign namespace and unknown content, in French', () => {
    const bytes = (s: string) => new TextEncoder().encode(s);
    const ns = 'urn:iso:std:iso:20022:tech:xsd:camt.053.001.02';
    expect(() => parseStatementFile(bytes(`<Document xmlns="${ns}"><BkToCstmrStmt></Document>`))).toThrow(
      /mal formé/,
    );
    expect(() =>
      parseStatementFile(
        bytes(`<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.99"><x/></Document>`),
      ),
    ).toThrow(/n’est pas un relevé CAMT\.053/);
    expect(() => parseStatementFile(bytes('Date;Libellé;Montant\n'))).toThrow(/Format de relevé non reconnu/);
  });
});

describe.runIf(BANK_SAMPLES_PRESENT)(
  'OFX (ofxparse and OCA samples; figures from the README and the files)',
  () => {
    const ofx = (name: string) => read(join(BANK, 'ofx', name));

    it('reads OFX 1.0.2 SGML (unclosed tags, Windows-1252): three lines, the ledger balance', () => {
      const [s] = ofx('ofxparse-checking.ofx');
      expect(s).toMatchObject({
        format: 'ofx',
        currency: 'USD',
        account: '5472369148 1452687~7',
        opening: null,
      });
      expect(s!.closing).toEqual({ amount: 10099, currency: 'USD', date: '2013-05-25' });
      expect(s!.lines.map((l) => [l.bookingDate, l.amount, l.transactionCode, l.bankRef])).toEqual([
        ['2011-03-31', 1, 'CREDIT', '0000486'],
        ['2011-04-05', -3451, 'DEBIT', '0000487'],
        ['2011-04-07', -2500, 'CHECK', '0000488'],
      ]);
      expect(s!.lines[2]!.endToEndRef).toBe('319');
    });

    it('reads OFX SGML written on few lines, dates with a time zone', () => {
      const [s] = ofx('ofxparse-bank_medium.ofx');
      expect(s!.currency).toBe('CAD');
      expect(s!.lines.map((l) => [l.bookingDate, l.amount])).toEqual([
        ['2009-04-01', -660],
        ['2009-04-02', -31667],
        ['2009-04-03', -2200],
      ]);
      expect(s!.closing!.amount).toBe(38234);
    });

    it('reads OFX 2.1.1 XML: two accounts in one file', () => {
      const statements = ofx('ofxparse-multiple_accounts2.ofx');
      expect(statements.map((s) => [s.account.split(' ').at(-1), s.closing!.amount, s.lines.length])).toEqual(
        [
          ['9100', 11100, 0],
          ['9200', 22200, 0],
        ],
      );
    });

    it('reads the French-style OFX 2 file: four BANKTRANLIST blocks, the credit card statement left aside', () => {
      const statements = ofx('oca-test_ofx_iban.ofx');
      expect(statements).toHaveLength(1);
      expect(statements[0]!.account).toBe('30001 00794 12345678901');
      expect(statements[0]!.lines.map((l) => l.amount)).toEqual([-8000, -9000, -10000, -9000]);
      expect(statements[0]!.closing!.amount).toBe(215656);
    });

    it('refuses a truncated or broken OFX', () => {
      const bytes = (s: string) => new TextEncoder().encode(s);
      expect(() => parseStatementFile(bytes('OFXHEADER:100\n\n<OFX><BANKMSGSRSV1></OFX>'))).toThrow(
        /aucun relevé de compte bancaire/,
      );
      expect(() => parseStatementFile(bytes('OFXHEADER:100\n\n<OFX><STMTRS></FOO></OFX>'))).toThrow(
        /mal formé/,
      );
    });
  },
);
