import { recordAudit } from '../../kernel/audit/audit.ts';
import { addDays } from '../../kernel/dates/index.ts';
import type { Db } from '../../kernel/db/index.ts';
import { invalid, notFound, ruleBroken } from '../../kernel/errors/domain-error.ts';
import { newId } from '../../kernel/ids.ts';
import { formatNumber, takeNextNumber } from '../../kernel/numbering/numbering.ts';
import { createCreditNote } from '../invoices/invoice.ts';
import { orgToday } from '../requests/request.ts';
import type {
  ComplaintDto,
  ComplaintInput,
  ComplaintListQuery,
  ComplaintPage,
  ComplaintResolveInput,
  ComplaintStepInput,
  ComplaintSummaryDto,
  ComplaintUpdateInput,
} from './contract.ts';
import type { RelationsComplaintTable } from './tables.ts';

const DEFAULT_DEADLINE_DAYS = 30;

type Row = RelationsComplaintTable & { party_name: string };

function base(db: Db, orgId: string) {
  return db
    .selectFrom('relations_complaint as c')
    .innerJoin('party as p', (j) => j.onRef('p.org_id', '=', 'c.org_id').onRef('p.id', '=', 'c.party_id'))
    .selectAll('c')
    .select('p.name as party_name')
    .where('c.org_id', '=', orgId);
}

function summary(row: Row, today: string): ComplaintSummaryDto {
  const open = row.status === 'open' || row.status === 'in_progress';
  return {
    id: row.id,
    number: row.number,
    partyId: row.party_id,
    partyName: row.party_name,
    subject: row.subject,
    receivedOn: row.received_on,
    deadline: row.deadline,
    overdue: open && row.deadline !== null && row.deadline < today,
    status: row.status,
    resolution: row.resolution,
  };
}

