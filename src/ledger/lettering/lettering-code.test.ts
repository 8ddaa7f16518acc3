import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entryTotals } from '../entries/entry-rules.ts';
import {
  type Candidate,
  judgeLettering,
  letteringCode,
  proposeLetterings,
  referenceKey,
} from './lettering-code.ts';

describe('lettering codes and rules', () => {
  it('counts A…Z, AA…ZZ, AAA like French software', () => {
    expect([1, 2, 26, 27, 52, 53, 702, 703].map(letteringCode)).toEqual([
      'A',
      'B',
      'Z',
      'AA',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
  });

  it('is complete only when balanced, partial only when asked and with both sides', () => {
    const invoice = { debit: 120000, credit: 0 };
    expect(judgeLettering([invoice, { debit: 0, credit: 120000 }], false)).toEqual({ kind: 'complete' });
    expect(judgeLettering([invoice, { debit: 0, credit: 100000 }], false).kind).toBe('refused');
    expect(judgeLettering([invoice, { debit: 0, credit: 100000 }], true)).toEqual({
      kind: 'partial',
      gap: 20000,
    });
    expect(judgeLettering([invoice, invoice], true).kind).toBe('refused');
    expect(judgeLettering([invoice], true).kind).toBe('refused');
  });

  it('normalises references', () => {
    expect(referenceKey(' fa 2026-001')).toBe('FA2026001');
    expect(referenceKey('  ')).toBeNull();
  });

  it('matches by reference first, then by amount, oldest first', () => {
    const lines: Candidate[] = [
      { id: 'inv1', debit: 120000, credit: 0, reference: 'FA-1', date: '2026-01-10' },
      { id: 'inv2', debit: 60000, credit: 0, reference: 'FA-2', date: '2026-01-11' },
      { id: 'pay1a', debit: 0, credit: 100000, reference: 'FA-1', date: '2026-02-01' },
      { id: 'pay1b', debit: 0, credit: 20000, reference: 'fa 1', date: '2026-02-02' },
      { id: 'pay2', debit: 0, credit: 60000, reference: 'VIR 99', date: '2026-02-03' },
      { id: 'inv3', debit: 5000, credit: 0, reference: null, date: '2026-03-01' },
    ];
    expect(proposeLetterings(lines)).toEqual([
      ['inv1', 'pay1a', 'pay1b'],
      ['inv2', 'pay2'],
    ]);
  });

  it('never proposes an unbalanced set (property)', () => {
    const line = fc.record({
      id: fc.uuid(),
      side: fc.boolean(),
      amount: fc.integer({ min: 1, max: 5000 }),
      reference: fc.option(fc.constantFrom('A', 'B', 'C'), { nil: null }),
      date: fc.constantFrom('2026-01-01', '2026-02-01', '2026-03-01'),
    });
    fc.assert(
      fc.property(fc.uniqueArray(line, { selector: (l) => l.id, maxLength: 30 }), (raw) => {
        const lines: Candidate[] = raw.map((l) => ({
          id: l.id,
          debit: l.side ? l.amount : 0,
          credit: l.side ? 0 : l.amount,
          reference: l.reference,
          date: l.date,
        }));
        const byId = new Map(lines.map((l) => [l.id, l]));
        const seen = new Set<string>();
        for (const set of proposeLetterings(lines)) {
          const totals = entryTotals(set.map((id) => byId.get(id)!));
          expect(totals.debit).toBe(totals.credit);
          for (const id of set) {
            expect(seen.has(id)).toBe(false);
            seen.add(id);
          }
        }
      }),
    );
  });
});
