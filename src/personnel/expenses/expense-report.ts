import { recordAudit } from '../../kernel/audit/audit.ts';
import { compareDates, formatDateFr, nowInstant } from '../../kernel/dates/index.ts';
import type { Db } from '../../kernel/db/index.ts';
import { conflict, invalid, notFound, ruleBroken } from '../../kernel/errors/domain-error.ts';
import { newId } from '../../kernel/ids.ts';
import { formatAmount } from '../../kernel/money/index.ts';
import { getEntry, letter, post, reverse } from '../../ledger/index.ts';
import { getEmployee } from '../employees/employee.ts';
import { type ExpenseReportDto, type ExpenseReportInput, lineIssues, type PaymentInput } from './contract.ts';
import { figuresOf, getExpenseReport, mileageCounted } from './expense-read.ts';
import { nextNumber } from './numbering.ts';
import { bankPosting, EMPLOYEE_ACCOUNT, reportPosting } from './posting.ts';
import { computeLines, mileageKey, reportTotals } from './report-lines.ts';

// An expense report (note de frais) is entered as a draft, then validated: its gap-free number
// (NDF-2026-0001), its mileage allowances fixed by year-to-date difference, its OD entry. It never changes
// afterwards. It is reimbursed by the bank, less the travel order's paid advance, and the 467 lines of
// advance, report and reimbursement are lettered together; an unreimbursed report is cancelled by
// reversing its entry. Every function runs in the caller's transaction and writes nothing when it refuses.

async function checkInput(trx: Db, orgId: string, input: ExpenseReportInput, exceptId: string | null) {
  const employee = await getEmployee(trx, orgId, input.employeeId);
  if (compareDates(input.reportDate, employee.hireDate) < 0)
    throw invalid(`La note ne peut précéder l’entrée du salarié (${formatDateFr(employee.hireDate)}).`, [
      { field: 'reportDate', message: 'Date antérieure à l’entrée.' },
    ]);
  const issues = input.lines.flatMap((l, i) => lineIssues(l, i));
  if (issues.length > 0) throw invalid(issues[0]!.message, issues);
  input.lines.forEach((l, i) => {
    if (compareDates(l.date, input.reportDate) > 0)
      throw invalid(
        `Ligne ${i + 1} : une dépense ne peut être postérieure à la note (${formatDateFr(input.reportDate)}).`,
        [{ field: `lines.${i}.date`, message: 'Dépense postérieure à la note.' }],
      );
  });
  if (!input.travelOrderId) return;
  const order = await trx
    .selectFrom('personnel_travel_order')
    .select(['employee_id', 'status', 'number'])
    .where('org_id', '=', orgId)
    .where('id', '=', input.travelOrderId)
    .executeTakeFirst();
  if (!order) throw notFound('Ordre de mission');
  if (order.employee_id !== input.employeeId)
    throw invalid('Cet ordre de mission est celui d’un autre salarié.', [
      { field: 'travelOrderId', message: 'Ordre de mission d’un autre salarié.' },
    ]);
  if (order.status !== 'approved' && order.status !== 'done')
    throw invalid('Une note de frais se rattache à un ordre de mission approuvé.', [
      { field: 'travelOrderId', message: 'Ordre de mission non approuvé.' },
    ]);
  let other = trx
    .selectFrom('personnel_expense_report')
    .select('id')
    .where('org_id', '=', orgId)
    .where('travel_order_id', '=', input.travelOrderId)
    .where('status', '<>', 'cancelled');
  if (exceptId) other = other.where('id', '<>', exceptId);
  if (await other.executeTakeFirst())
    throw conflict(
      `L’ordre de mission ${order.number} a déjà sa note de frais : son avance ne se déduit qu’une fois.`,
    );
}

