import { formatDateFr } from '../../kernel/dates/index.ts';
import type { Db } from '../../kernel/db/index.ts';
import { invalid } from '../../kernel/errors/domain-error.ts';
import { deliveredLines } from '../../relations/index.ts';
import type { DeliveriesToIssueDto } from './contract.ts';
import { quantityText } from './contract.ts';
import { insertMovement } from './movements.ts';
import { stockStates } from './stock-items.ts';

// Delivery notes to take out of the stock (« à sortir du stock »): the lines of the validated delivery
// notes of area 1 whose catalogue item is followed in stock and which no exit took yet. The stock pulls
// them through the relations index; a line leaves the stock once (unique index on delivery_line_id).

async function pending(db: Db, orgId: string) {
  const items = await db
    .selectFrom('production_stock_item')
    .select(['id', 'code', 'label', 'unit', 'catalogue_item_id'])
    .where('org_id', '=', orgId)
    .where('catalogue_item_id', 'is not', null)
    .execute();
  const byCatalogue = new Map(items.map((i) => [i.catalogue_item_id!, i]));
  const lines = await deliveredLines(db, orgId, [...byCatalogue.keys()]);
  const taken = new Set(
    (
      await db
        .selectFrom('production_stock_movement')
        .select('delivery_line_id')
        .where('org_id', '=', orgId)
        .where('delivery_line_id', 'is not', null)
        .execute()
    ).map((m) => m.delivery_line_id),
  );
  return lines
    .filter((l) => !taken.has(l.lineId))
    .map((l) => ({ line: l, item: byCatalogue.get(l.itemId)! }));
}

export async function deliveriesToIssue(db: Db, orgId: string): Promise<DeliveriesToIssueDto> {
  const rows = await pending(db, orgId);
  const states = await stockStates(
    db,
    orgId,
    null,
    rows.map((r) => r.item.id),
  );
  return {
    lines: rows.map(({ line, item }) => ({
      lineId: line.lineId,
      deliveryNote: { id: line.deliveryNoteId, number: line.number, date: line.issueDate },
      customer: line.customer,
      item: { id: item.id, code: item.code, label: item.label, unit: item.unit },
      quantity: quantityText(line.quantity),
      stockQuantity: quantityText(states.get(item.id)?.state.quantity ?? 0),
    })),
  };
}

/**
 * One exit per chosen line, dated the delivery note's date (or the item's last movement when the card
 * already went past it), all in the caller's transaction: a line short of stock refuses the whole action.
 */
export async function issueDeliveries(
  trx: Db,
  orgId: string,
  lineIds: readonly string[],
  actorId: string | null,
): Promise<{ issued: number }> {
  const rows = new Map((await pending(trx, orgId)).map((r) => [r.line.lineId, r]));
  const issues = lineIds
    .map((id, i) =>
      rows.has(id)
        ? null
        : { field: `lineIds.${i}`, message: 'Ligne déjà sortie du stock, ou qui n’est pas à sortir.' },
    )
    .filter((x) => x !== null);
  if (issues.length > 0) throw invalid('Certaines lignes ne sont pas à sortir du stock.', issues);
  for (const id of new Set(lineIds)) {
    const { line, item } = rows.get(id)!;
    const last = await trx
      .selectFrom('production_stock_movement')
      .select('movement_date')
      .where('org_id', '=', orgId)
      .where('item_id', '=', item.id)
      .orderBy('seq', 'desc')
      .executeTakeFirst();
    const lastDate = last ? String(last.movement_date) : line.issueDate;
    await insertMovement(
      trx,
      orgId,
      item.id,
      {
        kind: 'exit',
        date: [line.issueDate, lastDate].sort().at(-1)!,
        quantity: -line.quantity,
        unitCost: null,
        partyId: line.partyId,
        reference: line.number,
        label: `Sortie — bon de livraison ${line.number} du ${formatDateFr(line.issueDate)}`,
        deliveryLineId: line.lineId,
      },
      actorId,
    );
  }
  return { issued: new Set(lineIds).size };
}
