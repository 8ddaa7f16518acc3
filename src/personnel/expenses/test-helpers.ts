import type { Db } from '../../kernel/db/index.ts';
import { employeeInput } from '../employees/contract.ts';
import { createEmployee, listEmployees } from '../employees/employee.ts';
import { expenseReportInput, paymentInput, travelOrderInput } from './contract.ts';
import { createExpenseReport, validateExpenseReport } from './expense-report.ts';
import { approveTravelOrder, createTravelOrder, payAdvance } from './travel-order.ts';

// Test data for staff travel, for the tests and test/support/populate.ts (a row in every table).

export const employeeData = (overrides: Record<string, unknown> = {}) =>
  employeeInput.parse({
    lastName: 'Durand',
    firstName: 'Léa',
    sex: 'F',
    birthDate: '1992-06-03',
    nationality: 'Française',
    jobTitle: 'Technicienne itinérante',
    category: 'employee',
    contractType: 'cdi',
    weeklyHours: 3500,
    monthlyGross: 230000,
    hireDate: '2025-09-01',
    ...overrides,
  });

export const newEmployee = (db: Db, orgId: string, overrides: Record<string, unknown> = {}) =>
  db.transaction().execute((trx) => createEmployee(trx, orgId, employeeData(overrides), null));

export const orderData = (employeeId: string, overrides: Record<string, unknown> = {}) =>
  travelOrderInput.parse({
    employeeId,
    purpose: 'Installation chez un client',
    destination: 'Lyon',
    departureDate: '2026-03-09',
    returnDate: '2026-03-10',
    transport: 'personal_car',
    fiscalPower: 5,
    estimatedCost: 40000,
    advance: 15000,
    ...overrides,
  });

/** A report of one 420 km trip at 5 CV (267,12 €) and a 30 € restaurant meal with 2,73 € of VAT. */
export const reportData = (employeeId: string, overrides: Record<string, unknown> = {}) =>
  expenseReportInput.parse({
    employeeId,
    title: 'Mission Lyon',
    reportDate: '2026-03-12',
    lines: [
      {
        kind: 'mileage',
        date: '2026-03-09',
        fromPlace: 'Grenoble',
        toPlace: 'Lyon',
        km: 420,
        fiscalPower: 5,
      },
      { kind: 'meal', date: '2026-03-09', label: 'Déjeuner', mealType: 'restaurant', amount: 3000, vat: 273 },
    ],
    ...overrides,
  });

export async function populateExpenses(db: Db, orgId: string) {
  const employee =
    (await listEmployees(db, orgId)).items[0] ?? (await newEmployee(db, orgId, { hireDate: '2026-01-05' }));
  await db.transaction().execute(async (trx) => {
    const order = await createTravelOrder(trx, orgId, orderData(employee.id), null);
    await approveTravelOrder(trx, orgId, order.id, null);
    await payAdvance(
      trx,
      orgId,
      order.id,
      paymentInput.parse({ date: '2026-03-05', method: 'transfer' }),
      null,
    );
    const report = await createExpenseReport(
      trx,
      orgId,
      reportData(employee.id, { travelOrderId: order.id }),
      null,
    );
    await validateExpenseReport(trx, orgId, report.id, null);
  });
}
