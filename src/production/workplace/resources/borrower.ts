import { formatDateFr } from '../../../kernel/dates/index.ts';
import type { Db } from '../../../kernel/db/index.ts';
import { ruleBroken } from '../../../kernel/errors/domain-error.ts';
import { sortKey } from '../../../kernel/parties/sort-key.ts';
import { getEmployee, listEmployees } from '../../../personnel/index.ts';

// Who borrows or books: an employee of the personnel register (area 3, through its index), whose name is
// copied so the register stays readable, or a person named in free text (a volunteer, an elected member).

export type Borrower = { employeeId: string | null; name: string };

export async function resolveBorrower(
  trx: Db,
  orgId: string,
  input: { employeeId: string | null; borrowerName: string | null },
  from: string,
): Promise<Borrower> {
  if (!input.employeeId) return { employeeId: null, name: input.borrowerName! };
  const employee = await getEmployee(trx, orgId, input.employeeId);
  const name = `${employee.lastName} ${employee.firstName}`;
  if (employee.leftOn && employee.leftOn < from)
    throw ruleBroken(`${name} a quitté l’organisation le ${formatDateFr(employee.leftOn)}.`);
  return { employeeId: employee.id, name };
}

/** The same person: the same employee, or the same name (accents and case aside) when free text. */
export function sameBorrower(a: Borrower, b: { employee_id: string | null; borrower_name: string }) {
  if (a.employeeId || b.employee_id) return a.employeeId === b.employee_id;
  return sortKey(a.name) === sortKey(b.borrower_name);
}

/** The employees still with the organisation, for the borrower's list (names only: production.read). */
export async function listBorrowers(db: Db, orgId: string, today: string) {
  const { items } = await listEmployees(db, orgId, { status: 'present' }, today);
  return { items: items.map((e) => ({ id: e.id, name: `${e.lastName} ${e.firstName}` })) };
}
