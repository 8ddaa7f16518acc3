import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  acquiredBetween,
  daysFr,
  type LeaveRecord,
  leaveBalance,
  MONTHLY_ACQUISITION,
  PERIOD_CAP,
  SICK_MONTHLY_ACQUISITION,
  SICK_PERIOD_CAP,
} from './balance.ts';

const record = (
  type: LeaveRecord['type'],
  from: string,
  to: string,
  halfDays: number,
  status: LeaveRecord['status'] = 'approved',
): LeaveRecord => ({
  type,
  status,
  span: { from, to, startsAfternoon: false, endsMorning: false },
  halfDays,
});

describe('paid-leave account', () => {
  it('uses the figures of data/payroll-2026.json (paid_leave)', () => {
    const data = JSON.parse(
      readFileSync(join(import.meta.dirname, '../../../data/payroll-2026.json'), 'utf8'),
    );
    expect(data.paid_leave.accrual).toContain(
      '2,5 jours ouvrables par mois de travail effectif, soit 30 jours ouvrables',
    );
    expect(data.paid_leave.accrual).toContain('1er juin - 31 mai');
    expect(data.paid_leave.sick_leave_2024_reform).toContain('2 jours ouvrables par mois, plafond 24 jours');
    expect([MONTHLY_ACQUISITION, PERIOD_CAP, SICK_MONTHLY_ACQUISITION, SICK_PERIOD_CAP]).toEqual([
      250, 3000, 200, 2400,
    ]);
  });

  it('acquires 30 days over a full period, and 24 at most over a year of sickness', () => {
    const employment = { hireDate: '2020-01-06', leftOn: null };
    expect(acquiredBetween(employment, [], '2025-06-01', '2026-05-31')).toBe(3000);
    const sickYear = [record('sick_leave', '2025-06-01', '2026-05-31', 0)];
    expect(acquiredBetween(employment, sickYear, '2025-06-01', '2026-05-31')).toBe(2400);
    // A month of unpaid leave acquires nothing: 11 × 2,5.
    const unpaid = [record('unpaid_leave', '2025-09-01', '2025-09-30', 0)];
    expect(acquiredBetween(employment, unpaid, '2025-06-01', '2026-05-31')).toBe(2750);
  });

  it('prorates a month of entry or departure by its calendar days', () => {
    // Hired on 16 June: 15/30 × 2,5 = 1,25; left on 15 July: 15/31 × 2,5 = 1,2096… → 1,20.
    expect(acquiredBetween({ hireDate: '2026-06-16', leftOn: null }, [], '2026-06-01', '2026-06-30')).toBe(
      125,
    );
    expect(
      acquiredBetween({ hireDate: '2026-06-16', leftOn: '2026-07-15' }, [], '2026-06-01', '2026-07-31'),
    ).toBe(245);
  });

  it('takes leave taken in advance off the next period, and lets unused days lapse on 31 May', () => {
    const employment = { hireDate: '2025-06-02', leftOn: null };
    // Period 2025-26: 29/30 × 2,5 + 11 × 2,5 = 29,91 → 30. Ten days taken in February 2026 in advance.
    const records = [record('paid_leave', '2026-02-02', '2026-02-13', 20)];
    const june = leaveBalance(employment, records, '2026-06-01');
    // 10 days were taken beyond the 0 of the previous period: 30 − 10 = 20 left to take from June 2026.
    expect(june).toMatchObject({ periodFrom: '2026-06-01', entitlement: 2000, taken: 0 });
    // Nothing taken during 2026-27: on 1 June 2027 only the 30 days of 2026-27 remain (the 20 lapsed).
    expect(leaveBalance(employment, records, '2027-06-01').entitlement).toBe(3000);
    expect(daysFr(2991)).toBe('29,91');
    expect(daysFr(150)).toBe('1,5');
    expect(daysFr(-50)).toBe('-0,5');
  });
});
