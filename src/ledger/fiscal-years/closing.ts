import { sql } from 'kysely';
import { recordAudit } from '../../kernel/audit/audit.ts';
import { addDays } from '../../kernel/dates/index.ts';
import type { Db } from '../../kernel/db/index.ts';
import { conflict, ruleBroken } from '../../kernel/errors/domain-error.ts';
import { formatAmount } from '../../kernel/money/index.ts';
import { ensureGeneralByNumber } from '../accounts/account.ts';
import { isBalanceSheetClass } from '../accounts/account-number.ts';
import { insertValidatedEntry, type ResolvedLine } from '../entries/entry-write.ts';
import { OPENING_JOURNAL, requireJournal } from '../journals/journal.ts';
import type { ClosingDto } from './contract.ts';
import {
  type FiscalYearRow,
  fiscalYearName,
  getFiscalYear,
  openFiscalYear,
  toFiscalYearDto,
} from './fiscal-year.ts';

const PROFIT_ACCOUNT = { number: '120', label: 'Résultat de l’exercice (bénéfice)' };
const LOSS_ACCOUNT = { number: '129', label: 'Résultat de l’exercice (perte)' };

async function refuseIfNotClosable(trx: Db, orgId: string, year: FiscalYearRow) {
  if (year.status === 'closed')
    throw conflict(`L’exercice ${fiscalYearName(year.start_date, year.end_date)} est déjà clôturé.`);
  const earlier = await trx
    .selectFrom('ledger_fiscal_year')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('end_date', '<', year.start_date)
    .where('status', '=', 'open')
    .orderBy('start_date')
    .executeTakeFirst();
  if (earlier)
    throw ruleBroken(
      `Clôturez d’abord l’exercice ${fiscalYearName(earlier.start_date, earlier.end_date)} : les exercices se clôturent dans l’ordre.`,
      'earlier-year-open',
    );
  const { drafts } = await trx
    .selectFrom('ledger_entry')
    .select((eb) => eb.cast<number>(eb.fn.countAll(), 'bigint').as('drafts'))
    .where('org_id', '=', orgId)
    .where('status', '=', 'draft')
    .where('entry_date', '>=', year.start_date)
    .where('entry_date', '<=', year.end_date)
    .executeTakeFirstOrThrow();
  if (Number(drafts) > 0)
    throw ruleBroken(
      `${drafts} écriture(s) en brouillon datée(s) dans l’exercice : validez-les ou supprimez-les avant la clôture.`,
      'drafts-in-year',
    );
}

/** Balances of the year per (account, auxiliary account), with the account's class. */
async function yearBalances(trx: Db, orgId: string, year: FiscalYearRow) {
  const rows = await trx
    .selectFrom('ledger_line as l')
    .innerJoin('ledger_account as a', (j) =>
      j.onRef('a.org_id', '=', 'l.org_id').onRef('a.id', '=', 'l.account_id'),
    )
    .select((eb) => [
      'l.account_id',
      'l.auxiliary_id',
      'a.class',
      eb.cast<number>(eb.fn.coalesce(eb.fn.sum<number>('l.debit'), eb.lit(0)), 'bigint').as('debit'),
      eb.cast<number>(eb.fn.coalesce(eb.fn.sum<number>('l.credit'), eb.lit(0)), 'bigint').as('credit'),
    ])
    .where('l.org_id', '=', orgId)
    .where('l.fiscal_year_id', '=', year.id)
    .groupBy(['l.account_id', 'l.auxiliary_id', 'a.class'])
    .execute();
  return rows.map((r) => ({ ...r, class: Number(r.class), balance: Number(r.debit) - Number(r.credit) }));
}

/**
 * Open items of the auxiliary accounts at year end: every line not settled by a complete lettering that
 * lies wholly inside the year. They are carried one by one (à-nouveaux détaillés), keeping their due
 * date, so the next year can still letter them and age them.
 */
