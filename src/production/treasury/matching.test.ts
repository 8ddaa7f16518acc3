import { describe, expect, it } from 'vitest';
import { autoMatch, daysBetween, similarity } from './matching.ts';

const side = (id: string, date: string, amount: number, text = '') => ({ id, date, amount, text });

describe('automatic matching of bank lines with 512 lines', () => {
  it('pairs exact amounts of the same sign within the window, never across signs', () => {
    const pairs = autoMatch(
      [side('b1', '2026-03-10', -12000), side('b2', '2026-03-10', 12000)],
      [side('l1', '2026-03-07', 12000), side('l2', '2026-03-08', -12000)],
      5,
    );
    expect(pairs).toEqual([
      { bankLineId: 'b1', ledgerLineId: 'l2' },
      { bankLineId: 'b2', ledgerLineId: 'l1' },
    ]);
  });

  it('leaves a line outside the window, or with another amount, unmatched', () => {
    expect(autoMatch([side('b', '2026-03-20', 5000)], [side('l', '2026-03-14', 5000)], 5)).toEqual([]);
    expect(autoMatch([side('b', '2026-03-20', 5000)], [side('l', '2026-03-15', 5000)], 5)).toHaveLength(1);
    expect(autoMatch([side('b', '2026-03-20', 5000)], [side('l', '2026-03-20', 5001)], 5)).toEqual([]);
  });

  it('uses the reference as tie-breaker, then the closest date, and each ledger line once', () => {
    const bank = [
      side('b1', '2026-03-10', 30000, 'VIR SEPA DUPONT FACT FA-2026-0012'),
      side('b2', '2026-03-10', 30000, 'VIR SEPA MARTIN FACT FA-2026-0031'),
    ];
    const ledger = [
      side('l1', '2026-03-09', 30000, 'Encaissement Martin FA-2026-0031'),
      side('l2', '2026-03-08', 30000, 'Encaissement Dupont FA-2026-0012'),
    ];
    const sorted = autoMatch(bank, ledger, 5).sort((a, b) => a.bankLineId.localeCompare(b.bankLineId));
    expect(sorted).toEqual([
      { bankLineId: 'b1', ledgerLineId: 'l2' },
      { bankLineId: 'b2', ledgerLineId: 'l1' },
    ]);
    // Three bank lines for two entries: the third stays unmatched.
    const more = [...bank, side('b3', '2026-03-10', 30000, 'VIR SEPA DURAND')];
    const pairs = autoMatch(more, ledger, 5);
    expect(pairs).toHaveLength(2);
    expect(new Set(pairs.map((p) => p.ledgerLineId)).size).toBe(2);
    // Without any text, the closest date wins.
    expect(
      autoMatch(
        [side('b', '2026-03-10', 100)],
        [side('far', '2026-03-06', 100), side('near', '2026-03-09', 100)],
        5,
      ),
    ).toEqual([{ bankLineId: 'b', ledgerLineId: 'near' }]);
  });

  it('compares words without case nor accents, numbers counting more', () => {
    expect(similarity('Prélèvement URSSAF', 'PRELEVEMENT urssaf')).toBe(2);
    expect(similarity('CHQ 1234567', 'Chèque n° 1234567')).toBe(3);
    expect(daysBetween('2026-02-27', '2026-03-02')).toBe(3);
  });
});
