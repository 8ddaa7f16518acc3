// A JSON import: contract.ts re-exports this file for the web.
import payrollFile from '../../../data/payroll-2026.json' with { type: 'json' };

// The URSSAF limits under which a meal allowance is exempt from contributions (arrêté du 20 décembre 2002,
// revalued each 1 January), from data/payroll-2026.json `meal_allowances_urssaf`. A meal line shows the
// limit of its kind as its exempt ceiling; what is paid above it is reimbursed and flagged as subject to
// contributions (decision 0037).

export const MEAL_TYPES = ['restaurant', 'not_restaurant', 'on_site'] as const;
export type MealType = (typeof MEAL_TYPES)[number];

type Limits = { on_site_eur: number; travel_not_restaurant_eur: number; travel_restaurant_eur: number };
const meal = (
  payrollFile as unknown as {
    meal_allowances_urssaf: Limits & { year: number; previous: Record<string, Limits> };
  }
).meal_allowances_urssaf;

const byYear = new Map<number, Limits>([
  ...Object.entries(meal.previous).map(([year, limits]) => [Number(year), limits] as [number, Limits]),
  [meal.year, meal],
]);
const years = [...byYear.keys()].sort((a, b) => a - b);

const cents = (eur: number) => Math.round(eur * 100);

/**
 * The exempt ceiling of one meal, in cents, for the year of its date: a meal taken at a restaurant while
 * travelling (21,40 € in 2026), outside a restaurant while travelling (10,40 €), on site for work
 * constraints (7,50 €). A year the file does not give takes the nearest year it gives.
 */
export function mealExemptLimit(date: string, type: MealType): number {
  const year = Number(date.slice(0, 4));
  const known = years.filter((y) => y <= year).pop() ?? years[0]!;
  const limits = byYear.get(known)!;
  return cents(
    type === 'restaurant'
      ? limits.travel_restaurant_eur
      : type === 'not_restaurant'
        ? limits.travel_not_restaurant_eur
        : limits.on_site_eur,
  );
}