async function openItems(trx: Db, orgId: string, year: FiscalYearRow) {
  return trx
    .selectFrom('ledger_line as l')
    .innerJoin('ledger_account as a', (j) =>
      j.onRef('a.org_id', '=', 'l.org_id').onRef('a.id', '=', 'l.account_id'),
    )
    .leftJoin('ledger_lettering_line as ll', (j) =>
      j.onRef('ll.org_id', '=', 'l.org_id').onRef('ll.line_id', '=', 'l.id'),
    )
    .leftJoin('ledger_lettering as lt', (j) =>
      j.onRef('lt.org_id', '=', 'll.org_id').onRef('lt.id', '=', 'll.lettering_id'),
    )
    .select([
      'l.id',
      'l.account_id',
      'l.auxiliary_id',
      'l.label',
      'l.debit',
      'l.credit',
      'l.due_date',
      'll.lettering_id',
    ])
    .where('l.org_id', '=', orgId)
    .where('l.fiscal_year_id', '=', year.id)
    .where('l.auxiliary_id', 'is not', null)
    .where('a.class', '<=', 5)
    .where((eb) =>
      eb.or([
        eb('lt.id', 'is', null),
        eb('lt.complete', '=', 0),
        eb.exists(
          eb
            .selectFrom('ledger_lettering_line as ll2')
            .innerJoin('ledger_line as l2', (j) =>
              j.onRef('l2.org_id', '=', 'll2.org_id').onRef('l2.id', '=', 'll2.line_id'),
            )
            .select(sql.lit(1).as('one'))
            .whereRef('ll2.org_id', '=', 'lt.org_id')
            .whereRef('ll2.lettering_id', '=', 'lt.id')
            .where('l2.fiscal_year_id', '<>', year.id),
        ),
      ]),
    )
    .orderBy('l.auxiliary_id')
    .orderBy('l.entry_date')
    .orderBy('l.id')
    .execute();
}

/**
 * Closes a fiscal year: refuses while drafts are dated in it or an earlier year is open; posts the
 * opening entry (journal AN) of the next year, opened if needed, carrying the balance-sheet accounts
 * (classes 1–5) and the result to 120 (profit) or 129 (loss); then locks the year for good.
 * No closing entries are written in the closed year, as the FEC wants (classes 6 and 7 stay as they are).
 */