async function writeLines(trx: Db, orgId: string, reportId: string, input: ExpenseReportInput) {
  await trx
    .insertInto('personnel_expense_line')
    .values(
      input.lines.map((l, position) => {
        const mileage = l.kind === 'mileage';
        return {
          org_id: orgId,
          id: newId(),
          report_id: reportId,
          position,
          kind: l.kind,
          line_date: l.date,
          label: l.label,
          from_place: mileage ? l.fromPlace : null,
          to_place: mileage ? l.toPlace : null,
          km: mileage ? l.km : null,
          fiscal_power: mileage ? l.fiscalPower : null,
          electric: mileage && l.electric ? 1 : 0,
          meal_type: l.kind === 'meal' ? (l.mealType ?? 'restaurant') : null,
          amount: mileage ? null : l.amount,
          vat: mileage ? 0 : l.vat,
          km_before: null,
        };
      }),
    )
    .execute();
}

export async function createExpenseReport(
  trx: Db,
  orgId: string,
  input: ExpenseReportInput,
  actorId: string | null,
): Promise<ExpenseReportDto> {
  await checkInput(trx, orgId, input, null);
  const id = newId();
  const now = nowInstant();
  await trx
    .insertInto('personnel_expense_report')
    .values({
      org_id: orgId,
      id,
      number: null,
      status: 'draft',
      employee_id: input.employeeId,
      travel_order_id: input.travelOrderId,
      title: input.title,
      report_date: input.reportDate,
      total: 0,
      total_vat: 0,
      ledger_entry_id: null,
      reimbursed_on: null,
      reimbursement_method: null,
      advance_deducted: null,
      reimbursement_entry_id: null,
      cancelled_on: null,
      cancellation_entry_id: null,
      validated_at: null,
      validated_by: null,
      created_at: now,
      created_by: actorId,
      updated_at: now,
    })
    .execute();
  await writeLines(trx, orgId, id, input);
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'personnel.expense_report.created',
    entity: 'personnel_expense_report',
    entityId: id,
    after: input,
  });
  return getExpenseReport(trx, orgId, id);
}

/** Locks the report's row for the transaction, then reads it. */
async function claim(trx: Db, orgId: string, reportId: string): Promise<ExpenseReportDto> {
  await trx
    .updateTable('personnel_expense_report')
    .set((eb) => ({ updated_at: eb.ref('updated_at') }))
    .where('org_id', '=', orgId)
    .where('id', '=', reportId)
    .execute();
  return getExpenseReport(trx, orgId, reportId);
}

const IMMUTABLE =
  'Cette note de frais est validée : elle ne change plus (annulez-la si elle n’est pas remboursée).';

export async function updateExpenseReport(
  trx: Db,
  orgId: string,
  reportId: string,
  input: ExpenseReportInput,
  actorId: string | null,
): Promise<ExpenseReportDto> {
  const before = await claim(trx, orgId, reportId);
  if (before.status !== 'draft') throw conflict(IMMUTABLE);
  await checkInput(trx, orgId, input, reportId);
  await trx
    .deleteFrom('personnel_expense_line')
    .where('org_id', '=', orgId)
    .where('report_id', '=', reportId)
    .execute();
  await writeLines(trx, orgId, reportId, input);
  await trx
    .updateTable('personnel_expense_report')
    .set({
      employee_id: input.employeeId,
      travel_order_id: input.travelOrderId,
      title: input.title,
      report_date: input.reportDate,
      updated_at: nowInstant(),
    })
    .where('org_id', '=', orgId)
    .where('id', '=', reportId)
    .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'personnel.expense_report.updated',
    entity: 'personnel_expense_report',
    entityId: reportId,
    before: { employeeId: before.employeeId, title: before.title, total: before.total },
    after: input,
  });
  return getExpenseReport(trx, orgId, reportId);
}

