import { recordAudit } from '../../kernel/audit/audit.ts';
import { formatDateFr, nowInstant, todayIn } from '../../kernel/dates/index.ts';
import type { Db } from '../../kernel/db/index.ts';
import { invalid } from '../../kernel/errors/domain-error.ts';
import { newId } from '../../kernel/ids.ts';
import { getEmployee, listEmployees } from '../employees/employee.ts';
import type { ReviewDto, ReviewInput, ReviewList } from './contract.ts';
import { reviewSchedule } from './review-schedule.ts';

// Entretiens de parcours professionnels held, and who is due for one (L6315-1, review-schedule.ts).

export async function recordReview(trx: Db, orgId: string, input: ReviewInput, actorId: string | null) {
  const employee = await getEmployee(trx, orgId, input.employeeId);
  if (input.heldOn < employee.hireDate)
    throw invalid(`L’entretien ne peut précéder l’entrée du salarié (${formatDateFr(employee.hireDate)}).`, [
      { field: 'heldOn', message: 'Date antérieure à l’entrée.' },
    ]);
  if (input.heldOn > todayIn())
    throw invalid('Enregistrez un entretien une fois tenu : la date est dans le futur.', [
      { field: 'heldOn', message: 'Date future.' },
    ]);
  const id = newId();
  await trx
    .insertInto('personnel_professional_review')
    .values({
      org_id: orgId,
      id,
      employee_id: input.employeeId,
      kind: input.kind,
      held_on: input.heldOn,
      notes: input.notes,
      created_at: nowInstant(),
      created_by: actorId,
    })
    .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'personnel.professional_review.recorded',
    entity: 'personnel_professional_review',
    entityId: id,
    after: { employeeId: input.employeeId, kind: input.kind, heldOn: input.heldOn },
  });
  return { id, ...input } satisfies ReviewDto;
}

/** Every employee present with their next interview and état des lieux, the most urgent first. */
export async function reviewsDue(db: Db, orgId: string, today: string = todayIn()): Promise<ReviewList> {
  const employees = (await listEmployees(db, orgId, { status: 'present' }, today)).items;
  const held = await db
    .selectFrom('personnel_professional_review')
    .select(['employee_id', 'kind', 'held_on'])
    .where('org_id', '=', orgId)
    .execute();
  const items = employees.map((e) => {
    const mine = held.filter((h) => h.employee_id === e.id).map((h) => ({ kind: h.kind, heldOn: h.held_on }));
    const schedule = reviewSchedule(e.hireDate, mine, today);
    return {
      employeeId: e.id,
      employeeName: `${e.lastName} ${e.firstName}`,
      hireDate: e.hireDate,
      lastReviewOn:
        mine
          .map((h) => h.heldOn)
          .sort()
          .at(-1) ?? null,
      ...schedule,
    };
  });
  items.sort((a, b) => (a.nextReviewOn < b.nextReviewOn ? -1 : a.nextReviewOn > b.nextReviewOn ? 1 : 0));
  return { today, items };
}
