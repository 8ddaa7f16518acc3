import { todayIn } from '../../kernel/dates/index.ts';
import type { Db } from '../../kernel/db/index.ts';
import { notFound } from '../../kernel/errors/domain-error.ts';
import { listEmployees } from '../employees/employee.ts';
import type { SocialDashboardDto, SocialDashboardQuery } from './contract.ts';
import { socialFigures } from './social-figures.ts';

/** The social dashboard of an organisation on a day (its today by default). */
export async function socialDashboard(
  db: Db,
  orgId: string,
  query: SocialDashboardQuery,
): Promise<SocialDashboardDto> {
  const org = await db
    .selectFrom('organisation')
    .select('time_zone')
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  if (!org) throw notFound('Organisation');
  const asOf = query.asOf ?? todayIn(org.time_zone);
  const { items: employees } = await listEmployees(db, orgId, {}, asOf);
  // The payroll mass of the year: validated runs (paid ones stay validated), summed from their payslips.
  const payroll = await db
    .selectFrom('personnel_payslip as s')
    .innerJoin('personnel_pay_run as r', (j) =>
      j.onRef('r.org_id', '=', 's.org_id').onRef('r.id', '=', 's.pay_run_id'),
    )
    .select((eb) => [
      'r.month',
      eb.cast<number>(eb.fn.sum<number>('s.gross'), 'bigint').as('gross'),
      eb.cast<number>(eb.fn.sum<number>('s.employer_cost'), 'bigint').as('employer_cost'),
    ])
    .where('s.org_id', '=', orgId)
    .where('r.status', '=', 'validated')
    .where('r.month', '>=', `${asOf.slice(0, 4)}-01`)
    .where('r.month', '<=', asOf.slice(0, 7))
    .groupBy('r.month')
    .execute();
  return socialFigures(
    employees.map((e) => ({
      id: e.id,
      name: `${e.firstName} ${e.lastName}`,
      sex: e.sex,
      birthDate: e.birthDate,
      contractType: e.contractType,
      category: e.category,
      weeklyHours: e.weeklyHours,
      hireDate: e.hireDate,
      contractEnd: e.contractEnd,
      leftOn: e.leftOn,
    })),
    asOf,
    payroll.map((p) => ({ month: p.month, gross: Number(p.gross), employerCost: Number(p.employer_cost) })),
  );
}
