import { recordAudit } from '../../kernel/audit/audit.ts';
import { type Db, isUniqueViolation } from '../../kernel/db/index.ts';
import { conflict, invalid, notFound } from '../../kernel/errors/domain-error.ts';
import { newId } from '../../kernel/ids.ts';
import { getCatalogueItem } from '../../relations/index.ts';
import type { StockItemDto, StockItemInput } from './contract.ts';
import { quantityText } from './contract.ts';
import { applyMovement, type CardState, EMPTY_STOCK } from './cump.ts';
import type { ProductionStockItemTable } from './tables.ts';

// Stocked items (articles en stock): goods sold, linked to their catalogue item, or supplies used inside
// (paper, toner…), with their reorder point, safety stock, reorder quantity and preferred supplier.

export async function requireItem(db: Db, orgId: string, itemId: string): Promise<ProductionStockItemTable> {
  const row = await db
    .selectFrom('production_stock_item')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', itemId)
    .executeTakeFirst();
  if (!row) throw notFound('Article en stock');
  return row;
}

/** Locks the item's row for the transaction: its movements are written one after the other. */
export async function lockItem(trx: Db, orgId: string, itemId: string): Promise<ProductionStockItemTable> {
  const row = await trx
    .updateTable('production_stock_item')
    .set({ updated_at: new Date().toISOString() })
    .where('org_id', '=', orgId)
    .where('id', '=', itemId)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw notFound('Article en stock');
  return row;
}

async function checkSupplier(db: Db, orgId: string, supplierId: string | null) {
  if (!supplierId) return;
  const party = await db
    .selectFrom('party')
    .select('name')
    .where('org_id', '=', orgId)
    .where('id', '=', supplierId)
    .executeTakeFirst();
  if (!party) throw notFound('Fournisseur');
  const role = await db
    .selectFrom('party_role')
    .select('role')
    .where('org_id', '=', orgId)
    .where('party_id', '=', supplierId)
    .where('role', '=', 'supplier')
    .executeTakeFirst();
  if (!role)
    throw invalid(`« ${party.name} » n’a pas le rôle fournisseur : ajoutez-le sur sa fiche.`, [
      { field: 'supplierId', message: 'Tiers sans le rôle fournisseur.' },
    ]);
}

async function checkCatalogue(db: Db, orgId: string, input: StockItemInput, itemId: string | null) {
  if (!input.catalogueItemId) return;
  if (input.category !== 'goods')
    throw invalid('Seules les marchandises revendues se rattachent au catalogue.', [
      { field: 'catalogueItemId', message: 'Fournitures internes : sans article du catalogue.' },
    ]);
  const catalogue = await getCatalogueItem(db, orgId, input.catalogueItemId);
  if (catalogue.kind !== 'goods')
    throw invalid(`« ${catalogue.label} » est un service du catalogue : il ne se stocke pas.`, [
      { field: 'catalogueItemId', message: 'Article du catalogue de type service.' },
    ]);
  const taken = await db
    .selectFrom('production_stock_item')
    .select(['id', 'code'])
    .where('org_id', '=', orgId)
    .where('catalogue_item_id', '=', input.catalogueItemId)
    .executeTakeFirst();
  if (taken && taken.id !== itemId)
    throw conflict(`L’article du catalogue « ${catalogue.label} » est déjà suivi en stock (${taken.code}).`);
}

const columns = (input: StockItemInput) => ({
  code: input.code,
  label: input.label,
  category: input.category,
  catalogue_item_id: input.catalogueItemId,
  unit: input.unit,
  reorder_point: input.reorderPoint,
  safety_stock: input.safetyStock,
  reorder_quantity: input.reorderQuantity,
  supplier_id: input.supplierId,
  location: input.location,
});

async function writeOrConflict<T>(code: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error))
      throw conflict(`La référence « ${code} » est déjà utilisée par un autre article.`);
    throw error;
  }
}

export async function createStockItem(
  trx: Db,
  orgId: string,
  input: StockItemInput,
  actorId: string | null,
): Promise<StockItemDto> {
  await checkSupplier(trx, orgId, input.supplierId);
  await checkCatalogue(trx, orgId, input, null);
  const now = new Date().toISOString();
  const id = newId();
  await writeOrConflict(input.code, () =>
    trx
      .insertInto('production_stock_item')
      .values({ org_id: orgId, id, ...columns(input), archived_at: null, created_at: now, updated_at: now })
      .execute(),
  );
  const after = await itemDto(trx, orgId, await requireItem(trx, orgId, id), EMPTY_STOCK, null);
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'production.stock_item.created',
    entity: 'production_stock_item',
    entityId: id,
    after,
  });
  return after;
}

