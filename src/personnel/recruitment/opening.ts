import { recordAudit } from '../../kernel/audit/audit.ts';
import { nowInstant } from '../../kernel/dates/index.ts';
import type { Db } from '../../kernel/db/index.ts';
import { conflict, notFound, ruleBroken } from '../../kernel/errors/domain-error.ts';
import { newId } from '../../kernel/ids.ts';
import type {
  ApplicantDto,
  Channel,
  OpeningDetailDto,
  OpeningDto,
  OpeningInput,
  OpeningList,
} from './contract.ts';
import { OPENING_STATUS_LABELS_FR } from './contract.ts';
import { forbiddenCriteria, forbiddenCriteriaMessage } from './discrimination.ts';
import type { PersonnelApplicantTable, PersonnelJobOpeningTable } from './tables.ts';

// Job openings: drafted, published (the text checked against the forbidden criteria), closed, or filled
// when an applicant is hired. A published offer may still be corrected: the check runs again.

const ENTITY = 'personnel_job_opening';

function toDto(row: PersonnelJobOpeningTable, applicantCount: number): OpeningDto {
  return {
    id: row.id,
    title: row.title,
    service: row.service,
    contractType: row.contract_type,
    weeklyHours: row.weekly_hours,
    salaryMin: row.salary_min,
    salaryMax: row.salary_max,
    place: row.place,
    description: row.description,
    channels: JSON.parse(row.channels) as Channel[],
    opensOn: row.opens_on,
    closesOn: row.closes_on,
    status: row.status,
    publishedAt: row.published_at,
    applicantCount,
  };
}

export function toApplicantDto(row: PersonnelApplicantTable, interviews: ApplicantDto['interviews']) {
  return {
    id: row.id,
    openingId: row.opening_id,
    lastName: row.last_name,
    firstName: row.first_name,
    email: row.email,
    phone: row.phone,
    cvReceivedOn: row.cv_received_on,
    source: row.source,
    status: row.status,
    refusedOn: row.refused_on,
    lastContactOn: row.last_contact_on,
    employeeId: row.employee_id,
    notes: row.notes,
    interviews,
  } satisfies ApplicantDto;
}

const columnsOf = (input: OpeningInput) => ({
  title: input.title,
  service: input.service,
  contract_type: input.contractType,
  weekly_hours: input.weeklyHours,
  salary_min: input.salaryMin,
  salary_max: input.salaryMax,
  place: input.place,
  description: input.description,
  channels: JSON.stringify(input.channels),
  opens_on: input.opensOn,
  closes_on: input.closesOn,
});

/** The whole offer as published: title, place and text are all checked. */
function assertPublishable(opening: Pick<OpeningDto, 'title' | 'description' | 'place' | 'service'>) {
  if (!opening.description.trim())
    throw ruleBroken('Rédigez le texte de l’offre avant de la publier (missions, profil, conditions).');
  const found = forbiddenCriteria(
    [opening.title, opening.service, opening.place, opening.description].filter(Boolean).join('\n'),
  );
  if (found.length > 0) throw ruleBroken(forbiddenCriteriaMessage(found), 'discriminatory-offer');
}

export async function getOpeningRow(db: Db, orgId: string, id: string) {
  const row = await db
    .selectFrom('personnel_job_opening')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Offre d’emploi');
  return row;
}

