import { describe, expect, it } from 'vitest';
import { hoursText, parseEurosText, parseHours } from './careers-api.ts';

describe('careers form helpers', () => {
  it('reads hours and euros typed the French way', () => {
    expect(parseHours('35')).toBe(3500);
    expect(parseHours('24,5')).toBe(2450);
    expect(parseHours('abc')).toBeNull();
    expect(parseEurosText('1 234,5 €')).toBe(123450);
    expect(parseEurosText('')).toBeNull();
    expect(parseEurosText('12,345')).toBeNull();
    expect(hoursText(1450)).toBe('14,50 h');
    expect(hoursText(700)).toBe('7 h');
  });
});
