import { describe, expect, it } from 'vitest';
import { centsOf, quantityFr } from './stock-api.ts';

describe('stock screen helpers', () => {
  it('reads a unit cost typed in euros as cents, the French way or not', () => {
    expect(centsOf('60,00')).toBe(6000);
    expect(centsOf('65')).toBe(6500);
    expect(centsOf('4.5')).toBe(450);
    expect(centsOf('1 250,10')).toBe(125010);
    expect(centsOf('12,345')).toBeNull();
    expect(centsOf('douze')).toBeNull();
  });

  it('writes quantities with a comma and a true minus sign', () => {
    expect(quantityFr('2.5')).toBe('2,5');
    expect(quantityFr('-12')).toBe('−12');
  });
});
