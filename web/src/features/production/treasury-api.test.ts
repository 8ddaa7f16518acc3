import { describe, expect, it } from 'vitest';
import { type LedgerSideLine, parseReportSearch, selectedTotal } from './treasury-api.ts';

const line = (id: string, amount: number): LedgerSideLine => ({
  id,
  entryId: `e-${id}`,
  entryNumber: 1,
  journal: 'BQ',
  date: '2026-03-15',
  label: id,
  voucherRef: null,
  amount,
  bankLineId: null,
});

describe('reconciliation screen helpers', () => {
  it('adds the chosen ledger lines only, signs kept (50,00 + 45,40 = 95,40 out)', () => {
    const lines = [line('a', -5000), line('b', -4540), line('c', 120000)];
    expect(selectedTotal(lines, new Set(['a', 'b']))).toBe(-9540);
    expect(selectedTotal(lines, new Set())).toBe(0);
  });

  it('keeps a well-formed date from the address, drops anything else', () => {
    expect(parseReportSearch({ date: '2026-03-31' })).toEqual({ date: '2026-03-31' });
    expect(parseReportSearch({ date: '31/03/2026' })).toEqual({});
    expect(parseReportSearch({})).toEqual({});
  });
});
