import { recordAudit } from '../../kernel/audit/audit.ts';
import type { Db } from '../../kernel/db/index.ts';
import { notFound } from '../../kernel/errors/domain-error.ts';
import { newId } from '../../kernel/ids.ts';
import type { RequestTemplateDto, RequestTemplateInput } from './contract.ts';
import type { RelationsRequestTemplateTable } from './tables.ts';

const toDto = (row: RelationsRequestTemplateTable): RequestTemplateDto => ({
  id: row.id,
  name: row.name,
  category: row.category,
  body: row.body,
  updatedAt: row.updated_at,
});

export async function listRequestTemplates(db: Db, orgId: string): Promise<RequestTemplateDto[]> {
  const rows = await db
    .selectFrom('relations_request_template')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('name')
    .orderBy('id')
    .execute();
  return rows.map(toDto);
}

async function getTemplate(db: Db, orgId: string, templateId: string): Promise<RequestTemplateDto> {
  const row = await db
    .selectFrom('relations_request_template')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', templateId)
    .executeTakeFirst();
  if (!row) throw notFound('Modèle de réponse');
  return toDto(row);
}

export async function saveRequestTemplate(
  trx: Db,
  orgId: string,
  templateId: string | null,
  input: RequestTemplateInput,
  actorId: string | null,
): Promise<RequestTemplateDto> {
  const now = new Date().toISOString();
  const before = templateId ? await getTemplate(trx, orgId, templateId) : null;
  const id = templateId ?? newId();
  if (before)
    await trx
      .updateTable('relations_request_template')
      .set({ name: input.name, category: input.category, body: input.body, updated_at: now })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .execute();
  else
    await trx
      .insertInto('relations_request_template')
      .values({ org_id: orgId, id, ...input, created_at: now, updated_at: now })
      .execute();
  const after = await getTemplate(trx, orgId, id);
  await recordAudit(trx, {
    orgId,
    actorId,
    action: before ? 'request-template.updated' : 'request-template.created',
    entity: 'relations_request_template',
    entityId: id,
    before,
    after,
  });
  return after;
}

export async function deleteRequestTemplate(
  trx: Db,
  orgId: string,
  templateId: string,
  actorId: string | null,
): Promise<void> {
  const before = await getTemplate(trx, orgId, templateId);
  await trx
    .deleteFrom('relations_request_template')
    .where('org_id', '=', orgId)
    .where('id', '=', templateId)
    .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'request-template.deleted',
    entity: 'relations_request_template',
    entityId: templateId,
    before,
  });
}
