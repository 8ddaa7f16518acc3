import { compareDates } from '../../kernel/dates/index.ts';
import { divideRounded } from '../../kernel/money/index.ts';

// Late-payment penalties and the recovery fee between businesses (C. com. art. L441-10 and D441-5). Pure.

/** The fixed indemnity for recovery costs, per invoice paid late: 40 € (C. com. art. D441-5). */
export const RECOVERY_FEE = 4000;

/**
 * The ECB's main refinancing operations rate (hundredths of a percent), from the date it applied. Source:
 * ECB, « Key ECB interest rates ». To extend when the ECB changes it (the last change known here is of
 * 11 June 2025).
 */
const ECB_REFI_RATES: readonly [string, number][] = [
  ['2022-07-27', 50],
  ['2022-09-14', 125],
  ['2022-11-02', 200],
  ['2022-12-21', 250],
  ['2023-02-08', 300],
  ['2023-03-22', 350],
  ['2023-05-10', 375],
  ['2023-06-21', 400],
  ['2023-08-02', 425],
  ['2023-09-20', 450],
  ['2024-06-12', 425],
  ['2024-09-18', 365],
  ['2024-10-23', 340],
  ['2024-12-18', 315],
  ['2025-02-05', 290],
  ['2025-03-12', 265],
  ['2025-04-23', 240],
  ['2025-06-11', 215],
];

/**
 * The legal rate when the invoice names none: the ECB rate + 10 points (L441-10), the ECB rate being the
 * one in force on 1 January for the first half of the year and on 1 July for the second. We take the
 * half-year in which the invoice fell due (see docs/decisions/0010).
 */
export function legalPenaltyRate(dueDate: string): number {
  const half = `${dueDate.slice(0, 4)}-${Number(dueDate.slice(5, 7)) <= 6 ? '01' : '07'}-01`;
  let rate = 0;
  for (const [from, value] of ECB_REFI_RATES) if (compareDates(from, half) <= 0) rate = value;
  return rate + 1000;
}

/** The annual rate (hundredths of a percent) of an invoice: its own printed rate, else the legal one. */
export function penaltyRateOf(invoiceRate: string | null, dueDate: string): number {
  if (invoiceRate === null) return legalPenaltyRate(dueDate);
  return Math.round(Number(invoiceRate) * 100);
}

/**
 * Penalties = remaining × rate × days late / 365, in exact integer arithmetic, rounded half up to the cent
 * (named rounding 'halfUp', the commercial rounding of the kernel). The rate is in hundredths of a percent,
 * hence the 10 000.
 */
export function latePenalty(remaining: number, rateHundredths: number, daysLate: number): number {
  if (remaining <= 0 || daysLate <= 0 || rateHundredths <= 0) return 0;
  return Number(
    divideRounded(BigInt(remaining) * BigInt(rateHundredths) * BigInt(daysLate), 10_000n * 365n, 'halfUp'),
  );
}
