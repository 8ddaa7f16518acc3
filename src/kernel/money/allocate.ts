import { assertCents, type Cents } from './cents.ts';

// String(ratio) is the shortest decimal that reads back as the same double, so 0.1 is taken as 1/10 exactly.
const RATIO_PATTERN = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

function ratioToScaled(ratio: number): { units: bigint; scale: number } {
  if (!Number.isFinite(ratio) || ratio < 0) {
    throw new RangeError(`Les proportions doivent être des nombres positifs ou nuls (reçu : ${ratio}).`);
  }
  const match = RATIO_PATTERN.exec(String(ratio));
  if (match === null) throw new RangeError(`Proportion illisible : ${ratio}.`);
  const [, integerPart = '', fraction = '', exponent = '0'] = match;
  const scale = fraction.length - Number(exponent);
  const digits = BigInt(integerPart + fraction);
  return scale >= 0 ? { units: digits, scale } : { units: digits * 10n ** BigInt(-scale), scale: 0 };
}

/**
 * Splits an amount by ratios without losing a cent: each part gets the floor of its exact share, then the
 * cents left over go one by one to the largest remainders, ties to the earlier part. Every part is thus
 * within one cent of its exact share and the parts always sum to the amount.
 */
export function allocate(cents: Cents, ratios: readonly number[]): Cents[] {
  assertCents(cents);
  if (ratios.length === 0) throw new RangeError('Il faut au moins une proportion pour répartir un montant.');
  const scaledRatios = ratios.map(ratioToScaled);
  const scale = scaledRatios.reduce((max, r) => Math.max(max, r.scale), 0);
  const weights = scaledRatios.map((r) => r.units * 10n ** BigInt(scale - r.scale));
  const totalWeight = weights.reduce((a, b) => a + b, 0n);
  if (totalWeight === 0n) throw new RangeError('La somme des proportions doit être strictement positive.');

  // Splitting the magnitude and restoring the sign keeps negative splits the mirror of positive ones.
  const magnitude = BigInt(Math.abs(cents));
  const floors = weights.map((w) => (magnitude * w) / totalWeight);
  const remainders = weights.map((w) => (magnitude * w) % totalWeight);
  let leftover = magnitude - floors.reduce((a, b) => a + b, 0n);
  const order = weights
    .map((_, index) => index)
    .sort((a, b) => {
      const ra = remainders[a]!;
      const rb = remainders[b]!;
      return ra === rb ? a - b : ra > rb ? -1 : 1;
    });
  for (const index of order) {
    if (leftover === 0n) break;
    floors[index]! += 1n;
    leftover -= 1n;
  }
  const sign = cents < 0 ? -1 : 1;
  // 0 * -1 would be -0, which is not a distinct amount.
  return floors.map((part) => (part === 0n ? 0 : sign * Number(part)));
}
