import { recordAudit } from '../../kernel/audit/audit.ts';
import { compareDates, endOfMonth, formatDateFr, nowInstant, todayIn } from '../../kernel/dates/index.ts';
import { type Db, isUniqueViolation } from '../../kernel/db/index.ts';
import { conflict, invalid, notFound, ruleBroken } from '../../kernel/errors/domain-error.ts';
import { newId } from '../../kernel/ids.ts';
import { formatAmount } from '../../kernel/money/index.ts';
import { divideRounded } from '../../kernel/money/rounding.ts';
import { formatNumber, takeNextNumber } from '../../kernel/numbering/numbering.ts';
import { getEntry, letter, post, reverse } from '../../ledger/index.ts';
import { unpaidAbsenceHours } from '../leave/leave-read.ts';
import type { DateInput, PayItemsInput, PayRunDto, PayRunInput } from './contract.ts';
import { NET_PAY_ACCOUNT, payRunPaymentPosting, payRunPosting } from './pay-run-posting.ts';
import { getPayRun } from './pay-run-read.ts';
import { PAYROLL_YEAR, smicHourlyFor } from './payroll-data.ts';
import { computePayslip, monthlyHoursOf, type PayItems } from './payslip-calc.ts';
import type { PersonnelPayRunTable } from './tables.ts';

// The pay of a month (decision 0036). A draft run holds one payslip per employee present in the month,
// recomputed whenever its pay items change; validation recomputes them from the employee files, numbers
// them gap-free (BP-2026-0001) and posts ONE entry in journal PA. A validated run never changes: it is paid
// (BQ, 421 lettered) or, while unpaid, cancelled by reversing its entry — the month is then free for a
// corrected run. Every function runs in the caller's transaction and writes nothing when it refuses.

const MONTHS_FR = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

