import { recordAudit } from '../../kernel/audit/audit.ts';
import type { Db } from '../../kernel/db/index.ts';
import { invalid, notFound } from '../../kernel/errors/domain-error.ts';
import { newId } from '../../kernel/ids.ts';
import { formatPlain } from '../../kernel/money/index.ts';
import { managedClass, readableClass, type TrainingScope } from '../classes/access.ts';
import { loadReferentiel } from '../referentiel/referentiel.ts';
import type { TrainingSituationCheckTable, TrainingSituationTable } from '../tables.ts';
import { catalogueEntity, catalogueField } from './check-catalogue.ts';
import {
  type CheckCondition,
  type CheckDto,
  type CheckInput,
  indicatorCode,
  type SituationDto,
  type SituationInput,
} from './contract.ts';
import { describeConditions } from './evaluate.ts';

export { studentDisplayName as studentName } from '../classes/student-access.ts';

const json = (v: unknown) => JSON.stringify(v);
const list = (v: string) => JSON.parse(v) as string[];

/** The stored conditions (money in cents), as the engine reads them. */
export function storedConditions(row: TrainingSituationCheckTable): CheckCondition[] {
  return JSON.parse(row.conditions) as CheckCondition[];
}

export function toCheckDto(row: TrainingSituationCheckTable): CheckDto {
  const conditions = storedConditions(row);
  const entity = catalogueEntity(row.entity);
  return {
    id: row.id,
    label: row.label,
    entity: row.entity,
    // Amounts go out as typed ("1234.56"), so a form sends them back unchanged.
    conditions: conditions.map((c) => {
      const field = entity && catalogueField(entity, c.field);
      return field?.type === 'money' && typeof c.value === 'number'
        ? { ...c, value: formatPlain(c.value) }
        : c;
    }),
    countMode: row.count_mode,
    expectedCount: Number(row.expected_count),
    indicators: list(row.indicators),
    summary: entity ? describeConditions(entity, conditions) : '',
  };
}

/** The situation row, in the school, else 404. */
export async function findSituation(
  db: Db,
  orgId: string,
  situationId: string,
): Promise<TrainingSituationTable> {
  const row = await db
    .selectFrom('training_situation')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', situationId)
    .executeTakeFirst();
  if (!row) throw notFound('Situation');
  return row;
}

/** A situation the caller manages (a teacher of its class, the owner), else 404. */
export async function managedSituation(db: Db, scope: TrainingScope, situationId: string) {
  const row = await findSituation(db, scope.orgId, situationId);
  await managedClass(db, scope, row.class_id).catch(() => {
    throw notFound('Situation');
  });
  return row;
}

/** A situation the caller may read: its class's teachers; its class's students once it is published. */
export async function readableSituation(db: Db, scope: TrainingScope, situationId: string) {
  const row = await findSituation(db, scope.orgId, situationId);
  await readableClass(db, scope, row.class_id).catch(() => {
    throw notFound('Situation');
  });
  if (scope.role === 'student' && row.status !== 'published') throw notFound('Situation');
  return row;
}

export async function toSituationDtos(db: Db, rows: TrainingSituationTable[]): Promise<SituationDto[]> {
  if (rows.length === 0) return [];
  const orgId = rows[0]!.org_id;
  const ids = rows.map((r) => r.id);
  const [checks, documents, titles] = await Promise.all([
    db
      .selectFrom('training_situation_check')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('situation_id', 'in', ids)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('training_situation_document')
      .innerJoin('document', (join) =>
        join
          .onRef('document.org_id', '=', 'training_situation_document.org_id')
          .onRef('document.id', '=', 'training_situation_document.document_id'),
      )
      .select([
        'training_situation_document.situation_id',
        'document.id',
        'document.file_name',
        'document.media_type',
        'document.size',
      ])
      .where('training_situation_document.org_id', '=', orgId)
      .where('training_situation_document.situation_id', 'in', ids)
      .orderBy('training_situation_document.position')
      .execute(),
    db
      .selectFrom('training_handout')
      .innerJoin('training_scenario', (join) =>
        join
          .onRef('training_scenario.org_id', '=', 'training_handout.org_id')
          .onRef('training_scenario.id', '=', 'training_handout.scenario_id'),
      )
      .select(['training_handout.id', 'training_scenario.title'])
      .where('training_handout.org_id', '=', orgId)
      .where('training_handout.id', 'in', [...new Set(rows.map((r) => r.handout_id))])
      .execute(),
  ]);
  const titleOf = new Map(titles.map((t) => [t.id, t.title]));
  return rows.map((r) => ({
    id: r.id,
    classId: r.class_id,
    handoutId: r.handout_id,
    scenarioTitle: titleOf.get(r.handout_id) ?? '',
    title: r.title,
    statement: r.statement,
    competencies: list(r.competencies),
    indicators: list(r.indicators),
    dueDate: r.due_date ? String(r.due_date).slice(0, 10) : null,
    status: r.status,
    attachments: documents
      .filter((d) => d.situation_id === r.id)
      .map((d) => ({ id: d.id, fileName: d.file_name, mediaType: d.media_type, size: Number(d.size) })),
    checks: checks.filter((c) => c.situation_id === r.id).map(toCheckDto),
    updatedAt: String(r.updated_at),
  }));
}

