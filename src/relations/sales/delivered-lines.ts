import type { Db } from '../../kernel/db/index.ts';

export type DeliveredLine = {
  lineId: string;
  deliveryNoteId: string;
  number: string;
  issueDate: string;
  partyId: string;
  customer: string;
  itemId: string;
  /** Thousandths of the unit. */
  quantity: number;
};

/**
 * The lines of validated delivery notes (bons de livraison) of catalogue items among `itemIds`, oldest
 * first: area 2's stock pulls them to take the goods out of its stock (area 1 knows nothing of the stock).
 */
export async function deliveredLines(
  db: Db,
  orgId: string,
  itemIds: readonly string[],
): Promise<DeliveredLine[]> {
  if (itemIds.length === 0) return [];
  const rows = await db
    .selectFrom('relations_sales_document_line as l')
    .innerJoin('relations_sales_document as d', (j) =>
      j.onRef('d.org_id', '=', 'l.org_id').onRef('d.id', '=', 'l.document_id'),
    )
    .innerJoin('party as p', (j) => j.onRef('p.org_id', '=', 'd.org_id').onRef('p.id', '=', 'd.party_id'))
    .select([
      'l.id as lineId',
      'd.id as deliveryNoteId',
      'd.number',
      'd.issue_date as issueDate',
      'd.party_id as partyId',
      'p.name as customer',
      'l.item_id as itemId',
      'l.quantity',
    ])
    .where('l.org_id', '=', orgId)
    .where('d.kind', '=', 'delivery_note')
    .where('d.status', '=', 'validated')
    .where('l.item_id', 'in', [...itemIds])
    .where('l.quantity', '>', 0)
    .orderBy('d.issue_date')
    .orderBy('d.number')
    .orderBy('l.position')
    .execute();
  return rows.map((r) => ({
    ...r,
    number: r.number ?? '',
    itemId: r.itemId!,
    quantity: Number(r.quantity),
  }));
}
