import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divideRounded, ROUNDING_MODES, type RoundingMode } from './rounding.ts';

const cases: [bigint, bigint, Record<RoundingMode, bigint>][] = [
  [5n, 2n, { halfUp: 3n, halfEven: 2n, down: 2n, up: 3n }],
  [7n, 2n, { halfUp: 4n, halfEven: 4n, down: 3n, up: 4n }],
  [-5n, 2n, { halfUp: -3n, halfEven: -2n, down: -2n, up: -3n }],
  [-7n, 2n, { halfUp: -4n, halfEven: -4n, down: -3n, up: -4n }],
  [5n, -2n, { halfUp: -3n, halfEven: -2n, down: -2n, up: -3n }],
  [-5n, -2n, { halfUp: 3n, halfEven: 2n, down: 2n, up: 3n }],
  [2468n, 10n, { halfUp: 247n, halfEven: 247n, down: 246n, up: 247n }],
  [-2468n, 10n, { halfUp: -247n, halfEven: -247n, down: -246n, up: -247n }],
  [2464n, 10n, { halfUp: 246n, halfEven: 246n, down: 246n, up: 247n }],
  [10n, 5n, { halfUp: 2n, halfEven: 2n, down: 2n, up: 2n }],
  [0n, 7n, { halfUp: 0n, halfEven: 0n, down: 0n, up: 0n }],
  [1n, 3n, { halfUp: 0n, halfEven: 0n, down: 0n, up: 1n }],
  [-1n, 3n, { halfUp: 0n, halfEven: 0n, down: 0n, up: -1n }],
];

describe('divideRounded', () => {
  for (const [n, d, expected] of cases) {
    for (const mode of ROUNDING_MODES) {
      it(`${n} / ${d} en ${mode} = ${expected[mode]}`, () => {
        expect(divideRounded(n, d, mode)).toBe(expected[mode]);
      });
    }
  }

  it('refuse une division par zéro', () => {
    expect(() => divideRounded(1n, 0n, 'halfUp')).toThrow(RangeError);
  });

  const big = fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n });
  const nonZero = big.filter((d) => d !== 0n);
  const mode = fc.constantFrom(...ROUNDING_MODES);

  it('reste à moins d’une unité du quotient exact', () => {
    fc.assert(
      fc.property(big, nonZero, mode, (n, d, m) => {
        const q = divideRounded(n, d, m);
        const diff = q * d - n; // (q - n/d) * d
        return (diff < 0n ? -diff : diff) < (d < 0n ? -d : d);
      }),
    );
  });

  it('est symétrique par changement de signe', () => {
    fc.assert(
      fc.property(big, nonZero, mode, (n, d, m) => divideRounded(-n, d, m) === -divideRounded(n, d, m)),
    );
  });

  it('les arrondis au plus proche restent à une demi-unité', () => {
    fc.assert(
      fc.property(big, nonZero, fc.constantFrom<RoundingMode>('halfUp', 'halfEven'), (n, d, m) => {
        const q = divideRounded(n, d, m);
        const twice = 2n * (q * d - n);
        return (twice < 0n ? -twice : twice) <= (d < 0n ? -d : d);
      }),
    );
  });

  it('down ne s’éloigne jamais de zéro, up ne s’en rapproche jamais', () => {
    fc.assert(
      fc.property(big, nonZero, (n, d) => {
        const abs = (x: bigint) => (x < 0n ? -x : x);
        const down = divideRounded(n, d, 'down');
        const up = divideRounded(n, d, 'up');
        return abs(down * d) <= abs(n) && abs(up * d) >= abs(n);
      }),
    );
  });
});