/** Competency and indicator codes must be the class's référentiel's; French errors name the bad one. */
function checkCodes(referentielId: string, input: SituationInput) {
  const referentiel = loadReferentiel(referentielId);
  const competencies = new Set<string>();
  const indicators = new Set<string>();
  for (const block of referentiel.blocks)
    for (const c of block.competencies) {
      competencies.add(c.code);
      c.indicators.forEach((_, i) => {
        indicators.add(indicatorCode(c.code, i));
      });
    }
  const issues: { field: string; message: string }[] = [];
  for (const code of input.competencies)
    if (!competencies.has(code))
      issues.push({ field: 'competencies', message: `Compétence inconnue du référentiel : « ${code} ».` });
  for (const code of input.indicators)
    if (!indicators.has(code))
      issues.push({ field: 'indicators', message: `Indicateur inconnu du référentiel : « ${code} ».` });
  input.checks.forEach((check, i) => {
    for (const code of check.indicators)
      if (!indicators.has(code))
        issues.push({
          field: `checks.${i}.indicators`,
          message: `Indicateur inconnu du référentiel : « ${code} » (vérification « ${check.label} »).`,
        });
  });
  if (issues.length > 0) throw invalid(issues[0]!.message, issues);
}

async function checkReferences(trx: Db, scope: TrainingScope, classId: string, input: SituationInput) {
  const handout = await trx
    .selectFrom('training_handout')
    .select('id')
    .where('org_id', '=', scope.orgId)
    .where('id', '=', input.handoutId)
    .where('class_id', '=', classId)
    .executeTakeFirst();
  if (!handout)
    throw invalid('Cette distribution n’est pas celle de la classe.', [
      { field: 'handoutId', message: 'Distribution inconnue pour cette classe.' },
    ]);
  if (new Set(input.attachmentIds).size !== input.attachmentIds.length)
    throw invalid('Une pièce jointe figure deux fois.');
  if (input.attachmentIds.length > 0) {
    const found = await trx
      .selectFrom('document')
      .select('id')
      .where('org_id', '=', scope.orgId)
      .where('id', 'in', input.attachmentIds)
      .execute();
    if (found.length !== input.attachmentIds.length)
      throw invalid('Pièce jointe introuvable : déposez le fichier avant de l’attacher.', [
        { field: 'attachmentIds', message: 'Pièce jointe introuvable.' },
      ]);
  }
}

const checkRow = (
  orgId: string,
  situationId: string,
  id: string,
  position: number,
  c: CheckInput,
): TrainingSituationCheckTable => ({
  org_id: orgId,
  id,
  situation_id: situationId,
  position,
  label: c.label,
  entity: c.entity,
  conditions: json(c.conditions),
  count_mode: c.countMode,
  expected_count: c.expectedCount,
  indicators: json(c.indicators),
});

/** Replaces attachments and checks; a check whose definition changed loses its (now stale) results. */
async function writeChildren(trx: Db, orgId: string, situationId: string, input: SituationInput) {
  await trx
    .deleteFrom('training_situation_document')
    .where('org_id', '=', orgId)
    .where('situation_id', '=', situationId)
    .execute();
  if (input.attachmentIds.length > 0)
    await trx
      .insertInto('training_situation_document')
      .values(
        input.attachmentIds.map((documentId, position) => ({
          org_id: orgId,
          situation_id: situationId,
          document_id: documentId,
          position,
        })),
      )
      .execute();

  const existing = await trx
    .selectFrom('training_situation_check')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('situation_id', '=', situationId)
    .execute();
  const byId = new Map(existing.map((c) => [c.id, c]));
  const kept = new Set<string>();
  for (const [position, check] of input.checks.entries()) {
    const old = check.id ? byId.get(check.id) : undefined;
    if (check.id && !old) throw invalid(`Vérification inconnue : « ${check.id} ».`);
    const row = checkRow(orgId, situationId, old?.id ?? newId(), position, check);
    if (!old) {
      await trx.insertInto('training_situation_check').values(row).execute();
      continue;
    }
    kept.add(old.id);
    const changed =
      old.entity !== row.entity ||
      old.conditions !== row.conditions ||
      old.count_mode !== row.count_mode ||
      Number(old.expected_count) !== row.expected_count;
    await trx
      .updateTable('training_situation_check')
      .set({
        position,
        label: row.label,
        entity: row.entity,
        conditions: row.conditions,
        count_mode: row.count_mode,
        expected_count: row.expected_count,
        indicators: row.indicators,
      })
      .where('org_id', '=', orgId)
      .where('id', '=', old.id)
      .execute();
    if (changed)
      await trx
        .deleteFrom('training_situation_result')
        .where('org_id', '=', orgId)
        .where('check_id', '=', old.id)
        .execute();
  }
  const removed = existing.filter((c) => !kept.has(c.id)).map((c) => c.id);
  if (removed.length > 0) {
    await trx
      .deleteFrom('training_situation_result')
      .where('org_id', '=', orgId)
      .where('check_id', 'in', removed)
      .execute();
    await trx
      .deleteFrom('training_situation_check')
      .where('org_id', '=', orgId)
      .where('id', 'in', removed)
      .execute();
  }
}

