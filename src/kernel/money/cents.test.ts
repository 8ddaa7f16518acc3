import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCents,
  assertCents,
  centsToScaled,
  formatAmount,
  formatFec,
  formatPlain,
  isAmount,
  isCents,
  multiplyCents,
  parseAmount,
  percentOf,
  scaledToCents,
} from './cents.ts';
import { multiplyScaled, parseDecimal } from './decimal.ts';

const NNBSP = '\u202F';
const NBSP = '\u00A0';
const safeCents = fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });

describe('parseAmount', () => {
  it.each([
    ['1234.56', 123456],
    ['1234,56', 123456],
    ['1 234,56', 123456],
    [`1${NNBSP}234,56`, 123456],
    [`1${NBSP}234${NBSP}567,8`, 123456780],
    ['1234,5', 123450],
    ['1234', 123400],
    ['-12,30', -1230],
    ['0,05', 5],
    ['-0', 0],
    [' 42 ', 4200],
    ['90071992547409.91', Number.MAX_SAFE_INTEGER],
  ])('lit « %s »', (text, cents) => {
    expect(parseAmount(text)).toBe(cents);
  });

  it.each([
    '',
    '  ',
    '12,345',
    '1.234,56',
    '1,234.56',
    '12 34,56',
    '1  234',
    'abc',
    '12€',
    '12 €',
    ',5',
    '5,',
    '+-1',
    '1e3',
  ])('refuse « %s »', (text) => {
    expect(() => parseAmount(text)).toThrow(/Montant invalide/);
    expect(isAmount(text)).toBe(false);
  });

  it('refuse un montant au-delà des entiers sûrs', () => {
    expect(() => parseAmount('90071992547409.92')).toThrow(/hors limites/);
  });
});

describe('formats', () => {
  it.each([
    [123456, '1234.56', '1234,56'],
    [-123456, '-1234.56', '-1234,56'],
    [5, '0.05', '0,05'],
    [-5, '-0.05', '-0,05'],
    [0, '0.00', '0,00'],
    [100, '1.00', '1,00'],
    [Number.MAX_SAFE_INTEGER, '90071992547409.91', '90071992547409,91'],
  ])('%i centimes', (cents, dot, comma) => {
    expect(formatPlain(cents)).toBe(dot);
    expect(formatFec(cents)).toBe(comma);
  });

  it('formate en euros à la française, espaces d’Intl compris', () => {
    expect(formatAmount(123456)).toBe(`1${NNBSP}234,56${NBSP}€`);
    expect(formatAmount(-5)).toBe(`-0,05${NBSP}€`);
    expect(formatAmount(0)).toBe(`0,00${NBSP}€`);
    expect(formatAmount(123450, 'en-US')).toBe('€1,234.50');
  });

  it('ne passe pas par un flottant pour les très grands montants', () => {
    expect(formatAmount(Number.MAX_SAFE_INTEGER)).toBe(
      `90${NNBSP}071${NNBSP}992${NNBSP}547${NNBSP}409,91${NBSP}€`,
    );
  });

  it('refuse ce qui n’est pas un entier sûr', () => {
    for (const bad of [0.5, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1]) {
      expect(() => formatPlain(bad)).toThrow(RangeError);
      expect(() => formatAmount(bad)).toThrow(RangeError);
      expect(() => assertCents(bad)).toThrow(RangeError);
      expect(isCents(bad)).toBe(false);
    }
  });

  it('parseAmount relit formatPlain, formatFec et formatAmount', () => {
    fc.assert(
      fc.property(safeCents, (cents) => {
        const expected = cents === 0 ? 0 : cents; // -0 is not a distinct amount
        expect(parseAmount(formatPlain(cents))).toBe(expected);
        expect(parseAmount(formatFec(cents))).toBe(expected);
        expect(parseAmount(formatAmount(cents).replace(`${NBSP}€`, ''))).toBe(expected);
      }),
    );
  });
});

