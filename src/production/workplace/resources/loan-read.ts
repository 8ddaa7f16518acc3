import type { Db } from '../../../kernel/db/index.ts';
import { notFound } from '../../../kernel/errors/domain-error.ts';
import type { LoanDto, LoanListQuery } from './contract.ts';
import type { ProductionResourceLoanTable } from './tables.ts';

// Reading the loans: the history of a resource, the open and overdue loans, the register.

type LoanRow = ProductionResourceLoanTable & {
  resource_name: string;
  category: LoanDto['category'];
  identifier: string | null;
};

export function loanRows(db: Db, orgId: string) {
  return db
    .selectFrom('production_resource_loan as l')
    .innerJoin('production_shared_resource as r', (j) =>
      j.onRef('r.org_id', '=', 'l.org_id').onRef('r.id', '=', 'l.resource_id'),
    )
    .selectAll('l')
    .select(['r.name as resource_name', 'r.category', 'r.identifier'])
    .where('l.org_id', '=', orgId);
}

export function toLoanDto(r: LoanRow, asOf: string): LoanDto {
  return {
    id: r.id,
    resourceId: r.resource_id,
    resourceName: r.resource_name,
    category: r.category,
    identifier: r.identifier,
    employeeId: r.employee_id,
    borrowerName: r.borrower_name,
    outOn: r.out_on,
    dueOn: r.due_on,
    stateOut: r.state_out,
    remarksOut: r.remarks_out,
    returnedOn: r.returned_on,
    stateReturned: r.state_returned,
    remarksReturned: r.remarks_returned,
    overdue: r.returned_on === null && r.due_on < asOf,
  };
}

export async function getLoan(db: Db, orgId: string, id: string, asOf: string): Promise<LoanDto> {
  const row = await loanRows(db, orgId).where('l.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Prêt');
  return toLoanDto(row, asOf);
}

/** The register of loans, the latest first. */
export async function listLoans(
  db: Db,
  orgId: string,
  query: LoanListQuery,
  asOf: string,
): Promise<LoanDto[]> {
  let q = loanRows(db, orgId);
  if (query.resourceId) q = q.where('l.resource_id', '=', query.resourceId);
  if (query.employeeId) q = q.where('l.employee_id', '=', query.employeeId);
  if (query.state === 'open') q = q.where('l.returned_on', 'is', null);
  if (query.state === 'overdue') q = q.where('l.returned_on', 'is', null).where('l.due_on', '<', asOf);
  if (query.state === 'returned') q = q.where('l.returned_on', 'is not', null);
  if (query.from) q = q.where('l.out_on', '>=', query.from);
  if (query.to) q = q.where('l.out_on', '<=', query.to);
  const rows = await q.orderBy('l.out_on', 'desc').orderBy('l.id', 'desc').execute();
  return rows.map((r) => toLoanDto(r, asOf));
}
