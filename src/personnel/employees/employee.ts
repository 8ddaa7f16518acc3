import { recordAudit } from '../../kernel/audit/audit.ts';
import { nowInstant } from '../../kernel/dates/index.ts';
import type { Db } from '../../kernel/db/index.ts';
import { conflict, invalid, notFound } from '../../kernel/errors/domain-error.ts';
import { newId } from '../../kernel/ids.ts';
import { takeNextNumber } from '../../kernel/numbering/numbering.ts';
import type {
  DepartureInput,
  EmployeeDto,
  EmployeeInput,
  EmployeeList,
  EmployeeListQuery,
} from './contract.ts';
import type { PersonnelEmployeeTable } from './tables.ts';

// The personnel file. An employee enters the registre unique du personnel when created: the register's
// order number is taken in the same transaction (gap-free, never reused, C. trav. D1221-23); a departure
// is recorded, never deleted — the register keeps the line five years after it (R1221-26).

const REGISTER_SEQUENCE = 'personnel.register';

export function toEmployeeDto(row: PersonnelEmployeeTable): EmployeeDto {
  return {
    id: row.id,
    registerNumber: row.register_number,
    lastName: row.last_name,
    firstName: row.first_name,
    sex: row.sex,
    birthDate: row.birth_date,
    nationality: row.nationality,
    socialSecurityNumber: row.social_security_number,
    email: row.email,
    phone: row.phone,
    address: row.address,
    jobTitle: row.job_title,
    qualification: row.qualification,
    category: row.category,
    contractType: row.contract_type,
    weeklyHours: row.weekly_hours,
    monthlyGross: row.monthly_gross,
    taxRate: row.tax_rate,
    hireDate: row.hire_date,
    contractEnd: row.contract_end,
    leftOn: row.left_on,
    departureReason: row.departure_reason as EmployeeDto['departureReason'],
    workPermit: row.work_permit,
  };
}

function columnsOf(input: EmployeeInput) {
  return {
    last_name: input.lastName,
    first_name: input.firstName,
    sex: input.sex,
    birth_date: input.birthDate,
    nationality: input.nationality,
    social_security_number: input.socialSecurityNumber,
    email: input.email,
    phone: input.phone,
    address: input.address,
    job_title: input.jobTitle,
    qualification: input.qualification,
    category: input.category,
    contract_type: input.contractType,
    weekly_hours: input.weeklyHours,
    monthly_gross: input.monthlyGross,
    tax_rate: input.taxRate,
    hire_date: input.hireDate,
    contract_end: input.contractEnd,
    work_permit: input.workPermit,
  };
}

export async function getEmployee(db: Db, orgId: string, employeeId: string): Promise<EmployeeDto> {
  const row = await db
    .selectFrom('personnel_employee')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', employeeId)
    .executeTakeFirst();
  if (!row) throw notFound('Salarié');
  return toEmployeeDto(row);
}

/** Every employee in register order, or those present on a day (hired by then and not yet left). */
export async function listEmployees(
  db: Db,
  orgId: string,
  query: EmployeeListQuery = {},
): Promise<EmployeeList> {
  let q = db.selectFrom('personnel_employee').selectAll().where('org_id', '=', orgId);
  if (query.presentOn) {
    const day = query.presentOn;
    q = q
      .where('hire_date', '<=', day)
      .where((eb) => eb.or([eb('left_on', 'is', null), eb('left_on', '>=', day)]));
  }
  const rows = await q.orderBy('register_number').execute();
  return { items: rows.map(toEmployeeDto) };
}

export async function createEmployee(
  trx: Db,
  orgId: string,
  input: EmployeeInput,
  actorId: string | null,
): Promise<EmployeeDto> {
  const id = newId();
  const now = nowInstant();
  const registerNumber = await takeNextNumber(trx, orgId, REGISTER_SEQUENCE);
  await trx
    .insertInto('personnel_employee')
    .values({
      org_id: orgId,
      id,
      register_number: registerNumber,
      ...columnsOf(input),
      left_on: null,
      departure_reason: null,
      created_at: now,
      created_by: actorId,
      updated_at: now,
    })
    .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'personnel.employee.created',
    entity: 'personnel_employee',
    entityId: id,
    after: { registerNumber, lastName: input.lastName, firstName: input.firstName, hireDate: input.hireDate },
  });
  return getEmployee(trx, orgId, id);
}

/** Records the day an employee left and why; the line stays in the register. */
export async function recordDeparture(
  trx: Db,
  orgId: string,
  employeeId: string,
  input: DepartureInput,
  actorId: string | null,
): Promise<EmployeeDto> {
  const before = await getEmployee(trx, orgId, employeeId);
  if (before.leftOn)
    throw conflict(
      `${before.firstName} ${before.lastName} a déjà quitté l’organisation le ${before.leftOn}.`,
    );
  if (input.leftOn < before.hireDate)
    throw invalid('La date de sortie ne peut précéder la date d’entrée.', [
      { field: 'leftOn', message: 'Date antérieure à l’entrée.' },
    ]);
  await trx
    .updateTable('personnel_employee')
    .set({ left_on: input.leftOn, departure_reason: input.reason, updated_at: nowInstant() })
    .where('org_id', '=', orgId)
    .where('id', '=', employeeId)
    .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'personnel.employee.left',
    entity: 'personnel_employee',
    entityId: employeeId,
    after: input,
  });
  return getEmployee(trx, orgId, employeeId);
}
