import { daysBetween, todayIn } from '../../../kernel/dates/index.ts';
import type { Db } from '../../../kernel/db/index.ts';
import { notFound } from '../../../kernel/errors/domain-error.ts';
import type { ContractDto, ContractListQuery, ContractStatus } from './contract.ts';
import { type ContractTerms, nextExit, period, providerNoticeWindow, yearlyAmount } from './deadlines.ts';
import type { ProductionWorkplaceContractTable } from './tables.ts';

// Reading the register: each contract with its status and deadlines computed on a date.

export type ContractRow = ProductionWorkplaceContractTable & { provider_name: string };

export function termsOf(row: ProductionWorkplaceContractTable): ContractTerms {
  return {
    startDate: row.start_date,
    durationMonths: row.duration_months,
    tacitRenewal: row.tacit_renewal === 1,
    renewalMonths: row.renewal_months,
    noticeValue: row.notice_value,
    noticeUnit: row.notice_unit,
  };
}

export function toContractDto(row: ContractRow, asOf: string): ContractDto {
  const terms = termsOf(row);
  const exit = nextExit(terms, asOf);
  const renewable = terms.tacitRenewal && row.status === 'active';
  let status: ContractStatus;
  if (row.status === 'terminated') status = 'terminated';
  else if (!terms.tacitRenewal)
    status =
      asOf > exit.term.end
        ? 'expired'
        : daysBetween(asOf, exit.term.end) <= row.alert_days
          ? 'to_renew'
          : 'active';
  else status = daysBetween(asOf, exit.deadline) <= row.alert_days ? 'to_terminate_soon' : 'active';
  const window = renewable && row.consumer_protection === 1 ? providerNoticeWindow(exit.deadline) : null;
  return {
    id: row.id,
    providerId: row.provider_id,
    providerName: row.provider_name,
    kind: row.kind,
    object: row.object,
    reference: row.reference,
    startDate: row.start_date,
    durationMonths: Number(row.duration_months),
    tacitRenewal: terms.tacitRenewal,
    renewalMonths: terms.tacitRenewal ? Number(row.renewal_months) : null,
    noticeValue: Number(row.notice_value),
    noticeUnit: row.notice_unit,
    consumerProtection: row.consumer_protection === 1,
    alertDays: Number(row.alert_days),
    amount: Number(row.amount),
    periodicity: row.periodicity,
    vatRate: Number(row.vat_rate),
    seats: row.seats === null ? null : Number(row.seats),
    covered: row.covered,
    notes: row.notes,
    status,
    asOf,
    periodStart: terms.tacitRenewal ? exit.term.start : period(terms, 0).start,
    periodEnd: row.terminated_on ?? exit.term.end,
    noticeDeadline: renewable ? exit.deadline : null,
    providerNoticeFrom: window?.from ?? null,
    providerNoticeTo: window?.to ?? null,
    yearlyNet: yearlyAmount(Number(row.amount), row.periodicity),
    terminationSentOn: row.termination_sent_on,
    terminatedOn: row.terminated_on,
    terminationReason: row.termination_reason,
    terminationChatel: row.termination_chatel === 1,
    createdAt: row.created_at,
  };
}

export function contractRows(db: Db, orgId: string) {
  return db
    .selectFrom('production_workplace_contract as c')
    .innerJoin('party as p', (j) => j.onRef('p.org_id', '=', 'c.org_id').onRef('p.id', '=', 'c.provider_id'))
    .selectAll('c')
    .select('p.name as provider_name')
    .where('c.org_id', '=', orgId);
}

export async function getContract(db: Db, orgId: string, id: string, asOf: string): Promise<ContractDto> {
  const row = await contractRows(db, orgId).where('c.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Contrat');
  return toContractDto(row, asOf);
}

export async function listContracts(
  db: Db,
  orgId: string,
  query: ContractListQuery,
  asOf: string,
): Promise<ContractDto[]> {
  let q = contractRows(db, orgId);
  if (query.kind) q = q.where('c.kind', '=', query.kind);
  if (query.providerId) q = q.where('c.provider_id', '=', query.providerId);
  const rows = await q.orderBy('c.start_date', 'desc').orderBy('c.id').execute();
  const items = rows.map((r) => toContractDto(r, asOf));
  return query.status ? items.filter((c) => c.status === query.status) : items;
}

/** Today in the organisation's time zone: the date statuses and deadlines are computed on by default. */
export async function orgToday(db: Db, orgId: string): Promise<string> {
  const org = await db
    .selectFrom('organisation')
    .select('time_zone')
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  if (!org) throw notFound('Organisation');
  return todayIn(org.time_zone);
}
