import { recordAudit } from '../../kernel/audit/audit.ts';
import type { Db } from '../../kernel/db/index.ts';
import { copyDocument, deleteDocumentIfUnused } from '../../kernel/documents/document-store.ts';
import { conflict } from '../../kernel/errors/domain-error.ts';
import { newId } from '../../kernel/ids.ts';
import type { TrainingScope } from '../classes/access.ts';
import type { TrainingSituationTable } from '../tables.ts';
import { SITUATION_TITLE_MAX, type SituationDto } from './contract.ts';
import { managedSituation, toSituationDtos } from './situation.ts';

// A teacher reuses a situation by duplicating it, and removes one written by mistake (decision 0022).

const COPY_SUFFIX = ' (copie)';

/** The copy's title: « (copie) » added, the original shortened if needed to stay within the limit. */
export const copyTitle = (title: string) =>
  `${title.slice(0, SITUATION_TITLE_MAX - COPY_SUFFIX.length).trimEnd()}${COPY_SUFFIX}`;

async function children(trx: Db, orgId: string, situationId: string) {
  const [checks, links] = await Promise.all([
    trx
      .selectFrom('training_situation_check')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('situation_id', '=', situationId)
      .orderBy('position')
      .execute(),
    trx
      .selectFrom('training_situation_document')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('situation_id', '=', situationId)
      .orderBy('position')
      .execute(),
  ]);
  return { checks, links };
}

/**
 * A new draft in the same class and hand-out: statement, targets, checks, due date and attachments copied,
 * results not (the copy has not been worked on). Each attachment becomes a document row of the copy's own,
 * so deleting one situation never takes the other's files.
 */
export async function duplicateSituation(
  trx: Db,
  scope: TrainingScope,
  situationId: string,
): Promise<SituationDto> {
  const original = await managedSituation(trx, scope, situationId);
  const { checks, links } = await children(trx, scope.orgId, situationId);
  const now = new Date().toISOString();
  const copy: TrainingSituationTable = {
    ...original,
    id: newId(),
    title: copyTitle(original.title),
    status: 'draft',
    created_by: scope.userId,
    created_at: now,
    updated_at: now,
  };
  await trx.insertInto('training_situation').values(copy).execute();
  if (checks.length > 0)
    await trx
      .insertInto('training_situation_check')
      .values(checks.map((c) => ({ ...c, id: newId(), situation_id: copy.id })))
      .execute();
  for (const link of links) {
    const document = await copyDocument(trx, scope.orgId, link.document_id, scope.userId);
    await trx
      .insertInto('training_situation_document')
      .values({ ...link, situation_id: copy.id, document_id: document.id })
      .execute();
  }
  await recordAudit(trx, {
    orgId: scope.orgId,
    actorId: scope.userId,
    action: 'training.situation.duplicated',
    entity: 'training_situation',
    entityId: copy.id,
    after: { from: original.id, title: copy.title, attachments: links.length, checks: checks.length },
  });
  return (await toSituationDtos(trx, [copy]))[0]!;
}

export const PUBLISHED_NOT_DELETABLE =
  'Une situation publiée ne peut pas être supprimée : seul un brouillon sans résultat d’élève peut l’être.';
export const RESULTS_NOT_DELETABLE =
  'Cette situation a déjà des résultats d’élèves : seul un brouillon sans résultat d’élève peut être supprimé.';

/**
 * Deletes a draft nobody has been evaluated on, with its checks and attachments (targets are columns of
 * the situation). A published situation, or one with results, stays: students saw it, and results feed
 * their assessment (indicatorOutcomes).
 */
export async function deleteSituation(trx: Db, scope: TrainingScope, situationId: string): Promise<void> {
  const situation = await managedSituation(trx, scope, situationId);
  // Claimed as a draft by an update: on PostgreSQL the row stays locked, so a publication racing this
  // delete waits for it and then finds nothing.
  const claimed = await trx
    .updateTable('training_situation')
    .set({ updated_at: new Date().toISOString() })
    .where('org_id', '=', scope.orgId)
    .where('id', '=', situationId)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) throw conflict(PUBLISHED_NOT_DELETABLE);
  const result = await trx
    .selectFrom('training_situation_result')
    .select('check_id')
    .where('org_id', '=', scope.orgId)
    .where('situation_id', '=', situationId)
    .limit(1)
    .executeTakeFirst();
  if (result) throw conflict(RESULTS_NOT_DELETABLE);

  const { checks, links } = await children(trx, scope.orgId, situationId);
  await trx
    .deleteFrom('training_situation_document')
    .where('org_id', '=', scope.orgId)
    .where('situation_id', '=', situationId)
    .execute();
  await trx
    .deleteFrom('training_situation_check')
    .where('org_id', '=', scope.orgId)
    .where('situation_id', '=', situationId)
    .execute();
  await trx
    .deleteFrom('training_situation')
    .where('org_id', '=', scope.orgId)
    .where('id', '=', situationId)
    .execute();
  // A document another situation (or any other row) still lists stays.
  for (const link of links) await deleteDocumentIfUnused(trx, scope.orgId, link.document_id, scope.userId);
  await recordAudit(trx, {
    orgId: scope.orgId,
    actorId: scope.userId,
    action: 'training.situation.deleted',
    entity: 'training_situation',
    entityId: situationId,
    before: {
      title: situation.title,
      status: situation.status,
      dueDate: situation.due_date,
      handoutId: situation.handout_id,
      attachments: links.length,
      checks: checks.length,
    },
  });
}
