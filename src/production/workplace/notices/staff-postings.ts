import { recordAudit } from '../../../kernel/audit/audit.ts';
import { addMonths, nowInstant, todayIn } from '../../../kernel/dates/index.ts';
import type { Db } from '../../../kernel/db/index.ts';
import { notFound } from '../../../kernel/errors/domain-error.ts';
import { newId } from '../../../kernel/ids.ts';
import { listEmployees } from '../../../personnel/index.ts';
import type { PostingChecklist, PostingInput, PostingState } from './contract.ts';
import { MANDATORY_POSTINGS, REVIEW_MONTHS } from './mandatory-postings.ts';

// The checklist of the mandatory postings of an organisation: posted (and checked within a year),
// missing, out of date, or not required at its headcount.

export async function postingChecklist(db: Db, orgId: string, asOf = todayIn()): Promise<PostingChecklist> {
  const [rows, employees] = await Promise.all([
    db.selectFrom('production_staff_posting').selectAll().where('org_id', '=', orgId).execute(),
    listEmployees(db, orgId, { presentOn: asOf }),
  ]);
  const headcount = employees.items.length;
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const staleBefore = addMonths(asOf, -REVIEW_MONTHS);
  const items = MANDATORY_POSTINGS.map((p) => {
    const row = byCode.get(p.code);
    const state: PostingState =
      headcount < p.minHeadcount
        ? 'not_required'
        : !row
          ? 'missing'
          : row.posted_on < staleBefore
            ? 'outdated'
            : 'posted';
    return {
      ...p,
      state,
      postedOn: row?.posted_on ?? null,
      location: row?.location ?? null,
      note: row?.note ?? null,
    };
  });
  return {
    asOf,
    headcount,
    items,
    missing: items.filter((i) => i.state === 'missing').length,
    outdated: items.filter((i) => i.state === 'outdated').length,
  };
}

/** Records that a posting was put up (or checked) on a day, and where. */
export async function recordPosting(
  trx: Db,
  orgId: string,
  code: string,
  input: PostingInput,
  actorId: string | null,
): Promise<PostingChecklist> {
  if (!MANDATORY_POSTINGS.some((p) => p.code === code)) throw notFound('Affichage obligatoire');
  const now = nowInstant();
  await trx
    .insertInto('production_staff_posting')
    .values({
      org_id: orgId,
      id: newId(),
      code,
      posted_on: input.postedOn,
      location: input.location,
      note: input.note,
      updated_at: now,
      updated_by: actorId,
    })
    .onConflict((oc) =>
      oc.columns(['org_id', 'code']).doUpdateSet((eb) => ({
        posted_on: eb.ref('excluded.posted_on'),
        location: eb.ref('excluded.location'),
        note: eb.ref('excluded.note'),
        updated_at: eb.ref('excluded.updated_at'),
        updated_by: eb.ref('excluded.updated_by'),
      })),
    )
    .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'production.staff_posting.recorded',
    entity: 'production_staff_posting',
    entityId: code,
    after: { postedOn: input.postedOn, location: input.location },
  });
  return postingChecklist(trx, orgId);
}
