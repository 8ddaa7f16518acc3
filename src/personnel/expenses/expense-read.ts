import type { Db } from '../../kernel/db/index.ts';
import { notFound } from '../../kernel/errors/domain-error.ts';
import type { ExpenseLineDto, ExpenseReportDto, ExpenseReportList, MealType } from './contract.ts';
import { mileageBand } from './mileage.ts';
import { computeLines, type LineFigures, mileageKey, reportTotals } from './report-lines.ts';
import type { PersonnelExpenseLineTable, PersonnelExpenseReportTable } from './tables.ts';

// Reading expense reports. A validated report shows what was fixed at validation; a draft shows a preview
// computed now, with the kilometres the employee's validated reports already count this year.

type Row = PersonnelExpenseReportTable & {
  last_name: string;
  first_name: string;
  order_number: string | null;
  order_advance: number | null;
  order_advance_paid_on: string | null;
};

function reportsQuery(db: Db, orgId: string) {
  return db
    .selectFrom('personnel_expense_report as r')
    .innerJoin('personnel_employee as e', (j) =>
      j.onRef('e.org_id', '=', 'r.org_id').onRef('e.id', '=', 'r.employee_id'),
    )
    .leftJoin('personnel_travel_order as o', (j) =>
      j.onRef('o.org_id', '=', 'r.org_id').onRef('o.id', '=', 'r.travel_order_id'),
    )
    .selectAll('r')
    .select([
      'e.last_name',
      'e.first_name',
      'o.number as order_number',
      'o.advance as order_advance',
      'o.advance_paid_on as order_advance_paid_on',
    ])
    .where('r.org_id', '=', orgId);
}

export const figuresOf = (l: PersonnelExpenseLineTable): LineFigures => ({
  kind: l.kind,
  date: String(l.line_date),
  km: l.km === null ? null : Number(l.km),
  fiscalPower: l.fiscal_power === null ? null : Number(l.fiscal_power),
  electric: Number(l.electric) === 1,
  mealType: l.meal_type as MealType | null,
  amount: l.amount === null ? null : Number(l.amount),
  vat: Number(l.vat),
});

/**
 * The kilometres each vehicle of an employee already counts in validated (or reimbursed) reports, by
 * mileageKey (year, power class, electric), with their allowances.
 */
export async function mileageCounted(db: Db, orgId: string, employeeId: string) {
  const q = db
    .selectFrom('personnel_expense_line as l')
    .innerJoin('personnel_expense_report as r', (j) =>
      j.onRef('r.org_id', '=', 'l.org_id').onRef('r.id', '=', 'l.report_id'),
    )
    .select(['l.line_date', 'l.km', 'l.fiscal_power', 'l.electric', 'l.amount'])
    .where('l.org_id', '=', orgId)
    .where('r.employee_id', '=', employeeId)
    .where('r.status', 'in', ['validated', 'reimbursed'])
    .where('l.kind', '=', 'mileage');
  const km = new Map<string, number>();
  const allowance = new Map<string, number>();
  for (const l of await q.execute()) {
    const key = mileageKey({
      year: String(l.line_date).slice(0, 4),
      fiscalPower: Number(l.fiscal_power),
      electric: Number(l.electric) === 1,
    });
    km.set(key, (km.get(key) ?? 0) + Number(l.km));
    allowance.set(key, (allowance.get(key) ?? 0) + Number(l.amount ?? 0));
  }
  return { km, allowance };
}

