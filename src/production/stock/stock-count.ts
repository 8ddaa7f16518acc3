import { recordAudit } from '../../kernel/audit/audit.ts';
import type { Db } from '../../kernel/db/index.ts';
import { invalid, notFound, ruleBroken } from '../../kernel/errors/domain-error.ts';
import { newId } from '../../kernel/ids.ts';
import type { CountLinesInput, StockCountDto } from './contract.ts';
import { quantityText } from './contract.ts';
import { EMPTY_STOCK, quantityValue } from './cump.ts';
import { insertMovement } from './movements.ts';
import { stockStates } from './stock-items.ts';
import { organisationToday } from './stock-status.ts';

// The stock count (inventaire physique) at a date: one line per item, the counted quantity entered beside
// the quantity the stock cards give at that date; validating it records an adjustment movement, dated the
// count's date and valued at the CUMP, for each item counted with a difference. Items left blank are not
// counted (an inventaire tournant counts some items only) and keep their stock.

async function requireCount(db: Db, orgId: string, countId: string) {
  const row = await db
    .selectFrom('production_stock_count')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', countId)
    .executeTakeFirst();
  if (!row) throw notFound('Inventaire');
  return row;
}

export async function openStockCount(
  trx: Db,
  orgId: string,
  input: { date: string; note: string | null },
  actorId: string | null,
): Promise<StockCountDto> {
  const today = await organisationToday(trx, orgId);
  if (input.date > today)
    throw invalid('Un inventaire se fait à une date passée ou aujourd’hui.', [
      { field: 'date', message: 'Date postérieure à aujourd’hui.' },
    ]);
  const open = await trx
    .selectFrom('production_stock_count')
    .select('count_date')
    .where('org_id', '=', orgId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (open)
    throw ruleBroken(
      `Un inventaire est déjà en cours (au ${String(open.count_date).split('-').reverse().join('/')}) : validez-le d’abord.`,
    );
  const items = await trx
    .selectFrom('production_stock_item')
    .select('id')
    .where('org_id', '=', orgId)
    .where('archived_at', 'is', null)
    .orderBy('code')
    .execute();
  if (items.length === 0)
    throw ruleBroken('Aucun article en stock à inventorier : créez d’abord les articles.');
  const id = newId();
  await trx
    .insertInto('production_stock_count')
    .values({
      org_id: orgId,
      id,
      count_date: input.date,
      status: 'open',
      note: input.note,
      created_at: new Date().toISOString(),
      created_by: actorId,
      validated_at: null,
    })
    .execute();
  await trx
    .insertInto('production_stock_count_line')
    .values(
      items.map((i) => ({ org_id: orgId, id: newId(), count_id: id, item_id: i.id, counted_quantity: null })),
    )
    .execute();
  const after = await getStockCount(trx, orgId, id);
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'production.stock_count.opened',
    entity: 'production_stock_count',
    entityId: id,
    after: { date: after.date, note: after.note },
  });
  return after;
}

export async function getStockCount(db: Db, orgId: string, countId: string): Promise<StockCountDto> {
  const count = await requireCount(db, orgId, countId);
  const date = String(count.count_date);
  const lines = await db
    .selectFrom('production_stock_count_line as l')
    .innerJoin('production_stock_item as i', (j) =>
      j.onRef('i.org_id', '=', 'l.org_id').onRef('i.id', '=', 'l.item_id'),
    )
    .select(['l.id', 'l.item_id', 'l.counted_quantity', 'i.code', 'i.label', 'i.unit'])
    .where('l.org_id', '=', orgId)
    .where('l.count_id', '=', countId)
    .orderBy('i.code')
    .execute();
  // A validated count shows the stock before its own adjustments.
  const states = await stockStates(
    db,
    orgId,
    date,
    lines.map((l) => l.item_id),
    count.status === 'validated' ? countId : undefined,
  );
  let differenceValue = 0;
  const dtoLines = lines.map((l) => {
    const state = states.get(l.item_id)?.state ?? EMPTY_STOCK;
    const counted = l.counted_quantity === null ? null : Number(l.counted_quantity);
    const difference = counted === null ? null : counted - state.quantity;
    const value =
      difference === null ? null : counted === 0 ? -state.value : quantityValue(difference, state.cump);
    differenceValue += value ?? 0;
    return {
      id: l.id,
      item: { id: l.item_id, code: l.code, label: l.label, unit: l.unit },
      expectedQuantity: quantityText(state.quantity),
      countedQuantity: counted === null ? null : quantityText(counted),
      differenceQuantity: difference === null ? null : quantityText(difference),
      cump: state.cump,
      differenceValue: value,
    };
  });
  return {
    id: count.id,
    date,
    status: count.status,
    note: count.note,
    lines: dtoLines,
    differenceValue,
    validatedAt: count.validated_at === null ? null : String(count.validated_at),
  };
}

