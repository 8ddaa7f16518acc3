import type { Db } from '../../kernel/db/index.ts';
import type { EmployeeDto, PersonnelRegister, RegisterLine, RegisterQuery } from './contract.ts';
import { listEmployees } from './employee.ts';

// The registre unique du personnel (C. trav. L1221-13): every person ever hired, in the order of hiring,
// with the mentions of D1221-23; trainees in a part of their own, in the order of arrival, with their
// tutor and place of presence (D1221-23-1). Lines are never removed: they are kept five years after the
// departure (R1221-26), and Agora keeps them for good.

/** The legal working week (C. trav. L3121-27): below it, the register says « salarié à temps partiel ». */
export const FULL_TIME_WEEKLY_HOURS = 3500;

/** The words D1221-23 asks for, 9° (fixed-term), 12° (part-time) and 13° (apprentice). */
export function registerMentions(e: Pick<EmployeeDto, 'contractType' | 'weeklyHours'>): string[] {
  const mentions: string[] = [];
  if (e.contractType === 'cdd') mentions.push('Contrat à durée déterminée');
  if (e.contractType === 'apprenticeship') mentions.push('Apprenti');
  if (e.contractType !== 'internship' && e.weeklyHours < FULL_TIME_WEEKLY_HOURS)
    mentions.push('Salarié à temps partiel');
  return mentions;
}

function toLine(e: EmployeeDto): RegisterLine {
  return {
    employeeId: e.id,
    registerNumber: e.registerNumber,
    lastName: e.lastName,
    firstName: e.firstName,
    sex: e.sex,
    birthDate: e.birthDate,
    nationality: e.nationality,
    jobTitle: e.jobTitle,
    qualification: e.qualification,
    contractType: e.contractType,
    mentions: registerMentions(e),
    hireDate: e.hireDate,
    contractEnd: e.contractEnd,
    leftOn: e.leftOn,
    workPermit: e.workPermit,
    tutorName: e.tutorName,
    workplace: e.workplace,
  };
}

export async function personnelRegister(
  db: Db,
  orgId: string,
  query: RegisterQuery = {},
): Promise<PersonnelRegister> {
  const { items } = await listEmployees(db, orgId, { presentOn: query.presentOn });
  const lines = items.map(toLine);
  return {
    presentOn: query.presentOn ?? null,
    employees: lines.filter((l) => l.contractType !== 'internship'),
    trainees: lines.filter((l) => l.contractType === 'internship'),
  };
}
