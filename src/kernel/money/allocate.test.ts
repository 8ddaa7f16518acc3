import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate } from './allocate.ts';

describe('allocate', () => {
  it.each<[number, number[], number[]]>([
    [100, [1, 1, 1], [34, 33, 33]],
    [-100, [1, 1, 1], [-34, -33, -33]],
    [101, [1, 1, 1], [34, 34, 33]],
    [100, [1, 2], [33, 67]],
    [5, [3, 7], [2, 3]], // exact 1,5 and 3,5: tie, the first part wins
    [1000, [50, 30, 20], [500, 300, 200]],
    [1000, [0.5, 0.3, 0.2], [500, 300, 200]],
    [100, [0.1, 0.2], [33, 67]],
    [1, [1, 1, 1], [1, 0, 0]],
    [2, [1, 1, 1], [1, 1, 0]],
    [10, [0, 1, 0], [0, 10, 0]],
    [0, [1, 1], [0, 0]],
    [99, [1e-7, 1e-7], [50, 49]],
    [99, [1e21, 2e21], [33, 66]],
    [7, [1], [7]],
  ])('répartit %i selon %o', (cents, ratios, expected) => {
    const parts = allocate(cents, ratios);
    expect(parts).toEqual(expected);
    expect(parts.every((p) => !Object.is(p, -0))).toBe(true);
  });

  it('refuse des proportions inutilisables', () => {
    expect(() => allocate(100, [])).toThrow(RangeError);
    expect(() => allocate(100, [0, 0])).toThrow(RangeError);
    expect(() => allocate(100, [1, -1])).toThrow(RangeError);
    expect(() => allocate(100, [1, Number.NaN])).toThrow(RangeError);
    expect(() => allocate(100, [1, Number.POSITIVE_INFINITY])).toThrow(RangeError);
    expect(() => allocate(0.5, [1])).toThrow(RangeError);
  });

  const amount = fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
  const ratios = fc
    .array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 20 })
    .filter((rs) => rs.some((r) => r > 0));

  it('conserve la somme', () => {
    fc.assert(
      fc.property(amount, ratios, (cents, rs) => {
        const parts = allocate(cents, rs);
        return (
          parts.length === rs.length && parts.reduce((a, b) => BigInt(a) + BigInt(b), 0n) === BigInt(cents)
        );
      }),
    );
  });

  it('garde chaque part à moins d’un centime de sa part exacte', () => {
    fc.assert(
      fc.property(amount, ratios, (cents, rs) => {
        const total = BigInt(rs.reduce((a, b) => a + b, 0));
        return allocate(cents, rs).every((part, i) => {
          // |part - cents × r / total| < 1  ⇔  |part × total - cents × r| < total
          const gap = BigInt(part) * total - BigInt(cents) * BigInt(rs[i]!);
          return (gap < 0n ? -gap : gap) < total;
        });
      }),
    );
  });

  it('ne donne rien à une proportion nulle', () => {
    fc.assert(
      fc.property(amount, ratios, (cents, rs) =>
        allocate(cents, rs).every((part, i) => rs[i] !== 0 || part === 0),
      ),
    );
  });

  it('est le miroir exact pour un montant négatif', () => {
    fc.assert(
      fc.property(amount, ratios, (cents, rs) => {
        const negated = allocate(-cents, rs).map((p) => (p === 0 ? 0 : -p));
        expect(negated).toEqual(allocate(cents, rs));
      }),
    );
  });

  it('accepte des proportions décimales', () => {
    fc.assert(
      fc.property(
        amount,
        fc.array(fc.double({ min: 0.001, max: 1000, noNaN: true }), { minLength: 1, maxLength: 8 }),
        (cents, rs) => {
          const parts = allocate(cents, rs);
          return parts.reduce((a, b) => BigInt(a) + BigInt(b), 0n) === BigInt(cents);
        },
      ),
    );
  });
});
