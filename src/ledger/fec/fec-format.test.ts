import { describe, expect, it } from 'vitest';
import {
  FEC_COLUMNS,
  type FecLine,
  fastFecRecord,
  fecFileName,
  fecHeader,
  fecRecord,
  formatFecRecord,
  parseFecAmount,
  parseFecDate,
} from './fec-format.ts';
import { decodeFecBytes, decodeLatin9, encodeLatin9 } from './latin9.ts';

describe('FEC format', () => {
  it('has the 18 columns of article A47 A-1 in order', () => {
    expect(FEC_COLUMNS).toHaveLength(18);
    expect(fecHeader()).toBe(`${FEC_COLUMNS.join('\t')}\r\n`);
  });

  it('names the file SIRENFECAAAAMMJJ.txt after the closing date', () => {
    expect(fecFileName('552100554', '2026-12-31')).toBe('552100554FEC20261231.txt');
  });

  it('writes a line: dates AAAAMMJJ, decimal comma, blank optional fields', () => {
    const line = formatFecRecord(
      fecRecord({
        journalCode: 'VE',
        journalLabel: 'Ventes',
        number: 12,
        date: '2026-03-10',
        account: '411',
        accountLabel: 'Clients',
        auxiliary: 'CDURAND',
        auxiliaryLabel: 'Client\tDurand',
        voucherRef: 'FA-001',
        voucherDate: null,
        label: 'Facture FA-001',
        debit: 120000,
        credit: 0,
        lettering: 'a',
        letteredOn: '2026-04-01',
        validatedOn: '2026-03-11',
      }),
    );
    expect(line.split('\t')).toEqual([
      'VE',
      'Ventes',
      '12',
      '20260310',
      '411',
      'Clients',
      'CDURAND',
      'Client Durand',
      'FA-001',
      '20260310',
      'Facture FA-001',
      '1200,00',
      '0,00',
      'a',
      '20260401',
      '20260311',
      '',
      '\r\n',
    ]);
  });

  it('reads amounts as the FEC writes them, and refuses the rest', () => {
    expect(parseFecAmount('1200,00')).toBe(120000);
    expect(parseFecAmount('-12,5')).toBe(-1250);
    expect(parseFecAmount('12,50-')).toBe(-1250);
    expect(parseFecAmount('7.1')).toBe(710);
    expect(parseFecAmount('3,000')).toBe(300);
    expect(parseFecAmount('')).toBe(0);
    expect(() => parseFecAmount('1 200,00')).toThrow(/illisible/);
    expect(() => parseFecAmount('1,234')).toThrow(/centime/);
    expect(parseFecDate('20261231')).toBe('2026-12-31');
    expect(() => parseFecDate('20260230')).toThrow(/Date invalide/);
  });

  it('encodes Latin-9 (€ and œ included) and reads Latin-9 or UTF-8 back', () => {
    const text = 'Main-d’œuvre 100 € Élan';
    const bytes = encodeLatin9(text);
    expect(bytes.length).toBe([...text].length);
    expect(decodeLatin9(bytes)).toBe("Main-d'œuvre 100 € Élan");
    expect(decodeFecBytes(bytes)).toBe("Main-d'œuvre 100 € Élan");
    expect(decodeFecBytes(new TextEncoder().encode(`\uFEFF${text}`))).toBe(text);
    // Latin-1 text alone (the export's usual chunk) is written byte for byte; beyond Latin-9, '?' a character.
    expect([...encodeLatin9('Élan à 12,50')]).toEqual([
      0xc9, 0x6c, 0x61, 0x6e, 0x20, 0xe0, 0x20, 0x31, 0x32, 0x2c, 0x35, 0x30,
    ]);
    expect(encodeLatin9('Café 😀 ok').toString('latin1')).toBe('Café ? ok');
  });

  it('writes with the export’s fast formatter exactly what the record formatter writes', () => {
    const base: FecLine = {
      journalCode: 'VE',
      journalLabel: 'Ventes',
      number: 12,
      date: '2026-03-10',
      account: '411',
      accountLabel: 'Clients',
      auxiliary: null,
      auxiliaryLabel: null,
      voucherRef: null,
      voucherDate: null,
      label: ' Facture\tFA12\r\nsuite ',
      debit: 123456,
      credit: 0,
      lettering: null,
      letteredOn: null,
      validatedOn: '2026-03-11',
    };
    const variants: FecLine[] = [
      base,
      {
        ...base,
        auxiliary: 'C00001',
        auxiliaryLabel: 'Dupont\t',
        voucherRef: 'FA12',
        voucherDate: '2026-03-09',
      },
      { ...base, auxiliary: 'C00001', auxiliaryLabel: null, debit: 0, credit: -5 },
      { ...base, lettering: 'aa', letteredOn: '2026-04-01' },
      { ...base, lettering: 'AB', letteredOn: null, accountLabel: ' Œuvre € ' },
    ];
    for (const line of variants) expect(fastFecRecord(line)).toBe(formatFecRecord(fecRecord(line)));
  });
});