/** « mars 2026 ». */
export function monthLabelFr(month: string): string {
  return `${MONTHS_FR[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

const lastDayOf = (month: string) => endOfMonth(`${month}-01`);

async function todayOf(trx: Db, orgId: string): Promise<string> {
  const org = await trx
    .selectFrom('organisation')
    .select('time_zone')
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
  return todayIn(org.time_zone);
}

/**
 * A month is paid once it has started: payroll is prepared in its last days and paid by its end (C. trav.
 * L3242-1, monthly pay). A future month has nothing to pay yet; only the 2026 rates are known.
 */
async function checkMonth(trx: Db, orgId: string, month: string) {
  if (Number(month.slice(0, 4)) !== PAYROLL_YEAR)
    throw ruleBroken(
      `Les taux de paie connus sont ceux de ${PAYROLL_YEAR} : la paie de ${monthLabelFr(month)} ne peut pas être calculée.`,
      'payroll-year-unknown',
    );
  const today = await todayOf(trx, orgId);
  if (month > today.slice(0, 7))
    throw ruleBroken(
      `Le mois de ${monthLabelFr(month)} n’a pas commencé : sa paie se prépare à partir du 1er du mois.`,
      'payroll-month-not-started',
    );
}

/** Employees present during the month: hired by its last day, not left before its first. Interns have a
 * gratification, not a salary: they are not on the payroll (decision 0036). */
async function presentEmployees(trx: Db, orgId: string, month: string) {
  return trx
    .selectFrom('personnel_employee')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('hire_date', '<=', lastDayOf(month))
    .where((eb) => eb.or([eb('left_on', 'is', null), eb('left_on', '>=', `${month}-01`)]))
    .where('contract_type', '<>', 'internship')
    .orderBy('register_number')
    .execute();
}

type EmployeeRow = Awaited<ReturnType<typeof presentEmployees>>[number];

/** Computes and stores one payslip (insert or replace), with its lines. */
async function writePayslip(
  trx: Db,
  orgId: string,
  run: PersonnelPayRunTable,
  employee: EmployeeRow,
  items: PayItems,
  existingId: string | null,
) {
  const slip = computePayslip({
    employee: {
      category: employee.category,
      weeklyHours: Number(employee.weekly_hours),
      monthlyGross: Number(employee.monthly_gross),
      taxRate: Number(employee.tax_rate),
    },
    month: run.month,
    items,
    settings: {
      headcountBand: run.headcount_band,
      atMpRate: Number(run.at_mp_rate),
      mobilityRate: Number(run.mobility_rate),
    },
  });
  const id = existingId ?? newId();
  const columns = {
    register_number: Number(employee.register_number),
    last_name: employee.last_name,
    first_name: employee.first_name,
    job_title: employee.job_title,
    qualification: employee.qualification,
    category: employee.category,
    social_security_number: employee.social_security_number,
    hire_date: String(employee.hire_date),
    weekly_hours: Number(employee.weekly_hours),
    monthly_gross: Number(employee.monthly_gross),
    tax_rate: Number(employee.tax_rate),
    overtime25_hours: items.overtime25Hours,
    overtime50_hours: items.overtime50Hours,
    bonus: items.bonus,
    absence_hours: items.absenceHours,
    monthly_hours: slip.monthlyHours,
    hourly_rate: slip.hourlyRate,
    overtime25_pay: slip.overtime25Pay,
    overtime50_pay: slip.overtime50Pay,
    absence_deduction: slip.absenceDeduction,
    gross: slip.gross,
    pss: slip.pss,
    smic: slip.rgdu.smic,
    rgdu_coefficient: slip.rgdu.coefficient,
    rgdu_amount: slip.rgdu.amount,
    total_employee: slip.totalEmployee,
    total_employer: slip.totalEmployer,
    net_social: slip.netSocial,
    net_before_tax: slip.netBeforeTax,
    taxable: slip.taxable,
    overtime_tax_exempt: slip.overtimeTaxExempt,
    withholding_tax: slip.withholdingTax,
    net_to_pay: slip.netToPay,
    employer_cost: slip.employerCost,
  };
  if (existingId) {
    await trx
      .deleteFrom('personnel_payslip_line')
      .where('org_id', '=', orgId)
      .where('payslip_id', '=', id)
      .execute();
    await trx
      .updateTable('personnel_payslip')
      .set(columns)
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .execute();
  } else
    await trx
      .insertInto('personnel_payslip')
      .values({
        org_id: orgId,
        id,
        pay_run_id: run.id,
        employee_id: employee.id,
        number: null,
        ...columns,
      })
      .execute();
  if (slip.lines.length > 0)
    await trx
      .insertInto('personnel_payslip_line')
      .values(
        slip.lines.map((l, position) => ({
          org_id: orgId,
          id: newId(),
          payslip_id: id,
          position,
          code: l.code,
          label: l.label,
          grp: l.group,
          collector: l.collector,
          expense_account: l.expenseAccount,
          base: l.base,
          employee_rate: l.employeeRate,
          employee_amount: l.employeeAmount,
          employer_rate: l.employerRate,
          employer_amount: l.employerAmount,
        })),
      )
      .execute();
}

async function deletePayslips(trx: Db, orgId: string, payslipIds: string[]) {
  if (payslipIds.length === 0) return;
  await trx
    .deleteFrom('personnel_payslip_line')
    .where('org_id', '=', orgId)
    .where('payslip_id', 'in', payslipIds)
    .execute();
  await trx
    .deleteFrom('personnel_payslip')
    .where('org_id', '=', orgId)
    .where('id', 'in', payslipIds)
    .execute();
}

/**
 * Brings a draft in line with the personnel files: one payslip per employee present, recomputed from the
 * file as it is now, keeping the pay items entered (a new payslip's absence hours come from the approved
 * unpaid absences of the month); those no longer present are dropped.
 */
async function syncPayslips(trx: Db, orgId: string, run: PersonnelPayRunTable) {
  const employees = await presentEmployees(trx, orgId, run.month);
  if (employees.length === 0)
    throw ruleBroken(
      `Aucun salarié n’est présent en ${monthLabelFr(run.month)} (hors stagiaires) : il n’y a pas de paie à préparer.`,
      'payroll-no-employee',
    );
  const existing = await trx
    .selectFrom('personnel_payslip')
    .select(['id', 'employee_id', 'overtime25_hours', 'overtime50_hours', 'bonus', 'absence_hours'])
    .where('org_id', '=', orgId)
    .where('pay_run_id', '=', run.id)
    .execute();
  const present = new Set(employees.map((e) => e.id));
  await deletePayslips(
    trx,
    orgId,
    existing.filter((s) => !present.has(s.employee_id)).map((s) => s.id),
  );
  for (const employee of employees) {
    const slip = existing.find((s) => s.employee_id === employee.id);
    const items: PayItems = slip
      ? {
          overtime25Hours: Number(slip.overtime25_hours),
          overtime50Hours: Number(slip.overtime50_hours),
          bonus: Number(slip.bonus),
          absenceHours: Number(slip.absence_hours),
        }
      : {
          overtime25Hours: 0,
          overtime50Hours: 0,
          bonus: 0,
          // A new payslip starts from the approved unpaid leave and sick leave of the month (Personnel ›
          // Congés et absences); the figure stays editable like any pay item.
          absenceHours: (await unpaidAbsenceHours(trx, orgId, employee.id, run.month)).hours,
        };
    await writePayslip(trx, orgId, run, employee, items, slip?.id ?? null);
  }
}

export async function createPayRun(
  trx: Db,
  orgId: string,
  input: PayRunInput,
  actorId: string | null,
): Promise<PayRunDto> {
  await checkMonth(trx, orgId, input.month);
  const live = await trx
    .selectFrom('personnel_pay_run')
    .select('status')
    .where('org_id', '=', orgId)
    .where('month', '=', input.month)
    .where('status', '<>', 'cancelled')
    .executeTakeFirst();
  if (live)
    throw conflict(
      `La paie de ${monthLabelFr(input.month)} existe déjà (${live.status === 'draft' ? 'en préparation' : 'validée'}) : une seule paie par mois.`,
    );
  const now = nowInstant();
  const run: PersonnelPayRunTable = {
    org_id: orgId,
    id: newId(),
    month: input.month,
    status: 'draft',
    headcount_band: input.headcountBand,
    at_mp_rate: input.atMpRate,
    mobility_rate: input.headcountBand === 'lt11' ? 0 : input.mobilityRate,
    ledger_entry_id: null,
    payment_entry_id: null,
    paid_on: null,
    cancellation_entry_id: null,
    cancelled_on: null,
    validated_at: null,
    validated_by: null,
    created_at: now,
    created_by: actorId,
    updated_at: now,
  };
  try {
    await trx.insertInto('personnel_pay_run').values(run).execute();
  } catch (error) {
    // Two runs created at once for the same month: the partial unique index decides.
    if (isUniqueViolation(error))
      throw conflict(`La paie de ${monthLabelFr(input.month)} existe déjà : une seule paie par mois.`);
    throw error;
  }
  await syncPayslips(trx, orgId, run);
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'personnel.pay_run.created',
    entity: 'personnel_pay_run',
    entityId: run.id,
    after: input,
  });
  return getPayRun(trx, orgId, run.id);
}

/** Locks the run's row for the transaction and returns it; 404 when unknown. */
async function claimRun(trx: Db, orgId: string, payRunId: string): Promise<PersonnelPayRunTable> {
  await trx
    .updateTable('personnel_pay_run')
    .set((eb) => ({ updated_at: eb.ref('updated_at') }))
    .where('org_id', '=', orgId)
    .where('id', '=', payRunId)
    .execute();
  const run = await trx
    .selectFrom('personnel_pay_run')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', payRunId)
    .executeTakeFirst();
  if (!run) throw notFound('Paie du mois');
  return run;
}

async function claimDraft(trx: Db, orgId: string, payRunId: string) {
  const run = await claimRun(trx, orgId, payRunId);
  if (run.status === 'validated')
    throw conflict(
      `La paie de ${monthLabelFr(run.month)} est validée : elle ne change plus (annulez-la si elle n’est pas payée).`,
    );
  if (run.status === 'cancelled') throw conflict(`La paie de ${monthLabelFr(run.month)} est annulée.`);
  return run;
}

/** Enters one employee's pay items of the month on a draft and recomputes the payslip. */
export async function updatePayItems(
  trx: Db,
  orgId: string,
  payRunId: string,
  payslipId: string,
  items: PayItemsInput,
  actorId: string | null,
): Promise<PayRunDto> {
  const run = await claimDraft(trx, orgId, payRunId);
  const slip = await trx
    .selectFrom('personnel_payslip')
    .select(['id', 'employee_id', 'monthly_gross', 'weekly_hours'])
    .where('org_id', '=', orgId)
    .where('pay_run_id', '=', payRunId)
    .where('id', '=', payslipId)
    .executeTakeFirst();
  if (!slip) throw notFound('Bulletin de paie');
  const employee = (await presentEmployees(trx, orgId, run.month)).find((e) => e.id === slip.employee_id);
  if (!employee)
    throw ruleBroken(
      'Ce salarié n’est plus présent ce mois-ci d’après son dossier : validez ou recréez la paie.',
      'payroll-employee-gone',
    );
  const monthlyHours = monthlyHoursOf(Number(employee.weekly_hours));
  if (items.absenceHours > monthlyHours)
    throw invalid('Les heures d’absence dépassent l’horaire mensuel du contrat.', [
      { field: 'absenceHours', message: `${(monthlyHours / 100).toFixed(2).replace('.', ',')} h au plus.` },
    ]);
  await writePayslip(trx, orgId, run, employee, items, slip.id);
  await trx
    .updateTable('personnel_pay_run')
    .set({ updated_at: nowInstant() })
    .where('org_id', '=', orgId)
    .where('id', '=', payRunId)
    .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'personnel.payslip.items_updated',
    entity: 'personnel_payslip',
    entityId: payslipId,
    after: items,
  });
  return getPayRun(trx, orgId, payRunId);
}

/**
 * No one is paid below the SMIC of the month for the contract's hours (C. trav. L3231-2, D3231-6), the
 * SMIC revalued in the year included: the file's pay must be raised first. Apprentices are paid a share of
 * the SMIC by law (D6222-26) and are not checked.
 */
async function checkMinimumWage(trx: Db, orgId: string, month: string) {
  const hourly = smicHourlyFor(month);
  for (const e of await presentEmployees(trx, orgId, month)) {
    if (e.contract_type === 'apprenticeship') continue;
    const minimum = Number(divideRounded(BigInt(hourly) * BigInt(e.weekly_hours) * 52n, 1200n, 'halfUp'));
    if (Number(e.monthly_gross) < minimum)
      throw ruleBroken(
        `Le salaire de base de ${e.first_name} ${e.last_name} (${formatAmount(Number(e.monthly_gross))}) est inférieur au SMIC de ${monthLabelFr(month)} pour son horaire (${formatAmount(minimum)}) : relevez-le dans son dossier avant de valider la paie.`,
        'payroll-below-minimum-wage',
      );
  }
}

/** Validates the month: payslips recomputed and numbered, the PA entry posted. */
export async function validatePayRun(
  trx: Db,
  orgId: string,
  payRunId: string,
  actorId: string | null,
): Promise<PayRunDto> {
  const run = await claimDraft(trx, orgId, payRunId);
  await checkMonth(trx, orgId, run.month);
  await syncPayslips(trx, orgId, run);
  await checkMinimumWage(trx, orgId, run.month);
  const slips = await trx
    .selectFrom('personnel_payslip')
    .select(['id'])
    .where('org_id', '=', orgId)
    .where('pay_run_id', '=', payRunId)
    .orderBy('register_number')
    .execute();
  const year = run.month.slice(0, 4);
  for (const s of slips) {
    const number = formatNumber('BP', year, await takeNextNumber(trx, orgId, `personnel.BP:${year}`), 4);
    await trx
      .updateTable('personnel_payslip')
      .set({ number })
      .where('org_id', '=', orgId)
      .where('id', '=', s.id)
      .execute();
  }
  const dto = await getPayRun(trx, orgId, payRunId);
  const date = lastDayOf(run.month);
  const entry = await post(
    trx,
    orgId,
    payRunPosting({
      id: run.id,
      monthLabel: monthLabelFr(run.month),
      date,
      payslips: dto.payslips.map((p) => ({ ...p, number: p.number!, name: `${p.firstName} ${p.lastName}` })),
    }),
    actorId,
  );
  const now = nowInstant();
  await trx
    .updateTable('personnel_pay_run')
    .set({
      status: 'validated',
      ledger_entry_id: entry.id,
      validated_at: now,
      validated_by: actorId,
      updated_at: now,
    })
    .where('org_id', '=', orgId)
    .where('id', '=', payRunId)
    .where('status', '=', 'draft')
    .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'personnel.pay_run.validated',
    entity: 'personnel_pay_run',
    entityId: payRunId,
    after: {
      month: run.month,
      numbers: dto.payslips.map((p) => p.number),
      ...dto.totals,
      ledgerEntryId: entry.id,
    },
  });
  return getPayRun(trx, orgId, payRunId);
}

async function claimValidated(trx: Db, orgId: string, payRunId: string) {
  const run = await claimRun(trx, orgId, payRunId);
  if (run.status === 'draft') throw conflict('Validez d’abord la paie du mois.');
  if (run.status === 'cancelled') throw conflict(`La paie de ${monthLabelFr(run.month)} est annulée.`);
  return run;
}

/** Pays the net salaries by transfer (BQ) and letters the 421 lines of the month with the payment's. */
export async function payPayRun(
  trx: Db,
  orgId: string,
  payRunId: string,
  input: DateInput,
  actorId: string | null,
): Promise<PayRunDto> {
  const run = await claimValidated(trx, orgId, payRunId);
  if (run.payment_entry_id)
    throw conflict(
      `Les salaires de ${monthLabelFr(run.month)} sont déjà payés (le ${formatDateFr(String(run.paid_on))}).`,
    );
  if (compareDates(input.date, `${run.month}-01`) < 0)
    throw invalid(`Le paiement ne peut pas précéder le mois payé (${monthLabelFr(run.month)}).`, [
      { field: 'date', message: 'Date antérieure au mois.' },
    ]);
  const dto = await getPayRun(trx, orgId, payRunId);
  const entry = await post(
    trx,
    orgId,
    payRunPaymentPosting({
      id: run.id,
      monthLabel: monthLabelFr(run.month),
      date: input.date,
      payslips: dto.payslips.map((p) => ({
        number: p.number!,
        name: `${p.firstName} ${p.lastName}`,
        netToPay: p.netToPay,
      })),
    }),
    actorId,
  );
  const lineIds: string[] = [];
  for (const entryId of [run.ledger_entry_id!, entry.id])
    for (const l of (await getEntry(trx, orgId, entryId)).lines)
      if (l.account === NET_PAY_ACCOUNT && l.lettering === null) lineIds.push(l.id);
  if (lineIds.length > 1) await letter(trx, orgId, { lineIds, partial: false }, actorId, { audit: false });
  await trx
    .updateTable('personnel_pay_run')
    .set({ payment_entry_id: entry.id, paid_on: input.date, updated_at: nowInstant() })
    .where('org_id', '=', orgId)
    .where('id', '=', payRunId)
    .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'personnel.pay_run.paid',
    entity: 'personnel_pay_run',
    entityId: payRunId,
    after: { date: input.date, amount: dto.totals.netToPay, ledgerEntryId: entry.id },
  });
  return getPayRun(trx, orgId, payRunId);
}

/** Cancels an unpaid validated run: its entry is reversed on `date`; the payslip numbers stay used. */
export async function cancelPayRun(
  trx: Db,
  orgId: string,
  payRunId: string,
  input: DateInput,
  actorId: string | null,
): Promise<PayRunDto> {
  const run = await claimValidated(trx, orgId, payRunId);
  if (run.payment_entry_id)
    throw ruleBroken(
      `Les salaires de ${monthLabelFr(run.month)} ont été payés (${formatAmount((await getPayRun(trx, orgId, payRunId)).totals.netToPay)}) : la paie ne peut plus être annulée ; corrigez-la sur la paie du mois suivant.`,
      'payroll-paid',
    );
  const entryDate = lastDayOf(run.month);
  if (compareDates(input.date, entryDate) < 0)
    throw invalid(`L’annulation ne peut pas précéder l’écriture de paie (${formatDateFr(entryDate)}).`, [
      { field: 'date', message: 'Date antérieure à l’écriture de paie.' },
    ]);
  const reversal = await reverse(trx, orgId, run.ledger_entry_id!, input.date, actorId);
  await trx
    .updateTable('personnel_pay_run')
    .set({
      status: 'cancelled',
      cancelled_on: input.date,
      cancellation_entry_id: reversal.id,
      updated_at: nowInstant(),
    })
    .where('org_id', '=', orgId)
    .where('id', '=', payRunId)
    .where('status', '=', 'validated')
    .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'personnel.pay_run.cancelled',
    entity: 'personnel_pay_run',
    entityId: payRunId,
    after: { date: input.date, cancellationEntryId: reversal.id },
  });
  return getPayRun(trx, orgId, payRunId);
}

/** Deletes a draft run and its payslips (nothing was numbered or posted). */
export async function deleteDraftPayRun(
  trx: Db,
  orgId: string,
  payRunId: string,
  actorId: string | null,
): Promise<void> {
  const run = await claimDraft(trx, orgId, payRunId);
  const slips = await trx
    .selectFrom('personnel_payslip')
    .select('id')
    .where('org_id', '=', orgId)
    .where('pay_run_id', '=', payRunId)
    .execute();
  await deletePayslips(
    trx,
    orgId,
    slips.map((s) => s.id),
  );
  await trx.deleteFrom('personnel_pay_run').where('org_id', '=', orgId).where('id', '=', payRunId).execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'personnel.pay_run.deleted',
    entity: 'personnel_pay_run',
    entityId: payRunId,
    before: { month: run.month },
  });
}
