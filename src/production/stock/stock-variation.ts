import { recordAudit } from '../../kernel/audit/audit.ts';
import { formatDateFr } from '../../kernel/dates/index.ts';
import type { Db } from '../../kernel/db/index.ts';
import { ruleBroken } from '../../kernel/errors/domain-error.ts';
import { newId } from '../../kernel/ids.ts';
import {
  accountBalance,
  createAccount,
  type EntryLineInput,
  getEntry,
  listAccounts,
  post,
} from '../../ledger/index.ts';
import type { VariationDto, VariationInput } from './contract.ts';
import { stockStates } from './stock-items.ts';

// « Comptabiliser la variation de stock » at a closing date, the inventaire intermittent of French SMEs:
// the stock in the books (balance of 37, or 322) is cancelled through 603x and the stock valued from the
// stock cards at that date is recorded (PCG: stock accounts credited of the initial stock by the debit of
// 603, debited of the final stock by the credit of 603). One OD entry per date, through the ledger's post().

export const ACCOUNTS = {
  goods: {
    stock: '370',
    stockLabel: 'Stocks de marchandises',
    variation: '6037',
    variationLabel: 'Variation des stocks de marchandises',
    prefix: '37',
  },
  supplies: {
    stock: '322',
    stockLabel: 'Fournitures consommables',
    variation: '6032',
    variationLabel: 'Variation des stocks des autres approvisionnements',
    prefix: '322',
  },
} as const;

const SOURCE = 'production.stock_variation:';

async function ensureAccounts(trx: Db, orgId: string, numbers: { number: string; label: string }[]) {
  const existing = new Set((await listAccounts(trx, orgId)).map((a) => a.number));
  for (const account of numbers)
    if (!existing.has(account.number)) await createAccount(trx, orgId, account, null);
}

/** Debit/credit lines moving `amount` (may be negative) from `credit` to `debit`. */
function move(debit: string, credit: string, amount: number, label: string): EntryLineInput[] {
  if (amount === 0) return [];
  const [d, c] = amount > 0 ? [debit, credit] : [credit, debit];
  const abs = Math.abs(amount);
  return [
    { account: d, partyId: null, label, debit: abs, credit: 0, dueDate: null },
    { account: c, partyId: null, label, debit: 0, credit: abs, dueDate: null },
  ];
}

async function toDto(
  db: Db,
  orgId: string,
  row: {
    id: string;
    closing_date: string;
    goods_value: number;
    supplies_value: number | null;
    entry_id: string;
  },
): Promise<VariationDto> {
  const entry = await getEntry(db, orgId, row.entry_id);
  return {
    id: row.id,
    date: String(row.closing_date),
    goodsValue: Number(row.goods_value),
    suppliesValue: row.supplies_value === null ? null : Number(row.supplies_value),
    entry: { id: entry.id, number: Number(entry.number) },
  };
}

export async function listStockVariations(db: Db, orgId: string) {
  const rows = await db
    .selectFrom('production_stock_variation')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('closing_date', 'desc')
    .execute();
  return { items: await Promise.all(rows.map((r) => toDto(db, orgId, r))) };
}

/** Posts the variation at `input.date`; the same date again answers the entry already posted. */
export async function postStockVariation(
  trx: Db,
  orgId: string,
  input: VariationInput,
  actorId: string | null,
): Promise<{ variation: VariationDto; created: boolean }> {
  const rows = await trx
    .selectFrom('production_stock_variation')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('closing_date', 'desc')
    .execute();
  const same = rows.find((r) => String(r.closing_date) === input.date);
  if (same) return { variation: await toDto(trx, orgId, same), created: false };
  const later = rows[0];
  if (later && String(later.closing_date) > input.date)
    throw ruleBroken(
      `La variation de stock est déjà comptabilisée au ${formatDateFr(String(later.closing_date))} : une date antérieure ne se comptabilise plus.`,
    );
  const items = await trx
    .selectFrom('production_stock_item')
    .select(['id', 'category'])
    .where('org_id', '=', orgId)
    .execute();
  const states = await stockStates(trx, orgId, input.date);
  const quantityValue = (category: string) =>
    items
      .filter((i) => i.category === category)
      .reduce((t, i) => t + (states.get(i.id)?.state.value ?? 0), 0);
  const goodsValue = quantityValue('goods');
  const suppliesValue = input.includeSupplies ? quantityValue('supplies') : null;
  const day = formatDateFr(input.date);
  const lines: EntryLineInput[] = [];
  const wanted: { kind: keyof typeof ACCOUNTS; value: number }[] = [{ kind: 'goods', value: goodsValue }];
  if (suppliesValue !== null) wanted.push({ kind: 'supplies', value: suppliesValue });
  await ensureAccounts(
    trx,
    orgId,
    wanted.flatMap(({ kind }) => [
      { number: ACCOUNTS[kind].stock, label: ACCOUNTS[kind].stockLabel },
      { number: ACCOUNTS[kind].variation, label: ACCOUNTS[kind].variationLabel },
    ]),
  );
  for (const { kind, value } of wanted) {
    const a = ACCOUNTS[kind];
    const previous = await accountBalance(trx, orgId, { accountPrefix: a.prefix, asOf: input.date });
    lines.push(
      ...move(a.variation, a.stock, previous, `Annulation du stock initial (${a.stockLabel.toLowerCase()})`),
    );
    lines.push(...move(a.stock, a.variation, value, `Stock final au ${day} (${a.stockLabel.toLowerCase()})`));
  }
  if (lines.length === 0)
    throw ruleBroken(
      'Rien à comptabiliser : aucun stock dans les comptes ni sur les fiches de stock à cette date.',
    );
  const id = newId();
  const entry = await post(
    trx,
    orgId,
    {
      journal: 'OD',
      date: input.date,
      label: `Variation des stocks au ${day}`,
      voucherRef: `STOCK-${input.date}`,
      voucherDate: input.date,
      lines,
      sourceRef: `${SOURCE}${id}`,
    },
    actorId,
  );
  const row = {
    org_id: orgId,
    id,
    closing_date: input.date,
    goods_value: goodsValue,
    supplies_value: suppliesValue,
    entry_id: entry.id,
    created_at: new Date().toISOString(),
    created_by: actorId,
  };
  await trx.insertInto('production_stock_variation').values(row).execute();
  const variation = await toDto(trx, orgId, row);
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'production.stock_variation.posted',
    entity: 'production_stock_variation',
    entityId: id,
    after: variation,
  });
  return { variation, created: true };
}
