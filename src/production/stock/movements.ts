import { recordAudit } from '../../kernel/audit/audit.ts';
import { formatDateFr } from '../../kernel/dates/index.ts';
import type { Db } from '../../kernel/db/index.ts';
import { conflict, invalid, notFound, ruleBroken } from '../../kernel/errors/domain-error.ts';
import { newId } from '../../kernel/ids.ts';
import type { MovementInput } from './contract.ts';
import { quantityText } from './contract.ts';
import { applyMovement, EMPTY_STOCK } from './cump.ts';
import { lockItem, stockStates } from './stock-items.ts';
import { organisationToday } from './stock-status.ts';
import type { MovementKind, ProductionStockItemTable } from './tables.ts';

// Stock movements: entries (réceptions), exits (to a customer, to a service or a person) and inventory
// adjustments. A recorded movement never changes: a mistake is undone by a counter-movement. The stock
// card is kept in chronological order, so a movement is never dated before the item's last one, and an
// exit never takes more than the stock holds (decision 0042).

export type NewMovement = {
  kind: MovementKind;
  date: string;
  /** Signed thousandths. */
  quantity: number;
  unitCost: number | null;
  partyId?: string | null;
  recipient?: string | null;
  reference?: string | null;
  label?: string | null;
  deliveryLineId?: string | null;
  countId?: string | null;
  correctsId?: string | null;
};

const unitText = (item: ProductionStockItemTable, thousandths: number) =>
  `${quantityText(thousandths).replace('.', ',')} ${item.unit}`;

/** Writes one movement of an item, inside the caller's transaction; returns its id. */
export async function insertMovement(
  trx: Db,
  orgId: string,
  itemId: string,
  movement: NewMovement,
  actorId: string | null,
): Promise<string> {
  const item = await lockItem(trx, orgId, itemId);
  const today = await organisationToday(trx, orgId);
  if (movement.date > today)
    throw invalid('Un mouvement de stock ne se date pas dans le futur.', [
      { field: 'date', message: `Date postérieure à aujourd’hui (${formatDateFr(today)}).` },
    ]);
  const closing = await trx
    .selectFrom('production_stock_variation')
    .select('closing_date')
    .where('org_id', '=', orgId)
    .orderBy('closing_date', 'desc')
    .executeTakeFirst();
  if (closing && movement.date <= String(closing.closing_date))
    throw invalid(
      `La variation de stock est comptabilisée au ${formatDateFr(String(closing.closing_date))} : un mouvement ne se date plus à ce jour ni avant.`,
      [
        {
          field: 'date',
          message: `Date postérieure au ${formatDateFr(String(closing.closing_date))} attendue.`,
        },
      ],
    );
  const last = await trx
    .selectFrom('production_stock_movement')
    .select(['seq', 'movement_date'])
    .where('org_id', '=', orgId)
    .where('item_id', '=', itemId)
    .orderBy('seq', 'desc')
    .executeTakeFirst();
  if (last && movement.date < String(last.movement_date))
    throw invalid(
      `Le dernier mouvement de « ${item.label} » est daté du ${formatDateFr(String(last.movement_date))} : la fiche de stock se tient dans l’ordre chronologique.`,
      [{ field: 'date', message: `Date au ${formatDateFr(String(last.movement_date))} ou après attendue.` }],
    );
  const state = (await stockStates(trx, orgId, null, [itemId])).get(itemId)?.state ?? EMPTY_STOCK;
  const after = applyMovement(state, movement);
  if (after.quantity < 0)
    throw ruleBroken(
      `Stock insuffisant pour « ${item.label} » : ${unitText(item, state.quantity)} en stock, sortie de ${unitText(item, -movement.quantity)} refusée.`,
      'stock-insufficient',
    );
  const id = newId();
  const row = {
    org_id: orgId,
    id,
    item_id: itemId,
    seq: (last ? Number(last.seq) : 0) + 1,
    movement_date: movement.date,
    kind: movement.kind,
    quantity: movement.quantity,
    unit_cost: movement.unitCost,
    party_id: movement.partyId ?? null,
    recipient: movement.recipient ?? null,
    reference: movement.reference ?? null,
    label: movement.label ?? null,
    delivery_line_id: movement.deliveryLineId ?? null,
    count_id: movement.countId ?? null,
    corrects_id: movement.correctsId ?? null,
    created_at: new Date().toISOString(),
    created_by: actorId,
  };
  await trx.insertInto('production_stock_movement').values(row).execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: `production.stock_movement.${movement.kind}`,
    entity: 'production_stock_movement',
    entityId: id,
    after: { ...row, value: after.movementValue, stockQuantity: after.quantity, stockValue: after.value },
  });
  return id;
}

