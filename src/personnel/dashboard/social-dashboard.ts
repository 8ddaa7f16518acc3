import { todayIn } from '../../kernel/dates/index.ts';
import type { Db } from '../../kernel/db/index.ts';
import { notFound } from '../../kernel/errors/domain-error.ts';
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
  const rows = await db.selectFrom('personnel_employee').selectAll().where('org_id', '=', orgId).execute();
  return socialFigures(
    rows.map((r) => ({
      id: r.id,
      name: `${r.first_name} ${r.last_name}`,
      sex: r.sex,
      birthDate: String(r.birth_date),
      contractType: r.contract_type,
      category: r.category,
      weeklyHours: Number(r.weekly_hours),
      hireDate: String(r.hire_date),
      contractEnd: r.contract_end === null ? null : String(r.contract_end),
      leftOn: r.left_on === null ? null : String(r.left_on),
    })),
    query.asOf ?? todayIn(org.time_zone),
  );
}
