import { addDays, daysBetween, endOfMonth } from '../../kernel/dates/index.ts';
import type { SocialDashboardDto } from './contract.ts';

// The figures of the social dashboard, from the employees' files alone (pure: the route reads the rows).
// Definitions follow the usual bilan social ones: headcount on a day counts everyone under contract that
// day (part-time included, one head each); the turnover rate is the mean of entries and exits over the
// average headcount; ages and seniority are whole years on the day.

export type EmployeeFacts = {
  id: string;
  name: string;
  sex: 'F' | 'M';
  birthDate: string;
  contractType: string;
  category: string;
  weeklyHours: number;
  hireDate: string;
  contractEnd: string | null;
  leftOn: string | null;
};

const BRACKETS = [
  { bracket: 'moins de 25 ans', min: 0, max: 24 },
  { bracket: '25 à 34 ans', min: 25, max: 34 },
  { bracket: '35 à 44 ans', min: 35, max: 44 },
  { bracket: '45 à 54 ans', min: 45, max: 54 },
  { bracket: '55 ans et plus', min: 55, max: 200 },
];

/** Present on `day`: hired by then and not left before it (the day of departure still counts). */
export function presentOn(e: EmployeeFacts, day: string): boolean {
  return e.hireDate <= day && (e.leftOn === null || e.leftOn >= day);
}

/** Whole years from `from` to `to`: an anniversary counts on its day (one of 29 February, on 1 March). */
export function wholeYears(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  let years = ty - fy;
  if (tm < fm || (tm === fm && td < fd)) years -= 1;
  return years;
}

function countBy(rows: readonly EmployeeFacts[], key: (e: EmployeeFacts) => string) {
  const counts = new Map<string, number>();
  for (const e of rows) counts.set(key(e), (counts.get(key(e)) ?? 0) + 1);
  return [...counts.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, count]) => ({ key: k, count }));
}

export type MonthPayroll = { month: string; gross: number; employerCost: number };

export function socialFigures(
  employees: readonly EmployeeFacts[],
  asOf: string,
  payroll: readonly MonthPayroll[] = [],
): SocialDashboardDto {
  const year = Number(asOf.slice(0, 4));
  const present = employees.filter((e) => presentOn(e, asOf));
  const monthly: SocialDashboardDto['monthly'] = [];
  for (let m = 1; m <= Number(asOf.slice(5, 7)); m++) {
    const monthEnd = endOfMonth(`${year}-${String(m).padStart(2, '0')}-01`);
    const day = monthEnd < asOf ? monthEnd : asOf;
    monthly.push({
      month: monthEnd.slice(0, 7),
      headcount: employees.filter((e) => presentOn(e, day)).length,
    });
  }
  const yearStart = `${year}-01-01`;
  const entries = employees.filter((e) => e.hireDate >= yearStart && e.hireDate <= asOf).length;
  const exits = employees.filter(
    (e) => e.leftOn !== null && e.leftOn >= yearStart && e.leftOn <= asOf,
  ).length;
  const average = monthly.reduce((s, m) => s + m.headcount, 0) / monthly.length;
  const ages = present.map((e) => ({ sex: e.sex, age: wholeYears(e.birthDate, asOf) }));
  const seniority = present.map((e) => daysBetween(e.hireDate, asOf) / 365.25);
  const horizon = addDays(asOf, 60);
  return {
    asOf,
    year,
    headcount: present.length,
    fullTimeEquivalent: Math.round((present.reduce((s, e) => s + e.weeklyHours, 0) / 3500) * 100) / 100,
    byContract: countBy(present, (e) => e.contractType),
    byCategory: countBy(present, (e) => e.category),
    bySex: countBy(present, (e) => e.sex),
    ages: BRACKETS.map((b) => ({
      bracket: b.bracket,
      women: ages.filter((a) => a.sex === 'F' && a.age >= b.min && a.age <= b.max).length,
      men: ages.filter((a) => a.sex === 'M' && a.age >= b.min && a.age <= b.max).length,
    })),
    averageSeniorityYears:
      seniority.length === 0
        ? null
        : Math.round((seniority.reduce((s, y) => s + y, 0) / seniority.length) * 10) / 10,
    monthly,
    entries,
    exits,
    turnoverRate: average === 0 ? null : Math.round(((entries + exits) / 2 / average) * 10_000) / 10_000,
    // Every month of the year up to asOf's, 0 where no payroll was validated.
    payroll: monthly.map(({ month }) => {
      const paid = payroll.find((p) => p.month === month);
      return { month, gross: paid?.gross ?? 0, employerCost: paid?.employerCost ?? 0 };
    }),
    endingSoon: present
      .filter((e) => e.contractType !== 'cdi' && e.contractEnd !== null)
      .filter((e) => e.contractEnd! >= asOf && e.contractEnd! <= horizon)
      .sort((a, b) => a.contractEnd!.localeCompare(b.contractEnd!))
      .map((e) => ({
        employeeId: e.id,
        name: e.name,
        contractType: e.contractType,
        contractEnd: e.contractEnd!,
        daysLeft: daysBetween(asOf, e.contractEnd!),
      })),
  };
}
