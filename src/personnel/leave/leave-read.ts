import {
  addDays,
  type CalendarDate,
  clipSpan,
  endOfMonth,
  isoWeekday,
  type LeaveSpan,
  paidLeaveHalfDays,
  publicHolidayOn,
  todayIn,
  workedHalfDays,
} from '../../kernel/dates/index.ts';
import type { Db } from '../../kernel/db/index.ts';
import { notFound } from '../../kernel/errors/domain-error.ts';
import { getEmployee, listEmployees } from '../employees/employee.ts';
import { type LeaveRecord, leaveBalance } from './balance.ts';
import {
  type LeaveBalanceDto,
  type LeaveBalanceList,
  type LeaveListQuery,
  type LeaveRequestDto,
  type LeaveRequestList,
  type LeaveType,
  type PlanningDto,
  UNPAID_TYPES,
  type UnpaidHoursDto,
} from './contract.ts';
import type { PersonnelLeaveRequestTable } from './tables.ts';

// Reading leave: the requests, the paid-leave balances, the month's planning and the unpaid hours that
// payroll takes off a month's pay.

export const spanOf = (
  r: Pick<LeaveRequestDto, 'from' | 'to' | 'startsAfternoon' | 'endsMorning'>,
): LeaveSpan => ({
  from: r.from,
  to: r.to,
  startsAfternoon: r.startsAfternoon,
  endsMorning: r.endsMorning,
});

/** Paid leave counts jours ouvrables (L3141-3); every other absence the days that would have been worked. */
export const countHalfDays = (type: LeaveType, span: LeaveSpan) =>
  type === 'paid_leave' ? paidLeaveHalfDays(span) : workedHalfDays(span);

type Row = PersonnelLeaveRequestTable & { last_name: string; first_name: string };

function toDto(row: Row): LeaveRequestDto {
  return {
    id: row.id,
    employeeId: row.employee_id,
    employeeName: `${row.last_name} ${row.first_name}`,
    type: row.type,
    status: row.status,
    from: row.start_date,
    to: row.end_date,
    startsAfternoon: Number(row.starts_afternoon) === 1,
    endsMorning: Number(row.ends_morning) === 1,
    halfDays: Number(row.half_days),
    dayBasis: row.type === 'paid_leave' ? 'ouvrables' : 'ouvres',
    comment: row.comment,
    decidedAt: row.decided_at,
    decisionReason: row.decision_reason,
    cancelledAt: row.cancelled_at,
    cancelReason: row.cancel_reason,
    createdAt: row.created_at,
  };
}

function requests(db: Db, orgId: string) {
  return db
    .selectFrom('personnel_leave_request as r')
    .innerJoin('personnel_employee as e', (j) =>
      j.onRef('e.org_id', '=', 'r.org_id').onRef('e.id', '=', 'r.employee_id'),
    )
    .selectAll('r')
    .select(['e.last_name', 'e.first_name'])
    .where('r.org_id', '=', orgId);
}

export async function getLeaveRequest(db: Db, orgId: string, id: string): Promise<LeaveRequestDto> {
  const row = await requests(db, orgId).where('r.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Demande d’absence');
  return toDto(row);
}

/** Requests by first day (latest first), filtered by employee, status, type and period. */
export async function listLeaveRequests(
  db: Db,
  orgId: string,
  query: LeaveListQuery = {},
): Promise<LeaveRequestList> {
  let q = requests(db, orgId);
  if (query.employeeId) q = q.where('r.employee_id', '=', query.employeeId);
  if (query.status) q = q.where('r.status', '=', query.status);
  if (query.type) q = q.where('r.type', '=', query.type);
  if (query.from) q = q.where('r.end_date', '>=', query.from);
  if (query.to) q = q.where('r.start_date', '<=', query.to);
  const rows = await q.orderBy('r.start_date', 'desc').orderBy('e.last_name').orderBy('r.id').execute();
  return { items: rows.map(toDto) };
}

export type EmployeeRecord = LeaveRecord & { id: string };

/** Every request of an employee, as the balance and the overlap checks read them. */
export async function employeeRecords(db: Db, orgId: string, employeeId: string): Promise<EmployeeRecord[]> {
  const { items } = await listLeaveRequests(db, orgId, { employeeId });
  return items.map((r) => ({
    id: r.id,
    type: r.type,
    status: r.status,
    span: spanOf(r),
    halfDays: r.halfDays,
  }));
}

