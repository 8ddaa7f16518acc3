import { recordAudit } from '../../kernel/audit/audit.ts';
import { todayIn } from '../../kernel/dates/index.ts';
import type { Db } from '../../kernel/db/index.ts';
import { conflict, invalid, notFound, ruleBroken } from '../../kernel/errors/domain-error.ts';
import { newId } from '../../kernel/ids.ts';
import { takeNextNumber } from '../../kernel/numbering/numbering.ts';
import { findGeneralAccount } from '../accounts/account.ts';
import { letteringLabel } from '../entries/entry-read.ts';
import { entryTotals } from '../entries/entry-rules.ts';
import { organisationCalendar } from '../fiscal-years/fiscal-year.ts';
import type {
  AutoLetteringInput,
  LetteringDto,
  LetteringInput,
  LetteringLineDto,
  LetteringLinesQuery,
} from './contract.ts';
import { judgeLettering, letteringCode, proposeLetterings } from './lettering-code.ts';

async function linesWithState(db: Db, orgId: string, lineIds: string[]) {
  if (lineIds.length === 0) return [];
  return db
    .selectFrom('ledger_line as l')
    .innerJoin('ledger_fiscal_year as y', (j) =>
      j.onRef('y.org_id', '=', 'l.org_id').onRef('y.id', '=', 'l.fiscal_year_id'),
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
      'l.debit',
      'l.credit',
      'y.status as year_status',
      'lt.id as lettering_id',
      'lt.code',
      'lt.complete',
    ])
    .where('l.org_id', '=', orgId)
    .where('l.id', 'in', lineIds)
    .execute();
}

async function newCode(trx: Db, orgId: string, accountId: string): Promise<string> {
  // Imported letterings may already use a code of the sequence: skip those.
  for (;;) {
    const code = letteringCode(await takeNextNumber(trx, orgId, `ledger.lettering:${accountId}`));
    const taken = await trx
      .selectFrom('ledger_lettering')
      .select('id')
      .where('org_id', '=', orgId)
      .where('account_id', '=', accountId)
      .where('code', '=', code)
      .executeTakeFirst();
    if (!taken) return code;
  }
}

export async function getLettering(db: Db, orgId: string, letteringId: string): Promise<LetteringDto> {
  const row = await db
    .selectFrom('ledger_lettering as lt')
    .innerJoin('ledger_account as a', (j) =>
      j.onRef('a.org_id', '=', 'lt.org_id').onRef('a.id', '=', 'lt.account_id'),
    )
    .leftJoin('ledger_account as x', (j) =>
      j.onRef('x.org_id', '=', 'lt.org_id').onRef('x.id', '=', 'lt.auxiliary_id'),
    )
    .select([
      'lt.id',
      'lt.code',
      'lt.complete',
      'lt.lettered_on',
      'a.number as account',
      'x.number as auxiliary',
    ])
    .where('lt.org_id', '=', orgId)
    .where('lt.id', '=', letteringId)
    .executeTakeFirst();
  if (!row) throw notFound('Lettrage');
  const lines = await db
    .selectFrom('ledger_lettering_line as ll')
    .innerJoin('ledger_line as l', (j) =>
      j.onRef('l.org_id', '=', 'll.org_id').onRef('l.id', '=', 'll.line_id'),
    )
    .select(['l.id', 'l.debit', 'l.credit'])
    .where('ll.org_id', '=', orgId)
    .where('ll.lettering_id', '=', letteringId)
    .orderBy('l.entry_date')
    .orderBy('l.id')
    .execute();
  const totals = entryTotals(lines.map((l) => ({ debit: Number(l.debit), credit: Number(l.credit) })));
  return {
    id: row.id,
    code: letteringLabel(row.code, row.complete)!,
    complete: Number(row.complete) === 1,
    account: row.account,
    auxiliary: row.auxiliary,
    letteredOn: row.lettered_on,
    lineIds: lines.map((l) => l.id),
    totalDebit: totals.debit,
    totalCredit: totals.credit,
  };
}

async function removeLettering(trx: Db, orgId: string, letteringId: string) {
  await trx
    .deleteFrom('ledger_lettering_line')
    .where('org_id', '=', orgId)
    .where('lettering_id', '=', letteringId)
    .execute();
  await trx
    .deleteFrom('ledger_lettering')
    .where('org_id', '=', orgId)
    .where('id', '=', letteringId)
    .execute();
}

/**
 * Letters a set of lines of one account (and one auxiliary account): complete when they balance,
 * partial (lower-case code) only when asked. Lines already in partial letterings bring those along: the
 * letterings merge under the oldest code. Lines of a complete lettering must be un-lettered first.
 */
