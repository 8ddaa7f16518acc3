import { describe, expect, it } from 'vitest';
import { remainingByDue } from './cash-plan.ts';

const item = (auxiliary: string, due: string, amount: number) => ({
  account: '411',
  auxiliary,
  label: auxiliary,
  partyId: null,
  due,
  amount,
});

describe('what open items leave to be paid', () => {
  it('applies a payment not yet lettered to the oldest amounts first', () => {
    expect(
      remainingByDue([
        item('411DUR', '2026-04-30', 30000),
        item('411DUR', '2026-02-28', 120000),
        item('411DUR', '2026-03-05', -130000),
      ]),
    ).toEqual([{ due: '2026-04-30', amount: 20000 }]);
  });

  it('keeps what is left of a partly paid amount, party by party', () => {
    expect(
      remainingByDue([
        item('411DUR', '2026-02-28', 120000),
        item('411DUR', '2026-03-05', -50000),
        item('411LER', '2026-04-07', 120000),
      ]),
    ).toEqual([
      { due: '2026-02-28', amount: 70000 },
      { due: '2026-04-07', amount: 120000 },
    ]);
  });

  it('assumes no refund for a party left in credit', () => {
    expect(
      remainingByDue([item('411DUR', '2026-02-28', 10000), item('411DUR', '2026-03-01', -25000)]),
    ).toEqual([]);
  });
});
