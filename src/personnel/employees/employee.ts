import { recordAudit } from '../../kernel/audit/audit.ts';
import { formatDateFr, nowInstant, todayIn } from '../../kernel/dates/index.ts';
import type { Db } from '../../kernel/db/index.ts';
import { conflict, invalid, notFound } from '../../kernel/errors/domain-error.ts';
import { newId } from '../../kernel/ids.ts';
import { takeNextNumber } from '../../kernel/numbering/numbering.ts';
import { sortKey } from '../../kernel/parties/sort-key.ts';
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
    tutorName: row.tutor_name,
    workplace: row.workplace,
  };
}

export function columnsOf(input: EmployeeInput) {
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
    tutor_name: input.tutorName,
    workplace: input.workplace,
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

/**
 * Every employee in register order; or those present on a day (hired by then, not left before it); or
 * those still with us today, or gone; narrowed by a part of their name. The name is matched in the
 * application, accents and case folded, the same on both databases (an organisation has tens of employees).
 */
export async function listEmployees(
  db: Db,
  orgId: string,
  query: EmployeeListQuery = {},
  today: string = todayIn(),
): Promise<EmployeeList> {
  let q = db.selectFrom('personnel_employee').selectAll().where('org_id', '=', orgId);
  if (query.presentOn) {
    const day = query.presentOn;
    q = q
      .where('hire_date', '<=', day)
      .where((eb) => eb.or([eb('left_on', 'is', null), eb('left_on', '>=', day)]));
  }
  if (query.status === 'present')
    q = q.where((eb) => eb.or([eb('left_on', 'is', null), eb('left_on', '>=', today)]));
  if (query.status === 'left') q = q.where('left_on', '<', today);
  const rows = await q.orderBy('register_number').execute();
  const needle = query.q ? sortKey(query.q) : '';
  const found = needle
    ? rows.filter((r) =>
        [`${r.last_name} ${r.first_name}`, `${r.first_name} ${r.last_name}`].some((name) =>
          sortKey(name).includes(needle),
        ),
      )
    : rows;
  return { items: found.map(toEmployeeDto) };
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
      `${before.firstName} ${before.lastName} a déjà quitté l’organisation le ${formatDateFr(before.leftOn)}.`,
    );
  if (input.leftOn < before.hireDate)
    throw invalid('La date de sortie ne peut précéder la date d’entrée.', [
      { field: 'leftOn', message: `Date antérieure à l’entrée (${formatDateFr(before.hireDate)}).` },
    ]);
  // Only a line without an exit takes one: of two departures sent at once, the second finds none.
  const result = await trx
    .updateTable('personnel_employee')
    .set({ left_on: input.leftOn, departure_reason: input.reason, updated_at: nowInstant() })
    .where('org_id', '=', orgId)
    .where('id', '=', employeeId)
    .where('left_on', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1)
    throw conflict(`${before.firstName} ${before.lastName} a déjà quitté l’organisation.`);
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

/**
 * Takes back a departure entered by mistake (wrong person, resignation withdrawn): the line is present
 * again; the audit keeps the exit that was entered and its withdrawal (decision 0035).
 */
export async function cancelDeparture(
  trx: Db,
  orgId: string,
  employeeId: string,
  actorId: string | null,
): Promise<EmployeeDto> {
  const before = await getEmployee(trx, orgId, employeeId);
  const result = await trx
    .updateTable('personnel_employee')
    .set({ left_on: null, departure_reason: null, updated_at: nowInstant() })
    .where('org_id', '=', orgId)
    .where('id', '=', employeeId)
    .where('left_on', 'is not', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1)
    throw conflict(`Aucune sortie n’est enregistrée pour ${before.firstName} ${before.lastName}.`);
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'personnel.employee.departure_cancelled',
    entity: 'personnel_employee',
    entityId: employeeId,
    before: { leftOn: before.leftOn, reason: before.departureReason },
  });
  return getEmployee(trx, orgId, employeeId);
}
