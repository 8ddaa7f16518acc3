import { todayIn } from '../../kernel/dates/index.ts';
import type { Db } from '../../kernel/db/index.ts';
import type { ReorderDto, StockItemDto, StockStatusDto } from './contract.ts';
import { quantityText } from './contract.ts';
import { EMPTY_STOCK, quantityValue } from './cump.ts';
import { itemDto, stockStates } from './stock-items.ts';

// The stock status (état des stocks) at a date and the reorder proposal (proposition de
// réapprovisionnement): the items at or under their reorder point, with the quantity to order.

export async function organisationToday(db: Db, orgId: string): Promise<string> {
  const org = await db
    .selectFrom('organisation')
    .select('time_zone')
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
  return todayIn(org.time_zone);
}

export async function stockStatus(db: Db, orgId: string, asOf?: string): Promise<StockStatusDto> {
  const date = asOf ?? (await organisationToday(db, orgId));
  const rows = await db
    .selectFrom('production_stock_item')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('code')
    .execute();
  const states = await stockStates(db, orgId, date);
  const suppliers = new Map(
    (
      await db
        .selectFrom('party')
        .innerJoin('production_stock_item as i', (j) =>
          j.onRef('i.org_id', '=', 'party.org_id').onRef('i.supplier_id', '=', 'party.id'),
        )
        .select(['party.id', 'party.name'])
        .where('party.org_id', '=', orgId)
        .execute()
    ).map((p) => [p.id, p.name]),
  );
  const items: StockItemDto[] = [];
  for (const row of rows) {
    const s = states.get(row.id);
    items.push(await itemDto(db, orgId, row, s?.state ?? EMPTY_STOCK, s?.lastDate ?? null, suppliers));
  }
  const sum = (category?: string) =>
    items.filter((i) => !category || i.category === category).reduce((t, i) => t + i.value, 0);
  return { asOf: date, items, totals: { goods: sum('goods'), supplies: sum('supplies'), all: sum() } };
}

const thousandths = (text: string) => Math.round(Number(text) * 1000);

/**
 * Items at or under their reorder point: the reorder quantity when one is set, otherwise what brings the
 * stock back to the reorder point plus the safety stock.
 */
export async function reorderProposal(db: Db, orgId: string, asOf?: string): Promise<ReorderDto> {
  const status = await stockStatus(db, orgId, asOf);
  const lines = status.items
    .filter((i) => i.toReorder && !i.archived)
    .map((item) => {
      const fixed = thousandths(item.reorderQuantity);
      const quantity =
        fixed > 0
          ? fixed
          : thousandths(item.reorderPoint) + thousandths(item.safetyStock) - thousandths(item.quantity);
      return { item, quantity: quantityText(quantity), estimatedCost: quantityValue(quantity, item.cump) };
    })
    .sort(
      (a, b) =>
        (a.item.supplier?.name ?? '\uffff').localeCompare(b.item.supplier?.name ?? '\uffff', 'fr') ||
        a.item.code.localeCompare(b.item.code, 'fr'),
    );
  return { asOf: status.asOf, lines };
}
