import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareScaled,
  formatDecimal,
  isDecimal,
  multiplyScaled,
  normalizeScaled,
  parseDecimal,
  rescale,
  type Scaled,
  scaled,
} from './decimal.ts';

describe('parseDecimal', () => {
  it.each([
    ['12', 12n, 0],
    ['12.5', 125n, 1],
    ['12,50', 1250n, 2],
    ['-3.125', -3125n, 3],
    ['+4', 4n, 0],
    ['0,001', 1n, 3],
    ['  7,5 ', 75n, 1],
    ['-0', 0n, 0],
  ])('lit « %s »', (text, units, scale) => {
    expect(parseDecimal(text, 6)).toEqual({ units, scale });
  });

  it.each([
    '',
    ' ',
    'abc',
    '12.',
    '.5',
    ',5',
    '1.2.3',
    '1,2,3',
    '1 234',
    '1e3',
    '--1',
    '12,5€',
    'NaN',
    '0x10',
    '١٢',
  ])('refuse « %s »', (text) => {
    expect(() => parseDecimal(text, 6)).toThrow(/Nombre décimal invalide/);
    expect(isDecimal(text, 6)).toBe(false);
  });

  it('refuse plus de décimales que permis', () => {
    expect(() => parseDecimal('1.2345', 3)).toThrow(/Trop de décimales/);
    expect(parseDecimal('1.234', 3)).toEqual({ units: 1234n, scale: 3 });
  });

  it('refuse une échelle maximale invalide', () => {
    expect(() => parseDecimal('1', -1)).toThrow(RangeError);
    expect(() => parseDecimal('1', 1.5)).toThrow(RangeError);
  });
});

describe('formatDecimal', () => {
  it.each<[Scaled, string, string]>([
    [{ units: 1250n, scale: 2 }, '12.50', '12,50'],
    [{ units: -3125n, scale: 3 }, '-3.125', '-3,125'],
    [{ units: 5n, scale: 3 }, '0.005', '0,005'],
    [{ units: -5n, scale: 3 }, '-0.005', '-0,005'],
    [{ units: 12n, scale: 0 }, '12', '12'],
    [{ units: 0n, scale: 2 }, '0.00', '0,00'],
  ])('écrit %o', (value, dot, comma) => {
    expect(formatDecimal(value)).toBe(dot);
    expect(formatDecimal(value, ',')).toBe(comma);
  });

  it('relit exactement ce qu’il écrit', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n }), fc.nat(12), (units, scale) => {
        const value = scaled(units, scale);
        expect(parseDecimal(formatDecimal(value), 12)).toEqual(value);
        expect(parseDecimal(formatDecimal(value, ','), 12)).toEqual(value);
      }),
    );
  });
});

describe('arithmétique', () => {
  it('multiplie exactement', () => {
    expect(multiplyScaled(parseDecimal('2,5', 3), parseDecimal('0,125', 4))).toEqual({
      units: 3125n,
      scale: 4,
    });
  });

  it('change d’échelle en arrondissant', () => {
    expect(rescale({ units: 3125n, scale: 4 }, 2, 'halfUp')).toEqual({ units: 31n, scale: 2 });
    expect(rescale({ units: 3150n, scale: 4 }, 2, 'halfUp')).toEqual({ units: 32n, scale: 2 });
    expect(rescale({ units: -3150n, scale: 4 }, 2, 'halfUp')).toEqual({ units: -32n, scale: 2 });
    expect(rescale({ units: 3150n, scale: 4 }, 2, 'halfEven')).toEqual({ units: 32n, scale: 2 });
    expect(rescale({ units: 3250n, scale: 4 }, 2, 'halfEven')).toEqual({ units: 32n, scale: 2 });
    expect(rescale({ units: 5n, scale: 1 }, 3, 'down')).toEqual({ units: 500n, scale: 3 });
  });

  it('normalise et compare', () => {
    expect(normalizeScaled(parseDecimal('12,500', 3))).toEqual({ units: 125n, scale: 1 });
    expect(normalizeScaled(parseDecimal('0,000', 3))).toEqual({ units: 0n, scale: 0 });
    expect(compareScaled(parseDecimal('12,5', 3), parseDecimal('12.500', 3))).toBe(0);
    expect(compareScaled(parseDecimal('-1', 3), parseDecimal('0.001', 3))).toBe(-1);
    expect(compareScaled(parseDecimal('2', 3), parseDecimal('1.999', 3))).toBe(1);
  });

  it('normaliser garde la valeur', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.nat(10), (units, scale) => {
        const value = scaled(units, scale);
        return compareScaled(normalizeScaled(value), value) === 0;
      }),
    );
  });

  it('refuse une échelle négative', () => {
    expect(() => scaled(1n, -1)).toThrow(RangeError);
  });
});
