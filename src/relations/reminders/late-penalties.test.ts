import { describe, expect, it } from 'vitest';
import { latePenalty, legalPenaltyRate, penaltyRateOf } from './late-penalties.ts';

describe('late-payment penalties', () => {
  it('computes remaining × rate × days / 365, rounded half up to the cent', () => {
    // 1 200,00 € × 12,15 % × 45 / 365 = 17,9753… € → 17,98 €
    expect(latePenalty(120000, 1215, 45)).toBe(1798);
    // 400,00 € × 12,15 % × 60 / 365 = 7,9890… € → 7,99 €
    expect(latePenalty(40000, 1215, 60)).toBe(799);
    // exactly half a cent rounds up: 365 € × 1 % × 5 / 365 = 0,05 € ; 36,50 € × 1 % × 5 / 365 = 0,005 €
    expect(latePenalty(3650, 100, 5)).toBe(1);
    expect(latePenalty(120000, 1215, 0)).toBe(0);
    expect(latePenalty(0, 1215, 10)).toBe(0);
  });

  it('takes the ECB rate of the half-year of the due date, plus 10 points', () => {
    expect(legalPenaltyRate('2025-03-31')).toBe(1315); // 3,15 % on 1 January 2025
    expect(legalPenaltyRate('2025-09-01')).toBe(1215); // 2,15 % on 1 July 2025
    expect(legalPenaltyRate('2026-03-01')).toBe(1215);
    expect(penaltyRateOf('10.5', '2026-03-01')).toBe(1050);
    expect(penaltyRateOf(null, '2026-03-01')).toBe(1215);
  });
});