export async function closeFiscalYear(
  trx: Db,
  orgId: string,
  fiscalYearId: string,
  actorId: string | null,
): Promise<ClosingDto> {
  const year = await getFiscalYear(trx, orgId, fiscalYearId);
  await refuseIfNotClosable(trx, orgId, year);
  const nextStart = addDays(year.end_date, 1);
  const next =
    (await trx
      .selectFrom('ledger_fiscal_year')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('start_date', '=', nextStart)
      .executeTakeFirst()) ?? (await openFiscalYear(trx, orgId, {}, actorId));
  if (next.start_date !== nextStart)
    throw new Error('ledger: the next fiscal year does not follow the closed one');

  const balances = await yearBalances(trx, orgId, year);
  let result = 0;
  let offBalance = 0;
  const lines: ResolvedLine[] = [];
  const carried: string[] = [];
  for (const b of balances) {
    if (b.class === 6 || b.class === 7) result -= b.balance;
    else if (!isBalanceSheetClass(b.class)) offBalance += b.balance;
    else if (b.auxiliary_id === null && b.balance !== 0)
      lines.push({
        account_id: b.account_id,
        auxiliary_id: null,
        label: null,
        debit: Math.max(b.balance, 0),
        credit: Math.max(-b.balance, 0),
        due_date: null,
      });
  }
  if (offBalance !== 0)
    throw ruleBroken(
      `Les comptes des classes 8 et 9 doivent être soldés avant la clôture (écart ${formatAmount(Math.abs(offBalance))}).`,
      'off-balance-not-settled',
    );
  const auxiliaryBalance = new Map<string, number>();
  const carriedStart = lines.length;
  for (const item of await openItems(trx, orgId, year)) {
    const debit = Number(item.debit);
    const credit = Number(item.credit);
    lines.push({
      account_id: item.account_id,
      auxiliary_id: item.auxiliary_id,
      label: item.label,
      debit,
      credit,
      due_date: item.due_date,
    });
    carried.push(item.id);
    auxiliaryBalance.set(
      item.auxiliary_id!,
      (auxiliaryBalance.get(item.auxiliary_id!) ?? 0) + debit - credit,
    );
  }
  // Open items must add up to each auxiliary account's balance, or a lettering broke its own rule.
  for (const b of balances)
    if (
      b.auxiliary_id !== null &&
      isBalanceSheetClass(b.class) &&
      (auxiliaryBalance.get(b.auxiliary_id) ?? 0) !== b.balance
    )
      throw new Error(
        `ledger: open items of auxiliary account ${b.auxiliary_id} do not add up to its balance`,
      );
  if (result !== 0) {
    const account = await ensureGeneralByNumber(
      trx,
      orgId,
      result > 0 ? PROFIT_ACCOUNT.number : LOSS_ACCOUNT.number,
      result > 0 ? PROFIT_ACCOUNT.label : LOSS_ACCOUNT.label,
      actorId,
    );
    lines.push({
      account_id: account.id,
      auxiliary_id: null,
      label: result > 0 ? 'Résultat de l’exercice (bénéfice)' : 'Résultat de l’exercice (perte)',
      debit: Math.max(-result, 0),
      credit: Math.max(result, 0),
      due_date: null,
    });
  }

  let openingEntryId: string | null = null;
  if (lines.length > 0) {
    const name = fiscalYearName(year.start_date, year.end_date);
    const posted = await insertValidatedEntry(
      trx,
      orgId,
      {
        journal: await requireJournal(trx, orgId, OPENING_JOURNAL),
        entry_date: next.start_date,
        label: `À-nouveaux de l’exercice ${name}`,
        voucher_ref: `AN-${name}`,
        voucher_date: next.start_date,
        origin: 'opening',
        source_ref: `ledger.fiscal_year:${year.id}`,
        reversal_of: null,
      },
      lines,
      next,
      actorId,
    );
    openingEntryId = posted.id;
    await moveLetterings(
      trx,
      orgId,
      carried,
      posted.lineIds.slice(carriedStart, carriedStart + carried.length),
    );
  }

  const closedAt = new Date().toISOString();
  const closed = await trx
    .updateTable('ledger_fiscal_year')
    .set({ status: 'closed', closed_at: closedAt, closed_by: actorId })
    .where('org_id', '=', orgId)
    .where('id', '=', year.id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (Number(closed.numUpdatedRows) !== 1) throw conflict('L’exercice a été clôturé entre-temps.');
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'ledger.fiscal_year.closed',
    entity: 'ledger_fiscal_year',
    entityId: year.id,
    after: { result, openingEntryId, nextFiscalYearId: next.id },
  });
  return {
    closed: toFiscalYearDto({ ...year, status: 'closed', closed_at: closedAt, closed_by: actorId }),
    next: toFiscalYearDto(next),
    openingEntryId,
    result,
  };
}

/**
 * A carried open item takes its lettering along: the lettering then joins the AN line, in the year where
 * the item is still alive, and the closed year's line is, as it was at year end, unsettled.
 */
async function moveLetterings(trx: Db, orgId: string, oldIds: string[], newIds: string[]) {
  for (let i = 0; i < oldIds.length; i += 500) {
    const chunk = oldIds.slice(i, i + 500);
    const links = await trx
      .selectFrom('ledger_lettering_line')
      .select(['line_id', 'lettering_id'])
      .where('org_id', '=', orgId)
      .where('line_id', 'in', chunk)
      .execute();
    if (links.length === 0) continue;
    const newIdOf = new Map(chunk.map((id, k) => [id, newIds[i + k]!]));
    await trx
      .deleteFrom('ledger_lettering_line')
      .where('org_id', '=', orgId)
      .where(
        'line_id',
        'in',
        links.map((l) => l.line_id),
      )
      .execute();
    await trx
      .insertInto('ledger_lettering_line')
      .values(
        links.map((l) => ({ org_id: orgId, line_id: newIdOf.get(l.line_id)!, lettering_id: l.lettering_id })),
      )
      .execute();
  }
}
