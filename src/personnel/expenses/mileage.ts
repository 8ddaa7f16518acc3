// A JSON import, not a file read: contract.ts re-exports this file and the web computes the allowance live.
import baremeFile from '../../../data/bareme-km.json' with { type: 'json' };

// The barème kilométrique (cars) of data/bareme-km.json, in exact integers. The barème gives the allowance
// of a year's professional distance d, not a price per kilometre: d ≤ 5 000 km → d × a; 5 001 to 20 000 km →
// d × b + c; above → d × e. Rates have three decimals, so the computation runs in thousandths of a euro and
// is rounded to the cent once, half up, at the end (after the +20 % of electric cars, CGI annexe IV
// art. 6 B: the increase applies to the amount, before rounding). Decision 0037.

type Band = { from_km: number; to_km: number | null; rate_per_km: number; fixed_eur: number };
type BaremeFile = { electric_surcharge_pct: number; cars: { fiscal_power_cv: string; bands: Band[] }[] };

/** The five columns of the barème: 3 CV and less, 4, 5, 6, 7 CV and more. */
export const POWER_CLASSES = ['3', '4', '5', '6', '7+'] as const;
export type PowerClass = (typeof POWER_CLASSES)[number];

type IntBand = { fromKm: number; toKm: number | null; milliPerKm: number; fixedMilli: number };

const file = baremeFile as BaremeFile;
const SURCHARGE = file.electric_surcharge_pct;
const bands = new Map<PowerClass, IntBand[]>(
  file.cars.map((c) => [
    c.fiscal_power_cv as PowerClass,
    c.bands.map((b) => ({
      fromKm: b.from_km,
      toKm: b.to_km,
      // 0.357 € is 357 thousandths; Math.round only removes the binary noise of the decimal in the file.
      milliPerKm: Math.round(b.rate_per_km * 1000),
      fixedMilli: Math.round(b.fixed_eur * 1000),
    })),
  ]),
);

/** The barème stops at 7 CV (« 7 CV et plus ») and starts with « 3 CV et moins ». */
export function powerClass(fiscalPower: number): PowerClass {
  if (fiscalPower <= 3) return '3';
  if (fiscalPower >= 7) return '7+';
  return String(fiscalPower) as PowerClass;
}

export type MileageBand = {
  /** « d × 0,357 + 1 395 » as the barème writes it. */
  formula: string;
  milliPerKm: number;
  fixedMilli: number;
};

function bandOf(km: number, cls: PowerClass): IntBand {
  const list = bands.get(cls)!;
  return list.find((b) => km >= b.fromKm && (b.toKm === null || km <= b.toKm)) ?? list[list.length - 1]!;
}

const decimalFr = (milli: number) =>
  (milli / 1000).toFixed(3).replace(/0+$/, '').replace(/\.$/, '').replace('.', ',');
const thousandsFr = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');

/** The line of the barème a year's distance falls in, with its formula in French. */
export function mileageBand(km: number, fiscalPower: number): MileageBand {
  const b = bandOf(km, powerClass(fiscalPower));
  const formula =
    b.fixedMilli === 0
      ? `d × ${decimalFr(b.milliPerKm)}`
      : `(d × ${decimalFr(b.milliPerKm)}) + ${thousandsFr(b.fixedMilli / 1000)}`;
  return { formula, milliPerKm: b.milliPerKm, fixedMilli: b.fixedMilli };
}

/**
 * The allowance of a whole year's distance `km` (integer kilometres) with one vehicle, in cents: the barème
 * applied once to the total, +20 % for a 100 % electric car, rounded half up to the cent.
 */
export function annualMileageAllowance(km: number, fiscalPower: number, electric: boolean): number {
  if (!Number.isSafeInteger(km) || km < 0) throw new RangeError(`Distance invalide : ${km}`);
  if (km === 0) return 0;
  const b = bandOf(km, powerClass(fiscalPower));
  const milli = km * b.milliPerKm + b.fixedMilli;
  // In ten-thousandths of a euro: ×10, or ×(100 + 20) / 10 for an electric car — both exact integers.
  const tenThousandths = electric ? (milli * (100 + SURCHARGE)) / 10 : milli * 10;
  return Math.floor((tenThousandths + 50) / 100);
}

export type MileageTrip = { km: number; fiscalPower: number; electric: boolean; year: string };
export type MileageShare = {
  /** The same vehicle's kilometres in the year before this trip (validated reports, then earlier lines). */
  kmBefore: number;
  /** annual(kmBefore + km) − annual(kmBefore), in cents. */
  allowance: number;
};

/** The key of a vehicle's yearly counter: the barème applies vehicle by vehicle, year by year. */
export const mileageKey = (t: { fiscalPower: number; electric: boolean; year: string }) =>
  `${t.year}:${powerClass(t.fiscalPower)}:${t.electric ? 'e' : 't'}`;

/**
 * Each trip's allowance as the difference between the year-to-date allowance after and before it: the
 * « barème régulé ». However the year's distance is split into reports, the allowances add up to the
 * barème applied once to the year's total (the differences telescope), and a report that crosses 5 000 km
 * gets exactly what the change of band is worth. `before` gives each vehicle's kilometres already allowed
 * this year (by mileageKey); the trips are taken in order.
 */
export function mileageShares(
  trips: readonly MileageTrip[],
  before: ReadonlyMap<string, number>,
): MileageShare[] {
  const running = new Map(before);
  return trips.map((t) => {
    const key = mileageKey(t);
    const kmBefore = running.get(key) ?? 0;
    running.set(key, kmBefore + t.km);
    return {
      kmBefore,
      allowance:
        annualMileageAllowance(kmBefore + t.km, t.fiscalPower, t.electric) -
        annualMileageAllowance(kmBefore, t.fiscalPower, t.electric),
    };
  });
}