export async function updateStockItem(
  trx: Db,
  orgId: string,
  itemId: string,
  input: StockItemInput,
  actorId: string | null,
): Promise<StockItemDto> {
  const before = await lockItem(trx, orgId, itemId);
  await checkSupplier(trx, orgId, input.supplierId);
  await checkCatalogue(trx, orgId, input, itemId);
  if (before.category !== input.category) {
    const moved = await trx
      .selectFrom('production_stock_movement')
      .select('id')
      .where('org_id', '=', orgId)
      .where('item_id', '=', itemId)
      .executeTakeFirst();
    if (moved)
      throw invalid(
        'La catégorie ne change plus après le premier mouvement : elle décide des comptes de stock.',
        [{ field: 'category', message: 'Article déjà mouvementé.' }],
      );
  }
  await writeOrConflict(input.code, () =>
    trx
      .updateTable('production_stock_item')
      .set({ ...columns(input), updated_at: new Date().toISOString() })
      .where('org_id', '=', orgId)
      .where('id', '=', itemId)
      .execute(),
  );
  const [state] = (await stockStates(trx, orgId, null, [itemId])).values();
  const after = await itemDto(
    trx,
    orgId,
    await requireItem(trx, orgId, itemId),
    state?.state ?? EMPTY_STOCK,
    state?.lastDate ?? null,
  );
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'production.stock_item.updated',
    entity: 'production_stock_item',
    entityId: itemId,
    before,
    after,
  });
  return after;
}

export type ItemState = { state: CardState; lastDate: string | null };

/** Each item's stock at `asOf` (every movement when null), from its movements in card order. */
export async function stockStates(
  db: Db,
  orgId: string,
  asOf: string | null,
  itemIds?: readonly string[],
  excludeCountId?: string,
): Promise<Map<string, ItemState>> {
  let query = db
    .selectFrom('production_stock_movement')
    .select(['item_id', 'kind', 'quantity', 'unit_cost', 'movement_date'])
    .where('org_id', '=', orgId);
  if (asOf) query = query.where('movement_date', '<=', asOf);
  if (excludeCountId)
    query = query.where((eb) => eb.or([eb('count_id', 'is', null), eb('count_id', '!=', excludeCountId)]));
  if (itemIds) {
    if (itemIds.length === 0) return new Map();
    query = query.where('item_id', 'in', [...itemIds]);
  }
  const rows = await query.orderBy('item_id').orderBy('seq').execute();
  const states = new Map<string, ItemState>();
  for (const r of rows) {
    const current = states.get(r.item_id) ?? { state: EMPTY_STOCK, lastDate: null };
    const step = applyMovement(current.state, {
      kind: r.kind,
      quantity: Number(r.quantity),
      unitCost: r.unit_cost === null ? null : Number(r.unit_cost),
    });
    states.set(r.item_id, {
      state: { quantity: step.quantity, value: step.value, cump: step.cump },
      lastDate: String(r.movement_date),
    });
  }
  return states;
}

export async function itemDto(
  db: Db,
  orgId: string,
  row: ProductionStockItemTable,
  state: CardState,
  lastDate: string | null,
  names: Map<string, string> = new Map(),
): Promise<StockItemDto> {
  const catalogue = row.catalogue_item_id ? await getCatalogueItem(db, orgId, row.catalogue_item_id) : null;
  let supplierName = row.supplier_id ? names.get(row.supplier_id) : undefined;
  if (row.supplier_id && supplierName === undefined)
    supplierName = (
      await db
        .selectFrom('party')
        .select('name')
        .where('org_id', '=', orgId)
        .where('id', '=', row.supplier_id)
        .executeTakeFirst()
    )?.name;
  const reorderPoint = Number(row.reorder_point);
  const safetyStock = Number(row.safety_stock);
  return {
    id: row.id,
    code: row.code,
    label: row.label,
    category: row.category,
    catalogueItem: catalogue ? { id: catalogue.id, code: catalogue.code, label: catalogue.label } : null,
    unit: row.unit,
    reorderPoint: quantityText(reorderPoint),
    safetyStock: quantityText(safetyStock),
    reorderQuantity: quantityText(Number(row.reorder_quantity)),
    supplier: row.supplier_id ? { id: row.supplier_id, name: supplierName ?? '' } : null,
    location: row.location,
    archived: row.archived_at !== null,
    quantity: quantityText(state.quantity),
    value: state.value,
    cump: state.cump,
    lastMovementDate: lastDate,
    toReorder: reorderPoint > 0 && state.quantity <= reorderPoint,
    underSafetyStock: safetyStock > 0 && state.quantity < safetyStock,
  };
}

export async function getStockItem(db: Db, orgId: string, itemId: string): Promise<StockItemDto> {
  const row = await requireItem(db, orgId, itemId);
  const state = (await stockStates(db, orgId, null, [itemId])).get(itemId);
  return itemDto(db, orgId, row, state?.state ?? EMPTY_STOCK, state?.lastDate ?? null);
}
