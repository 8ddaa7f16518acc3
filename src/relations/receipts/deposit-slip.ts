import { recordAudit } from '../../kernel/audit/audit.ts';
import { compareDates, formatDateFr } from '../../kernel/dates/index.ts';
import type { Db } from '../../kernel/db/index.ts';
import { type FieldIssue, invalid, notFound } from '../../kernel/errors/domain-error.ts';
import { newId } from '../../kernel/ids.ts';
import { formatAmount } from '../../kernel/money/index.ts';
import { getOrganisation } from '../../kernel/organisations/organisation.ts';
import { post } from '../../ledger/index.ts';
import { getInvoiceSettings } from '../invoice-settings/invoice-settings.ts';
import { SimplePdf } from '../shared/simple-pdf.ts';
import type { DepositSlipDto, DepositSlipInput } from './contract.ts';
import { BANK_ACCOUNT, CHEQUES_TO_DEPOSIT_ACCOUNT } from './receipt-posting.ts';
import { nextDocumentNumber } from './series.ts';

// A cheque deposit slip (bordereau de remise de chèques): the cheques taken to the bank together. Its entry
// moves them from 5112 « chèques à encaisser » to the bank, 512, in journal BQ, one credit line per cheque.

export async function getDepositSlip(db: Db, orgId: string, slipId: string): Promise<DepositSlipDto> {
  const slip = await db
    .selectFrom('relations_deposit_slip')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', slipId)
    .executeTakeFirst();
  if (!slip) throw notFound('Bordereau de remise');
  const cheques = await db
    .selectFrom('relations_receipt as r')
    .innerJoin('party as p', (j) => j.onRef('p.org_id', '=', 'r.org_id').onRef('p.id', '=', 'r.customer_id'))
    .select(['r.id', 'r.number', 'p.name', 'r.reference', 'r.receipt_date', 'r.amount'])
    .where('r.org_id', '=', orgId)
    .where('r.deposit_slip_id', '=', slipId)
    .orderBy('r.number')
    .execute();
  return {
    id: slip.id,
    number: slip.number,
    date: slip.deposit_date,
    total: Number(slip.total),
    chequeCount: Number(slip.cheque_count),
    ledgerEntryId: slip.ledger_entry_id,
    cheques: cheques.map((c) => ({
      receiptId: c.id,
      receiptNumber: c.number,
      customerName: c.name,
      reference: c.reference,
      date: c.receipt_date,
      amount: Number(c.amount),
    })),
    createdAt: slip.created_at,
  };
}

export async function listDepositSlips(db: Db, orgId: string): Promise<DepositSlipDto[]> {
  const rows = await db
    .selectFrom('relations_deposit_slip')
    .select('id')
    .where('org_id', '=', orgId)
    .orderBy('deposit_date', 'desc')
    .orderBy('number', 'desc')
    .limit(200)
    .execute();
  const slips: DepositSlipDto[] = [];
  for (const row of rows) slips.push(await getDepositSlip(db, orgId, row.id));
  return slips;
}

