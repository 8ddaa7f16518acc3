import { addDays, addMonths, startOfMonth, todayIn } from '../kernel/dates/index.ts';
import type { Store } from '../kernel/db/index.ts';
import { createStockItem, movementInput, recordMovement, stockItemInput } from '../production/index.ts';

// The demo's stock (decision 0042): the guide it sells, followed in stock from its catalogue item, and two
// office supplies given out to the team, one of them under its reorder point. Movements only, over the last
// three months: no ledger entry (the stock variation is the user's to post), so no figure of the books moves.

export async function seedDemoStock(store: Store, orgId: string, userId: string): Promise<void> {
  const already = await store.db
    .selectFrom('production_stock_item')
    .select('id')
    .where('org_id', '=', orgId)
    .limit(1)
    .executeTakeFirst();
  if (already) return;
  const org = await store.db
    .selectFrom('organisation')
    .select('time_zone')
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
  const start = startOfMonth(addMonths(todayIn(org.time_zone), -3));
  const supplier = await store.db
    .selectFrom('party')
    .select('id')
    .where('org_id', '=', orgId)
    .where('name', '=', 'Papeterie Centrale')
    .executeTakeFirst();
  const guide = await store.db
    .selectFrom('relations_catalogue_item')
    .select('id')
    .where('org_id', '=', orgId)
    .where('code', '=', 'LIV-GEST')
    .executeTakeFirst();
  const supplierId = supplier?.id ?? null;
  await store.db.transaction().execute(async (trx) => {
    const item = (input: Record<string, unknown>) =>
      createStockItem(trx, orgId, stockItemInput.parse({ supplierId, ...input }), userId);
    const move = (itemId: string, input: Record<string, unknown>) =>
      recordMovement(trx, orgId, itemId, movementInput.parse(input), userId);
    if (guide) {
      const g = await item({
        code: 'LIV-GEST',
        label: 'Guide « Gérer son atelier »',
        category: 'goods',
        catalogueItemId: guide.id,
        unit: 'exemplaire',
        reorderPoint: 10,
        reorderQuantity: 50,
        supplierId: null,
        location: 'Réserve, étagère B',
      });
      await move(g.id, {
        kind: 'entry',
        date: addDays(start, 1),
        quantity: 80,
        unitCost: 1150,
        label: 'Stock initial',
      });
    }
    const paper = await item({
      code: 'PAP-A4-INT',
      label: 'Ramette papier A4 (usage interne)',
      category: 'supplies',
      unit: 'ramette',
      reorderPoint: 10,
      safetyStock: 4,
      reorderQuantity: 25,
      location: 'Armoire du secrétariat',
    });
    await move(paper.id, {
      kind: 'entry',
      date: addDays(start, 2),
      quantity: 25,
      unitCost: 420,
      partyId: supplierId,
      reference: 'BL PC-2291',
    });
    await move(paper.id, {
      kind: 'exit',
      date: addDays(start, 15),
      quantity: 8,
      recipient: 'Accueil',
      reference: 'Demande 12',
    });
    await move(paper.id, {
      kind: 'entry',
      date: addDays(addMonths(start, 1), 3),
      quantity: 10,
      unitCost: 450,
      partyId: supplierId,
      reference: 'BL PC-2340',
    });
    await move(paper.id, {
      kind: 'exit',
      date: addDays(addMonths(start, 1), 20),
      quantity: 12,
      recipient: 'Atelier',
      reference: 'Demande 15',
    });
    await move(paper.id, {
      kind: 'exit',
      date: addDays(addMonths(start, 2), 6),
      quantity: 7,
      recipient: 'Comptabilité',
      reference: 'Demande 19',
    });
    const toner = await item({
      code: 'TONER-N',
      label: 'Toner laser noir',
      category: 'supplies',
      unit: 'cartouche',
      reorderPoint: 2,
      reorderQuantity: 4,
      location: 'Armoire du secrétariat',
    });
    await move(toner.id, {
      kind: 'entry',
      date: addDays(start, 2),
      quantity: 6,
      unitCost: 6490,
      partyId: supplierId,
      reference: 'BL PC-2291',
    });
    await move(toner.id, {
      kind: 'exit',
      date: addDays(addMonths(start, 1), 9),
      quantity: 2,
      recipient: 'Secrétariat',
    });
  });
}
