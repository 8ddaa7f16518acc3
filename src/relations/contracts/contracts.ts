import { recordAudit } from '../../kernel/audit/audit.ts';
import { compareDates } from '../../kernel/dates/index.ts';
import type { Db } from '../../kernel/db/index.ts';
import { invalid, notFound } from '../../kernel/errors/domain-error.ts';
import { newId } from '../../kernel/ids.ts';
import { resolveLines } from '../invoices/invoice.ts';
import { lineAmounts } from '../invoices/invoice-totals.ts';
import { effectiveVat } from '../invoices/issued.ts';
import { orgContext, requireParty, totalsOf } from '../sales/documents.ts';
import type { RelationsContractLineTable, RelationsContractTable } from '../sales/tables.ts';
import { fromScaledInteger } from '../shared/scaled.ts';
import type { ContractDto, ContractInput, ContractListQuery, ContractPage } from './contract.ts';

// Contracts: a customer, lines and a periodicity. They are edited freely (the invoices already made keep
// their own copy of the lines); periodic-invoicing.ts turns their periods into invoice drafts.

export async function loadContract(db: Db, orgId: string, id: string) {
  const row = await db
    .selectFrom('relations_contract')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Contrat');
  const lines = await db
    .selectFrom('relations_contract_line')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('contract_id', '=', id)
    .orderBy('position')
    .execute();
  return { row, lines };
}

function checkDates(input: ContractInput) {
  if (input.endDate && compareDates(input.endDate, input.startDate) < 0)
    throw invalid('La date de fin précède la date de début.', [
      { field: 'endDate', message: 'Date de fin antérieure au début du contrat.' },
    ]);
}

async function writeLines(trx: Db, orgId: string, contractId: string, input: ContractInput) {
  const lines = await resolveLines(trx, orgId, 'invoice', input.lines, 'du contrat');
  await trx
    .deleteFrom('relations_contract_line')
    .where('org_id', '=', orgId)
    .where('contract_id', '=', contractId)
    .execute();
  const rows: RelationsContractLineTable[] = lines.map((l, position) => ({
    org_id: orgId,
    id: newId(),
    contract_id: contractId,
    position,
    ...l,
  }));
  await trx.insertInto('relations_contract_line').values(rows).execute();
}

const headerOf = (input: ContractInput) => ({
  party_id: input.partyId,
  label: input.label,
  periodicity: input.periodicity,
  start_date: input.startDate,
  end_date: input.endDate,
  notes: input.notes,
  document_discount: input.documentDiscountPercent,
});

export async function createContract(
  trx: Db,
  orgId: string,
  input: ContractInput,
  actorId: string | null,
): Promise<ContractDto> {
  checkDates(input);
  await requireParty(trx, orgId, input.partyId);
  const now = new Date().toISOString();
  const id = newId();
  const row: RelationsContractTable = {
    org_id: orgId,
    id,
    ...headerOf(input),
    created_at: now,
    created_by: actorId,
    updated_at: now,
  };
  await trx.insertInto('relations_contract').values(row).execute();
  await writeLines(trx, orgId, id, input);
  const after = await getContract(trx, orgId, id);
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'relations.contract.created',
    entity: 'relations_contract',
    entityId: id,
    after,
  });
  return after;
}

export async function updateContract(
  trx: Db,
  orgId: string,
  id: string,
  input: ContractInput,
  actorId: string | null,
): Promise<ContractDto> {
  const before = await getContract(trx, orgId, id);
  checkDates(input);
  await requireParty(trx, orgId, input.partyId);
  await trx
    .updateTable('relations_contract')
    .set({ ...headerOf(input), updated_at: new Date().toISOString() })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
  await writeLines(trx, orgId, id, input);
  const after = await getContract(trx, orgId, id);
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'relations.contract.updated',
    entity: 'relations_contract',
    entityId: id,
    before,
    after,
  });
  return after;
}

export async function getContract(db: Db, orgId: string, id: string): Promise<ContractDto> {
  const { row, lines } = await loadContract(db, orgId, id);
  const [party, org, invoices] = await Promise.all([
    db
      .selectFrom('party')
      .select('name')
      .where('org_id', '=', orgId)
      .where('id', '=', row.party_id)
      .executeTakeFirst(),
    orgContext(db, orgId),
    db
      .selectFrom('relations_sales_invoice as s')
      .innerJoin('relations_invoice as i', (j) =>
        j.onRef('i.org_id', '=', 's.org_id').onRef('i.id', '=', 's.invoice_id'),
      )
      .select(['i.id', 'i.number', 'i.status', 'i.total', 's.period_start', 's.period_end'])
      .where('s.org_id', '=', orgId)
      .where('s.contract_id', '=', id)
      .orderBy('s.period_start')
      .execute(),
  ]);
  const totals = totalsOf(lines, Number(row.document_discount), org.vat_regime);
  return {
    id: row.id,
    partyId: row.party_id,
    partyName: party?.name ?? '',
    label: row.label,
    periodicity: row.periodicity,
    startDate: row.start_date,
    endDate: row.end_date,
    totalNet: totals.total_net,
    total: totals.total,
    notes: row.notes,
    documentDiscountPercent: fromScaledInteger(Number(row.document_discount), 2),
    lines: lines.map((l) => {
      const amounts = lineAmounts({
        quantity: Number(l.quantity),
        unitPrice: Number(l.unit_price),
        discount: Number(l.discount),
      });
      const vat = effectiveVat(org.vat_regime, {
        vatRate: Number(l.vat_rate),
        vatExemptionReason: l.vat_exemption_reason,
      });
      return {
        id: l.id,
        position: Number(l.position),
        itemId: l.item_id,
        code: l.code,
        label: l.label,
        description: l.description,
        kind: l.kind,
        unit: l.unit,
        quantity: fromScaledInteger(Number(l.quantity), 3),
        unitPrice: fromScaledInteger(Number(l.unit_price), 4),
        discountPercent: fromScaledInteger(Number(l.discount), 2),
        vatCategory: vat.category,
        vatRate: fromScaledInteger(vat.rate, 2),
        vatExemptionReason: vat.exemptionReason,
        revenueAccount: l.revenue_account,
        grossAmount: amounts.gross,
        discountAmount: amounts.discountAmount,
        netAmount: amounts.net,
      };
    }),
    invoices: invoices.map((i) => ({
      invoiceId: i.id,
      number: i.number,
      status: i.status,
      periodStart: i.period_start!,
      periodEnd: i.period_end!,
      total: Number(i.total),
    })),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function listContracts(db: Db, orgId: string, query: ContractListQuery): Promise<ContractPage> {
  let base = db
    .selectFrom('relations_contract as c')
    .innerJoin('party as p', (j) => j.onRef('p.org_id', '=', 'c.org_id').onRef('p.id', '=', 'c.party_id'))
    .where('c.org_id', '=', orgId);
  if (query.partyId) base = base.where('c.party_id', '=', query.partyId);
  const { total } = await base
    .select((eb) => eb.cast<number>(eb.fn.countAll(), 'bigint').as('total'))
    .executeTakeFirstOrThrow();
  const rows = await base
    .select(['c.id'])
    .orderBy('c.start_date', 'desc')
    .orderBy('c.id', 'desc')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  const items = [];
  for (const r of rows) {
    const {
      lines: _lines,
      invoices: _invoices,
      notes: _n,
      documentDiscountPercent: _d,
      createdAt: _c,
      updatedAt: _u,
      ...summary
    } = await getContract(db, orgId, r.id);
    items.push(summary);
  }
  return { items, total: Number(total) };
}