describe('addCents', () => {
  it('additionne exactement', () => {
    expect(addCents()).toBe(0);
    expect(addCents(10, 20, -5)).toBe(25);
    expect(addCents(Number.MAX_SAFE_INTEGER, 1, -1)).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('refuse un total ou un terme hors limites', () => {
    expect(() => addCents(Number.MAX_SAFE_INTEGER, 1)).toThrow(RangeError);
    expect(() => addCents(1, 0.5)).toThrow(RangeError);
  });

  it('est commutatif et égal à la somme exacte', () => {
    const small = fc.integer({ min: -1e12, max: 1e12 });
    fc.assert(
      fc.property(fc.array(small), (xs) => {
        const total = addCents(...xs);
        return total === addCents(...[...xs].reverse()) && total === xs.reduce((a, b) => a + b, 0);
      }),
    );
  });
});

describe('multiplyCents', () => {
  it('calcule un montant de ligne arrondi au centime', () => {
    expect(multiplyCents(1999, '3')).toBe(5997);
    expect(multiplyCents(1999, '2,5')).toBe(4998); // 4997,5 → 4998
    expect(multiplyCents(-1999, '2,5')).toBe(-4998);
    expect(multiplyCents(1999, '2,5', 'halfEven')).toBe(4998);
    expect(multiplyCents(1001, '0,5', 'halfEven')).toBe(500);
    expect(multiplyCents(1001, '0,5', 'down')).toBe(500);
    expect(multiplyCents(1001, '0,5', 'up')).toBe(501);
    expect(multiplyCents(333, parseDecimal('0.333', 3))).toBe(111); // 110,889
  });

  it('refuse un facteur mal écrit ou un résultat hors limites', () => {
    expect(() => multiplyCents(100, 'deux')).toThrow(/Nombre décimal invalide/);
    expect(() => multiplyCents(Number.MAX_SAFE_INTEGER, '2')).toThrow(RangeError);
  });

  it('multiplier par 1 ne change rien', () => {
    fc.assert(fc.property(safeCents, (cents) => multiplyCents(cents, '1,000') === cents));
  });
});

describe('percentOf', () => {
  it('calcule la TVA arrondie au centime', () => {
    expect(percentOf(1234, '20')).toBe(247); // 246,8
    expect(percentOf(1000, '5,5')).toBe(55);
    expect(percentOf(1010, '5.5')).toBe(56); // 55,55
    expect(percentOf(1010, '5.5', 'down')).toBe(55);
    expect(percentOf(-1234, '20')).toBe(-247);
    expect(percentOf(1250, '2,1')).toBe(26); // 26,25
    expect(percentOf(1250, '2,1', 'halfEven')).toBe(26);
    expect(percentOf(1350, '2,1', 'halfEven')).toBe(28); // 28,35
    expect(percentOf(10, '10')).toBe(1);
  });

  it('100 % rend le montant, 0 % rend zéro', () => {
    fc.assert(
      fc.property(safeCents, (cents) => percentOf(cents, '100') === cents && percentOf(cents, '0') === 0),
    );
  });

  it('reste à un demi-centime près du montant exact', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.integer({ min: 0, max: 10_000 }),
        (cents, tenths) => {
          const vat = percentOf(cents, `${Math.trunc(tenths / 10)}.${tenths % 10}`);
          // exact = cents × tenths / 1000
          const error = BigInt(vat) * 1000n - BigInt(cents) * BigInt(tenths);
          return 2n * (error < 0n ? -error : error) <= 1000n;
        },
      ),
    );
  });
});

describe('conversions avec les décimaux', () => {
  it('quantité × prix unitaire à quatre décimales', () => {
    const line = multiplyScaled(parseDecimal('3,5', 3), parseDecimal('0,0450', 4)); // 0,1575 €
    expect(scaledToCents(line)).toBe(16);
    expect(scaledToCents(line, 'down')).toBe(15);
    expect(scaledToCents(parseDecimal('-12', 0))).toBe(-1200);
  });

  it('centsToScaled est exact', () => {
    expect(centsToScaled(123456)).toEqual({ units: 123456n, scale: 2 });
    fc.assert(fc.property(safeCents, (cents) => scaledToCents(centsToScaled(cents)) === cents));
  });
});
