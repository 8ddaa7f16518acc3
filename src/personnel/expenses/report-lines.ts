import { type MealType, mealExemptLimit } from './meal-limits.ts';
import { mileageBand, mileageKey, mileageShares } from './mileage.ts';

// The figures of an expense report's lines, pure: shared by the server (validation, the draft's preview)
// and the web (computed while the lines are typed). Decision 0037.

/** 6251 « Voyages et déplacements » for travel, 6256 « Missions » for meals, lodging and the rest. */
export const TRAVEL_ACCOUNT = '6251';
export const MISSION_ACCOUNT = '6256';
export const ACCOUNT_OF_KIND = {
  mileage: TRAVEL_ACCOUNT,
  transport: TRAVEL_ACCOUNT,
  toll_parking: TRAVEL_ACCOUNT,
  meal: MISSION_ACCOUNT,
  lodging: MISSION_ACCOUNT,
  other: MISSION_ACCOUNT,
} as const;

export type LineFigures = {
  kind: keyof typeof ACCOUNT_OF_KIND;
  date: string;
  km: number | null;
  fiscalPower: number | null;
  electric: boolean;
  mealType: MealType | null;
  amount: number | null;
  vat: number;
};

export type ComputedLine = {
  amount: number;
  vat: number;
  account: string;
  kmBefore: number | null;
  formula: string | null;
  exemptLimit: number | null;
  excess: number;
};

/**
 * Each line's amount and figures. Mileage lines take their allowance from the barème by year-to-date
 * difference: `before` holds the kilometres already allowed this year per vehicle (mileageKey); lines
 * are taken in their order. A meal above its URSSAF limit keeps its amount; the excess is shown.
 */
export function computeLines(
  lines: readonly LineFigures[],
  before: ReadonlyMap<string, number>,
): ComputedLine[] {
  const trips = lines.flatMap((l) =>
    l.kind === 'mileage' && l.km !== null && l.fiscalPower !== null
      ? [{ km: l.km, fiscalPower: l.fiscalPower, electric: l.electric, year: l.date.slice(0, 4) }]
      : [],
  );
  const shares = mileageShares(trips, before);
  let trip = 0;
  return lines.map((l) => {
    const account = ACCOUNT_OF_KIND[l.kind];
    if (l.kind === 'mileage') {
      if (l.km === null || l.fiscalPower === null)
        return { amount: 0, vat: 0, account, kmBefore: null, formula: null, exemptLimit: null, excess: 0 };
      const share = shares[trip++]!;
      return {
        amount: share.allowance,
        vat: 0,
        account,
        kmBefore: share.kmBefore,
        formula: mileageBand(share.kmBefore + l.km, l.fiscalPower).formula,
        exemptLimit: null,
        excess: 0,
      };
    }
    const amount = l.amount ?? 0;
    const exemptLimit = l.kind === 'meal' ? mealExemptLimit(l.date, l.mealType ?? 'restaurant') : null;
    return {
      amount,
      vat: l.vat,
      account,
      kmBefore: null,
      formula: null,
      exemptLimit,
      excess: exemptLimit === null ? 0 : Math.max(0, amount - exemptLimit),
    };
  });
}

export function reportTotals(lines: readonly (LineFigures & ComputedLine)[]) {
  const sum = (f: (l: LineFigures & ComputedLine) => number) => lines.reduce((s, l) => s + f(l), 0);
  return {
    total: sum((l) => l.amount),
    totalVat: sum((l) => l.vat),
    mileageTotal: sum((l) => (l.kind === 'mileage' ? l.amount : 0)),
    excessTotal: sum((l) => l.excess),
  };
}

export { mileageKey };