const auditAfter = (input: SituationInput) => ({
  title: input.title,
  status: input.status,
  dueDate: input.dueDate,
  handoutId: input.handoutId,
  attachments: input.attachmentIds.length,
  checks: input.checks.map((c) => ({ label: c.label, entity: c.entity, conditions: c.conditions })),
});

export async function createSituation(
  trx: Db,
  scope: TrainingScope,
  classId: string,
  input: SituationInput,
): Promise<SituationDto> {
  const cls = await managedClass(trx, scope, classId);
  checkCodes(cls.referentiel_id, input);
  await checkReferences(trx, scope, classId, input);
  if (input.checks.some((c) => c.id)) throw invalid('Une nouvelle situation n’a pas encore de vérification.');
  const now = new Date().toISOString();
  const row: TrainingSituationTable = {
    org_id: scope.orgId,
    id: newId(),
    class_id: classId,
    handout_id: input.handoutId,
    title: input.title,
    statement: input.statement,
    competencies: json(input.competencies),
    indicators: json(input.indicators),
    due_date: input.dueDate,
    status: input.status,
    created_by: scope.userId,
    created_at: now,
    updated_at: now,
  };
  await trx.insertInto('training_situation').values(row).execute();
  await writeChildren(trx, scope.orgId, row.id, input);
  await recordAudit(trx, {
    orgId: scope.orgId,
    actorId: scope.userId,
    action: 'training.situation.created',
    entity: 'training_situation',
    entityId: row.id,
    after: auditAfter(input),
  });
  return (await toSituationDtos(trx, [row]))[0]!;
}

export async function updateSituation(
  trx: Db,
  scope: TrainingScope,
  situationId: string,
  input: SituationInput,
): Promise<SituationDto> {
  const before = await managedSituation(trx, scope, situationId);
  const cls = await managedClass(trx, scope, before.class_id);
  checkCodes(cls.referentiel_id, input);
  await checkReferences(trx, scope, before.class_id, input);
  if (input.handoutId !== before.handout_id) {
    // Results read the previous hand-out's sandboxes: they no longer say anything.
    await trx
      .deleteFrom('training_situation_result')
      .where('org_id', '=', scope.orgId)
      .where('situation_id', '=', situationId)
      .execute();
  }
  const updatedAt = new Date().toISOString();
  await trx
    .updateTable('training_situation')
    .set({
      handout_id: input.handoutId,
      title: input.title,
      statement: input.statement,
      competencies: json(input.competencies),
      indicators: json(input.indicators),
      due_date: input.dueDate,
      status: input.status,
      updated_at: updatedAt,
    })
    .where('org_id', '=', scope.orgId)
    .where('id', '=', situationId)
    .execute();
  await writeChildren(trx, scope.orgId, situationId, input);
  await recordAudit(trx, {
    orgId: scope.orgId,
    actorId: scope.userId,
    action: 'training.situation.updated',
    entity: 'training_situation',
    entityId: situationId,
    before: { title: before.title, status: before.status, dueDate: before.due_date },
    after: auditAfter(input),
  });
  return (await toSituationDtos(trx, [await findSituation(trx, scope.orgId, situationId)]))[0]!;
}

export async function getSituation(db: Db, scope: TrainingScope, situationId: string): Promise<SituationDto> {
  const row = await readableSituation(db, scope, situationId);
  return (await toSituationDtos(db, [row]))[0]!;
}

/** A class's situations: all for its teachers, the published ones for its students. */
export async function listSituations(db: Db, scope: TrainingScope, classId: string): Promise<SituationDto[]> {
  await readableClass(db, scope, classId);
  let query = db
    .selectFrom('training_situation')
    .selectAll()
    .where('org_id', '=', scope.orgId)
    .where('class_id', '=', classId);
  if (scope.role === 'student') query = query.where('status', '=', 'published');
  return toSituationDtos(db, await query.orderBy('created_at', 'desc').execute());
}
