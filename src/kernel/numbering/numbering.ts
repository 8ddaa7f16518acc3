import type { Db } from '../db/index.ts';

/**
 * Takes the next number of a sequence (e.g. 'invoice:2026'). Must run inside the transaction that
 * validates the document: the counter row stays locked until commit (row lock on PostgreSQL, write lock
 * on SQLite), and a rollback gives the number back, so numbers have no gaps and no duplicates, even
 * with several processes.
 */
export async function takeNextNumber(trx: Db, orgId: string, sequence: string): Promise<number> {
  return takeNextNumbers(trx, orgId, sequence, 1);
}

/**
 * Takes `count` consecutive numbers in one round trip (a batch of imported entries) and returns the
 * first; same guarantees as takeNextNumber.
 */
export async function takeNextNumbers(
  trx: Db,
  orgId: string,
  sequence: string,
  count: number,
): Promise<number> {
  if (!Number.isSafeInteger(count) || count < 1)
    throw new RangeError(`Nombre de numéros invalide : ${count}`);
  await trx
    .insertInto('numbering_counter')
    .values({ org_id: orgId, sequence, next_value: 1 })
    .onConflict((oc) => oc.columns(['org_id', 'sequence']).doNothing())
    .execute();
  const row = await trx
    .updateTable('numbering_counter')
    .set((eb) => ({ next_value: eb('next_value', '+', count) }))
    .where('org_id', '=', orgId)
    .where('sequence', '=', sequence)
    .returning('next_value')
    .executeTakeFirstOrThrow();
  return Number(row.next_value) - count;
}

/** 'FA', 2026, 42 → 'FA-2026-00042'. */
export function formatNumber(prefix: string, year: number | string, value: number, width = 5): string {
  return `${prefix}-${year}-${String(value).padStart(width, '0')}`;
}