export async function listStockCounts(db: Db, orgId: string) {
  const rows = await db
    .selectFrom('production_stock_count')
    .select(['id', 'count_date', 'status', 'note'])
    .where('org_id', '=', orgId)
    .orderBy('count_date', 'desc')
    .execute();
  return {
    items: rows.map((r) => ({ id: r.id, date: String(r.count_date), status: r.status, note: r.note })),
  };
}

async function requireOpen(trx: Db, orgId: string, countId: string) {
  const count = await requireCount(trx, orgId, countId);
  // Serialise the writes on one count.
  await trx
    .updateTable('production_stock_count')
    .set({ note: count.note })
    .where('org_id', '=', orgId)
    .where('id', '=', countId)
    .execute();
  if (count.status !== 'open') throw ruleBroken('Cet inventaire est validé : il ne se modifie plus.');
  return count;
}

export async function enterCountedQuantities(
  trx: Db,
  orgId: string,
  countId: string,
  input: CountLinesInput,
  actorId: string | null,
): Promise<StockCountDto> {
  await requireOpen(trx, orgId, countId);
  const known = new Set(
    (
      await trx
        .selectFrom('production_stock_count_line')
        .select('item_id')
        .where('org_id', '=', orgId)
        .where('count_id', '=', countId)
        .execute()
    ).map((r) => r.item_id),
  );
  const issues = input.lines
    .map((l, i) =>
      known.has(l.itemId)
        ? null
        : { field: `lines.${i}.itemId`, message: 'Article absent de cet inventaire.' },
    )
    .filter((x) => x !== null);
  if (issues.length > 0) throw invalid('Certaines lignes ne sont pas de cet inventaire.', issues);
  for (const line of input.lines)
    await trx
      .updateTable('production_stock_count_line')
      .set({ counted_quantity: line.countedQuantity })
      .where('org_id', '=', orgId)
      .where('count_id', '=', countId)
      .where('item_id', '=', line.itemId)
      .execute();
  const after = await getStockCount(trx, orgId, countId);
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'production.stock_count.counted',
    entity: 'production_stock_count',
    entityId: countId,
    after: input,
  });
  return after;
}

export async function validateStockCount(
  trx: Db,
  orgId: string,
  countId: string,
  actorId: string | null,
): Promise<StockCountDto> {
  const count = await requireOpen(trx, orgId, countId);
  const before = await getStockCount(trx, orgId, countId);
  if (before.lines.every((l) => l.countedQuantity === null))
    throw ruleBroken('Aucune quantité comptée : saisissez au moins une ligne avant de valider.');
  for (const line of before.lines) {
    if (line.differenceQuantity === null || line.differenceQuantity === '0') continue;
    await insertMovement(
      trx,
      orgId,
      line.item.id,
      {
        kind: 'adjustment',
        date: String(count.count_date),
        quantity: Math.round(Number(line.differenceQuantity) * 1000),
        unitCost: null,
        label: `Ajustement d’inventaire du ${String(count.count_date).split('-').reverse().join('/')}`,
        countId,
      },
      actorId,
    );
  }
  await trx
    .updateTable('production_stock_count')
    .set({ status: 'validated', validated_at: new Date().toISOString() })
    .where('org_id', '=', orgId)
    .where('id', '=', countId)
    .execute();
  const after = await getStockCount(trx, orgId, countId);
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'production.stock_count.validated',
    entity: 'production_stock_count',
    entityId: countId,
    after,
  });
  return after;
}
