import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIban, isIban, normalizeIban } from './iban.ts';

const VALID = [
  'FR76 3000 6000 0112 3456 7890 189',
  'DE89 3704 0044 0532 0130 00',
  'FR1420041010050500013M02606',
  'BE68539007547034',
  'NL91ABNA0417164300',
  'GB29NWBK60161331926819',
  'CH9300762011623852957',
  'IT60X0542811101000000123456',
  'ES9121000418450200051332',
  'MC5811222000010123456789030',
  'MT84MALT011000012345MTLCAST001S',
  'NO9386011117947',
  'LU280019400644750000',
  'fr76 3000 6000 0112 3456 7890 189',
];

describe('IBAN', () => {
  it.each(VALID)('accepte « %s »', (s) => {
    expect(isIban(s)).toBe(true);
  });

  it.each([
    'FR76 3000 6000 0112 3456 7890 188', // one digit changed
    'FR76 3000 6000 0112 3456 7890 18', // one digit short
    'DE89 3704 0044 0532 0130 01',
    'DE88 3704 0044 0532 0130 00',
    'XX89 3704 0044 0532 0130 00', // unknown country
    'DE89370400440532013000X',
    'DE89-3704-0044-0532-0130-00',
    '',
    'FR',
  ])('refuse « %s »', (s) => {
    expect(isIban(s)).toBe(false);
  });

  it('refuse les clés 00, 01 et 99 que mod 97 laisserait passer', () => {
    // 01 ≡ 98 (mod 97): find a valid IBAN keyed 98 and give it the congruent key 01.
    const candidates = Array.from(
      { length: 500 },
      (_, i) => `GB98NWBK6016133192${String(i).padStart(4, '0')}`,
    );
    const with98 = candidates.find(isIban);
    expect(with98).toBeDefined();
    expect(isIban(with98!.replace('GB98', 'GB01'))).toBe(false);
  });

  it('repère tout chiffre changé', () => {
    const iban = 'FR7630006000011234567890189';
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: iban.length - 1 }),
        fc.integer({ min: 1, max: 9 }),
        (position, delta) => {
          const digit = iban[position]!;
          const changed = iban.slice(0, position) + ((Number(digit) + delta) % 10) + iban.slice(position + 1);
          return !isIban(changed);
        },
      ),
    );
  });

  it('normalise et formate', () => {
    expect(normalizeIban(' fr76 3000\u00A06000 0112 3456 7890 189 ')).toBe('FR7630006000011234567890189');
    expect(formatIban('FR7630006000011234567890189')).toBe('FR76 3000 6000 0112 3456 7890 189');
    expect(formatIban('DE89370400440532013000')).toBe('DE89 3704 0044 0532 0130 00');
    expect(formatIban('NO9386011117947')).toBe('NO93 8601 1117 947');
  });
});