async function checkParty(trx: Db, orgId: string, input: MovementInput) {
  if (!input.partyId) return;
  const party = await trx
    .selectFrom('party')
    .select('name')
    .where('org_id', '=', orgId)
    .where('id', '=', input.partyId)
    .executeTakeFirst();
  if (!party) throw notFound(input.kind === 'entry' ? 'Fournisseur' : 'Client');
  if (input.kind !== 'entry') return;
  const role = await trx
    .selectFrom('party_role')
    .select('role')
    .where('org_id', '=', orgId)
    .where('party_id', '=', input.partyId)
    .where('role', '=', 'supplier')
    .executeTakeFirst();
  if (!role)
    throw invalid(`« ${party.name} » n’a pas le rôle fournisseur : ajoutez-le sur sa fiche.`, [
      { field: 'partyId', message: 'Tiers sans le rôle fournisseur.' },
    ]);
}

/** An entry (réception: quantity and unit cost) or an exit (to a customer, a service, a person). */
export async function recordMovement(
  trx: Db,
  orgId: string,
  itemId: string,
  input: MovementInput,
  actorId: string | null,
): Promise<string> {
  // Another organisation's item answers 404 before anything is said of the body.
  await lockItem(trx, orgId, itemId);
  if (input.kind === 'entry' && input.unitCost === null)
    throw invalid('Une entrée en stock se valorise : indiquez le coût unitaire d’achat HT.', [
      { field: 'unitCost', message: 'Coût unitaire HT obligatoire pour une entrée.' },
    ]);
  if (input.kind === 'exit' && input.unitCost !== null)
    throw invalid('Une sortie se valorise au CUMP : ne donnez pas de coût unitaire.', [
      { field: 'unitCost', message: 'Pas de coût unitaire pour une sortie.' },
    ]);
  if (input.kind === 'exit' && !input.partyId && !input.recipient)
    throw invalid('Indiquez à qui sort la marchandise : un client, ou le service ou la personne servi.', [
      { field: 'recipient', message: 'Destinataire de la sortie obligatoire.' },
    ]);
  await checkParty(trx, orgId, input);
  return insertMovement(
    trx,
    orgId,
    itemId,
    {
      kind: input.kind,
      date: input.date,
      quantity: input.kind === 'entry' ? input.quantity : -input.quantity,
      unitCost: input.unitCost,
      partyId: input.partyId,
      recipient: input.recipient,
      reference: input.reference,
      label: input.label,
    },
    actorId,
  );
}

/**
 * The counter-movement of a mistaken movement: an entry is taken back at its own unit cost, an exit comes
 * back into the stock at the current CUMP, an adjustment is reversed. Once per movement.
 */
export async function correctMovement(
  trx: Db,
  orgId: string,
  itemId: string,
  movementId: string,
  date: string | null,
  actorId: string | null,
): Promise<string> {
  await lockItem(trx, orgId, itemId);
  const original = await trx
    .selectFrom('production_stock_movement')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('item_id', '=', itemId)
    .where('id', '=', movementId)
    .executeTakeFirst();
  if (!original) throw notFound('Mouvement de stock');
  if (original.corrects_id) throw ruleBroken('Ce mouvement est déjà une correction : il ne se corrige pas.');
  const done = await trx
    .selectFrom('production_stock_movement')
    .select('id')
    .where('org_id', '=', orgId)
    .where('corrects_id', '=', movementId)
    .executeTakeFirst();
  if (done) throw conflict('Ce mouvement est déjà corrigé.');
  if (original.delivery_line_id || original.count_id)
    throw ruleBroken(
      original.count_id
        ? 'Un ajustement d’inventaire se corrige par un nouvel inventaire.'
        : 'Une sortie de bon de livraison se corrige côté ventes (avoir, retour) puis par une entrée.',
    );
  const last = await trx
    .selectFrom('production_stock_movement')
    .select('movement_date')
    .where('org_id', '=', orgId)
    .where('item_id', '=', itemId)
    .orderBy('seq', 'desc')
    .executeTakeFirstOrThrow();
  return insertMovement(
    trx,
    orgId,
    itemId,
    {
      kind: original.kind,
      date: date ?? String(last.movement_date),
      quantity: -Number(original.quantity),
      unitCost: original.unit_cost === null ? null : Number(original.unit_cost),
      partyId: original.party_id,
      recipient: original.recipient,
      reference: original.reference,
      label: 'Correction (contre-mouvement)',
      correctsId: movementId,
    },
    actorId,
  );
}
