import { sql } from 'kysely';
import type { Db } from '../../kernel/db/index.ts';
import { notFound } from '../../kernel/errors/domain-error.ts';
import type { EntryDto, EntryLineDto, EntryListQuery, EntryPage } from './contract.ts';
import { entryTotals } from './entry-rules.ts';
import type { LedgerEntryTable } from './tables.ts';

type HeaderRow = LedgerEntryTable & { journal_code: string; journal_label: string };

/** The displayed lettering code: lower case while the lettering is partial, as French software shows it. */
export function letteringLabel(code: string | null, complete: number | null): string | null {
  if (code === null) return null;
  return Number(complete) === 1 ? code : code.toLowerCase();
}

async function validatedLines(db: Db, orgId: string, entryIds: string[]) {
  if (entryIds.length === 0) return [];
  return db
    .selectFrom('ledger_line as l')
    .innerJoin('ledger_account as a', (j) =>
      j.onRef('a.org_id', '=', 'l.org_id').onRef('a.id', '=', 'l.account_id'),
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
      'l.position',
      'a.number as account',
      'a.label as account_label',
      'x.number as auxiliary',
      'x.label as auxiliary_label',
      'x.party_id',
      'l.label',
      'l.debit',
      'l.credit',
      'l.due_date',
      'lt.code as lettering_code',
      'lt.complete as lettering_complete',
    ])
    .where('l.org_id', '=', orgId)
    .where('l.entry_id', 'in', entryIds)
    .orderBy('l.entry_id')
    .orderBy('l.position')
    .execute();
}

async function draftLines(db: Db, orgId: string, entryIds: string[]) {
  if (entryIds.length === 0) return [];
  return db
    .selectFrom('ledger_draft_line as l')
    .innerJoin('ledger_account as a', (j) =>
      j.onRef('a.org_id', '=', 'l.org_id').onRef('a.id', '=', 'l.account_id'),
    )
    .leftJoin('ledger_account as x', (j) =>
      j.onRef('x.org_id', '=', 'l.org_id').onRef('x.id', '=', 'l.auxiliary_id'),
    )
    .select([
      'l.id',
      'l.entry_id',
      'l.position',
      'a.number as account',
      'a.label as account_label',
      'x.number as auxiliary',
      'x.label as auxiliary_label',
      'x.party_id',
      'l.label',
      'l.debit',
      'l.credit',
      'l.due_date',
    ])
    .where('l.org_id', '=', orgId)
    .where('l.entry_id', 'in', entryIds)
    .orderBy('l.entry_id')
    .orderBy('l.position')
    .execute();
}

async function toDtos(db: Db, orgId: string, headers: HeaderRow[]): Promise<EntryDto[]> {
  const validatedIds = headers.filter((h) => h.status === 'validated').map((h) => h.id);
  const draftIds = headers.filter((h) => h.status === 'draft').map((h) => h.id);
  const byEntry = new Map<string, EntryLineDto[]>();
  const push = (entryId: string, line: EntryLineDto) => {
    const list = byEntry.get(entryId) ?? [];
    list.push(line);
    byEntry.set(entryId, list);
  };
  for (const l of await validatedLines(db, orgId, validatedIds))
    push(l.entry_id, {
      id: l.id,
      position: Number(l.position),
      account: l.account,
      accountLabel: l.account_label,
      auxiliary: l.auxiliary,
      auxiliaryLabel: l.auxiliary_label,
      partyId: l.party_id,
      label: l.label,
      debit: Number(l.debit),
      credit: Number(l.credit),
      dueDate: l.due_date,
      lettering: letteringLabel(l.lettering_code, l.lettering_complete),
    });
  for (const l of await draftLines(db, orgId, draftIds))
    push(l.entry_id, {
      id: l.id,
      position: Number(l.position),
      account: l.account,
      accountLabel: l.account_label,
      auxiliary: l.auxiliary,
      auxiliaryLabel: l.auxiliary_label,
      partyId: l.party_id,
      label: l.label,
      debit: Number(l.debit),
      credit: Number(l.credit),
      dueDate: l.due_date,
      lettering: null,
    });
  const reversals = validatedIds.length
    ? await db
        .selectFrom('ledger_entry')
        .select(['id', 'reversal_of'])
        .where('org_id', '=', orgId)
        .where('reversal_of', 'in', validatedIds)
        .execute()
    : [];
  const reversedBy = new Map(reversals.map((r) => [r.reversal_of!, r.id]));
  return headers.map((h) => {
    const lines = byEntry.get(h.id) ?? [];
    const totals = entryTotals(lines);
    return {
      id: h.id,
      journal: h.journal_code,
      journalLabel: h.journal_label,
      fiscalYearId: h.fiscal_year_id,
      number: h.number === null ? null : Number(h.number),
      date: h.entry_date,
      label: h.label,
      voucherRef: h.voucher_ref,
      voucherDate: h.voucher_date,
      status: h.status,
      origin: h.origin,
      sourceRef: h.source_ref,
      reversalOf: h.reversal_of,
      reversedBy: reversedBy.get(h.id) ?? null,
      validatedAt: h.validated_at,
      validatedOn: h.validated_on,
      totalDebit: totals.debit,
      totalCredit: totals.credit,
      lines,
    };
  });
}

function headers(db: Db, orgId: string) {
  return db
    .selectFrom('ledger_entry as e')
    .innerJoin('ledger_journal as j', (join) =>
      join.onRef('j.org_id', '=', 'e.org_id').onRef('j.id', '=', 'e.journal_id'),
    )
    .where('e.org_id', '=', orgId);
}

export async function getEntry(db: Db, orgId: string, entryId: string): Promise<EntryDto> {
  const row = await headers(db, orgId)
    .selectAll('e')
    .select(['j.code as journal_code', 'j.label as journal_label'])
    .where('e.id', '=', entryId)
    .executeTakeFirst();
  if (!row) throw notFound('Écriture');
  return (await toDtos(db, orgId, [row]))[0]!;
}

export async function listEntries(db: Db, orgId: string, query: EntryListQuery): Promise<EntryPage> {
  let base = headers(db, orgId);
  if (query.journal) base = base.where('j.code', '=', query.journal);
  if (query.status) base = base.where('e.status', '=', query.status);
  if (query.from) base = base.where('e.entry_date', '>=', query.from);
  if (query.to) base = base.where('e.entry_date', '<=', query.to);
  if (query.fiscalYearId) base = base.where('e.fiscal_year_id', '=', query.fiscalYearId);
  const { total } = await base
    .select((eb) => eb.cast<number>(eb.fn.countAll(), 'bigint').as('total'))
    .executeTakeFirstOrThrow();
  const rows = await base
    .selectAll('e')
    .select(['j.code as journal_code', 'j.label as journal_label'])
    .orderBy('e.entry_date')
    // Validated entries first within a day, in number order; both databases sort NULL differently.
    .orderBy(sql`case when e.number is null then 1 else 0 end`)
    .orderBy('e.number')
    .orderBy('e.created_at')
    .orderBy('e.id')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  return { items: await toDtos(db, orgId, rows), total: Number(total) };
}
