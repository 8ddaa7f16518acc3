import { sql } from 'kysely';
import { recordAudit } from '../../kernel/audit/audit.ts';
import { type Db, isUniqueViolation } from '../../kernel/db/index.ts';
import { conflict, notFound } from '../../kernel/errors/domain-error.ts';
import { newId } from '../../kernel/ids.ts';
import { fromScaledInteger } from '../shared/scaled.ts';
import type {
  CatalogueItemDto,
  CatalogueItemInput,
  CatalogueItemPage,
  CatalogueListQuery,
} from './contract.ts';
import type { RelationsCatalogueItemTable } from './tables.ts';

export function toCatalogueItemDto(row: RelationsCatalogueItemTable): CatalogueItemDto {
  return {
    id: row.id,
    code: row.code,
    label: row.label,
    description: row.description,
    kind: row.kind,
    unit: row.unit,
    unitPrice: fromScaledInteger(Number(row.unit_price), 4),
    vatRate: fromScaledInteger(Number(row.vat_rate), 2),
    vatExemptionReason: row.vat_exemption_reason,
    revenueAccount: row.revenue_account,
    archivedAt: row.archived_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toRow(input: CatalogueItemInput) {
  return {
    code: input.code,
    label: input.label,
    description: input.description,
    kind: input.kind,
    unit: input.unit,
    unit_price: input.unitPrice,
    vat_rate: input.vatRate,
    vat_exemption_reason: input.vatExemptionReason,
    revenue_account: input.revenueAccount,
  };
}

async function writeOrConflict<T>(code: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`Le code « ${code} » est déjà utilisé dans le catalogue.`);
    throw error;
  }
}

export async function getCatalogueRow(db: Db, orgId: string, itemId: string) {
  const row = await db
    .selectFrom('relations_catalogue_item')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', itemId)
    .executeTakeFirst();
  if (!row) throw notFound('Article du catalogue');
  return row;
}

export async function getCatalogueItem(db: Db, orgId: string, itemId: string): Promise<CatalogueItemDto> {
  return toCatalogueItemDto(await getCatalogueRow(db, orgId, itemId));
}

export async function createCatalogueItem(
  trx: Db,
  orgId: string,
  input: CatalogueItemInput,
  actorId: string | null,
): Promise<CatalogueItemDto> {
  const now = new Date().toISOString();
  const row: RelationsCatalogueItemTable = {
    org_id: orgId,
    id: newId(),
    ...toRow(input),
    archived_at: null,
    created_at: now,
    updated_at: now,
  };
  await writeOrConflict(input.code, () => trx.insertInto('relations_catalogue_item').values(row).execute());
  const item = toCatalogueItemDto(row);
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'relations.catalogue.created',
    entity: 'relations_catalogue_item',
    entityId: row.id,
    after: item,
  });
  return item;
}

/** Changing an item never changes invoices already drafted: their lines hold their own copy. */
export async function updateCatalogueItem(
  trx: Db,
  orgId: string,
  itemId: string,
  input: CatalogueItemInput,
  actorId: string | null,
): Promise<CatalogueItemDto> {
  const before = await getCatalogueItem(trx, orgId, itemId);
  await writeOrConflict(input.code, () =>
    trx
      .updateTable('relations_catalogue_item')
      .set({ ...toRow(input), updated_at: new Date().toISOString() })
      .where('org_id', '=', orgId)
      .where('id', '=', itemId)
      .execute(),
  );
  const after = await getCatalogueItem(trx, orgId, itemId);
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'relations.catalogue.updated',
    entity: 'relations_catalogue_item',
    entityId: itemId,
    before,
    after,
  });
  return after;
}

export async function setCatalogueItemArchived(
  trx: Db,
  orgId: string,
  itemId: string,
  archived: boolean,
  actorId: string | null,
): Promise<CatalogueItemDto> {
  const before = await getCatalogueItem(trx, orgId, itemId);
  const archivedAt = archived ? (before.archivedAt ?? new Date().toISOString()) : null;
  await trx
    .updateTable('relations_catalogue_item')
    .set({ archived_at: archivedAt, updated_at: new Date().toISOString() })
    .where('org_id', '=', orgId)
    .where('id', '=', itemId)
    .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: archived ? 'relations.catalogue.archived' : 'relations.catalogue.restored',
    entity: 'relations_catalogue_item',
    entityId: itemId,
    before: { archivedAt: before.archivedAt },
    after: { archivedAt },
  });
  return { ...before, archivedAt };
}

/** Deletes an item no invoice line refers to; a used item is archived instead (it stays on its invoices). */
export async function deleteCatalogueItem(
  trx: Db,
  orgId: string,
  itemId: string,
  actorId: string | null,
): Promise<void> {
  const before = await getCatalogueItem(trx, orgId, itemId);
  const used = await trx
    .selectFrom('relations_invoice_line')
    .select('id')
    .where('org_id', '=', orgId)
    .where('item_id', '=', itemId)
    .limit(1)
    .executeTakeFirst();
  if (used)
    throw conflict(
      `L’article « ${before.code} » figure sur des factures : archivez-le au lieu de le supprimer.`,
    );
  await trx
    .deleteFrom('relations_catalogue_item')
    .where('org_id', '=', orgId)
    .where('id', '=', itemId)
    .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'relations.catalogue.deleted',
    entity: 'relations_catalogue_item',
    entityId: itemId,
    before,
  });
}

function likeContains(value: string): string {
  return `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function listCatalogueItems(
  db: Db,
  orgId: string,
  query: CatalogueListQuery,
): Promise<CatalogueItemPage> {
  let base = db.selectFrom('relations_catalogue_item').where('org_id', '=', orgId);
  if (query.q) {
    const pattern = likeContains(query.q.toLowerCase());
    base = base.where((eb) =>
      eb.or([
        eb(sql`lower(code)`, 'like', sql`${pattern} escape '\\'`),
        eb(sql`lower(label)`, 'like', sql`${pattern} escape '\\'`),
      ]),
    );
  }
  if (query.kind) base = base.where('kind', '=', query.kind);
  if (query.archived === 'exclude') base = base.where('archived_at', 'is', null);
  if (query.archived === 'only') base = base.where('archived_at', 'is not', null);
  const { total } = await base
    .select((eb) => eb.cast<number>(eb.fn.countAll(), 'bigint').as('total'))
    .executeTakeFirstOrThrow();
  const rows = await base
    .selectAll()
    .orderBy('code')
    .orderBy('id')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  return { items: rows.map(toCatalogueItemDto), total: Number(total) };
}