export async function getComplaint(db: Db, orgId: string, complaintId: string): Promise<ComplaintDto> {
  const row = (await base(db, orgId).where('c.id', '=', complaintId).executeTakeFirst()) as Row | undefined;
  if (!row) throw notFound('Réclamation');
  const [invoices, documents, steps, creditNote] = await Promise.all([
    db
      .selectFrom('relations_complaint_link as l')
      .innerJoin('relations_invoice as i', (j) =>
        j.onRef('i.org_id', '=', 'l.org_id').onRef('i.id', '=', 'l.invoice_id'),
      )
      .select(['i.id', 'i.kind', 'i.number', 'i.issue_date', 'i.total'])
      .where('l.org_id', '=', orgId)
      .where('l.complaint_id', '=', complaintId)
      .orderBy('i.issue_date')
      .execute(),
    db
      .selectFrom('relations_complaint_link as l')
      .innerJoin('document as d', (j) =>
        j.onRef('d.org_id', '=', 'l.org_id').onRef('d.id', '=', 'l.document_id'),
      )
      .select(['d.id', 'd.file_name', 'd.size'])
      .where('l.org_id', '=', orgId)
      .where('l.complaint_id', '=', complaintId)
      .orderBy('d.file_name')
      .execute(),
    db
      .selectFrom('relations_complaint_step')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('complaint_id', '=', complaintId)
      .orderBy('step_date')
      .orderBy('created_at')
      .execute(),
    row.credit_note_id
      ? db
          .selectFrom('relations_invoice')
          .select(['id', 'number', 'status', 'total'])
          .where('org_id', '=', orgId)
          .where('id', '=', row.credit_note_id)
          .executeTakeFirst()
      : undefined,
  ]);
  return {
    ...summary(row, await orgToday(db, orgId)),
    description: row.description,
    resolutionNote: row.resolution_note,
    resolvedOn: row.resolved_on,
    creditNote: creditNote ? { ...creditNote, total: Number(creditNote.total) } : null,
    invoices: invoices.map((i) => ({
      id: i.id,
      kind: i.kind,
      number: i.number,
      issueDate: i.issue_date,
      total: Number(i.total),
    })),
    documents: documents.map((d) => ({ id: d.id, fileName: d.file_name, size: Number(d.size) })),
    steps: steps.map((s) => ({ id: s.id, stepDate: s.step_date, note: s.note, createdAt: s.created_at })),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function listComplaints(
  db: Db,
  orgId: string,
  query: ComplaintListQuery,
): Promise<ComplaintPage> {
  let q = base(db, orgId);
  if (query.status) q = q.where('c.status', '=', query.status);
  if (query.partyId) q = q.where('c.party_id', '=', query.partyId);
  const total = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await q.orderBy('c.number', 'desc').limit(query.limit).offset(query.offset).execute();
  const today = await orgToday(db, orgId);
  return { items: rows.map((r) => summary(r as Row, today)), total: Number(total.n) };
}

/** Checks the party, and that the linked invoices are theirs and the documents this organisation's. */
async function checkRefs(db: Db, orgId: string, input: ComplaintInput) {
  const party = await db
    .selectFrom('party')
    .select('id')
    .where('org_id', '=', orgId)
    .where('id', '=', input.partyId)
    .executeTakeFirst();
  if (!party) throw invalid('Tiers introuvable.', [{ field: 'partyId', message: 'Tiers introuvable.' }]);
  const invoiceIds = [...new Set(input.invoiceIds)];
  if (invoiceIds.length > 0) {
    const found = await db
      .selectFrom('relations_invoice')
      .select('id')
      .where('org_id', '=', orgId)
      .where('customer_id', '=', input.partyId)
      .where('id', 'in', invoiceIds)
      .execute();
    if (found.length !== invoiceIds.length)
      throw invalid('Une facture liée est introuvable ou adressée à un autre client.', [
        { field: 'invoiceIds', message: 'Facture introuvable pour ce client.' },
      ]);
  }
  const documentIds = [...new Set(input.documentIds)];
  if (documentIds.length > 0) {
    const found = await db
      .selectFrom('document')
      .select('id')
      .where('org_id', '=', orgId)
      .where('id', 'in', documentIds)
      .execute();
    if (found.length !== documentIds.length)
      throw invalid('Un document lié est introuvable.', [
        { field: 'documentIds', message: 'Document introuvable.' },
      ]);
  }
  return { invoiceIds, documentIds };
}

async function writeLinks(
  trx: Db,
  orgId: string,
  complaintId: string,
  links: { invoiceIds: string[]; documentIds: string[] },
) {
  await trx
    .deleteFrom('relations_complaint_link')
    .where('org_id', '=', orgId)
    .where('complaint_id', '=', complaintId)
    .execute();
  const rows = [
    ...links.invoiceIds.map((id) => ({ invoice_id: id, document_id: null })),
    ...links.documentIds.map((id) => ({ invoice_id: null, document_id: id })),
  ];
  if (rows.length > 0)
    await trx
      .insertInto('relations_complaint_link')
      .values(rows.map((r) => ({ org_id: orgId, id: newId(), complaint_id: complaintId, ...r })))
      .execute();
}

async function audit(
  trx: Db,
  orgId: string,
  actorId: string | null,
  action: string,
  id: string,
  before: unknown,
  after: unknown,
) {
  await recordAudit(trx, {
    orgId,
    actorId,
    action,
    entity: 'relations_complaint',
    entityId: id,
    before,
    after,
  });
}

export async function createComplaint(
  trx: Db,
  orgId: string,
  input: ComplaintInput,
  actorId: string | null,
): Promise<ComplaintDto> {
  const links = await checkRefs(trx, orgId, input);
  const receivedOn = input.receivedOn ?? (await orgToday(trx, orgId));
  const year = receivedOn.slice(0, 4);
  // Gap-free within the creating transaction: a refused creation gives its number back.
  const number = formatNumber('RE', year, await takeNextNumber(trx, orgId, `complaint:${year}`));
  const id = newId();
  const now = new Date().toISOString();
  await trx
    .insertInto('relations_complaint')
    .values({
      org_id: orgId,
      id,
      number,
      party_id: input.partyId,
      subject: input.subject,
      description: input.description,
      received_on: receivedOn,
      deadline: input.deadline ?? addDays(receivedOn, DEFAULT_DEADLINE_DAYS),
      status: 'open',
      resolution: null,
      resolution_note: null,
      credit_note_id: null,
      resolved_on: null,
      created_at: now,
      created_by: actorId,
      updated_at: now,
    })
    .execute();
  await writeLinks(trx, orgId, id, links);
  const after = await getComplaint(trx, orgId, id);
  await audit(trx, orgId, actorId, 'complaint.created', id, null, after);
  return after;
}

async function openComplaint(trx: Db, orgId: string, complaintId: string) {
  const before = await getComplaint(trx, orgId, complaintId);
  if (before.status === 'resolved' || before.status === 'closed')
    throw ruleBroken('Cette réclamation est déjà traitée : elle ne change plus.', 'complaint-done');
  return before;
}

export async function updateComplaint(
  trx: Db,
  orgId: string,
  complaintId: string,
  input: ComplaintUpdateInput,
  actorId: string | null,
): Promise<ComplaintDto> {
  const before = await openComplaint(trx, orgId, complaintId);
  const links = await checkRefs(trx, orgId, input);
  await trx
    .updateTable('relations_complaint')
    .set({
      party_id: input.partyId,
      subject: input.subject,
      description: input.description,
      received_on: input.receivedOn ?? before.receivedOn,
      deadline: input.deadline ?? before.deadline,
      status: input.status,
      updated_at: new Date().toISOString(),
    })
    .where('org_id', '=', orgId)
    .where('id', '=', complaintId)
    .execute();
  await writeLinks(trx, orgId, complaintId, links);
  const after = await getComplaint(trx, orgId, complaintId);
  await audit(trx, orgId, actorId, 'complaint.updated', complaintId, before, after);
  return after;
}

export async function addComplaintStep(
  trx: Db,
  orgId: string,
  complaintId: string,
  input: ComplaintStepInput,
  actorId: string | null,
): Promise<ComplaintDto> {
  const before = await getComplaint(trx, orgId, complaintId);
  if (before.status === 'closed') throw ruleBroken('Cette réclamation est close.', 'complaint-closed');
  await trx
    .insertInto('relations_complaint_step')
    .values({
      org_id: orgId,
      id: newId(),
      complaint_id: complaintId,
      step_date: input.stepDate ?? (await orgToday(trx, orgId)),
      note: input.note,
      created_at: new Date().toISOString(),
      created_by: actorId,
    })
    .execute();
  if (before.status === 'open')
    await trx
      .updateTable('relations_complaint')
      .set({ status: 'in_progress', updated_at: new Date().toISOString() })
      .where('org_id', '=', orgId)
      .where('id', '=', complaintId)
      .execute();
  const after = await getComplaint(trx, orgId, complaintId);
  await audit(trx, orgId, actorId, 'complaint.step-added', complaintId, before, after);
  return after;
}

/** The credit note of a resolution: an existing one to the same customer, or one drafted now. */
async function creditNoteFor(
  trx: Db,
  orgId: string,
  partyId: string,
  input: ComplaintResolveInput,
  actorId: string | null,
) {
  if (input.creditNoteId) {
    const note = await trx
      .selectFrom('relations_invoice')
      .select(['id', 'kind', 'customer_id'])
      .where('org_id', '=', orgId)
      .where('id', '=', input.creditNoteId)
      .executeTakeFirst();
    if (note?.kind !== 'credit_note' || note.customer_id !== partyId)
      throw invalid('Avoir introuvable pour ce client.', [
        { field: 'creditNoteId', message: 'Choisissez un avoir adressé au même client.' },
      ]);
    return note.id;
  }
  const invoice = await trx
    .selectFrom('relations_invoice')
    .select('customer_id')
    .where('org_id', '=', orgId)
    .where('id', '=', input.creditInvoiceId!)
    .executeTakeFirst();
  if (!invoice || invoice.customer_id !== partyId)
    throw invalid('Facture introuvable pour ce client.', [
      { field: 'creditInvoiceId', message: 'Choisissez une facture validée de ce client.' },
    ]);
  return (await createCreditNote(trx, orgId, input.creditInvoiceId!, actorId)).id;
}

export async function resolveComplaint(
  trx: Db,
  orgId: string,
  complaintId: string,
  input: ComplaintResolveInput,
  actorId: string | null,
): Promise<ComplaintDto> {
  const before = await openComplaint(trx, orgId, complaintId);
  if (input.resolution === 'refusal' && !input.note)
    throw invalid('Un refus doit être motivé : indiquez les raisons.', [
      { field: 'note', message: 'Indiquez les raisons du refus.' },
    ]);
  if (input.resolution === 'credit_note' && !input.creditNoteId && !input.creditInvoiceId)
    throw invalid('Choisissez l’avoir, ou la facture sur laquelle le rédiger.', [
      { field: 'creditNoteId', message: 'Avoir ou facture à créditer attendu.' },
    ]);
  const creditNoteId =
    input.resolution === 'credit_note'
      ? await creditNoteFor(trx, orgId, before.partyId, input, actorId)
      : null;
  await trx
    .updateTable('relations_complaint')
    .set({
      status: 'resolved',
      resolution: input.resolution,
      resolution_note: input.note,
      credit_note_id: creditNoteId,
      resolved_on: await orgToday(trx, orgId),
      updated_at: new Date().toISOString(),
    })
    .where('org_id', '=', orgId)
    .where('id', '=', complaintId)
    .execute();
  const after = await getComplaint(trx, orgId, complaintId);
  await audit(trx, orgId, actorId, 'complaint.resolved', complaintId, before, after);
  return after;
}

export async function closeComplaint(
  trx: Db,
  orgId: string,
  complaintId: string,
  actorId: string | null,
): Promise<ComplaintDto> {
  const before = await getComplaint(trx, orgId, complaintId);
  if (before.status !== 'resolved')
    throw ruleBroken(
      'Résolvez la réclamation (avoir, remplacement ou refus motivé) avant de la clore.',
      'complaint-not-resolved',
    );
  await trx
    .updateTable('relations_complaint')
    .set({ status: 'closed', updated_at: new Date().toISOString() })
    .where('org_id', '=', orgId)
    .where('id', '=', complaintId)
    .execute();
  const after = await getComplaint(trx, orgId, complaintId);
  await audit(trx, orgId, actorId, 'complaint.closed', complaintId, before, after);
  return after;
}