export async function listOpenings(db: Db, orgId: string): Promise<OpeningList> {
  const rows = await db
    .selectFrom('personnel_job_opening')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const counts = await db
    .selectFrom('personnel_applicant')
    .select(['opening_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('org_id', '=', orgId)
    .groupBy('opening_id')
    .execute();
  const byOpening = new Map(counts.map((c) => [c.opening_id, Number(c.n)]));
  return { items: rows.map((r) => toDto(r, byOpening.get(r.id) ?? 0)) };
}

export async function getOpening(db: Db, orgId: string, id: string): Promise<OpeningDetailDto> {
  const row = await getOpeningRow(db, orgId, id);
  const applicants = await db
    .selectFrom('personnel_applicant')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('opening_id', '=', id)
    .orderBy('cv_received_on')
    .orderBy('id')
    .execute();
  const interviews = await db
    .selectFrom('personnel_applicant_interview')
    .innerJoin('personnel_applicant as a', (j) =>
      j
        .onRef('a.org_id', '=', 'personnel_applicant_interview.org_id')
        .onRef('a.id', '=', 'personnel_applicant_interview.applicant_id'),
    )
    .selectAll('personnel_applicant_interview')
    .where('personnel_applicant_interview.org_id', '=', orgId)
    .where('a.opening_id', '=', id)
    .orderBy('held_on')
    .execute();
  return {
    ...toDto(row, applicants.length),
    applicants: applicants.map((a) =>
      toApplicantDto(
        a,
        interviews
          .filter((i) => i.applicant_id === a.id)
          .map((i) => ({ id: i.id, heldOn: i.held_on, interviewers: i.interviewers, notes: i.notes })),
      ),
    ),
  };
}

export async function createOpening(trx: Db, orgId: string, input: OpeningInput, actorId: string | null) {
  const id = newId();
  const now = nowInstant();
  await trx
    .insertInto('personnel_job_opening')
    .values({
      org_id: orgId,
      id,
      ...columnsOf(input),
      status: 'draft',
      published_at: null,
      created_at: now,
      created_by: actorId,
      updated_at: now,
    })
    .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'personnel.job_opening.created',
    entity: ENTITY,
    entityId: id,
    after: { title: input.title, contractType: input.contractType },
  });
  return getOpening(trx, orgId, id);
}

export async function updateOpening(
  trx: Db,
  orgId: string,
  id: string,
  input: OpeningInput,
  actorId: string | null,
) {
  const before = await getOpeningRow(trx, orgId, id);
  if (before.status === 'filled' || before.status === 'closed')
    throw conflict(`Une offre ${OPENING_STATUS_LABELS_FR[before.status].toLowerCase()} ne se modifie plus.`);
  if (before.status === 'published') assertPublishable(input);
  await trx
    .updateTable('personnel_job_opening')
    .set({ ...columnsOf(input), updated_at: nowInstant() })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'personnel.job_opening.updated',
    entity: ENTITY,
    entityId: id,
    before: { title: before.title },
    after: { title: input.title },
  });
  return getOpening(trx, orgId, id);
}

async function setStatus(
  trx: Db,
  orgId: string,
  id: string,
  from: readonly PersonnelJobOpeningTable['status'][],
  to: PersonnelJobOpeningTable['status'],
  actorId: string | null,
) {
  const now = nowInstant();
  const result = await trx
    .updateTable('personnel_job_opening')
    .set({ status: to, updated_at: now, ...(to === 'published' ? { published_at: now } : {}) })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('status', 'in', from)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) {
    const row = await getOpeningRow(trx, orgId, id);
    throw conflict(`Impossible : l’offre est ${OPENING_STATUS_LABELS_FR[row.status].toLowerCase()}.`);
  }
  await recordAudit(trx, {
    orgId,
    actorId,
    action: `personnel.job_opening.${to}`,
    entity: ENTITY,
    entityId: id,
    after: { status: to },
  });
}

/** Publishes a draft: refused with the words found when the text names a forbidden criterion. */
export async function publishOpening(trx: Db, orgId: string, id: string, actorId: string | null) {
  const row = await getOpeningRow(trx, orgId, id);
  assertPublishable(row);
  await setStatus(trx, orgId, id, ['draft'], 'published', actorId);
  return getOpening(trx, orgId, id);
}

export async function closeOpening(trx: Db, orgId: string, id: string, actorId: string | null) {
  await setStatus(trx, orgId, id, ['draft', 'published'], 'closed', actorId);
  return getOpening(trx, orgId, id);
}

/** Called by a hiring: the post is taken. */
export async function markOpeningFilled(trx: Db, orgId: string, id: string, actorId: string | null) {
  await setStatus(trx, orgId, id, ['published', 'closed'], 'filled', actorId);
}
