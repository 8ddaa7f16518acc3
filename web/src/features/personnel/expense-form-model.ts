import {
  computeLines,
  type ExpenseKind,
  type ExpenseLineDto,
  type MealType,
  type MileageYearDto,
  reportTotals,
} from '../../../../src/personnel/expenses/contract.ts';
import { centsToInput, parseEuros } from '../relations/receipt-form-model.ts';

// The lines of a new expense report as typed (text fields), what the API receives, and the figures shown
// while typing: the server's own pure computation (barème by year-to-date difference, URSSAF limits).

export type LineRow = {
  key: number;
  kind: ExpenseKind;
  date: string;
  label: string;
  fromPlace: string;
  toPlace: string;
  km: string;
  fiscalPower: string;
  electric: boolean;
  mealType: MealType;
  amount: string;
  vat: string;
};

let nextKey = 1;
export const emptyLineRow = (date: string, kind: ExpenseKind = 'mileage'): LineRow => ({
  key: nextKey++,
  kind,
  date,
  label: '',
  fromPlace: '',
  toPlace: '',
  km: '',
  fiscalPower: '',
  electric: false,
  mealType: 'restaurant',
  amount: '',
  vat: '',
});

/** A saved line back into the form's text fields (editing a draft). */
export function lineRowOf(l: ExpenseLineDto): LineRow {
  const euros = (cents: number) => (cents === 0 ? '' : centsToInput(cents));
  return {
    key: nextKey++,
    kind: l.kind,
    date: l.date,
    label: l.label ?? '',
    fromPlace: l.fromPlace ?? '',
    toPlace: l.toPlace ?? '',
    km: l.km === null ? '' : String(l.km),
    fiscalPower: l.fiscalPower === null ? '' : String(l.fiscalPower),
    electric: l.electric,
    mealType: l.mealType ?? 'restaurant',
    amount: l.kind === 'mileage' ? '' : euros(l.amount),
    vat: l.kind === 'mileage' ? '' : euros(l.vat),
  };
}

const int = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : null);

/** The API's line: mileage fields for a mileage line, amount and VAT for the others. */
export function toLineInput(r: LineRow) {
  if (r.kind === 'mileage')
    return {
      kind: r.kind,
      date: r.date,
      label: r.label.trim() || null,
      fromPlace: r.fromPlace.trim(),
      toPlace: r.toPlace.trim(),
      km: int(r.km) ?? 0,
      fiscalPower: int(r.fiscalPower) ?? 0,
      electric: r.electric,
    };
  return {
    kind: r.kind,
    date: r.date,
    label: r.label.trim() || null,
    mealType: r.kind === 'meal' ? r.mealType : null,
    amount: parseEuros(r.amount) ?? 0,
    vat: r.vat.trim() === '' ? 0 : (parseEuros(r.vat) ?? 0),
  };
}

/** Each line's amount as it will be computed, and the report's totals. */
export function liveFigures(rows: readonly LineRow[], year: MileageYearDto | undefined) {
  const before = new Map((year?.vehicles ?? []).map((v) => [v.key, v.km]));
  const figures = rows.map((r) => ({
    kind: r.kind,
    date: r.date,
    km: r.kind === 'mileage' ? int(r.km) : null,
    fiscalPower: r.kind === 'mileage' ? int(r.fiscalPower) : null,
    electric: r.electric,
    mealType: r.kind === 'meal' ? r.mealType : null,
    amount: r.kind === 'mileage' ? null : parseEuros(r.amount),
    vat: r.kind === 'mileage' ? 0 : (parseEuros(r.vat) ?? 0),
  }));
  // Lines of another year than the report's count from zero here; the server counts them exactly.
  const computed = computeLines(figures, before);
  return { lines: computed, totals: reportTotals(figures.map((f, i) => ({ ...f, ...computed[i]! }))) };
}
