import { recordAudit } from '../../kernel/audit/audit.ts';
import { addYears, todayIn } from '../../kernel/dates/index.ts';
import type { Db } from '../../kernel/db/index.ts';
import type { RetentionDue } from './contract.ts';

// An unsuccessful applicant's data may be kept, with their consent, to offer them another post, at most
// two years after the last contact with them (CNIL, « Guide du recrutement », January 2023, fiche on
// retention periods; CNIL référentiel « gestion du personnel », délibération n° 2019-160 du 21 novembre
// 2019). A hired applicant's data belong to the personnel file from then on and are not purged here.
// Decision 0045.

export const RETENTION_YEARS = 2;

/** Applications not hired whose last contact is more than two years before `asOf`. */
export async function retentionDue(db: Db, orgId: string, asOf: string = todayIn()): Promise<RetentionDue> {
  const limit = addYears(asOf, -RETENTION_YEARS);
  const rows = await db
    .selectFrom('personnel_applicant as a')
    .innerJoin('personnel_job_opening as o', (j) =>
      j.onRef('o.org_id', '=', 'a.org_id').onRef('o.id', '=', 'a.opening_id'),
    )
    .select(['a.id', 'a.last_name', 'a.first_name', 'a.status', 'a.last_contact_on', 'o.title'])
    .where('a.org_id', '=', orgId)
    .where('a.status', '!=', 'hired')
    .where('a.last_contact_on', '<', limit)
    .orderBy('a.last_contact_on')
    .orderBy('a.id')
    .execute();
  return {
    asOf,
    limit,
    items: rows.map((r) => ({
      id: r.id,
      name: `${r.last_name} ${r.first_name}`,
      openingTitle: r.title,
      status: r.status,
      lastContactOn: r.last_contact_on,
    })),
  };
}

/** Deletes every application due (and its interviews); the audit keeps the count, not the names. */
export async function purgeApplicants(
  trx: Db,
  orgId: string,
  actorId: string | null,
  asOf: string = todayIn(),
) {
  const due = await retentionDue(trx, orgId, asOf);
  const ids = due.items.map((i) => i.id);
  if (ids.length > 0) {
    await trx
      .deleteFrom('personnel_applicant_interview')
      .where('org_id', '=', orgId)
      .where('applicant_id', 'in', ids)
      .execute();
    await trx.deleteFrom('personnel_applicant').where('org_id', '=', orgId).where('id', 'in', ids).execute();
  }
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'personnel.applicant.purged',
    entity: 'personnel_applicant',
    entityId: orgId,
    after: { count: ids.length, lastContactBefore: due.limit },
  });
  return { purged: ids.length, limit: due.limit };
}