export async function validateExpenseReport(
  trx: Db,
  orgId: string,
  reportId: string,
  actorId: string | null,
): Promise<ExpenseReportDto> {
  const draft = await claim(trx, orgId, reportId);
  if (draft.status !== 'draft') throw conflict(IMMUTABLE);
  // The number first: its counter's lock serialises validations, so the kilometres read next are final.
  const number = await nextNumber(trx, orgId, 'NDF', draft.reportDate);
  const rows = await trx
    .selectFrom('personnel_expense_line')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('report_id', '=', reportId)
    .orderBy('position')
    .execute();
  const figures = rows.map(figuresOf);
  const computed = computeLines(figures, (await mileageCounted(trx, orgId, draft.employeeId)).km);
  const totals = reportTotals(figures.map((f, i) => ({ ...f, ...computed[i]! })));
  if (totals.total <= 0)
    throw invalid('Une note de frais nulle ne se valide pas.', [{ field: 'lines', message: 'Total nul.' }]);
  for (const [i, row] of rows.entries())
    if (row.kind === 'mileage')
      await trx
        .updateTable('personnel_expense_line')
        .set({ amount: computed[i]!.amount, km_before: computed[i]!.kmBefore })
        .where('org_id', '=', orgId)
        .where('id', '=', row.id)
        .execute();
  const entry = await post(
    trx,
    orgId,
    reportPosting({
      id: reportId,
      number,
      employeeName: draft.employeeName,
      reportDate: draft.reportDate,
      lines: computed,
    }),
    actorId,
  );
  const now = nowInstant();
  await trx
    .updateTable('personnel_expense_report')
    .set({
      status: 'validated',
      number,
      total: totals.total,
      total_vat: totals.totalVat,
      ledger_entry_id: entry.id,
      validated_at: now,
      validated_by: actorId,
      updated_at: now,
    })
    .where('org_id', '=', orgId)
    .where('id', '=', reportId)
    .where('status', '=', 'draft')
    .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'personnel.expense_report.validated',
    entity: 'personnel_expense_report',
    entityId: reportId,
    after: { number, ...totals, ledgerEntryId: entry.id },
  });
  return getExpenseReport(trx, orgId, reportId);
}

async function employeeLineOf(trx: Db, orgId: string, entryId: string) {
  return (await getEntry(trx, orgId, entryId)).lines.filter((l) => l.account === EMPLOYEE_ACCOUNT);
}

/**
 * Pays the employee what the report comes to less the travel order's paid advance (BQ: debit 467, credit
 * 512; the other way when the advance was larger and the employee pays back; no entry when they match),
 * then letters the 467 lines of the advance, the report and the payment.
 */
export async function reimburseExpenseReport(
  trx: Db,
  orgId: string,
  reportId: string,
  input: PaymentInput,
  actorId: string | null,
): Promise<ExpenseReportDto> {
  const report = await claim(trx, orgId, reportId);
  if (report.status === 'draft') throw conflict('Validez d’abord la note de frais.');
  if (report.status === 'reimbursed')
    throw conflict(
      `La note de frais ${report.number} est déjà remboursée (le ${formatDateFr(report.reimbursedOn!)}).`,
    );
  if (report.status === 'cancelled') throw conflict(`La note de frais ${report.number} est annulée.`);
  if (compareDates(input.date, report.reportDate) < 0)
    throw invalid(`Le remboursement ne peut précéder la note (${formatDateFr(report.reportDate)}).`, [
      { field: 'date', message: 'Date antérieure à la note.' },
    ]);
  const order = report.travelOrderId
    ? await trx
        .selectFrom('personnel_travel_order')
        .select(['advance_entry_id', 'number'])
        .where('org_id', '=', orgId)
        .where('id', '=', report.travelOrderId)
        .executeTakeFirstOrThrow()
    : null;
  const amount = report.amountDue;
  const entry =
    amount === 0
      ? null
      : await post(
          trx,
          orgId,
          bankPosting({
            sourceRef: `personnel.expense_reimbursement:${reportId}`,
            voucherRef: report.number!,
            label: `${amount > 0 ? 'remboursement' : 'trop-perçu sur avance'} note de frais ${report.number} – ${report.employeeName}`,
            date: input.date,
            method: input.method,
            amount,
          }),
          actorId,
        );
  const lineIds = [
    ...(order?.advance_entry_id ? await employeeLineOf(trx, orgId, order.advance_entry_id) : []),
    ...(await employeeLineOf(trx, orgId, report.ledgerEntryId!)),
    ...(entry ? await employeeLineOf(trx, orgId, entry.id) : []),
  ].map((l) => l.id);
  await letter(trx, orgId, { lineIds, partial: false }, actorId, { audit: false });
  await trx
    .updateTable('personnel_expense_report')
    .set({
      status: 'reimbursed',
      reimbursed_on: input.date,
      reimbursement_method: input.method,
      advance_deducted: report.advance,
      reimbursement_entry_id: entry?.id ?? null,
      updated_at: nowInstant(),
    })
    .where('org_id', '=', orgId)
    .where('id', '=', reportId)
    .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'personnel.expense_report.reimbursed',
    entity: 'personnel_expense_report',
    entityId: reportId,
    after: { ...input, amount, advanceDeducted: report.advance, ledgerEntryId: entry?.id ?? null },
  });
  return getExpenseReport(trx, orgId, reportId);
}

