import { describe, expect, it } from 'vitest';
import type { LetteringLineDto } from '../../../../src/ledger/lettering/contract.ts';
import { isSettled, selectionOf } from './lettering-model.ts';

const line = (
  id: string,
  debit: number,
  credit: number,
  auxiliary: string | null = 'CMARTIN',
  lettering: string | null = null,
): LetteringLineDto => ({
  id,
  entryId: `e-${id}`,
  entryNumber: 1,
  journal: 'VE',
  date: '2026-03-01',
  voucherRef: null,
  auxiliary,
  label: 'Ligne',
  debit,
  credit,
  dueDate: null,
  lettering,
  letteringId: lettering ? `l-${lettering}` : null,
});

describe('lettering selection', () => {
  const lines = [line('a', 12000, 0), line('b', 0, 12000), line('c', 0, 5000), line('d', 0, 7000, 'CDURAND')];

  it('letters lines whose debits equal their credits, partially otherwise', () => {
    expect(selectionOf(lines, new Set(['a', 'b']))).toMatchObject({
      count: 2,
      debit: 12000,
      credit: 12000,
      difference: 0,
      verdict: 'complete',
    });
    expect(selectionOf(lines, new Set(['a', 'c']))).toMatchObject({ difference: 7000, verdict: 'partial' });
    expect(selectionOf(lines, new Set(['a']))).toMatchObject({ verdict: 'tooFew' });
  });

  it('refuses lines of two parties', () => {
    expect(selectionOf(lines, new Set(['a', 'd'])).verdict).toBe('mixedAuxiliaries');
  });

  it('knows a complete lettering from a partial one by its case', () => {
    expect(isSettled(line('x', 1, 0, null, 'AB'))).toBe(true);
    expect(isSettled(line('x', 1, 0, null, 'ab'))).toBe(false);
    expect(isSettled(line('x', 1, 0, null, null))).toBe(false);
  });
});
