import type { Db } from '../../kernel/db/index.ts';
import { notFound } from '../../kernel/errors/domain-error.ts';
import type { PayRunDto, PayRunList, PayslipDto } from './contract.ts';
import type { PersonnelPayRunTable, PersonnelPayslipLineTable, PersonnelPayslipTable } from './tables.ts';

// Reading pay runs back: the payslips in register order with their lines as stored at computation.
// Money columns are bigint (strings on PostgreSQL): Number() on every one.

const n = (v: unknown) => Number(v);

export function toPayslipDto(
  row: PersonnelPayslipTable,
  month: string,
  lines: PersonnelPayslipLineTable[],
): PayslipDto {
  return {
    id: row.id,
    payRunId: row.pay_run_id,
    month,
    employeeId: row.employee_id,
    number: row.number,
    registerNumber: n(row.register_number),
    lastName: row.last_name,
    firstName: row.first_name,
    jobTitle: row.job_title,
    qualification: row.qualification,
    category: row.category,
    socialSecurityNumber: row.social_security_number,
    hireDate: String(row.hire_date),
    weeklyHours: n(row.weekly_hours),
    monthlyGross: n(row.monthly_gross),
    taxRate: n(row.tax_rate),
    items: {
      overtime25Hours: n(row.overtime25_hours),
      overtime50Hours: n(row.overtime50_hours),
      bonus: n(row.bonus),
      absenceHours: n(row.absence_hours),
    },
    monthlyHours: n(row.monthly_hours),
    hourlyRate: n(row.hourly_rate),
    overtime25Pay: n(row.overtime25_pay),
    overtime50Pay: n(row.overtime50_pay),
    absenceDeduction: n(row.absence_deduction),
    gross: n(row.gross),
    pss: n(row.pss),
    smic: n(row.smic),
    rgduCoefficient: n(row.rgdu_coefficient),
    rgduAmount: n(row.rgdu_amount),
    totalEmployee: n(row.total_employee),
    totalEmployer: n(row.total_employer),
    netSocial: n(row.net_social),
    netBeforeTax: n(row.net_before_tax),
    taxable: n(row.taxable),
    overtimeTaxExempt: n(row.overtime_tax_exempt),
    withholdingTax: n(row.withholding_tax),
    netToPay: n(row.net_to_pay),
    employerCost: n(row.employer_cost),
    lines: lines.map((l) => ({
      code: l.code,
      label: l.label,
      group: l.grp,
      collector: l.collector,
      expenseAccount: l.expense_account,
      base: n(l.base),
      employeeRate: l.employee_rate === null ? null : n(l.employee_rate),
      employeeAmount: n(l.employee_amount),
      employerRate: l.employer_rate === null ? null : n(l.employer_rate),
      employerAmount: n(l.employer_amount),
    })),
  };
}

function totalsOf(payslips: readonly PayslipDto[]): PayRunDto['totals'] {
  const sum = (f: (p: PayslipDto) => number) => payslips.reduce((s, p) => s + f(p), 0);
  return {
    gross: sum((p) => p.gross),
    totalEmployee: sum((p) => p.totalEmployee),
    totalEmployer: sum((p) => p.totalEmployer),
    withholdingTax: sum((p) => p.withholdingTax),
    netToPay: sum((p) => p.netToPay),
    employerCost: sum((p) => p.employerCost),
  };
}

function runFields(r: PersonnelPayRunTable) {
  return {
    id: r.id,
    month: r.month,
    status: r.status,
    paid: r.payment_entry_id !== null,
    headcountBand: r.headcount_band,
    atMpRate: n(r.at_mp_rate),
    mobilityRate: n(r.mobility_rate),
    ledgerEntryId: r.ledger_entry_id,
    paymentEntryId: r.payment_entry_id,
    paidOn: r.paid_on === null ? null : String(r.paid_on),
    cancellationEntryId: r.cancellation_entry_id,
    cancelledOn: r.cancelled_on === null ? null : String(r.cancelled_on),
  };
}

async function payslipsOf(db: Db, orgId: string, runIds: string[]) {
  if (runIds.length === 0) return new Map<string, PersonnelPayslipTable[]>();
  const rows = await db
    .selectFrom('personnel_payslip')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('pay_run_id', 'in', runIds)
    .orderBy('register_number')
    .execute();
  const byRun = new Map<string, PersonnelPayslipTable[]>();
  for (const r of rows) byRun.set(r.pay_run_id, [...(byRun.get(r.pay_run_id) ?? []), r]);
  return byRun;
}

export async function getPayRun(db: Db, orgId: string, payRunId: string): Promise<PayRunDto> {
  const run = await db
    .selectFrom('personnel_pay_run')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', payRunId)
    .executeTakeFirst();
  if (!run) throw notFound('Paie du mois');
  const slips = (await payslipsOf(db, orgId, [run.id])).get(run.id) ?? [];
  const lines =
    slips.length === 0
      ? []
      : await db
          .selectFrom('personnel_payslip_line')
          .selectAll()
          .where('org_id', '=', orgId)
          .where(
            'payslip_id',
            'in',
            slips.map((s) => s.id),
          )
          .orderBy('position')
          .execute();
  const payslips = slips.map((s) =>
    toPayslipDto(
      s,
      run.month,
      lines.filter((l) => l.payslip_id === s.id),
    ),
  );
  return { ...runFields(run), totals: totalsOf(payslips), payslips };
}

export async function getPayslip(
  db: Db,
  orgId: string,
  payRunId: string,
  payslipId: string,
): Promise<PayslipDto> {
  const run = await getPayRun(db, orgId, payRunId);
  const slip = run.payslips.find((p) => p.id === payslipId);
  if (!slip) throw notFound('Bulletin de paie');
  return slip;
}

/** Every pay run, latest month first. */
export async function listPayRuns(db: Db, orgId: string): Promise<PayRunList> {
  const runs = await db
    .selectFrom('personnel_pay_run')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('month', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const slips = await payslipsOf(
    db,
    orgId,
    runs.map((r) => r.id),
  );
  return {
    items: runs.map((r) => {
      const payslips = (slips.get(r.id) ?? []).map((s) => toPayslipDto(s, r.month, []));
      return { ...runFields(r), totals: totalsOf(payslips), payslipCount: payslips.length };
    }),
  };
}
