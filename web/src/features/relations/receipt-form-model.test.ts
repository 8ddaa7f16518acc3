import { describe, expect, it } from 'vitest';
import { allocateOldestFirst, centsToInput, parseEuros } from './receipt-form-model.ts';

describe('receipt form model', () => {
  it('reads amounts in euros', () => {
    expect(parseEuros('1 234,56')).toBe(123456);
    expect(parseEuros('12.5')).toBe(1250);
    expect(parseEuros('12,345')).toBeNull();
    expect(parseEuros('-3')).toBeNull();
    expect(centsToInput(123405)).toBe('1234,05');
  });

  it('allocates the oldest invoices first, never more than what is left', () => {
    const invoices = [
      { invoiceId: 'a', remaining: 50000 },
      { invoiceId: 'b', remaining: 30000 },
    ];
    expect(allocateOldestFirst(60000, invoices)).toEqual({ a: 50000, b: 10000 });
    expect(allocateOldestFirst(100000, invoices)).toEqual({ a: 50000, b: 30000 });
  });
});