/**
 * Cancels a validated, unreimbursed report by reversing its entry on `date`; the number stays used. A
 * report with mileage is refused while a later report of the same employee counts kilometres of the same
 * vehicle and year after it: that report's allowance was computed on top of this one's kilometres, so the
 * year would no longer add up. The later reports are cancelled first, then entered again.
 */
export async function cancelExpenseReport(
  trx: Db,
  orgId: string,
  reportId: string,
  date: string,
  actorId: string | null,
): Promise<ExpenseReportDto> {
  const report = await claim(trx, orgId, reportId);
  if (report.status === 'draft') throw conflict('Un brouillon ne s’annule pas : modifiez-le.');
  if (report.status === 'cancelled') throw conflict(`La note de frais ${report.number} est déjà annulée.`);
  if (report.status === 'reimbursed')
    throw ruleBroken(
      `La note de frais ${report.number} a été remboursée (${formatAmount(report.amountDue)}) : elle ne s’annule plus.`,
      'expense-report-reimbursed',
    );
  if (compareDates(date, report.reportDate) < 0)
    throw invalid(`L’annulation ne peut précéder la note (${formatDateFr(report.reportDate)}).`, [
      { field: 'date', message: 'Date antérieure à la note.' },
    ]);
  const mine = report.lines.filter((l) => l.kind === 'mileage');
  if (mine.length > 0) {
    const others = await trx
      .selectFrom('personnel_expense_line as l')
      .innerJoin('personnel_expense_report as r', (j) =>
        j.onRef('r.org_id', '=', 'l.org_id').onRef('r.id', '=', 'l.report_id'),
      )
      .select(['r.number', 'l.line_date', 'l.fiscal_power', 'l.electric', 'l.km_before'])
      .where('l.org_id', '=', orgId)
      .where('r.employee_id', '=', report.employeeId)
      .where('r.id', '<>', reportId)
      .where('r.status', 'in', ['validated', 'reimbursed'])
      .where('l.kind', '=', 'mileage')
      .execute();
    for (const l of mine) {
      const key = mileageKey({ year: l.date.slice(0, 4), fiscalPower: l.fiscalPower!, electric: l.electric });
      const later = others.find(
        (o) =>
          mileageKey({
            year: String(o.line_date).slice(0, 4),
            fiscalPower: Number(o.fiscal_power),
            electric: Number(o.electric) === 1,
          }) === key && Number(o.km_before) > l.kmBefore!,
      );
      if (later)
        throw ruleBroken(
          `La note ${later.number} compte ses kilomètres après ceux de cette note : annulez-la d’abord, sinon les indemnités kilométriques de l’année ne suivraient plus le barème.`,
          'expense-report-mileage-later',
        );
    }
  }
  const reversal = await reverse(trx, orgId, report.ledgerEntryId!, date, actorId);
  await trx
    .updateTable('personnel_expense_report')
    .set({
      status: 'cancelled',
      cancelled_on: date,
      cancellation_entry_id: reversal.id,
      updated_at: nowInstant(),
    })
    .where('org_id', '=', orgId)
    .where('id', '=', reportId)
    .where('status', '=', 'validated')
    .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'personnel.expense_report.cancelled',
    entity: 'personnel_expense_report',
    entityId: reportId,
    after: { date, cancellationEntryId: reversal.id },
  });
  return getExpenseReport(trx, orgId, reportId);
}
