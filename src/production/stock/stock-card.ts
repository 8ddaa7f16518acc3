import type { Db } from '../../kernel/db/index.ts';
import type { StockCardDto } from './contract.ts';
import { quantityText } from './contract.ts';
import { applyMovement, type CardState, EMPTY_STOCK } from './cump.ts';
import { itemDto, requireItem } from './stock-items.ts';

// The stock card (fiche de stock) of an item: its movements in order, each with the stock after it, valued
// at the CUMP after each entry. Between `from` and `to`, the stock before `from` opens the card.

const KIND_LABELS = { entry: 'Entrée', exit: 'Sortie', adjustment: 'Ajustement d’inventaire' } as const;

export async function getStockCard(
  db: Db,
  orgId: string,
  itemId: string,
  range: { from?: string; to?: string } = {},
): Promise<StockCardDto> {
  const row = await requireItem(db, orgId, itemId);
  const movements = await db
    .selectFrom('production_stock_movement as m')
    .leftJoin('party as p', (j) => j.onRef('p.org_id', '=', 'm.org_id').onRef('p.id', '=', 'm.party_id'))
    .leftJoin('production_stock_movement as c', (j) =>
      j.onRef('c.org_id', '=', 'm.org_id').onRef('c.corrects_id', '=', 'm.id'),
    )
    .select([
      'm.id',
      'm.movement_date',
      'm.kind',
      'm.quantity',
      'm.unit_cost',
      'm.recipient',
      'm.reference',
      'm.label',
      'm.corrects_id',
      'm.delivery_line_id',
      'p.name as party',
      'c.id as corrected_by',
    ])
    .where('m.org_id', '=', orgId)
    .where('m.item_id', '=', itemId)
    .orderBy('m.seq')
    .execute();
  let state: CardState = EMPTY_STOCK;
  let opening: CardState = EMPTY_STOCK;
  let lastDate: string | null = null;
  const lines: StockCardDto['lines'] = [];
  const totals = { entriesQuantity: 0, entriesValue: 0, exitsQuantity: 0, exitsValue: 0 };
  for (const m of movements) {
    const date = String(m.movement_date);
    if (range.to && date > range.to) break;
    const quantity = Number(m.quantity);
    const step = applyMovement(state, {
      kind: m.kind,
      quantity,
      unitCost: m.unit_cost === null ? null : Number(m.unit_cost),
    });
    state = { quantity: step.quantity, value: step.value, cump: step.cump };
    lastDate = date;
    if (range.from && date < range.from) {
      opening = state;
      continue;
    }
    if (quantity >= 0) {
      totals.entriesQuantity += quantity;
      totals.entriesValue += step.movementValue;
    } else {
      totals.exitsQuantity -= quantity;
      totals.exitsValue -= step.movementValue;
    }
    lines.push({
      id: m.id,
      date,
      kind: m.kind,
      label: m.label ?? (m.delivery_line_id ? 'Sortie (bon de livraison)' : KIND_LABELS[m.kind]),
      quantity: quantityText(quantity),
      unitCost: step.movementUnitCost,
      value: step.movementValue,
      stockQuantity: quantityText(step.quantity),
      stockValue: step.value,
      cump: step.cump,
      party: m.party ?? null,
      recipient: m.recipient,
      reference: m.reference,
      correctsId: m.corrects_id,
      correctedBy: m.corrected_by ?? null,
    });
  }
  return {
    item: await itemDto(db, orgId, row, state, lastDate),
    from: range.from ?? null,
    to: range.to ?? null,
    opening: { quantity: quantityText(opening.quantity), value: opening.value, cump: opening.cump },
    lines,
    totals: {
      entriesQuantity: quantityText(totals.entriesQuantity),
      entriesValue: totals.entriesValue,
      exitsQuantity: quantityText(totals.exitsQuantity),
      exitsValue: totals.exitsValue,
    },
  };
}