export async function letter(
  trx: Db,
  orgId: string,
  input: LetteringInput,
  actorId: string | null,
  options: { code?: string; letteredOn?: string; audit?: boolean } = {},
): Promise<LetteringDto> {
  const ids = [...new Set(input.lineIds)];
  let lines = await linesWithState(trx, orgId, ids);
  if (lines.length !== ids.length) throw notFound('Ligne d’écriture');
  const merged = new Map<string, string>();
  for (const line of lines) {
    if (line.lettering_id && Number(line.complete) === 1)
      throw conflict(`Une ligne est déjà lettrée (code ${line.code}) : délettrez-la d’abord.`);
    if (line.lettering_id) merged.set(line.lettering_id, line.code!);
  }
  if (merged.size > 0) {
    const more = await trx
      .selectFrom('ledger_lettering_line')
      .select('line_id')
      .where('org_id', '=', orgId)
      .where('lettering_id', 'in', [...merged.keys()])
      .execute();
    lines = await linesWithState(trx, orgId, [...new Set([...ids, ...more.map((m) => m.line_id)])]);
  }
  const first = lines[0]!;
  if (lines.some((l) => l.account_id !== first.account_id || l.auxiliary_id !== first.auxiliary_id))
    throw invalid('Un lettrage porte sur les lignes d’un seul compte (et d’un seul tiers).');
  if (lines.some((l) => l.year_status !== 'open'))
    throw ruleBroken(
      'Une ligne appartient à un exercice clôturé : son lettrage ne change plus.',
      'fiscal-year-closed',
    );
  const verdict = judgeLettering(
    lines.map((l) => ({ debit: Number(l.debit), credit: Number(l.credit) })),
    input.partial,
  );
  if (verdict.kind === 'refused') throw ruleBroken(verdict.reason, 'lettering-unbalanced');
  const oldest = [...merged.values()].sort((a, b) => a.length - b.length || (a < b ? -1 : 1))[0];
  for (const letteringId of merged.keys()) await removeLettering(trx, orgId, letteringId);
  const id = newId();
  const code = options.code ?? oldest ?? (await newCode(trx, orgId, first.account_id));
  await trx
    .insertInto('ledger_lettering')
    .values({
      org_id: orgId,
      id,
      account_id: first.account_id,
      auxiliary_id: first.auxiliary_id,
      code,
      complete: verdict.kind === 'complete' ? 1 : 0,
      lettered_on: options.letteredOn ?? todayIn((await organisationCalendar(trx, orgId)).time_zone),
      created_at: new Date().toISOString(),
      created_by: actorId,
    })
    .execute();
  const links = lines.map((l) => ({ org_id: orgId, line_id: l.id, lettering_id: id }));
  for (let i = 0; i < links.length; i += 500)
    await trx
      .insertInto('ledger_lettering_line')
      .values(links.slice(i, i + 500))
      .execute();
  const lettering = await getLettering(trx, orgId, id);
  if (options.audit !== false)
    await recordAudit(trx, {
      orgId,
      actorId,
      action: 'ledger.lettering.created',
      entity: 'ledger_lettering',
      entityId: id,
      after: { code: lettering.code, lineIds: lettering.lineIds, merged: [...merged.keys()] },
    });
  return lettering;
}

/** Un-lettering: the lines become open again. Refused in a closed fiscal year. */
export async function unletter(
  trx: Db,
  orgId: string,
  letteringId: string,
  actorId: string | null,
): Promise<void> {
  const before = await getLettering(trx, orgId, letteringId);
  const lines = await linesWithState(trx, orgId, before.lineIds);
  if (lines.some((l) => l.year_status !== 'open'))
    throw ruleBroken(
      'Une ligne appartient à un exercice clôturé : son lettrage ne change plus.',
      'fiscal-year-closed',
    );
  await removeLettering(trx, orgId, letteringId);
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'ledger.lettering.removed',
    entity: 'ledger_lettering',
    entityId: letteringId,
    before,
  });
}

async function resolveAccount(db: Db, orgId: string, accountNumber: string, auxiliaryNumber?: string) {
  const account = await findGeneralAccount(db, orgId, accountNumber);
  if (!account) throw notFound(`Compte ${accountNumber}`);
  let auxiliaryId: string | undefined;
  if (auxiliaryNumber) {
    const auxiliary = await db
      .selectFrom('ledger_account')
      .select('id')
      .where('org_id', '=', orgId)
      .where('parent_id', '=', account.id)
      .where('number', '=', auxiliaryNumber)
      .executeTakeFirst();
    if (!auxiliary) throw notFound(`Compte auxiliaire ${auxiliaryNumber}`);
    auxiliaryId = auxiliary.id;
  }
  return { account, auxiliaryId };
}

