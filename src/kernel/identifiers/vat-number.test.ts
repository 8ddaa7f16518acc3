import { describe, expect, it } from 'vitest';
import { isSiren, SIREN_INVALID } from './siren.ts';
import { isFrenchVatNumber, isVatNumber, normalizeVatNumber, vatNumberFromSiren } from './vat-number.ts';

describe('numéro de TVA français', () => {
  it('calcule la clé depuis le SIREN', () => {
    expect(vatNumberFromSiren('552100554')).toBe('FR96552100554');
    expect(vatNumberFromSiren('732 829 320')).toBe('FR44732829320');
    expect(vatNumberFromSiren('542107651')).toBe('FR13542107651');
    expect(vatNumberFromSiren('356000000')).toBe('FR39356000000');
  });

  it('écrit la clé sur deux chiffres', () => {
    const siren = Array.from({ length: 5000 }, (_, i) => String(100000000 + i)).find(
      (s) => isSiren(s) && (12 + 3 * (Number(s) % 97)) % 97 < 10,
    );
    expect(siren).toBeDefined();
    expect(vatNumberFromSiren(siren!)).toMatch(/^FR0\d\d{9}$/);
  });

  it('refuse un SIREN invalide', () => {
    expect(() => vatNumberFromSiren('552100555')).toThrow(SIREN_INVALID);
  });

  it.each(['FR96552100554', 'fr 96 552 100 554', 'FR44732829320', 'FR13542107651'])('accepte « %s »', (s) => {
    expect(isFrenchVatNumber(s)).toBe(true);
    expect(isVatNumber(s)).toBe(true);
  });

  it.each([
    'FR97552100554',
    'FR96552100555',
    'FR9655210055',
    'FRAB552100554',
    'FR96552100554X',
    '96552100554',
    'FR',
  ])('refuse « %s »', (s) => {
    expect(isFrenchVatNumber(s)).toBe(false);
    expect(isVatNumber(s)).toBe(false);
  });

  it('accepte les numéros monégasques (FRxx000…)', () => {
    const key = String((12 + 3 * (123456 % 97)) % 97).padStart(2, '0');
    expect(isVatNumber(`FR${key}000123456`)).toBe(true);
  });

  it('normalise', () => {
    expect(normalizeVatNumber(' fr96 552\u00A0100 554')).toBe('FR96552100554');
  });
});

describe('autres numéros de TVA', () => {
  it.each([
    'DE136695976',
    'BE0403170701',
    'IT00743110157',
    'ESA28015865',
    'NL004495445B01',
    'ATU13585627',
    'EL094014201',
    'de 136 695 976',
  ])('accepte « %s » sur sa forme', (s) => {
    expect(isVatNumber(s)).toBe(true);
  });

  it.each(['D136695976', 'DE1', 'DE1234567890123', '12345678901', 'DE-136695976', ''])(
    'refuse « %s »',
    (s) => {
      expect(isVatNumber(s)).toBe(false);
    },
  );
});