async function toDtos(db: Db, orgId: string, rows: Row[]): Promise<ExpenseReportDto[]> {
  const ids = rows.map((r) => r.id);
  const lines =
    ids.length === 0
      ? []
      : await db
          .selectFrom('personnel_expense_line')
          .selectAll()
          .where('org_id', '=', orgId)
          .where('report_id', 'in', ids)
          .orderBy('position')
          .execute();
  const out: ExpenseReportDto[] = [];
  for (const r of rows) {
    const mine = lines.filter((l) => l.report_id === r.id);
    const figures = mine.map(figuresOf);
    let computed: ReturnType<typeof computeLines>;
    if (r.status === 'draft')
      computed = computeLines(figures, (await mileageCounted(db, orgId, r.employee_id)).km);
    // Fixed at validation: each mileage line's stored kilometres before it and its allowance.
    else
      computed = computeLines(figures, new Map()).map((c, i) => {
        const l = mine[i]!;
        if (l.kind !== 'mileage') return c;
        const kmBefore = Number(l.km_before);
        return {
          ...c,
          amount: Number(l.amount),
          kmBefore,
          formula: mileageBand(kmBefore + Number(l.km), Number(l.fiscal_power)).formula,
        };
      });
    const full = figures.map((f, i) => ({ ...f, ...computed[i]! }));
    const totals = reportTotals(full);
    // Once reimbursed, what was deducted; before, the travel order's advance if it was paid.
    const advance =
      r.advance_deducted !== null
        ? Number(r.advance_deducted)
        : r.order_advance_paid_on !== null
          ? Number(r.order_advance)
          : 0;
    const total = r.status === 'draft' ? totals.total : Number(r.total);
    const dtoLines: ExpenseLineDto[] = mine.map((l, i) => ({
      kind: l.kind,
      date: String(l.line_date),
      label: l.label,
      fromPlace: l.from_place,
      toPlace: l.to_place,
      km: l.km === null ? null : Number(l.km),
      fiscalPower: l.fiscal_power === null ? null : Number(l.fiscal_power),
      electric: Number(l.electric) === 1,
      mealType: l.meal_type as MealType | null,
      amount: full[i]!.amount,
      vat: full[i]!.vat,
      account: full[i]!.account,
      kmBefore: full[i]!.kmBefore,
      formula: full[i]!.formula,
      exemptLimit: full[i]!.exemptLimit,
      excess: full[i]!.excess,
    }));
    out.push({
      id: r.id,
      number: r.number,
      status: r.status,
      employeeId: r.employee_id,
      employeeName: `${r.first_name} ${r.last_name}`,
      travelOrderId: r.travel_order_id,
      travelOrderNumber: r.order_number,
      title: r.title,
      reportDate: String(r.report_date),
      total,
      totalVat: r.status === 'draft' ? totals.totalVat : Number(r.total_vat),
      mileageTotal: totals.mileageTotal,
      excessTotal: totals.excessTotal,
      advance,
      amountDue: total - advance,
      lines: dtoLines,
      ledgerEntryId: r.ledger_entry_id,
      reimbursedOn: r.reimbursed_on === null ? null : String(r.reimbursed_on),
      reimbursementEntryId: r.reimbursement_entry_id,
      cancelledOn: r.cancelled_on === null ? null : String(r.cancelled_on),
      cancellationEntryId: r.cancellation_entry_id,
    });
  }
  return out;
}

export async function getExpenseReport(db: Db, orgId: string, reportId: string): Promise<ExpenseReportDto> {
  const row = await reportsQuery(db, orgId).where('r.id', '=', reportId).executeTakeFirst();
  if (!row) throw notFound('Note de frais');
  return (await toDtos(db, orgId, [row]))[0]!;
}

export async function listExpenseReports(
  db: Db,
  orgId: string,
  query: { employeeId?: string | undefined; status?: ExpenseReportDto['status'] | undefined } = {},
): Promise<ExpenseReportList> {
  let q = reportsQuery(db, orgId);
  if (query.employeeId) q = q.where('r.employee_id', '=', query.employeeId);
  if (query.status) q = q.where('r.status', '=', query.status);
  const rows = await q.orderBy('r.report_date', 'desc').orderBy('r.id', 'desc').limit(500).execute();
  return { items: (await toDtos(db, orgId, rows)).map(({ lines: _lines, ...rest }) => rest) };
}

/** An employee's kilometres and allowances of a year, vehicle by vehicle (validated reports). */
export async function mileageYear(db: Db, orgId: string, employeeId: string, year: string) {
  const { km, allowance } = await mileageCounted(db, orgId, employeeId);
  const vehicles = [...km]
    .filter(([key]) => key.startsWith(`${year}:`))
    .map(([key, total]) => {
      const [, cls, e] = key.split(':');
      return { key, powerClass: cls!, electric: e === 'e', km: total, allowance: allowance.get(key) ?? 0 };
    });
  return { year, vehicles };
}