/** The lines of an account as the lettering screen shows them: open ones (unlettered or partial), or all. */
export async function letteringCandidates(
  db: Db,
  orgId: string,
  query: LetteringLinesQuery,
): Promise<LetteringLineDto[]> {
  const { account, auxiliaryId } = await resolveAccount(db, orgId, query.account, query.auxiliary);
  let select = db
    .selectFrom('ledger_line as l')
    .innerJoin('ledger_entry as e', (j) =>
      j.onRef('e.org_id', '=', 'l.org_id').onRef('e.id', '=', 'l.entry_id'),
    )
    .innerJoin('ledger_journal as jn', (j) =>
      j.onRef('jn.org_id', '=', 'l.org_id').onRef('jn.id', '=', 'l.journal_id'),
    )
    .innerJoin('ledger_fiscal_year as y', (j) =>
      j.onRef('y.org_id', '=', 'l.org_id').onRef('y.id', '=', 'l.fiscal_year_id'),
    )
    .leftJoin('ledger_account as x', (j) =>
      j.onRef('x.org_id', '=', 'l.org_id').onRef('x.id', '=', 'l.auxiliary_id'),
    )
    .leftJoin('ledger_lettering_line as ll', (j) =>
      j.onRef('ll.org_id', '=', 'l.org_id').onRef('ll.line_id', '=', 'l.id'),
    )
    .leftJoin('ledger_lettering as lt', (j) =>
      j.onRef('lt.org_id', '=', 'll.org_id').onRef('lt.id', '=', 'll.lettering_id'),
    )
    .select([
      'l.id',
      'l.entry_id',
      'e.number',
      'jn.code as journal',
      'l.entry_date',
      'e.voucher_ref',
      'x.number as auxiliary',
      'l.label',
      'l.debit',
      'l.credit',
      'l.due_date',
      'lt.id as lettering_id',
      'lt.code',
      'lt.complete',
    ])
    .where('l.org_id', '=', orgId)
    .where('l.account_id', '=', account.id)
    .where('y.status', '=', 'open');
  if (auxiliaryId) select = select.where('l.auxiliary_id', '=', auxiliaryId);
  if (query.state === 'open')
    select = select.where((eb) => eb.or([eb('lt.id', 'is', null), eb('lt.complete', '=', 0)]));
  const rows = await select
    .orderBy('x.number')
    .orderBy('l.entry_date')
    .orderBy('e.number')
    .orderBy('l.position')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    entryId: r.entry_id,
    entryNumber: Number(r.number),
    journal: r.journal,
    date: r.entry_date,
    voucherRef: r.voucher_ref,
    auxiliary: r.auxiliary,
    label: r.label,
    debit: Number(r.debit),
    credit: Number(r.credit),
    dueDate: r.due_date,
    lettering: letteringLabel(r.code, r.complete),
    letteringId: r.lettering_id,
  }));
}

/**
 * Automatic lettering of an account's unlettered lines, per auxiliary account: by reference (the
 * entry's voucher reference), then by equal amounts. Every lettering it makes is complete.
 */
export async function autoLetter(
  trx: Db,
  orgId: string,
  input: AutoLetteringInput,
  actorId: string | null,
): Promise<LetteringDto[]> {
  const open = (await letteringCandidates(trx, orgId, { ...input, state: 'open' })).filter(
    (l) => l.letteringId === null,
  );
  const groups = new Map<string, LetteringLineDto[]>();
  for (const line of open) {
    const key = line.auxiliary ?? '';
    groups.set(key, [...(groups.get(key) ?? []), line]);
  }
  const made: LetteringDto[] = [];
  for (const lines of groups.values()) {
    const sets = proposeLetterings(
      lines.map((l) => ({
        id: l.id,
        debit: l.debit,
        credit: l.credit,
        reference: l.voucherRef,
        date: l.date,
      })),
    );
    for (const lineIds of sets)
      made.push(await letter(trx, orgId, { lineIds, partial: false }, actorId, { audit: false }));
  }
  if (made.length > 0)
    await recordAudit(trx, {
      orgId,
      actorId,
      action: 'ledger.lettering.automatic',
      entity: 'ledger_lettering',
      entityId: input.account,
      after: {
        account: input.account,
        letterings: made.map((m) => ({ id: m.id, code: m.code, lineIds: m.lineIds })),
      },
    });
  return made;
}