export async function createDepositSlip(
  trx: Db,
  orgId: string,
  input: DepositSlipInput,
  actorId: string | null,
): Promise<DepositSlipDto> {
  const ids = [...new Set(input.receiptIds)];
  const receipts = await trx
    .selectFrom('relations_receipt as r')
    .innerJoin('party as p', (j) => j.onRef('p.org_id', '=', 'r.org_id').onRef('p.id', '=', 'r.customer_id'))
    .select([
      'r.id',
      'r.number',
      'r.method',
      'r.status',
      'r.deposit_slip_id',
      'r.receipt_date',
      'r.amount',
      'r.reference',
      'p.name',
    ])
    .where('r.org_id', '=', orgId)
    .where('r.id', 'in', ids)
    .execute();
  const byId = new Map(receipts.map((r) => [r.id, r]));
  const issues: FieldIssue[] = [];
  ids.forEach((receiptId, i) => {
    const r = byId.get(receiptId);
    const field = `receiptIds.${i}`;
    if (!r) issues.push({ field, message: 'Encaissement introuvable.' });
    else if (r.method !== 'cheque') issues.push({ field, message: `${r.number} n’est pas un chèque.` });
    else if (r.status !== 'validated') issues.push({ field, message: `${r.number} est annulé.` });
    else if (r.deposit_slip_id) issues.push({ field, message: `${r.number} est déjà remis en banque.` });
    else if (compareDates(r.receipt_date, input.date) > 0)
      issues.push({
        field,
        message: `${r.number} a été reçu le ${formatDateFr(r.receipt_date)}, après la date de remise.`,
      });
  });
  if (issues.length > 0) throw invalid(issues[0]!.message, issues);
  const id = newId();
  const number = await nextDocumentNumber(trx, orgId, 'BR', input.date);
  const total = receipts.reduce((s, r) => s + Number(r.amount), 0);
  const label = `Remise de chèques ${number}`;
  const entry = await post(
    trx,
    orgId,
    {
      journal: 'BQ',
      date: input.date,
      label,
      voucherRef: number,
      voucherDate: input.date,
      lines: [
        { account: BANK_ACCOUNT, partyId: null, label, debit: total, credit: 0, dueDate: null },
        ...receipts.map((r) => ({
          account: CHEQUES_TO_DEPOSIT_ACCOUNT,
          partyId: null,
          label: `Chèque ${r.reference ?? r.number} – ${r.name}`.slice(0, 200),
          debit: 0,
          credit: Number(r.amount),
          dueDate: null,
        })),
      ],
      sourceRef: `relations.deposit_slip:${id}`,
    },
    actorId,
  );
  await trx
    .insertInto('relations_deposit_slip')
    .values({
      org_id: orgId,
      id,
      number,
      deposit_date: input.date,
      total,
      cheque_count: receipts.length,
      ledger_entry_id: entry.id,
      created_at: new Date().toISOString(),
      created_by: actorId,
    })
    .execute();
  const updated = await trx
    .updateTable('relations_receipt')
    .set({ deposit_slip_id: id })
    .where('org_id', '=', orgId)
    .where('id', 'in', ids)
    .where('deposit_slip_id', 'is', null)
    .executeTakeFirst();
  // Another slip took one of these cheques meanwhile: refuse rather than deposit it twice.
  if (Number(updated.numUpdatedRows) !== ids.length)
    throw invalid('Un de ces chèques vient d’être remis sur un autre bordereau.');
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'relations.deposit_slip.created',
    entity: 'relations_deposit_slip',
    entityId: id,
    after: { number, date: input.date, total, receiptIds: ids, ledgerEntryId: entry.id },
  });
  return getDepositSlip(trx, orgId, id);
}

export async function depositSlipPdf(db: Db, orgId: string, slipId: string) {
  const slip = await getDepositSlip(db, orgId, slipId);
  const [org, settings] = await Promise.all([getOrganisation(db, orgId), getInvoiceSettings(db, orgId)]);
  const pdf = await SimplePdf.create(`Bordereau de remise de chèques ${slip.number}`);
  pdf.paragraph(org.name, { bold: true, size: 11, gap: 2 });
  if (settings.iban)
    pdf.paragraph(
      `Compte à créditer : IBAN ${settings.iban}${settings.bic ? ` – BIC ${settings.bic}` : ''}`,
      { gap: 2 },
    );
  pdf.space(12);
  pdf.paragraph(`Bordereau de remise de chèques n° ${slip.number}`, { bold: true, size: 14 });
  pdf.paragraph(`Date de remise : ${formatDateFr(slip.date)}`, { gap: 12 });
  pdf.table(
    [
      { header: 'N°', width: 30 },
      { header: 'Tireur', width: 190 },
      { header: 'N° de chèque', width: 110 },
      { header: 'Reçu le', width: 70 },
      { header: 'Montant', width: 95, align: 'right' },
    ],
    [
      ...slip.cheques.map((c, i) => [
        String(i + 1),
        c.customerName,
        c.reference ?? '',
        formatDateFr(c.date),
        formatAmount(c.amount),
      ]),
      [
        '',
        `Total : ${slip.chequeCount} chèque${slip.chequeCount > 1 ? 's' : ''}`,
        '',
        '',
        formatAmount(slip.total),
      ],
    ],
    { totalRow: true },
  );
  pdf.paragraph('Signature du remettant :', { gap: 40 });
  return { bytes: await pdf.save(), fileName: `remise-${slip.number}.pdf` };
}