export async function employeeLeaveBalance(
  db: Db,
  orgId: string,
  employeeId: string,
  asOf: CalendarDate = todayIn(),
): Promise<LeaveBalanceDto> {
  const employee = await getEmployee(db, orgId, employeeId);
  const records = await employeeRecords(db, orgId, employeeId);
  return {
    employeeId,
    employeeName: `${employee.lastName} ${employee.firstName}`,
    ...leaveBalance(employee, records, asOf),
  };
}

/** The balance of every employee present during the reference period running on asOf. */
export async function leaveBalances(
  db: Db,
  orgId: string,
  asOf: CalendarDate = todayIn(),
): Promise<LeaveBalanceList> {
  const { items: employees } = await listEmployees(db, orgId);
  const { items } = await listLeaveRequests(db, orgId);
  const byEmployee = new Map<string, LeaveRecord[]>();
  for (const r of items)
    byEmployee.set(r.employeeId, [
      ...(byEmployee.get(r.employeeId) ?? []),
      { type: r.type, status: r.status, span: spanOf(r), halfDays: r.halfDays },
    ]);
  const rows: LeaveBalanceDto[] = [];
  for (const e of employees) {
    const balance = leaveBalance(e, byEmployee.get(e.id) ?? [], asOf);
    if (e.hireDate > asOf || (e.leftOn !== null && e.leftOn < balance.periodFrom)) continue;
    rows.push({ employeeId: e.id, employeeName: `${e.lastName} ${e.firstName}`, ...balance });
  }
  rows.sort((a, b) => a.employeeName.localeCompare(b.employeeName, 'fr'));
  return { asOf, items: rows };
}

const monthDays = (month: string) => {
  const days: CalendarDate[] = [];
  for (let d = `${month}-01`; d <= endOfMonth(`${month}-01`); d = addDays(d, 1)) days.push(d);
  return days;
};

/** Who is absent which day of a month: employees present that month × days; refused and cancelled left out. */
export async function leavePlanning(db: Db, orgId: string, month: string): Promise<PlanningDto> {
  const days = monthDays(month);
  const first = days[0]!;
  const last = days[days.length - 1]!;
  const { items: employees } = await listEmployees(db, orgId);
  const present = employees.filter((e) => e.hireDate <= last && (e.leftOn === null || e.leftOn >= first));
  const { items } = await listLeaveRequests(db, orgId, { from: first, to: last });
  const active = items.filter((r) => r.status === 'requested' || r.status === 'approved');
  return {
    month,
    days: days.map((date) => ({ date, weekday: isoWeekday(date), holiday: publicHolidayOn(date) })),
    rows: present
      .map((e) => ({
        employeeId: e.id,
        employeeName: `${e.lastName} ${e.firstName}`,
        cells: days.map((date) => {
          const r = active.find((x) => x.employeeId === e.id && x.from <= date && x.to >= date);
          if (!r) return null;
          const part =
            r.from === date && r.startsAfternoon
              ? ('afternoon' as const)
              : r.to === date && r.endsMorning
                ? ('morning' as const)
                : ('day' as const);
          return { requestId: r.id, type: r.type, status: r.status, part };
        }),
      }))
      .sort((a, b) => a.employeeName.localeCompare(b.employeeName, 'fr')),
  };
}

/**
 * The hours of approved unpaid absences (unpaid leave, sick leave) of an employee in a month, in
 * hundredths of an hour: each day the employee would have worked (Monday to Friday but public holidays)
 * is a fifth of the weekly hours. Payroll takes them off the month's pay (sick pay and its employer
 * complement are payroll's own business).
 */
export async function unpaidAbsenceHours(
  db: Db,
  orgId: string,
  employeeId: string,
  month: string,
): Promise<UnpaidHoursDto> {
  const employee = await getEmployee(db, orgId, employeeId);
  const first = `${month}-01`;
  const last = endOfMonth(first);
  const { items } = await listLeaveRequests(db, orgId, {
    employeeId,
    status: 'approved',
    from: first,
    to: last,
  });
  const byType = { unpaid_leave: 0, sick_leave: 0 };
  for (const r of items) {
    if (!UNPAID_TYPES.includes(r.type)) continue;
    const part = clipSpan(spanOf(r), first, last);
    if (part) byType[r.type as 'unpaid_leave' | 'sick_leave'] += workedHalfDays(part);
  }
  const halfDays = byType.unpaid_leave + byType.sick_leave;
  // A half-day is a tenth of the week; rounded to the hundredth of an hour once, on the total.
  return {
    employeeId,
    month,
    hours: Math.round((employee.weeklyHours * halfDays) / 10),
    halfDays,
    byType,
  };
}
