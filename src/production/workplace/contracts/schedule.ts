import { addDays, daysBetween } from '../../../kernel/dates/index.ts';
import type { Db } from '../../../kernel/db/index.ts';
import { percentOf } from '../../../kernel/money/index.ts';
import {
  type ContractKind,
  type CostsDto,
  contractKinds,
  type DeadlineDto,
  type ScheduleDto,
} from './contract.ts';
import { type ContractRow, contractRows, termsOf } from './contract-read.ts';
import { dueDatesIn, noticeDeadline, period, periodOn, providerNoticeWindow } from './deadlines.ts';

// The échéancier (the deadlines of the next days) and the yearly cost of the contracts per kind.

function deadlinesOf(row: ContractRow, from: string, to: string): Omit<DeadlineDto, 'inDays'>[] {
  const base = {
    contractId: row.id,
    contractKind: row.kind,
    object: row.object,
    reference: row.reference,
    providerName: row.provider_name,
  };
  const inRange = (date: string) => date >= from && date <= to;
  const out: Omit<DeadlineDto, 'inDays'>[] = [];
  if (row.status === 'terminated') {
    if (inRange(row.terminated_on!)) out.push({ ...base, date: row.terminated_on!, kind: 'termination' });
    return out;
  }
  const terms = termsOf(row);
  if (!terms.tacitRenewal) {
    const end = period(terms, 0).end;
    if (inRange(end)) out.push({ ...base, date: end, kind: 'expiry' });
    return out;
  }
  // Terms from the one running on `from`; a deadline may lie in the term before (a long notice).
  for (let term = periodOn(terms, from); ; ) {
    const deadline = noticeDeadline(terms, term);
    if (row.consumer_protection === 1) {
      const window = providerNoticeWindow(deadline);
      if (inRange(window.from)) out.push({ ...base, date: window.from, kind: 'provider_notice' });
    }
    if (inRange(deadline)) out.push({ ...base, date: deadline, kind: 'notice_deadline' });
    const renewal = addDays(term.end, 1);
    if (inRange(renewal)) out.push({ ...base, date: renewal, kind: 'renewal' });
    if (renewal > to && deadline > to) break;
    term = period(terms, term.index + 1);
  }
  return out;
}

export async function contractSchedule(
  db: Db,
  orgId: string,
  asOf: string,
  days: number,
): Promise<ScheduleDto> {
  const to = addDays(asOf, days);
  const rows = await contractRows(db, orgId).execute();
  const items = rows
    .flatMap((r) => deadlinesOf(r, asOf, to))
    .map((d) => ({ ...d, inDays: daysBetween(asOf, d.date) }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.object.localeCompare(b.object, 'fr'));
  return { asOf, to, items };
}

/**
 * What the contracts cost in `year`, per kind: each amount falling due in the year (start of each
 * period, until the contract's last day), its VAT at the contract's rate rounded half-up per amount.
 */
export async function contractCosts(db: Db, orgId: string, year: number): Promise<CostsDto> {
  const rows = await contractRows(db, orgId).execute();
  const byKind = new Map<ContractKind, { contracts: number; net: number; vat: number }>();
  for (const row of rows) {
    const terms = termsOf(row);
    const lastDay = row.terminated_on ?? (terms.tacitRenewal ? null : period(terms, 0).end);
    const dues = dueDatesIn(row.start_date, row.periodicity, lastDay, year);
    if (dues.length === 0) continue;
    const amount = Number(row.amount);
    const vat = percentOf(amount, String(Number(row.vat_rate) / 100));
    const line = byKind.get(row.kind) ?? { contracts: 0, net: 0, vat: 0 };
    line.contracts += 1;
    line.net += amount * dues.length;
    line.vat += vat * dues.length;
    byKind.set(row.kind, line);
  }
  const lines = contractKinds
    .filter((k) => byKind.has(k))
    .map((kind) => {
      const l = byKind.get(kind)!;
      return { kind, contracts: l.contracts, net: l.net, vat: l.vat, gross: l.net + l.vat };
    });
  const sum = (f: (l: (typeof lines)[number]) => number) => lines.reduce((s, l) => s + f(l), 0);
  return {
    year,
    rows: lines,
    total: { net: sum((l) => l.net), vat: sum((l) => l.vat), gross: sum((l) => l.gross) },
  };
}
