import { describe, expect, it } from 'vitest';
import { emptyLineRow, lineRowOf, liveFigures, toLineInput } from './expense-form-model.ts';

// The live figures use the server's computation: 420 km at 5 CV, first trip of the year, is
// 420 × 0,636 = 267,12 € (barème kilométrique, first band); after 4 800 km already counted, 420 km
// straddle 5 000 km: (5 220 × 0,357 + 1 395) − 4 800 × 0,636 = 3 258,54 − 3 052,80 = 205,74 €.
describe('expense form model', () => {
  const mileage = {
    ...emptyLineRow('2026-03-09'),
    fromPlace: 'Grenoble',
    toPlace: 'Lyon',
    km: '420',
    fiscalPower: '5',
  };

  it('computes the allowance of a typed mileage line, from zero or after the year’s kilometres', () => {
    expect(liveFigures([mileage], undefined).totals.total).toBe(26712);
    const year = {
      year: '2026',
      vehicles: [{ key: '2026:5:t', powerClass: '5', electric: false, km: 4800, allowance: 305280 }],
    };
    expect(liveFigures([mileage], year).lines[0]).toMatchObject({ amount: 20574, kmBefore: 4800 });
  });

  it('turns typed euros into cents and keeps mileage lines free of amounts', () => {
    const meal = { ...emptyLineRow('2026-03-09', 'meal'), amount: '30,00', vat: '2,73' };
    expect(toLineInput(meal)).toMatchObject({ kind: 'meal', amount: 3000, vat: 273, mealType: 'restaurant' });
    expect(toLineInput(mileage)).toMatchObject({ kind: 'mileage', km: 420, fiscalPower: 5, electric: false });
    expect(liveFigures([mileage, meal], undefined).totals).toEqual({
      total: 29712,
      totalVat: 273,
      mileageTotal: 26712,
      excessTotal: 860,
    });
  });

  it('puts a saved line back into the form as it was typed', () => {
    const row = lineRowOf({
      kind: 'meal',
      date: '2026-03-09',
      label: 'Déjeuner',
      fromPlace: null,
      toPlace: null,
      km: null,
      fiscalPower: null,
      electric: false,
      mealType: 'restaurant',
      amount: 3000,
      vat: 273,
      account: '6256',
      kmBefore: null,
      formula: null,
      exemptLimit: 2140,
      excess: 860,
    });
    expect(row).toMatchObject({ amount: '30,00', vat: '2,73', label: 'Déjeuner' });
    expect(toLineInput(row)).toMatchObject({ amount: 3000, vat: 273 });
  });
});
