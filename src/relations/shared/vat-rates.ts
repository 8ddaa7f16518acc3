// A JSON import, not a file read: contract.ts files use this and the web imports them.
import vatFile from '../../../data/vat.json' with { type: 'json' };

type VatFile = { rates: { code: string; rate: number | number[]; name: string; territory?: string }[] };

export type VatRate = {
  /** Hundredths of a percent: 20 % = 2000, 5,5 % = 550. */
  rate: number;
  label: string;
};

let cached: VatRate[] | undefined;

/**
 * The rates an invoice line may carry: every rate of data/vat.json (mainland, overseas departments,
 * Corsica, and 0 for exempt operations), de-duplicated, highest first.
 */
export function vatRates(): VatRate[] {
  if (cached) return cached;
  const file = vatFile as VatFile;
  const byRate = new Map<number, VatRate>();
  for (const entry of file.rates) {
    for (const percent of [entry.rate].flat()) {
      // The file writes rates as decimals (5.5); two decimals are exact at this scale.
      const rate = Math.round(percent * 100);
      if (!byRate.has(rate)) byRate.set(rate, { rate, label: `${entry.name} (${formatRate(rate)} %)` });
    }
  }
  cached = [...byRate.values()].sort((a, b) => b.rate - a.rate);
  return cached;
}

export function isKnownVatRate(rate: number): boolean {
  return vatRates().some((r) => r.rate === rate);
}

/** 2000 → "20", 550 → "5,5", 175 → "1,75" (French display). */
export function formatRate(hundredths: number, separator = ','): string {
  const whole = Math.trunc(hundredths / 100);
  const fraction = String(hundredths % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return fraction ? `${whole}${separator}${fraction}` : String(whole);
}
