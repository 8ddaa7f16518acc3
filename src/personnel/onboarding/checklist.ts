import { recordAudit } from '../../kernel/audit/audit.ts';
import { formatDateFr, nowInstant, todayIn } from '../../kernel/dates/index.ts';
import type { Db } from '../../kernel/db/index.ts';
import { conflict, invalid, notFound, ruleBroken } from '../../kernel/errors/domain-error.ts';
import { newId } from '../../kernel/ids.ts';
import { getEmployee } from '../employees/employee.ts';
import { DEFAULT_TEMPLATE, dueOn, isOverdue } from './checklist-template.ts';
import {
  CHECKLIST_KIND_LABELS_FR,
  type ChecklistItemDto,
  type ChecklistList,
  type ItemUpdateInput,
  type TemplateDto,
  type TemplateInput,
} from './contract.ts';
import type { ChecklistKind } from './tables.ts';

// Each employee's onboarding and offboarding items, made from the organisation's template with their
// due dates; each item is done (by whom, when) or set aside. Decision 0045.

export async function getTemplate(db: Db, orgId: string, kind: ChecklistKind): Promise<TemplateDto> {
  const rows = await db
    .selectFrom('personnel_checklist_template_item')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('kind', '=', kind)
    .orderBy('position')
    .execute();
  if (rows.length === 0) return { kind, custom: false, items: [...DEFAULT_TEMPLATE[kind]] };
  return {
    kind,
    custom: true,
    items: rows.map((r) => ({
      label: r.label,
      offsetMonths: Number(r.offset_months),
      offsetDays: Number(r.offset_days),
      legalRef: r.legal_ref,
    })),
  };
}

/** Replaces the organisation's template of one kind; the lists already made do not change. */
export async function saveTemplate(trx: Db, orgId: string, input: TemplateInput, actorId: string | null) {
  await trx
    .deleteFrom('personnel_checklist_template_item')
    .where('org_id', '=', orgId)
    .where('kind', '=', input.kind)
    .execute();
  await trx
    .insertInto('personnel_checklist_template_item')
    .values(
      input.items.map((item, position) => ({
        org_id: orgId,
        id: newId(),
        kind: input.kind,
        position,
        label: item.label,
        offset_months: item.offsetMonths,
        offset_days: item.offsetDays,
        legal_ref: item.legalRef,
      })),
    )
    .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'personnel.checklist_template.saved',
    entity: 'personnel_checklist_template_item',
    entityId: input.kind,
    after: { kind: input.kind, items: input.items.length },
  });
  return getTemplate(trx, orgId, input.kind);
}

/** Makes an employee's list from the template: from the hire date, or from the departure date. */
export async function generateChecklist(
  trx: Db,
  orgId: string,
  employeeId: string,
  kind: ChecklistKind,
  actorId: string | null,
) {
  const employee = await getEmployee(trx, orgId, employeeId);
  const base = kind === 'onboarding' ? employee.hireDate : employee.leftOn;
  if (!base)
    throw ruleBroken(
      `Enregistrez d’abord la sortie de ${employee.firstName} ${employee.lastName} : les échéances du départ en dépendent.`,
    );
  const existing = await trx
    .selectFrom('personnel_checklist_item')
    .select('id')
    .where('org_id', '=', orgId)
    .where('employee_id', '=', employeeId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  if (existing)
    throw conflict(
      `La liste « ${CHECKLIST_KIND_LABELS_FR[kind]} » de ${employee.firstName} ${employee.lastName} existe déjà.`,
    );
  const template = await getTemplate(trx, orgId, kind);
  const now = nowInstant();
  await trx
    .insertInto('personnel_checklist_item')
    .values(
      template.items.map((item, position) => ({
        org_id: orgId,
        id: newId(),
        employee_id: employeeId,
        kind,
        position,
        label: item.label,
        legal_ref: item.legalRef,
        due_on: dueOn(base, item),
        status: 'todo' as const,
        done_on: null,
        done_by: null,
        done_by_name: null,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: `personnel.checklist.${kind}_created`,
    entity: 'personnel_employee',
    entityId: employeeId,
    after: { kind, items: template.items.length, from: base },
  });
  return listChecklistItems(trx, orgId, { employeeId });
}

export async function listChecklistItems(
  db: Db,
  orgId: string,
  query: { open?: 'true' | 'false'; employeeId?: string } = {},
  today: string = todayIn(),
): Promise<ChecklistList> {
  let q = db
    .selectFrom('personnel_checklist_item as i')
    .innerJoin('personnel_employee as e', (j) =>
      j.onRef('e.org_id', '=', 'i.org_id').onRef('e.id', '=', 'i.employee_id'),
    )
    .selectAll('i')
    .select(['e.last_name', 'e.first_name'])
    .where('i.org_id', '=', orgId);
  if (query.employeeId) q = q.where('i.employee_id', '=', query.employeeId);
  if (query.open === 'true') q = q.where('i.status', '=', 'todo');
  const rows = await q.orderBy('i.due_on').orderBy('e.last_name').orderBy('i.position').execute();
  const items: ChecklistItemDto[] = rows.map((r) => ({
    id: r.id,
    employeeId: r.employee_id,
    employeeName: `${r.last_name} ${r.first_name}`,
    kind: r.kind,
    label: r.label,
    legalRef: r.legal_ref,
    dueOn: r.due_on,
    status: r.status,
    doneOn: r.done_on,
    doneByName: r.done_by_name,
    overdue: isOverdue({ status: r.status, dueOn: r.due_on }, today),
  }));
  return { today, items };
}

/** Ticks an item (done on a day, by the user), sets it aside, or opens it again. */
export async function updateChecklistItem(
  trx: Db,
  orgId: string,
  itemId: string,
  input: ItemUpdateInput,
  actorId: string | null,
) {
  const user = actorId
    ? await trx.selectFrom('app_user').select('name').where('id', '=', actorId).executeTakeFirst()
    : undefined;
  const actor = { id: actorId, name: user?.name ?? null };
  const item = await trx
    .selectFrom('personnel_checklist_item')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', itemId)
    .executeTakeFirst();
  if (!item) throw notFound('Tâche');
  const today = todayIn();
  const doneOn = input.status === 'done' ? (input.doneOn ?? today) : null;
  if (doneOn && doneOn > today)
    throw invalid(`Une tâche ne peut être faite après aujourd’hui (${formatDateFr(today)}).`, [
      { field: 'doneOn', message: 'Date future.' },
    ]);
  await trx
    .updateTable('personnel_checklist_item')
    .set({
      status: input.status,
      done_on: doneOn,
      done_by: input.status === 'todo' ? null : actor.id,
      done_by_name: input.status === 'todo' ? null : actor.name,
      updated_at: nowInstant(),
    })
    .where('org_id', '=', orgId)
    .where('id', '=', itemId)
    .execute();
  await recordAudit(trx, {
    orgId,
    actorId: actor.id,
    action: 'personnel.checklist.item_updated',
    entity: 'personnel_checklist_item',
    entityId: itemId,
    before: { status: item.status },
    after: { status: input.status, doneOn },
  });
  const list = await listChecklistItems(trx, orgId, { employeeId: item.employee_id });
  return list.items.find((i) => i.id === itemId)!;
}
