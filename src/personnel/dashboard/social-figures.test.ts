import { describe, expect, it } from 'vitest';
import { type EmployeeFacts, socialFigures, wholeYears } from './social-figures.ts';

const person = (over: Partial<EmployeeFacts> & Pick<EmployeeFacts, 'id'>): EmployeeFacts => ({
  name: over.id,
  sex: 'F',
  birthDate: '1990-01-01',
  contractType: 'cdi',
  category: 'employee',
  weeklyHours: 3500,
  hireDate: '2020-01-01',
  contractEnd: null,
  leftOn: null,
  ...over,
});

// Five employees, the figures on 15 June 2026 worked out by hand:
const staff = [
  person({ id: 'A', sex: 'F', birthDate: '1990-04-12', hireDate: '2024-03-01' }),
  person({
    id: 'B',
    sex: 'M',
    birthDate: '2003-09-30',
    contractType: 'apprenticeship',
    hireDate: '2025-09-01',
    contractEnd: '2027-08-31',
  }),
  person({
    id: 'C',
    sex: 'F',
    birthDate: '1968-01-15',
    category: 'executive',
    weeklyHours: 2800,
    hireDate: '2026-02-01',
  }),
  person({
    id: 'D',
    sex: 'M',
    birthDate: '1985-06-20',
    contractType: 'cdd',
    hireDate: '2026-01-05',
    contractEnd: '2026-06-30',
    leftOn: '2026-06-30',
  }),
  person({
    id: 'E',
    sex: 'F',
    birthDate: '2001-11-02',
    contractType: 'cdd',
    hireDate: '2026-05-04',
    contractEnd: '2026-07-31',
  }),
];

describe('social dashboard figures', () => {
  it('counts the worked example of 15 June 2026', () => {
    const f = socialFigures(staff, '2026-06-15');
    // All five are under contract on 15 June (D leaves on the 30th).
    expect(f.headcount).toBe(5);
    // (35 + 35 + 28 + 35 + 35) h ÷ 35 h = 4,8.
    expect(f.fullTimeEquivalent).toBe(4.8);
    expect(f.byContract).toEqual([
      { key: 'apprenticeship', count: 1 },
      { key: 'cdd', count: 2 },
      { key: 'cdi', count: 2 },
    ]);
    expect(f.byCategory).toEqual([
      { key: 'employee', count: 4 },
      { key: 'executive', count: 1 },
    ]);
    expect(f.bySex).toEqual([
      { key: 'F', count: 3 },
      { key: 'M', count: 2 },
    ]);
    // Ages: A 36, B 22 (birthday in September), C 58, D 40 (birthday on the 20th), E 24.
    expect(f.ages).toEqual([
      { bracket: 'moins de 25 ans', women: 1, men: 1 },
      { bracket: '25 à 34 ans', women: 0, men: 0 },
      { bracket: '35 à 44 ans', women: 1, men: 1 },
      { bracket: '45 à 54 ans', women: 0, men: 0 },
      { bracket: '55 ans et plus', women: 1, men: 0 },
    ]);
    // Month ends: January A B D; February–April + C; May + E; June (on the 15th) the same five.
    expect(f.monthly).toEqual([
      { month: '2026-01', headcount: 3 },
      { month: '2026-02', headcount: 4 },
      { month: '2026-03', headcount: 4 },
      { month: '2026-04', headcount: 4 },
      { month: '2026-05', headcount: 5 },
      { month: '2026-06', headcount: 5 },
    ]);
    // Entries C, D, E; no exit yet. Turnover = ((3 + 0) ÷ 2) ÷ (25 ÷ 6) = 9 ÷ 25 = 0,36.
    expect([f.entries, f.exits, f.turnoverRate]).toEqual([3, 0, 0.36]);
    // Seniority: 836 + 287 + 134 + 161 + 42 = 1 460 days ÷ 5 ÷ 365,25 = 0,7995 → 0,8 year.
    expect(f.averageSeniorityYears).toBe(0.8);
    // Fixed-term contracts ending within 60 days (by 14 August): D on 30 June, E on 31 July.
    expect(f.endingSoon.map((e) => [e.employeeId, e.contractEnd, e.daysLeft])).toEqual([
      ['D', '2026-06-30', 15],
      ['E', '2026-07-31', 46],
    ]);
  });

  it('counts an exit on the day after it, and nobody when nobody is present', () => {
    const f = socialFigures(staff, '2026-07-01');
    expect([f.headcount, f.exits]).toEqual([4, 1]);
    expect(f.endingSoon.map((e) => e.employeeId)).toEqual(['E']);
    const empty = socialFigures([], '2026-03-10');
    expect(empty).toMatchObject({ headcount: 0, averageSeniorityYears: null, turnoverRate: null });
    expect(empty.monthly).toHaveLength(3);
  });

  it('counts whole years, an anniversary on its day', () => {
    expect(wholeYears('1990-06-15', '2026-06-14')).toBe(35);
    expect(wholeYears('1990-06-15', '2026-06-15')).toBe(36);
    expect(wholeYears('2000-02-29', '2026-02-28')).toBe(25);
  });
});
